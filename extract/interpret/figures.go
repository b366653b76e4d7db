package interpret

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Figures of the prose. A sentence is scanned for amounts (a number with a
// counting word, a percentage, a number of percentage points); what comes
// before an amount decides what it is: a count with its label, the share of
// a count (占63.72%), a rate (满意率97.59%), or a change (同比增加7181件,
// 增幅11.2%). Counts after 其中 are parts of the total before them, counts in
// brackets parts of the count the brackets follow; 分别 lists pair labels
// with values. All patterns run on width-folded text.

const (
	decPat    = `[0-9][0-9,]*(?:\.[0-9]+)?`
	amountPat = decPat + `|[` + cnNumerals + `]+`
)

var (
	// countPat: 2660件, 9.67万件, 57家, 两件, 1,234宗, 35件(次).
	countPat = regexp.MustCompile(`(` + amountPat + `)\s*([万亿])?\s*(件\(次\)|件次|人次|件|宗|个|次|通|条|封|家|名|所|户|单|起|项|批)`)
	// percentPat: 63.72%, 百分之百, 百分之九十五点五.
	percentPat = regexp.MustCompile(`(` + decPat + `)\s*%+|百分之([` + cnNumerals + `点]+)`)
	// pointsPat: 3.67个百分点.
	pointsPat = regexp.MustCompile(`(` + decPat + `)\s*个?百分点`)
	// lostNumber: a counting word where the number should be ("共受理…件").
	lostNumber = regexp.MustCompile(`(?:…+|\.{3,}|[×X＊*]+|[(（]\s*[)）]|_+)\s*(?:万)?(?:件|宗|个|家|次|条|通)`)

	shareLead   = regexp.MustCompile(`(?:占比|占|比重为|比例为|比重|比例)[^，,；;。]{0,12}?的?(?:约|近|达|为)?$`)
	changeLead  = regexp.MustCompile(`(增加|增长|上升|提升|提高|增幅|涨幅|多|减少|下降|降低|回落|降幅|减幅|少|下滑)了?(?:幅度)?(?:为|达|约)?$`)
	compareLead = regexp.MustCompile(`(同比|环比|较上月|较上周|较上季度|较去年同期|较上年同期|较上年|较去年|比上月|比上周|比去年同期|比去年|与上月相比|与去年同期相比|较[0-9一二三四五六七八九十]+月份?)`)
	// connectors are trimmed from the front of a label.
	labelTrim = regexp.MustCompile(`^(?:其中|另外|此外|同时|合计|总计|共计|累计|共|计|达到|达|为|是|约|近|超过|有|分别为|分别是|分别|包括|含|即|本周|本月|本季度|本期|当月|当周|全年|今年|本年度|本年)+`)
	// labelTrimEnd drops connectors between a label and its number.
	labelTrimEnd = regexp.MustCompile(`(?:为|达到|达|是|约|近|了|已达|已)+$`)
	// totalWord before a count makes it a total that 其中 refers to.
	totalWord = regexp.MustCompile(`(共|共计|累计|合计|总计|总量|总数|受理|接到|接听|办理)`)
)

// figureScanner reads the figures of one paragraph, sentence by sentence,
// keeping the total that a later 其中 refers to.
type figureScanner struct {
	b     *model.Bulletin
	pos   model.Pos
	total int // index of the last top-level count, or -1
	// maxCandidates bounds the amounts read in one paragraph
	// (Limits.MaxFigureCandidates); candidates counts them, overflow is
	// set once the paragraph passed the bound. maxFigures bounds the
	// figures of the document (Limits.MaxFigures); full is set once they
	// reached it.
	maxCandidates, candidates int
	maxFigures                int
	overflow, full            bool
}

// maxClauseBytes bounds how far before an amount its label, lead and
// bracket are looked for. No clause of a bulletin is longer; the bound keeps
// the work per amount constant however long a text without punctuation is.
const maxClauseBytes = 512

// lookback returns the first character boundary at most maxClauseBytes
// before i.
func lookback(f string, i int) int {
	lo := max(0, i-maxClauseBytes)
	for lo < i && !utf8.RuneStart(f[lo]) {
		lo++
	}
	return lo
}

// clauseStart returns the start of the label of the amount at i: after the
// last delimiter before it (within maxClauseBytes).
func clauseStart(f string, i int) int { return afterLast(f, i, "，,；;。：:、()（）\n") }

// afterLast returns the offset just after the last of the delimiters
// before i, or lookback(f, i) when there is none that close.
func afterLast(f string, i int, delims string) int {
	lo := lookback(f, i)
	for j := i; j > lo; {
		r, n := utf8.DecodeLastRuneInString(f[lo:j])
		if strings.ContainsRune(delims, r) {
			return j
		}
		j -= n
	}
	return lo
}

// sentences splits a paragraph at 。！？ and keeps bracketed text whole. A
// 其中 list runs on over ；, so semicolons do not end a sentence here.
func sentences(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
			}
		case '。', '！', '？', '!', '?':
			if depth == 0 {
				out = append(out, s[start:i+utf8.RuneLen(r)])
				start = i + utf8.RuneLen(r)
			}
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, s[start:])
	}
	return out
}

