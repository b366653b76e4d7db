package interpret

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// maxHeaderRows bounds how many leading rows can be header rows.
const maxHeaderRows = 6

// hcell is one position of a header grid: its text and the identity of the
// source cell, so that a cell spanning several positions is seen once.
type hcell struct {
	text string
	id   int // 0 for no cell
}

// headerGrid is the header rows of a table laid on its columns.
type headerGrid [][]hcell

// column is an interpreted header column.
type column struct {
	group string // the label of a cell spanning this and other columns
	label string // the column's own label, wrapped parts joined
	key   model.Key
	known bool // key is canonical
}

func (c column) header() string {
	if c.group != "" {
		return c.group + "/" + c.label
	}
	return c.label
}

// isDataRow reports whether a row holds values rather than labels: two or
// more numbers, or numbers in at least half of its non-empty cells after the
// first.
func isDataRow(cells []*block.Cell) bool {
	nonEmpty, numbers := 0, 0
	var prev *block.Cell
	for _, c := range cells {
		if c == nil || c == prev {
			continue
		}
		prev = c
		t := strings.TrimSpace(c.Text)
		if t == "" {
			continue
		}
		nonEmpty++
		if n, ok := parseNumber(t); ok && n.present {
			numbers++
		}
	}
	return numbers >= 2 || (numbers >= 1 && numbers*2 >= nonEmpty-1)
}

// toHeaderGrid lays the first n rows of a block grid out as a header grid
// of the given width.
func toHeaderGrid(grid [][]*block.Cell, n, width int) headerGrid {
	ids := map[*block.Cell]int{}
	h := make(headerGrid, n)
	for r := 0; r < n; r++ {
		h[r] = make([]hcell, width)
		for c, cell := range grid[r] {
			if cell == nil || c >= width {
				continue
			}
			id, ok := ids[cell]
			if !ok {
				id = len(ids) + 1
				ids[cell] = id
			}
			h[r][c] = hcell{text: strings.TrimSpace(cell.Text), id: id}
		}
	}
	return h
}

// hasSpans reports whether any header cell covers more than one position.
func (h headerGrid) hasSpans() bool {
	seen := map[int]bool{}
	for _, row := range h {
		for _, c := range row {
			if c.id != 0 {
				if seen[c.id] {
					return true
				}
				seen[c.id] = true
			}
		}
	}
	return false
}

// columns interprets the header grid: down each column, a cell that spans
// several columns (and is not the lowest label) is the group, the other
// labels are the column's own label wrapped over rows, joined.
func (h headerGrid) columns() []column {
	if len(h) == 0 {
		return nil
	}
	width := len(h[0])
	cols := make([]column, width)
	for c := 0; c < width; c++ {
		type entry struct {
			text   string
			spread bool
		}
		var path []entry
		for r := range h {
			cell := h[r][c]
			if cell.id == 0 || cell.text == "" || (r > 0 && h[r-1][c].id == cell.id) {
				continue
			}
			spread := (c > 0 && h[r][c-1].id == cell.id) || (c+1 < width && h[r][c+1].id == cell.id)
			path = append(path, entry{cell.text, spread})
		}
		var group, label []string
		for i, e := range path {
			if e.spread && i < len(path)-1 {
				group = append(group, compactHeader(e.text))
			} else {
				label = append(label, compactHeader(e.text))
			}
		}
		cols[c].group = strings.Join(group, "/")
		cols[c].label = strings.Join(label, "")
	}
	assignKeys(cols)
	return cols
}

