package layout

import (
	"sort"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Unruled tables (borderless ones, and three-line tables whose only rules
// are horizontal: above the header, under it and under the table) are
// found from the body: a run of data lines, lines of at least minTableCols
// phrases most of which are numbers. The columns are the x-extents those
// phrases share across the data lines; the header is the lines above the
// first data line, up to the table's top rule or, without rules, as far
// as lines of the table's size follow at most headerGap apart; lines
// between and after the data lines that fit the columns are cells wrapped
// onto more lines.
const (
	minTableCols   = 3
	maxRowGap      = 3.0 // in font sizes: a larger gap between lines ends a table
	headerGap      = 2.2 // in font sizes: the widest gap between header lines without rules
	maxHeaderLines = 6
	maxWrapLines   = 4 // lines of wrapped cells between two data lines
	// maxTableCols bounds the columns of an unruled table: more phrases
	// side by side are not a table (and would make the header's layout
	// costly).
	maxTableCols = 64
	// A gutter is where at most one in gutterNoise data lines has text:
	// a line whose two cells were set too close to be split into phrases
	// does not join two columns.
	gutterNoise = 10
)

// zone is an unruled table: lines[from:to], the first head of them its
// header, with its columns.
type zone struct {
	from, to, head int
	cols           columns
}

// columns are a table's column extents from the left, and the slot
// boundaries between them (the middles of the gutters).
type columns struct {
	ext    [][2]float64
	bounds []float64 // len(ext)-1 inner boundaries
	left   float64   // outer edges for centring: the extents widened by half a gutter
	right  float64
}

// slot returns the column whose slot holds x.
func (c *columns) slot(x float64) int {
	return sort.SearchFloat64s(c.bounds, x)
}

// slotEdges returns the left and right edges of the slots a..b.
func (c *columns) slotEdges(a, b int) (float64, float64) {
	l, r := c.left, c.right
	if a > 0 {
		l = c.bounds[a-1]
	}
	if b < len(c.bounds) {
		r = c.bounds[b]
	}
	return l, r
}

// numeric reports whether a phrase is a number or a mark standing for
// one: digits with signs, separators and percent signs, or a dash or
// slash alone.
func numeric(c *chunk) bool {
	seen := false
	for _, g := range c.glyphs {
		for _, r := range g.text {
			if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune(".,%％‰+-−—–/．", r) || r == ' ') {
				return false
			}
			seen = seen || r != ' '
		}
	}
	return seen
}

// numericChunks counts the line's phrases that are numbers.
func numericChunks(l *line) int {
	n := 0
	for i := range l.chunks {
		if numeric(&l.chunks[i]) {
			n++
		}
	}
	return n
}

// dataLine reports whether a line is a row of values: at least
// minTableCols phrases, most of them numbers.
func dataLine(l *line) bool {
	return len(l.chunks) >= minTableCols && 2*numericChunks(l) >= len(l.chunks)
}

// barrier reports whether something the table cannot cross (a ruled
// grid) lies between the baselines hi > lo.
type barrier func(hi, lo float64) bool

// findZones returns the unruled tables among lines (top to bottom, the
// page's body outside ruled grids), given the horizontal rules outside
// grids.
func findZones(lines []*line, rules []rule, blocked barrier) []zone {
	var out []zone
	from := 0
	for i := 0; i < len(lines); i++ {
		if !dataLine(lines[i]) {
			continue
		}
		// The run of data lines and the wrapped lines between them.
		first, last := i, i
		data := []*line{lines[i]}
		for k := i + 1; k < len(lines) && k-last <= maxWrapLines; k++ {
			if !near(lines[k-1], lines[k], maxRowGap) || blocked(lines[k-1].y, lines[k].y) {
				break
			}
			if dataLine(lines[k]) {
				last = k
				data = append(data, lines[k])
			}
		}
		if len(data) < 2 && numericChunks(lines[i]) < minTableCols {
			continue
		}
		cols := findColumns(data)
		if len(cols.ext) < 2 || len(cols.ext) > maxTableCols {
			i = last // the run is not a table; its lines are text
			continue
		}
		// Lines between the data lines must fit the columns; a line that
		// does not (a paragraph between two tables) ends the table. A
		// section heading between rows may cross the columns.
		for k := first + 1; k < last; k++ {
			if !dataLine(lines[k]) && !fits(lines[k], &cols, lines[first].size) && !sectionHeading(lines[k]) {
				last = k - 1
				for !dataLine(lines[last]) {
					last--
				}
				data = data[:0]
				for _, l := range lines[first : last+1] {
					if dataLine(l) {
						data = append(data, l)
					}
				}
				cols = findColumns(data)
				break
			}
		}
		if len(cols.ext) < 2 || len(cols.ext) > maxTableCols {
			i = last
			continue
		}
		top, body := headerStart(lines, from, first, last, &cols, rules, blocked)
		end := last + 1
		for end < len(lines) && end-last <= maxWrapLines && near(lines[end-1], lines[end], maxRowGap) &&
			!blocked(lines[end-1].y, lines[end].y) && !ruled(rules, lines[end-1].y, lines[end].y, &cols) &&
			len(lines[end].chunks) < minTableCols && fits(lines[end], &cols, lines[last].size) {
			end++
		}
		out = append(out, zone{from: top, to: end, head: body - top, cols: cols})
		from = end
		i = end - 1
	}
	return out
}

// near reports whether line b follows line a within gap font sizes, at a
// similar size.
func near(a, b *line, gap float64) bool {
	s := max(a.size, b.size)
	return a.y-b.y <= gap*s && abs(a.size-b.size) <= 0.2*s
}

// ruled reports whether a rule across the table lies between the
// baselines hi > lo.
func ruled(rules []rule, hi, lo float64, cols *columns) bool {
	w := cols.right - cols.left
	for _, r := range rules {
		if r.pos < hi && r.pos > lo && min(r.hi, cols.right)-max(r.lo, cols.left) >= 0.6*w {
			return true
		}
	}
	return false
}

// headerStart returns the header of the table whose first data line is
// lines[first], lines[top:body], where lines[body:first] are wrapped
// cells of the first row (no line before from is taken). The header is
// the lines above the rule under it, up to the table's top rule; without
// rules, the lines above the first data line while they are of the
// table's size, follow at most headerGap apart, and read like a header:
// each phrase in one column or centred over several as a group header
// (not over the first column, which holds the row labels' header), none
// ending a sentence, each at most a line pitch of the body's wrapped cells
// from the next (farther, the lines under the gap are the rest of a row
// split by the page break). A header has a line with two phrases or more;
// without one, the lines are the first row's wrapped cells.
func headerStart(lines []*line, from, first, last int, cols *columns, rules []rule, blocked barrier) (top, body int) {
	top, body = first, first
	size := lines[first].size
	crossed, split := false, false
	cellPitch := linePitch(lines[first:last+1], size)
	if first-1 >= from && first+1 < len(lines) && centredLabel(lines[first-1], lines[first], lines[first+1], cols) {
		// The first row's label wrapped around its data line: its top
		// line is the row's, not the header's.
		top, body = first-1, first-1
	}
	for body-1 >= from && sectionHeading(lines[body-1]) && near(lines[body-1], lines[body], maxRowGap) &&
		!blocked(lines[body-1].y, lines[body].y) {
		// A section heading over the first rows is a row of the body.
		top, body = body-1, body-1
	}
walk:
	for k := body - 1; k >= from && body-k <= maxHeaderLines; k-- {
		l, below := lines[k], lines[k+1]
		if blocked(l.y, below.y) || abs(l.size-size) > 0.2*size {
			break
		}
		gap := l.y - below.y
		switch {
		case ruled(rules, l.y, below.y+below.size, cols):
			if crossed {
				break walk // the top rule, with the header under it
			}
			// The rule under the header: what lies between it and the
			// data is the first row's.
			crossed = true
			body, top = k+1, k+1
		case top == body:
			// The header's last line may be as far from the first row as
			// rows are from each other.
			if !near(l, below, maxRowGap) {
				break walk
			}
		case gap > 1.2*cellPitch || !near(l, below, headerGap):
			// Lines of one header are closer than lines of two rows: what
			// was taken is the rest of a row split by the page break, and
			// the header may lie above it.
			if crossed || split || !near(l, below, maxRowGap) {
				break walk
			}
			split = true
			body, top = k+1, k+1
		}
		if !headerLike(l, cols) || !stacked(lines[k:body], cols) {
			break
		}
		top = k
	}
	for k := top; k < body; k++ {
		if len(pieces(lines[k], cols)) >= 2 {
			return top, body
		}
	}
	return body, body
}

// centredLabel reports whether above, a line of one phrase right over the
// data line, is the top of a cell wrapped onto two lines and centred on
// the row, as a borderless table sets a long unit name: below, the line
// under the data line, has text in the same column, and the two lie as
// far from the data line, closer together than the lines of a header.
func centredLabel(above, data, below *line, cols *columns) bool {
	ps := pieces(above, cols)
	if len(ps) != 1 || dataLine(below) {
		return false
	}
	a, b := overlapCols(cols, &ps[0], above.size)
	if a != b {
		return false
	}
	up, down := above.y-data.y, data.y-below.y
	if up <= 0 || down <= 0 || abs(up-down) > 0.2*data.size || up+down > maxStackGap*data.size {
		return false
	}
	for _, q := range pieces(below, cols) {
		if c, d := overlapCols(cols, &q, below.size); c <= a && d >= a {
			return true
		}
	}
	return false
}

// linePitch returns the smallest distance between consecutive lines of
// the body at least 0.8 font sizes apart: the pitch of lines wrapped in
// one cell, or the row pitch where no cell wraps.
func linePitch(lines []*line, size float64) float64 {
	p := maxRowGap * size
	for i := 1; i < len(lines); i++ {
		if g := lines[i-1].y - lines[i].y; g >= 0.8*size && g < p {
			p = g
		}
	}
	return p
}

// maxStackGap is the widest gap, in font sizes, between a header line of
// one phrase over the first column and the next line under it in that
// column: the lines of one wrapped header cell. A caption line at the
// table's left edge is farther away.
const maxStackGap = 1.9

// stacked reports whether lines[0], if it holds one phrase over the first
// column, is followed closely enough by the next of the other lines that
// has text in that column, if any.
func stacked(lines []*line, cols *columns) bool {
	ps := pieces(lines[0], cols)
	if len(ps) != 1 {
		return true
	}
	a, b := overlapCols(cols, &ps[0], lines[0].size)
	if a > 0 {
		return true // over other columns it may be a group header
	}
	for _, l := range lines[1:] {
		for _, q := range pieces(l, cols) {
			c, d := overlapCols(cols, &q, l.size)
			if c <= b && d >= a {
				return lines[0].y-l.y <= maxStackGap*lines[0].size
			}
		}
	}
	return true
}

// headerLike reports whether a line reads like a header line of the
// columns: within the table's width, no phrase ending a sentence, each
// piece in one column or centred over several (a group header) away
// from the first column and narrower than half the table.
func headerLike(l *line, cols *columns) bool {
	if l.x0 < cols.left-2*l.size || l.x1 > cols.right+2*l.size || endsSentence(l) {
		return false
	}
	for _, p := range pieces(l, cols) {
		a, b := overlapCols(cols, &p, l.size)
		if a < b && (a == 0 || p.x1-p.x0 > (cols.right-cols.left)/2) {
			return false
		}
	}
	return true
}

// fits reports whether each phrase of a line, once split where it crosses
// a slot boundary at a gap, reaches into the text of one column at most:
// a wrapped cell may be wider than the column's values, but not reach
// those of the next.
func fits(l *line, cols *columns, size float64) bool {
	if abs(l.size-size) > 0.2*size {
		return false
	}
	for _, p := range pieces(l, cols) {
		n := 0
		for _, e := range cols.ext {
			if min(p.x1, e[1])-max(p.x0, e[0]) > 0.1*l.size {
				n++
			}
		}
		if n > 1 {
			return false
		}
	}
	return true
}

// findColumns returns the columns of the data lines: the x ranges where
// at least one in gutterNoise of them has a phrase, split at the gutters
// between.
func findColumns(data []*line) columns {
	type event struct {
		x float64
		d int
	}
	var ev []event
	for _, l := range data {
		for i := range l.chunks {
			ev = append(ev, event{l.chunks[i].x0, 1}, event{l.chunks[i].x1, -1})
		}
	}
	sort.Slice(ev, func(i, j int) bool {
		if ev[i].x != ev[j].x {
			return ev[i].x < ev[j].x
		}
		return ev[i].d > ev[j].d
	})
	limit := len(data) / gutterNoise
	var c columns
	cover := 0
	start := 0.0
	for _, e := range ev {
		was := cover > limit
		cover += e.d
		now := cover > limit
		switch {
		case !was && now:
			start = e.x
		case was && !now:
			c.ext = append(c.ext, [2]float64{start, e.x})
		}
	}
	if len(c.ext) == 0 {
		return c
	}
	gutter := 0.0
	for k := 1; k < len(c.ext); k++ {
		c.bounds = append(c.bounds, (c.ext[k-1][1]+c.ext[k][0])/2)
		g := c.ext[k][0] - c.ext[k-1][1]
		if gutter == 0 || g < gutter {
			gutter = g
		}
	}
	c.left = c.ext[0][0] - gutter/2
	c.right = c.ext[len(c.ext)-1][1] + gutter/2
	return c
}

// piece is part of a phrase that lies in one column, or spans several
// without a gap (a group header).
type piece struct {
	glyphs []glyph
	x0, x1 float64
}

func (p *piece) text() string { return joinGlyphs(p.glyphs) }

// pieces splits the line's phrases at the word gaps (a space, or a gap
// of 0.3 font sizes) that hold a slot boundary: two cells set close
// together come apart, a header wider than its column does not.
func pieces(l *line, cols *columns) []piece {
	var out []piece
	for ci := range l.chunks {
		gs := l.chunks[ci].glyphs
		start, last := 0, -1 // last: the previous glyph that is not a space
		for k := range gs {
			if gs[k].space {
				continue
			}
			if last >= 0 {
				gapL, gapR := gs[last].x1, gs[k].x0
				spaced := last < k-1 || gapR-gapL >= 0.3*l.size
				if spaced && boundaryIn(cols, gapL, gapR) {
					out = appendPiece(out, gs[start:last+1])
					start = k
				}
			}
			last = k
		}
		out = appendPiece(out, gs[start:])
	}
	return out
}

// appendPiece appends the piece of glyphs gs, spaces at either end left
// out.
func appendPiece(out []piece, gs []glyph) []piece {
	for len(gs) > 0 && gs[0].space {
		gs = gs[1:]
	}
	for len(gs) > 0 && gs[len(gs)-1].space {
		gs = gs[:len(gs)-1]
	}
	if len(gs) == 0 {
		return out
	}
	p := piece{glyphs: gs, x0: gs[0].x0}
	for i := range gs {
		p.x1 = max(p.x1, gs[i].x1)
	}
	return append(out, p)
}

// boundaryIn reports whether a slot boundary lies between a and b.
func boundaryIn(cols *columns, a, b float64) bool {
	k := sort.SearchFloat64s(cols.bounds, a)
	return k < len(cols.bounds) && cols.bounds[k] <= b
}

// overlapCols returns the first and last columns whose slots a piece
// overlaps by more than a quarter of the font size.
func overlapCols(cols *columns, p *piece, size float64) (int, int) {
	return cols.slot(p.x0 + 0.25*size), cols.slot(p.x1 - 0.25*size)
}

// headerCell is the text a header puts over a run of columns.
type headerCell struct {
	from, to int // columns
	lines    []string
	y        float64 // baseline of its first line
	first    *glyph
}

// zoneTable lays out an unruled table.
func zoneTable(z zone, lines []*line, page int) *block.Table {
	zl := lines[z.from:z.to]
	cols := &z.cols
	t := &block.Table{Pos: model.Pos{Page: page, X: round(zl[0].glyphs[0].px), Y: round(zl[0].glyphs[0].py)}}
	if z.head > 0 {
		t.Rows = append(t.Rows, headerRows(zl[:z.head], cols, page)...)
	}
	for _, rl := range bodyRows(zl[z.head:], cols) {
		cells := make([][]string, len(cols.ext))
		first := make([]*glyph, len(cols.ext))
		for _, l := range rl {
			parts := make([][]string, len(cols.ext))
			for _, p := range pieces(l, cols) {
				k := column(cols, p.x0, p.x1)
				parts[k] = append(parts[k], p.text())
				if first[k] == nil {
					first[k] = &p.glyphs[0]
				}
			}
			for k, p := range parts {
				if len(p) > 0 {
					cells[k] = append(cells[k], strings.Join(p, " "))
				}
			}
		}
		r := len(t.Rows) + 1
		row := block.Row{Pos: model.Pos{Page: page, Row: r}}
		for k := range cols.ext {
			cell := block.Cell{Text: strings.Join(cells[k], "\n"), Pos: model.Pos{Page: page, Row: r, Col: k + 1}}
			if first[k] != nil {
				cell.Pos.X, cell.Pos.Y = round(first[k].px), round(first[k].py)
			}
			row.Cells = append(row.Cells, cell)
		}
		g := rl[0].glyphs[0]
		row.Pos.X, row.Pos.Y = round(g.px), round(g.py)
		t.Rows = append(t.Rows, row)
	}
	return t
}

// bodyRows groups the body lines into rows: a line with text in at least
// half the columns starts a row; a line with less is a cell's wrapped
// text and joins the nearer row, above or below, when it is within a
// line pitch of it (the pitch of lines wrapped in one cell); farther from
// both it is a row of its own (the rest of a row split by a page break).
func bodyRows(lines []*line, cols *columns) [][]*line {
	occupied := func(l *line) int {
		seen := map[int]bool{}
		for _, p := range pieces(l, cols) {
			seen[column(cols, p.x0, p.x1)] = true
		}
		return len(seen)
	}
	starter := func(l *line) bool { return occupied(l) >= max(2, (len(cols.ext)+1)/2) || sectionHeading(l) }
	step := 0.0
	for i := 1; i < len(lines); i++ {
		if g := lines[i-1].y - lines[i].y; g >= 0.5*lines[i].size && (step == 0 || g < step) {
			step = g
		}
	}
	near := func(d float64) bool { return d >= 0 && d <= 1.15*step }
	starts := make([]bool, len(lines))
	for i, l := range lines {
		starts[i] = starter(l)
	}
	// nextStart[i] is the first row start after line i, or -1.
	nextStart := make([]int, len(lines))
	next := -1
	for i := len(lines) - 1; i >= 0; i-- {
		nextStart[i] = next
		if starts[i] {
			next = i
		}
	}
	var rows [][]*line
	var pendingAbove []*line // continuation lines before the next row start
	for i, l := range lines {
		if starts[i] {
			rows = append(rows, append(pendingAbove, l))
			pendingAbove = nil
			continue
		}
		above := -1.0
		if len(rows) > 0 && len(pendingAbove) == 0 {
			prev := rows[len(rows)-1]
			above = prev[len(prev)-1].y - l.y
		} else if len(pendingAbove) > 0 {
			above = pendingAbove[len(pendingAbove)-1].y - l.y
		}
		below := -1.0
		if n := nextStart[i]; n >= 0 {
			below = l.y - lines[n].y
		}
		switch {
		case len(pendingAbove) > 0 && near(above):
			pendingAbove = append(pendingAbove, l)
		case near(below) && (!near(above) || below < above):
			pendingAbove = append(pendingAbove, l)
		case len(rows) > 0 && len(pendingAbove) == 0 && near(above):
			rows[len(rows)-1] = append(rows[len(rows)-1], l)
		default:
			if len(pendingAbove) > 0 {
				rows = append(rows, pendingAbove)
				pendingAbove = nil
			}
			rows = append(rows, []*line{l})
		}
	}
	if len(pendingAbove) > 0 {
		rows = append(rows, pendingAbove)
	}
	return rows
}

// sectionHeading reports whether a body line is a section heading between
// rows (一、县直部门, （二）乡镇): one phrase, a section heading by its shape.
// It is a row of its own, never the wrapped top of the next row's label.
func sectionHeading(l *line) bool {
	return len(l.chunks) == 1 && block.IsSectionHeading(strings.TrimSpace(l.text()))
}

// headerRows lays out the header lines over the columns. A piece that
// lies over two or more columns that have header text of their own below
// it is a group header: it spans the run of those columns it is centred
// on, and the header has two rows, the columns outside every group
// spanning both.
func headerRows(lines []*line, cols *columns, page int) []block.Row {
	n := len(cols.ext)
	type placed struct {
		p    piece
		line int
		a, b int // columns overlapped
	}
	var all []placed
	for li, l := range lines {
		for _, p := range pieces(l, cols) {
			a, b := overlapCols(cols, &p, l.size)
			if a > b {
				a, b = column(cols, p.x0, p.x1), column(cols, p.x0, p.x1)
			}
			all = append(all, placed{p, li, a, b})
		}
	}
	// The lowest line each column has text on, for telling groups.
	lowest := make([]int, n)
	for k := range lowest {
		lowest[k] = -1
	}
	for _, q := range all {
		if q.a == q.b {
			lowest[q.a] = max(lowest[q.a], q.line)
		}
	}
	// The middle of the baselines of a column's text from line from down
	// (0 without text).
	onLine := make([][]bool, n) // onLine[k][l]: column k has text of its own on line l
	for k := range onLine {
		onLine[k] = make([]bool, len(lines))
	}
	for _, q := range all {
		if q.a == q.b {
			onLine[q.a][q.line] = true
		}
	}
	middle := func(k, from int) float64 {
		hi, lo, any := 0.0, 0.0, false
		for l := from; l < len(lines); l++ {
			if onLine[k][l] {
				y := lines[l].y
				if !any {
					hi, lo, any = y, y, true
				}
				hi, lo = max(hi, y), min(lo, y)
			}
		}
		return (hi + lo) / 2
	}
	var groups []int // indexes into all
	for i, q := range all {
		if q.a == 0 && q.b == n-1 {
			continue
		}
		if q.b > q.a {
			under := 0
			for k := q.a; k <= q.b; k++ {
				if lowest[k] > q.line {
					under++
				}
			}
			if under >= 2 {
				groups = append(groups, i)
			}
			continue
		}
		// A piece over one column with more text under it is a group
		// header centred over an odd number of columns when the columns
		// beside it have their text level with the text under it, not
		// with the middle of the two (as cells beside a wrapped cell do).
		if lowest[q.a] <= q.line {
			continue
		}
		lower := middle(q.a, q.line+1)                        // of the text under the piece
		whole := (lines[q.line].y + lines[lowest[q.a]].y) / 2 // of the piece and that text
		level, beside := 0, 0
		for _, k := range []int{q.a - 1, q.a + 1} {
			if k < 0 || k >= n || lowest[k] <= q.line || middle(k, 0) != middle(k, q.line+1) {
				continue // no text under the piece's line, or text on or above it
			}
			beside++
			if m := middle(k, 0); abs(m-lower) < abs(m-whole) {
				level++
			}
		}
		if beside > 0 && level == beside {
			groups = append(groups, i)
		}
	}
	if len(groups) > n/2 {
		groups = nil // more group names than groups fit: not a two-level header
	}
	// Columns a group may span: those whose own text all lies under the
	// group lines and that are not centred on the whole header (a cell
	// spanning both rows).
	groupLine := -1
	for _, gi := range groups {
		groupLine = max(groupLine, all[gi].line)
	}
	own := make([][]placed, n)
	for i, q := range all {
		if !isGroup(groups, i) {
			k := q.a
			if q.b > q.a {
				k = column(cols, q.p.x0, q.p.x1)
			}
			own[k] = append(own[k], q)
		}
	}
	headTop, headBottom := lines[0].y+lines[0].size, lines[len(lines)-1].y
	subTop := headTop
	if groupLine >= 0 && groupLine+1 < len(lines) {
		subTop = lines[groupLine+1].y + lines[groupLine+1].size
	}
	candidate := make([]bool, n)
	for k := range n {
		if len(own[k]) == 0 || groupLine < 0 {
			continue
		}
		hi, lo := -1e9, 1e9
		above := false
		for _, q := range own[k] {
			l := lines[q.line]
			hi, lo = max(hi, l.y+l.size), min(lo, l.y)
			if q.line <= groupLine {
				above = true
			}
		}
		mid := (hi + lo) / 2
		if above || abs(mid-(headTop+headBottom)/2) < abs(mid-(subTop+headBottom)/2) {
			continue
		}
		candidate[k] = true
	}
	spans := groupSpans(cols, groups, func(i int) (piece, int, int) { q := all[i]; return q.p, q.a, q.b }, candidate, lines[0].size)

	cellText := func(qs []placed) (string, *glyph) {
		sort.SliceStable(qs, func(i, j int) bool { return qs[i].line < qs[j].line })
		var parts []string
		var first *glyph
		for i := 0; i < len(qs); {
			j := i
			var words []string
			for j < len(qs) && qs[j].line == qs[i].line {
				words = append(words, qs[j].p.text())
				j++
			}
			parts = append(parts, strings.Join(words, " "))
			if first == nil {
				first = &qs[i].p.glyphs[0]
			}
			i = j
		}
		return strings.Join(parts, "\n"), first
	}
	mk := func(r, c int, qs []placed) block.Cell {
		text, g := cellText(qs)
		cell := block.Cell{Text: text, Pos: model.Pos{Page: page, Row: r, Col: c + 1}}
		if g != nil {
			cell.Pos.X, cell.Pos.Y = round(g.px), round(g.py)
		}
		return cell
	}
	spanOf := make([]int, n) // index into spans + 1, or 0
	for si, s := range spans {
		for k := s.from; k <= s.to; k++ {
			spanOf[k] = si + 1
		}
	}
	if len(spans) == 0 {
		row := block.Row{Pos: model.Pos{Page: page, Row: 1}}
		for k := range n {
			row.Cells = append(row.Cells, mk(1, k, own[k]))
		}
		// Group pieces that spanned columns without being groups were
		// given to the column they overlap most.
		for _, gi := range groups {
			q := all[gi]
			k := column(cols, q.p.x0, q.p.x1)
			row.Cells[k] = mk(1, k, append(own[k], q))
		}
		setRowPos(&row)
		return []block.Row{row}
	}
	top := block.Row{Pos: model.Pos{Page: page, Row: 1}}
	sub := block.Row{Pos: model.Pos{Page: page, Row: 2}}
	for k := 0; k < n; k++ {
		if s := spanOf[k]; s > 0 {
			sp := spans[s-1]
			cell := mk(1, k, []placed{all[sp.group]})
			cell.ColSpan = sp.to - sp.from + 1
			top.Cells = append(top.Cells, cell)
			for c := sp.from; c <= sp.to; c++ {
				sub.Cells = append(sub.Cells, mk(2, c, own[c]))
			}
			k = sp.to
			continue
		}
		cell := mk(1, k, own[k])
		cell.RowSpan = 2
		top.Cells = append(top.Cells, cell)
	}
	// Groups left without a span keep their text with the column under
	// them.
	for _, gi := range groups {
		if spanned(spans, gi) {
			continue
		}
		q := all[gi]
		k := column(cols, q.p.x0, q.p.x1)
		for i := range top.Cells {
			if top.Cells[i].Pos.Col == k+1 {
				top.Cells[i].Text = strings.TrimSpace(q.p.text() + "\n" + top.Cells[i].Text)
			}
		}
	}
	setRowPos(&top)
	setRowPos(&sub)
	return []block.Row{top, sub}
}

func setRowPos(r *block.Row) {
	for _, c := range r.Cells {
		if c.Pos.X != 0 || c.Pos.Y != 0 {
			r.Pos.X, r.Pos.Y = c.Pos.X, c.Pos.Y
			return
		}
	}
}

func isGroup(groups []int, i int) bool {
	for _, g := range groups {
		if g == i {
			return true
		}
	}
	return false
}

// groupSpan is the run of columns from..to a group header spans.
type groupSpan struct {
	group    int
	from, to int
}

func spanned(spans []groupSpan, g int) bool {
	for _, s := range spans {
		if s.group == g {
			return true
		}
	}
	return false
}

// groupSpans chooses the columns each group header spans: runs of
// candidate columns, one per group from the left, each holding the
// columns its group overlaps, whose middle is nearest the group's middle
// (group headers are centred over their columns, within tol); of choices
// as good within half of tol, the one that leaves fewer candidate columns
// out.
func groupSpans(cols *columns, groups []int, at func(int) (piece, int, int), candidate []bool, tol float64) []groupSpan {
	if len(groups) == 0 {
		return nil
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, _, _ := at(groups[i])
		b, _, _ := at(groups[j])
		return a.x0 < b.x0
	})
	n := len(cols.ext)
	type choice struct {
		cost  float64
		cover int
		spans []groupSpan
	}
	// best[e] is the best choice for the groups so far with the last span
	// ending before column e.
	const inf = 1e18
	best := make([]choice, n+1)
	for e := range best {
		best[e] = choice{cost: 0}
	}
	for _, gi := range groups {
		p, a, b := at(gi)
		mid := (p.x0 + p.x1) / 2
		next := make([]choice, n+1)
		for e := range next {
			next[e] = choice{cost: inf}
		}
		for from := 0; from <= a; from++ {
			for to := b; to < n; to++ {
				ok := true
				for k := from; k <= to; k++ {
					if !candidate[k] {
						ok = false
						break
					}
				}
				if !ok {
					break
				}
				prev := best[from]
				if prev.cost >= inf {
					continue
				}
				l, r := cols.slotEdges(from, to)
				off := abs((l+r)/2 - mid)
				if off > tol {
					continue // not centred over these columns
				}
				if to == from {
					continue // a group spans two columns or more
				}
				c := choice{cost: prev.cost + float64(int(off/(tol/2))), cover: prev.cover + to - from + 1}
				if better(c.cost, c.cover, next[to+1].cost, next[to+1].cover) {
					c.spans = append(append([]groupSpan(nil), prev.spans...), groupSpan{gi, from, to})
					next[to+1] = c
				}
			}
		}
		// next[e] so far holds spans ending exactly at e-1; a later span
		// may start anywhere after.
		for e := 1; e <= n; e++ {
			if better(next[e-1].cost, next[e-1].cover, next[e].cost, next[e].cover) {
				next[e] = next[e-1]
			}
		}
		best = next
	}
	if best[n].cost >= inf {
		return nil
	}
	return best[n].spans
}

func better(cost float64, cover int, bestCost float64, bestCover int) bool {
	return cost < bestCost || cost == bestCost && cover > bestCover
}

// column returns the column a piece overlaps most, or the nearest one.
func column(cols *columns, x0, x1 float64) int {
	best, bestOverlap := -1, 0.0
	for k := range cols.ext {
		l, r := cols.slotEdges(k, k)
		if k == 0 {
			l = -1e9
		}
		if k == len(cols.ext)-1 {
			r = 1e9
		}
		if o := min(x1, r) - max(x0, l); o > bestOverlap {
			best, bestOverlap = k, o
		}
	}
	if best >= 0 {
		return best
	}
	return cols.slot((x0 + x1) / 2)
}
