package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// The prose_tables family: prose totals against the tables they cover.
//
// Which tables a prose total covers is read from the words both print, not
// from one publisher's wording: a figure whose label names the table's
// units ("转承办单位办理4691件" over "各承办单位工单办理情况", "转村（社区）办理"
// over "各村（社区）诉求办理情况"); else a channel (电话 / 网络 …) both name;
// else a figure of the items passed on to units (交办, 转办, 派发 …). A
// table sum equal to any stated count is accepted; a table compared with
// nothing it is known to cover is not reported: the overall intake (受理)
// includes items answered at once and never passed on.

// handledSource is the handled count of one table (or one group of a
// two-level table): its total row, else the sum of its unit rows.
type handledSource struct {
	table   int
	key     model.Key
	channel string
	sum     int64
	tol     int64
	units   map[string]bool
	// overall marks the count of the whole table: its only handled
	// column, or the overall group's (合计/总计, or the ungrouped column
	// beside grouped ones). The other groups' counts are compared only by
	// channel, never added to it.
	overall bool
}

func (c *checker) handledSources() []handledSource {
	var out []handledSource
	for ti := range c.b.Tables {
		t := &c.b.Tables[ti]
		if vocab.IsPartialList(t.Title) {
			continue
		}
		var handled []model.Key
		for _, col := range t.Columns {
			if col.Key.Base() == model.Handled && !slices.Contains(handled, col.Key) {
				handled = append(handled, col.Key)
			}
		}
		overall := model.Key("")
		for _, k := range handled {
			if g := k.Group(); (g == "" && len(handled) > 1) || vocab.IsOverallGroup(g) {
				overall = k
			}
		}
		for _, k := range handled {
			col := model.Column{Key: k}
			src := handledSource{table: ti, key: k, units: map[string]bool{}, overall: overall == "" || k == overall}
			// The channel the interpreter read (the column's group, else
			// the table's caption and title); the same words read here for
			// a bulletin written without channels.
			src.channel = t.ChannelOf(k)
			if src.channel == "" {
				src.channel = channelOf(col.Key.Group())
			}
			if src.channel == "" {
				src.channel = channelOf(t.Title + " " + t.Label)
			}
			var totalV *count
			n := 0
			for ri := range t.Rows {
				row := &t.Rows[ri]
				v, ok := cellCount(row, col.Key)
				if row.Total {
					if ok {
						totalV = &v
					}
					continue
				}
				src.units[normUnit(row.Unit)] = true
				if ok {
					src.sum += v.v
					src.tol += v.tol
					n++
				}
			}
			if totalV != nil {
				src.sum, src.tol = totalV.v, totalV.tol
			} else if n == 0 {
				continue
			}
			out = append(out, src)
		}
	}
	// A table whose units all appear in another of its channel (a top-10
	// list beside the full table) is not added again.
	var kept []handledSource
	for i, s := range out {
		dup := false
		for j, o := range out {
			if i != j && s.overall && o.overall && s.channel == o.channel && s.table != o.table && subset(s.units, o.units) &&
				(len(s.units) < len(o.units) || j < i) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, s)
		}
	}
	return kept
}