// assignKeys maps each column to its key. A grouped column whose label maps
// to a key that another column also has is keyed "group/key", except under
// the overall group (总计, 合计): its columns are the table's plain metrics,
// of which the other groups are parts.
func assignKeys(cols []column) {
	base := make([]model.Key, len(cols))
	for i := range cols {
		c := &cols[i]
		k, ok := groupMetric(c.group, c.label)
		if !ok {
			k, ok = canonicalKey(c.label)
		}
		if !ok && c.group != "" {
			k, ok = canonicalKey(c.group + c.label)
		}
		c.known = ok
		switch {
		case ok:
			base[i] = k
		case c.header() == "":
			base[i] = model.Key("col" + strconv.Itoa(i+1))
		default:
			base[i] = model.Key(c.header())
		}
	}
	count := map[model.Key]int{}
	for _, k := range base {
		count[k]++
	}
	used := map[model.Key]int{}
	for i := range cols {
		k := base[i]
		if count[k] > 1 && cols[i].group != "" && k != model.Unit && !vocab.IsOverallGroup(fold(cols[i].group)) {
			k = model.Key(cols[i].group + "/" + string(k))
		}
		used[k]++
		if used[k] > 1 && k != model.Unit {
			// Two columns printed alike: keep them apart by position.
			k = model.Key(string(k) + "#" + strconv.Itoa(used[k]))
		}
		cols[i].key = k
	}
}

// groupMetric reads a column whose group label names the metric and whose
// own label only says count or rate (按时办结 over 件数 and 比率): the
// count or the rate of the group's metric, a plain key.
func groupMetric(group, label string) (model.Key, bool) {
	if group == "" || strings.Contains(group, "/") {
		return "", false
	}
	l := normalizeHeader(label)
	switch {
	case vocab.GenericCountLabels.Has(l):
		if k, ok := canonicalKey(group + vocab.CountEnding); ok && !k.IsRate() {
			return k, true
		}
	case vocab.GenericRateLabels.Has(l):
		if k, ok := canonicalKey(group + vocab.RateEnding); ok && k.IsRate() {
			return k, true
		}
	}
	return "", false
}

// knownCount counts the columns with canonical keys.
func knownCount(cols []column) int {
	n := 0
	for _, c := range cols {
		if c.known {
			n++
		}
	}
	return n
}

// Limits of the header repair search.
const (
	repairMaxRows   = 3
	repairMaxStates = 4096
	// repairMaxWork bounds states × columns, the cells of the search's
	// table, each of which tries up to (repairMaxTake+1)^rows deals (some
	// 40 ms at the bound): a wide header of many words is read as laid out.
	repairMaxWork = 1 << 13
	// repairDocumentWork bounds the steps of all repairs of one document,
	// so that many such tables cost no more than a few of them.
	repairDocumentWork = 1 << 16
	repairMaxTake      = 2 // tokens one column takes from one row
)

