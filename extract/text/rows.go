package text

import (
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// tcell is a table cell being collected from one or more lines.
type tcell struct {
	parts    []string // the cell's lines, trimmed
	line     int      // the line the cell starts on; a block.Cell's whole Pos is larger than this
	rowBreak bool     // the source starts a new row at this cell
}

func (c *tcell) text() string { return strings.Join(c.parts, "\n") }

func (c *tcell) typ() ctype { return cellType(fold(c.text())) }

// maxInferWidth and maxHeaderExtra bound the row widths and header
// fragments that inferRows tries, which bounds its work to a small multiple
// of the number of cells.
const (
	maxInferWidth  = 40
	maxHeaderExtra = 8
)

// shapeRows turns a run of cells into rows: by the row breaks the source
// marked when they give a consistent width, else by inferring the width
// from the run's pattern of labels and numbers. ok is false when neither
// gives a table of at least two rows below a header.
func shapeRows(cells []tcell) (rows [][]tcell, ok bool) {
	if rows := splitAtBreaks(cells); consistent(rows) {
		return rows, true
	}
	width, header, n := inferRows(cellTypes(cells), maxHeaderExtra)
	if n < 2 {
		return nil, false
	}
	rows = append(rows, cells[:header])
	end := header + n*width
	for i := header; i < end; i += width {
		rows = append(rows, cells[i:i+width])
	}
	if end < len(cells) {
		// Cells after the last row that fits the pattern stay in the table
		// as a short row, so the interpreter reports them.
		rows = append(rows, cells[end:])
	}
	return rows, true
}

// splitAtBreaks splits cells into rows at the source's row breaks. The rows
// share cells' backing array, each capped at its own length.
func splitAtBreaks(cells []tcell) [][]tcell {
	var rows [][]tcell
	start := 0
	for i := 1; i < len(cells); i++ {
		if cells[i].rowBreak {
			rows = append(rows, cells[start:i:i])
			start = i
		}
	}
	if len(cells) > 0 {
		rows = append(rows, cells[start:len(cells):len(cells)])
	}
	return rows
}

// consistent reports whether most rows share one width of at least two
// cells: at least three rows and at least half of all rows.
func consistent(rows [][]tcell) bool {
	count := map[int]int{}
	for _, r := range rows {
		count[len(r)]++
	}
	best, bestN := 0, 0
	for w, n := range count {
		if n > bestN || (n == bestN && w > best) {
			best, bestN = w, n
		}
	}
	return best >= 2 && bestN >= 3 && bestN*2 >= len(rows)
}

// inferRows finds the table in a flat list of cell types: a header of
// `header` cells (labels, none numeric) followed by n rows of `width` cells
// that repeat one pattern of number and text columns, with at least one
// number column. A header may hold up to extra more cells than a row, where
// header cells were split. It picks the shape that covers the most cells;
// n < 2 means no table was found.
func inferRows(types []ctype, extra int) (width, header, n int) {
	bestCover := 0
	for w := 2; w <= maxInferWidth && 3*w <= len(types); w++ {
		for h := w; h <= w+extra && h+2*w <= len(types); h++ {
			if !isHeader(types[:h]) {
				break // a longer header contains this one
			}
			rows := countRows(types[h:], w)
			if rows >= 2 && rows*w > bestCover {
				bestCover, width, header, n = rows*w, w, h, rows
			}
		}
	}
	return width, header, n
}

func isHeader(types []ctype) bool {
	text := 0
	for _, t := range types {
		switch t {
		case ctNumber:
			return false
		case ctText:
			text++
		}
	}
	return text*2 >= len(types)
}

// countRows counts the leading rows of width w that share one pattern of
// number and text columns (blank cells match either).
func countRows(types []ctype, w int) int {
	pattern := make([]ctype, w)
	copy(pattern, types[:w])
	hasNumber := false
	for _, t := range pattern {
		hasNumber = hasNumber || t == ctNumber
	}
	if !hasNumber {
		return 0
	}
	rows := 1
	for i := w; i+w <= len(types); i += w {
		for c := 0; c < w; c++ {
			t := types[i+c]
			switch {
			case t == ctEmpty:
			case pattern[c] == ctEmpty:
				pattern[c] = t
			case pattern[c] != t:
				return rows
			}
		}
		rows++
	}
	return rows
}

// toTable builds a block table from collected rows.
func toTable(rows [][]tcell) *block.Table {
	t := &block.Table{Rows: make([]block.Row, 0, len(rows))}
	n := 0
	for _, r := range rows {
		n += len(r)
	}
	all := make([]block.Cell, n) // one allocation; each row capped at its own cells
	for _, r := range rows {
		br := block.Row{Cells: all[:len(r):len(r)]}
		all = all[len(r):]
		for i := range r {
			br.Cells[i] = block.Cell{Text: r[i].text(), Pos: model.Pos{Line: r[i].line}}
		}
		if len(r) > 0 {
			br.Pos = model.Pos{Line: r[0].line}
		}
		t.Rows = append(t.Rows, br)
	}
	if len(t.Rows) > 0 {
		t.Pos = t.Rows[0].Pos
	}
	return t
}
