package validate

import (
	"fmt"
	"strings"
)

// The format family: printing oddities of rate and count cells. They are
// infos: a value printed oddly may still be right.

// checkTableFormat reports printing oddities of a table's rate cells (no
// percent sign, a doubled one, marks inside the number) and of its count
// cells.
func (c *checker) checkTableFormat(ti int) {
	t := &c.b.Tables[ti]
	for _, rk := range c.tabs[ti].rates {
		fs := c.column(ti, rk)
		// A column printed without % throughout ("满意率(%)" over "98.5")
		// follows its own convention; a lone "0" among "87.23%" does not.
		withPct := percentColumn(fs)
		for ri := range fs {
			f := fs[ri]
			if !f.valued() {
				continue
			}
			var what string
			switch {
			case f.has(factNoPercent):
				what = noPercent
			case f.has(factDoubledPercent):
				what = doubledPercent
			case f.has(factRateStray):
				what = strayInNumber
			}
			if what != "" && (withPct || what != noPercent) {
				fd := c.cellFinding(Info, Format, ti, ri, rk)
				fd.Message = fmt.Sprintf("%s %q %s", c.header(ti, rk), t.Rows[ri].Cells[rk].Text, what)
				c.add(fd)
			}
		}
	}
	for _, ck := range c.tabs[ti].counts {
		fs := c.column(ti, ck)
		for ri := range fs {
			if f := fs[ri]; f.valued() && f.has(factCountStray) {
				fd := c.cellFinding(Info, Format, ti, ri, ck)
				fd.Message = fmt.Sprintf("%s %q has a stray mark inside the number", c.header(ti, ck), t.Rows[ri].Cells[ck].Text)
				c.add(fd)
			}
		}
	}
}

// What is odd about a printed rate.
const (
	noPercent      = "is printed without %"
	doubledPercent = "has a doubled percent sign"
	strayInNumber  = "has a stray mark inside the number"
)

// rateOddity says what is odd about a printed rate, or "".
func rateOddity(text string) string {
	s := strings.TrimSpace(text)
	n := strings.Count(s, "%") + strings.Count(s, "％")
	switch {
	case n == 0:
		return noPercent
	case n > 1:
		return doubledPercent
	case strings.ContainsAny(s, strayMarks):
		return strayInNumber
	}
	return ""
}
