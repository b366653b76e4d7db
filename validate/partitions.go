package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// The partitions family: counts of a row that are the sum of others.
//
// A handled count splits into status counts: closed + open, closed + open
// + overdue, on-time + overdue (closed late) + open. Which split a table
// uses is not printed in its headers, so it is read from its rows: the
// split that holds on the most rows, using every disjoint status column —
// an unrecognised count column (退回数, 超时未办结) belongs to it when it
// closes the gap. The rows establish it when it fails on at most one in
// ten of them; a split that fails on most rows is not a relation of the
// table and is not reported. The report's conventions say which split was
// used.
//
// An overall group of a two-level header (合计/总计 over 12345热线 and
// 政民互动) is named by its header as the sum of the other groups.

// statusSplits are the canonical splits of a handled count.
var statusSplits = [][]model.Key{
	{model.Closed, model.Open},
	{model.Closed, model.Open, model.Overdue},
	{model.OnTime, model.Overdue, model.Open},
}

// sumRelation is one count of a row that should be the sum of others.
type sumRelation struct {
	whole model.Key
	parts []model.Key
	sup   support
	// about says what the relation is, for the basis: "承办件数 = 办结数 +
	// 在办数 + 退回数".
	about string
}

// checkTablePartitions checks the row sums of table ti.
func (c *checker) checkTablePartitions(ti int) {
	for _, r := range c.statusSplit(ti) {
		c.checkSum(ti, r)
	}
	for _, r := range c.groupSums(ti) {
		c.checkSum(ti, r)
	}
}

// holdsIn weighs a sum over a table's rows: rows where every term is
// printed and the whole is not 0.
func (c *checker) holdsIn(ti int, whole model.Key, parts []model.Key) support {
	var s support
	ws, ps := c.counts(ti, whole), c.sumCols(ti, parts)
	for ri := range ws.v {
		w, ok := ws.v[ri], ws.has[ri]
		if !ok || w.v == 0 {
			continue
		}
		sum, tol, ok := ps.at(ri)
		if !ok {
			continue
		}
		s.tested++
		if abs64(sum-w.v) <= w.tol+tol {
			s.holds++
		}
	}
	return s
}

// statusSplit finds, for each group of a table with a handled count, the
// split of the handled count its rows follow.
func (c *checker) statusSplit(ti int) []sumRelation {
	t := &c.b.Tables[ti]
	var out []sumRelation
	for _, g := range groupsOf(t) {
		h := model.Key(withGroup(g, model.Handled))
		if !t.Has(h) {
			continue
		}
		var extra []model.Key
		for _, k := range c.tabs[ti].counts {
			if k.Group() == g && !k.IsCanonical() {
				extra = append(extra, k)
			}
		}
		var best *sumRelation
		for _, split := range statusSplits {
			parts := make([]model.Key, len(split))
			for i, k := range split {
				parts[i] = model.Key(withGroup(g, k))
			}
			if slices.ContainsFunc(parts, func(k model.Key) bool { return !t.Has(k) }) {
				continue
			}
			cands := [][]model.Key{parts}
			for _, u := range extra {
				cands = append(cands, append(slices.Clone(parts), u))
			}
			for _, ps := range cands {
				s := c.holdsIn(ti, h, ps)
				if s.tested == 0 {
					continue
				}
				if best == nil || s.holds > best.sup.holds || (s.holds == best.sup.holds && len(ps) > len(best.parts)) {
					best = &sumRelation{whole: h, parts: ps, sup: s}
				}
			}
		}
		if best == nil {
			continue
		}
		best.about = fmt.Sprintf("%s = %s", c.header(ti, h), c.joinHeaders(ti, best.parts, " + "))
		out = append(out, *best)
		cv := Convention{Table: ti, Column: h, Kind: "sum", Parts: best.parts, Source: "inferred",
			Fits: best.sup.holds, Rows: best.sup.tested, Basis: best.about + ", " + best.sup.basis()}
		if best.sup.severity() == "" {
			cv.Source, cv.Basis = "", best.about+" "+best.sup.rows()+": not a relation of this table"
		} else if u := best.parts[len(best.parts)-1]; !u.IsCanonical() {
			cv.Basis += fmt.Sprintf("; %s, which no header names as a status, closes the gap", c.header(ti, u))
		}
		c.conventions = append(c.conventions, cv)
	}
	return out
}

