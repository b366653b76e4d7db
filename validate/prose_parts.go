package validate

import (
	"fmt"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// The prose_parts family: the parts of a prose total (其中…, a breakdown in
// brackets, a 分别 list) against the total.
//
// Parts may add up to less than their total: a 其中 list need not be
// exhaustive, and a single part ("其中不满意41件") is a subset. They must add
// up to exactly the total when the list claims to be complete: a
// breakdown in brackets right after the total, shares adding to 100%, a
// total printed as their 合计 or as "N个方面", or a residual part (其他).
// They never exceed it, unless another reading explains them: a leading
// run of the parts makes the total and the rest are other counts (已办结,
// 满意), or their sum is another stated count (the list belongs there).

// checkProseParts checks every total's parts, and lists the extractor
// left without a total that follow a 合计 or end in a residual part.
func (c *checker) checkProseParts() {
	kids := c.children()
	for p := range c.b.Figures {
		if !isTotal(&c.b.Figures[p]) {
			continue
		}
		// Each list of parts is one breakdown of p (by channel, by type …).
		for _, list := range model.PartLists(c.b.Figures, kids[p]) {
			c.checkParts(p, c.countParts(p, list), true)
		}
	}
	c.checkOrphanParts()
}

// checkParts checks the parts of total p. attached says whether the parts
// were given as the total's parts (else the checker took them for its
// parts by their position).
func (c *checker) checkParts(p int, parts []int, attached bool) {
	if len(parts) == 0 {
		return
	}
	figs := c.b.Figures
	pf := &figs[p]
	total, ok := figCount(pf)
	if !ok {
		return
	}
	var sum, tol int64
	terms := make([]string, 0, len(parts))
	ids := []valueID{figID(p)}
	together := attached
	for _, k := range parts {
		kf := &figs[k]
		v, ok := figCount(kf)
		if !ok || perItem(kf) {
			return
		}
		sum += v.v
		tol += v.tol
		terms = append(terms, fmt.Sprintf("%s %s", kf.Label, figText(kf)))
		ids = append(ids, figID(k))
		together = together && samePara(pf, kf) && k > p
	}
	list := strings.Join(terms, " + ")
	consistent := func() {
		for _, id := range ids {
			c.mark(id, stConsistent)
		}
	}
	switch {
	case sum-tol > total.v+total.tol:
		if c.prefixMakes(total, parts) {
			return // the first parts make the total; the others are other counts
		}
		if _, ok := c.statedCount(sum, p); ok {
			return // the parts are the breakdown of another stated count
		}
		sev := Warning
		basis := fmt.Sprintf("the parts were taken for %s's by their position", pf.Label)
		if together {
			sev, basis = Error, fmt.Sprintf("the parts follow %s in its statement", pf.Label)
		}
		f := c.figFinding(sev, PartsExceedTotal, p)
		f.Expected = "≥ " + itoa(sum)
		f.Message = fmt.Sprintf("the parts of %s %s add up to more than it: %s = %d", pf.Label, figText(pf), list, sum)
		f.Hint = slipHint(total.v, sum)
		f.Basis = joinBasis(basis+"; no other stated count is their sum", fmt.Sprintf("%d > %d", sum, total.v))
		c.add(f, ids...)
	case sum+tol < total.v-total.tol:
		why := c.completeList(p, parts)
		if why == "" {
			consistent() // a 其中 list need not be exhaustive
			return
		}
		if _, ok := c.statedCount(sum, p); ok && !attached {
			return
		}
		sev := Warning
		if together {
			sev = Error
		}
		f := c.figFinding(sev, PartsSumMismatch, p)
		f.Expected = itoa(sum)
		f.Message = fmt.Sprintf("the parts of %s %s add up to %d (%s), %d short, though %s", pf.Label, figText(pf), sum, list, total.v-sum, why)
		f.Hint = slipHint(total.v, sum)
		basis := why
		if !together {
			basis += "; the parts were taken for its parts by their position"
		}
		f.Basis = joinBasis(basis, fmt.Sprintf("%d ≠ %d", sum, total.v))
		c.add(f, ids...)
	default:
		consistent()
	}
}

// prefixMakes reports whether a leading run of the parts (two or more,
// not all) adds up to the total.
func (c *checker) prefixMakes(total count, parts []int) bool {
	var sum, tol int64
	for i, k := range parts[:len(parts)-1] {
		v, ok := figCount(&c.b.Figures[k])
		if !ok {
			return false
		}
		sum += v.v
		tol += v.tol
		if i >= 1 && abs64(sum-total.v) <= tol+total.tol {
			return true
		}
	}
	return false
}

// completeList says why a list of parts claims to make up its total, or
// "" when it does not: a breakdown in brackets right after the total,
// shares that add up to 100%, a total printed as the 合计 of two or more
// parts or as "N个方面" / "N类" with N parts, or a residual part (其他).
func (c *checker) completeList(p int, parts []int) string {
	figs := c.b.Figures
	pf := &figs[p]
	if bracketed(pf, figs, parts) {
		return "they are given as its breakdown in brackets"
	}
	if len(parts) >= 2 && sharesMakeWhole(figs, parts) {
		return "their shares add up to 100%"
	}
	// A 合计 sums what it lists; one part under it (合计受理6093件，其中转办
	// 1983件) is a subset, and the 合计 is of counts before it.
	if len(parts) >= 2 && (vocab.SumMarkers.In(pf.Text) || vocab.SumMarkers.In(pf.Label)) {
		return "it is printed as their 合计"
	}
	if n := countedParts(pf.Text); n > 0 && n == len(parts) {
		return fmt.Sprintf("it is said to have %d parts", n)
	}
	if len(parts) >= 2 {
		if last := &figs[parts[len(parts)-1]]; vocab.ResidualWords.In(last.Label) {
			return fmt.Sprintf("the list ends in the residual part %s", last.Label)
		}
	}
	return ""
}

// countedParts reads "三个方面", "5类", "四项" in a total's text: the number
// of parts it says it has, or 0.
func countedParts(text string) int { return vocab.PartsCount(text) }

// sharesMakeWhole reports whether the parts' printed shares add up to
// 100% within their printed precision: each printed share is at most half
// its last digit above its value (rounded) and at most one digit below it
// (truncated).
func sharesMakeWhole(figs []model.Figure, parts []int) bool {
	var lo, hi float64
	for _, k := range parts {
		kf := &figs[k]
		if kf.Share == nil {
			return false
		}
		ulp := 1.0
		for i := 0; i < min(kf.ShareDecimals, maxDecimals); i++ {
			ulp /= 10
		}
		lo += *kf.Share - ulp/2
		hi += *kf.Share + ulp
	}
	const eps = 1e-9
	return lo <= 100+eps && 100-eps <= hi
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

// checkOrphanParts checks lists of counts the extractor gave no total: a
// run of two or more counts without a parent in one paragraph, right after
// a count printed as their 合计 ("合计13683件：住房和物业6120件，…"), or
// ending in a residual part (其他), which then makes up the bulletin's
// main total unless it is the breakdown of another stated count. Their
// total is inferred from position, so the findings are warnings.
func (c *checker) checkOrphanParts() {
	figs := c.b.Figures
	orphan := func(i int) bool {
		f := &figs[i]
		return f.Parent < 0 && isTotal(f) && f.Share == nil
	}
	main := -1
	for i := range figs {
		if orphan(i) && itemUnit(figs[i].Unit) {
			main = i
			break
		}
	}
	for i := 0; i < len(figs); {
		if !orphan(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(figs) && orphan(j) && samePara(&figs[j], &figs[i]) && unitsCompatible(figs[j].Unit, figs[i].Unit) {
			j++
		}
		run := make([]int, 0, j-i)
		for k := i; k < j; k++ {
			run = append(run, k)
		}
		switch {
		case len(run) >= 3 && vocab.SumMarkers.In(figs[run[0]].Text):
			c.checkParts(run[0], run[1:], false)
		case len(run) >= 2 && main >= 0 && main < i && vocab.ResidualWords.In(figs[run[len(run)-1]].Label):
			c.checkParts(main, run, false)
		}
		i = j
	}
}
