package validate

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hotline12345/bulletin/model"
)

// checkTable runs the rules that need one table only, and reads its rate
// columns for checkRates.
func (c *checker) checkTable(ti int) {
	c.checkFormat(ti)
	c.checkRelations(ti)
	c.checkPartitions(ti)
	c.checkTotals(ti)
	c.checkRanks(ti)
	c.checkTablePeriod(ti)
	c.analyseRates(ti)
}

// checkFormat reports printing oddities of rate cells: no percent sign, a
// doubled one, marks inside the number.
func (c *checker) checkFormat(ti int) {
	t := &c.b.Tables[ti]
	for _, rk := range rateColumns(t) {
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
	for _, ck := range countColumns(t) {
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

// partsOfHandled are the counts of items that are among the period's
// handled items. Closed, open and overdue counts are not: they may include
// items carried over from earlier periods.
var partsOfHandled = []model.Key{
	model.OnTime, model.Satisfied, model.Excellent, model.Resolved, model.Replied,
	model.Visited, model.Dissatisfied,
}

// checkRelations: each part count is at most its whole: on-time,
// satisfied, resolved, replied, visited (and excellent, dissatisfied) at
// most handled; a rate's numerator at most its
// defined denominator; a defined metric at most every count it implies
// (excellent ≤ on-time, excellent ≤ satisfied when the note says so).
func (c *checker) checkRelations(ti int) {
	t := &c.b.Tables[ti]
	type rel struct{ part, whole model.Key }
	var rels []rel
	seen := map[rel]bool{}
	addRel := func(p, w model.Key) {
		r := rel{p, w}
		if p != w && t.Has(p) && t.Has(w) && !seen[r] {
			seen[r] = true
			rels = append(rels, r)
		}
	}
	for _, k := range countColumns(t) {
		if slices.Contains(partsOfHandled, k.Base()) {
			if h := model.Key(withGroup(k.Group(), model.Handled)); t.Has(h) {
				addRel(k, h)
			}
		}
	}
	for _, d := range t.Definitions {
		var ks []model.Key
		if t.Has(d.Key) && !d.Key.IsRate() {
			ks = append(ks, d.Key)
		} else if ck, ok := d.Key.CountKey(); ok && t.Has(ck) {
			ks = append(ks, ck)
		}
		if d.Numerator != "" && d.Denominator != "" {
			addRel(d.Numerator, d.Denominator)
		}
		for _, k := range ks {
			for _, w := range d.Implies {
				addRel(k, w)
			}
		}
	}
	for ri := range t.Rows {
		row := &t.Rows[ri]
		for _, r := range rels {
			p, ok1 := cellCount(row, r.part)
			w, ok2 := cellCount(row, r.whole)
			if !ok1 || !ok2 {
				continue
			}
			id := c.cellID(ti, ri, r.part)
			if p.v-p.tol > w.v+w.tol {
				f := c.cellFinding(Error, CountExceeds, ti, ri, r.part)
				f.Expected = "≤ " + itoa(w.v)
				f.Message = fmt.Sprintf("%s %d exceeds %s %d", c.header(ti, r.part), p.v, c.header(ti, r.whole), w.v)
				if v, ok := transposedUnder(p.v, w.v); ok {
					f.Hint = fmt.Sprintf("%s %d may be %d with two transposed digits", c.header(ti, r.part), p.v, v)
				}
				c.add(f, id, c.cellID(ti, ri, r.whole))
			} else {
				c.mark(id, stConsistent)
				c.mark(c.cellID(ti, ri, r.whole), stConsistent)
			}
		}
	}
}

// transposedUnder returns v with two adjacent digits swapped when that
// brings it to at most w (52 for 25 over 47). A changed digit is not
// offered: one can nearly always be found.
func transposedUnder(v, w int64) (int64, bool) {
	for _, x := range variants(uint64(v)) {
		if x.slip == "two transposed digits" && int64(x.v) <= w {
			return int64(x.v), true
		}
	}
	return 0, false
}

func withGroup(g string, k model.Key) string {
	if g == "" {
		return string(k)
	}
	return g + "/" + string(k)
}

// partitions are the sets of counts that make up the handled count, when
// all their columns are printed: closed + open, closed + open + overdue,
// on-time + overdue + open. A row holds when any printed set adds up.
var partitions = [][]model.Key{
	{model.Closed, model.Open},
	{model.Closed, model.Open, model.Overdue},
	{model.OnTime, model.Overdue, model.Open},
}

// checkPartitions: closed + open (+ overdue) = handled.
func (c *checker) checkPartitions(ti int) {
	t := &c.b.Tables[ti]
	groups := map[string]bool{}
	for _, col := range t.Columns {
		groups[col.Key.Group()] = true
	}
	for g := range groups {
		h := model.Key(withGroup(g, model.Handled))
		if !t.Has(h) {
			continue
		}
		var sets [][]model.Key
		for _, p := range partitions {
			var set []model.Key
			for _, k := range p {
				set = append(set, model.Key(withGroup(g, k)))
			}
			if !slices.ContainsFunc(set, func(k model.Key) bool { return !t.Has(k) }) {
				sets = append(sets, set)
			}
		}
		if len(sets) == 0 {
			continue
		}
		for ri := range t.Rows {
			row := &t.Rows[ri]
			hv, ok := cellCount(row, h)
			if !ok {
				continue
			}
			var bestSum int64
			bestSet, tested, held := -1, false, false
			for si, set := range sets {
				var sum, tol int64
				complete := true
				for _, k := range set {
					v, ok := cellCount(row, k)
					if !ok {
						complete = false
						break
					}
					sum += v.v
					tol += v.tol
				}
				if !complete {
					continue
				}
				tested = true
				if abs64(sum-hv.v) <= hv.tol+tol {
					held = true
					break
				}
				if bestSet < 0 || abs64(sum-hv.v) < abs64(bestSum-hv.v) {
					bestSet, bestSum = si, sum
				}
			}
			if !tested {
				continue
			}
			id := c.cellID(ti, ri, h)
			if held {
				c.mark(id, stConsistent)
				continue
			}
			var names []string
			for _, k := range sets[bestSet] {
				v, _ := cellCount(row, k)
				names = append(names, fmt.Sprintf("%s %d", c.header(ti, k), v.v))
			}
			f := c.cellFinding(Error, PartsSumMismatch, ti, ri, h)
			f.Expected = itoa(bestSum)
			f.Message = fmt.Sprintf("%s = %d, not %s %d", strings.Join(names, " + "), bestSum, c.header(ti, h), hv.v)
			f.Hint = slipHint(hv.v, bestSum)
			c.add(f, id)
		}
	}
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// slipHint explains a printed whole that differs from its sum by a digit
// slip.
func slipHint(printedV, sum int64) string {
	if printedV < 0 || sum < 0 {
		return ""
	}
	if slip := digitSlip(itoa(printedV), itoa(sum)); slip != "" {
		return fmt.Sprintf("%d and %d differ by %s", printedV, sum, slip)
	}
	return ""
}

// checkTotals: a 合计/总计 row equals the sum of the rows it totals (all
// unit rows, or those since the previous total row for subtotals). Its
// rates are checked against its own counts with the other rates.
func (c *checker) checkTotals(ti int) {
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
	counts := countColumns(t)
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
		for _, k := range counts {
			tv, ok := cellCount(&t.Rows[tr], k)
			if !ok {
				continue
			}
			all, allTol, allN := c.sumRows(t, k, 0, len(t.Rows))
			seg, segTol, segN := c.sumRows(t, k, lo, hi)
			if allN == 0 && segN == 0 {
				continue
			}
			id := c.cellID(ti, tr, k)
			if (allN > 0 && abs64(all-tv.v) <= tv.tol+allTol) || (segN > 0 && abs64(seg-tv.v) <= tv.tol+segTol) {
				c.mark(id, stConsistent)
				continue
			}
			want, n := all, allN
			if len(totals) > 1 && abs64(seg-tv.v) < abs64(all-tv.v) {
				want, n = seg, segN
			}
			f := c.cellFinding(Error, TotalMismatch, ti, tr, k)
			f.Expected = itoa(want)
			f.Message = fmt.Sprintf("%s %s %d is not the sum of its %s, %d (off by %+d)",
				t.Rows[tr].Unit, c.header(ti, k), tv.v, plural(n, "row"), want, tv.v-want)
			f.Hint = c.totalHint(t, k, tv.v, want, lo, hi)
			c.add(f, id)
		}
	}
}

// sumRows adds the column's counts over unit rows [lo, hi).
func (c *checker) sumRows(t *model.Table, k model.Key, lo, hi int) (sum, tol int64, n int) {
	for ri := lo; ri < hi; ri++ {
		row := &t.Rows[ri]
		if row.Total {
			continue
		}
		if v, ok := cellCount(row, k); ok {
			sum += v.v
			tol += v.tol
			n++
		}
	}
	return sum, tol, n
}

// totalHint explains a total off by one row's value or by a digit slip.
func (c *checker) totalHint(t *model.Table, k model.Key, printedV, sum int64, lo, hi int) string {
	if h := slipHint(printedV, sum); h != "" {
		return h
	}
	diff := printedV - sum
	for ri := 0; ri < len(t.Rows); ri++ {
		row := &t.Rows[ri]
		if row.Total {
			continue
		}
		if v, ok := cellCount(row, k); ok && v.exact() && v.v != 0 && abs64(diff) == v.v {
			if diff > 0 {
				return fmt.Sprintf("the difference equals %s's %d: a row counted twice?", row.Unit, v.v)
			}
			return fmt.Sprintf("the difference equals %s's %d: a row left out?", row.Unit, v.v)
		}
	}
	return ""
}

// checkRanks: a 排名 column must follow the score order. The rows are
// sorted by rank; the longest run of rows whose scores follow the ranks
// (non-increasing, or non-decreasing if most rows say so) is taken as the
// order, and every row outside it is reported.
func (c *checker) checkRanks(ti int) {
	t := &c.b.Tables[ti]
	rk, sk := model.Rank, model.Score
	if !t.Has(rk) || !t.Has(sk) {
		return
	}
	type entry struct {
		row         int
		rank, score float64
	}
	var es []entry
	for ri := range t.Rows {
		row := &t.Rows[ri]
		if row.Total {
			continue
		}
		r, ok1 := row.Cells[rk].Number()
		s, ok2 := row.Cells[sk].Number()
		if ok1 && ok2 {
			es = append(es, entry{ri, r.Value, s.Value})
		}
	}
	if len(es) < 2 {
		return
	}
	// Rows sharing a rank (ties) may list their scores in either order.
	order := func(down bool) ([]entry, []int) {
		o := slices.Clone(es)
		sort.SliceStable(o, func(i, j int) bool {
			if o[i].rank != o[j].rank {
				return o[i].rank < o[j].rank
			}
			if down {
				return o[i].score > o[j].score
			}
			return o[i].score < o[j].score
		})
		scores := make([]float64, len(o))
		for i, e := range o {
			scores[i] = e.score
		}
		return o, longestMonotone(scores, down)
	}
	downEs, down := order(true)
	upEs, up := order(false)
	es, keep, dir := downEs, down, "decreasing"
	if len(up) > len(down) {
		es, keep, dir = upEs, up, "increasing"
	}
	if len(keep)*2 < len(es) {
		return // the ranks follow something else than the score
	}
	in := make([]bool, len(es))
	for _, i := range keep {
		in[i] = true
	}
	for i, e := range es {
		id := c.cellID(ti, e.row, rk)
		if in[i] {
			c.mark(id, stConsistent)
			continue
		}
		f := c.cellFinding(Error, RankOrder, ti, e.row, rk)
		f.Message = fmt.Sprintf("%s %s with %s %s is out of the %s score order of the other ranks",
			c.header(ti, rk), f.Published, c.header(ti, sk), t.Rows[e.row].Cells[sk].Text, dir)
		// The rank the score would give: 1 + the rows with a better score.
		better := 0
		for _, o := range es {
			if (dir == "decreasing" && o.score > e.score) || (dir == "increasing" && o.score < e.score) {
				better++
			}
		}
		f.Expected = itoa(int64(better + 1))
		c.add(f, id)
	}
}

// longestMonotone returns the indices of a longest non-increasing (down)
// or non-decreasing subsequence of v, in O(n log n).
func longestMonotone(v []float64, down bool) []int {
	key := func(i int) float64 {
		if down {
			return -v[i]
		}
		return v[i]
	}
	var tails []int // index of the smallest tail of each length
	prev := make([]int, len(v))
	for i := range v {
		// First tail strictly greater than key(i): non-decreasing runs.
		j := sort.Search(len(tails), func(j int) bool { return key(tails[j]) > key(i) })
		if j > 0 {
			prev[i] = tails[j-1]
		} else {
			prev[i] = -1
		}
		if j == len(tails) {
			tails = append(tails, i)
		} else {
			tails[j] = i
		}
	}
	out := make([]int, len(tails))
	for i, k := len(tails)-1, tails[len(tails)-1]; i >= 0; i, k = i-1, prev[k] {
		out[i] = k
	}
	return out
}
