package interpret

import "strings"

// Text copies of a two-level header lose its merged cells: a group label
// (12345热线, 合计) is printed once, at the left of its sub-columns (a Word
// table copied as text) or centred over them (pdftotext -layout), and the
// labels that span both levels (序号, 单位) are printed once, on either
// line. The functions here rebuild the spans, choosing among the layouts
// the printed words allow the one under which the most labels are known
// header names.

// Scores of a header reading: a known label outweighs every preference
// below it.
const (
	knownLabelScore = 100
	equalGroupScore = 30 // each group of a header whose groups share one width
	groupCost       = 1  // each group: no group is preferred to a needless one
	coverScore      = 2  // each column under a group: a group takes all its sub-columns
	offCentreCost   = 4  // each column a group label stands away from its place
)

// inferGroups reads the top row of a header without spans as group labels
// where that makes more of the columns' labels known: a top-row label
// becomes a group over a run of columns around it, which hold a label in
// the rows below and no other top-row label. It returns the header with
// the groups as spanning cells, or nil when no grouping is better than
// none.
func (h headerGrid) inferGroups() headerGrid {
	if len(h) < 2 {
		return nil
	}
	width := len(h[0])
	// own[c]: column c's label when it is in no group; sub[c]: its label
	// under a group (the rows below the top).
	own := make([]bool, width)
	sub := make([]bool, width)
	hasSub := make([]bool, width)
	belowText := make([]string, width)
	for c := 0; c < width; c++ {
		var all, below []string
		for r := range h {
			if t := h[r][c].text; t != "" {
				all = append(all, t)
				if r > 0 {
					below = append(below, t)
				}
			}
		}
		own[c] = isKnownLabel(strings.Join(all, ""))
		sub[c] = isKnownLabel(strings.Join(below, ""))
		hasSub[c] = len(below) > 0
		belowText[c] = strings.Join(below, "")
	}
	top := h[0]
	ungrouped := 0
	for c := range own {
		if own[c] {
			ungrouped += knownLabelScore
		}
	}
	// best[c] is the best score of columns [c, width), with the runs
	// chosen; tried once with groups of any width and once for each
	// common width, which earns the equal-width bonus.
	type run struct{ from, to int } // [from, to]
	var bestRuns []run
	bestScore := ungrouped
	try := func(fixed int) {
		score := make([]int, width+1)
		next := make([]run, width+1) // the group starting at c, or {-1,-1}
		for c := width - 1; c >= 0; c-- {
			score[c] = score[c+1]
			if own[c] {
				score[c] += knownLabelScore
			}
			next[c] = run{-1, -1}
			// A group starting at c: one top-row label inside, every column
			// with a label below.
			label := -1
			for e := c; e < width && hasSub[e]; e++ {
				if top[e].text != "" {
					if label >= 0 {
						break
					}
					label = e
				}
				n := e - c + 1
				// A top-row label that completes its own column's label
				// (群众 over 满意率) is not a group, unless the label under
				// it names nothing alone (群众满意 over 比率).
				if label < 0 || own[label] && (sub[label] || !metricOver(top[label].text, belowText[label])) ||
					n < 2 || (fixed > 0 && n != fixed) {
					continue
				}
				s := score[e+1] - groupCost + coverScore*n - offCentreCost*offCentre(c, e, label)
				if fixed > 0 {
					s += equalGroupScore
				}
				gain := 0
				for x := c; x <= e; x++ {
					// 比率 under 按时办结 is known as the group's rate: the
					// group explains it, whatever the two read as together.
					ofGroup := metricOver(top[label].text, belowText[x])
					if sub[x] || ofGroup {
						s += knownLabelScore
						gain++
					}
					if own[x] && (sub[x] || !ofGroup) {
						gain--
					}
				}
				if gain <= 0 {
					continue // a group must explain a label
				}
				if s > score[c] {
					score[c], next[c] = s, run{c, e}
				}
			}
		}
		if score[0] <= bestScore {
			return
		}
		var runs []run
		for c := 0; c < width; {
			if r := next[c]; r.from >= 0 {
				runs = append(runs, r)
				c = r.to + 1
				continue
			}
			c++
		}
		if fixed > 0 && len(runs) < 2 {
			return // one group earns no bonus for being as wide as itself
		}
		bestScore, bestRuns = score[0], runs
	}
	try(0)
	for w := 2; w <= width/2; w++ {
		try(w)
	}
	if bestRuns == nil {
		return nil
	}
	out := make(headerGrid, len(h))
	for r := range h {
		out[r] = append([]hcell(nil), h[r]...)
	}
	for _, g := range bestRuns {
		var label hcell
		for c := g.from; c <= g.to; c++ {
			if top[c].text != "" {
				label = top[c]
			}
		}
		for c := g.from; c <= g.to; c++ {
			out[0][c] = label
		}
	}
	return out
}

