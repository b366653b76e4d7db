// Package sheet lays a spreadsheet's sheet out as blocks. The spreadsheet
// readers (extract/xlsx, extract/xls) collect each sheet's cells, merged
// ranges and hidden rows and columns into a [Sheet]; [Sheet.Blocks] turns it
// into the paragraphs and tables a document reader produces, so that both
// formats lay out alike.
//
// A sheet holding a whole document (as office suites write one when a
// document is opened as a spreadsheet, and as many published attachments
// are made) puts its headings, prose and notes in rows of one cell, merged
// across the table's width or standing alone in the first column, and its
// tables in rows of several cells. So a row whose only content is one such
// cell is a paragraph, unless it stands unmerged between two table rows (a
// unit whose other cells are empty); runs of the other rows, up to an
// empty row, are tables. Cells keep the text the spreadsheet shows and, beside
// it, the value it stores.
package sheet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/model"
)

// Cell is one cell of a sheet.
type Cell struct {
	// Row and Col are 1-based, as a spreadsheet numbers them.
	Row, Col int
	// Text is the cell as the spreadsheet shows it.
	Text string
	// Value is the value stored behind Text when it differs from it.
	Value string
}

// Range is a merged range of cells, 1-based and inclusive.
type Range struct {
	FirstRow, FirstCol, LastRow, LastCol int
}

// Sheet is what a reader collected from one sheet.
type Sheet struct {
	// Name is the sheet's name: the Part of every position.
	Name string
	// Cells are the cells holding something, in any order. A cell with
	// empty Text is ignored.
	Cells  []Cell
	Merges []Range
	// HiddenRows and HiddenCols are the 1-based rows and columns the
	// sheet hides.
	HiddenRows, HiddenCols map[int]bool
}

// defaultName matches the names spreadsheet programs give new sheets,
// which say nothing about their content.
var defaultName = lazyregexp.New(`^(?i:sheet|工作表|feuil|tabelle|hoja|foglio)\s*\d*$`)

// kinds of rows.
const (
	emptyRow = iota
	loneRow  // one cell across the width or alone in the first column
	tableRow
)

// Blocks lays the sheet out and adds its blocks to out: paragraphs for the
// rows of one cell outside tables, a table block per run of table rows.
// When the sheet begins with a table and its name is not one a program
// gave it ("Sheet1", "工作表1"), the name comes first as a paragraph, the
// table's caption. Merged ranges that overlap an earlier one are ignored
// and noted in problem. The sheet's extent (rows up to the last one with
// content, times the columns up to the last one) must already have been
// checked against the limits by the reader.
func (s *Sheet) Blocks(out *block.Builder, problem func(model.Pos, string)) error {
	g, err := s.grid(problem)
	if err != nil || g == nil {
		return err
	}
	kinds := make([]int, g.rows)
	for r := range g.rows {
		kinds[r] = g.kind(r, kinds)
	}
	// A lone cell standing unmerged between table rows (a unit whose
	// other cells are empty) is a table row. A merged one, or several
	// lone rows, are headings or notes between tables.
	for r := 1; r+1 < g.rows; r++ {
		if kinds[r] == loneRow && kinds[r-1] == tableRow && kinds[r+1] == tableRow && g.owner[r][0] == 0 {
			kinds[r] = tableRow
		}
	}
	var blocks []block.Block
	for r := 0; r < g.rows; {
		switch kinds[r] {
		case emptyRow:
			r++
		case loneRow:
			c := g.lone(r)
			blocks = append(blocks, &block.Paragraph{Text: c.Text, Pos: g.pos(r, c.Col-1)})
			r++
		default:
			end := r
			for end < g.rows && kinds[end] == tableRow {
				end++
			}
			blocks = append(blocks, g.table(r, end))
			r = end
		}
	}
	if len(blocks) == 0 {
		return nil
	}
	if _, ok := blocks[0].(*block.Table); ok && !defaultName.MatchString(strings.TrimSpace(s.Name)) {
		blocks = append([]block.Block{&block.Paragraph{Text: s.Name, Pos: model.Pos{Part: s.Name}}}, blocks...)
	}
	for _, b := range blocks {
		if err := out.Add(b); err != nil {
			return err
		}
	}
	return nil
}

