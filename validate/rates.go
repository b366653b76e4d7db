package validate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hotline12345/bulletin/model"
)

// The rates family: every rate column of every table against its counts.
//
// A rate column's numerator is the count its header pairs it with
// (按时办结数 for 按时办结率) or the one a note defines; failing both, the
// count or the sum of two counts of its group that gives the printed rate
// on all other rows ("办结率＝（按期办结数＋超期数）÷交办数"). Its
// denominator is the note's, else the default (handled, visited for
// satisfaction) unless another count makes clearly more rows hold; a rate
// column whose header names no base ("快速办结率(≥80%达标)") takes the count
// column over which every other row's rate is exactly k/count. With no
// numerator printed the GRIM test is used.

// rateColumn is one rate column with what was found about it.
type rateColumn struct {
	table int
	key   model.Key
	// nums are the counts whose sum is the numerator (one, or two for a
	// defined or inferred sum); nil when none is printed (GRIM).
	nums []model.Key
	den  model.Key
	// source says where the denominator came from: "definition",
	// "default", "inferred" or "".
	source string
	// numSource says where the numerator came from: "header" (the rate's
	// own count), "definition" or "inferred".
	numSource string
	def       *tableDef
	D         int
	fits      int
	rows      int
	cells     []rateCell
	// sup is the evidence for the relation: what decides the severity of
	// a cell that breaks it.
	sup support
	// untestable says why the column as a whole cannot be tested.
	untestable string
	grimRows   int // rows the GRIM test could test
	// relation names the relation the column is checked against, with
	// its basis (rateRelation), for a testable column; fraction names its
	// counts by their headers ("满意数/办理数"), once a finding needs them.
	relation, fraction string
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
}

// Thresholds of denominator inference.
const (
	// denominatorMargin is how many more rows another count must make hold
	// before it replaces the default denominator (the note's, or handled).
	denominatorMargin = 2
	// minInferred is the number of rows a numerator no header or note
	// names must hold on before it is taken.
	minInferred = 5
	// maxInferenceColumns bounds the count columns of a group a numerator
	// or a base is looked for among.
	maxInferenceColumns = 16
	// inferenceSample bounds the rows a candidate numerator or base is
	// tried on before the chosen one is checked on every row.
	inferenceSample = 48
)

