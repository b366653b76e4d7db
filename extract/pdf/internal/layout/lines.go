package layout

import (
	"cmp"
	"slices"
)

// line is a run of glyphs on one baseline, split into chunks where the gap
// between them is wide enough to separate table columns.
type line struct {
	glyphs []glyph // sorted by x
	chunks []chunk
	y      float64
	size   float64
	x0, x1 float64
}

// chunk is a phrase: glyphs of a line set close together.
type chunk struct {
	glyphs []glyph
	x0, x1 float64
	from   int // index of the first glyph in the line
}

// text returns the line's text, chunks separated by a space.
func (l *line) text() string { return joinGlyphs(l.glyphs) }

// baselineTolerance is how far, in font sizes, two glyphs' baselines may
// differ and still be on one line.
const baselineTolerance = 0.35

// chunkGap is the gap, in font sizes, that splits a line into chunks.
const chunkGap = 1.0

// buildLines groups glyphs (sorted by baseline from the top) into lines.
// A line is a run of the input, which it shares and sorts by x.
func buildLines(gs []glyph) []*line {
	var lines []*line
	var cur *line
	start := 0
	for i := range gs {
		g := &gs[i]
		if cur != nil && abs(cur.y-g.y) <= baselineTolerance*max(cur.size, g.size) {
			cur.size = max(cur.size, g.size)
			continue
		}
		if cur != nil {
			cur.glyphs = gs[start:i:i]
		}
		cur = &line{y: g.y, size: g.size}
		start = i
		lines = append(lines, cur)
	}
	if cur != nil {
		cur.glyphs = gs[start:len(gs):len(gs)]
	}
	for _, l := range lines {
		l.finish()
	}
	// Lines whose baselines differ a little may have been sorted apart by
	// glyphs of other lines; keep them in reading order.
	slices.SortStableFunc(lines, func(a, b *line) int { return cmp.Compare(b.y, a.y) })
	return lines
}

// finish sorts the line's glyphs, computes its extent and splits it into
// chunks.
func (l *line) finish() {
	slices.SortStableFunc(l.glyphs, func(a, b glyph) int { return cmp.Compare(a.x0, b.x0) })
	l.chunks = l.chunks[:0]
	l.x0, l.x1 = 0, 0
	first := true
	var cur *chunk
	for i, g := range l.glyphs {
		if g.space {
			continue
		}
		if first {
			l.x0, first = g.x0, false
		}
		l.x1 = max(l.x1, g.x1)
		if cur != nil && g.x0-cur.x1 <= chunkGap*max(g.size, l.size) {
			cur.glyphs = l.glyphs[cur.from : i+1]
			cur.x1 = max(cur.x1, g.x1)
			continue
		}
		l.chunks = append(l.chunks, chunk{glyphs: l.glyphs[i : i+1], x0: g.x0, x1: g.x1, from: i})
		cur = &l.chunks[len(l.chunks)-1]
	}
}