// repair reassigns header words to columns when the layout placed them
// badly (pdftotext squeezes Chinese header text, so words land in the wrong
// column, though each line keeps their order). Each header row's words are
// dealt out to the columns in order; the deal that makes the most labels
// known header names wins, ties going to the deal that moves words least
// (see moveCost) and keeps the layout's left-to-right order across rows.
// It returns nil when no deal beats the grid as laid out.
//
// The search costs states × columns steps (states being the ways the rows'
// words can be dealt so far); it is not tried beyond repairMaxWork steps
// or the caller's remaining budget, which it spends.
func (h headerGrid) repair(width int, budget *int) headerGrid {
	if len(h) == 0 || len(h) > repairMaxRows {
		return nil
	}
	type tok struct {
		text string
		col  int
	}
	words := make([][]tok, len(h))
	states := 1
	for r, row := range h {
		for c, cell := range row {
			if cell.id != 0 && (c == 0 || row[c-1].id != cell.id) {
				for _, f := range strings.FieldsFunc(cell.text, unicode.IsSpace) {
					words[r] = append(words[r], tok{f, c})
				}
			}
		}
		states *= len(words[r]) + 1
	}
	if states > repairMaxStates || states*width > min(repairMaxWork, *budget) {
		return nil
	}
	*budget -= states * width
	// State: how many words of each row are dealt; encoded in mixed radix.
	radix := make([]int, len(h))
	m := 1
	for r := range h {
		radix[r] = m
		m *= len(words[r]) + 1
	}
	const unset = -1 << 30
	type choice struct {
		prev  int
		takes [repairMaxRows]int
	}
	score := make([][]int, width+1)
	back := make([][]choice, width+1)
	for c := range score {
		score[c] = make([]int, states)
		back[c] = make([]choice, states)
		for s := range score[c] {
			score[c][s] = unset
		}
	}
	score[0][0] = 0
	known := map[string]bool{}
	isKnown := func(label []byte) bool {
		v, ok := known[string(label)] // no allocation for the lookup
		if !ok {
			// A deal that opens a bracket in one word and ends the
			// label before it closes ("县（市、" + "退件登记") names
			// nothing: normalising would drop all after the bracket.
			_, v = canonicalKey(string(label))
			v = v && bracketsClosed(string(label))
			known[string(label)] = v
		}
		return v
	}
	// less[r][x] counts the words of row r the layout put left of column
	// x; a row's words run left to right, so those among words[r][i:] are
	// max(0, less[r][x]-i).
	less := make([][]int, len(h))
	for r := range h {
		less[r] = make([]int, width+1)
		for x := 0; x <= width; x++ {
			for _, w := range words[r] {
				if w.col < x {
					less[r][x]++
				}
			}
		}
	}
	var label []byte
	pos := make([]int, len(h))
	for c := 0; c < width; c++ {
		for s := 0; s < states; s++ {
			if score[c][s] == unset {
				continue
			}
			for r := range h {
				pos[r] = s / radix[r] % (len(words[r]) + 1)
			}
			var takes [repairMaxRows]int
			// passed counts the words of other rows that the layout put left
			// of column col and that stay for later columns: taking a word
			// now would put them right of it, inverting the layout's order.
			passed := func(r, col int) int {
				n := 0
				for rr := range h {
					if rr != r {
						n += max(0, less[rr][min(col, width)]-pos[rr]-takes[rr])
					}
				}
				return n
			}
			var try func(r int)
			try = func(r int) {
				if r == len(h) {
					next, gain := s, 0
					label = label[:0]
					for rr := range h {
						next += takes[rr] * radix[rr]
						for _, w := range words[rr][pos[rr] : pos[rr]+takes[rr]] {
							label = append(label, w.text...)
							gain -= moveCost(w.col, c) + 2*passed(rr, w.col)
						}
					}
					if len(label) > 0 && isKnown(label) {
						gain += 100
					}
					if v := score[c][s] + gain; v > score[c+1][next] {
						score[c+1][next] = v
						back[c+1][next] = choice{prev: s, takes: takes}
					}
					return
				}
				for k := 0; k <= repairMaxTake && pos[r]+k <= len(words[r]); k++ {
					takes[r] = k
					try(r + 1)
				}
				takes[r] = 0
			}
			try(0)
		}
	}
	final := states - 1
	if score[width][final] == unset {
		return nil
	}
	out := make(headerGrid, len(h))
	for r := range out {
		out[r] = make([]hcell, width)
	}
	id := 0
	for c, s := width, final; c > 0; c-- {
		ch := back[c][s]
		for r := range h {
			p := ch.prev / radix[r] % (len(words[r]) + 1)
			var parts []string
			for _, w := range words[r][p : p+ch.takes[r]] {
				parts = append(parts, w.text)
			}
			id++
			out[r][c-1] = hcell{text: strings.Join(parts, " "), id: id}
		}
		s = ch.prev
	}
	return out
}

// bracketsClosed reports whether every bracket a label opens is closed
// in it.
func bracketsClosed(label string) bool {
	depth := 0
	for _, r := range fold(label) {
		switch r {
		case '(', '[', '【':
			depth++
		case ')', ']', '】':
			depth--
		}
	}
	return depth == 0
}

// moveCost is the price of moving a header word from the column the layout
// put it in to another. Moving left costs more: squeezed Chinese text lands
// left of its column, rarely right of it.
func moveCost(from, to int) int {
	if to < from {
		return 3 * (from - to)
	}
	return to - from
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
