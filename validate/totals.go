package validate

import (
	"fmt"

	"github.com/hotline12345/bulletin/model"
)

// The totals family: a 合计/总计/小计 row against the rows it totals. The
// row's label names the relation; when the row fails in most of its count
// columns the table's rows were probably not all read (a page lost, rows
// split), and its failures are warnings.

// totalCheck is one total cell's test.
type totalCheck struct {
	key     model.Key
	v, want int64
	n       int
	held    bool
}

// checkTableTotals: a total row equals the sum of the rows it totals (all
// unit rows, or those since the previous total row for subtotals). Its
// rates are checked against its own counts with the other rates.
func (c *checker) checkTableTotals(ti int) {
	t := &c.b.Tables[ti]
	var totals []int
	for ri := range t.Rows {
		if t.Rows[ri].Total {
			totals = append(totals, ri)
		}
	}
	if len(totals) == 0 {
		return
	}
	counts := c.tabs[ti].counts
	for i, tr := range totals {
		// The segment a subtotal closes: the unit rows since the previous
		// total row, or, for a total printed first, up to the next one.
		lo, hi := 0, tr
		if i > 0 {
			lo = totals[i-1] + 1
		}
		if lo == hi {
			lo, hi = tr+1, len(t.Rows)
			if i+1 < len(totals) {
				hi = totals[i+1]
			}
		}
		var checks []totalCheck
		sup := support{src: byHeader, what: fmt.Sprintf("the row %s", t.Rows[tr].Unit)}
		for _, k := range counts {
			tv, ok := c.countAt(ti, tr, k)
			if !ok {
				continue
			}
			all, allTol, allN := c.sumRows(ti, k, 0, len(t.Rows))
			seg, segTol, segN := c.sumRows(ti, k, lo, hi)
			if allN == 0 && segN == 0 {
				continue
			}
			tc := totalCheck{key: k, v: tv.v}
			tc.held = (allN > 0 && abs64(all-tv.v) <= tv.tol+allTol) || (segN > 0 && abs64(seg-tv.v) <= tv.tol+segTol)
			tc.want, tc.n = all, allN
			if len(totals) > 1 && abs64(seg-tv.v) < abs64(all-tv.v) {
				tc.want, tc.n = seg, segN
			}
			sup.tested++
			if tc.held {
				sup.holds++
			}
			checks = append(checks, tc)
		}
		sev := Error
		basis := fmt.Sprintf("the %s row sums its column; it holds in %d of its %d count columns", t.Rows[tr].Unit, sup.holds, sup.tested)
		if sup.tested >= 2 && sup.fails()*2 > sup.tested {
			sev = Warning
			basis += ": the table's rows were probably not all read"
		}
		for _, tc := range checks {
			id := c.cellID(ti, tr, tc.key)
			if tc.held {
				c.mark(id, stConsistent)
				continue
			}
			f := c.cellFinding(sev, TotalMismatch, ti, tr, tc.key)
			f.Expected = itoa(tc.want)
			f.Message = fmt.Sprintf("%s %s %d is not the sum of its %s, %d (off by %+d)",
				t.Rows[tr].Unit, c.header(ti, tc.key), tc.v, plural(tc.n, "row"), tc.want, tc.v-tc.want)
			f.Hint = c.totalHint(ti, tc.key, tc.v, tc.want)
			f.Basis = joinBasis(basis, fmt.Sprintf("%d ≠ %d", tc.v, tc.want))
			c.add(f, id)
		}
	}
}

// totalSegment returns the rows the total row tr totals: the unit rows
// since the previous total row, or, for a total printed first, up to the
// next one.
func totalSegment(t *model.Table, tr int) (lo, hi int) {
	prev, next := -1, len(t.Rows)
	for ri := range t.Rows {
		if !t.Rows[ri].Total {
			continue
		}
		if ri < tr {
			prev = ri
		} else if ri > tr && next == len(t.Rows) {
			next = ri
		}
	}
	lo, hi = prev+1, tr
	if lo == hi {
		lo, hi = tr+1, next
	}
	return lo, hi
}

// totalFails reports whether the count k of total row tr differs from the
// sum of the rows it totals (and of all unit rows).
func (c *checker) totalFails(ti, tr int, k model.Key) bool {
	t := &c.b.Tables[ti]
	tv, ok := c.countAt(ti, tr, k)
	if !ok || !t.Rows[tr].Total {
		return false
	}
	lo, hi := totalSegment(t, tr)
	all, allTol, allN := c.sumRows(ti, k, 0, len(t.Rows))
	seg, segTol, segN := c.sumRows(ti, k, lo, hi)
	if allN == 0 && segN == 0 {
		return false
	}
	return !((allN > 0 && abs64(all-tv.v) <= tv.tol+allTol) || (segN > 0 && abs64(seg-tv.v) <= tv.tol+segTol))
}

// sumRows adds the column's counts over unit rows [lo, hi).
func (c *checker) sumRows(ti int, k model.Key, lo, hi int) (sum, tol int64, n int) {
	t := &c.b.Tables[ti]
	vs := c.counts(ti, k)
	for ri := lo; ri < hi; ri++ {
		if t.Rows[ri].Total {
			continue
		}
		if v, ok := vs.v[ri], vs.has[ri]; ok {
			sum += v.v
			tol += v.tol
			n++
		}
	}
	return sum, tol, n
}

// totalHint explains a total off by one row's value or by a digit slip.
func (c *checker) totalHint(ti int, k model.Key, printedV, sum int64) string {
	if h := slipHint(printedV, sum); h != "" {
		return h
	}
	t := &c.b.Tables[ti]
	vs := c.counts(ti, k)
	diff := printedV - sum
	for ri := 0; ri < len(t.Rows); ri++ {
		row := &t.Rows[ri]
		if row.Total {
			continue
		}
		if v, ok := vs.v[ri], vs.has[ri]; ok && v.exact() && v.v != 0 && abs64(diff) == v.v {
			if diff > 0 {
				return fmt.Sprintf("the difference equals %s's %d: a row counted twice?", row.Unit, v.v)
			}
			return fmt.Sprintf("the difference equals %s's %d: a row left out?", row.Unit, v.v)
		}
	}
	return ""
}