// groupSums finds the columns of an overall group (ungrouped beside
// grouped ones, or under 合计/总计) that its header names as the sum of the
// same count in every other group.
func (c *checker) groupSums(ti int) []sumRelation {
	t := &c.b.Tables[ti]
	var overall string
	var others []string
	hasUngrouped := false
	for _, g := range groupsOf(t) {
		switch {
		case g == "":
			hasUngrouped = true
		case vocab.IsOverallGroup(g):
			overall = g
		default:
			others = append(others, g)
		}
	}
	if len(others) < 2 || (overall == "" && !hasUngrouped) {
		return nil
	}
	var out []sumRelation
	for _, k := range c.tabs[ti].counts {
		if k.Group() != overall {
			continue
		}
		base := k.Base()
		var parts []model.Key
		for _, g := range others {
			if p := model.Key(withGroup(g, base)); t.Has(p) {
				parts = append(parts, p)
			}
		}
		if len(parts) != len(others) {
			continue
		}
		name := overall
		if name == "" {
			name = "overall"
		}
		r := sumRelation{whole: k, parts: parts, sup: c.holdsIn(ti, k, parts)}
		r.sup.src, r.sup.what = byHeader, fmt.Sprintf("the %s group of the header", name)
		r.about = fmt.Sprintf("%s = %s", c.header(ti, k), c.joinHeaders(ti, parts, " + "))
		out = append(out, r)
		c.conventions = append(c.conventions, Convention{Table: ti, Column: k, Kind: "sum", Parts: parts, Source: "header",
			Fits: r.sup.holds, Rows: r.sup.tested, Basis: r.about + ", " + r.sup.basis()})
	}
	return out
}

// checkSum reports the rows where a sum relation fails, with the severity
// its evidence allows.
func (c *checker) checkSum(ti int, r sumRelation) {
	t := &c.b.Tables[ti]
	sev := r.sup.severity()
	if sev == "" {
		return
	}
	ws, ps := c.counts(ti, r.whole), c.sumCols(ti, r.parts)
	slot := c.slot(ti, r.whole)
	for ri := range t.Rows {
		w, ok := ws.v[ri], ws.has[ri]
		if !ok {
			continue
		}
		sum, tol, ok := ps.at(ri)
		if !ok {
			continue
		}
		id := slotID(ti, ri, slot)
		if abs64(sum-w.v) <= w.tol+tol {
			c.mark(id, stConsistent)
			continue
		}
		if t.Rows[ri].Total && c.cfg.on(TotalMismatch) && slices.ContainsFunc(append([]model.Key{r.whole}, r.parts...),
			func(k model.Key) bool { return c.totalFails(ti, ri, k) }) {
			// A total row's cell that is not its column's sum is the
			// wrong one, and total_mismatch says so.
			continue
		}
		names := make([]string, len(r.parts))
		for i, k := range r.parts {
			v, _ := c.countAt(ti, ri, k)
			names[i] = fmt.Sprintf("%s %d", c.header(ti, k), v.v)
		}
		f := c.cellFinding(sev, PartsSumMismatch, ti, ri, r.whole)
		f.Expected = itoa(sum)
		f.Message = fmt.Sprintf("%s = %d, not %s %d", strings.Join(names, " + "), sum, c.header(ti, r.whole), w.v)
		f.Hint = slipHint(w.v, sum)
		f.Basis = joinBasis(r.about+", "+r.sup.basis(), fmt.Sprintf("%d ≠ %d", w.v, sum))
		c.add(f, id)
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
