package text

import (
	"regexp"
	"slices"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Space-aligned tables, as pdftotext -layout and pandoc's plain writer
// print them: each row a line, columns at common horizontal positions,
// header cells wrapped over several lines above the first row. pdftotext
// places characters by count (a Chinese character takes one position),
// pandoc by display width (it takes two); the reader measures both ways and
// keeps the one under which the rows line up.

// token is a run of non-space characters and its horizontal extent.
type token struct {
	text       string
	start, end int // [start, end) in the chosen measure
}

type measure int

const (
	byRunes measure = iota
	byWidth
)

// tokens splits a line into tokens measured by m.
func tokens(raw string, m measure) []token {
	var out []token
	pos := 0
	var cur []rune
	start := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, token{text: string(cur), start: start, end: pos})
			cur = cur[:0]
		}
	}
	for _, r := range strings.ReplaceAll(raw, "\f", "") {
		w := 1
		if m == byWidth {
			w = runeWidth(r)
		}
		if r == ' ' || r == '\t' || r == '\u3000' {
			flush()
		} else {
			if len(cur) == 0 {
				start = pos
			}
			cur = append(cur, r)
		}
		pos += w
	}
	flush()
	return out
}

// wideFields counts the fields of a line split at runs of two or more
// spaces.
func wideFields(fold string) int {
	n := 0
	for _, f := range wideGap.Split(strings.TrimSpace(strings.ReplaceAll(fold, "\f", "")), -1) {
		if f != "" {
			n++
		}
	}
	return n
}

var (
	wideGap    = regexp.MustCompile(`[ \t]{2,}`)
	pageNumber = regexp.MustCompile(`^[\s\-—–_·第页共/]*\d+[\s\-—–_·第页共/]*$`)
)

// isDataLine reports whether a line looks like a row of an aligned table:
// at least two fields apart by wide gaps, and numbers among its tokens.
func isDataLine(l line) bool {
	if l.kind() != kText || wideFields(l.fold) < 2 {
		return false
	}
	toks := tokens(l.fold, byRunes)
	nums := 0
	for _, t := range toks {
		if cellType(t.text) == ctNumber {
			nums++
		}
	}
	return nums >= 1 && nums*2 >= len(toks)-1
}

// maxHeaderLines bounds the lines of an aligned table's header.
const maxHeaderLines = 6

// tryAligned reads a space-aligned table whose header starts at the current
// line. The header must follow a blank line (or open the document, or be a
// rule), so that a title above it stays a paragraph.
func (s *scanner) tryAligned() bool {
	i := s.i
	first := s.lines[i]
	if k := first.kind(); k != kText && k != kRule {
		return false
	}
	if i > 0 && s.lines[i-1].kind() != kBlank && first.kind() != kRule {
		return false
	}
	// Header lines: contiguous, none a data row.
	j := i
	var header []line
	for j < len(s.lines) && len(header) < maxHeaderLines {
		l := s.lines[j]
		if k := l.kind(); (k != kText && k != kRule) || isDataLine(l) {
			break
		}
		header = append(header, l)
		j++
	}
	for blanks := 0; j < len(s.lines) && s.lines[j].kind() == kBlank && blanks < 2; blanks++ {
		j++
	}
	if len(header) == 0 || j >= len(s.lines) || !isDataLine(s.lines[j]) {
		return false
	}
	if len(header) > 0 && header[len(header)-1].kind() == kRule && !slices.ContainsFunc(header, func(l line) bool { return l.kind() == kText }) {
		return false
	}
	// Rows: data lines, with blank lines, page numbers and wrapped-cell
	// continuation lines among them. A continuation line directly below a
	// row belongs to it; one separated from the row above by a blank line
	// belongs to the row directly below it.
	var rows []alignedRow
	var before []line // continuation lines waiting for the next data line
	var skipped []line
	end := j
scan:
	for ; j < len(s.lines); j++ {
		l := s.lines[j]
		switch k := l.kind(); {
		case k == kBlank:
			if len(before) > 0 {
				break scan
			}
		case k == kDebris:
		case k == kRule:
			end = j + 1 // a closing rule ends the table
			break scan
		case isDataLine(l):
			rows = append(rows, alignedRow{line: l, above: before})
			before = nil
			end = j + 1
		case k == kText && pageNumber.MatchString(strings.TrimSpace(l.fold)):
			skipped = append(skipped, l)
		case k == kText && len(rows) > 0 && wrapsLabel(l, rows[len(rows)-1].line):
			if s.lines[j-1].kind() != kBlank && len(before) == 0 {
				last := &rows[len(rows)-1]
				last.below = append(last.below, l)
				end = j + 1
			} else {
				before = append(before, l)
			}
		default:
			break scan
		}
	}
	if len(rows) < 2 {
		return false
	}
	t := buildAligned(header, rows)
	if t == nil {
		return false
	}
	for _, l := range skipped {
		if l.num <= s.lines[end-1].num {
			s.out.Problem(model.Pos{Line: l.num}, "skipped a line inside a table: "+strings.TrimSpace(l.raw))
		}
	}
	s.addTable(t)
	s.i = end
	return true
}

