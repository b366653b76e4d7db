package validate

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/model"
)

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
func countColumns(t *model.Table) []model.Key {
	var ks []model.Key
	for _, col := range t.Columns {
		k := col.Key
		if k == model.Unit || slices.Contains(ks, k) {
			continue
		}
		if isCountKey(k) || (!k.IsCanonical() && countLike(t, col)) {
			ks = append(ks, k)
		}
	}
	return ks
}

func countLike(t *model.Table, col model.Column) bool {
	h := col.Header
	if !(strings.HasSuffix(h, "数") || strings.HasSuffix(h, "量") || strings.HasSuffix(h, "件")) ||
		strings.ContainsAny(h, "率比分名序时天秒") {
		return false
	}
	seen := false
	for i := range t.Rows {
		cell, ok := t.Rows[i].Cells[col.Key]
		if !ok || cell.Value == nil {
			continue
		}
		if strings.ContainsAny(cell.Text, "%％") || *cell.Value != math.Trunc(*cell.Value) {
			return false
		}
		seen = true
	}
	return seen
}

// rateColumns lists the rate columns of a table: canonical rates, and
// unrecognised columns most of whose values are printed with %.
func rateColumns(t *model.Table) []model.Key {
	var ks []model.Key
	for _, col := range t.Columns {
		k := col.Key
		if k == model.Unit || slices.Contains(ks, k) {
			continue
		}
		if k.IsRate() || (!k.IsCanonical() && percentColumn(t, k)) {
			ks = append(ks, k)
		}
	}
	return ks
}

func percentColumn(t *model.Table, k model.Key) bool {
	pct, num := 0, 0
	for i := range t.Rows {
		cell, ok := t.Rows[i].Cells[k]
		if !ok || cell.Value == nil {
			continue
		}
		num++
		if strings.ContainsAny(cell.Text, "%％") {
			pct++
		}
	}
	return pct > 0 && pct*2 >= num
}

