package validate

import (
	"fmt"
	"strings"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/model"
)

// A table the extractor may have misread (columns shifted, header levels
// run together, two cells read as one, the units taken from another
// column) gives no errors: every relation of its columns is in doubt, so
// its findings are warnings that say why.

// twoNumbers matches a cell that holds two numbers: two cells read as one.
var twoNumbers = lazyregexp.New(`[0-9][0-9.,]*%?\s+[0-9]`)

// structureDoubt says why a table's reading is in doubt, or "".
func (c *checker) structureDoubt(ti int) string {
	t := &c.b.Tables[ti]
	for _, col := range t.Columns {
		k := string(col.Key)
		switch {
		case strings.Contains(k, "#"):
			return fmt.Sprintf("the header names %s more than once without telling the columns apart", col.Key.Base())
		case strings.Count(k, "/") >= 2:
			return fmt.Sprintf("the header levels of %s are run together", col.Header)
		}
	}
	for _, col := range t.Columns {
		if col.Key == model.Unit {
			continue
		}
		pct, plain, big := 0, 0, 0
		fs := c.column(ti, col.Key)
		for ri := range fs {
			f := fs[ri]
			if !f.valued() {
				continue
			}
			if f.has(factTwoNumbers) {
				return fmt.Sprintf("the cell %q of %s holds two numbers", t.Rows[ri].Cells[col.Key].Text, col.Header)
			}
			if f.has(factPercent) {
				pct++
			} else {
				plain++
				if f.value > 100 {
					big++
				}
			}
		}
		switch {
		case isCountKey(col.Key) && pct > 0 && pct*2 >= pct+plain:
			return fmt.Sprintf("the count column %s holds percentages", col.Header)
		case col.Key.IsRate() && big > 0 && plain*2 > pct+plain:
			return fmt.Sprintf("the rate column %s holds counts", col.Header)
		}
	}
	seen := make(map[string]int, len(t.Rows))
	units := 0
	for ri := range t.Rows {
		if row := &t.Rows[ri]; !row.Total && row.Unit != "" {
			seen[normUnit(row.Unit)]++
			units++
		}
	}
	repeated := 0
	for _, n := range seen {
		if n > 1 {
			repeated += n
		}
	}
	if units >= minEvidence && repeated*4 > units {
		return fmt.Sprintf("%d of its %d rows repeat a unit's name: the units may be read from another column", repeated, units)
	}
	return ""
}

// rowDoubt says why one row's reading is in doubt (its cells shifted: a
// number for its unit, a percentage under a count, a count under a rate),
// or "".
func (c *checker) rowDoubt(ti, ri int) string {
	t := &c.b.Tables[ti]
	row := &t.Rows[ri]
	if u := strings.TrimSpace(row.Unit); u != "" && strings.Trim(u, "0123456789.,%％ ") == "" {
		return fmt.Sprintf("its unit cell holds the number %s", u)
	}
	for _, k := range c.tabs[ti].counts {
		if f := c.column(ti, k)[ri]; f.valued() && f.has(factPercent) {
			return fmt.Sprintf("its %s cell holds the percentage %s", c.header(ti, k), row.Cells[k].Text)
		}
	}
	for _, k := range c.tabs[ti].rates {
		if f := c.column(ti, k)[ri]; f.valued() && f.value > 100 && !f.has(factPercent) {
			return fmt.Sprintf("its %s cell holds the count %s", c.header(ti, k), row.Cells[k].Text)
		}
	}
	return ""
}
