package validate

import (
	"math"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Every family of table rules reads the same cells. A table's cells are
// read from their maps once, into a grid by column of what the rules ask
// of a cell (cellFact); a column's counts and rates are worked out from
// the grid on first use. The checker keeps the grid of one table at a
// time, so what it holds grows with the largest table, not with the
// document.

// cellFact is what the rules ask of one table cell, read once.
type cellFact struct {
	value float64
	flags cellFlags
	// dec is the cell's Decimals when factDecimals is set, clamped to
	// [-128, 127]: every precision out of [0, maxDecimals] reads alike.
	dec int8
	// textDec is the number of digits after the point of the first number
	// in the text of a cell with a value and no Decimals (-1: no digit),
	// clamped like dec.
	textDec int8
}

// cellFlags say what a cell's text and fields hold.
type cellFlags uint16

const (
	factPresent  cellFlags = 1 << iota // the row has the cell
	factValue                          // it states a number
	factDecimals                       // its Decimals is set
	factPercent                        // its text has a percent sign
	factWan                            // its text has 万
	factYi                             // its text has 亿
	// factCountStray: a mark inside the number (white space, ` or ').
	factCountStray
	// factTwoNumbers: the text holds two numbers (two cells read as one).
	factTwoNumbers
	// The rate oddity of the text (rateOddity), at most one of them.
	factNoPercent
	factDoubledPercent
	factRateStray
)

func (f cellFact) has(fl cellFlags) bool { return f.flags&fl != 0 }

// valued reports whether the cell is printed and states a number.
func (f cellFact) valued() bool { return f.flags&(factPresent|factValue) == factPresent|factValue }

// strayMarks are the marks that do not belong inside a printed number.
const strayMarks = " `'\u00a0\u3000"

// readFact reads what the rules ask of a cell.
func readFact(cell *model.Cell) cellFact {
	f := cellFact{flags: factPresent, textDec: -1}
	if cell.Value != nil {
		f.flags |= factValue
		f.value = *cell.Value
	}
	if cell.Decimals != nil {
		f.flags |= factDecimals
		f.dec = clampInt8(*cell.Decimals)
	}
	text := cell.Text
	if percents, decimals, ok := scanPlainNumber(text); ok {
		// Digits, points, commas, signs and percent signs only: no 万 or
		// 亿, no white space or stray mark; only the percent signs tell.
		switch percents {
		case 0:
			f.flags |= factNoPercent
		case 1:
			f.flags |= factPercent
		default:
			f.flags |= factPercent | factDoubledPercent
		}
		if f.wantsTextDecimals() {
			f.textDec = clampInt8(decimals)
		}
		return f
	}
	return f.readText(text)
}

// wantsTextDecimals reports whether a rate read from the cell takes its
// precision from its text: it has a value and no Decimals.
func (f cellFact) wantsTextDecimals() bool {
	return f.has(factValue) && !f.has(factDecimals)
}

// readText adds what a cell's text says to its facts, for any text.
func (f cellFact) readText(text string) cellFact {
	if f.wantsTextDecimals() {
		f.textDec = clampInt8(decimalsIn(text))
	}
	if strings.ContainsAny(text, "%％") {
		f.flags |= factPercent
	}
	if strings.Contains(text, vocab.Wan) {
		f.flags |= factWan
	}
	if strings.Contains(text, vocab.Yi) {
		f.flags |= factYi
	}
	if strings.ContainsAny(strings.TrimSpace(text), strayMarks) {
		f.flags |= factCountStray
	}
	if strings.ContainsAny(text, " \t\u3000\u00a0") && twoNumbers.MatchString(text) {
		f.flags |= factTwoNumbers
	}
	switch rateOddity(text) {
	case noPercent:
		f.flags |= factNoPercent
	case doubledPercent:
		f.flags |= factDoubledPercent
	case strayInNumber:
		f.flags |= factRateStray
	}
	return f
}

// scanPlainNumber reads a text made only of ASCII digits, points, commas,
// signs and percent signs, as nearly every cell is: how many percent signs
// it has and the digits after the point of its first number (decimalsIn).
// ok is false for any other text.
func scanPlainNumber(s string) (percents, decimals int, ok bool) {
	const (
		before   = iota // no digit yet
		integer         // in the first number's integer digits
		fraction        // in its digits after the point
		after           // past the first number
	)
	state, decimals := before, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			switch state {
			case before:
				state, decimals = integer, 0
			case fraction:
				decimals++
			}
		case c == '.':
			switch state {
			case integer:
				state = fraction
			case fraction:
				state = after
			}
		case c == ',' || c == '+' || c == '-' || c == '%':
			if c == '%' {
				percents++
			}
			if state != before {
				state = after
			}
		default:
			return 0, 0, false
		}
	}
	return percents, decimals, true
}

