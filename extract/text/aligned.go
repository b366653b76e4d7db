package text

import (
	"slices"
	"strings"
	"unicode"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/lazyregexp"
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
	s := strings.TrimSpace(fold)
	n, run := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\f':
		case ' ', '\t':
			run++
		default:
			if n == 0 || run >= 2 {
				n++
			}
			run = 0
		}
	}
	return n
}

var (
	pageNumber = lazyregexp.New(`^[\s\-—–_·第页共/]*\d+[\s\-—–_·第页共/]*$`)
)

// isDataLine reports whether a line looks like a row of an aligned table:
// at least two fields apart by wide gaps, and numbers among them. A field
// counts as a number only whole ("2024 年 6 月" is not one), so that a
// masthead with its date set apart by a wide gap is not a row.
func isDataLine(l line) bool {
	if l.kind() != kText || wideFields(l.fold) < 2 {
		return false
	}
	fields := rowFields(l)
	nums, empty := valueFields(fields)
	return nums >= 1 && (nums+empty)*2 >= len(fields)-1
}

// isValueLine reports whether a line inside a table is a row: like a data
// line, but its values may all be placeholders ("—", "/"), as for a unit
// with nothing to count.
func isValueLine(l line) bool {
	if l.kind() != kText {
		return false
	}
	fields := wideTokens(l)
	if len(fields) < 3 {
		return false
	}
	nums, empty := valueFields(fields)
	return empty >= 2 && (nums+empty)*2 >= len(fields)
}

// valueFields counts the fields that are numbers and those that are
// placeholders.
func valueFields(fields []token) (nums, empty int) {
	for _, f := range fields {
		switch cellType(fold(f.text)) {
		case ctNumber:
			nums++
		case ctEmpty:
			empty++
		}
	}
	return nums, empty
}

// maxHeaderCellRunes is the longest text taken as a cell of a header
// line.
const maxHeaderCellRunes = 12

// maxHeaderPieceRunes is the longest text alone on a line taken as a piece
// of a wrapped header cell ("按时办", "乡镇（街"): a column holds a few
// characters a line. Longer text alone on a line is a title.
const maxHeaderPieceRunes = 8

// isTitleLine reports whether a text line is a caption, a title or the end
// of a paragraph above a table rather than a line of its header: one
// field, opening with a caption word (附件, 注：, 1．), ending a sentence,
// or too long for a piece of a header cell. Short labels set apart by
// single spaces ("办结数 办结率 满意数", squeezed by pdftotext) are header
// words, whatever their number.
func isTitleLine(l line) bool {
	if l.kind() != kText || wideFields(l.fold) != 1 {
		return false
	}
	t := strings.TrimSpace(l.fold)
	last, _ := lastRune(t)
	if enumerator.MatchString(t) || strings.ContainsRune("。；;！!？?：:", last) {
		return true
	}
	// The words are looked at in place: this is asked of most lines.
	words, titleWord := 0, false
	for w := range strings.FieldsSeq(t) {
		words++
		titleWord = titleWord || runeLen(w) > maxHeaderPieceRunes || cellType(w) == ctNumber
	}
	if words == 1 {
		return runeLen(t) > maxHeaderPieceRunes
	}
	return titleWord
}

// headerAcrossBlank reports whether two header lines with a blank line
// between them are one header: both short, and a line of one field (a
// piece of a wrapped cell) standing within the columns of the other, where
// a title's wrapped last line does not.
func headerAcrossBlank(a, b line) bool {
	if !shortFields(a) || !shortFields(b) {
		return false
	}
	within := func(piece, row line) bool {
		rt := tokens(row.fold, byRunes)
		if len(rt) == 0 {
			return false
		}
		for _, t := range tokens(piece.fold, byRunes) {
			if t.end <= rt[0].start || t.start >= rt[len(rt)-1].end {
				return false
			}
		}
		return true
	}
	switch {
	case wideFields(a.fold) == 1 && wideFields(b.fold) == 1:
		return false
	case wideFields(a.fold) == 1:
		return within(a, b)
	case wideFields(b.fold) == 1:
		return within(b, a)
	}
	return true
}

// maxFragmentRunes is the longest text a line of one field may hold to be
// taken for a piece of a wrapped header cell across a blank line.
const maxFragmentRunes = 6

// shortFields reports whether a line can be a header line across a blank
// line: every field short enough for a header cell, and a lone field short
// enough for a piece of a wrapped one (a short title over the table is
// not).
func shortFields(l line) bool {
	fields := wideTokens(l)
	limit := maxHeaderCellRunes
	if len(fields) == 1 {
		limit = maxFragmentRunes
	}
	for _, f := range fields {
		if runeLen(strings.ReplaceAll(f.text, " ", "")) > limit {
			return false
		}
	}
	return true
}

