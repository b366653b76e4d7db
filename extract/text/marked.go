package text

import (
	"strings"
)

// maxWrapRunes is the longest line taken as the continuation of a wrapped
// cell; longer lines are running text.
const maxWrapRunes = 32

// maxWrapLines is how many lines one wrapped cell may take.
const maxWrapLines = 4

// tryMarked reads a table written one cell per line, each cell marked by a
// leading TAB (continuation lines follow it) or by a trailing " |"
// (continuation lines come before it). Rows are separated by blank lines;
// without them the row width is inferred.
func (s *scanner) tryMarked() bool {
	switch s.lines[s.i].kind() {
	case kTabCell:
		return s.readMarked(kTabCell)
	case kBarCell:
		return s.readMarked(kBarCell)
	}
	return false
}

func (s *scanner) readMarked(marker kind) bool {
	// cells reuses the scanner's buffer: a document tries many regions,
	// and toTable copies what it keeps.
	cells, texts := s.cellBuf[:0], s.textBuf[:0]
	if cap(cells) == 0 {
		// Sized once for the document, a cell for each marked line ahead:
		// grown by append, the first table's cells would be copied over and
		// over.
		n := 0
		for _, l := range s.lines[s.i:] {
			if l.kind() == marker {
				n++
			}
		}
		cells, texts = make([]tcell, 0, n), make([]string, 0, n)
	}
	defer func() { s.cellBuf, s.textBuf = cells[:0], texts[:0] }()
	var pending []line // continuation lines before a bar-marked cell
	blankBefore := false
	adjacent := false // the previous line was part of the last cell
	end := s.i
	j := s.i
scan:
	for j < len(s.lines) {
		l := s.lines[j]
		switch k := l.kind(); {
		case k == marker:
			c := tcell{line: l.num, rowBreak: blankBefore && len(cells) > 0}
			for _, p := range pending {
				c.parts = append(c.parts, strings.TrimSpace(p.raw))
			}
			if len(pending) > 0 {
				c.line = pending[0].num
			}
			if t := markedText(l, marker); t != "" || marker == kBarCell {
				if len(c.parts) == 0 {
					// The text of a cell of one line is kept in texts, capped
					// so that a continuation appended to it is copied out.
					texts = append(texts, t)
					c.parts = texts[len(texts)-1 : len(texts) : len(texts)]
				} else {
					c.parts = append(c.parts, t)
				}
			}
			cells = append(cells, c)
			pending, blankBefore, adjacent = nil, false, true
			j++
			end = j
		case k == kBlank && marker == kTabCell && s.emptyTabCell(j):
			// A TAB alone is an empty cell (a 合计 row's blank 序号).
			cells = append(cells, tcell{line: l.num, rowBreak: blankBefore && len(cells) > 0})
			blankBefore, adjacent = false, true
			j++
			end = j
		case k == kBlank:
			if len(pending) == 0 {
				blankBefore = true
			}
			adjacent = false
			j++
		case k == kDebris:
			j++
		case k == kText && len(cells) > 0 && s.continuation(j, marker, cells, adjacent, len(pending)):
			if marker == kTabCell {
				last := &cells[len(cells)-1]
				last.parts = append(last.parts, strings.TrimSpace(l.raw))
				// A blank line before a continuation is inside the cell,
				// not between rows.
				adjacent, blankBefore = true, false
				end = j + 1
			} else {
				pending = append(pending, l)
			}
			j++
		default:
			break scan
		}
	}
	rows, ok := shapeRows(cells)
	if !ok {
		// Not a table: the region's lines are text, and need not be
		// tried again line by line.
		s.plainUntil = j
		return false
	}
	s.addTable(toTable(rows))
	s.i = end
	return true
}

// markedText is the cell text of a marked line without its marker.
func markedText(l line, marker kind) string {
	if marker == kTabCell {
		return strings.TrimSpace(l.raw)
	}
	t := strings.TrimSpace(l.raw)
	_, size := lastRune(t)
	return strings.TrimSpace(t[:len(t)-size])
}

