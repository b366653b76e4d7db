package interpret

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// tableReader interprets one block table.
type tableReader struct {
	src      *block.Table
	problems *[]model.Problem
	// prev is the table read before this one, whose columns a headerless
	// continuation takes.
	prev *model.Table
	// repairBudget is what is left of the document's header repair steps
	// (see repair).
	repairBudget *int
	// textCols marks the columns whose values are mostly text (a 所属乡镇
	// beside the unit): their cells are kept as text without a problem.
	textCols []bool
}

func (tr *tableReader) problem(pos model.Pos, format string, args ...any) {
	*tr.problems = append(*tr.problems, model.Problem{Pos: pos, Message: fmt.Sprintf(format, args...)})
}

// read turns the block table into a model table (without label, title and
// the notes printed outside it).
func (tr *tableReader) read() model.Table {
	t := model.Table{Pos: tr.src.Pos, Columns: []model.Column{}, Rows: []model.Row{}, Notes: []string{}}
	grid, _ := tr.src.Grid()
	if len(grid) == 0 || len(grid[0]) == 0 {
		return t
	}
	// Leading rows holding one text across the table are its title or a
	// units line, not header rows. One text in one column of an otherwise
	// empty row is not a title: it is the part of a wrapped header cell
	// that a text layout printed on its own line ("按时办" over "结数").
	first := 0
	for first < len(grid)-1 && first < maxHeaderRows && isTitleRow(grid[first], tr.src.Rows[first]) {
		text := singleText(grid[first])
		switch {
		case matchFolded(vocab.NoteStart, text) || strings.HasPrefix(compactHeader(text), vocab.UnitsLabel):
			t.Notes = append(t.Notes, noteItems(text)...)
		case t.Title == "":
			t.Title = compactTitle(text)
		default:
			t.Title += compactTitle(text)
		}
		first++
	}
	nHeader := 0
	for first+nHeader < len(grid) && nHeader < maxHeaderRows && !isDataRow(grid[first+nHeader]) {
		if row := grid[first+nHeader]; nHeader > 0 && sectionRow(row) || nHeader == 0 && tr.prev != nil && numberedSection(row) {
			break // a section heading under the header, or opening the rest of the table before
		}
		nHeader++
	}
	if first+nHeader == len(grid) {
		// No data rows: the last label row still cannot be a header of
		// nothing; keep everything as header and report.
		tr.problem(tr.src.Pos, "table has no rows of values")
	}
	data := grid[first+nHeader:]
	width := headerWidth(grid[first:first+nHeader], len(grid[0]))
	h := toHeaderGrid(grid[first:], nHeader, width)
	cols := h.columns()
	if tr.prev != nil && (nHeader == 0 && len(tr.prev.Columns) == width ||
		nHeader > 0 && len(tr.prev.Columns) == modalWidth(data) && headerFragment(grid[first:first+nHeader], tr.prev.Columns)) {
		// A table continued on a new page without its header, or with a
		// piece of it (the lines of wrapped header cells that a page break
		// cut off): it has the previous table's columns.
		width = len(tr.prev.Columns)
		cols = make([]column, width)
		for i, c := range tr.prev.Columns {
			cols[i] = columnOf(c)
		}
	} else {
		h, cols, width = tr.readHeader(grid, first, nHeader, data, h, cols, width)
	}
	tr.textCols = make([]bool, len(cols))
	for c := range cols {
		tr.textCols[c] = isTextColumn(data, c)
	}
	unitCol := pickUnitColumn(cols, data, tr.textCols)
	headerTexts := make([]string, nHeader)
	for r := 0; r < nHeader; r++ {
		headerTexts[r] = rowSignature(grid[first+r])
	}
	for _, c := range cols {
		t.Columns = append(t.Columns, c.model())
	}
	groups := sideBySide(cols, unitCol)
	var prev []*block.Cell // the last unit row's cells
	for r := first + nHeader; r < len(grid); r++ {
		src := tr.src.Rows[r]
		cells := grid[r]
		if src.Header || isRepeatedHeader(cells, headerTexts) {
			continue
		}
		if text := singleText(cells); text != "" && !isDataRow(cells) && sectionRow(cells) {
			if matchFolded(vocab.NoteStart, text) {
				t.Notes = append(t.Notes, noteItems(text)...)
			} else {
				tr.problem(src.Pos, "row %d holds only %q (a section heading?); not a unit row", r+1, text)
			}
			continue
		}
		if allEmpty(cells) {
			continue
		}
		if n := cellCount(cells, width); n < width {
			if lead, ok := tr.mergedLead(cells, prev, cols, n, len(groups)); ok {
				// The leading cells merged down from the row above
				// (所属乡镇 over its villages), printed once by a text copy.
				cells = lead
			} else {
				tr.problem(src.Pos, "row %d has %d cells, header has %d; the missing cells are left out", r+1, n, width)
			}
		}
		prev = cells
		for _, g := range groups {
			row, ok := tr.row(cells, src, r, cols, g)
			if ok {
				t.Rows = append(t.Rows, row)
			}
		}
	}
	// Columns of the repeated groups of a side-by-side table are the same
	// as the first group's.
	if len(groups) > 1 {
		t.Columns = t.Columns[groups[0].from:groups[0].to]
	}
	return t
}

