package layout

import (
	"slices"
	"sort"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// maxGridCells bounds the cells of one ruled grid; a larger lattice (a
// drawing, or hostile input) is not read as a table.
const maxGridCells = 200_000

// table builds the ruled table: cells are the grid's rectangles, merged
// across every boundary that no rule separates (giving row and column
// spans), and each glyph goes to the cell holding its centre. glyphs are
// the page's glyphs inside the grid.
func (g *grid) table(glyphs []glyph, page int) *block.Table {
	nr, nc := len(g.ys)-1, len(g.xs)-1
	// Rules along each boundary.
	vAt := make([][]rule, nc+1)
	for _, v := range g.vs {
		if c := nearest(g.xs, v.pos); c >= 0 {
			vAt[c] = append(vAt[c], v)
		}
	}
	hAt := make([][]rule, nr+1)
	for _, h := range g.hs {
		if r := nearest(g.ys, h.pos); r >= 0 {
			hAt[r] = append(hAt[r], h)
		}
	}
	parent := make([]int, nr*nc)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			if ra < rb {
				parent[rb] = ra
			} else {
				parent[ra] = rb
			}
		}
	}
	for r := range nr {
		for c := range nc {
			if c+1 < nc && !separated(vAt[c+1], g.xs[c+1], (g.ys[r]+g.ys[r+1])/2) {
				union(r*nc+c, r*nc+c+1)
			}
			if r+1 < nr && !separated(hAt[r+1], g.ys[r+1], (g.xs[c]+g.xs[c+1])/2) {
				union(r*nc+c, (r+1)*nc+c)
			}
		}
	}
	// Each merged set must be a rectangle; a ragged one (a rule missing in
	// the middle of a border) is split back into its grid cells.
	// spans[root] is the extent of the set whose root is root.
	type span struct{ r0, r1, c0, c1, n int }
	roots := make([]int, len(parent))
	spans := make([]span, len(parent))
	for i := range parent {
		roots[i] = find(i)
		r, c := i/nc, i%nc
		s := &spans[roots[i]]
		if s.n == 0 {
			*s = span{r, r, c, c, 1}
			continue
		}
		s.r0, s.r1, s.c0, s.c1 = min(s.r0, r), max(s.r1, r), min(s.c0, c), max(s.c1, c)
		s.n++
	}
	for i, root := range roots {
		if s := spans[root]; s.n != (s.r1-s.r0+1)*(s.c1-s.c0+1) {
			roots[i] = -1 - i // its own cell
		}
	}
	for i := range roots {
		if roots[i] < 0 {
			roots[i] = i
			spans[i] = span{i / nc, i / nc, i % nc, i % nc, 1}
		}
	}
	find = func(i int) int { return roots[i] }
	// Glyphs into cells (kept in their order, one allocation).
	cellOf := make([]int32, len(glyphs))
	count := make([]int32, nr*nc+1)
	for i := range glyphs {
		gl := &glyphs[i]
		cx, cy := (gl.x0+gl.x1)/2, gl.cy()
		c := sort.Search(nc, func(k int) bool { return g.xs[k+1] > cx })
		r := sort.Search(nr, func(k int) bool { return g.ys[k+1] < cy })
		cellOf[i] = -1
		if c < nc && r < nr {
			cellOf[i] = int32(find(r*nc + c))
			count[cellOf[i]+1]++
		}
	}
	for k := 1; k < len(count); k++ {
		count[k] += count[k-1]
	}
	sortedBuf, giveSorted := borrowGlyphs()
	sorted := slices.Grow(*sortedBuf, int(count[len(count)-1]))[:count[len(count)-1]]
	defer giveSorted(sorted)
	fill := append([]int32(nil), count[:nr*nc]...)
	for i := range glyphs {
		if k := cellOf[i]; k >= 0 {
			sorted[fill[k]] = glyphs[i]
			fill[k]++
		}
	}
	content := func(root int) []glyph { return sorted[count[root]:count[root+1]] }
	t := &block.Table{Pos: model.Pos{Page: page, X: round(g.xs[0]), Y: round(g.ys[0])}, Rows: make([]block.Row, 0, nr)}
	for r := range nr {
		row := block.Row{Pos: model.Pos{Page: page, Row: r + 1}, Cells: make([]block.Cell, 0, nc)}
		for c := range nc {
			i := r*nc + c
			root := find(i)
			s := &spans[root]
			if s.r0 != r || s.c0 != c {
				continue
			}
			cell := block.Cell{RowSpan: s.r1 - s.r0 + 1, ColSpan: s.c1 - s.c0 + 1,
				Pos: model.Pos{Page: page, Row: r + 1, Col: c + 1}}
			if gs := content(root); len(gs) > 0 {
				cell.Text = cellText(gs)
				cell.Pos.X, cell.Pos.Y = round(gs[0].px), round(gs[0].py)
			}
			row.Cells = append(row.Cells, cell)
		}
		if len(row.Cells) > 0 {
			row.Pos.X, row.Pos.Y = row.Cells[0].Pos.X, row.Cells[0].Pos.Y
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// cellText is the text of a cell's glyphs: its lines from the top, joined
// with "\n".
func cellText(gs []glyph) string {
	lines := buildLines(gs)
	parts := make([]string, 0, len(lines))
	for _, l := range lines {
		if s := strings.TrimSpace(l.text()); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n")
}

// nearest returns the index of the boundary within touch of pos, or -1.
func nearest(bs []float64, pos float64) int {
	best, d := -1, touch
	for i, b := range bs {
		if abs(b-pos) <= d {
			best, d = i, abs(b-pos)
		}
	}
	return best
}

// round rounds a coordinate to 0.01 pt, so positions print briefly.
func round(v float64) float64 {
	if v < 0 {
		return -float64(int64(-v*100+0.5)) / 100
	}
	return float64(int64(v*100+0.5)) / 100
}