// analyseTableRates finds each rate column's numerator, denominator and
// precision in table ti, and counts the rates that tell the rounding modes
// apart.
func (c *checker) analyseTableRates(ti int) {
	t := &c.b.Tables[ti]
	counts := c.tabs[ti].counts
	for _, rk := range c.tabs[ti].rates {
		col := &rateColumn{table: ti, key: rk}
		c.tabs[ti].cols = append(c.tabs[ti].cols, col)
		def, hasDef := c.definition(ti, rk)
		if hasDef {
			col.def = &def
		}
		if ck, ok := rk.CountKey(); ok && t.Has(ck) {
			col.nums, col.numSource = []model.Key{ck}, "header"
		}
		if hasDef {
			if k, ok := resolve(t, def.Numerator, rk.Group()); ok {
				col.nums, col.numSource = []model.Key{k}, "definition"
			}
		}
		var dflt model.Key
		switch {
		case hasDef && def.Denominator != "":
			k, ok := resolve(t, def.Denominator, rk.Group())
			if !ok {
				col.untestable = fmt.Sprintf("the note “%s” defines it over %s, which is not printed", def.Text, def.Denominator)
				break
			}
			col.den, col.source = k, "definition"
		case rk.IsRate():
			if h, ok := defaultDenominator(t, rk); ok {
				dflt = h
			}
		}
		switch {
		case col.untestable != "":
		case col.nums != nil && col.den == "":
			c.inferDenominator(t, col, counts, dflt)
		case col.nums == nil && col.den != "":
			c.inferNumerator(t, col, counts, []model.Key{col.den})
		case col.nums == nil && dflt != "":
			col.den, col.source = dflt, "default"
			c.inferNumerator(t, col, counts, []model.Key{dflt})
		case col.nums == nil:
			// No count is named: the numerator and base the other rows
			// show, else the base over which every rate is some k/n.
			cs := counts[:min(len(counts), maxInferenceColumns)]
			if !c.inferNumerator(t, col, counts, cs) && !c.inferGRIMBase(t, col, cs) {
				if col.untestable == "" {
					col.untestable = "no note says what it is a rate of, and no printed count explains it"
					if len(counts) == 0 {
						col.untestable = "no count column to test it against is printed"
					}
				}
			}
		}
		c.collectCells(col)
		if den := cmp.Or(col.den, dflt); col.untestable != "" && col.numSource == "header" && den != "" &&
			c.inferNumeratorFrom(t, col, withUnnamedPart(col.nums[0], counts), []model.Key{den}) {
			// Its own count fails on the rows, its own count and an
			// unnamed one beside it hold: 满意率 = (满意数 + 基本满意数)/回访数.
			col.untestable, col.cells, col.sup, col.fits, col.rows = "", nil, support{}, 0, 0
			c.collectCells(col)
		}
		cv := Convention{
			Table: ti, Column: rk, Kind: "rate", Denominator: col.den,
			Source: col.source, Decimals: col.D, Fits: col.fits, Rows: col.rows,
		}
		switch len(col.nums) {
		case 1:
			cv.Numerator = col.nums[0]
		case 0:
		default:
			cv.NumeratorParts = slices.Clone(col.nums)
		}
		if col.untestable == "" && col.den != "" {
			col.relation = c.rateRelation(col)
			cv.Basis = col.relation
			for _, rc := range col.cells {
				if col.nums == nil {
					c.countModes(rc.grimSet)
				} else {
					c.countModes(rc.atD)
				}
			}
		}
		c.conventions = append(c.conventions, cv)
	}
}

// inferDenominator picks the count column that makes the most rows hold,
// keeping the default unless another beats it by denominatorMargin rows.
func (c *checker) inferDenominator(t *model.Table, col *rateColumn, counts []model.Key, dflt model.Key) {
	type cand struct {
		key        model.Key
		dens       *colCounts
		fits, rows int
		inf, infOK int
	}
	var cands []cand
	for _, ck := range counts {
		if slices.Contains(col.nums, ck) || ck == col.key {
			continue
		}
		cands = append(cands, cand{key: ck, dens: c.counts(col.table, ck)})
	}
	rs := c.rates(col.table, col.key)
	nums := c.sumCols(col.table, col.nums)
	for i := range t.Rows {
		p, ok1 := rs.v[i], rs.has[i]
		k, ok2 := nums.exactAt(i)
		if !ok1 || !ok2 {
			continue
		}
		for j := range cands {
			cd := &cands[j]
			n, ok3 := cd.dens.v[i], cd.dens.has[i]
			if !ok3 || !n.exact() || n.v == 0 {
				continue
			}
			cd.rows++
			ok := fits(uint64(k), uint64(n.v), p, p.Decimals) != 0
			if ok {
				cd.fits++
			}
			if k != 0 && k != n.v {
				cd.inf++
				if ok {
					cd.infOK++
				}
			}
		}
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
			c.joinHeaders(col.table, col.nums, "+"), c.header(col.table, cd.key), cd.fits, cd.rows)
		col.fits, col.rows = cd.fits, cd.rows
		return
	}
	col.den, col.source = cd.key, source
}