// readHeader reads the nHeader header rows from grid row first on, over
// the data rows: as laid out (h, cols, width), or as a two-level header
// copied as text.
func (tr *tableReader) readHeader(grid [][]*block.Cell, first, nHeader int, data [][]*block.Cell,
	h headerGrid, cols []column, width int) (headerGrid, []column, int) {
	if nHeader == 2 && !h.hasSpans() {
		// A two-level header copied as text, its rows shorter than the
		// table's rows.
		upper, lower := rowTexts(grid[first]), rowTexts(grid[first+1])
		if w := modalWidth(data); len(upper) < w && len(lower) < w {
			textCol := func(c int) bool { return isTextColumn(data, c) }
			if rag := alignRagged(upper, lower, w, textCol); rag != nil {
				if alt := rag.columns(); knownCount(alt) >= knownCount(cols) {
					h, cols, width = rag, alt, w
				}
			}
		}
	}
	if !h.hasSpans() {
		h, cols = tr.readFlatHeader(h, cols, width)
	}
	return h, cols, width
}

// headerFragment reports whether the header rows are a piece of the
// columns' headers: every text in them part of the header of the column it
// stands in, as when a page break cuts the lines of wrapped header cells
// from the rest, or a header is repeated.
func headerFragment(rows [][]*block.Cell, cols []model.Column) bool {
	texts := 0
	for _, row := range rows {
		for c, cell := range row {
			if cell == nil {
				continue
			}
			t := compactHeader(cell.Text)
			if t == "" {
				continue
			}
			if c >= len(cols) || !strings.Contains(compactHeader(cols[c].Header), t) {
				return false
			}
			texts++
		}
	}
	return texts > 0
}

// readFlatHeader reads a header without merged cells, as text copies print
// one: group labels over their sub-columns are found (inferGroups), and
// words a layout put in the wrong columns are dealt back (repair), the
// whole header or, under group labels, its lower rows. The reading with
// the most known labels wins; on a tie, the simpler one.
func (tr *tableReader) readFlatHeader(h headerGrid, cols []column, width int) (headerGrid, []column) {
	if len(h) == 0 {
		return h, cols
	}
	flat := h
	if g := flat.inferGroups(); g != nil {
		h, cols = g, g.columns()
	}
	if knownCount(cols) == width {
		return h, cols
	}
	if rep := flat.repair(width, tr.repairBudget); rep != nil {
		if alt := rep.columns(); knownCount(alt) > knownCount(cols) {
			h, cols = flat, alt
		}
	}
	if len(flat) > 1 && knownCount(cols) < width {
		// Sub-column words squeezed into the wrong columns under group
		// labels.
		if rep := flat[1:].repair(width, tr.repairBudget); rep != nil {
			if g := append(headerGrid{flat[0]}, rep...).inferGroups(); g != nil {
				if alt := g.columns(); knownCount(alt) > knownCount(cols) {
					h, cols = g, alt
				}
			}
		}
	}
	return h, cols
}

// group is a range of columns holding one unit's values; a table printing
// two units side by side has two.
type group struct {
	from, to int // columns [from, to)
	unit     int // the unit column, or -1
	offset   int // from minus the first group's from: keys repeat at this offset
}

