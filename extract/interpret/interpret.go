// Package interpret turns a format-neutral [block.Document] into a
// [model.Bulletin]. It is the one place that knows what bulletins look like:
// which paragraphs caption a table, which rows are headers, what a header
// means (办理数 and 交办总量 are both "handled"), how values are printed, and
// where a table's footnotes are; and how the prose states its figures and
// names its units (see figures.go). The words it matches come from
// internal/vocab, which the checker shares. Because every format reader
// produces the same blocks, every format gives the same records.
package interpret

import (
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// maxTitleRunes is the longest paragraph taken as a table's title when no
// caption label precedes it.
const maxTitleRunes = 60

// Bulletin interprets the document. It never fails: what it cannot place
// goes into the bulletin's Problems, and so do the figure candidates and
// unit lists of a paragraph past the document's
// [block.Limits].MaxFigureCandidates, and the figures and mentions of the
// document past its MaxFigures.
func Bulletin(doc *block.Document) *model.Bulletin {
	b := &model.Bulletin{
		Figures:  []model.Figure{},
		Mentions: []model.Mention{},
		Tables:   []model.Table{},
		Problems: append([]model.Problem{}, doc.Problems...),
	}
	in := &interpreter{doc: doc, b: b, used: make([]bool, len(doc.Blocks)), repairBudget: repairDocumentWork,
		limits: doc.Limits.WithDefaults()}
	in.tables()
	in.channels()
	in.prose()
	return b
}

type interpreter struct {
	doc  *block.Document
	b    *model.Bulletin
	used []bool // blocks consumed as captions, titles or notes
	// titleSpans are the paragraphs that make up the bulletin's title.
	titleSpans []textSpan
	// repairBudget is what is left of the steps header repairs may take.
	repairBudget int
	// limits bound what is derived from the blocks (the document's own
	// limits, defaults filled in); mentionsCut is set once the mentions
	// reached them.
	limits      block.Limits
	mentionsCut bool
}

// tables reads every table block with its caption, title and notes.
func (in *interpreter) tables() {
	blocks := in.doc.Blocks
	lastEnd := 0 // first block after the previous table and its notes
	for i := 0; i < len(blocks); i++ {
		bt, ok := blocks[i].(*block.Table)
		if !ok {
			continue
		}
		tr := tableReader{src: bt, problems: &in.b.Problems, repairBudget: &in.repairBudget}
		if n := len(in.b.Tables); n > 0 {
			tr.prev = &in.b.Tables[n-1]
		}
		t := tr.read()
		if prev := len(in.b.Tables) - 1; prev >= 0 && in.continues(lastEnd, i, &in.b.Tables[prev], t) {
			in.b.Tables[prev].Rows = append(in.b.Tables[prev].Rows, t.Rows...)
			in.b.Tables[prev].Notes = append(in.b.Tables[prev].Notes, t.Notes...)
			lastEnd = in.notes(i+1, &in.b.Tables[prev])
			continue
		}
		label, title := in.caption(lastEnd, i)
		t.Label = label
		if title != "" {
			t.Title = title
		}
		end := in.notes(i+1, &t)
		in.b.Tables = append(in.b.Tables, t)
		lastEnd = end
	}
}

// flowParagraph reports whether block j is a paragraph of the document's
// flow not yet taken: not page furniture, whether the reader tagged it so
// or it is a page number by its shape ("— 3 —" on a landscape page, where
// a reader may not know the page's footer).
func (in *interpreter) flowParagraph(j int) bool {
	p, ok := in.doc.Blocks[j].(*block.Paragraph)
	return ok && p.Region == block.Body && !in.used[j] && !block.IsPageNumber(fold(strings.TrimSpace(p.Text)))
}

// continues reports whether table t, read from block i, continues the
// previous table on a new page: nothing but page furniture between them,
// the same columns, and no header of its own (or the same one).
func (in *interpreter) continues(from, i int, prev *model.Table, t model.Table) bool {
	for j := from; j < i; j++ {
		if in.flowParagraph(j) {
			return false
		}
	}
	if len(t.Columns) != len(prev.Columns) || len(t.Rows) == 0 {
		return false
	}
	for k := range t.Columns {
		if t.Columns[k].Key != prev.Columns[k].Key {
			return false
		}
	}
	return true
}

// caption finds the label ("附件1") and title of the table at block i among
// the body paragraphs since block from: the paragraphs after the last
// caption label are the title; without a label, the short paragraphs just
// before the table that do not end a sentence.
func (in *interpreter) caption(from, i int) (label, title string) {
	var paras []int
	for j := from; j < i; j++ {
		if in.flowParagraph(j) {
			paras = append(paras, j)
		}
	}
	for k := len(paras) - 1; k >= 0 && k >= len(paras)-4; k-- {
		p := in.doc.Blocks[paras[k]].(*block.Paragraph)
		if l, rest, ok := splitCaption(p.Text); ok {
			var parts []string
			if rest != "" {
				parts = append(parts, rest)
			}
			for _, j := range paras[k+1:] {
				parts = append(parts, in.doc.Blocks[j].(*block.Paragraph).Text)
			}
			for _, j := range paras[k:] {
				in.used[j] = true
			}
			return l, compactTitle(strings.Join(parts, ""))
		}
	}
	// No label: take up to two short paragraphs directly above.
	var parts []string
	for k := len(paras) - 1; k >= 0 && len(parts) < 2; k-- {
		if paras[k] != i-1-len(parts) {
			break
		}
		text := strings.TrimSpace(in.doc.Blocks[paras[k]].(*block.Paragraph).Text)
		last, _ := utf8.DecodeLastRuneInString(text)
		if utf8.RuneCountInString(text) > maxTitleRunes || strings.ContainsRune("。；;：:", last) || matchFolded(vocab.NoteStart, text) {
			break
		}
		if _, isDate := dateOnly(text); isDate {
			break // a signature's date, not a table's title
		}
		parts = append([]string{text}, parts...)
		in.used[paras[k]] = true
	}
	return "", compactTitle(strings.Join(parts, ""))
}

// notes attaches the footnotes printed after a table: a paragraph opening
// with 注： and the numbered paragraphs after it. It returns the index of
// the first block after them.
func (in *interpreter) notes(i int, t *model.Table) int {
	started := false
	for ; i < len(in.doc.Blocks); i++ {
		p, ok := in.doc.Blocks[i].(*block.Paragraph)
		if !ok {
			break
		}
		if p.Region != block.Body {
			continue
		}
		text := strings.TrimSpace(p.Text)
		switch {
		case matchFolded(vocab.NoteStart, text):
			started = true
		case started && matchFolded(noteNumber, text) && !matchFolded(vocab.CaptionLabel, text):
		default:
			return i
		}
		t.Notes = append(t.Notes, noteItems(text)...)
		in.used[i] = true
	}
	return i
}