func clampInt8(v int) int8 {
	return int8(min(max(v, math.MinInt8), math.MaxInt8))
}

// count reads the cell as a count, as cellCount does: a percentage is no
// count.
func (f cellFact) count() (count, bool) {
	if !f.valued() || f.has(factPercent) {
		return count{}, false
	}
	var scale int64
	switch {
	case f.has(factWan):
		scale = 1e4
	case f.has(factYi):
		scale = 1e8
	}
	d := 0
	if f.has(factDecimals) {
		d = int(f.dec)
	}
	return scaledCount(f.value, scale, d)
}

// rate reads the cell as a printed rate, as printedRate does.
func (f cellFact) rate() (printed, bool) {
	if !f.valued() || math.IsNaN(f.value) || math.IsInf(f.value, 0) {
		return printed{}, false
	}
	var d int
	if f.has(factDecimals) {
		d = int(f.dec)
	} else {
		d = int(f.textDec)
		if d < 0 {
			d = decimalsIn(strconv.FormatFloat(f.value, 'f', -1, 64))
		}
		d = max(d, 0)
	}
	return toPrinted(f.value, d)
}

// colValues is one column's values by row; has[ri] is false where row ri
// has none.
type colValues[T any] struct {
	v   []T
	has []bool
}

// colCounts is one column's counts by row.
type colCounts = colValues[count]

// colRates is one column's printed rates by row.
type colRates = colValues[printed]

// tableCells is the grid of one table's cells, by column slot (see
// checker.slot).
type tableCells struct {
	table int // -1: none read
	// facts are the cells by slot, then row; nil for a slot not read.
	facts [][]cellFact
	// counts and rates are the slot's values by row, once asked for.
	counts []*colCounts
	rates  []*colRates
}

// load reads table ti's cells into the grid, unless they are there. A
// column none of whose rows has a cell shares one empty column, so that a
// wide header over few cells costs no more than its cells.
func (c *checker) load(ti int) *tableCells {
	g := &c.cells
	if g.table == ti {
		return g
	}
	t := &c.b.Tables[ti]
	n, rows := len(t.Columns), len(t.Rows)
	g.table = ti
	g.facts = resize(g.facts, n)
	g.counts = resize(g.counts, n)
	g.rates = resize(g.rates, n)
	// The columns read: those that hold their key's cells (the first of
	// a key printed twice), but the unit's, which rows print apart.
	first := make([]bool, n)
	for j, col := range t.Columns {
		first[j] = col.Key != model.Unit && c.slot(ti, col.Key) == j
	}
	for ri := range t.Rows {
		cells := t.Rows[ri].Cells
		if len(cells) == 0 {
			continue
		}
		for j, col := range t.Columns {
			if !first[j] {
				continue
			}
			if cell, ok := cells[col.Key]; ok {
				if g.facts[j] == nil {
					g.facts[j] = make([]cellFact, rows)
				}
				g.facts[j][ri] = readFact(&cell)
			}
		}
	}
	var empty []cellFact
	for j := range t.Columns {
		if first[j] && g.facts[j] == nil {
			if empty == nil {
				empty = make([]cellFact, rows)
			}
			g.facts[j] = empty
		}
	}
	return g
}

// resize returns s cleared with length n, reusing its array.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	clear(s[:cap(s)])
	return s[:n]
}

// release lets the grid's values go.
func (g *tableCells) release() {
	g.table = -1
	clear(g.facts)
	clear(g.counts)
	clear(g.rates)
	g.facts, g.counts, g.rates = g.facts[:0], g.counts[:0], g.rates[:0]
}

