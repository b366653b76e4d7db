// Package store writes extracted bulletins to an archive: a SQLite database
// or a folder of CSV files with the same tables. Both hold one row per input
// file (ok or failed, with the reason), the bulletin's metadata, its tables
// in long form (one row per cell, with key, printed header and text, value,
// decimals and position), figures, mentions, definitions, problems and the
// findings of validate.Check.
//
// The schema (see [Schema]) keys everything by the file's id and the
// indexes the bulletin itself uses (table, row, cell key), so the same
// records go to SQLite and to CSV.
package store

import (
	"encoding/json"
	"time"

	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/validate"
)

// File is one input file's record: what was read and how it went.
type File struct {
	// ID is the file's id in the archive; Put assigns it.
	ID int64
	// Path is the file's path as given (relative or absolute).
	Path   string
	SHA256 string
	Size   int64
	// Format is "text", "docx" or "pdf"; empty when unknown.
	Format string
	// Status is StatusOK, StatusFailed or StatusSkipped; Reason says why
	// it failed or was not read.
	Status string
	Reason string
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
)

// table is one table of the schema: its name and columns, and how to make
// its rows from an entry.
type table struct {
	name    string
	columns []string
	rows    func(e *Entry) [][]any
}

// Entry is what the archive stores for one file: the file's record, and
// for a file read without error its bulletin and, when it was checked, the
// findings of validate.Check.
type Entry struct {
	File     File
	Bulletin *model.Bulletin
	Findings []validate.Finding
}

// posJSON encodes a position compactly; the zero position is "".
func posJSON(p model.Pos) any {
	if p.IsZero() {
		return nil
	}
	b, _ := json.Marshal(p)
	return string(b)
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
	{"files", []string{"id", "path", "sha256", "size", "format", "status", "reason", "problems", "processed_at"},
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
			return [][]any{{id, f.Path, f.SHA256, f.Size, f.Format, f.Status, f.Reason, problems, f.Processed.UTC().Format(time.RFC3339)}}
		}},
	{"bulletins", []string{"file_id", "title", "issuer", "issued", "issue_no", "period_start", "period_end", "period_label",
		"title_period_start", "title_period_end", "title_period_label"},
		func(e *Entry) [][]any {
			b := e.Bulletin
			var tp model.Period
			if b.TitlePeriod != nil {
				tp = *b.TitlePeriod
			}
			return [][]any{{e.File.ID, b.Title, b.Issuer, dateText(b.Issued), b.IssueNo, dateText(b.Period.Start),
				dateText(b.Period.End), b.Period.Label, dateText(tp.Start), dateText(tp.End), tp.Label}}
		}},
	{"tables", []string{"file_id", "tbl", "label", "title", "columns", "notes", "pos"},
		func(e *Entry) [][]any {
			var out [][]any
			for i, t := range e.Bulletin.Tables {
				out = append(out, []any{e.File.ID, i, t.Label, t.Title, jsonText(t.Columns), jsonText(t.Notes), posJSON(t.Pos)})
			}
			return out
		}},
	{"definitions", []string{"file_id", "tbl", "def", "key", "numerator", "denominator", "implies", "text"},
		func(e *Entry) [][]any {
			var out [][]any
			for i, t := range e.Bulletin.Tables {
				for j, d := range t.Definitions {
					out = append(out, []any{e.File.ID, i, j, string(d.Key), string(d.Numerator), string(d.Denominator), jsonText(d.Implies), d.Text})
				}
			}
			return out
		}},
	{"rows", []string{"file_id", "tbl", "row", "unit", "total", "pos"},
		func(e *Entry) [][]any {
			var out [][]any
			for i, t := range e.Bulletin.Tables {
				for j, r := range t.Rows {
					out = append(out, []any{e.File.ID, i, j, r.Unit, boolInt(r.Total), posJSON(r.Pos)})
				}
			}
			return out
		}},
	{"cells", []string{"file_id", "tbl", "row", "key", "header", "text", "value", "decimals", "pos"},
		func(e *Entry) [][]any {
			var out [][]any
			for i, t := range e.Bulletin.Tables {
				for j, r := range t.Rows {
					for _, k := range t.CellKeys(r) {
						c := r.Cells[k]
						out = append(out, []any{e.File.ID, i, j, string(k), t.HeaderOf(k), c.Text, floatOrNil(c.Value), intOrNil(c.Decimals), posJSON(c.Pos)})
					}
				}
			}
			return out
		}},
	{"figures", []string{"file_id", "fig", "kind", "label", "value", "unit", "text", "parent", "share", "base", "pos"},
		func(e *Entry) [][]any {
			var out [][]any
			for i, f := range e.Bulletin.Figures {
				parent := any(nil)
				if f.Parent >= 0 {
					parent = f.Parent
				}
				out = append(out, []any{e.File.ID, i, string(f.Kind), f.Label, f.Value, f.Unit, f.Text, parent, floatOrNil(f.Share), floatOrNil(f.Base), posJSON(f.Pos)})
			}
			return out
		}},
	{"mentions", []string{"file_id", "mention", "unit", "role", "context", "value", "value_unit", "matches", "pos"},
		func(e *Entry) [][]any {
			var out [][]any
			for i, m := range e.Bulletin.Mentions {
				out = append(out, []any{e.File.ID, i, m.Unit, m.Role, m.Context, floatOrNil(m.Value), m.ValueUnit, jsonText(m.Matches), posJSON(m.Pos)})
			}
			return out
		}},
	{"findings", []string{"file_id", "finding", "severity", "rule", "tbl", "row", "unit", "column", "figure", "mention",
		"published", "expected", "hint", "message", "pos"},
		func(e *Entry) [][]any {
			var out [][]any
			for i, f := range e.Findings {
				out = append(out, []any{e.File.ID, i, string(f.Severity), string(f.Rule), f.Table, f.Row, f.Unit, string(f.Column),
					intOrNil(f.Figure), intOrNil(f.Mention), f.Published, f.Expected, f.Hint, f.Message, posJSON(f.Pos)})
			}
			return out
		}},
	{"problems", []string{"file_id", "problem", "message", "pos"},
		func(e *Entry) [][]any {
			var out [][]any
			for i, p := range e.Bulletin.Problems {
				out = append(out, []any{e.File.ID, i, p.Message, posJSON(p.Pos)})
			}
			return out
		}},
}
