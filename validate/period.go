package validate

import (
	"fmt"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// The period family: the periods the title and the tables' titles name
// against the one the body reports on.

// checkPeriod: the title's period against the body's.
func (c *checker) checkPeriod() {
	tp, p := c.b.TitlePeriod, c.b.Period
	if tp == nil || (p.Start.IsZero() && p.Label == "") {
		return
	}
	same := tp.Start == p.Start && tp.End == p.End
	if tp.Start.IsZero() || p.Start.IsZero() {
		same = tp.Label == p.Label
	}
	if same {
		return
	}
	f := Finding{Severity: Warning, Rule: PeriodMismatch, Table: -1, Row: -1,
		Published: periodText(*tp), Expected: periodText(p)}
	f.Message = fmt.Sprintf("the title names %s but the text reports on %s", periodText(*tp), periodText(p))
	f.Basis = "the title and the body name different periods"
	c.add(f)
}

func periodText(p model.Period) string {
	switch {
	case p.Label != "" && !p.Start.IsZero():
		return fmt.Sprintf("%s (%s to %s)", p.Label, p.Start, p.End)
	case p.Label != "":
		return p.Label
	}
	return fmt.Sprintf("%s to %s", p.Start, p.End)
}

// checkTablePeriod: a table title's month against a one-month body period.
func (c *checker) checkTablePeriod(ti int) {
	p := c.b.Period
	if p.Start.IsZero() || p.End.IsZero() || p.Start.Year != p.End.Year || p.Start.Month != p.End.Month {
		return
	}
	t := &c.b.Tables[ti]
	year, month, printed, ok := vocab.LeadingMonth(strings.TrimSpace(t.Title))
	if !ok {
		return
	}
	if year == 0 {
		year = p.Start.Year
	}
	if month == int(p.Start.Month) && year == p.Start.Year {
		return
	}
	f := c.cellFinding(Warning, PeriodMismatch, ti, -1, "")
	f.Published = printed
	f.Expected = periodText(p)
	f.Message = fmt.Sprintf("%s is titled %s but the bulletin reports on %s", cmpLabel(t, ti), printed, periodText(p))
	f.Basis = "the table's title names another month than the bulletin's one-month period"
	c.add(f)
}
