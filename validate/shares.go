package validate

import (
	"fmt"
	"strconv"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// The shares family: "X件，占Y%" against the total the share is of.
//
// A share holds when some rounding of X over the total prints Y; one that
// holds only under another rounding mode than the document's is a
// rate_rounding warning, as rates are. When every share of a list holds
// against another base (the parts' sum, another stated count), one
// share_base warning names it. A share that holds against nothing is a
// share_mismatch: an error when the total is the share's stated parent in
// the same statement, or when the other shares of its list establish it;
// a warning when the base is only the count the share follows. A share
// that another part of its list gives over the same total (a 分别 list
// read in the wrong order), or that the share's count gives over another
// count of its paragraph (a nested breakdown), is another reading of the
// same numbers and is not reported.

// shareItem is one printed share of a list.
type shareItem struct {
	fig int
	k   uint64
	p   printed
	set modeSet // the modes under which k over the list's total prints p
	of  int     // for a share read as a rate: the count it is the share of
}

// analyseShares collects, for the inference of the document's rounding
// mode, the modes under which each share holds against its parent.
func (c *checker) analyseShares() {
	figs := c.b.Figures
	for i := range figs {
		f := &figs[i]
		p := f.Parent
		if p < 0 || p >= len(figs) || p == i || !isTotal(&figs[p]) {
			continue
		}
		sp, ok1 := printedShare(f)
		v, ok2 := figCount(f)
		t, ok3 := figCount(&figs[p])
		if ok1 && ok2 && ok3 && v.exact() && t.exact() && t.v > 0 && isCountFigure(f) {
			c.countModes(fits(uint64(v.v), uint64(t.v), sp, sp.Decimals))
		}
	}
}

// checkShares checks the shares of every total's parts, and the shares
// printed without a parent.
func (c *checker) checkShares() {
	kids := c.children()
	for p := range c.b.Figures {
		if !isTotal(&c.b.Figures[p]) {
			continue
		}
		for _, list := range model.PartLists(c.b.Figures, kids[p]) {
			parts := c.countParts(p, list)
			// Shares taken of another figure than the parts' whole, which
			// the text names (分别约占受理总量的…), are checked against it.
			base := p
			if len(parts) > 0 {
				if of := c.b.Figures[parts[0]].ShareOf; of != nil && *of >= 0 && *of < len(c.b.Figures) && isCountFigure(&c.b.Figures[*of]) {
					base = *of
				}
			}
			c.checkShareList(base, parts, true)
		}
	}
	c.checkOrphanShares()
	c.checkShareRates()
}

// checkShareRates checks shares read as rates: "城乡建设类612件，占25.42%"
// read as a rate 25.42% of the count 612. A run of three or more in one
// paragraph is a list of shares of the stated total over which all but at
// most one hold (the list establishes it); each that does not is a
// share_mismatch; without such a total, nothing is said.
func (c *checker) checkShareRates() {
	figs := c.b.Figures
	var run []shareItem
	flush := func() {
		if len(run) >= minEvidence {
			c.checkShareRateRun(run)
		} else {
			for _, s := range run {
				c.mark(figID(s.fig), stUntestable)
			}
		}
		run = run[:0]
	}
	for i := range figs {
		f := &figs[i]
		if f.Kind != model.RateFigure || !vocab.IsShareLabel(f.Label) {
			continue
		}
		// "X件，占Y%": the share is of the count printed right before it,
		// whatever parent the rate was given.
		p := -1
		if j := i - 1; j >= 0 && samePara(&figs[j], f) && isTotal(&figs[j]) {
			p = j
		} else if c.validFig(f.Parent, i) && isTotal(&figs[f.Parent]) {
			p = f.Parent
		}
		if p < 0 {
			continue
		}
		k, ok1 := figCount(&figs[p])
		pr, ok2 := toPrinted(f.Value, f.Decimals)
		if !ok1 || !ok2 || !k.exact() || pr.Scaled < 0 {
			continue
		}
		if len(run) > 0 && !samePara(&figs[run[len(run)-1].fig], f) {
			flush()
		}
		run = append(run, shareItem{fig: i, k: uint64(k.v), p: pr, of: p})
	}
	flush()
}

func (c *checker) checkShareRateRun(run []shareItem) {
	figs := c.b.Figures
	var largest uint64
	isPart := map[int]bool{}
	for _, s := range run {
		largest = max(largest, s.k)
		isPart[s.of] = true
	}
	best, bestHolds := c.bestBase(run, run[0].fig, run[len(run)-1].fig, isPart, largest, figs[run[0].of].Unit)
	if best < 0 || !(support{src: byData, holds: bestHolds, tested: len(run)}).established() {
		for _, s := range run {
			c.mark(figID(s.fig), stUntestable)
		}
		return
	}
	tf := &figs[best]
	total, _ := figCount(tf)
	for i := range run {
		s := &run[i]
		s.set = fits(s.k, uint64(total.v), s.p, s.p.Decimals)
	}
	for _, s := range run {
		kf := &figs[s.of]
		e, _ := roundRate(s.k, uint64(total.v), s.p.Decimals, c.mode)
		published := formatScaled(uint64(max(s.p.Scaled, 0)), s.p.Decimals)
		expected := formatScaled(e, s.p.Decimals)
		switch {
		case s.set.has(c.mode):
			c.mark(figID(s.fig), stConsistent)
		case s.set != 0:
			m, _ := s.set.first()
			f := c.figFinding(Warning, RateRounding, s.fig)
			f.Published, f.Expected = published, expected
			f.Message = fmt.Sprintf("the share of %s %s in %s %s holds only under %s: %d/%d = %s under the document's %s rounding",
				kf.Label, figText(kf), tf.Label, figText(tf), m, s.k, total.v, expected, c.mode)
			f.Basis = fmt.Sprintf("%d/%d gives %s only under %s; the document rounds %s (%s)", s.k, total.v, published, m, c.mode, c.modeEvidence())
			c.add(f, figID(s.fig))
		case c.shareExplainedBy(run, &s, uint64(total.v)):
			c.mark(figID(s.fig), stUntestable)
		default:
			f := c.figFinding(Error, ShareMismatch, s.fig)
			f.Published, f.Expected = published, expected
			f.Message = fmt.Sprintf("%s %s is %s of %s %s, not the printed %s", kf.Label, figText(kf), expected, tf.Label, figText(tf), published)
			f.Hint = digitHint(published, expected)
			f.Basis = joinBasis(fmt.Sprintf("the other shares of the list hold over %s (%d of %d)", figText(tf), bestHolds, len(run)),
				fmt.Sprintf("no rounding of %d/%d gives %s", s.k, total.v, published))
			c.add(f, figID(s.fig))
		}
	}
}

// shareExplainedBy reports whether a share of a run is another item's
// share of the total (the shares read in another order).
func (c *checker) shareExplainedBy(run []shareItem, s *shareItem, total uint64) bool {
	for _, o := range run {
		if o.fig != s.fig && fits(o.k, total, s.p, s.p.Decimals) != 0 {
			return true
		}
	}
	return false
}

// checkOrphanShares checks shares printed without a parent ("受理群众诉求
// 中，咨询类450件，占47.37%；求助类300件，占31.58%…"): each run of such
// figures is a list of parts of a stated total, the one over which most of
// its shares hold (they establish it), else the nearest count before it
// without a parent, in the same unit, at least as large as every part.
func (c *checker) checkOrphanShares() {
	figs := c.b.Figures
	orphan := func(i int) bool {
		f := &figs[i]
		return f.Parent < 0 && f.Share != nil && isCountFigure(f) && !isChange(f)
	}
	for i := 0; i < len(figs); {
		if !orphan(i) {
			i++
			continue
		}
		j := i
		var group []int
		largest := 0.0
		for j < len(figs) && orphan(j) && unitsCompatible(figs[j].Unit, figs[i].Unit) {
			group = append(group, j)
			largest = max(largest, figs[j].Value)
			j++
		}
		base, attached := -1, false
		if b, ok := c.establishedBase(group, largest); ok {
			base, attached = b, true
		} else {
			for k := i - 1; k >= max(0, i-4*proseWindow); k-- {
				f := &figs[k]
				if f.Parent < 0 && f.Share == nil && isTotal(f) && unitsCompatible(f.Unit, figs[i].Unit) && f.Value >= largest {
					base = k
					break
				}
			}
		}
		if base >= 0 {
			c.checkShareList(base, group, attached)
		} else {
			for _, k := range group {
				c.mark(figID(k), stUntestable)
			}
		}
		i = j
	}
}

// establishedBase finds the stated total over which the shares of a list
// of at least three hold on all but at most one: the list itself
// establishes it.
func (c *checker) establishedBase(group []int, largest float64) (int, bool) {
	if len(group) < minEvidence {
		return -1, false
	}
	figs := c.b.Figures
	var items []shareItem
	for _, k := range group {
		sp, ok1 := printedShare(&figs[k])
		v, ok2 := figCount(&figs[k])
		if ok1 && ok2 && v.exact() {
			items = append(items, shareItem{fig: k, k: uint64(v.v), p: sp, of: k})
		}
	}
	isPart := map[int]bool{}
	for _, k := range group {
		isPart[k] = true
	}
	best, holds := c.bestBase(items, group[0], group[len(group)-1], isPart, uint64(largest), figs[group[0]].Unit)
	s := support{src: byData, holds: holds, tested: len(group)}
	return best, best >= 0 && s.established()
}

// bestBase looks, among the stated totals near a list of shares (from
// first to last), for the one over which the most shares hold: not one of
// the list's counts, in a compatible unit, at least as large as every
// count. It returns the figure and the number of shares that hold.
func (c *checker) bestBase(items []shareItem, first, last int, isPart map[int]bool, largest uint64, unit string) (int, int) {
	figs := c.b.Figures
	best, bestHolds := -1, 0
	for b := max(0, first-4*proseWindow); b < min(len(figs), last+proseWindow); b++ {
		f := &figs[b]
		if isPart[b] || f.Share != nil || !isTotal(f) || !unitsCompatible(f.Unit, unit) {
			continue
		}
		t, ok := figCount(f)
		if !ok || !t.exact() || t.v <= 0 || uint64(t.v) < largest {
			continue
		}
		holds := 0
		for _, s := range items {
			if fits(s.k, uint64(t.v), s.p, s.p.Decimals) != 0 {
				holds++
			}
		}
		if holds > bestHolds {
			best, bestHolds = b, holds
		}
	}
	return best, bestHolds
}

// checkShareList checks the shares of parts against the total figure p.
// attached says whether the parts were given as p's (or p is established
// by the list's other shares), not taken for its parts by position.
func (c *checker) checkShareList(p int, parts []int, attached bool) {
	figs := c.b.Figures
	pf := &figs[p]
	total, ok := figCount(pf)
	if !ok || total.v <= 0 {
		return
	}
	if !total.exact() {
		c.checkApproxShares(p, parts, attached)
		return
	}
	var shares []shareItem
	var approx []int // parts printed in 万: tested by the range they stand for
	for _, k := range parts {
		kf := &figs[k]
		sp, ok := printedShare(kf)
		if !ok {
			continue
		}
		v, ok := figCount(kf)
		if ok && !v.exact() && !perItem(kf) {
			approx = append(approx, k)
			continue
		}
		if !ok || perItem(kf) {
			c.mark(figID(k), stUntestable)
			continue
		}
		shares = append(shares, shareItem{fig: k, k: uint64(v.v), p: sp, set: fits(uint64(v.v), uint64(total.v), sp, sp.Decimals), of: k})
	}
	if len(approx) > 0 {
		c.checkApproxShares(p, approx, attached)
	}
	if len(shares) == 0 {
		return
	}
	holding := 0
	for _, s := range shares {
		if s.set != 0 {
			holding++
		}
	}
	if holding == len(shares) {
		c.mark(figID(p), stConsistent)
		for _, s := range shares {
			c.classifyShare(p, s)
		}
		return
	}
	if holding == 0 && len(shares) >= 2 && c.reportShareBase(p, parts, shares) {
		return
	}
	c.mark(figID(p), stConsistent)
	listSup := support{src: byData, holds: holding, tested: len(shares)}
	for _, s := range shares {
		if s.set != 0 {
			c.classifyShare(p, s)
			continue
		}
		kf := &figs[s.fig]
		if c.shareExplained(p, s, shares, parts) {
			c.mark(figID(s.fig), stUntestable)
			continue
		}
		sev, basis := Warning, fmt.Sprintf("%s was taken for the share's total by its position", pf.Label)
		switch {
		case holding >= 2 && listSup.established():
			sev, basis = Error, fmt.Sprintf("the other shares of the list hold over %s (%d of %d)", figText(pf), holding, len(shares))
		case attached && samePara(pf, kf) && (holding > 0 || len(shares) == 1):
			sev, basis = Error, fmt.Sprintf("the share is of %s, its total in the same statement", figText(pf))
		}
		e, _ := roundRate(s.k, uint64(total.v), s.p.Decimals, c.mode)
		f := c.figFinding(sev, ShareMismatch, s.fig)
		f.Published = formatScaled(uint64(max(s.p.Scaled, 0)), s.p.Decimals)
		f.Expected = formatScaled(e, s.p.Decimals)
		f.Message = fmt.Sprintf("%s %s is %s of %s %s, not the printed %s",
			kf.Label, figText(kf), f.Expected, pf.Label, figText(pf), f.Published)
		f.Hint = digitHint(f.Published, f.Expected)
		f.Basis = joinBasis(basis, fmt.Sprintf("no rounding of %d/%d gives %s", s.k, total.v, f.Published))
		c.add(f, figID(s.fig))
	}
}

// classifyShare marks a share that holds over its total, or reports it
// as rate_rounding when it holds only under another mode than the
// document's.
func (c *checker) classifyShare(p int, s shareItem) {
	id := figID(s.fig)
	if s.set.has(c.mode) {
		c.mark(id, stConsistent)
		return
	}
	pf, kf := &c.b.Figures[p], &c.b.Figures[s.fig]
	total, _ := figCount(pf)
	m, _ := s.set.first()
	e, _ := roundRate(s.k, uint64(total.v), s.p.Decimals, c.mode)
	f := c.figFinding(Warning, RateRounding, s.fig)
	f.Published = formatScaled(uint64(max(s.p.Scaled, 0)), s.p.Decimals)
	f.Expected = formatScaled(e, s.p.Decimals)
	f.Message = fmt.Sprintf("the share of %s %s in %s %s holds only under %s: %d/%d = %s under the document's %s rounding",
		kf.Label, figText(kf), pf.Label, figText(pf), m, s.k, total.v, f.Expected, c.mode)
	f.Basis = fmt.Sprintf("%d/%d gives %s only under %s; the document rounds %s (%s)", s.k, total.v, f.Published, m, c.mode, c.modeEvidence())
	c.add(f, id)
}

// shareExplained reports whether a share that does not hold over its
// total is another reading of the same numbers: the share of another part
// of its list over the total (shares listed in another order), or the
// share of its count over another count of its paragraph at least as
// large (a breakdown of a part read as one of the total).
func (c *checker) shareExplained(p int, s shareItem, shares []shareItem, parts []int) bool {
	figs := c.b.Figures
	total, _ := figCount(&figs[p])
	for _, o := range parts {
		if o == s.fig {
			continue
		}
		if v, ok := figCount(&figs[o]); ok && v.exact() && fits(uint64(v.v), uint64(total.v), s.p, s.p.Decimals) != 0 {
			return true
		}
	}
	for _, o := range shares {
		if o.fig != s.fig && fits(o.k, uint64(total.v), s.p, s.p.Decimals) != 0 {
			return true
		}
	}
	for _, i := range c.near(s.fig) {
		f := &figs[i]
		if i == p || !isTotal(f) {
			continue
		}
		if v, ok := figCount(f); ok && v.exact() && uint64(v.v) >= s.k && v.v > 0 && fits(s.k, uint64(v.v), s.p, s.p.Decimals) != 0 {
			return true
		}
	}
	return false
}

// reportShareBase reports a list whose every share holds against another
// base than its stated total: the parts' sum, or another stated count.
func (c *checker) reportShareBase(p int, parts []int, shares []shareItem) bool {
	figs := c.b.Figures
	pf := &figs[p]
	total, _ := figCount(pf)
	type base struct {
		v    uint64
		name string
	}
	var bases []base
	var sum int64
	exact := true
	for _, k := range parts {
		v, ok := figCount(&figs[k])
		exact = exact && ok && v.exact()
		sum += v.v
	}
	if exact && sum > 0 && sum != total.v {
		bases = append(bases, base{uint64(sum), fmt.Sprintf("the parts' sum %d", sum)})
	}
	isPart := map[int]bool{}
	for _, k := range parts {
		isPart[k] = true
	}
	for i := max(0, p-4*proseWindow); i < min(len(figs), p+4*proseWindow); i++ {
		f := &figs[i]
		if i == p || isPart[i] || !isTotal(f) || !unitsCompatible(f.Unit, pf.Unit) {
			continue
		}
		if v, ok := figCount(f); ok && v.exact() && v.v > 0 && v.v != total.v {
			bases = append(bases, base{uint64(v.v), fmt.Sprintf("%s %s", f.Label, figText(f))})
		}
	}
	for _, b := range bases {
		all := true
		for _, s := range shares {
			all = all && s.k <= b.v && fits(s.k, b.v, s.p, s.p.Decimals) != 0
		}
		if !all {
			continue
		}
		f := c.figFinding(Warning, ShareBase, p)
		f.Expected = strconv.FormatUint(b.v, 10)
		f.Message = fmt.Sprintf("the shares of the parts of %s %s were computed against %s, not against the stated total",
			pf.Label, figText(pf), b.name)
		f.Basis = fmt.Sprintf("all %d shares hold over %d and none over %d", len(shares), b.v, total.v)
		ids := []valueID{figID(p)}
		for _, s := range shares {
			ids = append(ids, figID(s.fig))
		}
		c.add(f, ids...)
		return true
	}
	return false
}

// checkApproxShares checks the shares of parts of a total where the total
// or the part is printed as a magnitude (6.61万件), which stands for any
// count within its last digit.
// A share is reported only when no count the total and the part may stand
// for gives it under any rounding: k/T falls as T grows, so the lowest
// printable share is the truncation of the smallest part over the largest
// total, and the highest the rounding up of the largest part over the
// smallest total.
func (c *checker) checkApproxShares(p int, parts []int, attached bool) {
	figs := c.b.Figures
	pf := &figs[p]
	total, _ := figCount(pf)
	tmin, tmax := total.v-total.tol, total.v+total.tol
	if tmin <= 0 {
		return
	}
	for _, k := range parts {
		kf := &figs[k]
		sp, ok := printedShare(kf)
		if !ok || sp.Scaled < 0 || perItem(kf) {
			continue
		}
		v, ok := figCount(kf)
		if !ok || v.v <= 0 {
			continue
		}
		kmin, kmax := max(v.v-v.tol, 0), v.v+v.tol
		lo, hi, ok := shareRange(kmin, kmax, tmin, tmax, sp.Decimals)
		if !ok {
			continue // a part larger than the total: parts_exceed_total says so
		}
		if uint64(sp.Scaled) >= lo && uint64(sp.Scaled) <= hi {
			c.mark(figID(k), stConsistent)
			continue
		}
		if c.fitsNearCount(k, kmin, kmax, sp) {
			c.mark(figID(k), stUntestable) // the share of another count of its paragraph
			continue
		}
		sev := Warning
		if attached && samePara(pf, kf) {
			sev = Error
		}
		f := c.figFinding(sev, ShareMismatch, k)
		f.Published = formatScaled(uint64(sp.Scaled), sp.Decimals)
		f.Expected = formatFixed(lo, sp.Decimals) + "–" + formatScaled(hi, sp.Decimals)
		f.Message = fmt.Sprintf("%s %s is %s of %s %s (%d to %d), not the printed %s",
			kf.Label, magnitudeText(kf), f.Expected, pf.Label, magnitudeText(pf), tmin, tmax, f.Published)
		f.Basis = fmt.Sprintf("no count from %d to %d gives %s of %d to %d under any rounding", kmin, kmax, f.Published, tmin, tmax)
		c.add(f, figID(k))
	}
}

// magnitudeText prints a figure as its text does: "6.61万件" for a count
// read in 万, else its value and unit.
func magnitudeText(f *model.Figure) string {
	if m := vocab.Magnitudes.Prefix(f.PrintedUnit); m != "" {
		return strconv.FormatFloat(f.Value/vocab.MagnitudeOf(m), 'f', max(f.Decimals, 0), 64) + f.PrintedUnit
	}
	return figText(f)
}

// shareRange returns the lowest and highest share, at d decimals, that a
// count from kmin to kmax gives of a total from tmin to tmax under any
// rounding: the truncation of the smallest quotient and the rounding up of
// the largest. ok is false when the quotient may pass 100%.
func shareRange(kmin, kmax, tmin, tmax int64, d int) (lo, hi uint64, ok bool) {
	if tmin <= 0 || kmin < 0 {
		return 0, 0, false
	}
	lo, ok1 := roundRate(uint64(kmin), uint64(tmax), d, Truncate)
	hi, ok2 := roundRate(uint64(kmax), uint64(tmin), d, Truncate)
	return lo, hi + 1, ok1 && ok2
}

// fitsNearCount reports whether the share sp of figure k (a count from
// kmin to kmax) holds over another count of its paragraph at least as
// large: the share was taken of that count, not of the magnitude.
func (c *checker) fitsNearCount(k int, kmin, kmax int64, sp printed) bool {
	for _, i := range c.near(k) {
		f := &c.b.Figures[i]
		if !isTotal(f) {
			continue
		}
		n, ok := figCount(f)
		if !ok || n.v <= 0 || n.v+n.tol < kmin {
			continue
		}
		if lo, hi, ok := shareRange(kmin, kmax, max(n.v-n.tol, 1), n.v+n.tol, sp.Decimals); ok &&
			uint64(sp.Scaled) >= lo && uint64(sp.Scaled) <= hi {
			return true
		}
	}
	return false
}