// sideBySide splits the columns where the unit column and the columns after
// it repeat (单位 得分 排名 | 单位 得分 排名), so that each physical row
// gives one row per unit.
func sideBySide(cols []column, unitCol int) []group {
	all := []group{{0, len(cols), unitCol, 0}}
	if unitCol < 0 {
		return all
	}
	var starts []int
	for i := unitCol; i < len(cols); i++ {
		if cols[i].label == cols[unitCol].label {
			starts = append(starts, i)
		}
	}
	if len(starts) < 2 {
		return all
	}
	size := starts[1] - starts[0]
	if size <= unitCol || len(cols) != len(starts)*size {
		return all
	}
	for i, s := range starts {
		if s != unitCol+i*size {
			return all
		}
		for k := 0; k < size; k++ {
			if cols[i*size+k].label != cols[k].label {
				return all
			}
		}
	}
	groups := make([]group, len(starts))
	for i := range starts {
		groups[i] = group{i * size, (i + 1) * size, i*size + unitCol, i * size}
	}
	return groups
}

// row reads one unit's row from the grid row.
func (tr *tableReader) row(cells []*block.Cell, src block.Row, r int, cols []column, g group) (model.Row, bool) {
	row := model.Row{Cells: map[model.Key]model.Cell{}, Pos: src.Pos}
	if g.unit >= 0 && g.unit < len(cells) && cells[g.unit] != nil {
		row.Unit = unitName(cells[g.unit].Text)
		if row.Pos.IsZero() {
			row.Pos = cells[g.unit].Pos
		}
	}
	any := row.Unit != ""
	// The values and decimals the row's cells point to, allocated once for
	// the row rather than once for each cell.
	width := max(0, min(g.to, len(cells))-g.from)
	values, decimals := make([]float64, 0, width), make([]int, 0, width)
	for c := g.from; c < g.to && c < len(cells); c++ {
		if c == g.unit || cells[c] == nil || (g.unit >= 0 && cells[c] == cells[g.unit]) {
			continue // the unit cell, also where it spans 序号 and 单位
		}
		text := strings.TrimSpace(cells[c].Text)
		key := cols[c-g.offset].key
		cell := model.Cell{Text: text, Pos: cells[c].Pos, Stored: cells[c].Value}
		n, ok := parseNumber(text)
		if !ok && key.Base() == model.Rank {
			n, ok = parseNumber(sharedPlace(text))
		}
		switch {
		case !ok && tr.textCols[c-g.offset]:
		case !ok:
			tr.problem(cells[c].Pos, "row %d, column %q: %q is not a number; kept as text", r+1, cols[c].header(), text)
		case n.present:
			values = append(values, n.value)
			cell.Value = &values[len(values)-1]
			if n.percent || key.IsRate() || n.decimals > 0 {
				decimals = append(decimals, n.decimals)
				cell.Decimals = &decimals[len(decimals)-1]
			}
		}
		if text != "" {
			any = true
		}
		row.Cells[key] = cell
	}
	if len(cells) > len(cols) {
		// A cell spanning columns past the header is kept once, at its
		// first column, and the row's extra cells make one problem: a row
		// made wide by spans has as many positions as its grid.
		var first, last model.Key
		var at model.Pos
		extra := 0
		for c := len(cols); c < len(cells); c++ {
			if cells[c] == nil || c > 0 && cells[c] == cells[c-1] || strings.TrimSpace(cells[c].Text) == "" {
				continue
			}
			key := model.Key(fmt.Sprintf("col%d", c+1))
			row.Cells[key] = model.Cell{Text: strings.TrimSpace(cells[c].Text), Pos: cells[c].Pos}
			if extra == 0 {
				first, at = key, cells[c].Pos
			}
			last = key
			extra++
		}
		switch {
		case extra == 1:
			tr.problem(at, "row %d has %d cells, header has %d; kept as extra cell %s", r+1, len(cells), len(cols), first)
		case extra > 1:
			tr.problem(at, "row %d has %d cells, header has %d; kept as %d extra cells %s … %s", r+1, len(cells), len(cols), extra, first, last)
		}
	}
	if !any {
		return row, false
	}
	row.Total = vocab.IsTotalRow(fold(compactHeader(row.Unit)))
	if !row.Total && g.unit >= 0 {
		// 合计 may stand in another text column (序号) with the unit blank.
		for c := g.from; c < g.to && c < len(cells); c++ {
			if cells[c] != nil && c != g.unit && cols[c].key.Base() == model.Seq {
				if t := compactHeader(cells[c].Text); vocab.IsTotalRow(fold(t)) {
					row.Total = true
					if row.Unit == "" {
						row.Unit = strings.TrimSpace(cells[c].Text)
					}
				}
			}
		}
	}
	return row, true
}

