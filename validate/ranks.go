package validate

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// The ranks family: a 排名 column against the 得分 order, and top-N lists
// in the prose against the number of names they give.
//
// A rank contradicts the scores when another row has a better rank and a
// worse score (or a worse rank and a better score); rows sharing a rank
// may print different scores, and ranks may skip places. The ranks
// establish the order when they follow it on all other rows; the rows
// that do not are errors. When too many do (a score misprinted far from
// its place contradicts every row in between), the longest run of rows in
// score order is taken instead and the rows outside it are reported.

type rankEntry struct {
	row         int
	rank, score float64
}

// checkTableRanks checks the rank column of table ti.
func (c *checker) checkTableRanks(ti int) {
	t := &c.b.Tables[ti]
	rk, sk := model.Rank, model.Score
	if !t.Has(rk) || !t.Has(sk) {
		return
	}
	var es []rankEntry
	ranks, scores := c.column(ti, rk), c.column(ti, sk)
	for ri := range t.Rows {
		if !t.Rows[ri].Total && ranks[ri].valued() && scores[ri].valued() {
			es = append(es, rankEntry{ri, ranks[ri].value, scores[ri].value})
		}
	}
	if len(es) < 2 {
		return
	}
	type verdict struct {
		dir string
		sup support
		bad []int // indices into es
	}
	var best *verdict
	for _, down := range []bool{true, false} {
		v := &verdict{dir: "increasing", sup: support{src: byData}}
		if down {
			v.dir = "decreasing"
		}
		v.bad = inversions(es, down)
		v.sup.tested, v.sup.holds = len(es), len(es)-len(v.bad)
		if best == nil || v.sup.holds > best.sup.holds {
			best = v
		}
	}
	down := best.dir == "decreasing"
	what := "no other row has a better rank and a worse score"
	if !best.sup.established() {
		// A longest run in score order, sorted by rank.
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
		keep := longestMonotone(scores, down)
		in := make([]bool, len(o))
		for _, i := range keep {
			in[i] = true
		}
		es = o
		best.bad = nil
		for i := range es {
			if !in[i] {
				best.bad = append(best.bad, i)
			}
		}
		best.sup.holds = len(keep)
		what = "the longest run of ranks in score order"
	}
	expect := expectedPlaces(es, down)
	if off := wrongPlaces(es, inversions(es, down), expect); len(off) > 0 &&
		(len(off) <= len(best.bad) || exchanged(es, off, expect, len(best.bad))) {
		best.bad = off
	}
	sev := best.sup.severity()
	if sev == "" {
		return // the ranks follow something else than the score
	}
	isBad := make([]bool, len(es))
	for _, b := range best.bad {
		isBad[b] = true
	}
	slot := c.slot(ti, rk)
	for i, e := range es {
		id := slotID(ti, e.row, slot)
		want := expect[i]
		if !isBad[i] {
			c.mark(id, stConsistent)
			continue
		}
		f := c.cellFinding(sev, RankOrder, ti, e.row, rk)
		f.Message = fmt.Sprintf("%s %s with %s %s is out of the %s score order of the other ranks",
			c.header(ti, rk), f.Published, c.header(ti, sk), t.Rows[e.row].Cells[sk].Text, best.dir)
		f.Expected = strconv.Itoa(want)
		f.Basis = joinBasis(fmt.Sprintf("%s follows %s in %s order (%s), %s", c.header(ti, rk), c.header(ti, sk), best.dir, what, best.sup.rows()),
			fmt.Sprintf("%s %s gives place %d", c.header(ti, sk), t.Rows[e.row].Cells[sk].Text, want))
		c.add(f, id)
	}
}

// wrongPlaces returns the entries in conflict whose rank is not the place
// their score takes. Two entries at their scores' places never contradict
// each other, so every conflict has one of them; a rank printed two places
// low is the one to report, not the neighbour it now contradicts, whose
// rank is right. (A score misprinted far from its place moves the places
// of every row in between; the longest run in score order then names
// fewer rows, and is kept.)
func wrongPlaces(es []rankEntry, bad []int, expect []int) []int {
	var off []int
	for _, i := range bad {
		if es[i].rank != float64(expect[i]) {
			off = append(off, i)
		}
	}
	return off
}

// exchanged reports whether the entries off hold each other's places:
// their printed ranks are their scores' places in another order, as when
// the ranks of two neighbours are swapped. The longest run in score order
// keeps one of them and would blame only the other, though neither is at
// its place. The exchange must stay small beside the rows that hold (at
// most one more entry than the longest run blames, and a quarter of the
// rows), so a table ranked by something else is not read as one.
func exchanged(es []rankEntry, off []int, expect []int, blamed int) bool {
	if len(off) < 2 || len(off) > blamed+1 || len(off)*4 > len(es) {
		return false
	}
	printed, places := make([]float64, len(off)), make([]float64, len(off))
	for i, k := range off {
		printed[i], places[i] = es[k].rank, float64(expect[k])
	}
	slices.Sort(printed)
	slices.Sort(places)
	return slices.Equal(printed, places)
}

