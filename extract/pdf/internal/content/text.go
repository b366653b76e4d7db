package content

import (
	"math"

	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
)

// textState holds the text matrix and the text line matrix of a text
// object.
type textState struct {
	tm, tlm geom.Matrix
}

// newLine starts a new line offset (tx, ty) from the start of the current
// one (Td, TD, T*).
func (t *textState) newLine(tx, ty float64) {
	t.tlm = geom.Matrix{1, 0, 0, 1, tx, ty}.Mul(t.tlm)
	t.tm = t.tlm
}

// advance moves the text position tx text-space units along the baseline.
func (t *textState) advance(tx float64) {
	t.tm[4] += tx * t.tm[0]
	t.tm[5] += tx * t.tm[1]
}

// show emits the glyphs of one shown string and advances the text matrix
// by their widths, as the PDF specification computes it:
// tx = (w0·Tfs + Tc + Tw) · Th, Tw only for the single-byte code 32.
func (in *interp) show(t *textState, gs *gstate, s []byte) error {
	f := gs.font
	if f == nil {
		in.note("text shown without a font; skipped")
		return nil
	}
	if f.CJK && in.cjkFont == "" {
		in.cjkFont = f.Name
		if in.cjkFont == "" {
			in.cjkFont = "(unnamed)"
		}
	}
	if err := in.count(len(s)); err != nil {
		return err
	}
	// The rendering matrix without the glyph offset: text space to display.
	m := t.tm.Mul(gs.ctm)
	// Font size and direction in display space.
	yx, yy := m[2]*gs.size, m[3]*gs.size
	size := math.Hypot(yx, yy) * f.SizeScale
	xx, xy := m[0], m[1]
	dir := direction(xx, xy)
	x := 0.0 // text-space offset along the baseline from t.tm
	for len(s) > 0 {
		code, n := f.Next(s)
		s = s[n:]
		w0 := f.Width(code)
		// A vertical font (a -V CMap) is laid out as if horizontal, so it
		// advances by its horizontal widths too.
		tx := w0 * gs.size
		adv := (tx + gs.charSpace) * gs.hscale
		if n == 1 && code == 32 {
			adv += gs.wordSpace * gs.hscale
		}
		ox, oy := m.Apply(x, gs.rise)
		w := math.Hypot(xx, xy) * tx * gs.hscale
		if !math.IsNaN(ox+oy+w+size) && !math.IsInf(ox+oy+w+size, 0) {
			in.out.Glyphs = append(in.out.Glyphs, geom.Glyph{
				Text: f.Text(code), X: ox, Y: oy, W: w, Size: size, Dir: dir, Pagination: in.pagination(),
			})
		}
		x += adv
	}
	t.advance(x)
	return nil
}

// direction quantises a baseline direction vector.
func direction(dx, dy float64) geom.Dir {
	if math.Abs(dx) >= math.Abs(dy) {
		if dx >= 0 {
			return geom.Right
		}
		return geom.Left
	}
	if dy > 0 {
		return geom.Up
	}
	return geom.Down
}