// pickUnitColumn returns the unit column and keys it unit: of the
// columns whose header names a unit, or else of the text columns, the one with the most distinct values, since a column
// naming the town a village belongs to (所属乡镇) repeats its values and the
// unit column does not. Another column whose header names a unit keeps its
// printed header as its key.
func pickUnitColumn(cols []column, data [][]*block.Cell, textCols []bool) int {
	var named, cands []int
	for i, c := range cols {
		if c.key == model.Unit {
			named = append(named, i)
		}
	}
	cands = named
	if len(cands) == 0 {
		for i := range cols {
			if textCols[i] {
				cands = append(cands, i)
			}
		}
	}
	if len(cands) == 0 {
		return -1
	}
	best, bestN := cands[0], -1
	for _, i := range cands {
		if n := distinctValues(data, i); n > bestN {
			best, bestN = i, n
		}
	}
	for _, i := range named {
		if i != best {
			cols[i].key, cols[i].known = model.Key(cols[i].header()), false
		}
	}
	cols[best].key = model.Unit
	return best
}

// distinctValues counts the distinct non-empty texts in column c.
func distinctValues(data [][]*block.Cell, c int) int {
	seen := map[string]bool{}
	for _, row := range data {
		if c < len(row) && row[c] != nil {
			if t := compactHeader(row[c].Text); t != "" {
				seen[t] = true
			}
		}
	}
	return len(seen)
}

// headerWidth is the number of columns the header rows cover; cells of
// data rows beyond it are extra cells. Without header rows it is the grid's
// width.
func headerWidth(header [][]*block.Cell, gridWidth int) int {
	if len(header) == 0 {
		return gridWidth
	}
	w := 0
	for _, row := range header {
		for c := len(row) - 1; c >= w; c-- {
			if row[c] != nil {
				w = c + 1
				break
			}
		}
	}
	return max(w, 1)
}

// singleText returns the text of a row that has exactly one non-empty
// cell, or "".
func singleText(cells []*block.Cell) string {
	var only *block.Cell
	for _, c := range cells {
		if c == nil || c == only || strings.TrimSpace(c.Text) == "" {
			continue
		}
		if only != nil {
			return ""
		}
		only = c
	}
	if only == nil {
		return ""
	}
	return strings.TrimSpace(only.Text)
}

// sharedPlace returns the number of a place marked as shared, "5（并列）",
// "并列第5名" -> "5", or text as it is.
func sharedPlace(text string) string {
	t := fold(text)
	if !vocab.TieWords.In(t) {
		return text
	}
	for w := range vocab.TieWords.All() {
		t = strings.ReplaceAll(t, w, "")
	}
	t = strings.Trim(strings.TrimSpace(t), "()")
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), vocab.OrdinalPrefix))
	return strings.TrimSuffix(t, vocab.RankPlaces.Suffix(t))
}

// sectionRow reports whether a row holds only a section heading: one text
// across the table, or one text opening with a heading number
// (一、县直部门, （二）乡镇) in one cell of an otherwise empty row, as text
// copies print a merged cell. No unit is named with a heading number.
func sectionRow(cells []*block.Cell) bool {
	return singleText(cells) != "" && (spansAll(cells) || numberedSection(cells))
}

// numberedSection reports whether a row's one text opens with a heading
// number: a section heading, never a header cell.
func numberedSection(cells []*block.Cell) bool {
	text := singleText(cells)
	return text != "" && headingNumber.MatchString(compactHeader(text))
}

// spansAll reports whether the row's one text cell covers the row, or the
// row has no other cells at all.
func spansAll(cells []*block.Cell) bool {
	var only *block.Cell
	for _, c := range cells {
		if c != nil && strings.TrimSpace(c.Text) != "" {
			only = c
			break
		}
	}
	if only == nil {
		return false
	}
	covered := 0
	for _, c := range cells {
		if c == only {
			covered++
		}
	}
	return covered == len(cells) || covered >= 2
}

