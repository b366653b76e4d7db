package layout

import (
	"runtime"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
)

// TestHostilePage lays out a page at the size the interpreter's budget
// allows, drawn to make the layout's work grow: a dense lattice of rules
// and many glyphs, and a long column of one-chunk lines under a table.
// What the layout allocates is bounded by a constant per glyph and rule
// (work that grew quadratically allocated with it).
func TestHostilePage(t *testing.T) {
	p := &geom.Page{Width: 1000, Height: 1000}
	for i := range 2000 {
		y := float64(i) / 2
		p.Segments = append(p.Segments, geom.Segment{X0: 0, Y0: y, X1: 1000, Y1: y}, geom.Segment{X0: y, Y0: 0, X1: y, Y1: 1000})
	}
	for i := range 200_000 {
		p.Glyphs = append(p.Glyphs, geom.Glyph{Text: "x", X: float64(i%1000) + 0.1, Y: float64(i/1000) * 5, W: 1, Size: 1})
	}
	if got := allocated(func() { Layout(p, 1) }); got > perItemBound*int64(len(p.Glyphs)+len(p.Segments)) {
		t.Fatalf("lattice page: %d bytes allocated for %d glyphs and %d rules", got, len(p.Glyphs), len(p.Segments))
	}

	p = &geom.Page{Width: 1000, Height: 100000}
	for r := range 3 {
		for c := range 5 {
			p.Glyphs = append(p.Glyphs, geom.Glyph{Text: "1", X: float64(c * 100), Y: 99990 - float64(r)*12, W: 5, Size: 10})
		}
	}
	for i := range 50_000 {
		p.Glyphs = append(p.Glyphs, geom.Glyph{Text: "a", X: 0, Y: 99950 - float64(i)*1.9, W: 5, Size: 1})
	}
	if got := allocated(func() { Layout(p, 1) }); got > perItemBound*int64(len(p.Glyphs)) {
		t.Fatalf("long table: %d bytes allocated for %d glyphs", got, len(p.Glyphs))
	}
}

// perItemBound is the most the layout may allocate per glyph or rule of a
// hostile page, in bytes.
const perItemBound = 1024

// allocated reports the bytes f allocates.
func allocated(f func()) int64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc - before.TotalAlloc)
}

// hostileUnruled draws a page for the unruled-table layout to chew on:
// rows lines of many numbers at scattered places, under header lines of
// as many phrases, which no table has.
func hostileUnruled(rows, cols int) *geom.Page {
	p := &geom.Page{Width: 100000, Height: 1e6}
	for r := range rows + 6 {
		y := 1e6 - 10 - float64(r)*12
		text := "1"
		if r < 6 {
			text = "表"
		}
		for c := range cols {
			x := float64(c*25 + (r*7919+c*104729)%11)
			p.Glyphs = append(p.Glyphs, geom.Glyph{Text: text, X: x, Y: y, W: 5, Size: 10})
		}
	}
	return p
}

// TestHostileUnruled lays out pages of many aligned numbers under
// header lines of many phrases: wider than an unruled table may be, and
// narrow enough to be one. The work must stay in proportion to the page
// (BenchmarkHostileUnruled measures it; a quadratic layout would not end
// within the test's time limit).
func TestHostileUnruled(t *testing.T) {
	for _, cols := range []int{maxTableCols + 1, maxTableCols} {
		lp := Layout(hostileUnruled(20_000/cols*10, cols), 1)
		for _, b := range lp.Blocks {
			if tb, ok := b.(*block.Table); ok {
				for _, r := range tb.Rows {
					if len(r.Cells) > maxTableCols {
						t.Fatalf("a table of %d columns", len(r.Cells))
					}
				}
			}
		}
	}
}

func BenchmarkHostileUnruled(b *testing.B) {
	p := hostileUnruled(3000, maxTableCols)
	b.ReportAllocs()
	for b.Loop() {
		Layout(p, 1)
	}
}
