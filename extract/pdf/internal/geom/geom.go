// Package geom holds what the content interpreter collects from a page and
// the layout consumes: glyphs and ruling segments in display coordinates.
//
// Display coordinates are points with the origin at the lower left of the
// page as a viewer shows it: the page's /Rotate is applied and the visible
// box (CropBox, else MediaBox) starts at (0, 0).
package geom

import "math"

// Matrix is a PDF transformation matrix [a b c d e f], mapping (x, y) to
// (a·x + c·y + e, b·x + d·y + f).
type Matrix [6]float64

// Identity is the identity matrix.
var Identity = Matrix{1, 0, 0, 1, 0, 0}

// Mul returns m × n: the transformation that applies m, then n.
func (m Matrix) Mul(n Matrix) Matrix {
	return Matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// Apply maps the point (x, y).
func (m Matrix) Apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// Finite reports whether every entry is a finite number.
func (m Matrix) Finite() bool {
	for _, v := range m {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// Dir is the direction a glyph's baseline runs on the displayed page,
// counter-clockwise from left-to-right.
type Dir uint8

// The four directions text is read in.
const (
	Right Dir = iota // upright text, left to right
	Up               // baseline running upwards (text turned 90° left)
	Left             // upside down
	Down             // baseline running downwards (text turned 90° right)
)

// Glyph is one shown character.
type Glyph struct {
	// Text is what the glyph stands for (one or more runes; a ligature
	// gives several).
	Text string
	// X, Y is the origin of the glyph on its baseline, in display
	// coordinates.
	X, Y float64
	// W is the advance along the baseline, Size the font size, both in
	// display points.
	W, Size float64
	// Dir is the baseline's direction.
	Dir Dir
	// Pagination is set for glyphs inside marked content tagged as a
	// pagination artifact (a running header, footer or page number in a
	// tagged PDF).
	Pagination bool
}

// Segment is a straight stroke or the edge of a thin filled rectangle: a
// candidate ruling line. It is horizontal or vertical in display
// coordinates (X0 <= X1, Y0 <= Y1; one of the extents is near zero).
type Segment struct {
	X0, Y0, X1, Y1 float64
}

// Page is what the interpreter collected from one page.
type Page struct {
	// Width and Height are the displayed page's size in points.
	Width, Height float64
	Glyphs        []Glyph
	Segments      []Segment
	// Images counts the images drawn (image XObjects and inline images),
	// so that a page scanned without a text layer can be told from a
	// blank one.
	Images int
}
