package text

import (
	"strings"
)

// tryPipe reads a table of pipe rows, "| a | b |". Rule lines ("|---|",
// "+---+") are skipped; when rules separate every row, as in grid tables,
// the lines between two rules are one row whose cells wrap over lines.
func (s *scanner) tryPipe() bool {
	start := s.i
	if k := s.lines[start].kind(); k != kPipeRow && !(k == kRule && start+1 < len(s.lines) && s.lines[start+1].kind() == kPipeRow) {
		return false
	}
	// Collect the region: pipe rows, rules and debris, with single blank
	// lines allowed between rows.
	type group struct{ lines []line }
	var groups []group // rows between rules
	var cur group
	rules, rows := 0, 0
	end := start
	for j := start; j < len(s.lines); j++ {
		l := s.lines[j]
		k := l.kind()
		if k == kBlank {
			if j+1 < len(s.lines) && s.lines[j+1].kind() == kPipeRow {
				continue
			}
			break
		}
		if k == kDebris {
			end = j + 1
			continue
		}
		if k == kRule {
			rules++
			if len(cur.lines) > 0 {
				groups = append(groups, cur)
				cur = group{}
			}
			end = j + 1
			continue
		}
		if k != kPipeRow {
			break
		}
		cur.lines = append(cur.lines, l)
		rows++
		end = j + 1
	}
	if len(cur.lines) > 0 {
		groups = append(groups, cur)
	}
	if rows < 2 {
		return false
	}
	// Grid tables put a rule between all rows; anything else is one row a
	// line.
	grid := len(groups) >= 2 && rules >= len(groups)
	var table [][]tcell
	for _, g := range groups {
		if grid {
			table = append(table, mergeLines(g.lines))
			continue
		}
		for _, l := range g.lines {
			table = append(table, pipeCells(l))
		}
	}
	s.addTable(toTable(table))
	s.i = end
	return true
}

// pipeCells splits "| a | b |" into its cells. Bars are found in the folded
// line so that full-width bars count; text is cut from the raw line.
func pipeCells(l line) []tcell {
	raw := []rune(l.raw)
	f := []rune(l.fold)
	first := strings.IndexRune(l.fold, '|')
	lastBar := strings.LastIndexByte(l.fold, '|')
	// Convert byte offsets in fold to rune offsets.
	from := runeLen(l.fold[:first]) + 1
	to := runeLen(l.fold[:lastBar])
	var cells []tcell
	cellStart := from
	for i := from; i <= to; i++ {
		if i == to || f[i] == '|' {
			cells = append(cells, tcell{
				parts: []string{cellText(string(raw[cellStart:i]))},
				line:  l.num,
			})
			cellStart = i + 1
		}
	}
	return cells
}

// mergeLines joins the pipe lines of one grid-table row cell by cell.
func mergeLines(lines []line) []tcell {
	var row []tcell
	for _, l := range lines {
		for i, c := range pipeCells(l) {
			if i >= len(row) {
				row = append(row, tcell{line: c.line})
			}
			if t := c.text(); t != "" {
				row[i].parts = append(row[i].parts, t)
			}
		}
	}
	return row
}