// wrapsLabel reports whether l can be the continuation of a wrapped label
// cell of the table whose row is data: one short field that ends before the
// row's first number, so it crosses no number column.
func wrapsLabel(l, data line) bool {
	if runeLen(strings.TrimSpace(l.fold)) > maxWrapRunes || wideFields(l.fold) != 1 {
		return false
	}
	firstNumber := -1
	for _, t := range tokens(data.fold, byRunes) {
		if cellType(t.text) == ctNumber {
			firstNumber = t.start
			break
		}
	}
	toks := tokens(l.fold, byRunes)
	return firstNumber > 0 && len(toks) > 0 && toks[len(toks)-1].end+2 <= firstNumber &&
		!enumerator.MatchString(strings.TrimSpace(l.raw))
}

// alignedRow is a data line with the continuation lines of its wrapped
// cells.
type alignedRow struct {
	line         line
	above, below []line
}

// extent is a column's horizontal range.
type extent struct{ start, end int }

func (e extent) centre2() int { return e.start + e.end } // twice the centre

// buildAligned lays the lines out on columns.
//
// When a rule of dash groups sits in or under the header (pandoc's plain
// tables), the groups are the columns, measured by display width, and every
// token goes to the group it overlaps. Otherwise (pdftotext) positions are
// only roughly right: a Chinese character takes one position but prints two
// wide, so text after a long name is pushed right. What is reliable there is
// the order of a row's fields, split at runs of two or more spaces: a row
// (or header line) with the table's usual number of fields is read in
// order, and the other rows and header lines are placed on the columns by
// position, keeping their order. pdftotext lays out every page afresh, so positions are taken
// page by page (a form feed starts a page).
func buildAligned(header []line, rows []alignedRow) *block.Table {
	if groups := ruleGroups(header); len(groups) >= 2 {
		return placeAll(header, rows, groups)
	}
	width := modalFields(rows)
	if width < 2 {
		return nil
	}
	t := &block.Table{}
	for i, page := range splitPages(rows) {
		cols := columnCentres(page, width)
		if cols == nil {
			return nil
		}
		if i == 0 {
			for _, l := range header {
				if l.kind() == kRule {
					continue
				}
				if fields := wideTokens(l); len(fields) == width {
					t.Rows = append(t.Rows, inOrder(l, fields))
				} else if r, ok := placeFields(l, tokens(l.raw, byRunes), cols, false); ok {
					t.Rows = append(t.Rows, r)
				}
			}
		}
		for _, ar := range page {
			fields := wideTokens(ar.line)
			var r block.Row
			if len(fields) == width {
				r = inOrder(ar.line, fields)
			} else {
				r, _ = placeFields(ar.line, fields, cols, true)
			}
			for _, l := range ar.above {
				e, _ := placeFields(l, wideTokens(l), cols, false)
				addWrapped(&r, e, true)
			}
			for _, l := range ar.below {
				e, _ := placeFields(l, wideTokens(l), cols, false)
				addWrapped(&r, e, false)
			}
			t.Rows = append(t.Rows, r)
		}
	}
	t.Pos = t.Rows[0].Pos
	return t
}

