// Package layout turns what a page draws (glyphs and ruling segments, see
// [geom.Page]) into blocks: paragraphs in reading order and tables with
// row and column spans. It uses geometry only: baselines, gaps, alignment
// and ruling lines; it knows nothing about bulletins.
//
// The page is first turned so that its dominant text direction reads left
// to right (a page rotated by /Rotate, or drawn sideways, reads like an
// upright one). Ruled tables are built from the grid of ruling lines. The
// remaining text is split into lines; lines at either end of the page that
// read as a page number, or stand apart from the text, are page furniture
// (page numbers at once, other lines when [Furniture] finds them on other
// pages too). Unruled tables (borderless, or three-line tables with only
// horizontal rules) are found from their data lines, three or more
// phrases most of them numbers: the columns are the x ranges those lines
// share, the header the lines above them up to the top rule or as far as
// lines follow like a header, with group headers spanning the columns
// they are centred on. Everything else forms paragraphs, rebuilt from the
// geometry of their lines: a line continues the paragraph when the line
// before ran to the text's right edge and it is not indented.
package layout

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
)

// glyph is a glyph in the reading frame: the page turned so that the
// glyph's baseline runs left to right.
type glyph struct {
	text   string
	x0, x1 float64 // extent along the baseline
	y      float64 // baseline
	size   float64
	px, py float64 // origin in display coordinates, for positions
	space  bool    // white space only
	// pagination marks a glyph tagged as a pagination artifact.
	pagination bool
}

// cy is the glyph's vertical centre, used to place it in a table cell.
func (g *glyph) cy() float64 { return g.y + 0.3*g.size }

// glyphBuffers hold the glyph slices a page is laid out in, for the next
// page: a page's glyphs are copied into its reading frame, then grouped
// by the tables they fall in, then by cell. Nothing Layout returns refers
// to them.
var glyphBuffers = sync.Pool{New: func() any { return new([]glyph) }}

// borrowGlyphs returns an empty glyph slice to lay a page out in, and the
// function that gives it back, grown as it was used.
func borrowGlyphs() (*[]glyph, func(used []glyph)) {
	buf := glyphBuffers.Get().(*[]glyph)
	return buf, func(used []glyph) {
		if cap(used) <= maxPooledGlyphs {
			clear(used[:cap(used)]) // drop the texts they point to
			*buf = used[:0]
			glyphBuffers.Put(buf)
		}
	}
}

// maxPooledGlyphs is the largest buffer kept for reuse; a page drawing
// more glyphs gets a buffer of its own.
const maxPooledGlyphs = 1 << 16

// frame maps display coordinates into the reading frame of direction d on
// a page of the given display size, and returns the frame's size.
func frame(d geom.Dir, w, h float64) (func(x, y float64) (float64, float64), float64, float64) {
	switch d {
	case geom.Up:
		return func(x, y float64) (float64, float64) { return y, w - x }, h, w
	case geom.Left:
		return func(x, y float64) (float64, float64) { return w - x, h - y }, w, h
	case geom.Down:
		return func(x, y float64) (float64, float64) { return h - y, x }, h, w
	}
	return func(x, y float64) (float64, float64) { return x, y }, w, h
}

// dominant returns the direction most glyphs are drawn in.
func dominant(gs []geom.Glyph) geom.Dir {
	var n [4]int
	for _, g := range gs {
		n[g.Dir&3]++
	}
	best := geom.Right
	for d := geom.Up; d <= geom.Down; d++ {
		if n[d] > n[best] {
			best = d
		}
	}
	return best
}

// frameGlyphs returns the glyphs of direction d in its frame, without the
// ones outside the page (clipped away) and without exact duplicates (text
// drawn twice for a bold effect), sorted by baseline from the top and then
// from the left.
func frameGlyphs(dst []glyph, gs []geom.Glyph, d geom.Dir, to func(x, y float64) (float64, float64), fw, fh float64) []glyph {
	n := 0
	for i := range gs {
		if gs[i].Dir == d {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := slices.Grow(dst[:0], n)
	for _, g := range gs {
		if g.Dir != d || g.Text == "" || g.Size < 0.5 {
			continue
		}
		x, y := to(g.X, g.Y)
		if x < -1 || x > fw+1 || y < -1 || y > fh+1 {
			continue
		}
		out = append(out, glyph{
			text: g.Text, x0: x, x1: x + g.W, y: y, size: g.Size, px: g.X, py: g.Y,
			space: strings.TrimSpace(g.Text) == "", pagination: g.Pagination,
		})
	}
	slices.SortStableFunc(out, func(a, b glyph) int {
		if a.y != b.y {
			return cmp.Compare(b.y, a.y)
		}
		return cmp.Compare(a.x0, b.x0)
	})
	// Drop duplicates: same text at (almost) the same place.
	k := 0
	for i := range out {
		dup := false
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			p := &out[j]
			if p.text == out[i].text && abs(p.x0-out[i].x0) < 0.5 && abs(p.y-out[i].y) < 0.5 {
				dup = true
				break
			}
		}
		if !dup {
			out[k] = out[i]
			k++
		}
	}
	return out[:k]
}

// joinGlyphs returns the text of glyphs on one baseline, sorted by x: a
// space where the font drew one or where the gap between two glyphs is
// wide enough to be a word space, no space between characters set tight.
func joinGlyphs(gs []glyph) string {
	var b strings.Builder
	pendingSpace := false
	var prev *glyph
	for i := range gs {
		g := &gs[i]
		if g.space {
			pendingSpace = prev != nil
			continue
		}
		if prev != nil {
			gap := g.x0 - prev.x1
			size := max(g.size, prev.size)
			limit := 0.3 * size
			if latin(prev.text) && latin(g.text) {
				limit = 0.15 * size
			}
			if pendingSpace || gap > limit {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.text)
		prev = g
		pendingSpace = false
	}
	return b.String()
}

// latin reports whether s ends or starts with a letter or digit of a
// script that separates words with spaces.
func latin(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// wrapSpace reports whether two lines of one paragraph, a then b, join
// with a space: between words of scripts that separate words with
// spaces, but not between Chinese characters, nor between digits (a
// number broken at the line end).
func wrapSpace(a, b string) bool {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	return latin(string(last)) && latin(string(first)) && !(unicode.IsDigit(last) && unicode.IsDigit(first))
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