// maxHeaderLines bounds the lines of an aligned table's header.
const maxHeaderLines = 6

// tryAligned reads a space-aligned table whose header starts at the current
// line. The header must follow a blank line (or open the document or a
// page, or be a rule), so that a title above it stays a paragraph.
func (s *scanner) tryAligned() bool {
	i := s.i
	first := s.lines[i]
	if k := first.kind(); k != kText && k != kRule {
		return false
	}
	if isTitleLine(first) {
		return false
	}
	if i > 0 && s.lines[i-1].kind() != kBlank && !isTitleLine(s.lines[i-1]) && first.kind() != kRule && !strings.ContainsRune(first.raw, '\f') {
		return false
	}
	// Header lines: none a data row, with single blank lines among them
	// where the lines are short (a header cell with an empty line inside,
	// or a widely spaced header).
	j := i
	var header []line
	for j < len(s.lines) && len(header) < maxHeaderLines {
		l := s.lines[j]
		if k := l.kind(); k == kBlank && len(header) > 0 && j+1 < len(s.lines) {
			prev, next := header[len(header)-1], s.lines[j+1]
			if next.kind() == kText && !isDataLine(next) && !isTitleLine(next) && headerAcrossBlank(prev, next) {
				j++
				continue
			}
		}
		if k := l.kind(); (k != kText && k != kRule) || isDataLine(l) || isTitleLine(l) {
			break
		}
		header = append(header, l)
		j++
	}
	// The first row's label may be wrapped onto the line above it and be
	// too long for a piece of a header cell, which then ended the header.
	var lead []line
	if len(header) > 0 && j+1 < len(s.lines) && labelAbove(s.lines[j], s.lines[j+1], s.lines[j+2:]) {
		lead = []line{s.lines[j]}
		j++
	}
	for blanks := 0; j < len(s.lines) && s.lines[j].kind() == kBlank && blanks < 2; blanks++ {
		j++
	}
	// A section heading over the first rows (一、县直部门) ends the header.
	var sections []alignedRow
	for len(header) > 0 && j < len(s.lines) && sectionLine(s.lines[j]) && dataNext(s.lines, j+1) {
		sections = append(sections, alignedRow{line: s.lines[j], fields: wideTokens(s.lines[j]), section: true})
		for j++; j < len(s.lines) && s.lines[j].kind() == kBlank; j++ {
		}
	}
	if len(header) == 0 || j >= len(s.lines) || !isDataLine(s.lines[j]) {
		return false
	}
	if header[len(header)-1].kind() == kRule && !slices.ContainsFunc(header, func(l line) bool { return l.kind() == kText }) {
		return false
	}
	// The first row's label may be wrapped onto the line above it, which
	// then closes the header.
	if n := len(header); len(lead) == 0 && n > 1 && s.lines[j-1] == header[n-1] && wrapsLabel(header[n-1], s.lines[j]) && labelEmpty(s.lines[j], header[n-1]) &&
		!overNumbersBelow(header[n-1], s.lines[j+1:]) {
		lead, header = header[n-1:], header[:n-1]
	}
	headerSig := signature(header)
	// Rows: data lines, with blank lines, page numbers and the continuation
	// lines of wrapped labels among them.
	rows := sections
	dataRows := 0
	var gap []gapLine // continuation lines since the last data line
	var skipped []line
	end := j
	blankSeen := false
	centred := len(lead) > 0 // labels are centred on their rows
scan:
	for ; j < len(s.lines); j++ {
		l := s.lines[j]
		switch k := l.kind(); {
		case k == kBlank:
			// Continuation lines between blank lines belong to no row.
			if len(gap) > 0 && gap[len(gap)-1].afterBlank {
				break scan
			}
			blankSeen = true
		case k == kDebris:
		case k == kRule:
			end = j + 1 // a closing rule ends the table
			break scan
		case isDataLine(l) || (len(rows) > 0 && isValueLine(l)):
			r := alignedRow{line: l, fields: rowFields(l)}
			switch {
			case dataRows == 0:
				r.above = lead
			case rows[len(rows)-1].section:
				for _, g := range gap {
					r.above = append(r.above, g.line)
				}
			default:
				centred = assignGap(&rows[len(rows)-1], &r, gap, centred)
			}
			rows = append(rows, r)
			dataRows++
			gap, blankSeen = nil, false
			end = j + 1
		case dataRows > 0 && sectionLine(l) && dataNext(s.lines, j+1):
			// A section heading between rows: the lines wrapped since the
			// last row are its.
			last := &rows[len(rows)-1]
			for _, g := range gap {
				last.below = append(last.below, g.line)
			}
			rows = append(rows, alignedRow{line: l, fields: wideTokens(l), section: true})
			gap, blankSeen = nil, false
		case len(rows) > 0 && len(gap) == 0 && repeatsHeader(s.lines[j:], header, headerSig):
			// The header printed again at the top of a page.
			for n := 0; n < len(header); j++ {
				if s.lines[j].kind() != kBlank {
					n++
				}
			}
			j--
			blankSeen = false
		case k == kText && pageNumber.MatchString(strings.TrimSpace(l.fold)):
			skipped = append(skipped, l)
		case k == kText && len(rows) > 0 && wrapsLabel(l, rows[len(rows)-1].line):
			gap = append(gap, gapLine{l, blankSeen})
		default:
			break scan
		}
	}
	// Continuation lines after the last row belong to it while no blank
	// line parts them from it.
	if len(rows) > 0 {
		last := &rows[len(rows)-1]
		for _, g := range gap {
			if g.afterBlank {
				break
			}
			last.below = append(last.below, g.line)
			end = lineIndex(s.lines, g.line.num) + 1
		}
	}
	if dataRows < 2 {
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

// repeatsHeader reports whether the lines open with the header lines
// again, blank lines aside: the words the same (sig, the header's
// signature), wherever they stand.
func repeatsHeader(lines []line, header []line, sig string) bool {
	var got strings.Builder
	n, blanks := 0, 0
	for _, l := range lines {
		if n == len(header) || got.Len() > len(sig) || blanks > maxHeaderLines {
			break
		}
		if l.kind() == kBlank {
			blanks++
			continue
		}
		if isDataLine(l) {
			return false
		}
		got.WriteString(compact(l.fold))
		n++
	}
	return n == len(header) && got.String() == sig
}

// signature is the lines' words without white space.
func signature(lines []line) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(compact(l.fold))
	}
	return b.String()
}

