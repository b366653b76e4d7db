package validate

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// tableInfo is what every family needs to know about a table's columns,
// worked out once per table.
type tableInfo struct {
	counts []model.Key // count columns
	rates  []model.Key // rate columns
	// defs are the definitions that apply to the table: its own notes',
	// then those of other tables' notes for a metric this table prints
	// under the same header and does not define itself.
	defs []tableDef
	// doubt says why the table's reading is in doubt ("" if it is not):
	// its findings are then warnings.
	doubt string
	// cols are the table's rate columns with what the analysis found.
	cols []*rateColumn
	// slots are the grid slots of the keys asked for (slot), extraKeys
	// the number of them outside the header.
	slots     map[model.Key]int
	extraKeys int
	// status is what is known of each published value of the table, by
	// slot and row, while the table is checked; it is counted into the
	// summary when the table is done.
	status [][]status
}

// tableDef is a definition with the note it was read from.
type tableDef struct {
	model.Definition
	table int // the table whose note it is
	note  int // index in that table's Notes, -1 if not found
}

// support starts the evidence a definition gives a relation of table ti.
func (c *checker) noteSupport(d tableDef, ti int) support {
	return support{src: byNote, what: c.where(d, ti), inherited: d.table != ti}
}

// where names the note a definition was read from, for a basis: "note 2
// under 附件1 “满意率＝满意数÷回访数”".
func (c *checker) where(d tableDef, ti int) string {
	t := &c.b.Tables[d.table]
	s := "the note"
	if d.note >= 0 && len(t.Notes) > 1 {
		s = fmt.Sprintf("note %d", d.note+1)
	}
	if d.table != ti {
		s += " under " + cmpLabel(t, d.table)
	}
	text := d.Text
	if r := []rune(text); len(r) > 40 {
		text = string(r[:40]) + "…"
	}
	return fmt.Sprintf("%s “%s”", s, text)
}

// prepareTables collects the definitions that apply to each table.
func (c *checker) prepareTables() {
	for ti := range c.b.Tables {
		t := &c.b.Tables[ti]
		info := &c.tabs[ti]
		for _, d := range t.Definitions {
			info.defs = append(info.defs, tableDef{d, ti, noteIndex(t, d.Text)})
		}
	}
	// Notes printed once, under one table, for tables of the same layout.
	for ti := range c.b.Tables {
		t := &c.b.Tables[ti]
		own := slices.Clone(c.tabs[ti].defs)
		for tj := range c.b.Tables {
			if tj == ti {
				continue
			}
			u := &c.b.Tables[tj]
			for _, d := range u.Definitions {
				k, ok := definedColumn(t, d.Key)
				if !ok || slices.ContainsFunc(own, func(o tableDef) bool { return o.Key == d.Key }) {
					continue
				}
				if ku, ok := definedColumn(u, d.Key); !ok || u.HeaderOf(ku) != t.HeaderOf(k) {
					continue
				}
				if slices.ContainsFunc(c.tabs[ti].defs, func(o tableDef) bool { return o.Key == d.Key }) {
					continue
				}
				c.tabs[ti].defs = append(c.tabs[ti].defs, tableDef{d, tj, noteIndex(u, d.Text)})
			}
		}
	}
}

// readColumns finds a table's count and rate columns and whether its
// reading is in doubt.
func (c *checker) readColumns(ti int) {
	info := &c.tabs[ti]
	info.counts = c.countColumns(ti)
	info.rates = c.rateColumns(ti)
	info.doubt = c.structureDoubt(ti)
}

// definedColumn returns the column of a table a definition's key is about:
// the key itself, or the count of a rate key ("excellent" for a note
// defining 优秀 under the key excellence_rate).
func definedColumn(t *model.Table, k model.Key) (model.Key, bool) {
	if t.Has(k) {
		return k, true
	}
	if ck, ok := k.CountKey(); ok && t.Has(ck) {
		return ck, true
	}
	if rk, ok := k.RateKey(); ok && t.Has(rk) {
		return rk, true
	}
	return "", false
}

func noteIndex(t *model.Table, text string) int {
	for i, n := range t.Notes {
		if n == text || (text != "" && strings.Contains(n, text)) {
			return i
		}
	}
	return -1
}

// countKeys are the canonical counts: the columns a rate can be over.
var countKeys = []model.Key{
	model.Handled, model.OnTime, model.Satisfied, model.Excellent, model.Resolved,
	model.Replied, model.Visited, model.Closed, model.Overdue, model.Open,
	model.Dissatisfied,
}

// isCountKey reports whether k is a canonical count, in any group.
func isCountKey(k model.Key) bool { return slices.Contains(countKeys, k.Base()) }

// countColumns lists the count columns of a table: canonical counts, and
// unrecognised columns whose header names a number of items (…数, …量) and
// whose cells are all whole numbers printed without %.
func (c *checker) countColumns(ti int) []model.Key {
	return c.columnsWhere(ti, func(col model.Column) bool {
		k := col.Key
		return isCountKey(k) || (!k.IsCanonical() && countHeader(col.Header) && countCells(c.column(ti, k)))
	})
}