// grid is a sheet on its dense grid, trimmed to the rows and columns that
// hold content; index 0 is the first such row and column.
type grid struct {
	s                      *Sheet
	rows, cols             int
	row0, col0             int // the sheet row and column of index 0
	text                   [][]*Cell
	owner                  [][]int32 // 1 + index of the merge covering the position, or 0
	merges                 []Range   // in grid coordinates, 0-based inclusive
	hiddenRow, hiddenCol   []bool
	rowHasCell, rowCovered []bool
}

// maxMergeWork bounds, per cell of the grid, the positions merged ranges
// may visit, so that many overlapping ranges cannot make the layout slow.
const maxMergeWork = 8

func (s *Sheet) grid(problem func(model.Pos, string)) (*grid, error) {
	g := &grid{s: s, row0: -1}
	minR, minC, maxR, maxC := 0, 0, 0, 0
	for _, c := range s.Cells {
		if c.Text == "" || c.Row < 1 || c.Col < 1 {
			continue
		}
		if g.row0 < 0 {
			minR, minC, maxR, maxC = c.Row, c.Col, c.Row, c.Col
			g.row0 = 0
		}
		minR, minC = min(minR, c.Row), min(minC, c.Col)
		maxR, maxC = max(maxR, c.Row), max(maxC, c.Col)
	}
	if g.row0 < 0 {
		return nil, nil // nothing shown
	}
	// Merged ranges starting inside the content widen it.
	for _, m := range s.Merges {
		if m.FirstRow >= minR && m.FirstRow <= maxR && m.FirstCol >= minC && m.FirstCol <= maxC {
			maxR, maxC = max(maxR, m.LastRow), max(maxC, m.LastCol)
		}
	}
	g.row0, g.col0 = minR, minC
	g.rows, g.cols = maxR-minR+1, maxC-minC+1
	g.text = make([][]*Cell, g.rows)
	g.owner = make([][]int32, g.rows)
	for r := range g.rows {
		g.text[r] = make([]*Cell, g.cols)
		g.owner[r] = make([]int32, g.cols)
	}
	for i := range s.Cells {
		c := &s.Cells[i]
		if c.Text != "" && c.Row >= minR && c.Col >= minC && c.Row <= maxR && c.Col <= maxC {
			g.text[c.Row-minR][c.Col-minC] = c
		}
	}
	work, budget := 0, maxMergeWork*g.rows*g.cols+len(s.Merges)
	for _, m := range s.Merges {
		r0, c0 := m.FirstRow-minR, m.FirstCol-minC
		r1, c1 := min(m.LastRow-minR, g.rows-1), min(m.LastCol-minC, g.cols-1)
		if r0 < 0 || c0 < 0 || r0 >= g.rows || c0 >= g.cols || r1 < r0 || c1 < c0 || (r1 == r0 && c1 == c0) {
			continue // outside the content, or a single cell
		}
		overlaps := false
	scan:
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				if work++; work > budget {
					return nil, block.At(model.Pos{Part: s.Name}, fmt.Errorf("%w: merged ranges overlap more than %d times the sheet's cells", block.ErrLimit, maxMergeWork))
				}
				if g.owner[r][c] != 0 {
					overlaps = true
					break scan
				}
			}
		}
		if overlaps {
			problem(model.Pos{Part: s.Name, Row: m.FirstRow, Col: m.FirstCol},
				fmt.Sprintf("merged range %s overlaps another; ignored", rangeName(m)))
			continue
		}
		g.merges = append(g.merges, Range{r0, c0, r1, c1})
		id := int32(len(g.merges))
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				g.owner[r][c] = id
			}
		}
		// Text shown in a covered cell is hidden by the merge, as in the
		// spreadsheet; say so rather than drop it silently.
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				if (r != r0 || c != c0) && g.text[r][c] != nil {
					cell := g.text[r][c]
					problem(model.Pos{Part: s.Name, Row: cell.Row, Col: cell.Col},
						fmt.Sprintf("%q is hidden under merged range %s; not read", cell.Text, rangeName(m)))
					g.text[r][c] = nil
				}
			}
		}
	}
	// Hidden rows and columns are read, and marked in the blocks; say so
	// once for each that shows something.
	g.hiddenRow = make([]bool, g.rows)
	g.hiddenCol = make([]bool, g.cols)
	for r := range g.rows {
		if g.hiddenRow[r] = s.HiddenRows[r+minR]; g.hiddenRow[r] && slices.ContainsFunc(g.text[r], func(c *Cell) bool { return c != nil }) {
			problem(model.Pos{Part: s.Name, Row: r + minR}, fmt.Sprintf("row %d is hidden in the sheet; read like the others", r+minR))
		}
	}
	for c := range g.cols {
		if g.hiddenCol[c] = s.HiddenCols[c+minC]; g.hiddenCol[c] && slices.ContainsFunc(g.text, func(row []*Cell) bool { return row[c] != nil }) {
			problem(model.Pos{Part: s.Name, Col: c + minC}, "column "+columnName(c+minC)+" is hidden in the sheet; read like the others")
		}
	}
	return g, nil
}