// numeratorCandidates lists what a rate's numerator may be when its own
// count is not printed. A canonical rate takes only a sum its meaning
// allows: the closed items are those closed on time and those closed late
// (按期办结数 + 超期办结数, or an unrecognised count of the group beside
// the on-time count); a count merely equal to the missing one on most rows
// (优秀数 for 满意数) is not taken. A rate whose header names nothing
// takes any count of its group, or the sum of two.
func numeratorCandidates(rk model.Key, counts []model.Key) [][]model.Key {
	var group []model.Key
	for _, k := range counts {
		if k.Group() == rk.Group() && len(group) < maxInferenceColumns {
			group = append(group, k)
		}
	}
	var out [][]model.Key
	if rk.IsRate() {
		if rk.Base() != model.ClosureRate {
			return nil
		}
		onTime := model.Key(withGroup(rk.Group(), model.OnTime))
		if !slices.Contains(group, onTime) {
			return nil
		}
		for _, k := range group {
			if k.Base() == model.Overdue || !k.IsCanonical() {
				out = append(out, []model.Key{onTime, k})
			}
		}
		return out
	}
	for _, k := range group {
		out = append(out, []model.Key{k})
	}
	for i := range group {
		for j := i + 1; j < len(group); j++ {
			out = append(out, []model.Key{group[i], group[j]})
		}
	}
	return out
}

// withUnnamedPart lists the sums of a rate's own count and a count of its
// group that no header names as a metric (基本满意数 beside 满意数): the
// numerators a rate may have when its own count alone does not give it.
func withUnnamedPart(own model.Key, counts []model.Key) [][]model.Key {
	var out [][]model.Key
	for _, k := range counts {
		if k != own && k.Group() == own.Group() && !k.IsCanonical() && len(out) < maxInferenceColumns {
			out = append(out, []model.Key{own, k})
		}
	}
	return out
}

// inferNumerator looks for the numerator (and, among dens, the base) that
// the rows establish: on a sample of the rows that can tell (0 < k < n),
// the candidate that holds on the most, when it holds on all but at most
// one in ten of them. It reports whether one was found.
func (c *checker) inferNumerator(t *model.Table, col *rateColumn, counts, dens []model.Key) bool {
	return c.inferNumeratorFrom(t, col, numeratorCandidates(col.key, counts), dens)
}

// inferNumeratorFrom is inferNumerator over the given candidate numerators.
func (c *checker) inferNumeratorFrom(t *model.Table, col *rateColumn, candidates [][]model.Key, dens []model.Key) bool {
	type cand struct {
		nums []model.Key
		den  model.Key
		sup  support
	}
	var best *cand
	var ambiguous bool
	rs := c.rates(col.table, col.key)
	for _, den := range dens {
		dc := c.counts(col.table, den)
		for _, nums := range candidates {
			if slices.Contains(nums, den) {
				continue
			}
			nc := c.sumCols(col.table, nums)
			s := support{src: byData}
			for i := 0; i < len(t.Rows) && s.tested < inferenceSample; i++ {
				p, ok1 := rs.v[i], rs.has[i]
				k, ok2 := nc.exactAt(i)
				n, ok3 := dc.v[i], dc.has[i]
				if !ok1 || !ok2 || !ok3 || !n.exact() || n.v == 0 || k == 0 || k == n.v {
					continue
				}
				s.tested++
				if k < n.v && fits(uint64(k), uint64(n.v), p, p.Decimals) != 0 {
					s.holds++
				}
				if s.fails() > max(2, inferenceSample/failDivisor) {
					break
				}
			}
			if !s.established() || s.holds < minInferred {
				continue
			}
			switch {
			case best == nil || s.holds > best.sup.holds:
				best, ambiguous = &cand{nums, den, s}, false
			case s.holds == best.sup.holds && len(nums) == len(best.nums):
				ambiguous = true
			}
		}
	}
	if best == nil || ambiguous {
		return false
	}
	col.nums, col.numSource = best.nums, "inferred"
	if col.den == "" || col.den != best.den {
		col.den, col.source = best.den, "inferred"
	}
	return true
}