// expectedPlaces returns, for each entry, the first place its score
// takes: 1 + the entries with a better score.
func expectedPlaces(es []rankEntry, down bool) []int {
	scores := make([]float64, len(es))
	for i, e := range es {
		scores[i] = e.score
	}
	slices.Sort(scores)
	out := make([]int, len(es))
	for i, e := range es {
		better := lower(scores, e.score)
		if down {
			better = len(scores) - upper(scores, e.score)
		}
		out[i] = better + 1
	}
	return out
}

// inversions lists the entries that some other entry contradicts: a
// better (smaller) rank with a worse score, or a worse rank with a better
// score. Entries sharing a rank do not contradict each other.
func inversions(es []rankEntry, down bool) []int {
	worse := func(a, b float64) bool { // a is a worse score than b
		if down {
			return a < b
		}
		return a > b
	}
	order := make([]int, len(es))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return es[order[a]].rank < es[order[b]].rank })
	// Groups of equal rank, in rank order, with their worst and best score.
	type group struct {
		lo, hi      int // positions in order
		worst, best float64
	}
	var gs []group
	for i := 0; i < len(order); {
		g := group{lo: i, worst: es[order[i]].score, best: es[order[i]].score}
		j := i
		for j < len(order) && es[order[j]].rank == es[order[i]].rank {
			s := es[order[j]].score
			if worse(s, g.worst) {
				g.worst = s
			}
			if worse(g.best, s) {
				g.best = s
			}
			j++
		}
		g.hi = j
		gs = append(gs, g)
		i = j
	}
	// The worst score of all better ranks, the best of all worse ones.
	n := len(gs)
	worstBefore, bestAfter := make([]float64, n), make([]float64, n)
	for gi := 1; gi < n; gi++ {
		worstBefore[gi] = gs[gi-1].worst
		if gi > 1 && worse(worstBefore[gi-1], worstBefore[gi]) {
			worstBefore[gi] = worstBefore[gi-1]
		}
	}
	for gi := n - 2; gi >= 0; gi-- {
		bestAfter[gi] = gs[gi+1].best
		if gi < n-2 && worse(bestAfter[gi], bestAfter[gi+1]) {
			bestAfter[gi] = bestAfter[gi+1]
		}
	}
	var bad []int
	for gi, g := range gs {
		for pos := g.lo; pos < g.hi; pos++ {
			s := es[order[pos]].score
			if (gi > 0 && worse(worstBefore[gi], s)) || (gi < n-1 && worse(s, bestAfter[gi])) {
				bad = append(bad, order[pos])
			}
		}
	}
	slices.Sort(bad)
	return bad
}

// lower returns the number of sorted values below v; upper those at or
// below v.
func lower(sorted []float64, v float64) int {
	return sort.Search(len(sorted), func(i int) bool { return sorted[i] >= v })
}

func upper(sorted []float64, v float64) int {
	return sort.Search(len(sorted), func(i int) bool { return sorted[i] > v })
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

// checkRankLists: a list of ranked units must not name more units than it
// says (a 前三名 list with four names), unless it says there are ties
// (并列). Fewer names than N is not reported: a list whose entries carry
// their own counts ("前三位：A，转办N件；B…") is easily read short.
func (c *checker) checkRankLists() {
	groups := map[string][]int{}
	var order []string
	for mi := range c.b.Mentions {
		m := &c.b.Mentions[mi]
		if m.Role != model.Ranked || !unitLike(m.Unit) {
			continue
		}
		if _, ok := groups[m.Context]; !ok {
			order = append(order, m.Context)
		}
		groups[m.Context] = append(groups[m.Context], mi)
	}
	for _, ctx := range order {
		ms := groups[ctx]
		n, printed, ok := vocab.TopN(ctx, false)
		if !ok || vocab.TieWords.In(ctx) || n <= 0 || len(ms) <= n {
			continue
		}
		i := ms[0]
		m := &c.b.Mentions[i]
		f := Finding{Severity: Warning, Rule: RankOrder, Table: -1, Row: -1, Unit: m.Unit,
			Published: strconv.Itoa(len(ms)), Expected: strconv.Itoa(n), Pos: m.Pos, Mention: &i}
		names := make([]string, len(ms))
		for j, k := range ms {
			names[j] = c.b.Mentions[k].Unit
		}
		f.Message = fmt.Sprintf("the list %q names %d units (%s), not %d", printed, len(ms), strings.Join(names, "、"), n)
		f.Basis = fmt.Sprintf("%q says %d; it names %d and no tie (并列)", printed, n, len(ms))
		c.add(f)
	}
}