// compact is s without white space.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// gapLine is a continuation line between two data lines, and whether a
// blank line stands between it and the data line above.
type gapLine struct {
	line       line
	afterBlank bool
}

// assignGap gives the continuation lines between data rows a and b to
// them. A blank line parts the lines of a from those of b. Without one,
// the rows' own lines decide: a row whose label cell is empty on its data
// line has its label wholly on the lines around it, as a table prints a
// label centred on its row; when both or neither are empty, the lines are
// shared half and half where labels are centred, and all go to a (a label
// wrapped below its first line) where they are not. centred reports
// whether labels have been seen centred, updated for the next gap.
func assignGap(a, b *alignedRow, gap []gapLine, centred bool) bool {
	if len(gap) == 0 {
		return centred
	}
	for k, g := range gap {
		if g.afterBlank {
			for _, h := range gap[:k] {
				a.below = append(a.below, h.line)
			}
			for _, h := range gap[k:] {
				b.above = append(b.above, h.line)
			}
			return centred
		}
	}
	lines := make([]line, len(gap))
	for k, g := range gap {
		lines[k] = g.line
	}
	aEmpty, bEmpty := labelEmpty(a.line, lines...), labelEmpty(b.line, lines...)
	split := len(lines) // lines[:split] go to a
	switch {
	case aEmpty && !bEmpty:
	case bEmpty && !aEmpty:
		split, centred = 0, true
	case aEmpty && bEmpty, centred:
		split, centred = (len(lines)+1)/2, true
	}
	a.below = append(a.below, lines[:split]...)
	b.above = append(b.above, lines[split:]...)
	return centred
}

// wrapsLabel reports whether l can be a continuation line of a wrapped
// label cell of the table whose row is data: a short line without numbers,
// none of whose words stands over a number of the row. A "%" under a
// number is the end of that number, wrapped in a narrow column.
func wrapsLabel(l, data line) bool {
	t := strings.TrimSpace(l.fold)
	if enumerator.MatchString(strings.TrimSpace(l.raw)) {
		return false
	}
	var words []token
	dt := tokens(data.fold, byRunes)
	for _, tk := range tokens(l.fold, byRunes) {
		if cellType(tk.text) == ctNumber {
			return false
		}
		if isPercentSign(tk.text) && overlapsNumber(tk, dt) {
			continue
		}
		words = append(words, tk)
	}
	if len(words) == 0 {
		return t != ""
	}
	label := strings.TrimSpace(string([]rune(l.fold)[words[0].start:words[len(words)-1].end]))
	if runeLen(label) > maxWrapRunes || wideFields(label) > 2 {
		return false
	}
	for _, tk := range words {
		if overlapsNumber(tk, dt) {
			return false
		}
	}
	return true
}

// labelAbove reports whether l, a line that ends a header, is the top of
// the first row's label wrapped above its data line: one field that ends
// no sentence, over the row's empty label and none of its numbers, nor
// over numbers of the rows below.
func labelAbove(l, data line, below []line) bool {
	if l.kind() != kText || wideFields(l.fold) != 1 || !isDataLine(data) {
		return false
	}
	t := strings.TrimSpace(l.fold)
	last, _ := lastRune(t)
	if enumerator.MatchString(t) || strings.ContainsRune("。；;！!？?：:，,", last) {
		return false
	}
	return wrapsLabel(l, data) && labelEmpty(data, l) && !overNumbersBelow(l, below)
}

