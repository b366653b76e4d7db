package validate

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/model"
)

// Channels. A bulletin that reports several intake channels says so in its
// prose ("电话诉求事项2364件…网民诉求296件") and in its table titles
// ("网民诉求事项办理情况"); these words tell them apart. Online words are
// looked for first: "12345热线网民留言" is online.
var channelWords = []struct {
	name  string
	words []string
}{
	{"online", []string{"网民", "网络", "网上", "网站", "在线", "微信", "微博", "政民互动", "留言", "信箱", "互联网", "APP", "小程序", "来信", "邮件"}},
	{"phone", []string{"电话", "来电", "话务", "热线", "语音"}},
}

// channelOf returns the channel a label names, or "".
func channelOf(s string) string {
	for _, ch := range channelWords {
		for _, w := range ch.words {
			if strings.Contains(s, w) {
				return ch.name
			}
		}
	}
	return ""
}

// itemUnit reports whether a counting word counts items (件, 宗, 次 …),
// not units (家, 个) or percentages.
func itemUnit(u string) bool {
	u = strings.TrimLeft(u, "万亿")
	switch u {
	case "件", "宗", "次", "条", "通", "封", "件次", "单", "个工单", "笔", "":
		return true
	}
	return false
}

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

// partialList matches the title of a table that lists only some units: a
// top or bottom N, the units with most complaints.
var partialList = regexp.MustCompile(`[前后末]\s*([0-9]+|[一二两三四五六七八九十]+)\s*[名位个家]?|排名[前后靠]|较多|较少|最多|最少|重点|典型`)

func (c *checker) handledSources() []handledSource {
	var out []handledSource
	for ti := range c.b.Tables {
		t := &c.b.Tables[ti]
		if partialList.MatchString(t.Title) {
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

// Unit types. A table of 区直部门 and one of 镇（街道） list different kinds
// of units; the prose counts each ("共涉及57家区直单位、13个镇（街道）").
var (
	directWords = []string{"区直", "县直", "市直", "旗直", "直属"}
	townWords   = []string{"镇", "乡", "街道", "街办", "办事处"}
	countyWords = []string{"县区", "区县", "县（市、区）", "县(市、区)", "县市区", "县（市）", "各县", "各区"}
	deptWords   = []string{"部门", "单位"}
)

// unitType classifies a label as naming departments ("dept"), towns
// ("town") or counties ("county"), or "".
func unitType(s string) string {
	switch {
	case containsAny(s, directWords):
		return "dept"
	case containsAny(s, townWords):
		return "town"
	case containsAny(s, countyWords):
		return "county"
	case containsAny(s, deptWords):
		return "dept"
	}
	return ""
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var unitWords = map[string]bool{"家": true, "个": true, "所": true, "类": false}

// unitFigureType says which kind of units a count figure counts, if it
// counts units: its counting word is 家, 个 or 所 and its label (else the
// words printed right after or before its number) names a unit type.
func unitFigureType(f *model.Figure) string {
	if !isCountFigure(f) || !unitWords[f.Unit] || f.Value != float64(int64(f.Value)) {
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
func normUnit(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// adminPrefix matches what may stand before a unit's name in prose but not
// in its table row: 区, 县, 市, 偃师区, 全区 ….
var adminPrefix = regexp.MustCompile(`^(全?[区县市旗]|[\p{Han}]{1,4}[省市区县旗])$`)

// sameUnit reports whether a name in the prose means a table's unit:
// equal, or equal but for an administrative prefix (区烟草局 = 烟草局).
func sameUnit(mention, row string) bool {
	m, r := normUnit(mention), normUnit(row)
	if m == "" || r == "" {
		return false
	}
	if m == r {
		return true
	}
	long, short := m, r
	if len(short) > len(long) {
		long, short = short, long
	}
	if !strings.HasSuffix(long, short) || utf8.RuneCountInString(short) < 2 {
		return false
	}
	return adminPrefix.MatchString(strings.TrimSuffix(long, short))
}

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

// topN reads the N of a 前三名 / 后5位 / 排名前十 list.
var topN = regexp.MustCompile(`[前后末]([0-9]+|[一二两三四五六七八九十]+)(?:名|位|个|家)`)

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
		sm := topN.FindStringSubmatch(ctx)
		if sm == nil || strings.Contains(ctx, "并列") {
			continue
		}
		n := chineseNumber(sm[1])
		if n <= 0 || n == len(ms) {
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
		f.Message = fmt.Sprintf("the list %q names %d units (%s), not %d", sm[0], len(ms), strings.Join(names, "、"), n)
		c.add(f)
	}
}

// chineseNumber reads 1-99 in digits or Chinese numerals; 0 if it cannot.
func chineseNumber(s string) int {
	if v, err := strconv.Atoi(s); err == nil {
		return v
	}
	digit := map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit[rs[0]]
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digit[rs[1]]
	case len(rs) == 2 && rs[1] == '十':
		return digit[rs[0]] * 10
	case len(rs) == 3 && rs[1] == '十':
		return digit[rs[0]]*10 + digit[rs[2]]
	}
	return 0
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

// tableMonth reads the month a table title starts with: "3月份区直部门…",
// "2023年3月…", "三月份…"; ranges ("1-4月") are not read.
var tableMonth = regexp.MustCompile(`^(?:([0-9]{4})年)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})月`)

// checkTablePeriod: a table title's month against a one-month body period.
func (c *checker) checkTablePeriod(ti int) {
	p := c.b.Period
	if p.Start.IsZero() || p.End.IsZero() || p.Start.Year != p.End.Year || p.Start.Month != p.End.Month {
		return
	}
	t := &c.b.Tables[ti]
	sm := tableMonth.FindStringSubmatch(strings.TrimSpace(t.Title))
	if sm == nil {
		return
	}
	month := chineseNumber(sm[2])
	year := p.Start.Year
	if sm[1] != "" {
		year, _ = strconv.Atoi(sm[1])
	}
	if month == int(p.Start.Month) && year == p.Start.Year {
		return
	}
	f := c.cellFinding(Warning, PeriodMismatch, ti, -1, "")
	f.Published = sm[0]
	f.Expected = periodText(p)
	f.Message = fmt.Sprintf("%s is titled %s but the bulletin reports on %s", cmpLabel(t, ti), sm[0], periodText(p))
	c.add(f)
}
