package validate

import (
	"fmt"
	"strings"
)

// The format family: printing oddities of rate and count cells. They are
// infos: a value printed oddly may still be right.

// checkFormat reports printing oddities of rate cells (no percent sign, a
// doubled one, marks inside the number) and of count cells.
func (c *checker) checkFormat() {
	for ti := range c.b.Tables {
		c.checkTableFormat(ti)
	}
}

func (c *checker) checkTableFormat(ti int) {
	t := &c.b.Tables[ti]
	for _, rk := range c.tabs[ti].rates {
		// A column printed without % throughout ("满意率(%)" over "98.5")
		// follows its own convention; a lone "0" among "87.23%" does not.
		withPct := percentColumn(t, rk)
		for ri := range t.Rows {
			cell, ok := t.Rows[ri].Cells[rk]
			if !ok || cell.Value == nil {
				continue
			}
			if what := rateOddity(cell.Text); what != "" && (withPct || what != noPercent) {
				f := c.cellFinding(Info, Format, ti, ri, rk)
				f.Message = fmt.Sprintf("%s %q %s", c.header(ti, rk), cell.Text, what)
				c.add(f)
			}
		}
	}
	for _, ck := range c.tabs[ti].counts {
		for ri := range t.Rows {
			cell, ok := t.Rows[ri].Cells[ck]
			if !ok || cell.Value == nil {
				continue
			}
			if strings.ContainsAny(strings.TrimSpace(cell.Text), " `'\u00a0\u3000") {
				f := c.cellFinding(Info, Format, ti, ri, ck)
				f.Message = fmt.Sprintf("%s %q has a stray mark inside the number", c.header(ti, ck), cell.Text)
				c.add(f)
			}
		}
	}
}

const noPercent = "is printed without %"

// rateOddity says what is odd about a printed rate, or "".
func rateOddity(text string) string {
	s := strings.TrimSpace(text)
	n := strings.Count(s, "%") + strings.Count(s, "％")
	switch {
	case n == 0:
		return noPercent
	case n > 1:
		return "has a doubled percent sign"
	case strings.ContainsAny(s, " `'\u00a0\u3000"):
		return "has a stray mark inside the number"
	}
	return ""
}
