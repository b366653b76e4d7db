package layout

import (
	"testing"
	"time"

	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
)

// TestHostilePage lays out a page at the size the interpreter's budget
// allows, drawn to make the layout's work grow: a dense lattice of rules
// and many glyphs, and a long column of one-chunk lines under a table.
func TestHostilePage(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	p := &geom.Page{Width: 1000, Height: 1000}
	for i := range 2000 {
		y := float64(i) / 2
		p.Segments = append(p.Segments, geom.Segment{X0: 0, Y0: y, X1: 1000, Y1: y}, geom.Segment{X0: y, Y0: 0, X1: y, Y1: 1000})
	}
	for i := range 200_000 {
		p.Glyphs = append(p.Glyphs, geom.Glyph{Text: "x", X: float64(i%1000) + 0.1, Y: float64(i/1000) * 5, W: 1, Size: 1})
	}
	start := time.Now()
	Layout(p, 1)
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("lattice page took %v", d)
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
	start = time.Now()
	Layout(p, 1)
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("long table took %v", d)
	}
}
