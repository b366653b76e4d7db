package layout

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
	"github.com/hotline12345/bulletin/model"
)

// Page is one laid-out page.
type Page struct {
	// Num is the page number.
	Num int
	// Blocks are the page's paragraphs and tables in reading order.
	Blocks []block.Block
	// Notes are problems met while laying out the page.
	Notes []string
	// candidates are lines isolated at the top or bottom of the page that
	// may be running headers or footers.
	candidates []candidate
}

type candidate struct {
	p      *block.Paragraph
	region block.Region // Header at the top, Footer at the bottom
}

// furnitureBand is the share of the page height at the top and at the
// bottom where running headers and footers are looked for; a line there
// must stand apart from the text below or above it, unless it is in the
// outer marginBand, where body text does not go.
const (
	furnitureBand = 0.12
	marginBand    = 0.04
	// pageNumberBand is the wider band a page number may sit in: a
	// landscape page's bottom margin is a larger share of its height.
	pageNumberBand = 0.2
)

// Bounds on the work of finding ruled tables on one page.
const (
	maxRulePairs = 4_000_000 // horizontal × vertical rules compared
	maxGrids     = 200       // grids taken as tables
)

// Layout lays out one page (num is its number, for positions).
func Layout(gp *geom.Page, num int) *Page {
	out := &Page{Num: num}
	d := dominant(gp.Glyphs)
	to, fw, fh := frame(d, gp.Width, gp.Height)
	frameBuf, giveFrame := borrowGlyphs()
	glyphs := frameGlyphs(*frameBuf, gp.Glyphs, d, to, fw, fh)
	defer func() { giveFrame(glyphs) }()
	hs, vs := frameRules(gp.Segments, to)
	var grids []*grid
	found := findGrids(hs, vs)
	if len(hs)*len(vs) > maxRulePairs {
		found = nil
		out.Notes = append(out.Notes, "too many ruling lines to look for tables; the page is read as text")
	}
	if len(found) > maxGrids {
		found = found[:maxGrids]
		out.Notes = append(out.Notes, "too many ruled grids; the lowest on the page are read as text")
	}
	for _, g := range found {
		if (len(g.ys)-1)*(len(g.xs)-1) > maxGridCells {
			out.Notes = append(out.Notes, "a ruled grid too large for a table was ignored")
			continue
		}
		grids = append(grids, g)
	}
	partBuf, givePart := borrowGlyphs()
	inGrid, free, parts := partition(*partBuf, glyphs, grids)
	defer givePart(parts)
	lines := buildLines(free)
	// Lines a tagged PDF marks as pagination artifacts are headers and
	// footers whatever their place.
	var tagged []*block.Paragraph
	k := 0
	for _, l := range lines {
		if paginationOnly(l) {
			p := singleParagraph(l, num)
			p.Region = block.Footer
			if l.y > fh/2 {
				p.Region = block.Header
			}
			tagged = append(tagged, p)
			continue
		}
		lines[k] = l
		k++
	}
	lines = lines[:k]
	top, bottom := furniture(lines, grids, fh)

	// Items in reading order: tables and runs of body lines.
	type item struct {
		y     float64
		table *block.Table
		lines []*line
	}
	var items []item
	for i, gr := range grids {
		items = append(items, item{y: gr.top(), table: gr.table(inGrid[i], num)})
	}
	body := lines[len(top) : len(lines)-len(bottom)]
	zones := findZones(body, freeRules(hs, grids), func(hi, lo float64) bool {
		for _, g := range grids {
			if g.top() > lo && g.bottom() < hi {
				return true
			}
		}
		return false
	})
	var run []*line
	flush := func() {
		if len(run) > 0 {
			items = append(items, item{y: run[0].y + run[0].size, lines: run})
			run = nil
		}
	}
	z := 0
	for i := 0; i < len(body); i++ {
		if z < len(zones) && zones[z].from == i {
			flush()
			zl := body[zones[z].from:zones[z].to]
			items = append(items, item{y: zl[0].y + zl[0].size, table: zoneTable(zones[z], body, num)})
			i = zones[z].to - 1
			z++
			continue
		}
		// A grid between two lines ends the run.
		if len(run) > 0 {
			for _, gr := range grids {
				if gr.top() < run[len(run)-1].y && gr.top() > body[i].y {
					flush()
					break
				}
			}
		}
		run = append(run, body[i])
	}
	flush()
	slices.SortStableFunc(items, func(a, b item) int { return cmp.Compare(b.y, a.y) })

	// The text's right edge and line pitch, from the lines outside tables.
	var text []*line
	for _, it := range items {
		text = append(text, it.lines...)
	}
	tf := measureText(text)
	for _, p := range tagged {
		if p.Region == block.Header {
			out.Blocks = append(out.Blocks, p)
		}
	}
	for _, l := range top {
		p := singleParagraph(l, num)
		out.Blocks = append(out.Blocks, p)
		out.candidates = append(out.candidates, candidate{p, block.Header})
	}
	for _, it := range items {
		if it.table != nil {
			out.Blocks = append(out.Blocks, it.table)
			continue
		}
		for _, p := range paragraphs(it.lines, num, tf) {
			out.Blocks = append(out.Blocks, p)
		}
	}
	for _, l := range bottom {
		p := singleParagraph(l, num)
		out.Blocks = append(out.Blocks, p)
		out.candidates = append(out.candidates, candidate{p, block.Footer})
	}
	for _, p := range tagged {
		if p.Region == block.Footer {
			out.Blocks = append(out.Blocks, p)
		}
	}
	// Text in other directions (a sideways note, a stamp) follows as
	// paragraphs.
	for od := geom.Right; od <= geom.Down; od++ {
		if od == d {
			continue
		}
		to, fw, fh := frame(od, gp.Width, gp.Height)
		other := frameGlyphs(nil, gp.Glyphs, od, to, fw, fh)
		if len(other) == 0 {
			continue
		}
		ol := buildLines(other)
		for _, p := range paragraphs(ol, num, measureText(ol)) {
			out.Blocks = append(out.Blocks, p)
		}
	}
	return out
}