// mergedLead reads a row short of m cells whose first m columns were
// merged down from the row above and printed once (a text copy of a table
// whose 所属乡镇 spans its villages): its n cells, all leading, belong to
// the last n columns, where each is of its column's kind (text in the unit
// and text columns, numbers in the others) while read from the left some
// is not. The first m cells are the row above's. ok is false for anything
// else, a table of side-by-side units among them.
func (tr *tableReader) mergedLead(cells, prev []*block.Cell, cols []column, n, groups int) ([]*block.Cell, bool) {
	width := len(cols)
	m := width - n
	// A row of width cells or more has no lead merged down (n >= width
	// would leave no column to the row above).
	if groups != 1 || len(prev) < width || n < 2 || n >= width || len(cells) < width {
		return nil, false
	}
	for c := range width {
		if (c < n) != (cells[c] != nil) || c < m && prev[c] == nil {
			return nil, false
		}
	}
	fitsAt := func(cell *block.Cell, col int) bool {
		t := strings.TrimSpace(cell.Text)
		if t == "" {
			return true
		}
		_, isNumber := parseNumber(t)
		// A column's kind by its key where it has one (the data may be
		// misread), else by its values.
		text := cols[col].key == model.Unit || !cols[col].known && tr.textCols[col]
		return isNumber != text
	}
	right, left := true, true
	for i := range n {
		right = right && fitsAt(cells[i], i+m)
		left = left && fitsAt(cells[i], i)
	}
	if !right || left {
		return nil, false
	}
	out := make([]*block.Cell, len(cells))
	copy(out, prev[:m])
	copy(out[m:], cells[:n])
	return out, true
}

func cellCount(cells []*block.Cell, width int) int {
	n := 0
	for c := 0; c < width && c < len(cells); c++ {
		if cells[c] != nil {
			n++
		}
	}
	return n
}

func allEmpty(cells []*block.Cell) bool {
	for _, c := range cells {
		if c != nil && strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// rowSignature is a row's texts without white space, for recognising a
// header row repeated on a later page.
func rowSignature(cells []*block.Cell) string {
	var b strings.Builder
	var prev *block.Cell
	for _, c := range cells {
		if c == nil || c == prev {
			continue
		}
		prev = c
		b.WriteString(compactHeader(c.Text))
		b.WriteByte('|')
	}
	return b.String()
}

func isRepeatedHeader(cells []*block.Cell, header []string) bool {
	sig := rowSignature(cells)
	for _, h := range header {
		if sig == h && strings.Trim(sig, "|") != "" {
			return true
		}
	}
	return false
}

// unitName is a unit cell's name: lines of a wrapped name joined, white
// space between Chinese characters removed.
func unitName(s string) string { return compactTitle(s) }

// isTitleRow reports whether a leading row is a title or units line above
// the header: one text that spans the table (or is the row's only cell, or
// is too long for a header cell), or a caption, note or units line
// wherever it stands.
func isTitleRow(cells []*block.Cell, src block.Row) bool {
	text := singleText(cells)
	if text == "" || isDataRow(cells) {
		return false
	}
	if matchFolded(vocab.NoteStart, text) || matchFolded(vocab.CaptionLabel, text) || matchFolded(vocab.UnitsLine, compactHeader(text)) {
		return true
	}
	return spansAll(cells) || len(src.Cells) == 1 || utf8.RuneCountInString(compactHeader(text)) > maxHeaderLabelRunes
}

// maxHeaderLabelRunes is the longest text taken as a piece of a header
// cell standing alone in the first row; longer text is the table's title.
const maxHeaderLabelRunes = 16

// rowTexts returns the texts of a row's cells, a cell spanning several
// positions once, without trailing empty cells.
func rowTexts(cells []*block.Cell) []string {
	var out []string
	var prev *block.Cell
	for _, c := range cells {
		if c == nil || c == prev {
			continue
		}
		prev = c
		out = append(out, strings.TrimSpace(c.Text))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// modalWidth is the most common number of cells among the rows, preferring
// the wider on ties.
func modalWidth(rows [][]*block.Cell) int {
	count := map[int]int{}
	best := 0
	for _, r := range rows {
		n := len(rowTexts(r))
		count[n]++
		if count[n] > count[best] || (count[n] == count[best] && n > best) {
			best = n
		}
	}
	return best
}

// isTextColumn reports whether most non-empty values in column c are text
// rather than numbers.
func isTextColumn(data [][]*block.Cell, c int) bool {
	text, total := 0, 0
	for _, row := range data {
		if c >= len(row) || row[c] == nil {
			continue
		}
		t := strings.TrimSpace(row[c].Text)
		if t == "" {
			continue
		}
		total++
		if n, ok := parseNumber(t); !ok || !n.present {
			text++
		}
	}
	return total > 0 && text*2 > total
}