// continuation reports whether text line j continues a wrapped cell. For
// TAB-marked cells the line must touch the cell before it or the cell after
// it (no blank line between) or stand alone between it and the next row,
// and the cell it joins must not already be a complete number. For bar-marked cells the line must lead, within a few
// short lines, to the marked line that ends the cell.
func (s *scanner) continuation(j int, marker kind, cells []tcell, adjacent bool, pending int) bool {
	l := s.lines[j]
	if runeLen(strings.TrimSpace(l.fold)) > maxWrapRunes || pending >= maxWrapLines {
		return false
	}
	if marker == kBarCell {
		for k := j + 1; k < len(s.lines) && k <= j+maxWrapLines; k++ {
			switch s.lines[k].kind() {
			case kBarCell:
				return true
			case kText, kBlank:
				if s.lines[k].kind() == kText && runeLen(strings.TrimSpace(s.lines[k].fold)) > maxWrapRunes {
					return false
				}
			default:
				return false
			}
		}
		return false
	}
	last := &cells[len(cells)-1]
	if last.typ() == ctNumber || len(last.parts) >= maxWrapLines {
		return false
	}
	nextIsCell := j+1 < len(s.lines) && s.lines[j+1].kind() == marker
	if adjacent || nextIsCell {
		return true
	}
	// A cell with empty lines inside ("满意率", "", "（%）"; "转办", "",
	// "工单", "", "数量"): its lines stand between single blank lines, the
	// cell they continue above the first and a new row below the last. That
	// row may open with an empty cell, a TAB alone (a 合计 row's blank 序号).
	if s.lines[j-1].kind() != kBlank {
		return false
	}
	lo, hi := j, j // the first and last of the cell's lines apart from its marked one
	for lo >= 2 && s.lines[lo-1].kind() == kBlank && s.piece(lo-2) {
		lo -= 2
	}
	for hi+2 < len(s.lines) && s.lines[hi+1].kind() == kBlank && s.piece(hi+2) {
		hi += 2
	}
	// After the last line, the next cell of the row or, past a blank line,
	// the next row.
	next := hi+1 < len(s.lines) && s.lines[hi+1].kind() == marker ||
		hi+2 < len(s.lines) && s.lines[hi+1].kind() == kBlank && (s.lines[hi+2].kind() == marker || s.emptyTabCell(hi+2))
	return s.piece(j) && (hi-lo)/2+2 <= maxWrapLines && next &&
		lo >= 2 && s.lines[lo-1].kind() == kBlank && s.lines[lo-2].kind() == marker
}

// piece reports whether line j can be a line of a wrapped TAB-marked
// cell: short text that does not open an enumerated item.
func (s *scanner) piece(j int) bool {
	l := s.lines[j]
	return l.kind() == kText && runeLen(strings.TrimSpace(l.fold)) <= maxWrapRunes &&
		!enumerator.MatchString(strings.TrimSpace(l.raw))
}

// emptyTabCell reports whether line j, blank but for a TAB, is an empty
// cell of a TAB-marked table: it touches a marked cell line above or
// below. A stray TAB on a line between rows touches none.
func (s *scanner) emptyTabCell(j int) bool {
	lone := func(k int) bool {
		return k >= 0 && k < len(s.lines) && s.lines[k].kind() == kBlank && strings.HasPrefix(s.lines[k].raw, "\t")
	}
	if !lone(j) {
		return false
	}
	// Look past neighbouring empty cells (序号 and 所属街道 of a 合计 row).
	up, down := j-1, j+1
	for lone(up) {
		up--
	}
	for lone(down) {
		down++
	}
	return (up >= 0 && s.lines[up].kind() == kTabCell) || (down < len(s.lines) && s.lines[down].kind() == kTabCell)
}
