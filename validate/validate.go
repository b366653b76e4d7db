package validate

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Option configures [Check].
type Option func(*config)

type config struct {
	mode    Mode
	hasMode bool
	off     map[Rule]bool
	only    map[Rule]bool
}

// WithMode makes Check assume rounding mode m for the document instead of
// inferring it from the rates that tell the modes apart.
func WithMode(m Mode) Option {
	return func(c *config) { c.mode, c.hasMode = m, true }
}

// WithoutRules switches the given rules off before Check runs: a family of
// checks whose rules are all off does not run, and the values only it
// would have tested are not counted in the summary.
func WithoutRules(rules ...Rule) Option {
	return func(c *config) {
		if c.off == nil {
			c.off = map[Rule]bool{}
		}
		for _, r := range rules {
			c.off[r] = true
		}
	}
}

// OnlyRules switches every rule off but the given ones (and those not
// switched off by [WithoutRules] as well).
func OnlyRules(rules ...Rule) Option {
	return func(c *config) {
		if c.only == nil {
			c.only = map[Rule]bool{}
		}
		for _, r := range rules {
			c.only[r] = true
		}
	}
}

// on reports whether rule r is switched on.
func (c *config) on(r Rule) bool {
	return !c.off[r] && (c.only == nil || c.only[r])
}

// Check rechecks every published number of b that its other numbers allow
// to test, and reports all findings at once. It never modifies b. Check works
// on any Bulletin, extracted or built by a program; a nil bulletin gives an
// empty report.
//
// The tables are read one at a time, twice: once to find each column's
// conventions and the rates that tell the rounding modes apart, then, the
// document's mode known, to check them. What Check holds of a table's
// cells is let go when the table is done, so its memory grows with the
// largest table, not with the document.
func Check(b *model.Bulletin, opts ...Option) Report {
	if b == nil {
		return Report{Findings: []Finding{}, Conventions: []Convention{}}
	}
	c := newChecker(b)
	for _, o := range opts {
		o(&c.cfg)
	}
	var run []family
	for _, f := range families {
		if slices.ContainsFunc(f.rules, c.cfg.on) {
			run = append(run, f)
		}
	}
	c.prepareTables()
	last := len(b.Tables) - 1
	for ti := range b.Tables {
		c.readColumns(ti)
		for _, f := range run {
			if f.analyseTable != nil {
				f.analyseTable(c, ti)
			}
		}
		if testHookTableDone != nil {
			testHookTableDone()
		}
		if ti != last {
			// The others' cells are read again when they are checked;
			// the last table's are kept until its check.
			c.releaseTable(ti)
		}
	}
	for _, f := range run {
		if f.analyse != nil {
			f.analyse(c)
		}
	}
	c.inferMode()
	for ti := range b.Tables {
		for _, f := range run {
			if f.checkTable != nil {
				f.checkTable(c, ti)
			}
		}
		if testHookTableDone != nil {
			testHookTableDone()
		}
		c.countStatus(ti)
		c.releaseTable(ti)
	}
	for _, f := range run {
		if f.check != nil {
			f.check(c)
		}
	}
	return c.result()
}

// testHookTableDone, set by tests, is called when a table has been
// analysed and when it has been checked, before what was read of it is let
// go: when Check holds the most of it.
var testHookTableDone func()

// releaseTable lets go what was read of table ti's cells.
func (c *checker) releaseTable(ti int) {
	if c.cells.table == ti {
		c.cells.release()
	}
	for _, col := range c.tabs[ti].cols {
		col.cells = nil
	}
}

// status is what is known about one published value; a value's status is
// the worst any rule gave it.
type status uint8

const (
	stUnknown status = iota
	stUntestable
	stConsistent
	stDeviating
	stInconsistent
	numStatus
)

// valueID names a published value: a table cell (fig = -1; col is its
// slot: the index of its column, or a number after the columns for a cell
// outside the header) or a prose figure (table = -1).
type valueID struct {
	table, row, fig, col int32
}