// columnsWhere lists the keys of the columns of table ti that keep says
// yes to, each once, leaving out the unit column.
func (c *checker) columnsWhere(ti int, keep func(model.Column) bool) []model.Key {
	var ks []model.Key
	for _, col := range c.b.Tables[ti].Columns {
		if col.Key == model.Unit || slices.Contains(ks, col.Key) {
			continue
		}
		if keep(col) {
			ks = append(ks, col.Key)
		}
	}
	return ks
}

// countHeader reports whether a header names a number of items.
func countHeader(h string) bool {
	if i := strings.LastIndexByte(h, '/'); i >= 0 {
		h = h[i+1:]
	}
	return vocab.IsCountHeader(h)
}

// countCells reports whether a column's cells are all whole numbers
// printed without %, and one at least is printed.
func countCells(fs []cellFact) bool {
	seen := false
	for _, f := range fs {
		if !f.valued() {
			continue
		}
		if f.has(factPercent) || f.value != math.Trunc(f.value) || f.value < 0 {
			return false
		}
		seen = true
	}
	return seen
}

// rateColumns lists the rate columns of a table: canonical rates, and
// unrecognised columns most of whose values are printed with %.
func (c *checker) rateColumns(ti int) []model.Key {
	return c.columnsWhere(ti, func(col model.Column) bool {
		k := col.Key
		return k.IsRate() || (!k.IsCanonical() && percentColumn(c.column(ti, k)))
	})
}

// percentColumn reports whether most of a column's values (half at
// least) are printed with %.
func percentColumn(fs []cellFact) bool {
	pct, num := 0, 0
	for _, f := range fs {
		if !f.valued() {
			continue
		}
		num++
		if f.has(factPercent) {
			pct++
		}
	}
	return pct > 0 && pct*2 >= num
}

// printedRate reads a rate cell as printed. Its precision is the cell's
// Decimals, else the digits after the point in its text, else those of its
// value's shortest form.
func printedRate(cell model.Cell) (printed, bool) {
	return readFact(&cell).rate()
}

// toPrinted scales a printed value to its last digit, when it is within
// the range the exact arithmetic handles.
func toPrinted(v float64, d int) (printed, bool) {
	if d < 0 || d > maxDecimals || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v)*math.Pow10(d) > 1e15 {
		return printed{}, false
	}
	return printed{scaledOf(v, d), d}, true
}

// decimalsIn counts the digits after the first point of the first number
// in s, or returns -1 when s has no digit.
func decimalsIn(s string) int {
	start := strings.IndexFunc(s, isDigit)
	if start < 0 {
		return -1
	}
	s = s[start:]
	i := 0
	for i < len(s) && isDigit(rune(s[i])) {
		i++
	}
	if i >= len(s) || s[i] != '.' {
		return 0
	}
	j := i + 1
	for j < len(s) && isDigit(rune(s[j])) {
		j++
	}
	return j - i - 1
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// definition returns the definition of key k that applies to table ti
// (matching its base when the note names the metric without a group).
func (c *checker) definition(ti int, k model.Key) (tableDef, bool) {
	defs := c.tabs[ti].defs
	for _, d := range defs {
		if d.Key == k {
			return d, true
		}
	}
	for _, d := range defs {
		if d.Key == k.Base() {
			return d, true
		}
	}
	return tableDef{}, false
}

// resolve finds the column a definition's key names in a table: the key
// itself, or the key in the group of the rate it defines.
func resolve(t *model.Table, k model.Key, group string) (model.Key, bool) {
	if k == "" {
		return "", false
	}
	if group != "" {
		if g := model.Key(group + "/" + string(k.Base())); t.Has(g) {
			return g, true
		}
	}
	if t.Has(k) {
		return k, true
	}
	return "", false
}

// defaultDenominator returns the count a rate is over unless a note or the
// data say otherwise: the visited (回访) count for satisfaction and
// dissatisfaction rates when one is printed, since satisfaction is asked
// of the citizens called back; else the handled count. Counts of the rate's
// own group are preferred to ungrouped ones.
func defaultDenominator(t *model.Table, k model.Key) (model.Key, bool) {
	var bases []model.Key
	switch k.Base() {
	case model.SatisfactionRate, model.DissatisfactionRate:
		bases = []model.Key{model.Visited, model.Handled}
	default:
		bases = []model.Key{model.Handled}
	}
	for _, b := range bases {
		if g := k.Group(); g != "" {
			if h := model.Key(g + "/" + string(b)); t.Has(h) {
				return h, true
			}
		}
		if t.Has(b) {
			return b, true
		}
	}
	return "", false
}

func withGroup(g string, k model.Key) string {
	if g == "" {
		return string(k)
	}
	return g + "/" + string(k)
}

func sameGroup(a, b model.Key) bool { return a.Group() == b.Group() }

// joinHeaders prints keys by their headers: "按期办结数+超期数".
func (c *checker) joinHeaders(ti int, keys []model.Key, sep string) string {
	hs := make([]string, len(keys))
	for i, k := range keys {
		hs[i] = c.header(ti, k)
	}
	return strings.Join(hs, sep)
}
