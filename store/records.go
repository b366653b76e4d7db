// Package store writes extracted bulletins to an archive: a SQLite database
// or a folder of CSV files with the same tables, and exports an archive as
// CSV or Parquet files. An archive holds one row per input file (ok,
// failed with the reason, or missing), one bulletin per content however
// many files hold it (each file a source of it), the bulletin's metadata,
// its tables in long form (one row per cell, with the printed group and
// canonical metric of its column, its channel, printed header and text,
// value, decimals and position), figures, mentions, definitions, the
// problems of reading each file, the findings of validate.Check with their
// basis, the files a web page's bulletin was read from (the page and its
// attachments), and the links between the spellings of units.
//
// The schema (see [Schema]) keys a bulletin's records by its id and the
// indexes the bulletin itself uses (table, row, cell group and key), so
// the same records go to SQLite and to CSV. [SchemaVersion] is kept in the
// database; OpenSQLite migrates archives of earlier versions.
package store

import (
	"encoding/json"
	"math"
	"strconv"
	"time"

	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/validate"
)

// File is one input file's record: what was read and how it went.
type File struct {
	// ID is the file's id in the archive; Put assigns it.
	ID int64
	// Path is the file's cleaned absolute path (digitize makes it so), or
	// the URL it was fetched from.
	Path   string
	SHA256 string
	Size   int64
	// Format is the format read by content, as model.Source.Format has it
	// ("text", "docx", "pdf", "html", "xlsx" …); empty when unknown.
	Format string
	// Status is StatusOK, StatusFailed, StatusSkipped or StatusMissing;
	// Reason says why it failed or was not read.
	Status string
	Reason string
	// Extractor and Revision are the extract.Version that read the file:
	// the module version and the reader revision. Revision 0 asks for the
	// file to be read again.
	Extractor string
	Revision  int
	// Processed is when the file was read.
	Processed time.Time
}

// File statuses.
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
	// StatusSkipped is a path found but not read, with the reason: not a
	// regular file (a named pipe, a device, a socket), a symbolic link
	// that loops or leads nowhere, a folder already read, a hidden file.
	StatusSkipped = "skipped"
	// StatusMissing is a file that a run no longer found where the archive
	// had it. Its records stay until a run prunes it.
	StatusMissing = "missing"
)

// table is one table of the schema: its name and columns, whether it
// holds records of a bulletin (written once per bulletin) or of a file,
// and how to make its rows from an entry.
type table struct {
	name     string
	columns  []string
	bulletin bool
	rows     func(e *Entry) [][]any
}

// Entry is what the archive stores for one file: the file's record, and
// for a file read without error its bulletin and, when it was checked, the
// findings of validate.Check. An entry of a missing file (StatusMissing)
// marks it missing, or removes it when Prune is set.
type Entry struct {
	File     File
	Bulletin *model.Bulletin
	Findings []validate.Finding
	// Content is the bulletin's identity, ContentHash(Bulletin); Put
	// computes it when it is empty.
	Content string
	// BulletinID is the bulletin's id in the archive; Put assigns it.
	BulletinID int64
	// Prune removes a missing file from the archive, and its bulletin
	// with its last source.
	Prune bool
}

// posJSON encodes a position compactly, as json.Marshal does; the zero
// position is NULL. Every cell has a position, so it is encoded here
// without reflection: json.Marshal is left the names that need escaping
// and the numbers JSON cannot hold.
func posJSON(p model.Pos) any {
	if p.IsZero() {
		return nil
	}
	if b, ok := appendPos(make([]byte, 0, 64), p); ok {
		return string(b)
	}
	b, _ := json.Marshal(p)
	return string(b)
}