// inferGRIMBase finds the base of a rate column whose header names none
// and whose count is not printed: the count column over which every other
// row's rate is exactly some k/count. Rows whose base is so large that
// most values are reachable do not count as evidence.
func (c *checker) inferGRIMBase(t *model.Table, col *rateColumn, counts []model.Key) bool {
	var best model.Key
	var bestSup support
	ambiguous := false
	rs := c.rates(col.table, col.key)
	for _, den := range counts {
		s := support{src: byData}
		dc := c.counts(col.table, den)
		for i := 0; i < len(t.Rows) && s.tested < inferenceSample; i++ {
			p, ok1 := rs.v[i], rs.has[i]
			n, ok2 := dc.v[i], dc.has[i]
			if !ok1 || !ok2 || !n.exact() || n.v == 0 || p.Decimals > maxDecimals-2 {
				continue
			}
			set, _, all := grim(uint64(n.v), p)
			if all {
				continue
			}
			telling := uint64(n.v)*likelyDivisor <= pow10[p.Decimals+2] && p.Scaled > 0 && uint64(p.Scaled) < pow10[p.Decimals+2]
			switch {
			case set == 0:
				s.tested++
			case telling:
				s.tested++
				s.holds++
			}
		}
		if !s.established() {
			continue
		}
		switch {
		case best == "" || s.holds > bestSup.holds:
			best, bestSup, ambiguous = den, s, false
		case s.holds == bestSup.holds:
			ambiguous = true
		}
	}
	if best == "" {
		return false
	}
	if ambiguous {
		col.untestable = "several count columns could be its base"
		return false
	}
	col.den, col.source = best, "inferred"
	return true
}

// readRateCells reads a rate column's printed rates with their counts,
// and the precisions they are printed at, in increasing order.
func (c *checker) readRateCells(col *rateColumn) (cells []rateCell, decs []int) {
	t := &c.b.Tables[col.table]
	rs := c.rates(col.table, col.key)
	nums := c.sumCols(col.table, col.nums)
	var dens *colCounts
	if col.den != "" {
		dens = c.counts(col.table, col.den)
	}
	cells = make([]rateCell, 0, len(t.Rows))
	for i := range t.Rows {
		p, ok := rs.v[i], rs.has[i]
		if !ok {
			continue
		}
		rc := rateCell{row: i, p: p}
		if col.nums != nil {
			if k, ok := nums.exactAt(i); ok {
				rc.k, rc.hasK = uint64(k), true
			}
		}
		if dens != nil {
			if n := dens.v[i]; dens.has[i] && n.exact() {
				rc.n, rc.hasN = uint64(n.v), true
			}
		}
		if !slices.Contains(decs, p.Decimals) {
			decs = append(decs, p.Decimals)
		}
		cells = append(cells, rc)
	}
	slices.Sort(decs)
	return cells, decs
}

// fitCells works out what the rounding allows of each cell whose counts
// are printed: under which modes they give the printed rate at the
// column's precision and at the cell's own (a rate with its numerator),
// or under which modes some whole numerator does (GRIM).
func (col *rateColumn) fitCells() {
	for i := range col.cells {
		rc := &col.cells[i]
		switch {
		case !rc.hasN || rc.n == 0:
		case col.nums == nil:
			rc.grimSet, _, rc.grimAll = grim(rc.n, rc.p)
		case rc.hasK:
			rc.atD = fits(rc.k, rc.n, rc.p, col.D)
			rc.atd = fits(rc.k, rc.n, rc.p, rc.p.Decimals)
		}
	}
}

// checkedCells returns a column's cells for its check, reading them again
// when they were let go after the analysis.
func (c *checker) checkedCells(col *rateColumn) []rateCell {
	if col.cells == nil {
		col.cells, _ = c.readRateCells(col)
		if col.untestable == "" && col.den != "" {
			col.fitCells()
		}
	}
	return col.cells
}