// slot returns the grid slot of key k in table ti: the index of its
// column (the first, for a key printed twice), or for a cell outside the
// header a number after the columns, the same for the whole check.
func (c *checker) slot(ti int, k model.Key) int {
	info := &c.tabs[ti]
	if info.slots == nil {
		t := &c.b.Tables[ti]
		info.slots = make(map[model.Key]int, len(t.Columns))
		for j, col := range t.Columns {
			if _, ok := info.slots[col.Key]; !ok {
				info.slots[col.Key] = j
			}
		}
	}
	s, ok := info.slots[k]
	if !ok {
		s = len(c.b.Tables[ti].Columns) + info.extraKeys
		info.extraKeys++
		info.slots[k] = s
	}
	return s
}

// column returns the facts of key k in table ti by row.
func (c *checker) column(ti int, k model.Key) []cellFact {
	return c.columnAt(ti, c.slot(ti, k), k)
}

// columnAt returns the facts of key k, in slot s of table ti, by row,
// reading a column outside the header from the rows' maps.
func (c *checker) columnAt(ti, s int, k model.Key) []cellFact {
	g := c.load(ti)
	if s >= len(g.facts) {
		g.facts = append(g.facts, make([][]cellFact, s+1-len(g.facts))...)
		g.counts = append(g.counts, make([]*colCounts, s+1-len(g.counts))...)
		g.rates = append(g.rates, make([]*colRates, s+1-len(g.rates))...)
	}
	if g.facts[s] == nil {
		t := &c.b.Tables[ti]
		fs := make([]cellFact, len(t.Rows))
		for ri := range t.Rows {
			if cell, ok := t.Rows[ri].Cells[k]; ok {
				fs[ri] = readFact(&cell)
			}
		}
		g.facts[s] = fs
	}
	return g.facts[s]
}

// counts returns the counts of column k of table ti, by row.
func (c *checker) counts(ti int, k model.Key) *colCounts {
	s := c.slot(ti, k)
	fs := c.columnAt(ti, s, k) // first: it grows the caches to slot s
	return cachedValues(c.cells.counts, s, fs, cellFact.count)
}

// rates returns the printed rates of column k of table ti, by row.
func (c *checker) rates(ti int, k model.Key) *colRates {
	s := c.slot(ti, k)
	fs := c.columnAt(ti, s, k) // first: it grows the caches to slot s
	return cachedValues(c.cells.rates, s, fs, cellFact.rate)
}

// cachedValues returns cache[s], reading it from the column's cells with
// read the first time it is asked for.
func cachedValues[T any](cache []*colValues[T], s int, fs []cellFact, read func(cellFact) (T, bool)) *colValues[T] {
	if v := cache[s]; v != nil {
		return v
	}
	v := &colValues[T]{v: make([]T, len(fs)), has: make([]bool, len(fs))}
	for ri := range fs {
		v.v[ri], v.has[ri] = read(fs[ri])
	}
	cache[s] = v
	return v
}

// countAt returns the count of row ri under key k in table ti.
func (c *checker) countAt(ti, ri int, k model.Key) (count, bool) {
	v := c.counts(ti, k)
	return v.v[ri], v.has[ri]
}

// sumCols is the columns of a sum, read once.
type sumCols []*colCounts

func (c *checker) sumCols(ti int, keys []model.Key) sumCols {
	cs := make(sumCols, len(keys))
	for i, k := range keys {
		cs[i] = c.counts(ti, k)
	}
	return cs
}

// at adds the counts of row ri, with their tolerances; ok is false when
// one is missing.
func (cs sumCols) at(ri int) (sum, tol int64, ok bool) {
	for _, col := range cs {
		if !col.has[ri] {
			return 0, 0, false
		}
		sum += col.v[ri].v
		tol += col.v[ri].tol
	}
	return sum, tol, true
}

// exactAt adds the counts of row ri when all are exact.
func (cs sumCols) exactAt(ri int) (int64, bool) {
	sum, tol, ok := cs.at(ri)
	return sum, ok && tol == 0
}