// appendPos appends p as json.Marshal encodes it, or reports false when
// it has a name that needs escaping or a number that is not finite.
func appendPos(b []byte, p model.Pos) ([]byte, bool) {
	if !plainJSON(p.Part) || !plainJSON(p.Path) || !finite(p.X) || !finite(p.Y) {
		return b, false
	}
	b = append(b, '{')
	field := func(name string) {
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"', ':')
	}
	if p.Part != "" {
		field("part")
		b = append(append(append(b, '"'), p.Part...), '"')
	}
	for _, f := range [...]struct {
		name string
		v    int
	}{{"page", p.Page}, {"block", p.Block}, {"row", p.Row}, {"col", p.Col}, {"line", p.Line}} {
		if f.v != 0 {
			field(f.name)
			b = strconv.AppendInt(b, int64(f.v), 10)
		}
	}
	if p.X != 0 {
		field("x")
		b = appendJSONFloat(b, p.X)
	}
	if p.Y != 0 {
		field("y")
		b = appendJSONFloat(b, p.Y)
	}
	if p.Path != "" {
		field("path")
		b = append(append(append(b, '"'), p.Path...), '"')
	}
	return append(b, '}'), true
}

// plainJSON reports whether s is printable ASCII that encoding/json
// writes as it is (it escapes quotes, backslashes and <, >, &).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// appendJSONFloat formats f as encoding/json does: like 'f' but for very
// small and very large magnitudes, which take an exponent of at least one
// digit.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b
}

func jsonText(v any) any {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" || string(b) == "[]" {
		return nil
	}
	return string(b)
}

