package layout

import (
	"sort"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// zone is a run of lines, lines[from:to], laid out as an unruled table.
type zone struct{ from, to int }

// Unruled tables: a run of lines of which at least minTableRows show
// minTableCols or more chunks. Lines with fewer chunks inside the run stay
// in it when they sit under a chunk of the last multi-chunk line (a cell's
// wrapped text) and close below it.
const (
	minTableRows = 2
	minTableCols = 3
	maxRowGap    = 3.0 // in font sizes: a larger gap between lines ends a table
)

// findZones returns the unruled tables among lines, top to bottom.
func findZones(lines []*line) []zone {
	var out []zone
	for i := 0; i < len(lines); {
		if len(lines[i].chunks) < 2 {
			i++
			continue
		}
		last := i // last line in the zone
		multi := i
		wide := 0
		if len(lines[i].chunks) >= minTableCols {
			wide++
		}
		for k := i + 1; k < len(lines); k++ {
			l := lines[k]
			if lines[k-1].y-l.y > maxRowGap*max(l.size, lines[k-1].size) {
				break
			}
			if len(l.chunks) >= 2 {
				last, multi = k, k
				if len(l.chunks) >= minTableCols {
					wide++
				}
				continue
			}
			if len(l.chunks) == 1 && under(l.chunks[0], lines[multi], l.size) {
				last = k
				continue
			}
			break
		}
		if wide >= minTableRows {
			out = append(out, zone{i, last + 1})
			i = last + 1
			continue
		}
		i++
	}
	return out
}

// under reports whether chunk c lies under one chunk of line m, as a
// wrapped line of that cell does.
func under(c chunk, m *line, size float64) bool {
	hits := 0
	for _, o := range m.chunks {
		if c.x1 > o.x0 && c.x0 < o.x1 {
			hits++
			if c.x0 < o.x0-size || c.x1 > o.x1+size {
				return false
			}
		}
	}
	return hits == 1
}

// zoneTable lays out an unruled table. Columns are the extents of the
// chunks of the lines with the most chunks (the full rows), merged where
// they overlap; every other chunk goes to the column it overlaps most.
// A line with chunks in at least half the columns starts a row; a line
// with fewer is a wrapped continuation of the nearer row, above or below.
func zoneTable(lines []*line, page int) *block.Table {
	most := 0
	for _, l := range lines {
		most = max(most, len(l.chunks))
	}
	var spans [][2]float64
	for _, l := range lines {
		if len(l.chunks) == most {
			for _, c := range l.chunks {
				spans = append(spans, [2]float64{c.x0, c.x1})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	var cols [][2]float64
	for _, s := range spans {
		if n := len(cols); n > 0 && s[0] < cols[n-1][1] {
			cols[n-1][1] = max(cols[n-1][1], s[1])
			continue
		}
		cols = append(cols, s)
	}
	// Rows: starts and their continuation lines. A continuation line joins
	// the nearer row, above or below, when it is within a line pitch of it
	// (the pitch of lines wrapped in one cell); farther from both it is a
	// row of its own (the rest of a row split by a page break).
	starter := func(l *line) bool { return len(l.chunks) >= max(2, (len(cols)+1)/2) }
	step := 0.0
	for i := 1; i < len(lines); i++ {
		if g := lines[i-1].y - lines[i].y; g >= 0.5*lines[i].size && (step == 0 || g < step) {
			step = g
		}
	}
	near := func(d float64) bool { return d >= 0 && d <= 1.15*step }
	// nextStart[i] is the first row start after line i, or -1.
	nextStart := make([]int, len(lines))
	next := -1
	for i := len(lines) - 1; i >= 0; i-- {
		nextStart[i] = next
		if starter(lines[i]) {
			next = i
		}
	}
	var rows [][]*line
	var pendingAbove []*line // continuation lines before the next row start
	for i, l := range lines {
		if starter(l) {
			rows = append(rows, append(pendingAbove, l))
			pendingAbove = nil
			continue
		}
		above := -1.0
		if len(rows) > 0 && len(pendingAbove) == 0 {
			prev := rows[len(rows)-1]
			above = prev[len(prev)-1].y - l.y
		} else if len(pendingAbove) > 0 {
			above = pendingAbove[len(pendingAbove)-1].y - l.y
		}
		below := -1.0
		if n := nextStart[i]; n >= 0 {
			below = l.y - lines[n].y
		}
		switch {
		case len(pendingAbove) > 0 && near(above):
			pendingAbove = append(pendingAbove, l)
		case near(below) && (!near(above) || below < above):
			pendingAbove = append(pendingAbove, l)
		case len(rows) > 0 && len(pendingAbove) == 0 && near(above):
			rows[len(rows)-1] = append(rows[len(rows)-1], l)
		default:
			if len(pendingAbove) > 0 {
				rows = append(rows, pendingAbove)
				pendingAbove = nil
			}
			rows = append(rows, []*line{l})
		}
	}
	if len(pendingAbove) > 0 {
		rows = append(rows, pendingAbove)
	}
	t := &block.Table{Pos: model.Pos{Page: page, X: round(lines[0].glyphs[0].px), Y: round(lines[0].glyphs[0].py)}}
	for r, rl := range rows {
		cells := make([][]string, len(cols))
		first := make([]*glyph, len(cols))
		for _, l := range rl {
			parts := make([][]string, len(cols))
			for ci := range l.chunks {
				c := &l.chunks[ci]
				k := column(cols, c.x0, c.x1)
				parts[k] = append(parts[k], strings.TrimSpace(c.text()))
				if first[k] == nil {
					first[k] = &c.glyphs[0]
				}
			}
			for k, p := range parts {
				if len(p) > 0 {
					cells[k] = append(cells[k], strings.Join(p, " "))
				}
			}
		}
		row := block.Row{Pos: model.Pos{Page: page, Row: r + 1}}
		for k := range cols {
			cell := block.Cell{Text: strings.Join(cells[k], "\n"), Pos: model.Pos{Page: page, Row: r + 1, Col: k + 1}}
			if first[k] != nil {
				cell.Pos.X, cell.Pos.Y = round(first[k].px), round(first[k].py)
			}
			row.Cells = append(row.Cells, cell)
		}
		if g := rl[0].glyphs[0]; true {
			row.Pos.X, row.Pos.Y = round(g.px), round(g.py)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// column returns the column a chunk overlaps most, or the nearest one.
func column(cols [][2]float64, x0, x1 float64) int {
	best, bestOverlap := -1, 0.0
	for k, c := range cols {
		if o := min(x1, c[1]) - max(x0, c[0]); o > bestOverlap {
			best, bestOverlap = k, o
		}
	}
	if best >= 0 {
		return best
	}
	mid := (x0 + x1) / 2
	best, bestDist := 0, -1.0
	for k, c := range cols {
		d := abs(mid - (c[0]+c[1])/2)
		if bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}