// paragraph reads the figures of one paragraph.
func (fs *figureScanner) paragraph(text string) {
	fs.candidates, fs.overflow = 0, false
	for _, s := range sentences(text) {
		fs.sentence(s)
	}
}

func (fs *figureScanner) add(f model.Figure) int {
	f.Pos = fs.pos
	// Layout puts spaces between Chinese and digits (pdftotext prints
	// "受理各类诉求 2660 件"); they are not part of what was printed.
	f.Label, f.Text = compactTitle(f.Label), compactTitle(f.Text)
	fs.b.Figures = append(fs.b.Figures, f)
	return len(fs.b.Figures) - 1
}

// sentence is one sentence being read, with what it has established so
// far.
type sentence struct {
	fs      *figureScanner
	s, f    string // as printed and folded
	amounts []amount
	qizhong int // byte offset of 其中, or -1
	// total is the first count of the sentence that is not a part: the
	// base of a rate stated after it.
	total     int
	lastCount int // the last count
	lastMain  int // the last count or rate, which a change refers to
	fenbie    []int
	shares    []int    // counts waiting for the shares of a 分别占 list
	base      *float64 // a base value printed before a change
	owner     map[int]int
	offsets   *offsetMap // from f to s
}

// sentence reads the figures of one sentence.
func (fs *figureScanner) sentence(text string) {
	f := fold(text)
	st := &sentence{fs: fs, s: text, f: f, amounts: amounts(f), qizhong: strings.Index(f, "其中"),
		total: -1, lastCount: -1, lastMain: -1, owner: map[int]int{}, offsets: newOffsetMap(text, f)}
	// An amount gives at most one figure. The amounts past a limit are
	// not read; one problem says so.
	room := max(fs.maxCandidates-fs.candidates, 0)
	figRoom := max(fs.maxFigures-len(fs.b.Figures), 0)
	switch {
	case len(st.amounts) > figRoom && figRoom < room:
		if !fs.full {
			fs.full = true
			fs.b.Problems = append(fs.b.Problems, model.Problem{Pos: fs.pos, Message: fmt.Sprintf(
				"%v in the document; the numbers from here on are not read as figures", block.Exceeded("figures", int64(fs.maxFigures)))})
		}
		st.amounts = st.amounts[:figRoom]
	case len(st.amounts) > room:
		if !fs.overflow {
			fs.overflow = true
			fs.b.Problems = append(fs.b.Problems, model.Problem{Pos: fs.pos, Message: fmt.Sprintf(
				"%v in a paragraph; the numbers after them are not read as figures", block.Exceeded("figure candidates", int64(fs.maxCandidates)))})
		}
		st.amounts = st.amounts[:room]
	}
	fs.candidates += len(st.amounts)
	st.reportLostNumber()
	for i, a := range st.amounts {
		lead := f[clauseStart(f, a.start):a.start]
		if a.unit == "%" || a.unit == "个百分点" {
			_ = st.share(i, a, lead) || st.change(a, lead) || st.rate(a)
			continue
		}
		_ = st.baseOfChange(a) || st.change(a, lead) || st.count(a)
	}
	st.labelFenbie()
}