// ruleGroups returns the dash groups of the last rule line among the
// header lines, as columns.
func ruleGroups(header []line) []extent {
	for i := len(header) - 1; i >= 0; i-- {
		if header[i].kind() != kRule {
			continue
		}
		var groups []extent
		for _, t := range tokens(header[i].fold, byWidth) {
			if strings.Trim(t.text, "-=") == "" {
				groups = append(groups, extent{t.start, t.end})
			}
		}
		return groups
	}
	return nil
}

// placeAll places every line's tokens on the rule's columns by overlap.
func placeAll(header []line, rows []alignedRow, cols []extent) *block.Table {
	t := &block.Table{}
	place := func(l line) (block.Row, bool) {
		toks := tokens(l.raw, byWidth)
		parts := make([][]string, len(cols))
		for _, tk := range toks {
			c := nearest(tk, cols)
			parts[c] = append(parts[c], tk.text)
		}
		return joinParts(l, parts), len(toks) > 0
	}
	for _, l := range header {
		if l.kind() != kRule {
			if r, ok := place(l); ok {
				t.Rows = append(t.Rows, r)
			}
		}
	}
	for _, ar := range rows {
		r, _ := place(ar.line)
		for _, l := range ar.above {
			e, _ := place(l)
			addWrapped(&r, e, true)
		}
		for _, l := range ar.below {
			e, _ := place(l)
			addWrapped(&r, e, false)
		}
		t.Rows = append(t.Rows, r)
	}
	t.Pos = t.Rows[0].Pos
	return t
}

// nearest returns the column a token overlaps most, or the closest one.
func nearest(t token, cols []extent) int {
	best, bestOverlap, bestDist := 0, 0, -1
	for i, c := range cols {
		overlap := min(t.end, c.end) - max(t.start, c.start)
		dist := abs(t.start + t.end - c.centre2())
		if overlap > bestOverlap || (bestOverlap <= 0 && overlap <= 0 && (bestDist < 0 || dist < bestDist)) {
			best, bestOverlap, bestDist = i, max(overlap, 0), dist
		}
	}
	return best
}

// wideTokens splits a line into fields at runs of two or more spaces,
// measured in characters.
func wideTokens(l line) []token {
	var out []token
	for _, t := range tokens(l.raw, byRunes) {
		if n := len(out); n > 0 && t.start-out[n-1].end < 2 {
			out[n-1].text += " " + t.text
			out[n-1].end = t.end
			continue
		}
		out = append(out, t)
	}
	return out
}

// modalFields is the most common number of fields among the data rows.
func modalFields(rows []alignedRow) int {
	count := map[int]int{}
	best := 0
	for _, r := range rows {
		n := len(wideTokens(r.line))
		count[n]++
		if count[n] > count[best] || (count[n] == count[best] && n > best) {
			best = n
		}
	}
	return best
}

// columnCentres estimates each column's position on one page from the rows
// that have the usual number of fields: the median of their fields' centres.
// Rows of other widths are used when no row has it.
func columnCentres(page []alignedRow, width int) []extent {
	var starts, ends [][]int
	starts, ends = make([][]int, width), make([][]int, width)
	for _, r := range page {
		fields := wideTokens(r.line)
		if len(fields) != width {
			continue
		}
		for i, f := range fields {
			starts[i] = append(starts[i], f.start)
			ends[i] = append(ends[i], f.end)
		}
	}
	if len(starts[0]) == 0 {
		return nil
	}
	cols := make([]extent, width)
	for i := range cols {
		cols[i] = extent{median(starts[i]), median(ends[i])}
	}
	return cols
}