// collectCells reads the column's cells and, for numerator columns, its
// precision convention: the precision (among those printed) at which the
// most rows hold, the larger on a tie. It then weighs the evidence for the
// column's relation.
func (c *checker) collectCells(col *rateColumn) {
	cells, decs := c.readRateCells(col)
	col.cells = cells
	if len(decs) > 0 {
		col.D = decs[len(decs)-1]
	}
	if col.untestable != "" || col.den == "" {
		return
	}
	col.sup = c.rateSupport(col)
	if col.nums == nil {
		col.fitCells()
		c.checkGRIMEvidence(col)
		if col.untestable == "" && col.sup.severity() == "" {
			col.untestable = fmt.Sprintf("some k/%s gives it in only %d of %d testable rows: not a relation of this table",
				c.header(col.table, col.den), col.sup.holds, col.sup.tested)
		}
		return
	}
	// The modes under which each cell's counts give it at each precision
	// printed in the column (a printed precision is at most maxDecimals).
	nd := len(decs)
	var decIndex [maxDecimals + 1]int
	for j, D := range decs {
		decIndex[D] = j
	}
	at := make([]modeSet, len(col.cells)*nd)
	for i, rc := range col.cells {
		if rc.hasK && rc.hasN && rc.n > 0 {
			for j, D := range decs {
				at[i*nd+j] = fits(rc.k, rc.n, rc.p, D)
			}
		}
	}
	bestD, bestFits := col.D, -1
	for j, D := range decs {
		n := 0
		for i := range col.cells {
			if at[i*nd+j] != 0 {
				n++
			}
		}
		if n >= bestFits {
			bestD, bestFits = D, n
		}
	}
	col.D = bestD
	for i := range col.cells {
		if rc := &col.cells[i]; rc.hasK && rc.hasN && rc.n > 0 {
			rc.atD, rc.atd = at[i*nd+decIndex[col.D]], at[i*nd+decIndex[rc.p.Decimals]]
			col.rows++
			ok := rc.atd != 0 || rc.atD != 0
			if ok {
				col.fits++
			}
			if (rc.k != 0 && rc.k != rc.n) || !ok {
				col.sup.tested++
				if ok {
					col.sup.holds++
				}
			}
		}
	}
	if col.sup.severity() == "" {
		col.untestable = fmt.Sprintf("%s/%s %s: not a relation of this table",
			c.joinHeaders(col.table, col.nums, "+"), c.header(col.table, col.den), col.sup.rows())
	}
}

// rateSupport starts the evidence for a column's relation from where its
// numerator and denominator came from; the rows are counted after.
func (c *checker) rateSupport(col *rateColumn) support {
	switch {
	case col.def != nil && (col.source == "definition" || col.numSource == "definition"):
		return c.noteSupport(*col.def, col.table)
	case col.source == "inferred" || col.numSource == "inferred" || col.nums == nil:
		// A base no header names, or (GRIM) a rate whose count is not
		// printed: only the rows can establish it.
		return support{src: byData}
	}
	return support{src: byHeader}
}

// rateRelation names the relation a rate column is checked against, with
// its basis: "满意率 = 满意数/回访数, defined in note 2 …; holds in 44 of
// 45 rows".
func (c *checker) rateRelation(col *rateColumn) string {
	ti := col.table
	num := "k"
	if col.nums != nil {
		num = c.joinHeaders(ti, col.nums, "+")
		if len(col.nums) > 1 {
			num = "(" + num + ")"
		}
	}
	return fmt.Sprintf("%s = %s/%s, %s", c.header(ti, col.key), num, c.header(ti, col.den), col.sup.basis())
}

// checkGRIMEvidence declares a GRIM column untestable unless its
// denominator is backed: a definition, or most of at least minEvidence
// testable rows holding.
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
	col.sup.holds, col.sup.tested = ok, testable
	if col.source == "definition" || testable == 0 {
		return
	}
	if testable < minEvidence || ok*2 < testable {
		col.untestable = fmt.Sprintf("no %s count is printed and too few rows (%d of %d testable ones) confirm %s as its denominator",
			c.header(col.table, col.key), ok, testable, c.header(col.table, col.den))
	}
}