// cut returns the printed text between two offsets of the folded sentence.
func (st *sentence) cut(a, b int) string { return st.offsets.cut(a, b) }

func (st *sentence) figure(i int) *model.Figure { return &st.fs.b.Figures[i] }

// reportLostNumber reports a counting word whose number was lost in
// publishing ("共受理…件"): a problem, not a zero.
func (st *sentence) reportLostNumber() {
	if !strings.ContainsAny(st.f, "….×X*_()") {
		return // nothing can stand for a lost number
	}
	m := lostNumber.FindStringIndex(st.f)
	if m == nil {
		return
	}
	loc := mapOffsets(st.s, st.f, m)
	st.fs.b.Problems = append(st.fs.b.Problems, model.Problem{Pos: st.fs.pos,
		Message: fmt.Sprintf("a figure's number is missing in %q; no figure recorded", strings.TrimSpace(st.s[max(0, loc[0]-30):loc[1]]))})
}

// share reads a percentage that is the share of a count: "X件，占Y%",
// "占比Y%", "约占受理总量的Y%", or one of a list "分别占a%、b%、c%" that goes
// to the counts of the 分别 list in order.
func (st *sentence) share(i int, a amount, lead string) bool {
	inList := strings.TrimSpace(lead) == "" && len(st.shares) > 0
	if !inList && (!shareLead.MatchString(lead) || changeLead.MatchString(lead) || st.lastCount < 0) {
		return false
	}
	target := st.lastCount
	ls := clauseStart(st.f, a.start)
	if !inList && strings.Contains(st.f[max(0, ls-12):a.start], "分别") {
		// The list of shares goes to as many of the last counts.
		counts := st.fenbie
		if len(counts) == 0 {
			counts = []int{st.lastCount}
		}
		n := min(len(counts), listLength(st.amounts[i:]))
		st.shares = append([]int(nil), counts[len(counts)-n:]...)
	}
	if len(st.shares) > 0 {
		target, st.shares = st.shares[0], st.shares[1:]
	}
	if fig := st.figure(target); fig.Share == nil {
		v := a.value
		fig.Share, fig.ShareDecimals = &v, a.decimals
	}
	return true
}

// listLength counts the percentages at the start of as that follow each
// other in a list.
func listLength(as []amount) int {
	n := 0
	for _, a := range as {
		if a.unit != "%" {
			break
		}
		n++
	}
	return n
}

// change reads a change against an earlier period: 同比增加7181件, 增幅11.2%,
// 环比下降0.16%, 提升3.67个百分点. A count is a change only after a
// comparison (同比, 较上月 …) or a printed base.
func (st *sentence) change(a amount, lead string) bool {
	m := changeLead.FindStringSubmatch(lead)
	switch {
	case a.unit == "个百分点":
	case m == nil:
		return false
	case a.unit != "%" && st.base == nil && !compareLead.MatchString(st.f[max(0, clauseStart(st.f, a.start)-30):a.start]):
		return false
	}
	sign := 1.0
	if m != nil && isDecrease(m[1]) {
		sign = -1
	}
	cs := clauseStartNoList(st.f, a.start)
	fig := model.Figure{Kind: model.Change, Label: changeLabel(st.cut(cs, a.start)), Value: sign * a.value,
		Decimals: a.decimals, Unit: a.unit, Text: st.cut(cs, a.end), Parent: st.lastMain}
	if a.unit != "%" && a.unit != "个百分点" {
		fig.Base, st.base = st.base, nil
	}
	st.fs.add(fig)
	return true
}

// rate reads a percentage stated as a rate: 满意率97.59%. Its parent is the
// sentence's total (抽查回访1699件，…，满意率97.59%).
func (st *sentence) rate(a amount) bool {
	ls := clauseStart(st.f, a.start)
	label := strings.TrimSpace(labelTrim.ReplaceAllString(st.cut(ls, a.start), ""))
	st.lastMain = st.fs.add(model.Figure{Kind: model.RateFigure, Label: trimLead(label), Value: a.value,
		Decimals: a.decimals, Unit: "%", Text: st.cut(ls, a.end), Parent: st.total})
	return true
}

