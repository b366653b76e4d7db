// Package model holds the typed results of reading a 12345-hotline bulletin:
// the bulletin's metadata, its tables of per-unit counts and rates, the
// paragraphs of its prose with the figures and unit mentions read from
// them, and what could not be placed.
//
// The types are plain values with the JSON shape that `bulletin extract`
// prints; they depend on nothing but the standard library, so any Go program
// can import them to read, build or check bulletins.
//
// Every value read from a document keeps the text it was printed as and the
// position it came from ([Pos]), so that a finding about it can point back to
// the page, line or cell.
package model

import "unicode/utf8"

// Bulletin is one published bulletin, as read from one file.
type Bulletin struct {
	Source  Source `json:"source"`
	Title   string `json:"title"`
	Issuer  string `json:"issuer"`
	Issued  Date   `json:"issued"`
	IssueNo string `json:"issue_no"`
	Period  Period `json:"period"`
	// TitlePeriod is the period the title names, when it differs from the
	// body's (a title saying 3月 over a body about April).
	TitlePeriod *Period `json:"title_period,omitempty"`
	// Paragraphs are the paragraphs of the prose the figures and mentions
	// were read from, in order (see [Paragraph]); empty in a bulletin
	// written by a version that did not record them.
	Paragraphs []Paragraph `json:"paragraphs,omitempty"`
	Figures    []Figure    `json:"figures"`
	Mentions   []Mention   `json:"mentions"`
	Tables     []Table     `json:"tables"`
	Problems   []Problem   `json:"problems"`
}

// Paragraph is one paragraph of a bulletin's prose: the body text outside
// its tables, as the figures and mentions were read from it. It leaves out
// what the bulletin holds elsewhere or is no prose: the title (Bulletin.Title),
// tables with their captions and notes, and page furniture (running heads,
// footers, page numbers). Masthead lines printed in the body (the issuer,
// a date, an issue number) and headings are kept, as printed. Text is the
// paragraph after the reader has rebuilt it: a sentence broken over lines
// or paragraphs ("…较好的单位是" / "区烟草局、…") is one paragraph, joined
// without a separator, with the surrounding space trimmed and pinyin
// glosses (辦結(jié)) dropped.
type Paragraph struct {
	Text string `json:"text"`
	// Pos is where the paragraph starts.
	Pos Pos `json:"pos"`
}

// Span locates a phrase in the prose: Paragraph is its index in
// Bulletin.Paragraphs, and Start and End are the byte offsets of the phrase
// in that paragraph's Text, so that Text[Start:End] is the phrase as
// printed (with any space the layout put in it).
type Span struct {
	Paragraph int `json:"paragraph"`
	Start     int `json:"start"`
	End       int `json:"end"`
}

// Phrase returns the phrase s locates among paras, and false when s does
// not lie inside one of them on character boundaries (a span of another
// bulletin, or one edited by hand).
func (s Span) Phrase(paras []Paragraph) (string, bool) {
	if s.Paragraph < 0 || s.Paragraph >= len(paras) {
		return "", false
	}
	text := paras[s.Paragraph].Text
	if s.Start < 0 || s.Start > s.End || s.End > len(text) || !boundary(text, s.Start) || !boundary(text, s.End) {
		return "", false
	}
	return text[s.Start:s.End], true
}

// boundary reports whether offset i of text falls between characters: no
// character encoded before it runs past it. (A stray byte of text that is
// no UTF-8 is a character of its own.)
func boundary(text string, i int) bool {
	for j := i - 1; j >= 0 && j > i-utf8.UTFMax; j-- {
		if utf8.RuneStart(text[j]) {
			_, n := utf8.DecodeRuneInString(text[j:])
			return j+n <= i
		}
	}
	return true
}

// Source identifies the file a bulletin was read from.
type Source struct {
	// Name is the file name as given to the extractor (may be empty for
	// streams).
	Name string `json:"name"`
	// Format is the detected format: "text", "docx", "pdf", "html", "mht",
	// "xlsx", "xls" (also WPS .et), "doc" (also WPS .wps).
	Format string `json:"format"`
	// SHA256 is the hex SHA-256 of the file's bytes.
	SHA256 string `json:"sha256"`
	// URL is the address the file was fetched from, after redirects, when
	// it was read from the web.
	URL string `json:"url,omitempty"`
	// Parts lists the files the bulletin was read from when there are
	// several: a web page first, then the attachments it links to (附件)
	// whose content was read. Table.Part indexes it. It is empty for a
	// bulletin read from one file.
	Parts []Part `json:"parts,omitempty"`
}

// Part is one of the files a bulletin was read from: the page itself or
// one of its attachments.
type Part struct {
	Name   string `json:"name"`
	Format string `json:"format"`
	SHA256 string `json:"sha256"`
	// URL is where the part was fetched from, or the link to it as the page
	// prints it when it was read from a file next to the page.
	URL string `json:"url,omitempty"`
}

// Period is the span of time a bulletin reports on.
type Period struct {
	Start Date `json:"start"`
	End   Date `json:"end"`
	// Label is the period as printed, e.g. "3月份" or "2024年第28周".
	Label string `json:"label"`
}

// FigureKind says what a figure states.
type FigureKind string

// The kinds of figures.
const (
	// Count is a number of items: "受理各类诉求2660件", "57家区直单位".
	Count FigureKind = "count"
	// RateFigure is a rate stated in the prose: "满意率97.59%". Its
	// Parent, when set, is the figure it is a rate of (its denominator).
	RateFigure FigureKind = "rate"
	// Change is a change against an earlier period: "同比增加7181件",
	// "环比下降0.16%", "提升3.67个百分点". Its Parent is the figure that
	// changed; Base is the earlier value when printed; Compare names the
	// earlier period.
	Change FigureKind = "change"
	// Average is a mean stated in the prose: "日均受理120件". It is never a
	// part of a count nor a whole of one.
	Average FigureKind = "average"
)

