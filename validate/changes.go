package validate

import (
	"fmt"
	"math"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// The changes family: changes against an earlier period.
//
// A relative change (同比增长10.8%, 减幅2.5%) is the absolute change Δ over
// the earlier value, current − Δ for an increase and current + Δ for a
// decrease, or over the earlier value when it is printed; a 个百分点
// change is the difference of the two rates when both are printed (the
// earlier one as the change's base). A decrease of more than 100% is
// impossible for any count or rate and is always an error. The other
// failures are errors when the change, its absolute change and its current
// value are tied together by the statement (each the parent of the next,
// in one paragraph), warnings when they were linked by position only.

// direction says whether a change is an increase (+1) or a decrease (−1),
// from its words, else from its sign; 0 when neither says.
func direction(f *model.Figure) int {
	if d := vocab.Direction(f.Label); d != 0 {
		return d
	}
	switch {
	case f.Value < 0:
		return -1
	case f.Value > 0 && f.Kind == model.Change:
		return 1
	}
	return 0
}

// isRelativeChange: a change in percent; isPointChange: in 个百分点;
// isAbsoluteChange: a change in items.
func isRelativeChange(f *model.Figure) bool {
	return isChange(f) && f.Unit == "%"
}

func isPointChange(f *model.Figure) bool {
	return strings.Contains(f.Unit, vocab.PointsWord)
}

func isAbsoluteChange(f *model.Figure) bool {
	return isChange(f) && !isRelativeChange(f) && !isPointChange(f) && f.Kind != model.RateFigure
}

// checkChanges checks every change figure.
func (c *checker) checkChanges() {
	for i := range c.b.Figures {
		f := &c.b.Figures[i]
		switch {
		case isPointChange(f):
			c.checkPointChange(i)
		case isRelativeChange(f):
			c.checkRelativeChange(i)
		case isAbsoluteChange(f) && f.Base != nil:
			c.checkAbsoluteChange(i)
		}
	}
}

// validFig reports whether i indexes a figure other than self.
func (c *checker) validFig(i, self int) bool { return i >= 0 && i < len(c.b.Figures) && i != self }

// currentOf finds the value a change compares: its parent when that is a
// total, else the nearest total before it in its paragraph. tied says the
// parent link gave it.
func (c *checker) currentOf(i int) (int, bool) {
	figs := c.b.Figures
	f := &figs[i]
	if p := f.Parent; c.validFig(p, i) && isTotal(&figs[p]) {
		return p, true
	}
	for j := i - 1; j >= max(0, i-proseWindow); j-- {
		if !samePara(&figs[j], f) {
			break
		}
		if isTotal(&figs[j]) {
			return j, false
		}
	}
	return -1, false
}

// printedChange reads the size of a change, and reports a decrease of
// more than 100 (percent, or points), which nothing can fall by; ok is
// false when the change was reported so or cannot be read.
func (c *checker) printedChange(i int, unit, why string) (p printed, dir int, ok bool) {
	f := &c.b.Figures[i]
	dir = direction(f)
	p, ok = toPrinted(math.Abs(f.Value), f.Decimals)
	if !ok {
		return p, dir, false
	}
	if dir < 0 && p.Scaled > int64(pow10[p.Decimals+2]) {
		fd := c.figFinding(Error, ChangeMismatch, i)
		fd.Expected = "≤ 100" + unit
		fd.Message = fmt.Sprintf("%s %s: nothing can fall by more than 100%s", f.Label, figText(f), unit)
		fd.Basis = why
		c.add(fd, figID(i))
		return p, dir, false
	}
	return p, dir, true
}

func (c *checker) checkRelativeChange(i int) {
	figs := c.b.Figures
	r := &figs[i]
	pr, dir, ok := c.printedChange(i, "%", "a count or rate that fell by more than all of it would be negative")
	if !ok {
		return
	}
	// The absolute change and the current value.
	abs, cur, tied := -1, -1, false
	switch p := r.Parent; {
	case c.validFig(p, i) && isAbsoluteChange(&figs[p]):
		abs = p
		cur, tied = c.currentOf(p)
	case c.validFig(p, i) && isTotal(&figs[p]):
		cur, tied = p, true
		for j := max(p+1, i-proseWindow); j < i; j++ {
			if isAbsoluteChange(&figs[j]) && samePara(&figs[j], r) {
				abs = j
			}
		}
	default:
		for j := i - 1; j >= max(0, i-proseWindow) && samePara(&figs[j], r); j-- {
			if isAbsoluteChange(&figs[j]) {
				abs = j
				break
			}
		}
		if abs >= 0 {
			cur, _ = c.currentOf(abs)
		}
	}
	if cur < 0 {
		return
	}
	cf := &figs[cur]
	now, ok := figCount(cf)
	if !ok || !now.exact() {
		return
	}
	var delta int64
	var earlier int64
	var how string
	switch {
	case r.Base != nil && *r.Base > 0 && *r.Base == math.Trunc(*r.Base):
		earlier = int64(*r.Base)
		delta = now.v - earlier
		how = fmt.Sprintf("(%d − %d)/%d", now.v, earlier, earlier)
	case abs >= 0:
		af := &figs[abs]
		d, ok := changeCount(af)
		if !ok || !d.exact() {
			return
		}
		ad := direction(af)
		if ad == 0 {
			ad = dir
		}
		delta = abs64(d.v) * int64(ad)
		earlier = now.v - delta
		how = fmt.Sprintf("%s %d/(%d %s %d)", af.Label, abs64(d.v), now.v, map[bool]string{true: "−", false: "+"}[delta > 0], abs64(d.v))
		tied = tied && samePara(af, r) && samePara(cf, r)
	default:
		return
	}
	if earlier <= 0 {
		return
	}
	ids := []valueID{figID(i)}
	set := fits(uint64(abs64(delta)), uint64(earlier), pr, pr.Decimals)
	agree := dir == 0 || delta == 0 || (delta > 0) == (dir > 0)
	if set != 0 && agree {
		for _, id := range ids {
			c.mark(id, stConsistent)
		}
		return
	}
	sev, basis := Warning, "the change was linked to its counts by position"
	if tied {
		sev, basis = Error, fmt.Sprintf("the change, its absolute change and %s are printed in one statement", cf.Label)
	}
	e, _ := roundRate(uint64(abs64(delta)), uint64(earlier), pr.Decimals, c.mode)
	f := c.figFinding(sev, ChangeMismatch, i)
	f.Expected = formatScaled(e, pr.Decimals)
	f.Published = formatScaled(uint64(pr.Scaled), pr.Decimals)
	if !agree {
		f.Message = fmt.Sprintf("%s %s goes the other way than its absolute change: %s", r.Label, figText(r), how)
		f.Basis = joinBasis(basis, "the change and its absolute change have opposite directions")
	} else {
		f.Message = fmt.Sprintf("%s %s: %s = %s", r.Label, figText(r), how, f.Expected)
		f.Basis = joinBasis(basis, fmt.Sprintf("no rounding of %d/%d gives %s", abs64(delta), earlier, f.Published))
		f.Hint = digitHint(f.Published, f.Expected)
	}
	c.add(f, ids...)
}

// changeCount reads an absolute change as a count, whichever sign it was
// given.
func changeCount(f *model.Figure) (count, bool) {
	g := *f
	g.Value = math.Abs(g.Value)
	return figCount(&g)
}

// checkAbsoluteChange: an absolute change with its earlier value printed
// ("由36233件增加到40140件，增加3907件") is the difference of the two.
func (c *checker) checkAbsoluteChange(i int) {
	figs := c.b.Figures
	a := &figs[i]
	cur, tied := c.currentOf(i)
	if cur < 0 || *a.Base != math.Trunc(*a.Base) {
		return
	}
	now, ok1 := figCount(&figs[cur])
	d, ok2 := changeCount(a)
	if !ok1 || !ok2 || !now.exact() || !d.exact() {
		return
	}
	want := now.v - int64(*a.Base)
	if abs64(want) == abs64(d.v) && (direction(a) == 0 || (want >= 0) == (direction(a) > 0)) {
		c.mark(figID(i), stConsistent)
		return
	}
	sev := Warning
	if tied && samePara(&figs[cur], a) {
		sev = Error
	}
	f := c.figFinding(sev, ChangeMismatch, i)
	f.Expected = itoa(abs64(want))
	f.Message = fmt.Sprintf("%s %s: %s %s − %d = %d", a.Label, figText(a), figs[cur].Label, figText(&figs[cur]), int64(*a.Base), want)
	f.Basis = fmt.Sprintf("the earlier value %d and the current %s are printed with it", int64(*a.Base), figText(&figs[cur]))
	c.add(f, figID(i))
}

// checkPointChange: a change in 个百分点 against the two rates, the
// current one (its parent) and the earlier one (its base), both printed.
func (c *checker) checkPointChange(i int) {
	figs := c.b.Figures
	pc := &figs[i]
	pv, dir, ok := c.printedChange(i, vocab.PointsUnit, "a rate is between 0% and 100%")
	if !ok {
		return
	}
	p := pc.Parent
	if !c.validFig(p, i) || figs[p].Kind != model.RateFigure || pc.Base == nil {
		return
	}
	rf := &figs[p]
	now, ok1 := toPrinted(rf.Value, rf.Decimals)
	before, ok2 := toPrinted(*pc.Base, decimalsOf(*pc.Base, rf.Decimals))
	if !ok1 || !ok2 {
		return
	}
	D := max(now.Decimals, before.Decimals, pv.Decimals)
	n, _ := now.rescale(D)
	b, _ := before.rescale(D)
	v, _ := pv.rescale(D)
	diff := n - b
	if dir < 0 {
		v = -v
	}
	// The rates were rounded before the publisher took their difference,
	// or not: allow each printed value its last digit.
	slack := int64(pow10[D-now.Decimals] + pow10[D-before.Decimals] + pow10[D-pv.Decimals])
	if abs64(diff-v) < slack && (dir == 0 || diff == 0 || (diff > 0) == (dir > 0)) {
		c.mark(figID(i), stConsistent)
		return
	}
	sev := Warning
	if samePara(rf, pc) {
		sev = Error
	}
	f := c.figFinding(sev, ChangeMismatch, i)
	f.Expected = formatFixed(uint64(abs64(diff)), D) + vocab.PointsUnit
	f.Message = fmt.Sprintf("%s %s: %s %s − %s = %s points", pc.Label, figText(pc), rf.Label, figText(rf),
		formatFixed(uint64(max(before.Scaled, 0)), before.Decimals)+"%", formatFixed(uint64(abs64(diff)), D))
	f.Basis = "the two rates are printed with the change; no rounding of them reconciles it"
	c.add(f, figID(i))
}

// decimalsOf returns the decimals a printed base needs, at least d.
func decimalsOf(v float64, d int) int {
	for d < maxDecimals && math.Abs(v*math.Pow10(d)-math.Round(v*math.Pow10(d))) > 1e-6 {
		d++
	}
	return d
}
