package block

import "github.com/hotline12345/bulletin/model"

// Builder collects a reader's blocks and problems and enforces the block,
// row and cell limits the same way for every format.
type Builder struct {
	limits Limits
	doc    Document
	cells  int
	notes  int
}

// NewBuilder returns a Builder enforcing l (zero fields take defaults).
func NewBuilder(l Limits) *Builder {
	return &Builder{limits: l.WithDefaults()}
}

// Limits returns the limits in force, with defaults filled in.
func (b *Builder) Limits() Limits { return b.limits }

// Add appends a block. It returns a *ParseError wrapping [ErrLimit] at the
// block's position when the document would exceed MaxBlocks, a table
// MaxRows, or the document MaxCells.
func (b *Builder) Add(blk Block) error {
	if len(b.doc.Blocks) >= b.limits.MaxBlocks {
		return At(blk.Position(), Exceeded("blocks", int64(b.limits.MaxBlocks)))
	}
	if t, ok := blk.(*Table); ok {
		if len(t.Rows) > b.limits.MaxRows {
			return At(t.Pos, Exceeded("table rows", int64(b.limits.MaxRows)))
		}
		for _, r := range t.Rows {
			b.cells += len(r.Cells)
		}
		if b.cells > b.limits.MaxCells {
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