func subset(a, b map[string]bool) bool {
	if len(a) == 0 {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// maxTermRunes bounds the characters of a label or title compared.
const maxTermRunes = 64

// dispatchLabel reports whether a count's label names the items passed on
// to units, which the units' tables count: a dispatch word, and no word of
// a subset of them (转办工单, not 转办工单按时办结).
func dispatchLabel(l string) bool { return vocab.DispatchWords.In(l) && !vocab.SubsetWords.In(l) }

// commonUnitTerm returns the longest run of characters a label and a
// title share that names a kind of unit ("承办单位", "村（社区）"), or "".
func commonUnitTerm(label, title string) string {
	a, b := []rune(label), []rune(title)
	// Labels and titles are short; a longer one is cut, so that the
	// comparison stays small whatever a program puts there.
	a, b = a[:min(len(a), maxTermRunes)], b[:min(len(b), maxTermRunes)]
	best := ""
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cur[j] = 0
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				if n := cur[j]; n >= 2 && n > len([]rune(best)) {
					if s := string(a[i-n : i]); vocab.UnitTerms.In(s) {
						best = s
					}
				}
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// proseCounts lists the count figures of items the prose states that a
// table can be compared with: counts of items (件, 宗 …), not changes, not
// per-item counts ("各1件").
func (c *checker) proseCounts() []int {
	var out []int
	for i := range c.b.Figures {
		f := &c.b.Figures[i]
		if isCountFigure(f) && itemUnit(f.Unit) && !isChange(f) && !perItem(f) {
			out = append(out, i)
		}
	}
	return out
}

// checkTableVsNarrative compares the handled counts of the tables with the
// prose totals they cover.
func (c *checker) checkTableVsNarrative() {
	figs := c.proseCounts()
	if len(figs) == 0 {
		return
	}
	srcs := c.handledSources()
	if len(srcs) == 0 {
		return
	}
	assigned := map[int]bool{} // tables compared already
	type target struct {
		fig   int
		srcs  []handledSource
		why   string
		which string // "the phone tables'" …
	}
	var targets []*target
	targetOf := func(fi int, why string) *target {
		for _, t := range targets {
			if t.fig == fi {
				return t
			}
		}
		t := &target{fig: fi, why: why}
		targets = append(targets, t)
		return t
	}
	// 1. The units the figure names.
	for _, s := range srcs {
		if !s.overall {
			continue
		}
		t := &c.b.Tables[s.table]
		best, bestTerm := -1, ""
		for _, fi := range figs {
			if term := commonUnitTerm(c.b.Figures[fi].Label, t.Title); len([]rune(term)) > len([]rune(bestTerm)) {
				best, bestTerm = fi, term
			}
		}
		if best < 0 {
			// The label may have lost its first words; the phrase has them.
			for _, fi := range figs {
				if term := commonUnitTerm(c.b.Figures[fi].Text, t.Title); len([]rune(term)) > len([]rune(bestTerm)) {
					best, bestTerm = fi, term
				}
			}
		}
		if best >= 0 {
			tg := targetOf(best, fmt.Sprintf("its label and the table titles name %s", bestTerm))
			tg.srcs = append(tg.srcs, s)
			assigned[s.table] = true
		}
	}
	// 2. Channels.
	chanFig := map[string]int{}
	var chans []string
	for _, fi := range figs {
		if ch := channelOf(c.b.Figures[fi].Label); ch != "" {
			if _, ok := chanFig[ch]; !ok {
				chanFig[ch] = fi
				chans = append(chans, ch)
			}
		}
	}
	// Group columns are compared by channel whatever their table's
	// overall count was compared with.
	var rest []handledSource
	for _, s := range srcs {
		if !s.overall || !assigned[s.table] {
			rest = append(rest, s)
		}
	}
	if len(chans) > 0 {
		// Elimination: unnamed tables take the one unmatched channel.
		named := map[string]bool{}
		unnamed := 0
		for _, s := range rest {
			if s.channel == "" {
				unnamed++
			} else {
				named[s.channel] = true
			}
		}
		var missing []string
		for _, ch := range chans {
			if !named[ch] {
				missing = append(missing, ch)
			}
		}
		// Only a bulletin that reports by channel (names two or more) says
		// which channel an unnamed table is; one channel word alone
		// ("热线直接解答") may name the hotline, not a channel.
		if unnamed > 0 && len(missing) == 1 && len(chans) >= 2 {
			for i := range rest {
				if rest[i].channel == "" && rest[i].overall {
					rest[i].channel = missing[0]
				}
			}
		}
		for _, ch := range chans {
			for _, s := range rest {
				if s.channel == ch && chanFig[ch] != -1 {
					tg := targetOf(chanFig[ch], fmt.Sprintf("it and the tables name the %s channel", ch))
					tg.which = fmt.Sprintf("the %s tables'", ch)
					if tg.fig == chanFig[ch] && !slices.ContainsFunc(tg.srcs, func(o handledSource) bool { return o.table == s.table && o.key == s.key }) {
						tg.srcs = append(tg.srcs, s)
					}
					if s.overall {
						assigned[s.table] = true
					}
				}
			}
		}
	}
	// 3. The items passed on to units.
	dispatch := -1
	for _, fi := range figs {
		if dispatchLabel(c.b.Figures[fi].Label) {
			dispatch = fi
			break
		}
	}
	var left []handledSource
	for _, s := range rest {
		if !assigned[s.table] && s.overall {
			left = append(left, s)
		}
	}
	if len(left) > 0 && dispatch >= 0 {
		tg := targetOf(dispatch, "it counts the items passed on to units, which the tables list")
		tg.srcs = append(tg.srcs, left...)
	} else if len(left) > 0 {
		// Covered by nothing known: only a match is worth saying.
		var sum int64
		for _, s := range left {
			sum += s.sum
		}
		for _, fi := range figs {
			if v, ok := figCount(&c.b.Figures[fi]); ok && v.within(sum) {
				c.mark(figID(fi), stConsistent)
				break
			}
		}
	}
	for _, tg := range targets {
		c.compareFigure(tg.fig, tg.srcs, figs, tg.why, tg.which)
	}
}

// compareFigure compares a prose figure with the handled counts of the
// tables it covers.
func (c *checker) compareFigure(fi int, srcs []handledSource, figs []int, why, which string) {
	f := &c.b.Figures[fi]
	total, ok := figCount(f)
	if !ok {
		return
	}
	var sum, tol int64
	terms := make([]string, 0, len(srcs))
	for _, s := range srcs {
		sum += s.sum
		tol += s.tol
		terms = append(terms, fmt.Sprintf("%s %d", cmpLabel(&c.b.Tables[s.table], s.table), s.sum))
	}
	if abs64(sum-total.v) <= tol+total.tol {
		c.mark(figID(fi), stConsistent)
		return
	}
	// A table sum equal to another stated count (a part of the figure, the
	// items passed on) is that count.
	for _, k := range figs {
		if v, ok := figCount(&c.b.Figures[k]); ok && abs64(sum-v.v) <= tol+v.tol {
			c.mark(figID(k), stConsistent)
			return
		}
	}
	h := c.header(srcs[0].table, srcs[0].key)
	fd := c.figFinding(Warning, TableVsNarrative, fi)
	fd.Column = model.Handled
	fd.Expected = itoa(sum)
	sumText := strings.Join(terms, " + ")
	if len(terms) > 1 {
		sumText += fmt.Sprintf(" = %d", sum)
	}
	if which == "" {
		which = "the tables'"
	}
	fd.Message = fmt.Sprintf("%s %s (%s) differs from %s %s by %+d", which, h, sumText, f.Label, figText(f), sum-total.v)
	fd.Basis = fmt.Sprintf("%s covers the tables: %s", f.Label, why)
	c.add(fd, figID(fi))
}