// cellID names the cell of row ri under key k in table ti.
func (c *checker) cellID(ti, ri int, k model.Key) valueID {
	return slotID(ti, ri, c.slot(ti, k))
}

// slotID names the cell of row ri in slot s of table ti.
func slotID(ti, ri, s int) valueID { return valueID{int32(ti), int32(ri), -1, int32(s)} }

func figID(fi int) valueID { return valueID{-1, -1, int32(fi), -1} }

// newChecker starts the check of b, with no table read.
func newChecker(b *model.Bulletin) *checker {
	return &checker{b: b, tabs: make([]tableInfo, len(b.Tables)), cells: tableCells{table: -1}}
}

type checker struct {
	b     *model.Bulletin
	cfg   config
	found []Finding

	tabs []tableInfo
	// cells is the grid of the table being analysed or checked.
	cells tableCells
	// figStatus is the status of each prose figure; counted counts the
	// values of the tables done by status.
	figStatus []status
	counted   [numStatus]int

	modeScore   [numModes]int   // rates and shares that hold under each mode, of those that tell modes apart
	countIndex  map[int64][]int // exact prose counts by value (statedCount)
	roughCounts []int           // prose counts printed in 万/亿
	mode        Mode
	evidence    int
	conventions []Convention
}

// mark records the outcome of a test of a value.
func (c *checker) mark(id valueID, s status) {
	if s == stUnknown {
		return
	}
	if id.table < 0 {
		if c.figStatus == nil {
			c.figStatus = make([]status, len(c.b.Figures))
		}
		raise(c.figStatus, int(id.fig), s)
		return
	}
	raise(c.statusOf(int(id.table), int(id.col)), int(id.row), s)
}

// statusOf returns the status of the values in slot s of table ti, by
// row, for a rule that marks a whole column.
func (c *checker) statusOf(ti, s int) []status {
	info := &c.tabs[ti]
	if s >= len(info.status) {
		info.status = append(info.status, make([][]status, s+1-len(info.status))...)
	}
	if info.status[s] == nil {
		info.status[s] = make([]status, len(c.b.Tables[ti].Rows))
	}
	return info.status[s]
}

// raise records status s of value i, unless it has a worse one.
func raise(sts []status, i int, s status) {
	if sts[i] < s {
		sts[i] = s
	}
}

// countStatus counts the status of table ti's values into the summary,
// and lets them go.
func (c *checker) countStatus(ti int) {
	info := &c.tabs[ti]
	for _, col := range info.status {
		for _, st := range col {
			c.counted[st]++
		}
	}
	info.status = nil
}

// add records a finding, and marks the values it is about. A finding of
// a rule switched off is dropped, and its values are left as they are.
func (c *checker) add(f Finding, ids ...valueID) {
	if !c.cfg.on(f.Rule) {
		return
	}
	if f.Table >= 0 && f.Table < len(c.tabs) && f.Severity == Error {
		if d := c.tabs[f.Table].doubt; d != "" {
			f.Severity = Warning
			f.Basis += "; but the table may be misread: " + d
		} else if f.Row >= 0 && f.Row < len(c.b.Tables[f.Table].Rows) {
			if d := c.rowDoubt(f.Table, f.Row); d != "" {
				f.Severity = Warning
				f.Basis += "; but the row may be misread: " + d
			}
		}
	}
	s := stUnknown
	switch f.Severity {
	case Error:
		s = stInconsistent
	case Warning:
		s = stDeviating
	}
	for _, id := range ids {
		c.mark(id, s)
	}
	c.found = append(c.found, f)
}

func (c *checker) result() Report {
	r := Report{Findings: c.found, Conventions: c.conventions}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Conventions == nil {
		r.Conventions = []Convention{}
	}
	sortFindings(r.Findings, c.b)
	s := &r.Summary
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	for ti := range c.tabs {
		c.countStatus(ti)
	}
	for _, st := range c.figStatus {
		c.counted[st]++
	}
	s.Untestable = c.counted[stUntestable]
	s.Consistent = c.counted[stConsistent]
	s.Deviating = c.counted[stDeviating]
	s.Inconsistent = c.counted[stInconsistent]
	s.Checked = s.Consistent + s.Deviating + s.Inconsistent
	s.Values = s.Checked + s.Untestable
	s.Rounding, s.RoundingEvidence = c.mode, c.evidence
	return r
}