// baseOfChange reads a count in brackets right after a comparison, the base
// of the change that follows: 较上月（2350件）增加310件.
func (st *sentence) baseOfChange(a amount) bool {
	ls := clauseStart(st.f, a.start)
	from := max(0, ls-3)
	open := strings.LastIndexAny(st.f[from:a.start], "(（")
	if open < 0 {
		return false
	}
	open += from
	if !compareLead.MatchString(strings.TrimRight(st.f[lookback(st.f, open):open], " ")) {
		return false
	}
	v := a.value
	st.base = &v
	return true
}

// count reads a count with its label. Its parent is the count the bracket
// around it follows, or, after 其中, the paragraph's running total.
func (st *sentence) count(a amount) bool {
	fs, f := st.fs, st.f
	ls := clauseStart(f, a.start)
	label, from, to := fs.countLabel(st.cut, f, ls, a)
	fig := model.Figure{Kind: model.Count, Label: label, Value: a.value, Decimals: a.decimals, Unit: a.unit,
		Text: st.cut(from, to), Parent: -1}
	if open := enclosingBracket(f, a.start); open >= 0 {
		if p, ok := st.owner[open]; ok && unitClass(st.figure(p).Unit) == unitClass(a.unit) {
			fig.Parent, fig.InBrackets = p, true
		}
	}
	startsTotal := totalWord.MatchString(f[ls:a.start]) && strings.Contains(f[ls:a.start], "共")
	afterQizhong := st.qizhong >= 0 && a.start > st.qizhong
	if fig.Parent < 0 && afterQizhong && !startsTotal && fs.total >= 0 &&
		unitClass(st.figure(fs.total).Unit) == unitClass(a.unit) && !isAfterTotalStatement(f, st.qizhong, a.start) {
		fig.Parent = fs.total
	}
	idx := fs.add(fig)
	if strings.Contains(f[max(0, ls-9):a.start], "分别") ||
		(len(st.fenbie) > 0 && strings.TrimSpace(labelTrim.ReplaceAllString(f[ls:a.start], "")) == "") {
		st.fenbie = append(st.fenbie, idx)
	}
	if bracket := strings.IndexAny(f[a.end:min(len(f), a.end+3)], "(（"); bracket >= 0 {
		st.owner[a.end+bracket] = idx
	}
	if fig.Parent < 0 {
		if st.total < 0 && !afterQizhong {
			st.total = idx
		}
		if unitClass(a.unit) == "item" && (!afterQizhong || startsTotal) {
			fs.total = idx
		}
	}
	st.lastCount, st.lastMain = idx, idx
	return true
}

// isAfterTotalStatement reports whether a new statement with 共 starts
// between 其中 and the count (…其中A 1件，共涉及57家…): its counts are not
// parts.
func isAfterTotalStatement(f string, qizhong, at int) bool {
	seg := f[max(qizhong, lookback(f, at)):at]
	i := strings.LastIndexAny(seg, "，,；;")
	return i >= 0 && strings.Contains(seg[i:], "共")
}

