package validate

import (
	"fmt"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
)

// The prose_rates family: a rate stated in the prose against its counts.
//
// A rate printed with its own count and base in one statement ("回访2971件，
// 满意2764件，满意率93.03%"; "抽查回访工单1699件，其中不满意41件，满意率
// 97.59%") is checked as that count over that base, and an error when no
// rounding gives it. With no count of its own, the GRIM test over the count
// it follows only warns: the sentence does not say that count is its base.
// A rate that some other pair of counts of its paragraph gives is another
// reading of the sentence and is not reported.

// checkProseRates checks every rate figure.
func (c *checker) checkProseRates() {
	kids := c.children()
	for i := range c.b.Figures {
		if c.b.Figures[i].Kind == "rate" {
			c.checkProseRate(i, kids)
		}
	}
}

// rateStem is what a rate's label names the count of: 满意 for 满意率.
func rateStem(label string) string {
	return strings.TrimSuffix(strings.TrimSuffix(label, "率"), "比例")
}

// proseRate is what a prose rate is tested against: its base, and its own
// count when one is printed (numFig < 0: the GRIM test).
type proseRate struct {
	pr     printed
	base   int
	n, k   uint64
	how    string
	numFig int
}

// proseRateOf finds a prose rate's base and count; ok is false when it
// has no base to test it against.
func (c *checker) proseRateOf(i int, kids [][]int) (proseRate, bool) {
	figs := c.b.Figures
	rf := &figs[i]
	p := rf.Parent
	if p < 0 || p >= len(figs) || p == i || !isTotal(&figs[p]) {
		return proseRate{}, false
	}
	pr, okP := toPrinted(rf.Value, rf.Decimals)
	if !okP || pr.Scaled < 0 {
		return proseRate{}, false
	}
	stem := rateStem(rf.Label)
	base := p
	// "办结3127件，办结率99.21%": the count the rate follows names its
	// stem, so it is the numerator; the base is the count it is part of.
	if pf := &figs[p]; len([]rune(stem)) >= 2 && strings.Contains(pf.Label, stem) && !negates(pf.Label, stem) {
		if pp := pf.Parent; pp >= 0 && pp < len(figs) && pp != p && isTotal(&figs[pp]) {
			base = pp
		}
	}
	bf := &figs[base]
	nb, ok := figCount(bf)
	if !ok || !nb.exact() || nb.v <= 0 {
		return proseRate{}, false
	}
	r := proseRate{pr: pr, base: base, n: uint64(nb.v), numFig: -1}
	// The rate's own count: a part of the base, or a count printed between
	// the base and the rate in their paragraph, whose label names the stem
	// (or its negation).
	if stem == "" {
		return r, true
	}
	cands := append([]int{}, kids[base][:min(len(kids[base]), proseWindow)]...)
	for j := max(base+1, i-proseWindow); j < i; j++ {
		if samePara(&figs[j], rf) {
			cands = append(cands, j)
		}
	}
	if base != p {
		cands = append([]int{p}, cands...)
	}
	for _, s := range cands {
		sf := &figs[s]
		if s == i || !isTotal(sf) {
			continue
		}
		v, ok := figCount(sf)
		if !ok || !v.exact() || v.v > nb.v {
			continue
		}
		switch {
		case negates(sf.Label, stem):
			r.k, r.how, r.numFig = r.n-uint64(v.v), fmt.Sprintf("(%d − %s %d)/%d", r.n, sf.Label, v.v, r.n), s
		case strings.Contains(sf.Label, stem) && !negates(stem, ""):
			r.k, r.how, r.numFig = uint64(v.v), fmt.Sprintf("%s %d/%d", sf.Label, v.v, r.n), s
		default:
			continue
		}
		break
	}
	return r, true
}