// countModes counts a value that tells the rounding modes apart (it holds
// under some of them, not all) as evidence of the document's mode.
func (c *checker) countModes(s modeSet) {
	if s == 0 || s.all() {
		return
	}
	c.evidence++
	for _, m := range Modes {
		if s.has(m) {
			c.modeScore[m]++
		}
	}
}

// inferMode picks the document's rounding mode: the one under which the
// most rates and shares that tell the modes apart hold, half-up on a tie.
func (c *checker) inferMode() {
	c.mode = HalfUp
	for _, m := range Modes {
		if c.modeScore[m] > c.modeScore[c.mode] {
			c.mode = m
		}
	}
	if c.cfg.hasMode {
		c.mode = c.cfg.mode
	}
}

// checkTableRates classifies every rate cell of table ti.
func (c *checker) checkTableRates(ti int) {
	for _, col := range c.tabs[ti].cols {
		c.classify(col)
	}
}

func (c *checker) classify(col *rateColumn) {
	ti := col.table
	rh := c.header(ti, col.key)
	slot := c.slot(ti, col.key)
	cells := c.checkedCells(col)
	if col.untestable != "" {
		sts := c.statusOf(ti, slot)
		for _, rc := range cells {
			raise(sts, rc.row, stUntestable)
		}
		if len(cells) > 0 {
			f := c.cellFinding(Info, RateUntestable, ti, -1, col.key)
			f.Message = fmt.Sprintf("%s cannot be tested: %s", rh, col.untestable)
			c.add(f)
		}
		return
	}
	var untestable []int
	sts := c.statusOf(ti, slot)
	for _, rc := range cells {
		id := slotID(ti, rc.row, slot)
		switch {
		case !rc.hasN:
			raise(sts, rc.row, stUntestable)
		case rc.n == 0:
			c.checkZeroBase(col, rc, id)
		case col.nums == nil:
			if rc.grimAll {
				raise(sts, rc.row, stUntestable)
				untestable = append(untestable, rc.row)
				continue
			}
			c.checkGRIMCell(col, rc, id)
		case !rc.hasK:
			raise(sts, rc.row, stUntestable)
		case rc.atD.has(c.mode):
			raise(sts, rc.row, stConsistent)
		default:
			c.checkRateCell(col, rc, id)
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
func (c *checker) checkZeroBase(col *rateColumn, rc rateCell, id valueID) {
	if rc.p.Scaled == 0 || uint64(rc.p.Scaled) == pow10[rc.p.Decimals+2] {
		c.mark(id, stConsistent)
		return
	}
	f := c.cellFinding(col.sup.severity(), RateMismatch, col.table, rc.row, col.key)
	f.Expected = "—"
	f.Message = fmt.Sprintf("%s %s is over %s 0: a rate of nothing is printed 0, — or 100%%",
		c.header(col.table, col.key), f.Published, c.header(col.table, col.den))
	f.Basis = joinBasis(col.relation, fmt.Sprintf("%s is 0", c.header(col.table, col.den)))
	c.add(f, id)
}

// ratio names the fraction of a rate cell: "5/6 (满意数/办理数)".
func (c *checker) ratio(col *rateColumn, k, n uint64) string {
	if col.fraction == "" {
		col.fraction = c.joinHeaders(col.table, col.nums, "+") + "/" + c.header(col.table, col.den)
	}
	return fmt.Sprintf("%d/%d (%s)", k, n, col.fraction)
}

// checkRateCell reports a rate that its counts do not give at the
// column's precision under the document's mode.
func (c *checker) checkRateCell(col *rateColumn, rc rateCell, id valueID) {
	ti := col.table
	rh := c.header(ti, col.key)
	expected := func() string {
		expD, _ := roundRate(rc.k, rc.n, col.D, c.mode)
		return formatScaled(expD, col.D)
	}
	switch {
	case rc.atD != 0:
		m, _ := rc.atD.first()
		f := c.cellFinding(Warning, RateRounding, ti, rc.row, col.key)
		f.Expected = expected()
		f.Message = fmt.Sprintf("%s %s holds only under %s: %s = %s under the document's %s rounding",
			rh, f.Published, m, c.ratio(col, rc.k, rc.n), f.Expected, c.mode)
		f.Basis = fmt.Sprintf("%d/%d gives %s only under %s; the document rounds %s (%s)", rc.k, rc.n, f.Published, m, c.mode, c.modeEvidence())
		c.add(f, id)
	case rc.atd != 0:
		f := c.cellFinding(Warning, RatePrecision, ti, rc.row, col.key)
		f.Expected = expected()
		f.Message = fmt.Sprintf("%s %s holds only at %d decimals: %s = %s at the column's %d decimals",
			rh, f.Published, rc.p.Decimals, c.ratio(col, rc.k, rc.n), f.Expected, col.D)
		f.Basis = fmt.Sprintf("the column prints %d decimals; %s", col.D, col.sup.rows())
		c.add(f, id)
	default:
		D := max(col.D, rc.p.Decimals)
		e, _ := roundRate(rc.k, rc.n, D, c.mode)
		f := c.cellFinding(col.sup.severity(), RateMismatch, ti, rc.row, col.key)
		f.Expected = formatScaled(e, D)
		f.Message = fmt.Sprintf("%s %s: %s = %s; no rounding of it gives the printed value",
			rh, f.Published, c.ratio(col, rc.k, rc.n), f.Expected)
		f.Hint = c.rateHint(col, rc)
		f.Basis = joinBasis(col.relation, fmt.Sprintf("no rounding of %d/%d gives %s", rc.k, rc.n, f.Published))
		c.add(f, id)
	}
}

// modeEvidence says how the document's rounding mode was found.
func (c *checker) modeEvidence() string {
	if c.cfg.hasMode {
		return "as asked"
	}
	if c.evidence == 0 {
		return "assumed"
	}
	return fmt.Sprintf("inferred from %s", plural(c.evidence, "value"))
}

func (c *checker) checkGRIMCell(col *rateColumn, rc rateCell, id valueID) {
	if rc.grimSet.has(c.mode) {
		c.mark(id, stConsistent)
		return
	}
	ti := col.table
	rh, dh := c.header(ti, col.key), c.header(ti, col.den)
	_, best, _ := grim(rc.n, rc.p) // the whole k closest to the printed rate
	switch {
	case rc.grimSet != 0:
		m, _ := rc.grimSet.first()
		f := c.cellFinding(Warning, RateRounding, ti, rc.row, col.key)
		e, _ := roundRate(best, rc.n, rc.p.Decimals, c.mode)
		f.Expected = formatScaled(e, rc.p.Decimals)
		f.Message = fmt.Sprintf("%s %s over %s %d holds only under %s, not under the document's %s rounding (GRIM: no %s count is printed)",
			rh, f.Published, dh, rc.n, m, c.mode, rh)
		f.Basis = fmt.Sprintf("some k/%d gives %s only under %s; the document rounds %s (%s)", rc.n, f.Published, m, c.mode, c.modeEvidence())
		c.add(f, id)
	default:
		e, _ := roundRate(best, rc.n, rc.p.Decimals, c.mode)
		f := c.cellFinding(col.sup.severity(), RateMismatch, ti, rc.row, col.key)
		f.Expected = formatScaled(e, rc.p.Decimals)
		f.Message = fmt.Sprintf("%s %s: no whole number of %d %s gives it (GRIM); the nearest is %d/%d = %s",
			rh, f.Published, rc.n, dh, best, rc.n, f.Expected)
		f.Hint = digitHint(f.Published, f.Expected)
		f.Basis = joinBasis(col.relation, fmt.Sprintf("no integer k gives %s over %d", f.Published, rc.n))
		c.add(f, id)
	}
}
