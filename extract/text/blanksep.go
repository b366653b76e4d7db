package text

import (
	"strings"
)

// maxCellRunes is the longest paragraph taken as a cell of a table written
// one cell per paragraph.
const maxCellRunes = 40

// tryBlankSeparated reads a table written one cell per paragraph, cells
// separated by blank lines and a cell wrapped over consecutive lines. Rows
// are not marked, so the table is found by its shape: a header of labels,
// starting at the current paragraph, then at least two rows that repeat one
// pattern of label and number cells.
func (s *scanner) tryBlankSeparated() bool {
	if s.lines[s.i].kind() != kText || (s.i > 0 && s.lines[s.i-1].kind() != kBlank) {
		return false
	}
	// Look at a bounded number of paragraphs first, so that a run of short
	// paragraphs that is not a table costs little at each start; read on to
	// the end of the run only when a table has been found.
	cells, ends := s.paragraphCells(s.i, probeCells)
	types := cellTypes(cells)
	// The header must be exactly one row: this layout cannot say which
	// paragraphs before it are split header cells and which are titles.
	width, header, n := inferRows(types, 0)
	if n < 2 {
		return false
	}
	if len(cells) == probeCells {
		cells, ends = s.paragraphCells(s.i, -1)
		types = cellTypes(cells)
		n = countRows(types[header:], width)
	}
	rows := [][]tcell{cells[:header]}
	used := header + n*width
	for i := header; i < used; i += width {
		rows = append(rows, cells[i:i+width])
	}
	s.addTable(toTable(rows))
	s.i = ends[used-1]
	return true
}

// probeCells is how many paragraphs tryBlankSeparated examines before it
// knows whether a table starts.
const probeCells = 4 * maxInferWidth

// paragraphCells collects up to limit (all when negative) short paragraphs
// from line i as cells, with the line index after each.
func (s *scanner) paragraphCells(i, limit int) (cells []tcell, ends []int) {
	for j := i; j < len(s.lines) && len(cells) != limit; {
		l := s.lines[j]
		if l.kind() == kBlank {
			j++
			continue
		}
		// A paragraph: consecutive text lines.
		c := tcell{line: l.num}
		k := j
		for k < len(s.lines) && s.lines[k].kind() == kText && len(c.parts) < maxWrapLines {
			c.parts = append(c.parts, strings.TrimSpace(s.lines[k].raw))
			k++
		}
		if k < len(s.lines) && s.lines[k].kind() != kBlank || runeLen(c.text()) > maxCellRunes {
			break
		}
		cells = append(cells, c)
		ends = append(ends, k)
		j = k
	}
	return cells, ends
}

func cellTypes(cells []tcell) []ctype {
	types := make([]ctype, len(cells))
	for i := range cells {
		types[i] = cells[i].typ()
	}
	return types
}