// Figure is a number stated in the bulletin's prose, such as the total
// "共受理各类诉求2660件".
type Figure struct {
	Label string  `json:"label"`
	Value float64 `json:"value"`
	// Unit is the counting word printed after the number (件, 宗, 个 ...),
	// "%" for rates and relative changes, "个百分点" for changes of a rate.
	Unit string `json:"unit"`
	// Text is the phrase the figure was read from, as printed, without the
	// space a layout puts between Chinese and digits.
	Text string `json:"text"`
	// Span is where Text lies in Bulletin.Paragraphs, with any space the
	// layout put in it; nil when the bulletin records no paragraphs.
	Span *Span `json:"span,omitempty"`
	// Parent is the index in Bulletin.Figures of the figure this one is a
	// part of ("其中…"), the rate's base, or the changed figure; -1 if none.
	Parent int `json:"parent"`
	// List numbers the list of parts a count was printed in: the parts of
	// one breakdown of their Parent ("其中电话2364件、网络296件") share a
	// number, unique in the bulletin. Parts of different lists of one
	// parent (by channel, then by type) are separate breakdowns, each adding
	// up to at most the parent. A count alone in its list is a subset of its
	// parent ("已办结2170件" of "派发工单2223件"), not one of disjoint parts.
	// 0 when the figure is no part, or in a bulletin built without lists
	// (then all parts of a parent are one list). See [PartLists].
	List int `json:"list,omitempty"`
	// Share is the printed percentage this figure takes of its parent or of
	// a stated total ("占63.72%" gives 63.72), or nil when none is printed.
	Share *float64 `json:"share"`
	// ShareOf is the index of the figure the printed share is taken of,
	// when the text names one other than Parent: the parts of "合计13683件：
	// 住房6120件，…，分别约占受理总量的15.2%、…" are parts of 13683 and shares
	// of the total received. nil when the share is of Parent.
	ShareOf *int `json:"share_of,omitempty"`
	// Kind is count, rate, change or average.
	Kind FigureKind `json:"kind"`
	// Numerator is, for a rate, the index of the count printed as its
	// numerator ("办结3127件，办结率99.21%"); nil when none is printed.
	// The rate's base (denominator) is its Parent.
	Numerator *int `json:"numerator,omitempty"`
	// Compare is, for a change, the comparison as printed: 同比, 环比,
	// 较上月, 比上年同期.
	Compare string `json:"compare,omitempty"`
	// PrintedUnit is the unit as printed when it holds a magnitude that
	// Value has been scaled by: 万件 for "9.67万件" (Value 96700, Unit 件,
	// Decimals 2).
	PrintedUnit string `json:"printed_unit,omitempty"`
	// Decimals is the number of digits printed after the point of the value
	// (of the share, for ShareDecimals).
	Decimals      int `json:"decimals,omitempty"`
	ShareDecimals int `json:"share_decimals,omitempty"`
	// Base is the earlier value a change is measured from, when printed.
	Base *float64 `json:"base,omitempty"`
	// InBrackets marks a part printed in brackets right after its parent's
	// number, as its breakdown: "2364件（洛阳市转办2329件、偃师区自行受理35件）".
	// Such a list claims to be complete, so its parts must add up to the
	// parent.
	InBrackets bool `json:"in_brackets,omitempty"`
	Pos        Pos  `json:"pos"`
}

// Mention roles.
const (
	Praised    = "praised"    // named as doing well (较好的单位)
	Criticised = "criticised" // named as needing to improve (有待改进, 通报批评)
	Ranked     = "ranked"     // named in a top-N or bottom-N list (前三名)
)

// Mention is a unit named in the prose, for instance as praised or as
// needing improvement.
type Mention struct {
	// Unit is the name as printed ("区烟草局").
	Unit string `json:"unit"`
	// Role is Praised, Criticised or Ranked.
	Role string `json:"role"`
	// Context is the phrase that gives the role.
	Context string `json:"context"`
	// Value is the count or score printed with the name ("县公安局(287宗)"),
	// with its unit word; nil when none is printed.
	Value     *float64 `json:"value,omitempty"`
	ValueUnit string   `json:"value_unit,omitempty"`
	// Matches are the table rows of the unit the mention means ("区烟草局"
	// is the row "烟草局"); empty when no table lists it.
	Matches []UnitRef `json:"matches"`
	Pos     Pos       `json:"pos"`
}

// UnitRef points at a table row.
type UnitRef struct {
	Table int    `json:"table"`
	Row   int    `json:"row"`
	Unit  string `json:"unit"`
}

// Problem is something in the document the extractor could not place in the
// model, or placed with a caveat. Nothing is dropped without one.
type Problem struct {
	Pos     Pos    `json:"pos"`
	Message string `json:"message"`
}

// PartLists splits the parts of one figure (the indices of the figures
// whose Parent it is, in order) into the lists they were printed in
// (Figure.List). Parts without a list number form one list, as in a
// bulletin built before lists were numbered.
func PartLists(figs []Figure, parts []int) [][]int {
	var out [][]int
	at := map[int]int{} // list number -> index in out
	for _, k := range parts {
		if k < 0 || k >= len(figs) {
			continue
		}
		n := figs[k].List
		i, ok := at[n]
		if !ok {
			i = len(out)
			at[n] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], k)
	}
	return out
}
