package layout

import (
	"sort"

	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
)

// rule is a ruling line in the reading frame: horizontal (at pos, from lo
// to hi along x) or vertical (at pos, from lo to hi along y).
type rule struct {
	pos, lo, hi float64
}

// Tolerances for ruling lines, in points.
const (
	collinear = 1.0 // segments this close across are on one line
	joinGap   = 2.0 // collinear segments this close along are joined
	touch     = 2.5 // a rule ending this close to another meets it
	minRule   = 3.0 // shorter joined rules are ignored
)

// frameRules turns segments into the frame and joins collinear pieces: a
// border drawn cell by cell, with sub-point gaps or overlaps, becomes one
// rule.
func frameRules(segs []geom.Segment, to func(x, y float64) (float64, float64)) (hs, vs []rule) {
	for _, s := range segs {
		x0, y0 := to(s.X0, s.Y0)
		x1, y1 := to(s.X1, s.Y1)
		if abs(y1-y0) <= abs(x1-x0) {
			hs = append(hs, rule{(y0 + y1) / 2, min(x0, x1), max(x0, x1)})
		} else {
			vs = append(vs, rule{(x0 + x1) / 2, min(y0, y1), max(y0, y1)})
		}
	}
	return join(hs), join(vs)
}

// join merges collinear rules that touch or nearly touch.
func join(rs []rule) []rule {
	if len(rs) == 0 {
		return nil
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].pos < rs[j].pos })
	// Group by position, then join along each group.
	var out []rule
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j].pos-rs[j-1].pos <= collinear && rs[j].pos-rs[i].pos <= 2*collinear {
			j++
		}
		group := rs[i:j]
		sum := 0.0
		for _, r := range group {
			sum += r.pos
		}
		pos := sum / float64(len(group))
		sort.Slice(group, func(a, b int) bool { return group[a].lo < group[b].lo })
		cur := rule{pos, group[0].lo, group[0].hi}
		for _, r := range group[1:] {
			if r.lo <= cur.hi+joinGap {
				cur.hi = max(cur.hi, r.hi)
				continue
			}
			if cur.hi-cur.lo >= minRule {
				out = append(out, cur)
			}
			cur = rule{pos, r.lo, r.hi}
		}
		if cur.hi-cur.lo >= minRule {
			out = append(out, cur)
		}
		i = j
	}
	return out
}

// meets reports whether horizontal rule h and vertical rule v cross or
// touch.
func meets(h, v rule) bool {
	return v.pos >= h.lo-touch && v.pos <= h.hi+touch && h.pos >= v.lo-touch && h.pos <= v.hi+touch
}

// grid is a ruled table: the row boundaries from the top, the column
// boundaries from the left, and the rules that separate its cells.
type grid struct {
	ys     []float64 // descending
	xs     []float64 // ascending
	hs, vs []rule
}

func (g *grid) top() float64    { return g.ys[0] }
func (g *grid) bottom() float64 { return g.ys[len(g.ys)-1] }

// contains reports whether a point lies inside the grid.
func (g *grid) contains(x, y float64) bool {
	return x >= g.xs[0] && x <= g.xs[len(g.xs)-1] && y <= g.ys[0] && y >= g.bottom()
}

// findGrids groups rules that meet into connected sets; each set with at
// least two horizontal and two vertical rules, enough to enclose two
// cells, is a grid.
func findGrids(hs, vs []rule) []*grid {
	if len(hs)*len(vs) > maxRulePairs {
		return nil
	}
	n := len(hs) + len(vs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// Rules sorted by position let the search stop early.
	for i, h := range hs {
		lo := sort.Search(len(vs), func(k int) bool { return vs[k].pos >= h.lo-touch })
		for k := lo; k < len(vs) && vs[k].pos <= h.hi+touch; k++ {
			if meets(h, vs[k]) {
				a, b := find(i), find(len(hs)+k)
				if a != b {
					parent[a] = b
				}
			}
		}
	}
	sets := map[int]*grid{}
	var order []int
	for i := range n {
		r := find(i)
		g := sets[r]
		if g == nil {
			g = &grid{}
			sets[r] = g
			order = append(order, r)
		}
		if i < len(hs) {
			g.hs = append(g.hs, hs[i])
		} else {
			g.vs = append(g.vs, vs[i-len(hs)])
		}
	}
	var out []*grid
	for _, r := range order {
		g := sets[r]
		if len(g.hs) < 2 || len(g.vs) < 2 {
			continue
		}
		g.ys = clusterPositions(g.hs, true)
		g.xs = clusterPositions(g.vs, false)
		if len(g.ys) < 2 || len(g.xs) < 2 || (len(g.ys)-1)*(len(g.xs)-1) < 2 {
			continue
		}
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].top() > out[j].top() })
	return out
}

// clusterPositions returns the distinct positions of rules (those closer
// than a few points are one), descending for rows and ascending for
// columns.
func clusterPositions(rs []rule, desc bool) []float64 {
	pos := make([]float64, len(rs))
	for i, r := range rs {
		pos[i] = r.pos
	}
	sort.Float64s(pos)
	var out []float64
	for i := 0; i < len(pos); {
		j := i + 1
		for j < len(pos) && pos[j]-pos[j-1] <= touch {
			j++
		}
		out = append(out, (pos[i]+pos[j-1])/2)
		i = j
	}
	if desc {
		for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
			out[a], out[b] = out[b], out[a]
		}
	}
	return out
}

// separated reports whether a rule at pos (within touch) covers the point
// mid along it.
func separated(rs []rule, pos, mid float64) bool {
	for _, r := range rs {
		if abs(r.pos-pos) <= touch && mid >= r.lo-touch && mid <= r.hi+touch {
			return true
		}
	}
	return false
}