func median(v []int) int {
	v = slices.Clone(v)
	slices.Sort(v)
	return v[len(v)/2]
}

// inOrder makes a row from fields that match the columns one to one.
func inOrder(l line, fields []token) block.Row {
	parts := make([][]string, len(fields))
	for i, f := range fields {
		parts[i] = []string{f.text}
	}
	return joinParts(l, parts)
}

// placeFields puts fields on the columns by position, keeping their order:
// the assignment minimises the total distance between field and column
// centres. With distinct set, no two fields share a column (data rows);
// otherwise neighbours may (a header cell split at a space). ok is false
// when there are no fields.
func placeFields(l line, fields []token, cols []extent, distinct bool) (block.Row, bool) {
	parts := make([][]string, len(cols))
	for i, c := range assignMonotone(fields, cols, distinct) {
		parts[c] = append(parts[c], fields[i].text)
	}
	return joinParts(l, parts), len(fields) > 0
}

// assignMonotone maps fields (in order) to non-decreasing column indexes,
// strictly increasing when distinct is set and there are no more fields than
// columns, at the least total distance of centres.
func assignMonotone(fields []token, cols []extent, distinct bool) []int {
	n, m := len(fields), len(cols)
	if n == 0 {
		return nil
	}
	distinct = distinct && n <= m
	const inf = int(^uint(0) >> 2)
	// cost[i][c]: least cost placing fields[:i+1] with field i in column c.
	cost := make([][]int, n)
	from := make([][]int, n)
	for i := range cost {
		cost[i] = make([]int, m)
		from[i] = make([]int, m)
		for c := range cost[i] {
			cost[i][c] = inf
			d := abs(fields[i].start + fields[i].end - cols[c].centre2())
			if i == 0 {
				cost[i][c] = d
				continue
			}
			for p := 0; p <= c; p++ {
				if distinct && p == c {
					break
				}
				if cost[i-1][p] < inf && cost[i-1][p]+d < cost[i][c] {
					cost[i][c], from[i][c] = cost[i-1][p]+d, p
				}
			}
		}
	}
	end := 0
	for c := range cost[n-1] {
		if cost[n-1][c] < cost[n-1][end] {
			end = c
		}
	}
	out := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = end
		end = from[i][end]
	}
	return out
}

// joinParts makes a row with one cell a column, joining each column's
// pieces with a space.
func joinParts(l line, parts [][]string) block.Row {
	r := block.Row{Pos: model.Pos{Line: l.num}, Cells: make([]block.Cell, len(parts))}
	for c, p := range parts {
		r.Cells[c] = block.Cell{Text: strings.Join(p, " "), Pos: model.Pos{Line: l.num}}
	}
	return r
}

// addWrapped adds a continuation line's cells to the row's cells, before
// their text when the line is above the row.
func addWrapped(r *block.Row, extra block.Row, above bool) {
	for c, e := range extra.Cells {
		switch {
		case e.Text == "" || c >= len(r.Cells):
		case above:
			r.Cells[c].Text = joinCell(e.Text, r.Cells[c].Text)
			r.Cells[c].Pos = e.Pos
		default:
			r.Cells[c].Text = joinCell(r.Cells[c].Text, e.Text)
		}
	}
}

func joinCell(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// splitPages groups rows by page: a row whose line, or a continuation line
// above it, holds a form feed starts a new page.
func splitPages(rows []alignedRow) [][]alignedRow {
	var pages [][]alignedRow
	start := 0
	for i, r := range rows {
		ff := strings.Contains(r.line.raw, "\f")
		for _, l := range r.above {
			ff = ff || strings.Contains(l.raw, "\f")
		}
		if ff && i > start {
			pages = append(pages, rows[start:i])
			start = i
		}
	}
	return append(pages, rows[start:])
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
