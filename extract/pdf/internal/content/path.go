package content

import (
	"math"

	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
)

// pathState is the path under construction, in display coordinates. Only
// what can be a ruling line is kept: straight lines and rectangles.
type pathState struct {
	lines       []line
	rects       [][4]point // rectangles from re and closed four-line subpaths
	cur, start  point
	has         bool
	subStart    int // index in lines where the current subpath starts
	curvedSub   bool
	subSegments int
}

type point struct{ x, y float64 }

type line struct{ a, b point }

func (p *pathState) moveTo(m geom.Matrix, x, y float64) {
	p.finishSub(false)
	p.cur = apply(m, x, y)
	p.start = p.cur
	p.has = true
}

func (p *pathState) lineTo(m geom.Matrix, x, y float64) {
	q := apply(m, x, y)
	if p.has {
		p.lines = append(p.lines, line{p.cur, q})
		p.subSegments++
	} else {
		p.start = q
		p.subStart = len(p.lines)
	}
	p.cur, p.has = q, true
}

func (p *pathState) curveTo(m geom.Matrix, x, y float64) {
	p.cur, p.has = apply(m, x, y), true
	p.curvedSub = true
}

// close closes the current subpath; a closed subpath of four straight
// lines is kept as a rectangle too, so that a filled one can be a rule.
func (p *pathState) close() {
	if !p.has {
		return
	}
	if p.cur != p.start {
		p.lines = append(p.lines, line{p.cur, p.start})
		p.subSegments++
	}
	p.cur = p.start
	p.finishSub(true)
}

func (p *pathState) finishSub(closed bool) {
	if closed && !p.curvedSub && len(p.lines)-p.subStart == 4 {
		l := p.lines[p.subStart:]
		p.rects = append(p.rects, [4]point{l[0].a, l[1].a, l[2].a, l[3].a})
	}
	p.subStart = len(p.lines)
	p.curvedSub = false
	p.subSegments = 0
}

func (p *pathState) rect(m geom.Matrix, x, y, w, h float64) {
	p.finishSub(false)
	a, b, c, d := apply(m, x, y), apply(m, x+w, y), apply(m, x+w, y+h), apply(m, x, y+h)
	p.lines = append(p.lines, line{a, b}, line{b, c}, line{c, d}, line{d, a})
	p.rects = append(p.rects, [4]point{a, b, c, d})
	p.subStart = len(p.lines)
	p.start, p.cur, p.has = a, a, true
}

func (p *pathState) reset() {
	p.lines = p.lines[:0]
	p.rects = p.rects[:0]
	p.has = false
	p.subStart = 0
	p.curvedSub = false
}

func apply(m geom.Matrix, x, y float64) point {
	px, py := m.Apply(x, y)
	return point{px, py}
}

// Tolerances for ruling lines, in points.
const (
	axisSlack = 0.5 // how far off horizontal or vertical a rule may be
	thinRect  = 3.0 // a filled rectangle this thin is a rule
)

// paint turns the path into ruling segments: stroked straight lines that
// are horizontal or vertical, and filled rectangles thin enough to be a
// rule (drawn as their centre line). Invisible (white) paint is skipped.
func (in *interp) paint(p *pathState, stroke, fill bool) error {
	defer p.reset()
	if stroke {
		for _, l := range p.lines {
			if s, ok := segment(l.a, l.b); ok {
				if err := in.addSegment(s); err != nil {
					return err
				}
			}
		}
	}
	if fill {
		for _, r := range p.rects {
			x0, x1 := minmax(r[0].x, r[1].x, r[2].x, r[3].x)
			y0, y1 := minmax(r[0].y, r[1].y, r[2].y, r[3].y)
			if !axisAligned(r) {
				continue
			}
			var s geom.Segment
			switch {
			case y1-y0 <= thinRect && x1-x0 > y1-y0:
				y := (y0 + y1) / 2
				s = geom.Segment{X0: x0, Y0: y, X1: x1, Y1: y}
			case x1-x0 <= thinRect && y1-y0 > x1-x0:
				x := (x0 + x1) / 2
				s = geom.Segment{X0: x, Y0: y0, X1: x, Y1: y1}
			default:
				continue
			}
			if err := in.addSegment(s); err != nil {
				return err
			}
		}
	}
	return nil
}

func (in *interp) addSegment(s geom.Segment) error {
	if v := s.X0 + s.Y0 + s.X1 + s.Y1; math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	if err := in.count(1); err != nil {
		return err
	}
	in.out.Segments = append(in.out.Segments, s)
	return nil
}

// segment returns the line from a to b as a horizontal or vertical
// segment, if it is one.
func segment(a, b point) (geom.Segment, bool) {
	dx, dy := math.Abs(a.x-b.x), math.Abs(a.y-b.y)
	if math.IsNaN(dx+dy) || math.IsInf(dx+dy, 0) || dx+dy < 0.1 {
		return geom.Segment{}, false
	}
	switch {
	case dy <= axisSlack && dx > dy:
		y := (a.y + b.y) / 2
		return geom.Segment{X0: min(a.x, b.x), Y0: y, X1: max(a.x, b.x), Y1: y}, true
	case dx <= axisSlack && dy > dx:
		x := (a.x + b.x) / 2
		return geom.Segment{X0: x, Y0: min(a.y, b.y), X1: x, Y1: max(a.y, b.y)}, true
	}
	return geom.Segment{}, false
}

func axisAligned(r [4]point) bool {
	for i := range 4 {
		a, b := r[i], r[(i+1)%4]
		if math.Abs(a.x-b.x) > axisSlack && math.Abs(a.y-b.y) > axisSlack {
			return false
		}
	}
	return true
}

func minmax(v ...float64) (lo, hi float64) {
	lo, hi = v[0], v[0]
	for _, x := range v[1:] {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}