// partition splits the glyphs, keeping their order, into those inside
// each grid (which belong to its table) and the free rest, in one
// allocation.
// dst is the buffer to group them in; parts is it as used.
func partition(dst []glyph, glyphs []glyph, grids []*grid) (inGrid [][]glyph, free, parts []glyph) {
	group := make([]int32, len(glyphs))
	counts := make([]int, len(grids)+1)
	for i := range glyphs {
		g := &glyphs[i]
		group[i] = int32(len(grids))
		for k, gr := range grids {
			if gr.contains((g.x0+g.x1)/2, g.cy()) {
				group[i] = int32(k)
				break
			}
		}
		counts[group[i]]++
	}
	parts = slices.Grow(dst[:0], len(glyphs))[:len(glyphs)]
	starts := make([]int, len(counts)+1)
	for k, c := range counts {
		starts[k+1] = starts[k] + c
	}
	fill := append([]int(nil), starts[:len(counts)]...)
	for i := range glyphs {
		k := group[i]
		parts[fill[k]] = glyphs[i]
		fill[k]++
	}
	inGrid = make([][]glyph, len(grids))
	for k := range grids {
		inGrid[k] = parts[starts[k]:starts[k+1]:starts[k+1]]
	}
	return inGrid, parts[starts[len(grids)]:starts[len(grids)+1]], parts
}

// paginationOnly reports whether all of a line's glyphs are pagination
// artifacts (or spaces), and there is at least one that is not a space.
func paginationOnly(l *line) bool {
	seen := false
	for _, g := range l.glyphs {
		if g.space {
			continue
		}
		if !g.pagination {
			return false
		}
		seen = true
	}
	return seen
}

func singleParagraph(l *line, page int) *block.Paragraph {
	ps := paragraphs([]*line{l}, page, nil)
	if len(ps) == 0 {
		return &block.Paragraph{Text: strings.TrimSpace(l.text()), Pos: model.Pos{Page: page}}
	}
	return ps[0]
}

// furniture returns the lines at the top and at the bottom of the page
// that stand apart from the rest: in the outer band of the page, and
// separated from the next text or table by more than two line heights or
// in the page's outer margin. A page number needs no such distance: a
// table that runs on to the next page may fill the page down to it.
// At most two lines are taken at each end.
func furniture(lines []*line, grids []*grid, h float64) (top, bottom []*line) {
	topmost := func(below float64) float64 { // highest content under y
		y := -1e9
		for _, l := range lines {
			if l.y < below && l.y+l.size > y {
				y = l.y + l.size
			}
		}
		for _, g := range grids {
			if g.top() < below && g.top() > y {
				y = g.top()
			}
		}
		return y
	}
	lowest := func(above float64) float64 { // lowest content over y
		y := 1e9
		for _, l := range lines {
			if l.y > above && l.y < y {
				y = l.y
			}
		}
		for _, g := range grids {
			if g.bottom() > above && g.bottom() < y {
				y = g.bottom()
			}
		}
		return y
	}
	for i := 0; i < len(lines) && i < 2; i++ {
		l := lines[i]
		for _, g := range grids {
			if g.top() > l.y {
				return top, furnitureBottom(lines[len(top):], grids, h, lowest)
			}
		}
		gap := l.y - topmost(l.y-0.1)
		number := edgePageNumber(l, gap)
		if l.y < h*(1-furnitureBand) && !(number && l.y >= h*(1-pageNumberBand)) {
			break
		}
		apart := gap > 2*l.size || l.y >= h*(1-marginBand)
		if !apart && !number {
			break
		}
		top = append(top, l)
	}
	return top, furnitureBottom(lines[len(top):], grids, h, lowest)
}

func furnitureBottom(lines []*line, grids []*grid, h float64, lowest func(float64) float64) []*line {
	var bottom []*line
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-2; i-- {
		l := lines[i]
		for _, g := range grids {
			if g.bottom() < l.y {
				return bottom
			}
		}
		gap := lowest(l.y+0.1) - (l.y + l.size)
		number := edgePageNumber(l, gap)
		if l.y+l.size > h*furnitureBand && !(number && l.y+l.size <= h*pageNumberBand) {
			break
		}
		apart := gap > 2*l.size || l.y+l.size <= h*marginBand
		if !apart && !number {
			break
		}
		bottom = append([]*line{l}, bottom...)
	}
	return bottom
}

// edgePageNumber reports whether l, the outermost text at one end of the
// page and gap points away from the content next to it, is a page number:
// one phrase that reads as one, not touching the content.
func edgePageNumber(l *line, gap float64) bool {
	return gap > 0 && len(l.chunks) == 1 && pageNumber(strings.TrimSpace(l.text()))
}

// freeRules returns the horizontal rules that are not part of a grid: the
// rules of three-line tables.
func freeRules(hs []rule, grids []*grid) []rule {
	var out []rule
	for _, h := range hs {
		mid := (h.lo + h.hi) / 2
		in := false
		for _, g := range grids {
			if h.pos <= g.top()+touch && h.pos >= g.bottom()-touch && mid >= g.xs[0]-touch && mid <= g.xs[len(g.xs)-1]+touch {
				in = true
				break
			}
		}
		if !in {
			out = append(out, h)
		}
	}
	return out
}
