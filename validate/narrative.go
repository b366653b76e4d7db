package validate

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/model"
)

// isCountFigure reports whether a figure states a number of items.
func isCountFigure(f *model.Figure) bool {
	switch f.Kind {
	case model.Count:
		return true
	case "":
		return f.Unit != "%" && f.Unit != "个百分点"
	}
	return false
}

// figCount reads a count figure, with the tolerance of a magnitude in 万:
// a figure whose unit is "万件" states its value in 万 (9.67 is 96,700 ±
// 100); a figure with value 96700 whose text prints "9.67万" has the same
// tolerance.
func figCount(f *model.Figure) (count, bool) {
	d := f.Decimals
	for _, m := range []struct {
		prefix string
		scale  float64
	}{{"万", 1e4}, {"亿", 1e8}} {
		if strings.HasPrefix(f.Unit, m.prefix) {
			return countOf(f.Value*m.scale, m.prefix, &d)
		}
		if s := strconv.FormatFloat(f.Value/m.scale, 'f', -1, 64); strings.Contains(f.Text, s+m.prefix) {
			return countOf(f.Value, m.prefix, &d)
		}
	}
	return countOf(f.Value, "", &d)
}

// unitsCompatible reports whether a part's counting word can be added to
// its whole's (件 and 件, or either unstated; 万件 counts 件).
func unitsCompatible(a, b string) bool {
	a, b = strings.TrimLeft(a, "万亿"), strings.TrimLeft(b, "万亿")
	return a == "" || b == "" || a == b
}

// children returns, for each figure, the indices of the figures whose
// Parent it is.
func (c *checker) children() [][]int {
	figs := c.b.Figures
	kids := make([][]int, len(figs))
	for i := range figs {
		if p := figs[i].Parent; p >= 0 && p < len(figs) && p != i {
			kids[p] = append(kids[p], i)
		}
	}
	return kids
}

// checkNarrative checks the prose: parts against their totals, shares
// against their bases, rates against their counts.
func (c *checker) checkNarrative() {
	kids := c.children()
	for p := range c.b.Figures {
		c.checkParts(p, kids[p])
		c.checkShares(p, kids[p])
	}
	c.checkOrphanShares()
	for i := range c.b.Figures {
		if c.b.Figures[i].Kind == model.RateFigure {
			c.checkProseRate(i, kids)
		}
	}
}

// maxBaseLookback bounds how many figures back checkOrphanShares looks for
// the total of a run of shares, so that a long prose of shares without
// totals is checked in time in proportion to its length.
const maxBaseLookback = 1000

// checkOrphanShares checks shares printed without a parent ("受理群众诉求
// 中，咨询类450件，占47.37%；求助类300件，占31.58%…"): each run of such
// figures is taken as a list of parts of the nearest stated total before
// it, the last count without a parent, in the same unit, at least as large
// as every part.
func (c *checker) checkOrphanShares() {
	figs := c.b.Figures
	orphan := func(i int) bool {
		f := &figs[i]
		return f.Parent < 0 && f.Share != nil && isCountFigure(f)
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
		base := -1
		for k := i - 1; k >= max(0, i-maxBaseLookback); k-- {
			f := &figs[k]
			if f.Parent < 0 && f.Share == nil && isCountFigure(f) && unitsCompatible(f.Unit, figs[i].Unit) && f.Value >= largest {
				base = k
				break
			}
		}
		if base >= 0 {
			c.checkShareList(base, group)
		} else {
			for _, k := range group {
				c.mark(figID(k), stUntestable)
			}
		}
		i = j
	}
}

// countParts returns the count children of a figure that add up in its
// unit.
func (c *checker) countParts(p int, kids []int) []int {
	pf := &c.b.Figures[p]
	var out []int
	for _, k := range kids {
		kf := &c.b.Figures[k]
		if isCountFigure(kf) && unitsCompatible(kf.Unit, pf.Unit) {
			out = append(out, k)
		}
	}
	return out
}