// rangeName writes a range in A1 notation.
func rangeName(m Range) string {
	return CellName(m.FirstRow, m.FirstCol) + ":" + CellName(m.LastRow, m.LastCol)
}

// CellName writes a 1-based cell position in A1 notation ("B3").
func CellName(row, col int) string {
	return columnName(col) + strconv.Itoa(row)
}

// columnName writes a 1-based column number as letters ("AB").
func columnName(col int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append(b, byte('A'+(c-1)%26))
	}
	slices.Reverse(b)
	return string(b)
}

func (g *grid) pos(r, c int) model.Pos {
	return model.Pos{Part: g.s.Name, Row: r + g.row0, Col: c + g.col0}
}

// kind classifies grid row r, given the kinds of the rows above it. A row
// is lone when its only content is one cell that starts in the first
// column or is merged across several columns; rows covered by a lone
// cell's vertical merge are empty.
func (g *grid) kind(r int, above []int) int {
	n, lone := 0, -1
	for c := range g.cols {
		if id := g.owner[r][c]; id != 0 {
			m := g.merges[id-1]
			if m.FirstRow != r {
				if g.hasText(m) && above[m.FirstRow] == tableRow {
					return tableRow // under a cell spanning down from a table row
				}
				continue
			}
			if m.FirstCol != c {
				continue
			}
		}
		if g.text[r][c] != nil {
			n++
			lone = c
		}
	}
	switch {
	case n == 0:
		return emptyRow
	case n > 1:
		return tableRow
	}
	if id := g.owner[r][lone]; lone == 0 || id != 0 && g.merges[id-1].LastCol > lone {
		return loneRow
	}
	return tableRow
}

func (g *grid) hasText(m Range) bool { return g.text[m.FirstRow][m.FirstCol] != nil }

// lone returns the only cell of a lone row.
func (g *grid) lone(r int) *Cell {
	for c := range g.cols {
		if g.text[r][c] != nil {
			return g.text[r][c]
		}
	}
	return nil
}

// table makes the table block of grid rows from up to end, over the
// columns its cells use.
func (g *grid) table(from, end int) *block.Table {
	c0, c1 := g.cols, -1
	for r := from; r < end; r++ {
		for c := range g.cols {
			if g.text[r][c] != nil || g.owner[r][c] != 0 && g.hasText(g.merges[g.owner[r][c]-1]) {
				c0, c1 = min(c0, c), max(c1, c)
			}
		}
	}
	t := &block.Table{Pos: g.pos(from, c0)}
	for r := from; r < end; r++ {
		row := block.Row{Pos: g.pos(r, c0), Hidden: g.hiddenRow[r]}
		for c := c0; c <= c1; c++ {
			cell := block.Cell{Pos: g.pos(r, c), Hidden: g.hiddenCol[c]}
			if id := g.owner[r][c]; id != 0 {
				m := g.merges[id-1]
				if m.FirstRow != r && m.FirstRow >= from || m.FirstCol != c && m.FirstCol >= c0 {
					continue // covered by a cell of this table
				}
				cell.RowSpan = min(m.LastRow, end-1) - r + 1
				cell.ColSpan = min(m.LastCol, c1) - c + 1
				if m.FirstRow == r && m.FirstCol == c {
					cell.Text, cell.Value = g.cellText(r, c)
				}
			} else {
				cell.Text, cell.Value = g.cellText(r, c)
			}
			if cell.RowSpan == 1 {
				cell.RowSpan = 0
			}
			if cell.ColSpan == 1 {
				cell.ColSpan = 0
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (g *grid) cellText(r, c int) (string, string) {
	if cell := g.text[r][c]; cell != nil {
		return cell.Text, cell.Value
	}
	return "", ""
}