func dateText(d model.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func floatOrNil(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func intOrNil(v *int) any {
	if v == nil {
		return nil
	}
	return *v
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// tables lists the archive's tables, in the order they are written (parents
// before children).
var tables = []table{
	{"files", []string{"id", "path", "sha256", "size", "format", "status", "reason", "problems", "extractor", "revision", "processed_at", "missing_since"}, false,
		func(e *Entry) [][]any {
			f := e.File
			problems := 0
			if e.Bulletin != nil {
				problems = len(e.Bulletin.Problems)
			}
			id := any(f.ID)
			if f.ID == 0 {
				id = nil // assigned by the archive
			}
			return [][]any{{id, f.Path, f.SHA256, f.Size, f.Format, f.Status, f.Reason, problems, f.Extractor, f.Revision,
				f.Processed.UTC().Format(time.RFC3339), nil}}
		}},
	{"bulletins", []string{"id", "content", "file_id", "title", "issuer", "issued", "issue_no", "period_start", "period_end", "period_label",
		"title_period_start", "title_period_end", "title_period_label"}, true,
		func(e *Entry) [][]any {
			b := e.Bulletin
			var tp model.Period
			if b.TitlePeriod != nil {
				tp = *b.TitlePeriod
			}
			return [][]any{{e.BulletinID, e.Content, e.File.ID, b.Title, b.Issuer, dateText(b.Issued), b.IssueNo, dateText(b.Period.Start),
				dateText(b.Period.End), b.Period.Label, dateText(tp.Start), dateText(tp.End), tp.Label}}
		}},
	{"sources", []string{"file_id", "bulletin_id"}, false,
		func(e *Entry) [][]any {
			return [][]any{{e.File.ID, e.BulletinID}}
		}},
	{"parts", []string{"bulletin_id", "part", "name", "format", "sha256", "url"}, true,
		func(e *Entry) [][]any {
			var out [][]any
			for i, p := range e.Bulletin.Source.Parts {
				out = append(out, []any{e.BulletinID, i, p.Name, p.Format, p.SHA256, p.URL})
			}
			return out
		}},
	{"tables", []string{"bulletin_id", "tbl", "label", "title", "channel", "channel_text", "columns", "notes", "pos", "part"}, true,
		func(e *Entry) [][]any {
			var out [][]any
			for i, t := range e.Bulletin.Tables {
				out = append(out, []any{e.BulletinID, i, t.Label, t.Title, t.Channel, t.ChannelText, jsonText(t.Columns), jsonText(t.Notes),
					posJSON(t.Pos), t.Part})
			}
			return out
		}},
	{"definitions", []string{"bulletin_id", "tbl", "def", "key", "numerator", "denominator", "implies", "text"}, true,
		func(e *Entry) [][]any {
			var out [][]any
			for i, t := range e.Bulletin.Tables {
				for j, d := range t.Definitions {
					out = append(out, []any{e.BulletinID, i, j, string(d.Key), string(d.Numerator), string(d.Denominator), jsonText(d.Implies), d.Text})
				}
			}
			return out
		}},
	{"rows", []string{"bulletin_id", "tbl", "row", "unit", "total", "pos"}, true,
		func(e *Entry) [][]any {
			var out [][]any
			for i, t := range e.Bulletin.Tables {
				for j, r := range t.Rows {
					out = append(out, []any{e.BulletinID, i, j, r.Unit, boolInt(r.Total), posJSON(r.Pos)})
				}
			}
			return out
		}},
	{"cells", []string{"bulletin_id", "tbl", "row", "grp", "key", "channel", "header", "text", "value", "decimals", "pos"}, true,
		func(e *Entry) [][]any {
			var out [][]any
			for i := range e.Bulletin.Tables {
				t := &e.Bulletin.Tables[i]
				for j, r := range t.Rows {
					for _, k := range t.CellKeys(r) {
						c := r.Cells[k]
						group, metric := t.GroupMetric(k)
						out = append(out, []any{e.BulletinID, i, j, group, string(metric), t.ChannelOf(k), t.HeaderOf(k),
							c.Text, floatOrNil(c.Value), intOrNil(c.Decimals), posJSON(c.Pos)})
					}
				}
			}
			return out
		}},
	{"figures", []string{"bulletin_id", "fig", "kind", "label", "value", "unit", "text", "parent", "share", "base", "pos"}, true,
		func(e *Entry) [][]any {
			var out [][]any
			for i, f := range e.Bulletin.Figures {
				parent := any(nil)
				if f.Parent >= 0 {
					parent = f.Parent
				}
				out = append(out, []any{e.BulletinID, i, string(f.Kind), f.Label, f.Value, f.Unit, f.Text, parent, floatOrNil(f.Share), floatOrNil(f.Base), posJSON(f.Pos)})
			}
			return out
		}},
	{"mentions", []string{"bulletin_id", "mention", "unit", "role", "context", "value", "value_unit", "matches", "pos"}, true,
		func(e *Entry) [][]any {
			var out [][]any
			for i, m := range e.Bulletin.Mentions {
				out = append(out, []any{e.BulletinID, i, m.Unit, m.Role, m.Context, floatOrNil(m.Value), m.ValueUnit, jsonText(m.Matches), posJSON(m.Pos)})
			}
			return out
		}},
	{"findings", []string{"bulletin_id", "finding", "severity", "rule", "tbl", "row", "unit", "column", "figure", "mention",
		"published", "expected", "hint", "message", "pos", "basis"}, true,
		func(e *Entry) [][]any {
			var out [][]any
			for i, f := range e.Findings {
				out = append(out, []any{e.BulletinID, i, string(f.Severity), string(f.Rule), f.Table, f.Row, f.Unit, string(f.Column),
					intOrNil(f.Figure), intOrNil(f.Mention), f.Published, f.Expected, f.Hint, f.Message, posJSON(f.Pos), f.Basis})
			}
			return out
		}},
	{"problems", []string{"file_id", "problem", "message", "pos"}, false,
		func(e *Entry) [][]any {
			var out [][]any
			for i, p := range e.Bulletin.Problems {
				out = append(out, []any{e.File.ID, i, p.Message, posJSON(p.Pos)})
			}
			return out
		}},
}

// unitsColumns are the columns of the units table.
var unitsColumns = []string{"issuer", "name", "unit", "rule", "evidence"}

// tableNamed returns the schema's table of that name.
func tableNamed(name string) table {
	for _, t := range tables {
		if t.name == name {
			return t
		}
	}
	panic("store: no table " + name)
}