// checkParts: the parts of a total (其中…, a parenthetical breakdown, a
// 分别 list) add up to at most the total; to exactly the total when the
// list claims to be complete (an error otherwise). A list of two or more
// parts that falls short without claiming completeness is a warning; a
// single part ("其中不满意41件") is a subset, not a breakdown, and is only
// checked not to exceed its total.
func (c *checker) checkParts(p int, kids []int) {
	pf := &c.b.Figures[p]
	if !isCountFigure(pf) {
		return
	}
	parts := c.countParts(p, kids)
	if len(parts) == 0 {
		return
	}
	total, ok := figCount(pf)
	if !ok {
		return
	}
	var sum, tol int64
	terms := make([]string, 0, len(parts))
	ids := []valueID{figID(p)}
	for _, k := range parts {
		v, ok := figCount(&c.b.Figures[k])
		if !ok {
			return
		}
		sum += v.v
		tol += v.tol
		terms = append(terms, fmt.Sprintf("%s %s", c.b.Figures[k].Label, figText(&c.b.Figures[k])))
		ids = append(ids, figID(k))
	}
	list := strings.Join(terms, " + ")
	switch {
	case sum-tol > total.v+total.tol:
		f := c.figFinding(Error, PartsExceedTotal, p)
		f.Expected = "≥ " + itoa(sum)
		f.Message = fmt.Sprintf("the parts of %s %s add up to more than it: %s = %d", pf.Label, figText(pf), list, sum)
		f.Hint = slipHint(total.v, sum)
		c.add(f, ids...)
	case sum+tol < total.v-total.tol:
		complete, why := c.completeList(p, parts)
		if !complete && len(parts) < 2 {
			// "其中不满意41件": one part is a subset, not a breakdown.
			for _, id := range ids {
				c.mark(id, stConsistent)
			}
			return
		}
		sev := Warning
		if complete {
			sev = Error
		}
		f := c.figFinding(sev, PartsSumMismatch, p)
		f.Expected = itoa(sum)
		if complete {
			f.Message = fmt.Sprintf("the parts of %s %s add up to %d (%s), %d short, though %s", pf.Label, figText(pf), sum, list, total.v-sum, why)
			f.Hint = slipHint(total.v, sum)
		} else {
			f.Message = fmt.Sprintf("the listed parts of %s %s add up to %d (%s), %d short; the list may not be exhaustive", pf.Label, figText(pf), sum, list, total.v-sum)
		}
		c.add(f, ids...)
	default:
		for _, id := range ids {
			c.mark(id, stConsistent)
		}
	}
}

// completeList reports whether a list of parts claims to make up its
// total: a breakdown in brackets right after the total, or shares that add
// up to 100%.
func (c *checker) completeList(p int, parts []int) (bool, string) {
	pf := &c.b.Figures[p]
	if bracketed(pf, c.b.Figures, parts) {
		return true, "they are given as its breakdown in brackets"
	}
	var lo, hi float64
	for _, k := range parts {
		kf := &c.b.Figures[k]
		if kf.Share == nil {
			return false, ""
		}
		// The decimals come from the input: bounded before they count a loop.
		ulp := math.Pow10(-min(max(kf.ShareDecimals, 0), maxDecimals))
		lo += *kf.Share - ulp
		hi += *kf.Share + ulp
	}
	if lo <= 100 && 100 <= hi {
		return true, "their shares add up to 100%"
	}
	return false, ""
}

// bracketed reports whether the parts are printed in brackets right after
// the total, "2364件（洛阳市转办2329件、偃师区自行受理35件）": every part is
// marked InBrackets, or the total's text holds them in brackets after its
// number.
func bracketed(pf *model.Figure, figs []model.Figure, parts []int) bool {
	all := true
	for _, k := range parts {
		all = all && figs[k].InBrackets
	}
	if all {
		return true
	}
	num := figNumber(pf)
	i := strings.Index(pf.Text, num)
	if i < 0 {
		return false
	}
	rest := pf.Text[i+len(num):]
	j := strings.IndexAny(rest, "（(")
	if j < 0 || j > len(pf.Unit)+6 {
		return false
	}
	inner := rest[j:]
	if k := strings.IndexAny(inner, "）)"); k >= 0 {
		inner = inner[:k]
	}
	for _, k := range parts {
		v := figNumber(&figs[k])
		if !strings.Contains(inner, v) {
			return false
		}
	}
	return true
}