// maxLabelProbeRows is how many data lines below the first row
// overNumbersBelow looks at.
const maxLabelProbeRows = 5

// overNumbersBelow reports whether a word of l stands over a number of one
// of the next data lines: l is then the lower piece of a wrapped header
// cell over a column of numbers ("数据完" / "整得分" around the header
// line), not a label wrapped above the first row, which the first row
// leaves empty (a 合计 row without a score).
func overNumbersBelow(l line, below []line) bool {
	words := tokens(l.fold, byRunes)
	seen := 0
	for _, d := range below {
		if seen >= maxLabelProbeRows {
			break
		}
		if !isDataLine(d) {
			continue
		}
		seen++
		dt := tokens(d.fold, byRunes)
		for _, tk := range words {
			if overlapsNumber(tk, dt) {
				return true
			}
		}
	}
	return false
}

// overlapsNumber reports whether tk stands over (or next to) a token of
// the data line that is not text.
func overlapsNumber(tk token, data []token) bool {
	for _, d := range data {
		if cellType(d.text) != ctText && tk.start < d.end+1 && d.start-1 < tk.end {
			return true
		}
	}
	return false
}

func isPercentSign(s string) bool { return s == "%" || s == "‰" }

// labelEmpty reports whether the data line has nothing where the
// continuation lines have their words: its label is wholly on them.
func labelEmpty(data line, conts ...line) bool {
	dt := tokens(data.fold, byRunes)
	for _, c := range conts {
		for _, tk := range tokens(c.fold, byRunes) {
			for _, d := range dt {
				if tk.start < d.end && d.start < tk.end {
					return false
				}
			}
		}
	}
	return true
}

// alignedRow is a data line with the continuation lines of its wrapped
// cells.
type alignedRow struct {
	line         line
	fields       []token // rowFields of line
	above, below []line
	section      bool // a section heading between rows, not a row of values
}

// sectionLine reports whether l is a section heading printed inside a
// table on a line of its own (一、县直部门): one field, a section heading
// by its shape.
func sectionLine(l line) bool {
	return l.kind() == kText && wideFields(l.fold) == 1 && block.IsSectionHeading(strings.TrimSpace(l.fold))
}

// dataNext reports whether the first line from j on that is not blank is
// a data line.
func dataNext(lines []line, j int) bool {
	for ; j < len(lines); j++ {
		if lines[j].kind() != kBlank {
			return isDataLine(lines[j])
		}
	}
	return false
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
	if w := widestHeader(header); w > width && slices.ContainsFunc(rows, func(r alignedRow) bool { return !r.section && len(r.fields) == w }) {
		// A last column most rows leave empty (备注): the header and the
		// rows that fill it give the columns.
		width = w
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
			fields := ar.fields
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

// widestHeader returns the most fields a header line has, split at wide
// gaps.
func widestHeader(header []line) int {
	n := 0
	for _, l := range header {
		if l.kind() == kText {
			n = max(n, len(wideTokens(l)))
		}
	}
	return n
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

// rowFields returns the fields of a data line: split at wide gaps, and
// numbers closed up to their neighbours split off.
func rowFields(l line) []token { return splitNumbers(l, wideTokens(l)) }

// splitNumbers splits the fields of a data line that hold numbers of two
// columns, or a label and the first number, apart by a single space only
// (pdftotext closes up a gap a long name leaves too narrow): each number
// ending a field becomes a field of its own.
func splitNumbers(l line, fields []token) []token {
	var out []token
	for _, f := range fields {
		toks := tokens(f.text, byRunes)
		k := len(toks)
		for k > 0 && cellType(fold(toks[k-1].text)) == ctNumber {
			k--
		}
		if k == len(toks) || len(toks) == 1 {
			out = append(out, f)
			continue
		}
		if k > 0 {
			head := toks[k-1].end
			out = append(out, token{text: strings.TrimSpace(string([]rune(f.text)[:head])), start: f.start, end: f.start + head})
		}
		for _, t := range toks[k:] {
			out = append(out, token{text: t.text, start: f.start + t.start, end: f.start + t.end})
		}
	}
	return out
}

// modalFields is the most common number of fields among the data rows.
func modalFields(rows []alignedRow) int {
	count := map[int]int{}
	best := 0
	for _, r := range rows {
		if r.section {
			continue
		}
		n := len(r.fields)
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
		fields := r.fields
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
		case !above && isPercentSign(fold(e.Text)) && cellType(fold(r.Cells[c].Text)) == ctNumber:
			// A number wrapped before its "%".
			r.Cells[c].Text += e.Text
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