// enclosingBracket returns the offset of the open bracket around position
// i (within maxClauseBytes), or -1.
func enclosingBracket(f string, i int) int {
	depth := 0
	for j, lo := i-1, lookback(f, i); j >= lo; j-- {
		switch f[j] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return j
			}
			depth--
		}
		if strings.HasPrefix(f[j:], "）") {
			depth++
		} else if strings.HasPrefix(f[j:], "（") {
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// countLabel finds a count's label: the words before it (受理各类诉求2660件),
// or for a counting word of entities the noun after it (57家区直单位). It
// returns the label and where the figure's text starts and ends.
func (fs *figureScanner) countLabel(cut func(x, y int) string, f string, ls int, a amount) (label string, from, to int) {
	before := f[ls:a.start]
	// Drop a subject before 共 (区热线中心共受理…): the label starts at
	// the verb.
	from = ls
	if i := strings.LastIndex(before, "共"); i >= 0 {
		from = ls + i
	}
	label = strings.TrimSpace(labelTrim.ReplaceAllString(cut(from, a.start), ""))
	if unitClass(a.unit) == "entity" || label == "" || isVerbOnly(label) {
		if noun := nounAfter(f, a.end); noun != "" {
			return cut(a.end, a.end+len(noun)), from, a.end + len(noun)
		}
	}
	if label == "" {
		// A count in brackets after a name, "城关区(2,345件)": the name.
		if open := enclosingBracket(f, a.start); open >= 0 && strings.TrimSpace(f[open+bracketLen(f, open):a.start]) == "" {
			ns := clauseStart(f, open)
			if name := strings.TrimSpace(cut(ns, open)); name != "" {
				return trimLead(labelTrim.ReplaceAllString(name, "")), ns, a.end
			}
		}
	}
	return trimLead(label), from, a.end
}

// bracketLen is the byte length of the bracket at f[i] ("(" or "（").
func bracketLen(f string, i int) int {
	_, n := utf8.DecodeRuneInString(f[i:])
	return n
}

// trimLead drops a leading time phrase and trailing connectors from a
// label: "2023年3月份受理" -> "受理", "满意率为" -> "满意率".
func trimLead(label string) string {
	label = strings.TrimSpace(labelTrimEnd.ReplaceAllString(label, ""))
	for strings.ContainsAny(label, "年月周季半") {
		p, ok := findPeriod(label, model.Date{Year: 2000, Month: 12, Day: 31})
		if !ok || !strings.HasPrefix(label, p.Label) {
			return label
		}
		label = strings.TrimSpace(strings.TrimPrefix(label, p.Label))
	}
	return label
}

// isVerbOnly reports a label that is only a verb (涉及, 办结).
func isVerbOnly(label string) bool {
	switch label {
	case "涉及", "包括", "覆盖", "办结", "受理", "接到", "收到", "涉及到":
		return true
	}
	return false
}

// nounAfter returns the Han words right after a counting word, up to
// punctuation or a conjunction.
func nounAfter(f string, i int) string {
	end := i
	for end < len(f) {
		r, n := utf8.DecodeRuneInString(f[end:])
		if r == '(' || r == '（' {
			// keep a bracketed qualifier: 13个镇（街道）
			closeAt := strings.IndexAny(f[end:], ")）")
			if closeAt < 0 || closeAt > 12 {
				break
			}
			_, cn := utf8.DecodeRuneInString(f[end+closeAt:])
			end += closeAt + cn
			continue
		}
		if !isHan(r) || strings.ContainsRune("、和及与，。；的是为在中共", r) {
			break
		}
		end += n
	}
	return f[i:end]
}

// changeLabel is the label of a change: its comparison and verb.
func changeLabel(lead string) string {
	return strings.TrimSpace(labelTrim.ReplaceAllString(lead, ""))
}

func isDecrease(verb string) bool {
	switch verb {
	case "减少", "下降", "降低", "回落", "降幅", "减幅", "少", "下滑":
		return true
	}
	return false
}

// labelFenbie gives the counts of a 分别 list the labels listed before
// 分别: "电话、网络分别为2364件、296件".
func (st *sentence) labelFenbie() {
	list, f := st.fenbie, st.f
	if len(list) < 2 {
		return
	}
	i := strings.Index(f, "分别")
	if i < 0 {
		return
	}
	start := clauseStartNoList(f, i)
	names := splitList(f[start:i])
	if len(names) != len(list) {
		return
	}
	for k, idx := range list {
		if fig := st.figure(idx); fig.Label == "" || isVerbOnly(fig.Label) || strings.Contains(fig.Label, "分别") {
			fig.Label = compactTitle(labelTrim.ReplaceAllString(st.cut(start+names[k].start, start+names[k].end), ""))
		}
	}
}

// clauseStartNoList is clauseStart that does not stop at 、, so that a list
// of names is kept whole.
func clauseStartNoList(f string, i int) int { return afterLast(f, i, "，,；;。：:\n") }

type span struct{ start, end int }

// splitList splits "A、B和C" into its items (offsets into the text).
func splitList(t string) []span {
	var out []span
	start := 0
	for i, r := range t {
		if r == '、' || r == '和' || r == '及' || r == '与' {
			out = append(out, span{start, i})
			start = i + utf8.RuneLen(r)
		}
	}
	out = append(out, span{start, len(t)})
	return out
}