// printedShare reads a figure's printed share.
func printedShare(f *model.Figure) (printed, bool) {
	if f.Share == nil || *f.Share < 0 {
		return printed{}, false
	}
	return toPrinted(*f.Share, f.ShareDecimals)
}

// checkShares: "X件，占Y%" against the stated total. When another stated
// figure, or the parts' sum, explains every share of the list instead, one
// share_base warning names it; otherwise each share that does not hold is
// a share_mismatch error.
func (c *checker) checkShares(p int, kids []int) {
	if !isCountFigure(&c.b.Figures[p]) {
		return
	}
	c.checkShareList(p, c.countParts(p, kids))
}

// checkShareList checks the shares of parts against the total figure p.
func (c *checker) checkShareList(p int, parts []int) {
	pf := &c.b.Figures[p]
	total, ok := figCount(pf)
	if !ok || !total.exact() || total.v <= 0 {
		return
	}
	type share struct {
		fig int
		k   uint64
		p   printed
	}
	var shares []share
	for _, k := range parts {
		kf := &c.b.Figures[k]
		sp, ok := printedShare(kf)
		if !ok {
			continue
		}
		v, ok := figCount(kf)
		if !ok || !v.exact() {
			c.mark(figID(k), stUntestable)
			continue
		}
		shares = append(shares, share{k, uint64(v.v), sp})
	}
	if len(shares) == 0 {
		return
	}
	holdAll := func(base uint64) bool {
		for _, s := range shares {
			if fits(s.k, base, s.p, s.p.Decimals) == 0 {
				return false
			}
		}
		return true
	}
	if holdAll(uint64(total.v)) {
		for _, s := range shares {
			c.mark(figID(s.fig), stConsistent)
		}
		return
	}
	// Other bases: the parts' sum, then every other stated count.
	type base struct {
		v    uint64
		name string
	}
	var bases []base
	var sum int64
	exact := true
	for _, k := range parts {
		v, ok := figCount(&c.b.Figures[k])
		exact = exact && ok && v.exact()
		sum += v.v
	}
	if exact && sum > 0 && sum != total.v {
		bases = append(bases, base{uint64(sum), fmt.Sprintf("the parts' sum %d", sum)})
	}
	isKid := map[int]bool{}
	for _, k := range parts {
		isKid[k] = true
	}
	for i := range c.b.Figures {
		f := &c.b.Figures[i]
		if i == p || isKid[i] || !isCountFigure(f) || !unitsCompatible(f.Unit, pf.Unit) {
			continue
		}
		if v, ok := figCount(f); ok && v.exact() && v.v > 0 && v.v != total.v {
			bases = append(bases, base{uint64(v.v), fmt.Sprintf("%s %s", f.Label, figText(f))})
		}
	}
	for _, b := range bases {
		if holdAll(b.v) {
			f := c.figFinding(Warning, ShareBase, p)
			f.Expected = strconv.FormatUint(b.v, 10)
			f.Message = fmt.Sprintf("the shares of the parts of %s %s were computed against %s, not against the stated total",
				pf.Label, figText(pf), b.name)
			ids := []valueID{figID(p)}
			for _, s := range shares {
				ids = append(ids, figID(s.fig))
			}
			c.add(f, ids...)
			return
		}
	}
	c.mark(figID(p), stConsistent)
	for _, s := range shares {
		id := figID(s.fig)
		if fits(s.k, uint64(total.v), s.p, s.p.Decimals) != 0 {
			c.mark(id, stConsistent)
			continue
		}
		kf := &c.b.Figures[s.fig]
		e, _ := roundRate(s.k, uint64(total.v), s.p.Decimals, c.mode)
		f := c.figFinding(Error, ShareMismatch, s.fig)
		f.Published = formatScaled(uint64(max(s.p.Scaled, 0)), s.p.Decimals)
		f.Expected = formatScaled(e, s.p.Decimals)
		f.Message = fmt.Sprintf("%s %s is %s of %s %s, not the printed %s",
			kf.Label, figText(kf), f.Expected, pf.Label, figText(pf), f.Published)
		f.Hint = digitHint(f.Published, f.Expected)
		c.add(f, id)
	}
}

