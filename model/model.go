// Package model holds the typed results of reading a 12345-hotline bulletin:
// the bulletin's metadata, its tables of per-unit counts and rates, the
// figures and unit mentions of its prose, and what could not be placed.
//
// The types are plain values with the JSON shape that `bulletin extract`
// prints; they depend on nothing but the standard library, so any Go program
// can import them to read, build or check bulletins.
//
// Every value read from a document keeps the text it was printed as and the
// position it came from ([Pos]), so that a finding about it can point back to
// the page, line or cell.
package model

// Bulletin is one published bulletin, as read from one file.
type Bulletin struct {
	Source   Source    `json:"source"`
	Title    string    `json:"title"`
	Issuer   string    `json:"issuer"`
	Issued   Date      `json:"issued"`
	IssueNo  string    `json:"issue_no"`
	Period   Period    `json:"period"`
	Figures  []Figure  `json:"figures"`
	Mentions []Mention `json:"mentions"`
	Tables   []Table   `json:"tables"`
	Problems []Problem `json:"problems"`
}

// Source identifies the file a bulletin was read from.
type Source struct {
	// Name is the file name as given to the extractor (may be empty for
	// streams).
	Name string `json:"name"`
	// Format is the detected format: "text", "docx" or "pdf".
	Format string `json:"format"`
	// SHA256 is the hex SHA-256 of the file's bytes.
	SHA256 string `json:"sha256"`
}

// Period is the span of time a bulletin reports on.
type Period struct {
	Start Date `json:"start"`
	End   Date `json:"end"`
	// Label is the period as printed, e.g. "3月份" or "2024年第28周".
	Label string `json:"label"`
}

// Figure is a number stated in the bulletin's prose, such as the total
// "共受理各类诉求2660件".
type Figure struct {
	Label string  `json:"label"`
	Value float64 `json:"value"`
	// Unit is the counting word printed after the number (件, 宗, 个 ...).
	Unit string `json:"unit"`
	// Text is the phrase the figure was read from, as printed.
	Text string `json:"text"`
	// Parent is the index in Bulletin.Figures of the figure this one is a
	// part of ("其中…"), or -1.
	Parent int `json:"parent"`
	// Share is the printed percentage this figure takes of its parent or of
	// a stated total ("占63.72%" gives 63.72), or nil when none is printed.
	Share *float64 `json:"share"`
	Pos   Pos      `json:"pos"`
}

// Mention is a unit named in the prose, for instance as praised or as
// needing improvement.
type Mention struct {
	Unit    string `json:"unit"`
	Role    string `json:"role"`
	Context string `json:"context"`
	Pos     Pos    `json:"pos"`
}

// Problem is something in the document the extractor could not place in the
// model, or placed with a caveat. Nothing is dropped without one.
type Problem struct {
	Pos     Pos    `json:"pos"`
	Message string `json:"message"`
}
