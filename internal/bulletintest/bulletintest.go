// Package bulletintest holds helpers for tests that compare bulletins read
// from different formats.
package bulletintest

import (
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/width"

	"github.com/hotline12345/bulletin/model"
)

// Update is the -update flag of the packages that own golden files: when
// set, golden tests rewrite their files instead of comparing.
var Update = flag.Bool("update", false, "rewrite golden files")

// Records returns a copy of b holding only what every format must agree
// on: metadata, prose, figures, mentions and tables, without positions,
// the source, the part a table came from, the problems (which name lines,
// pages or parts) and the values spreadsheets store behind their cells'
// text. Texts are width-folded, so a copy printed with full-width digits
// compares equal.
//
// The prose is compared as one text, its paragraphs joined without their
// white space, and each figure's span as where it lies in that text:
// which line breaks end a paragraph is layout, as positions are. A
// layout-text copy cannot always tell a paragraph's end from a line of a
// wrapped paragraph that happens to end a sentence at the right margin,
// and layouts space text differently (pdftotext puts spaces between
// Chinese and digits); what every format must agree on is the text and
// where in it each figure was read.
func Records(b *model.Bulletin) *model.Bulletin {
	fold := width.Fold.String
	r := *b
	r.Source = model.Source{}
	r.Problems = nil
	r.Title, r.Issuer, r.IssueNo = fold(r.Title), fold(r.Issuer), fold(r.IssueNo)
	r.Period.Label = fold(r.Period.Label)
	prose, at := joinedProse(b.Paragraphs)
	r.Paragraphs = nil
	if len(b.Paragraphs) > 0 {
		r.Paragraphs = []model.Paragraph{{Text: prose}}
	}
	r.Figures = append([]model.Figure(nil), b.Figures...)
	for i := range r.Figures {
		r.Figures[i].Pos = model.Pos{}
		if sp := r.Figures[i].Span; sp != nil {
			r.Figures[i].Span = at(*sp)
		}
		r.Figures[i].Text = fold(r.Figures[i].Text)
		r.Figures[i].Label = fold(r.Figures[i].Label)
	}
	r.Mentions = append([]model.Mention(nil), b.Mentions...)
	for i := range r.Mentions {
		r.Mentions[i].Pos = model.Pos{}
		r.Mentions[i].Context = fold(r.Mentions[i].Context)
	}
	r.Tables = make([]model.Table, len(b.Tables))
	for i, t := range b.Tables {
		t.Pos = model.Pos{}
		t.Part = 0 // which file of a page and its attachments
		t.Label, t.Title = fold(t.Label), fold(t.Title)
		t.Columns = append([]model.Column(nil), t.Columns...)
		for j := range t.Columns {
			t.Columns[j].Header = fold(t.Columns[j].Header)
		}
		t.Notes = append([]string(nil), t.Notes...)
		for j := range t.Notes {
			t.Notes[j] = fold(t.Notes[j])
		}
		rows := make([]model.Row, len(t.Rows))
		for j, row := range t.Rows {
			row.Pos = model.Pos{}
			row.Unit = fold(row.Unit)
			cells := make(map[model.Key]model.Cell, len(row.Cells))
			for k, c := range row.Cells {
				c.Pos = model.Pos{}
				c.Stored = "" // only spreadsheets store a value behind the text
				c.Text = fold(c.Text)
				cells[k] = c
			}
			row.Cells = cells
			rows[j] = row
		}
		t.Rows = rows
		r.Tables[i] = t
	}
	return &r
}

// joinedProse joins the paragraphs, width-folded and without white space,
// and returns it with a function that maps a span of paras to the same
// phrase in the joined text (Paragraph 0); a span outside paras maps to
// itself, so that it still compares unequal.
func joinedProse(paras []model.Paragraph) (string, func(model.Span) *model.Span) {
	var b strings.Builder
	starts := make([]int, len(paras))
	for i, p := range paras {
		starts[i] = b.Len()
		b.WriteString(normalProse(p.Text))
	}
	at := func(sp model.Span) *model.Span {
		if _, ok := sp.Phrase(paras); !ok {
			return &sp
		}
		text, base := paras[sp.Paragraph].Text, starts[sp.Paragraph]
		return &model.Span{Start: base + len(normalProse(text[:sp.Start])), End: base + len(normalProse(text[:sp.End]))}
	}
	return b.String(), at
}

// normalProse width-folds s and drops its white space. Both work rune by
// rune, so the normal form of a prefix is a prefix of the normal form.
func normalProse(s string) string {
	return strings.Join(strings.Fields(width.Fold.String(s)), "")
}

// CheckSpans fails the test unless b's prose locates every figure: b has
// paragraphs when it has figures, each paragraph is trimmed text, and each
// figure's span lies in a paragraph on the phrase it was read from (its
// Text, which leaves out the layout's spaces), starting and ending on
// printed characters.
func CheckSpans(t testing.TB, b *model.Bulletin) {
	t.Helper()
	if len(b.Figures) > 0 && len(b.Paragraphs) == 0 {
		t.Errorf("%d figures and no paragraphs", len(b.Figures))
	}
	for i, p := range b.Paragraphs {
		if p.Text == "" || strings.TrimSpace(p.Text) != p.Text {
			t.Errorf("paragraph %d is not trimmed text: %q", i, p.Text)
		}
	}
	for i, f := range b.Figures {
		if f.Span == nil {
			t.Errorf("figure %d %q has no span", i, f.Text)
			continue
		}
		phrase, ok := f.Span.Phrase(b.Paragraphs)
		switch {
		case !ok:
			t.Errorf("figure %d %q: span %+v lies in no paragraph", i, f.Text, *f.Span)
		case strings.TrimSpace(phrase) != phrase || normalProse(phrase) != normalProse(f.Text):
			t.Errorf("figure %d %q: span %+v holds %q", i, f.Text, *f.Span, phrase)
		}
	}
}

// Golden compares got with the JSON in path, or rewrites path when -update
// is set.
func Golden(t testing.TB, path string, got *model.Bulletin) {
	t.Helper()
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	if *Update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	var w, g model.Bulletin
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	if string(mustJSON(t, &w)) != string(mustJSON(t, &g)) {
		t.Errorf("%s: extraction differs from the golden file; run with -update and review the diff", path)
		diffLines(t, mustJSON(t, &w), mustJSON(t, &g))
	}
}

// Equal fails the test when want and got differ as JSON, showing the first
// lines that differ instead of two whole structures.
func Equal(t testing.TB, want, got any, msg ...any) {
	t.Helper()
	w, g := mustJSON(t, want), mustJSON(t, got)
	if string(w) != string(g) {
		if len(msg) > 0 {
			t.Errorf("%v", msg...)
		}
		diffLines(t, w, g)
	}
}

// ReadGolden reads a golden bulletin.
func ReadGolden(t testing.TB, path string) *model.Bulletin {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b model.Bulletin
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &b
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// diffLines reports the first lines where two JSON texts differ.
func diffLines(t testing.TB, want, got []byte) {
	t.Helper()
	w, g := splitLines(want), splitLines(got)
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			t.Errorf("line %d:\n  want %s\n   got %s", i+1, a, b)
			if shown++; shown == 10 {
				return
			}
		}
	}
}

func splitLines(b []byte) []string {
	var out []string
	start := 0
	for i, c := range b {
		if c == '\n' {
			out = append(out, string(b[start:i]))
			start = i + 1
		}
	}
	return append(out, string(b[start:]))
}