// metricOver reports whether group names a metric whose count or rate
// the generic label below it (件数, 比率) gives.
func metricOver(group, label string) bool {
	_, ok := groupMetric(compactHeader(group), compactHeader(label))
	return ok
}

// offCentre is how far a group label printed in column label stands from
// where a text copy puts it over the run [from, to]: at its left (a Word
// table copied as text) or at its centre (a layout), whichever is nearer.
func offCentre(from, to, label int) int {
	left := label - from
	// Twice the distance to the centre, rounded down: the centre of an
	// even run lies between two columns, and either is on it.
	centre := abs(2*label-from-to) / 2
	return min(left, centre)
}

func isKnownLabel(s string) bool {
	if s == "" {
		return false
	}
	_, ok := canonicalKey(s)
	return ok
}

// maxRaggedLayouts bounds the layouts alignRagged tries for one header.
const maxRaggedLayouts = 1024

// alignRagged lays out a two-row header whose rows are shorter than the
// table, as a text copy prints a two-level header with merged cells: the
// upper row holds the labels that span both rows and the group labels, in
// order; the lower row holds the sub-column labels of the groups, in
// order. Of the upper labels, width-len(lower) span both rows and the
// rest are groups of at least two sub-columns each. textCol reports the
// columns whose values are text, where a group's sub-column cannot be.
// It returns the two header rows laid on width columns, or nil when the
// rows cannot be such a header.
func alignRagged(upper, lower []string, width int, textCol func(int) bool) headerGrid {
	single := width - len(lower) // upper labels spanning both rows
	groups := len(upper) - single
	if single < 0 || groups < 1 || len(lower) < 2*groups {
		return nil
	}
	layouts := 0
	upperKnown := make([]bool, len(upper))
	for i, u := range upper {
		upperKnown[i] = isKnownLabel(u)
	}
	isText := make([]bool, width)
	for c := range isText {
		isText[c] = textCol(c)
	}
	// Choose which upper labels are groups (in order), then their widths;
	// keep the best choice.
	isGroup := make([]bool, len(upper))
	widths := make([]int, groups)
	bestGroup, bestWidths := make([]bool, len(upper)), make([]int, groups)
	found, bestScore := false, 0
	var chooseWidths func(g, left int)
	evaluate := func() {
		layouts++
		score, col, gi, sub := 0, 0, 0, 0
		sameFirst := true
		for i := range upper {
			if !isGroup[i] {
				if upperKnown[i] {
					score += knownLabelScore
				}
				if isText[col] {
					score += knownLabelScore / 2
				}
				col++
				continue
			}
			if compactHeader(lower[sub]) != compactHeader(lower[0]) {
				sameFirst = false
			}
			for k := 0; k < widths[gi]; k++ {
				if isText[col] {
					score -= knownLabelScore
				}
				col++
				sub++
			}
			gi++
		}
		if groups > 1 && equalInts(widths) {
			score += equalGroupScore
		}
		if groups > 1 && sameFirst {
			score += equalGroupScore
		}
		// Prefer the labels spanning both rows to come first, as tables
		// print them.
		for i := range upper {
			if !isGroup[i] {
				score -= i
			}
		}
		if !found || score > bestScore {
			found, bestScore = true, score
			copy(bestGroup, isGroup)
			copy(bestWidths, widths)
		}
	}
	chooseWidths = func(g, left int) {
		if layouts >= maxRaggedLayouts {
			return
		}
		if g == groups-1 {
			if left >= 2 {
				widths[g] = left
				evaluate()
			}
			return
		}
		for w := 2; w <= left-2*(groups-g-1); w++ {
			widths[g] = w
			chooseWidths(g+1, left-w)
		}
	}
	var chooseGroups func(i, picked int)
	chooseGroups = func(i, picked int) {
		if layouts >= maxRaggedLayouts {
			return
		}
		if i == len(upper) {
			if picked == groups {
				chooseWidths(0, len(lower))
			}
			return
		}
		if picked < groups {
			isGroup[i] = true
			chooseGroups(i+1, picked+1)
		}
		if i-picked < single {
			isGroup[i] = false
			chooseGroups(i+1, picked)
		}
	}
	chooseGroups(0, 0)
	if !found {
		return nil
	}
	h := make(headerGrid, 2)
	h[0], h[1] = make([]hcell, width), make([]hcell, width)
	col, gi, sub, id := 0, 0, 0, 0
	for i, u := range upper {
		id++
		if !bestGroup[i] {
			h[0][col] = hcell{text: u, id: id}
			h[1][col] = hcell{text: u, id: id}
			col++
			continue
		}
		group := id
		for k := 0; k < bestWidths[gi]; k++ {
			id++
			h[0][col] = hcell{text: u, id: group}
			h[1][col] = hcell{text: lower[sub], id: id}
			col++
			sub++
		}
		gi++
	}
	return h
}

func equalInts(v []int) bool {
	for _, x := range v {
		if x != v[0] {
			return false
		}
	}
	return true
}
