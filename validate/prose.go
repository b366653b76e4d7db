package validate

import (
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// What the prose families share: reading figures as counts, the figure
// tree, and the doubts about it. The tree (which figure is a part, a rate
// or a change of which) is the extractor's reading of the sentences; the
// prose rules claim an error only where the sentence itself ties the
// numbers together (a breakdown in brackets, a rate printed with its own
// count and base) or where the other numbers of a list establish the
// relation, and say nothing where another reading of the same numbers
// explains them.

// proseWindow bounds how far from a figure (in figures of its paragraph)
// the prose rules look for the numbers it may relate to: a statement is
// short, and a bulletin built by a program may put thousands of figures in
// one "paragraph".
const proseWindow = 16

// near returns the indices of the figures within proseWindow of figure i
// (i itself left out) that were read from its paragraph.
func (c *checker) near(i int) []int {
	figs := c.b.Figures
	var out []int
	for j := max(0, i-proseWindow); j < min(len(figs), i+proseWindow+1); j++ {
		if j != i && samePara(&figs[j], &figs[i]) {
			out = append(out, j)
		}
	}
	return out
}

// isCountFigure reports whether a figure states a number of items.
func isCountFigure(f *model.Figure) bool {
	switch f.Kind {
	case model.Count:
		return true
	case "":
		return f.Unit != "%" && f.Unit != vocab.PointsUnit
	}
	return false
}

// isChange reports whether a figure states a change rather than a count:
// a change is never a total with parts.
func isChange(f *model.Figure) bool {
	return f.Kind == model.Change || vocab.ChangeLabelWords.In(f.Label)
}

// perItem reports whether a count is printed per item ("A、B、C各1件"):
// its value is not what the items add up to.
func perItem(f *model.Figure) bool {
	num := figNumber(f)
	i := strings.Index(f.Text, num)
	if i <= 0 {
		return false
	}
	before := strings.TrimRight(f.Text[:i], " ")
	return vocab.PerItemWords.Suffix(before) != ""
}

// samePara reports whether two figures were read from the same paragraph
// (figures of a bulletin built by a program, without positions, count as
// one paragraph: their tree is what the program says).
func samePara(a, b *model.Figure) bool { return a.Pos == b.Pos }

// figCount reads a count figure, with the tolerance of a magnitude in 万:
// a figure whose unit is "万件" states its value in 万 (9.67 is 96,700 ±
// 100); a figure with value 96700 whose text prints "9.67万" has the same
// tolerance.
func figCount(f *model.Figure) (count, bool) {
	d := min(max(f.Decimals, 0), maxDecimals)
	for prefix := range vocab.Magnitudes.All() {
		scale := vocab.MagnitudeOf(prefix)
		if strings.HasPrefix(f.Unit, prefix) {
			return countOf(f.Value*scale, prefix, &d)
		}
		// Printed in 万 ("18.00万件", its trailing zeros kept): the value is
		// the scaled count.
		if strings.HasPrefix(f.PrintedUnit, prefix) {
			return countOf(f.Value, prefix, &d)
		}
		if s := strconv.FormatFloat(f.Value/scale, 'f', -1, 64); strings.Contains(f.Text, s+prefix) {
			return countOf(f.Value, prefix, &d)
		}
	}
	return countOf(f.Value, "", &d)
}

// unitsCompatible reports whether a part's counting word can be added to
// its whole's (件 and 件, or either unstated; 万件 counts 件).
func unitsCompatible(a, b string) bool {
	a, b = vocab.WithoutMagnitude(a), vocab.WithoutMagnitude(b)
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

// countParts returns the count children of a figure that add up in its
// unit: not rates, not changes.
func (c *checker) countParts(p int, kids []int) []int {
	pf := &c.b.Figures[p]
	var out []int
	for _, k := range kids {
		kf := &c.b.Figures[k]
		if isCountFigure(kf) && !isChange(kf) && unitsCompatible(kf.Unit, pf.Unit) {
			out = append(out, k)
		}
	}
	return out
}

// isTotal reports whether a figure can be a total with parts: a count of
// items, not a change.
func isTotal(f *model.Figure) bool { return isCountFigure(f) && !isChange(f) }

// statedCount reports whether some count figure other than those in
// except states v exactly (within its printing tolerance).
func (c *checker) statedCount(v int64, except ...int) (int, bool) {
	if c.countIndex == nil {
		c.countIndex = map[int64][]int{}
		for i := range c.b.Figures {
			f := &c.b.Figures[i]
			if n, ok := figCount(f); ok && isTotal(f) {
				if n.exact() {
					c.countIndex[n.v] = append(c.countIndex[n.v], i)
				} else {
					c.roughCounts = append(c.roughCounts, i)
				}
			}
		}
	}
	skip := func(i int) bool {
		for _, e := range except {
			if e == i {
				return true
			}
		}
		return false
	}
	for _, i := range c.countIndex[v] {
		if !skip(i) {
			return i, true
		}
	}
	for _, i := range c.roughCounts {
		if n, _ := figCount(&c.b.Figures[i]); !skip(i) && n.within(v) {
			return i, true
		}
	}
	return -1, false
}

// printedShare reads a figure's printed share.
func printedShare(f *model.Figure) (printed, bool) {
	if f.Share == nil || *f.Share < 0 {
		return printed{}, false
	}
	return toPrinted(*f.Share, f.ShareDecimals)
}

// negates reports whether label names the opposite of stem: 不满意 for
// 满意, 未办结 for 办结. With an empty stem it reports whether label
// itself is a negation.
func negates(label, stem string) bool {
	for neg := range vocab.Negations.All() {
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