// analyseProseRates collects, for the inference of the document's
// rounding mode, the modes under which each prose rate printed with its
// own count holds.
func (c *checker) analyseProseRates() {
	kids := c.children()
	for i := range c.b.Figures {
		if c.b.Figures[i].Kind != "rate" {
			continue
		}
		if r, ok := c.proseRateOf(i, kids); ok && r.numFig >= 0 {
			c.countModes(fits(r.k, r.n, r.pr, r.pr.Decimals))
		}
	}
}

func (c *checker) checkProseRate(i int, kids [][]int) {
	figs := c.b.Figures
	rf := &figs[i]
	id := figID(i)
	// A "rate" read from "占25.42%" is a share whose total the sentence
	// names elsewhere.
	if vocab.IsShareLabel(rf.Label) {
		c.mark(id, stUntestable)
		return
	}
	r, ok := c.proseRateOf(i, kids)
	if !ok {
		c.mark(id, stUntestable)
		return
	}
	pr, base, n, k, how, numFig := r.pr, r.base, r.n, r.k, r.how, r.numFig
	bf := &figs[base]
	var set modeSet
	grimTest := how == ""
	if !grimTest {
		set = fits(k, n, pr, pr.Decimals)
	} else {
		var all bool
		set, k, all = grim(n, pr)
		if all {
			c.mark(id, stUntestable)
			return
		}
		how = fmt.Sprintf("no whole number of %s %d gives it (GRIM); nearest %d/%d", bf.Label, n, k, n)
	}
	e, _ := roundRate(k, n, pr.Decimals, c.mode)
	switch {
	case set.has(c.mode):
		c.mark(id, stConsistent)
		c.mark(figID(base), stConsistent)
	case set != 0:
		m, _ := set.first()
		f := c.figFinding(Warning, RateRounding, i)
		f.Expected = formatScaled(e, pr.Decimals)
		f.Message = fmt.Sprintf("%s %s holds only under %s: %s = %s under the document's %s rounding",
			rf.Label, f.Published, m, how, f.Expected, c.mode)
		f.Basis = fmt.Sprintf("it holds only under %s; the document rounds %s (%s)", m, c.mode, c.modeEvidence())
		c.add(f, id)
	case c.otherReading(i, pr):
		c.mark(id, stUntestable)
	default:
		sev, basis := Warning, fmt.Sprintf("no count of its own is printed, and %s is only the count it follows", bf.Label)
		arith := fmt.Sprintf("no integer k gives %s over %d", figText(rf), n)
		if !grimTest {
			basis = fmt.Sprintf("%s is taken for its count and %s for its base", figs[numFig].Label, bf.Label)
			arith = fmt.Sprintf("no rounding of %d/%d gives %s", k, n, figText(rf))
			if samePara(bf, rf) && samePara(&figs[numFig], rf) {
				sev, basis = Error, fmt.Sprintf("its count %s and its base %s are printed in its statement", figs[numFig].Label, bf.Label)
			}
		}
		f := c.figFinding(sev, RateMismatch, i)
		f.Expected = formatScaled(e, pr.Decimals)
		f.Message = fmt.Sprintf("%s %s: %s = %s", rf.Label, f.Published, how, f.Expected)
		f.Hint = digitHint(f.Published, f.Expected)
		f.Basis = joinBasis(basis, arith)
		c.add(f, id)
	}
}

// otherReading reports whether two counts of the rate's paragraph, the
// smaller over the larger, give the printed rate: the sentence can be read
// so that it holds.
func (c *checker) otherReading(i int, pr printed) bool {
	figs := c.b.Figures
	var vals []uint64
	for _, j := range c.near(i) {
		f := &figs[j]
		if !isTotal(f) {
			continue
		}
		if v, ok := figCount(f); ok && v.exact() && v.v > 0 {
			vals = append(vals, uint64(v.v))
		}
	}
	for _, n := range vals {
		for _, k := range vals {
			if k <= n && fits(k, n, pr, pr.Decimals) != 0 {
				return true
			}
			if k < n && fits(n-k, n, pr, pr.Decimals) != 0 {
				return true
			}
		}
	}
	return false
}
