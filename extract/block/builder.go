package block

import "github.com/hotline12345/bulletin/model"

// Builder collects a reader's blocks and problems and enforces the block,
// paragraph, row and cell limits the same way for every format.
type Builder struct {
	limits     Limits
	doc        Document
	paragraphs int
	cells      int
	text       int64 // bytes of text in the blocks
	notes      int
}

// NewBuilder returns a Builder enforcing l (zero fields take defaults).
func NewBuilder(l Limits) *Builder {
	b := &Builder{limits: l.WithDefaults()}
	b.doc.Limits = b.limits
	return b
}

// Limits returns the limits in force, with defaults filled in.
func (b *Builder) Limits() Limits { return b.limits }

// Add appends a block. It returns a *ParseError wrapping [ErrLimit] at the
// block's position when the document would exceed MaxBlocks,
// MaxParagraphs or MaxTextBytes (the text of paragraphs, fields and
// cells), a table MaxRows or MaxGridCells, or the document's tables
// MaxCells grid positions. A table is measured without laying it out, so
// a table rejected for its spans costs no more than the limit.
func (b *Builder) Add(blk Block) error {
	if len(b.doc.Blocks) >= b.limits.MaxBlocks {
		return At(blk.Position(), Exceeded("blocks", int64(b.limits.MaxBlocks)))
	}
	switch t := blk.(type) {
	case *Paragraph:
		if b.paragraphs >= b.limits.MaxParagraphs {
			return At(t.Pos, Exceeded("paragraphs", int64(b.limits.MaxParagraphs)))
		}
		if b.text += int64(len(t.Text)); b.text > b.limits.MaxTextBytes {
			return At(t.Pos, Exceeded("bytes of text", b.limits.MaxTextBytes))
		}
		b.paragraphs++
	case *Fields:
		for _, f := range t.Fields {
			b.text += int64(len(f.Label) + len(f.Value))
		}
		if b.text > b.limits.MaxTextBytes {
			return At(t.Pos, Exceeded("bytes of text", b.limits.MaxTextBytes))
		}
	case *Table:
		if len(t.Rows) > b.limits.MaxRows {
			return At(t.Pos, Exceeded("table rows", int64(b.limits.MaxRows)))
		}
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				b.text += int64(len(c.Text))
			}
		}
		if b.text > b.limits.MaxTextBytes {
			return At(t.Pos, Exceeded("bytes of text", b.limits.MaxTextBytes))
		}
		area, ok := t.GridArea(b.limits.MaxGridCells)
		if !ok {
			return At(t.Pos, GridExceeded(b.limits.MaxGridCells))
		}
		if b.cells += area; b.cells > b.limits.MaxCells {
			return At(t.Pos, Exceeded("table cells", int64(b.limits.MaxCells)))
		}
	}
	b.doc.Blocks = append(b.doc.Blocks, blk)
	return nil
}

// Problem records something the reader skipped or repaired.
func (b *Builder) Problem(pos model.Pos, message string) {
	b.doc.Problems = append(b.doc.Problems, model.Problem{Pos: pos, Message: message})
}

// maxNotes bounds the problems Note records, so that a hostile file
// cannot grow the list without bound.
const maxNotes = 200

// Note records a problem like Problem, up to 200 of them; the rest are
// counted in one last problem.
func (b *Builder) Note(pos model.Pos, message string) {
	switch {
	case b.notes < maxNotes:
		b.Problem(pos, message)
	case b.notes == maxNotes:
		b.Problem(model.Pos{}, "further problems not listed")
	}
	b.notes++
}

// Document returns the document built so far.
func (b *Builder) Document() *Document { return &b.doc }