// checkProseRate: a rate stated with its base ("抽查回访工单1699件，其中
// 不满意41件，满意率97.59%") against the base and a sibling count: the
// count itself (满意 for 满意率) or its complement (不满意). With no such
// count, the GRIM test against the base.
func (c *checker) checkProseRate(i int, kids [][]int) {
	rf := &c.b.Figures[i]
	id := figID(i)
	p := rf.Parent
	if p < 0 || p >= len(c.b.Figures) || !isCountFigure(&c.b.Figures[p]) {
		c.mark(id, stUntestable)
		return
	}
	pf := &c.b.Figures[p]
	nb, ok := figCount(pf)
	pr, okP := toPrinted(rf.Value, rf.Decimals)
	if !ok || !nb.exact() || nb.v <= 0 || !okP || pr.Scaled < 0 {
		c.mark(id, stUntestable)
		return
	}
	n := uint64(nb.v)
	stem := strings.TrimSuffix(strings.TrimSuffix(rf.Label, "率"), "比例")
	var k uint64
	how := ""
	if stem != "" {
		for _, s := range kids[p] {
			sf := &c.b.Figures[s]
			if s == i || !isCountFigure(sf) {
				continue
			}
			v, ok := figCount(sf)
			if !ok || !v.exact() || v.v > nb.v {
				continue
			}
			switch {
			case negates(sf.Label, stem):
				k, how = n-uint64(v.v), fmt.Sprintf("(%d − %s %d)/%d", n, sf.Label, v.v, n)
			case strings.Contains(sf.Label, stem) && !negates(stem, ""):
				k, how = uint64(v.v), fmt.Sprintf("%s %d/%d", sf.Label, v.v, n)
			default:
				continue
			}
			break
		}
	}
	var set modeSet
	if how != "" {
		set = fits(k, n, pr, pr.Decimals)
	} else {
		var all bool
		set, k, all = grim(n, pr)
		if all {
			c.mark(id, stUntestable)
			return
		}
		how = fmt.Sprintf("no whole number of %s %d gives it (GRIM); nearest %d/%d", pf.Label, n, k, n)
	}
	e, _ := roundRate(k, n, pr.Decimals, c.mode)
	switch {
	case set.has(c.mode):
		c.mark(id, stConsistent)
		c.mark(figID(p), stConsistent)
	case set != 0:
		m, _ := set.first()
		f := c.figFinding(Warning, RateRounding, i)
		f.Expected = formatScaled(e, pr.Decimals)
		f.Message = fmt.Sprintf("%s %s holds only under %s: %s = %s under the document's %s rounding",
			rf.Label, f.Published, m, how, f.Expected, c.mode)
		c.add(f, id)
	default:
		f := c.figFinding(Error, RateMismatch, i)
		f.Expected = formatScaled(e, pr.Decimals)
		f.Message = fmt.Sprintf("%s %s: %s = %s", rf.Label, f.Published, how, f.Expected)
		f.Hint = digitHint(f.Published, f.Expected)
		c.add(f, id)
	}
}

// negates reports whether label names the opposite of stem: 不满意 for
// 满意, 未办结 for 办结. With an empty stem it reports whether label
// itself is a negation.
func negates(label, stem string) bool {
	for _, neg := range []string{"不", "未", "非"} {
		if stem == "" {
			if strings.HasPrefix(label, neg) {
				return true
			}
			continue
		}
		if strings.Contains(label, neg+stem) {
			return true
		}
	}
	return false
}