// header returns the printed header of a column, or the key when the table
// has no such column.
func (c *checker) header(ti int, k model.Key) string {
	t := &c.b.Tables[ti]
	if i := t.Column(k); i >= 0 && t.Columns[i].Header != "" {
		return t.Columns[i].Header
	}
	return string(k)
}

// cellFinding starts a finding about a table cell, with its position (the
// cell's, else the row's, else the table's).
func (c *checker) cellFinding(sev Severity, rule Rule, ti, ri int, k model.Key) Finding {
	t := &c.b.Tables[ti]
	f := Finding{Severity: sev, Rule: rule, Table: ti, Row: ri, Column: k, Pos: t.Pos}
	if ri >= 0 && ri < len(t.Rows) {
		row := &t.Rows[ri]
		f.Unit = row.Unit
		if !row.Pos.IsZero() {
			f.Pos = row.Pos
		}
		if cell, ok := row.Cells[k]; ok {
			f.Published = cell.Text
			if !cell.Pos.IsZero() {
				f.Pos = cell.Pos
			}
		}
	}
	return f
}

// figFinding starts a finding about a prose figure.
func (c *checker) figFinding(sev Severity, rule Rule, fi int) Finding {
	fg := &c.b.Figures[fi]
	i := fi
	return Finding{Severity: sev, Rule: rule, Table: -1, Row: -1, Unit: "",
		Published: figText(fg), Pos: fg.Pos, Figure: &i}
}

// figText prints a figure's value with its unit: "2364件", "97.59%".
func figText(f *model.Figure) string {
	return figNumber(f) + f.Unit
}

// figNumber prints a figure's value with its printed decimals.
func figNumber(f *model.Figure) string {
	d := f.Decimals
	if d < 0 || d > maxDecimals {
		d = -1
	}
	return strconv.FormatFloat(f.Value, 'f', d, 64)
}

// count is a whole number as printed, with the tolerance its printing
// allows: "9.67万" is 96700 ± 100 (the last printed digit, whichever way it
// was rounded); an exact count has tolerance 0.
type count struct {
	v, tol int64
}

// exact reports whether the count is printed to the unit.
func (n count) exact() bool { return n.tol == 0 }

// cellCount reads the count in a table cell; a percentage is no count.
func cellCount(row *model.Row, k model.Key) (count, bool) {
	cell, ok := row.Cells[k]
	if !ok {
		return count{}, false
	}
	return readFact(&cell).count()
}

// countOf reads a count printed as text with the given value: whole
// numbers exactly, magnitudes in 万/亿 with the tolerance of their last
// digit.
func countOf(v float64, text string, decimals *int) (count, bool) {
	scale := int64(0)
	for m := range vocab.Magnitudes.All() {
		if strings.Contains(text, m) {
			scale = int64(vocab.MagnitudeOf(m))
			break
		}
	}
	d := 0
	if decimals != nil {
		d = *decimals
	}
	return scaledCount(v, scale, d)
}

// scaledCount reads a count printed with d decimals in units of scale
// (1e4 for 万, 1e8 for 亿; 0 for a whole number).
func scaledCount(v float64, scale int64, d int) (count, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1<<53 || v < 0 {
		return count{}, false
	}
	if scale != 0 {
		tol := scale
		for i := 0; i < d && tol > 1; i++ {
			tol /= 10
		}
		return count{int64(math.Round(v)), tol}, true
	}
	if v != math.Trunc(v) {
		return count{}, false
	}
	return count{int64(v), 0}, true
}

// within reports whether the exact sum s is what count n states.
func (n count) within(s int64) bool {
	d := n.v - s
	if d < 0 {
		d = -d
	}
	return d <= n.tol
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// plural returns "1 row" or "n rows".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
