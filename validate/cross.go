package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// channelOf returns the channel a label names (vocab.Online or
// vocab.Phone), or "".
func channelOf(s string) string { return vocab.Channel(s) }

// itemUnit reports whether a counting word counts items (件, 宗, 次 …),
// not units (家, 个), people or percentages.
func itemUnit(u string) bool { return vocab.CounterClass(u) == vocab.Items }

// handledSource is the handled count of one table (or one group of a
// two-level table): its total row, else the sum of its unit rows.
type handledSource struct {
	table   int
	key     model.Key
	channel string
	sum     int64
	tol     int64
	units   map[string]bool
}

func (c *checker) handledSources() []handledSource {
	var out []handledSource
	for ti := range c.b.Tables {
		t := &c.b.Tables[ti]
		if vocab.IsPartialList(t.Title) {
			continue
		}
		for _, col := range t.Columns {
			if col.Key.Base() != model.Handled {
				continue
			}
			src := handledSource{table: ti, key: col.Key, units: map[string]bool{}}
			src.channel = channelOf(col.Key.Group())
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
			if i != j && s.channel == o.channel && s.table != o.table && subset(s.units, o.units) &&
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

// checkCross compares the tables with the prose.
func (c *checker) checkCross() {
	c.checkTableVsNarrative()
	c.checkUnitCounts()
	c.checkMentions()
	c.checkRankLists()
	c.checkPeriod()
}

// checkTableVsNarrative compares the handled counts of the tables of each
// channel with the prose total of that channel.
//
// The channel of a prose figure is read from its label, that of a table
// from its title and label (or from its column group): words such as 电话,
// 来电, 热线 say phone; 网民, 网络, 留言, 政民互动 say online. Tables whose
// titles name no channel ("群众诉求事项") are given the one channel the prose
// names that no table names, when there is exactly one such channel. When
// the prose names no channel, all tables are compared with the largest
// stated total. A table sum equal to any part of the channel's figure is
// taken to be that part (units' tables often cover only the items passed
// on to units). Tables of only some units (前十名, 排名靠后, 诉求较多的单位)
// are left out.
func (c *checker) checkTableVsNarrative() {
	srcs := c.handledSources()
	if len(srcs) == 0 || len(c.b.Figures) == 0 {
		return
	}
	figs := c.b.Figures
	chanFig := map[string]int{}
	var chans []string
	for i := range figs {
		f := &figs[i]
		if !isCountFigure(f) || !itemUnit(f.Unit) {
			continue
		}
		ch := channelOf(f.Label)
		if ch == "" {
			continue
		}
		if _, ok := chanFig[ch]; !ok {
			chanFig[ch] = i
			chans = append(chans, ch)
		}
	}
	kids := c.children()
	if len(chans) == 0 {
		root := -1
		for i := range figs {
			f := &figs[i]
			if f.Parent < 0 && isCountFigure(f) && itemUnit(f.Unit) && (root < 0 || f.Value > figs[root].Value) {
				root = i
			}
		}
		if root < 0 {
			return
		}
		c.compareChannel(root, srcs, kids, "")
		return
	}
	// Elimination: unnamed tables take the one unmatched channel.
	named := map[string]bool{}
	unnamed := 0
	for _, s := range srcs {
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
	if unnamed > 0 && len(missing) == 1 {
		for i := range srcs {
			if srcs[i].channel == "" {
				srcs[i].channel = missing[0]
			}
		}
	}
	for _, ch := range chans {
		var in []handledSource
		for _, s := range srcs {
			if s.channel == ch {
				in = append(in, s)
			}
		}
		if len(in) > 0 {
			c.compareChannel(chanFig[ch], in, kids, ch)
		}
	}
}

func (c *checker) compareChannel(fi int, srcs []handledSource, kids [][]int, ch string) {
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
		t := &c.b.Tables[s.table]
		name := t.Label
		if name == "" {
			name = fmt.Sprintf("table %d", s.table)
		}
		terms = append(terms, fmt.Sprintf("%s %d", name, s.sum))
	}
	if abs64(sum-total.v) <= tol+total.tol {
		c.mark(figID(fi), stConsistent)
		return
	}
	for _, k := range kids[fi] {
		if v, ok := figCount(&c.b.Figures[k]); ok && isCountFigure(&c.b.Figures[k]) && abs64(sum-v.v) <= tol+v.tol {
			c.mark(figID(k), stConsistent)
			return
		}
	}
	h := c.header(srcs[0].table, srcs[0].key)
	which := "the tables'"
	if ch != "" {
		which = fmt.Sprintf("the %s tables'", ch)
	}
	fd := c.figFinding(Warning, TableVsNarrative, fi)
	fd.Column = model.Handled
	fd.Expected = itoa(sum)
	sumText := strings.Join(terms, " + ")
	if len(terms) > 1 {
		sumText += fmt.Sprintf(" = %d", sum)
	}
	fd.Message = fmt.Sprintf("%s %s (%s) differs from %s %s by %+d", which, h, sumText, f.Label, figText(f), sum-total.v)
	c.add(fd, figID(fi))
}

// unitType classifies a label as naming departments, towns or counties
// (vocab.Departments, vocab.Towns, vocab.Counties), or "".
func unitType(s string) string { return vocab.UnitKind(s) }

// unitFigureType says which kind of units a count figure counts, if it
// counts units: its counting word counts entities (家, 个, 所) and its label (else the
// words printed right after or before its number) names a unit type.
func unitFigureType(f *model.Figure) string {
	if !isCountFigure(f) || vocab.CounterClass(f.Unit) != vocab.Entities || f.Value != float64(int64(f.Value)) {
		return ""
	}
	if t := unitType(f.Label); t != "" {
		return t
	}
	num := strconv.FormatFloat(f.Value, 'f', -1, 64) + f.Unit
	if i := strings.Index(f.Text, num); i >= 0 {
		after := f.Text[i+len(num):]
		if j := strings.IndexAny(after, "、，,；;。和及与"); j >= 0 {
			after = after[:j]
		}
		if t := unitType(after); t != "" {
			return t
		}
	}
	return ""
}

// checkUnitCounts compares stated numbers of units with the distinct units
// the tables of that kind list.
func (c *checker) checkUnitCounts() {
	types := map[string][]int{}
	for ti := range c.b.Tables {
		t := &c.b.Tables[ti]
		if typ := unitType(t.Title); typ != "" {
			types[typ] = append(types[typ], ti)
		}
	}
	for fi := range c.b.Figures {
		f := &c.b.Figures[fi]
		typ := unitFigureType(f)
		tables := types[typ]
		if typ == "" || len(tables) == 0 {
			continue
		}
		units := map[string]bool{}
		var labels []string
		for _, ti := range tables {
			t := &c.b.Tables[ti]
			for ri := range t.Rows {
				if !t.Rows[ri].Total && t.Rows[ri].Unit != "" {
					units[normUnit(t.Rows[ri].Unit)] = true
				}
			}
			labels = append(labels, cmpLabel(t, ti))
		}
		if int64(len(units)) == int64(f.Value) {
			c.mark(figID(fi), stConsistent)
			continue
		}
		fd := c.figFinding(Warning, UnitCount, fi)
		fd.Expected = strconv.Itoa(len(units))
		fd.Message = fmt.Sprintf("the text states %s %s; the tables of that kind (%s) list %d distinct units",
			figText(f), f.Label, strings.Join(labels, ", "), len(units))
		c.add(fd, figID(fi))
	}
}

func cmpLabel(t *model.Table, ti int) string {
	if t.Label != "" {
		return t.Label
	}
	return fmt.Sprintf("table %d", ti)
}

// normUnit normalises a unit name for comparison: white space removed.
func normUnit(s string) string { return vocab.NormUnit(s) }

// sameUnit reports whether a name in the prose means a table's unit:
// equal, or equal but for an administrative prefix (区烟草局 = 烟草局).
func sameUnit(mention, row string) bool { return vocab.SameUnit(mention, row) }

// checkMentions reports praised, criticised or ranked units that no table
// lists.
func (c *checker) checkMentions() {
	if len(c.b.Tables) == 0 {
		return
	}
	var names []string
	for ti := range c.b.Tables {
		for ri := range c.b.Tables[ti].Rows {
			if row := &c.b.Tables[ti].Rows[ri]; !row.Total {
				names = append(names, row.Unit)
			}
		}
	}
	for mi := range c.b.Mentions {
		m := &c.b.Mentions[mi]
		if len(m.Matches) > 0 || m.Unit == "" {
			continue
		}
		if slices.ContainsFunc(names, func(n string) bool { return sameUnit(m.Unit, n) }) {
			continue
		}
		i := mi
		f := Finding{Severity: Warning, Rule: MentionUnknownUnit, Table: -1, Row: -1, Unit: m.Unit,
			Published: m.Unit, Pos: m.Pos, Mention: &i}
		f.Message = fmt.Sprintf("%s, named as %s (%s), is in no table", m.Unit, m.Role, m.Context)
		c.add(f)
	}
}

// checkRankLists: a list of ranked units must have as many names as it
// says (a 前三名 list with four names), unless it says there are ties
// (并列).
func (c *checker) checkRankLists() {
	groups := map[string][]int{}
	var order []string
	for mi := range c.b.Mentions {
		m := &c.b.Mentions[mi]
		if m.Role != model.Ranked {
			continue
		}
		if _, ok := groups[m.Context]; !ok {
			order = append(order, m.Context)
		}
		groups[m.Context] = append(groups[m.Context], mi)
	}
	for _, ctx := range order {
		ms := groups[ctx]
		n, text, ok := vocab.TopN(ctx, false)
		if !ok || strings.Contains(ctx, "并列") || n == len(ms) {
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
		f.Message = fmt.Sprintf("the list %q names %d units (%s), not %d", text, len(ms), strings.Join(names, "、"), n)
		c.add(f)
	}
}

// checkPeriod: the title's period against the body's.
func (c *checker) checkPeriod() {
	tp, p := c.b.TitlePeriod, c.b.Period
	if tp == nil || (p.Start.IsZero() && p.Label == "") {
		return
	}
	same := tp.Start == p.Start && tp.End == p.End
	if tp.Start.IsZero() || p.Start.IsZero() {
		same = tp.Label == p.Label
	}
	if same {
		return
	}
	f := Finding{Severity: Warning, Rule: PeriodMismatch, Table: -1, Row: -1,
		Published: periodText(*tp), Expected: periodText(p)}
	f.Message = fmt.Sprintf("the title names %s but the text reports on %s", periodText(*tp), periodText(p))
	c.add(f)
}

func periodText(p model.Period) string {
	switch {
	case p.Label != "" && !p.Start.IsZero():
		return fmt.Sprintf("%s (%s to %s)", p.Label, p.Start, p.End)
	case p.Label != "":
		return p.Label
	}
	return fmt.Sprintf("%s to %s", p.Start, p.End)
}

// checkTablePeriod: a table title's month against a one-month body period.
func (c *checker) checkTablePeriod(ti int) {
	p := c.b.Period
	if p.Start.IsZero() || p.End.IsZero() || p.Start.Year != p.End.Year || p.Start.Month != p.End.Month {
		return
	}
	t := &c.b.Tables[ti]
	year, month, printed, ok := vocab.LeadingMonth(strings.TrimSpace(t.Title))
	if !ok {
		return
	}
	if year == 0 {
		year = p.Start.Year
	}
	if month == int(p.Start.Month) && year == p.Start.Year {
		return
	}
	f := c.cellFinding(Warning, PeriodMismatch, ti, -1, "")
	f.Published = printed
	f.Expected = periodText(p)
	f.Message = fmt.Sprintf("%s is titled %s but the bulletin reports on %s", cmpLabel(t, ti), printed, periodText(p))
	c.add(f)
}
