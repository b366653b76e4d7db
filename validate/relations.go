package validate

import (
	"fmt"
	"slices"

	"github.com/hotline12345/bulletin/model"
)

// The relations family: a part count is at most its whole.

// partsOfHandled are the counts of items that are among the period's
// handled items: the headers name them as kinds of handled items. Closed,
// open and overdue counts are not: they may include items carried over
// from earlier periods.
var partsOfHandled = []model.Key{
	model.OnTime, model.Satisfied, model.Excellent, model.Resolved, model.Replied,
	model.Visited, model.Dissatisfied,
}

// likelyInclusions are inclusions publishers commonly define (an excellent
// item is one closed on time, resolved, with the citizen satisfied; the
// satisfied and dissatisfied are among those called back). A table that
// prints both counts is held to one only when a note says so or its other
// rows establish it.
var likelyInclusions = []struct{ part, whole model.Key }{
	{model.Excellent, model.Satisfied},
	{model.Excellent, model.OnTime},
	{model.Excellent, model.Resolved},
	{model.Satisfied, model.Visited},
	{model.Dissatisfied, model.Visited},
}

// inclusion is one relation part ≤ whole of a table's columns.
type inclusion struct {
	part, whole model.Key
	sup         support
}

// tableInclusions lists the inclusions of a table with where they come
// from: the headers (a kind of handled item at most the handled count), a
// note (a rate's numerator at most its denominator; a defined metric at
// most every count it implies), or the rows (likelyInclusions).
func (c *checker) tableInclusions(ti int) []inclusion {
	t := &c.b.Tables[ti]
	var rels []inclusion
	add := func(p, w model.Key, sup support) {
		if p == w || !t.Has(p) || !t.Has(w) {
			return
		}
		if slices.ContainsFunc(rels, func(r inclusion) bool { return r.part == p && r.whole == w }) {
			return
		}
		rels = append(rels, inclusion{p, w, sup})
	}
	for _, k := range c.tabs[ti].counts {
		if slices.Contains(partsOfHandled, k.Base()) {
			add(k, model.Key(withGroup(k.Group(), model.Handled)), support{src: byHeader})
		}
	}
	for _, d := range c.tabs[ti].defs {
		sup := c.noteSupport(d, ti)
		if d.Numerator != "" && d.Denominator != "" {
			add(d.Numerator, d.Denominator, sup)
		}
		if k, ok := definedColumn(t, d.Key); ok && !k.IsRate() {
			for _, w := range d.Implies {
				add(k, w, sup)
			}
		}
	}
	for _, g := range groupsOf(t) {
		for _, li := range likelyInclusions {
			p, w := model.Key(withGroup(g, li.part)), model.Key(withGroup(g, li.whole))
			if c.definedOtherwise(ti, p, w) {
				continue
			}
			add(p, w, support{src: byData})
		}
	}
	return rels
}

// definedOtherwise reports whether a note defines the part's rate over
// another base than whole, or the part as implying other counts than
// whole: then the likely inclusion is not this table's.
func (c *checker) definedOtherwise(ti int, part, whole model.Key) bool {
	for _, d := range c.tabs[ti].defs {
		if rk, ok := part.RateKey(); ok && (d.Key == rk || d.Key == rk.Base()) && d.Denominator != "" && d.Denominator.Base() != whole.Base() {
			return true
		}
		if (d.Key == part || d.Key == part.Base()) && len(d.Implies) > 0 && !slices.Contains(d.Implies, whole.Base()) {
			return true
		}
	}
	return false
}

// groupsOf lists the column groups of a table ("" for ungrouped columns).
func groupsOf(t *model.Table) []string {
	var gs []string
	for _, col := range t.Columns {
		if g := col.Key.Group(); !slices.Contains(gs, g) {
			gs = append(gs, g)
		}
	}
	return gs
}

// checkTableRelations: each part count of table ti is at most its whole.
func (c *checker) checkTableRelations(ti int) {
	t := &c.b.Tables[ti]
	for _, r := range c.tableInclusions(ti) {
		parts, wholes := c.counts(ti, r.part), c.counts(ti, r.whole)
		partSlot, wholeSlot := c.slot(ti, r.part), c.slot(ti, r.whole)
		// Weigh the relation on the rows that could break it.
		for ri := range t.Rows {
			p, ok1 := parts.v[ri], parts.has[ri]
			w, ok2 := wholes.v[ri], wholes.has[ri]
			if !ok1 || !ok2 || p.v == 0 {
				continue
			}
			r.sup.tested++
			if p.v-p.tol <= w.v+w.tol {
				r.sup.holds++
			}
		}
		sev := r.sup.severity()
		if sev == "" {
			continue // not a relation of this table: nothing to mark or report
		}
		relation := fmt.Sprintf("%s ≤ %s, %s", c.header(ti, r.part), c.header(ti, r.whole), r.sup.basis())
		partStatus, wholeStatus := c.statusOf(ti, partSlot), c.statusOf(ti, wholeSlot)
		for ri := range t.Rows {
			p, ok1 := parts.v[ri], parts.has[ri]
			w, ok2 := wholes.v[ri], wholes.has[ri]
			if !ok1 || !ok2 {
				continue
			}
			if p.v-p.tol <= w.v+w.tol {
				raise(partStatus, ri, stConsistent)
				raise(wholeStatus, ri, stConsistent)
				continue
			}
			id, wid := slotID(ti, ri, partSlot), slotID(ti, ri, wholeSlot)
			f := c.cellFinding(sev, CountExceeds, ti, ri, r.part)
			f.Expected = "≤ " + itoa(w.v)
			f.Message = fmt.Sprintf("%s %d exceeds %s %d", c.header(ti, r.part), p.v, c.header(ti, r.whole), w.v)
			if v, ok := transposedUnder(p.v, w.v); ok {
				f.Hint = fmt.Sprintf("%s %d may be %d with two transposed digits", c.header(ti, r.part), p.v, v)
			}
			f.Basis = joinBasis(relation, fmt.Sprintf("%d > %d", p.v, w.v))
			c.add(f, id, wid)
		}
	}
}

// transposedUnder returns v with two adjacent digits swapped when that
// brings it to at most w (52 for 25 over 47). A changed digit is not
// offered: one can nearly always be found.
func transposedUnder(v, w int64) (int64, bool) {
	for x, slip := range variants(uint64(v)) {
		if slip == transposedDigits && int64(x) <= w {
			return int64(x), true
		}
	}
	return 0, false
}
