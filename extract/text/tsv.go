package text

import (
	"slices"
	"strings"
)

// tryTSV reads rows of TAB-separated cells, one row a line. A cell wrapped
// onto the next line (as Word's table-to-text conversion writes a line break
// inside a cell) splits its row over two lines; lines are joined again until
// the row has the table's usual width. Excel-style quoted cells may span
// lines.
func (s *scanner) tryTSV() bool {
	if s.lines[s.i].kind() != kTSV {
		return false
	}
	var logical [][]tcell // the region's lines, as cells
	var isTSV []bool
	end := s.i
	for j := s.i; j < len(s.lines); {
		l := s.lines[j]
		k := l.kind()
		switch {
		case k == kTSV:
			cells, next := tsvCells(s.lines, j)
			logical = append(logical, cells)
			isTSV = append(isTSV, true)
			j = next
			end = j
			continue
		case k == kDebris:
		case k == kBlank && j+1 < len(s.lines) && s.lines[j+1].kind() == kTSV:
		case k == kText && runeLen(strings.TrimSpace(l.fold)) <= maxWrapRunes && j > s.i && s.lines[j-1].kind() != kBlank:
			logical = append(logical, []tcell{{parts: []string{strings.TrimSpace(l.raw)}, line: l.num}})
			isTSV = append(isTSV, false)
		default:
			j = len(s.lines) // end of region
			continue
		}
		j++
	}
	width := modalWidth(logical, isTSV)
	var rows [][]tcell
	consumed := 0 // logical lines consumed into rows
	for i := 0; i < len(logical); {
		row := logical[i]
		n := 1
		for len(row) < width && i+n < len(logical) && len(joinRow(row, logical[i+n])) <= width {
			row = joinRow(row, logical[i+n])
			n++
		}
		if !isTSV[i] && n == 1 {
			break // a stray text line after the table
		}
		rows = append(rows, row)
		i += n
		consumed = i
	}
	if len(rows) < 2 {
		return false
	}
	// Lines after the last row are not part of the table.
	if consumed < len(logical) {
		end = lineIndex(s.lines, logical[consumed][0].line)
	} else if last := logical[len(logical)-1]; !isTSV[len(isTSV)-1] {
		end = lineIndex(s.lines, last[0].line) + 1
	}
	s.addTable(toTable(rows))
	s.i = end
	return true
}

// tsvCells splits line j into TAB-separated cells; a cell opening with a
// double quote runs to its closing quote, across lines if need be.
func tsvCells(lines []line, j int) ([]tcell, int) {
	l := lines[j]
	var cells []tcell
	fields := strings.Split(l.raw, "\t")
	next := j + 1
	for f := 0; f < len(fields); f++ {
		field := fields[f]
		c := tcell{line: l.num}
		if strings.HasPrefix(strings.TrimSpace(field), `"`) && !closedQuote(strings.TrimSpace(field)) {
			// Gather lines until the quote closes (bounded by maxWrapLines).
			var parts []string
			parts = append(parts, strings.TrimSpace(field))
			for next < len(lines) && next < j+1+maxWrapLines {
				rest := strings.Split(lines[next].raw, "\t")
				parts = append(parts, strings.TrimSpace(rest[0]))
				next++
				if closedQuote(strings.Join(parts, "\n")) {
					fields = append(fields[:f+1], rest[1:]...)
					break
				}
			}
			field = strings.Join(parts, "\n")
		}
		field = strings.TrimSpace(field)
		if len(field) >= 2 && field[0] == '"' && field[len(field)-1] == '"' {
			field = strings.ReplaceAll(field[1:len(field)-1], `""`, `"`)
		}
		for _, p := range strings.Split(field, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				c.parts = append(c.parts, p)
			}
		}
		cells = append(cells, c)
	}
	return cells, next
}

// closedQuote reports whether a field that opens with a quote also closes
// it: an odd number of quotes after the opening one.
func closedQuote(f string) bool {
	return len(f) >= 2 && strings.Count(f[1:], `"`)%2 == 1
}

// joinRow joins two pieces of a row split by a line break inside a cell:
// the last cell of a and the first of b are one cell.
func joinRow(a, b []tcell) []tcell {
	out := make([]tcell, 0, len(a)+len(b)-1)
	out = append(out, a[:len(a)-1]...)
	mid := a[len(a)-1]
	mid.parts = append(append([]string(nil), mid.parts...), b[0].parts...)
	out = append(out, mid)
	return append(out, b[1:]...)
}

// modalWidth is the most common cell count among the TSV lines, preferring
// the wider on ties.
func modalWidth(rows [][]tcell, isTSV []bool) int {
	count := map[int]int{}
	for i, r := range rows {
		if isTSV[i] {
			count[len(r)]++
		}
	}
	best, bestN := 0, 0
	for w, n := range count {
		if n > bestN || (n == bestN && w > best) {
			best, bestN = w, n
		}
	}
	return best
}

// lineIndex returns the index of the line numbered num. Lines taken out
// as page furniture leave gaps in the numbering.
func lineIndex(lines []line, num int) int {
	i, _ := slices.BinarySearchFunc(lines, num, func(l line, n int) int { return l.num - n })
	return i
}
