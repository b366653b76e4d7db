// Package block defines the format-neutral document that every format reader
// produces and the interpreter turns into a bulletin: an ordered list of
// paragraphs and tables, each with the position it was read from.
//
// The pipeline is
//
//	file ─> format reader (extract/text, extract/docx, extract/pdf)
//	     ─> *block.Document ─> extract/interpret ─> *model.Bulletin
//
// Readers know nothing about bulletins: they report what the file lays out
// (a paragraph's text; a table's rows of cells with their row and column
// spans) and the interpreter decides what it means. The package also holds
// what readers share: the [Limits] they enforce, the positioned [ParseError]
// they return and the sentinel errors it wraps.
package block

import "github.com/hotline12345/bulletin/model"

// Document is a file read into blocks.
type Document struct {
	// Blocks are the paragraphs and tables in reading order.
	Blocks []Block
	// Problems lists what the reader skipped or repaired (debris lines,
	// unreadable pages), so that nothing is lost without a trace.
	Problems []model.Problem
	// Limits are the limits the document was read under, defaults filled
	// in; the interpreter bounds what it derives from the blocks by them.
	// A zero value means the defaults.
	Limits Limits
}

// Block is a *Paragraph, a *Table or a *Fields.
type Block interface {
	// Position returns where the block starts in the source.
	Position() model.Pos
	isBlock()
}

// Region says where on the page a paragraph sits.
type Region int

// The regions of a page.
const (
	Body   Region = iota // the document's flow
	Header               // a running page header
	Footer               // a running page footer
)

// Paragraph is one paragraph (or, for plain text, one line) of running text.
type Paragraph struct {
	// Text is the paragraph's text; line breaks inside it are "\n".
	Text   string
	Region Region
	Pos    model.Pos
}

// Table is a table as laid out in the source.
type Table struct {
	Rows []Row
	Pos  model.Pos
}

// Row is one row of a table.
type Row struct {
	// Cells are the row's cells from left to right. As in HTML, a grid
	// position covered by a cell spanning down from an earlier row has no
	// entry here.
	Cells []Cell
	// Header is set when the source itself marks the row as a header row
	// (a Word row repeated on each page, an HTML <th> row). Readers that
	// cannot tell leave it false.
	Header bool
	Pos    model.Pos
	// Hidden is set when the source hides the row (a spreadsheet row
	// hidden or of zero height); the row is read like any other.
	Hidden bool
}

// Cell is one cell of a table row.
type Cell struct {
	// Text is the cell's text; lines wrapped inside the cell are joined with
	// "\n".
	Text string
	// RowSpan and ColSpan are the rows and grid columns the cell covers;
	// zero means 1.
	RowSpan, ColSpan int
	Pos              model.Pos
	// Value is the value the source stores behind Text, when it differs
	// from it: a spreadsheet shows 0.9825 formatted 0.00% as "98.25%".
	// Empty for formats that store only text.
	Value string
	// Hidden is set when the cell's column is hidden in the source (a
	// hidden spreadsheet column); the cell is read like any other.
	Hidden bool
}

// Fields are labelled values that a source prints about the document
// rather than as part of it: the <meta> tags of a web page, the box of
// catalogue entries a government portal shows above an article
// (索引号：…  发布机构：…  成文日期：…), the line under a page's heading
// (发布时间：…  来源：…). Readers hand them over as printed, label and
// value, and only where the source sets them apart from the text; which
// labels name an issuer or a date is for the interpreter to know.
type Fields struct {
	Fields []Field
	Pos    model.Pos
}

// Field is one label and its value, without the colon between them.
type Field struct {
	Label, Value string
	Pos          model.Pos
}

// Position implements Block.
func (p *Paragraph) Position() model.Pos { return p.Pos }

// Position implements Block.
func (t *Table) Position() model.Pos { return t.Pos }

// Position implements Block.
func (f *Fields) Position() model.Pos { return f.Pos }

func (*Paragraph) isBlock() {}
func (*Table) isBlock()     {}
func (*Fields) isBlock()    {}

// MaxSpan bounds the row and column span [Table.Grid] honours, so that a
// hostile span cannot make it allocate without bound.
const MaxSpan = 1024

func span(n int) int {
	return min(max(n, 1), MaxSpan)
}

// Grid lays the table out on its grid, resolving row and column spans the
// way HTML does: grid[r][c] is the cell covering row r, column c, or nil
// where the row has no cell. A spanning cell appears at every position it
// covers; origin[r][c] is true only where it starts. Rows shorter than the
// widest row are padded with nil. Spans reaching past the last row are cut
// there, and spans are capped at [MaxSpan].
func (t *Table) Grid() (grid [][]*Cell, origin [][]bool) {
	grid = make([][]*Cell, len(t.Rows))
	origin = make([][]bool, len(t.Rows))
	width := 0
	for r := range t.Rows {
		c := 0
		for i := range t.Rows[r].Cells {
			cell := &t.Rows[r].Cells[i]
			for c < len(grid[r]) && grid[r][c] != nil {
				c++
			}
			for dr := 0; dr < span(cell.RowSpan) && r+dr < len(t.Rows); dr++ {
				row := r + dr
				for dc := 0; dc < span(cell.ColSpan); dc++ {
					col := c + dc
					for len(grid[row]) <= col {
						grid[row] = append(grid[row], nil)
						origin[row] = append(origin[row], false)
					}
					if grid[row][col] == nil {
						grid[row][col] = cell
						origin[row][col] = dr == 0 && dc == 0
					}
				}
			}
			c += span(cell.ColSpan)
		}
		width = max(width, len(grid[r]))
	}
	for r := range grid {
		for len(grid[r]) < width {
			grid[r] = append(grid[r], nil)
			origin[r] = append(origin[r], false)
		}
	}
	return grid, origin
}

// GridArea returns the number of positions [Table.Grid] lays the table out
// on, its rows times its widest row, without building the grid. ok is false
// as soon as the area is known to exceed limit; the work and memory spent
// are bounded by limit and the number of cells, whatever the spans say.
func (t *Table) GridArea(limit int) (area int, ok bool) {
	rows := len(t.Rows)
	if rows == 0 {
		return 0, true
	}
	// until[c] is the first row that grid column c is no longer covered
	// in by a cell spanning down from an earlier row. A row's cells skip
	// the covered positions, exactly as Grid places them.
	var until []int
	width := 0
	for r := range t.Rows {
		c := 0
		for i := range t.Rows[r].Cells {
			cell := &t.Rows[r].Cells[i]
			for c < len(until) && until[c] > r {
				c++
			}
			cols, down := span(cell.ColSpan), span(cell.RowSpan)
			if end := c + cols; end > width {
				if end > limit/rows {
					return 0, false
				}
				width = end
			}
			if down > 1 {
				for len(until) < c+cols {
					until = append(until, 0)
				}
				for dc := range cols {
					until[c+dc] = max(until[c+dc], min(r+down, rows))
				}
			}
			c += cols
		}
	}
	return rows * width, true
}