// printedRate reads a rate cell as printed. Its precision is the cell's
// Decimals, else the digits after the point in its text, else those of its
// value's shortest form.
func printedRate(cell model.Cell) (printed, bool) {
	if cell.Value == nil || math.IsNaN(*cell.Value) || math.IsInf(*cell.Value, 0) {
		return printed{}, false
	}
	d := -1
	if cell.Decimals != nil {
		d = *cell.Decimals
	} else {
		d = decimalsIn(cell.Text)
		if d < 0 {
			d = decimalsIn(strconv.FormatFloat(*cell.Value, 'f', -1, 64))
		}
		d = max(d, 0)
	}
	return toPrinted(*cell.Value, d)
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

// definition returns the table's definition of key k (matching its base
// when the note names the metric without a group).
func definition(t *model.Table, k model.Key) (model.Definition, bool) {
	for _, d := range t.Definitions {
		if d.Key == k {
			return d, true
		}
	}
	for _, d := range t.Definitions {
		if d.Key == k.Base() {
			return d, true
		}
	}
	return model.Definition{}, false
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

// rateColumn is one rate column with what was found about it.
type rateColumn struct {
	table      int
	key        model.Key
	num, den   model.Key
	source     string
	D          int
	fits, rows int
	cells      []rateCell
	// untestable says why the column as a whole cannot be tested.
	untestable string
	grimRows   int // rows the GRIM test could test
}

// rateCell is one printed rate and what its counts allow.
type rateCell struct {
	row      int
	p        printed
	k, n     uint64
	hasK     bool
	hasN     bool
	atD, atd modeSet // numerator cells: modes that give the print at the column's precision, at the cell's own
	grimSet  modeSet // GRIM cells: modes under which some k gives the print
	grimAll  bool    // GRIM cells: every value is possible
	best     uint64  // GRIM cells: the closest whole k
}

// Thresholds of denominator inference.
const (
	// denominatorMargin is how many more rows another count must make hold
	// before it replaces the default denominator (the note's, or handled).
	denominatorMargin = 2
	// minEvidence is how many informative rows must fail, with fewer than
	// half holding, before a column's denominator is declared unprinted.
	minEvidence = 3
)

// analyseRates finds each rate column's numerator, denominator and
// precision.
func (c *checker) analyseRates(ti int) {
	t := &c.b.Tables[ti]
	counts := countColumns(t)
	for _, rk := range rateColumns(t) {
		col := &rateColumn{table: ti, key: rk}
		c.cols = append(c.cols, col)
		def, hasDef := definition(t, rk)
		if ck, ok := rk.CountKey(); ok && t.Has(ck) {
			col.num = ck
		}
		if hasDef {
			if k, ok := resolve(t, def.Numerator, rk.Group()); ok {
				col.num = k
			}
		}
		var dflt model.Key
		switch {
		case hasDef && def.Denominator != "":
			k, ok := resolve(t, def.Denominator, rk.Group())
			if !ok {
				col.untestable = fmt.Sprintf("the note %q defines it over %s, which is not printed", def.Text, def.Denominator)
				break
			}
			col.den, col.source = k, "definition"
		case rk.IsRate():
			if h, ok := defaultDenominator(t, rk); ok {
				dflt = h
			}
		}
		if col.untestable == "" && col.den == "" {
			if col.num == "" {
				// GRIM: only the default denominator is credible.
				switch {
				case dflt == "" && !rk.IsRate():
					col.untestable = "no note says what it is a rate of"
				case dflt == "":
					col.untestable = "no count column to test it against is printed"
				default:
					col.den, col.source = dflt, "default"
				}
			} else {
				c.inferDenominator(t, col, counts, dflt)
			}
		}
		c.collectCells(t, col)
		c.conventions = append(c.conventions, Convention{
			Table: ti, Column: rk, Numerator: col.num, Denominator: col.den,
			Source: col.source, Decimals: col.D, Fits: col.fits, Rows: col.rows,
		})
	}
}

// inferDenominator picks the count column that makes the most rows hold,
// keeping the default unless another beats it by denominatorMargin rows.
func (c *checker) inferDenominator(t *model.Table, col *rateColumn, counts []model.Key, dflt model.Key) {
	type cand struct {
		key        model.Key
		fits, rows int
		inf, infOK int
	}
	var cands []cand
	for _, ck := range counts {
		if ck == col.num || ck == col.key {
			continue
		}
		cd := cand{key: ck}
		for i := range t.Rows {
			row := &t.Rows[i]
			p, ok1 := printedRate(row.Cells[col.key])
			k, ok2 := cellCount(row, col.num)
			n, ok3 := cellCount(row, ck)
			if !ok1 || !ok2 || !ok3 || !k.exact() || !n.exact() || n.v == 0 {
				continue
			}
			cd.rows++
			ok := fits(uint64(k.v), uint64(n.v), p, p.Decimals) != 0
			if ok {
				cd.fits++
			}
			if k.v != 0 && k.v != n.v {
				cd.inf++
				if ok {
					cd.infOK++
				}
			}
		}
		cands = append(cands, cd)
	}
	if len(cands) == 0 {
		col.untestable = "no count column to test it against is printed"
		return
	}
	best, def := -1, -1
	for i, cd := range cands {
		if cd.key == dflt {
			def = i
		}
		if best < 0 || cd.fits > cands[best].fits ||
			(cd.fits == cands[best].fits && sameGroup(cd.key, col.key) && !sameGroup(cands[best].key, col.key)) {
			best = i
		}
	}
	chosen, source := best, "inferred"
	if def >= 0 && (cands[best].fits-cands[def].fits < denominatorMargin || cands[best].key == dflt) {
		chosen, source = def, "default"
	}
	cd := cands[chosen]
	if cd.inf >= minEvidence && cd.infOK*2 < cd.inf {
		col.untestable = fmt.Sprintf("no printed count explains it: %s/%s holds in %d of %d rows; its denominator is probably not printed",
			c.header(col.table, col.num), c.header(col.table, cd.key), cd.fits, cd.rows)
		col.fits, col.rows = cd.fits, cd.rows
		return
	}
	col.den, col.source = cd.key, source
}

func sameGroup(a, b model.Key) bool { return a.Group() == b.Group() }

// collectCells reads the column's cells and, for numerator columns, its
// precision convention: the precision (among those printed) at which the
// most rows hold, the larger on a tie.
func (c *checker) collectCells(t *model.Table, col *rateColumn) {
	var decs []int
	for i := range t.Rows {
		row := &t.Rows[i]
		p, ok := printedRate(row.Cells[col.key])
		if !ok {
			continue
		}
		rc := rateCell{row: i, p: p}
		if col.num != "" {
			if k, ok := cellCount(row, col.num); ok && k.exact() {
				rc.k, rc.hasK = uint64(k.v), true
			}
		}
		if col.den != "" {
			if n, ok := cellCount(row, col.den); ok && n.exact() {
				rc.n, rc.hasN = uint64(n.v), true
			}
		}
		if !slices.Contains(decs, p.Decimals) {
			decs = append(decs, p.Decimals)
		}
		col.cells = append(col.cells, rc)
	}
	slices.Sort(decs)
	if len(decs) > 0 {
		col.D = decs[len(decs)-1]
	}
	if col.untestable != "" || col.den == "" {
		return
	}
	if col.num == "" {
		for i := range col.cells {
			rc := &col.cells[i]
			if rc.hasN && rc.n > 0 {
				rc.grimSet, rc.best, rc.grimAll = grim(rc.n, rc.p)
			}
		}
		c.checkGRIMEvidence(col)
		return
	}
	bestD, bestFits := col.D, -1
	for _, D := range decs {
		n := 0
		for _, rc := range col.cells {
			if rc.hasK && rc.hasN && rc.n > 0 && fits(rc.k, rc.n, rc.p, D) != 0 {
				n++
			}
		}
		if n >= bestFits {
			bestD, bestFits = D, n
		}
	}
	col.D = bestD
	for i := range col.cells {
		rc := &col.cells[i]
		if rc.hasK && rc.hasN && rc.n > 0 {
			rc.atD = fits(rc.k, rc.n, rc.p, col.D)
			rc.atd = fits(rc.k, rc.n, rc.p, rc.p.Decimals)
			col.rows++
			if rc.atd != 0 || rc.atD != 0 {
				col.fits++
			}
		}
	}
}

// checkGRIMEvidence declares a GRIM column untestable unless its default
// denominator is backed by the data: a definition, or most of at least
// minEvidence testable rows holding.
func (c *checker) checkGRIMEvidence(col *rateColumn) {
	testable, ok := 0, 0
	for _, rc := range col.cells {
		if rc.hasN && rc.n > 0 && !rc.grimAll {
			testable++
			if rc.grimSet != 0 {
				ok++
			}
		}
	}
	col.rows, col.fits, col.grimRows = testable, ok, testable
	if col.source == "definition" || testable == 0 {
		return
	}
	if testable < minEvidence || ok*2 < testable {
		col.untestable = fmt.Sprintf("no %s count is printed and too few rows (%d of %d testable ones) confirm %s as its denominator",
			c.header(col.table, col.key), ok, testable, c.header(col.table, col.den))
	}
}

// inferMode picks the document's rounding mode: the one under which the
// most rates that tell the modes apart hold, half-up on a tie.
func (c *checker) inferMode() {
	var score [numModes]int
	for _, col := range c.cols {
		if col.untestable != "" {
			continue
		}
		for _, rc := range col.cells {
			s := rc.atD
			if col.num == "" {
				s = rc.grimSet
			}
			if s == 0 || s.all() {
				continue
			}
			c.evidence++
			for _, m := range Modes {
				if s.has(m) {
					score[m]++
				}
			}
		}
	}
	c.mode = HalfUp
	for _, m := range Modes {
		if score[m] > score[c.mode] {
			c.mode = m
		}
	}
	if c.cfg.hasMode {
		c.mode = c.cfg.mode
	}
}

// checkRates classifies every rate cell of every table.
func (c *checker) checkRates() {
	c.inferMode()
	for _, col := range c.cols {
		c.classify(col)
	}
}

func (c *checker) classify(col *rateColumn) {
	ti := col.table
	rh := c.header(ti, col.key)
	if col.untestable != "" {
		for _, rc := range col.cells {
			c.mark(c.cellID(ti, rc.row, col.key), stUntestable)
		}
		if len(col.cells) > 0 {
			f := c.cellFinding(Info, RateUntestable, ti, -1, col.key)
			f.Message = fmt.Sprintf("%s cannot be tested: %s", rh, col.untestable)
			c.add(f)
		}
		return
	}
	var untestable []int
	for _, rc := range col.cells {
		id := c.cellID(ti, rc.row, col.key)
		switch {
		case !rc.hasN:
			c.mark(id, stUntestable)
		case rc.n == 0:
			c.checkZeroBase(col, rc)
		case col.num == "":
			if rc.grimAll {
				c.mark(id, stUntestable)
				untestable = append(untestable, rc.row)
				continue
			}
			c.checkGRIMCell(col, rc)
		case !rc.hasK:
			c.mark(id, stUntestable)
		default:
			c.checkRateCell(col, rc)
		}
	}
	if len(untestable) > 0 {
		c.reportGRIMUntestable(col, untestable)
	}
}

// reportGRIMUntestable reports the rates of a column that the GRIM test
// cannot test, in one finding: on the row when there is one, else on the
// column.
func (c *checker) reportGRIMUntestable(col *rateColumn, rows []int) {
	ti := col.table
	t := &c.b.Tables[ti]
	rh, dh := c.header(ti, col.key), c.header(ti, col.den)
	if len(rows) == 1 {
		f := c.cellFinding(Info, RateUntestable, ti, rows[0], col.key)
		for _, rc := range col.cells {
			if rc.row == rows[0] {
				f.Message = fmt.Sprintf("%s %s cannot be tested: no count of it is printed, and over %s %d every value at %d decimals is possible (GRIM)",
					rh, f.Published, dh, rc.n, rc.p.Decimals)
			}
		}
		c.add(f)
		return
	}
	units := make([]string, 0, 5)
	for _, r := range rows[:min(len(rows), 5)] {
		units = append(units, t.Rows[r].Unit)
	}
	if len(rows) > 5 {
		units = append(units, "…")
	}
	f := c.cellFinding(Info, RateUntestable, ti, -1, col.key)
	f.Message = fmt.Sprintf("%d values of %s (%s) cannot be tested: no count of it is printed, and their %s are large enough to make every printed value possible (GRIM)",
		len(rows), rh, strings.Join(units, "、"), dh)
	c.add(f)
}

// checkZeroBase: a rate over 0 items has no value; 0% (—, /) and 100% are
// the conventions.
func (c *checker) checkZeroBase(col *rateColumn, rc rateCell) {
	id := c.cellID(col.table, rc.row, col.key)
	if rc.p.Scaled == 0 || uint64(rc.p.Scaled) == pow10[rc.p.Decimals+2] {
		c.mark(id, stConsistent)
		return
	}
	f := c.cellFinding(Error, RateMismatch, col.table, rc.row, col.key)
	f.Expected = "—"
	f.Message = fmt.Sprintf("%s %s is over %s 0: a rate of nothing is printed 0, — or 100%%",
		c.header(col.table, col.key), f.Published, c.header(col.table, col.den))
	c.add(f, id)
}

// ratio names the fraction of a rate cell: "5/6 (满意数/办理数)".
func (c *checker) ratio(col *rateColumn, k, n uint64) string {
	return fmt.Sprintf("%d/%d (%s/%s)", k, n, c.header(col.table, col.num), c.header(col.table, col.den))
}

func (c *checker) checkRateCell(col *rateColumn, rc rateCell) {
	ti, id := col.table, c.cellID(col.table, rc.row, col.key)
	rh := c.header(ti, col.key)
	expD, _ := roundRate(rc.k, rc.n, col.D, c.mode)
	expected := formatScaled(expD, col.D)
	switch {
	case rc.atD.has(c.mode):
		c.mark(id, stConsistent)
	case rc.atD != 0:
		m, _ := rc.atD.first()
		f := c.cellFinding(Warning, RateRounding, ti, rc.row, col.key)
		f.Expected = expected
		f.Message = fmt.Sprintf("%s %s holds only under %s: %s = %s under the document's %s rounding",
			rh, f.Published, m, c.ratio(col, rc.k, rc.n), expected, c.mode)
		c.add(f, id)
	case rc.atd != 0:
		f := c.cellFinding(Warning, RatePrecision, ti, rc.row, col.key)
		f.Expected = expected
		f.Message = fmt.Sprintf("%s %s holds only at %d decimals: %s = %s at the column's %d decimals",
			rh, f.Published, rc.p.Decimals, c.ratio(col, rc.k, rc.n), expected, col.D)
		c.add(f, id)
	default:
		D := max(col.D, rc.p.Decimals)
		e, _ := roundRate(rc.k, rc.n, D, c.mode)
		f := c.cellFinding(Error, RateMismatch, ti, rc.row, col.key)
		f.Expected = formatScaled(e, D)
		f.Message = fmt.Sprintf("%s %s: %s = %s; no rounding of it gives the printed value",
			rh, f.Published, c.ratio(col, rc.k, rc.n), f.Expected)
		f.Hint = c.rateHint(col, rc)
		c.add(f, id)
	}
}

func (c *checker) checkGRIMCell(col *rateColumn, rc rateCell) {
	ti, id := col.table, c.cellID(col.table, rc.row, col.key)
	rh, dh := c.header(ti, col.key), c.header(ti, col.den)
	switch {
	case rc.grimSet.has(c.mode):
		c.mark(id, stConsistent)
	case rc.grimSet != 0:
		m, _ := rc.grimSet.first()
		f := c.cellFinding(Warning, RateRounding, ti, rc.row, col.key)
		e, _ := roundRate(rc.best, rc.n, rc.p.Decimals, c.mode)
		f.Expected = formatScaled(e, rc.p.Decimals)
		f.Message = fmt.Sprintf("%s %s over %s %d holds only under %s, not under the document's %s rounding (GRIM: no %s count is printed)",
			rh, f.Published, dh, rc.n, m, c.mode, rh)
		c.add(f, id)
	default:
		e, _ := roundRate(rc.best, rc.n, rc.p.Decimals, c.mode)
		f := c.cellFinding(Error, RateMismatch, ti, rc.row, col.key)
		f.Expected = formatScaled(e, rc.p.Decimals)
		f.Message = fmt.Sprintf("%s %s: no whole number of %d %s gives it (GRIM); the nearest is %d/%d = %s",
			rh, f.Published, rc.n, dh, rc.best, rc.n, f.Expected)
		f.Hint = digitHint(f.Published, f.Expected)
		c.add(f, id)
	}
}
