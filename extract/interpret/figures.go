package interpret

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

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

// unitClass groups counting words that count the same kind of thing, so
// that parts and totals agree: complaints in 件 or 宗 or calls in 通 are
// items; offices in 家 or towns in 个 are entities.
func unitClass(u string) string {
	switch u {
	case "家", "个", "名", "所", "户":
		return "entity"
	case "人次", "次":
		return "times"
	}
	return "item"
}

// amount is one number found in a sentence.
type amount struct {
	start, end int // byte offsets of the whole match in the folded sentence
	value      float64
	decimals   int
	unit       string // counting word, "%" or "个百分点"
}

// parseDec reads "1,234.5" and its printed decimals.
func parseDec(s string) (float64, int, bool) {
	s = strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, false
	}
	d := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		d = len(s) - i - 1
	}
	return v, d, true
}

// parseCNDecimal reads "九十五点五" as 95.5.
func parseCNDecimal(s string) (float64, int, bool) {
	whole, frac, hasFrac := strings.Cut(s, "点")
	w, ok := parseCN(whole)
	if !ok {
		return 0, 0, false
	}
	v := float64(w)
	d := 0
	if hasFrac {
		scale := 0.1
		for _, r := range frac {
			dig, ok := cnDigit[r]
			if !ok {
				return 0, 0, false
			}
			v += float64(dig) * scale
			scale /= 10
			d++
		}
	}
	return v, d, true
}

// amounts finds the counts, percentages and percentage points of a folded
// sentence, in order.
func amounts(f string) []amount {
	var out []amount
	taken := make([]bool, len(f)+1)
	mark := func(a, b int) bool {
		for i := a; i < b; i++ {
			if taken[i] {
				return false
			}
		}
		for i := a; i < b; i++ {
			taken[i] = true
		}
		return true
	}
	for _, m := range pointsPat.FindAllStringSubmatchIndex(f, -1) {
		if v, d, ok := parseDec(f[m[2]:m[3]]); ok && mark(m[0], m[1]) {
			out = append(out, amount{m[0], m[1], v, d, "个百分点"})
		}
	}
	for _, m := range percentPat.FindAllStringSubmatchIndex(f, -1) {
		var v float64
		var d int
		var ok bool
		if m[2] >= 0 {
			v, d, ok = parseDec(f[m[2]:m[3]])
		} else {
			v, d, ok = parseCNDecimal(f[m[4]:m[5]])
		}
		if ok && mark(m[0], m[1]) {
			out = append(out, amount{m[0], m[1], v, d, "%"})
		}
	}
	for _, m := range countPat.FindAllStringSubmatchIndex(f, -1) {
		num := f[m[2]:m[3]]
		v, d, ok := parseDec(num)
		if !ok {
			n, cnOK := parseCN(num)
			if !cnOK || n < 2 || !plausibleCN(f, m) {
				continue
			}
			v, d, ok = float64(n), 0, true
		}
		if m[4] >= 0 {
			switch f[m[4]:m[5]] {
			case "万":
				v *= 1e4
			case "亿":
				v *= 1e8
			}
			v = roundTo(v, 2)
		}
		if ok && !partOfDate(f, m[1]) && mark(m[0], m[1]) {
			out = append(out, amount{m[0], m[1], v, d, strings.ReplaceAll(f[m[6]:m[7]], "(次)", "（次）")})
		}
	}
	sortAmounts(out)
	return out
}

// plausibleCN rejects Chinese numerals that are words, not counts: 第一个,
// 一次性, 两个月.
func plausibleCN(f string, m []int) bool {
	if strings.HasSuffix(f[:m[0]], "第") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(f[m[1]:])
	return !strings.ContainsRune("性月年季周天日方面", next)
}

// partOfDate reports a count word that is part of a time span (3个月).
func partOfDate(f string, end int) bool {
	next, _ := utf8.DecodeRuneInString(f[end:])
	return strings.ContainsRune("月年季周天日小工", next)
}

func roundTo(v float64, d int) float64 {
	p, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
	return p
}

func sortAmounts(a []amount) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].start < a[j-1].start; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// figureScanner reads the figures of one paragraph, sentence by sentence,
// keeping the total that a later 其中 refers to.
type figureScanner struct {
	b     *model.Bulletin
	pos   model.Pos
	total int // index of the last top-level count, or -1
}

// clauseStart returns the start of the label of the amount at i: after the
// last delimiter before it.
func clauseStart(f string, i int) int {
	best := 0
	for _, d := range []string{"，", ",", "；", ";", "。", "：", ":", "、", "(", ")", "（", "）", "\n"} {
		if j := strings.LastIndex(f[:i], d); j >= 0 && j+len(d) > best {
			best = j + len(d)
		}
	}
	return best
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

// sentence reads one sentence.
func (fs *figureScanner) sentence(s string) {
	f := fold(s)
	if m := lostNumber.FindStringIndex(f); m != nil {
		loc := mapOffsets(s, f, m)
		fs.b.Problems = append(fs.b.Problems, model.Problem{Pos: fs.pos,
			Message: fmt.Sprintf("a figure's number is missing in %q; no figure recorded", strings.TrimSpace(s[max(0, loc[0]-30):loc[1]]))})
	}
	as := amounts(f)
	if len(as) == 0 {
		return
	}
	cut := func(a, b int) string {
		loc := mapOffsets(s, f, []int{a, b})
		return s[loc[0]:loc[1]]
	}
	qizhong := -1        // byte offset of 其中 in this sentence
	sentTotal := -1      // the first top-level count of this sentence
	lastCount := -1      // figure index of the last count
	lastMain := -1       // last figure that a change can refer to
	var fenbie []int     // counts of a 分别 list waiting for labels
	var shareGroup []int // counts that a 分别占 list of shares goes to
	var base *float64    // a base value printed before a change
	if i := strings.Index(f, "其中"); i >= 0 {
		qizhong = i
	}
	owner := map[int]int{} // bracket open offset -> figure before it
	for ai, a := range as {
		ls := clauseStart(f, a.start)
		lead := f[ls:a.start]
		switch a.unit {
		case "%", "个百分点":
			if shareLead.MatchString(lead) && !changeLead.MatchString(lead) && lastCount >= 0 {
				v := a.value
				target := lastCount
				if strings.Contains(f[max(0, ls-12):a.start], "分别") || (len(shareGroup) > 0 && lead == "") {
					if len(shareGroup) == 0 {
						shareGroup = fs.recentCounts(fenbieOr(fenbie, lastCount), countBetween(as, ai, "%"))
					}
					if len(shareGroup) > 0 {
						target, shareGroup = shareGroup[0], shareGroup[1:]
					}
				}
				if fs.b.Figures[target].Share == nil {
					fs.b.Figures[target].Share = &v
					fs.b.Figures[target].ShareDecimals = a.decimals
				}
				continue
			}
			if len(shareGroup) > 0 && strings.TrimSpace(lead) == "" {
				v := a.value
				target := shareGroup[0]
				shareGroup = shareGroup[1:]
				fs.b.Figures[target].Share = &v
				fs.b.Figures[target].ShareDecimals = a.decimals
				continue
			}
			if m := changeLead.FindStringSubmatch(lead); m != nil || a.unit == "个百分点" {
				sign := 1.0
				if m != nil && isDecrease(m[1]) {
					sign = -1
				}
				fs.add(model.Figure{Kind: model.Change, Label: changeLabel(cut(ls, a.start)), Value: sign * a.value,
					Decimals: a.decimals, Unit: a.unit, Text: cut(ls, a.end), Parent: lastMain})
				continue
			}
			label := strings.TrimSpace(labelTrim.ReplaceAllString(cut(ls, a.start), ""))
			parent := sentTotal
			if parent < 0 {
				parent = -1
			}
			idx := fs.add(model.Figure{Kind: model.RateFigure, Label: trimLead(label), Value: a.value, Decimals: a.decimals,
				Unit: "%", Text: cut(ls, a.end), Parent: parent})
			lastMain = idx
		default: // a count
			// A count in brackets right after a comparison is the base of
			// the change that follows: 较上月（2350件）增加310件.
			if open := strings.LastIndexAny(f[:a.start], "(（"); open >= 0 && open >= ls-3 && compareLead.MatchString(strings.TrimRight(f[:open], " ")) {
				v := a.value
				base = &v
				continue
			}
			if m := changeLead.FindStringSubmatch(lead); m != nil && (compareLead.MatchString(f[max(0, ls-30):a.start]) || base != nil) {
				sign := 1.0
				if isDecrease(m[1]) {
					sign = -1
				}
				cs := clauseStartNoList(f, a.start)
				fs.add(model.Figure{Kind: model.Change, Label: changeLabel(cut(cs, a.start)), Value: sign * a.value,
					Decimals: a.decimals, Unit: a.unit, Text: cut(cs, a.end), Parent: lastMain, Base: base})
				base = nil
				continue
			}
			label, textFrom, textTo := fs.countLabel(s, f, ls, a)
			fig := model.Figure{Kind: model.Count, Label: label, Value: a.value, Decimals: a.decimals, Unit: a.unit,
				Text: cut(textFrom, textTo), Parent: -1}
			// Parent: the count a bracket follows, else the total that 其中
			// refers to.
			if open := enclosingBracket(f, a.start); open >= 0 {
				if p, ok := owner[open]; ok && unitClass(fs.b.Figures[p].Unit) == unitClass(a.unit) {
					fig.Parent = p
				}
			}
			startsTotal := totalWord.MatchString(f[ls:a.start]) && strings.Contains(f[ls:a.start], "共")
			if fig.Parent < 0 && qizhong >= 0 && a.start > qizhong && !startsTotal && fs.total >= 0 &&
				unitClass(fs.b.Figures[fs.total].Unit) == unitClass(a.unit) && !isAfterTotalStatement(f, qizhong, a.start) {
				fig.Parent = fs.total
			}
			idx := fs.add(fig)
			if strings.Contains(f[max(0, ls-9):a.start], "分别") || (len(fenbie) > 0 && strings.TrimSpace(labelTrim.ReplaceAllString(f[ls:a.start], "")) == "") {
				fenbie = append(fenbie, idx)
			}
			if bracket := strings.IndexAny(f[a.end:min(len(f), a.end+3)], "(（"); bracket >= 0 {
				owner[a.end+bracket] = idx
			}
			if fig.Parent < 0 {
				if sentTotal < 0 && (qizhong < 0 || a.start < qizhong) {
					sentTotal = idx
				}
				if unitClass(a.unit) == "item" && (qizhong < 0 || a.start < qizhong || startsTotal) {
					fs.total = idx
				}
			}
			lastCount, lastMain = idx, idx
		}
	}
	fs.labelFenbie(s, f, fenbie)
}

// fenbieOr returns the 分别 list, or the last count alone.
func fenbieOr(list []int, last int) []int {
	if len(list) > 0 {
		return list
	}
	return []int{last}
}

// countBetween counts the amounts of the given unit from i on.
func countBetween(as []amount, i int, unit string) int {
	n := 0
	for _, a := range as[i:] {
		if a.unit == unit {
			n++
		}
	}
	return n
}

// recentCounts returns the last n figures of list (the counts a list of
// shares goes to, in order).
func (fs *figureScanner) recentCounts(list []int, n int) []int {
	if n > len(list) {
		n = len(list)
	}
	return append([]int(nil), list[len(list)-n:]...)
}

// isAfterTotalStatement reports whether a new statement with 共 starts
// between 其中 and the count (…其中A 1件，共涉及57家…): its counts are not
// parts.
func isAfterTotalStatement(f string, qizhong, at int) bool {
	seg := f[qizhong:at]
	i := strings.LastIndexAny(seg, "，,；;")
	return i >= 0 && strings.Contains(seg[i:], "共")
}

// enclosingBracket returns the offset of the open bracket around position
// i, or -1.
func enclosingBracket(f string, i int) int {
	depth := 0
	for j := i - 1; j >= 0; j-- {
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
func (fs *figureScanner) countLabel(s, f string, ls int, a amount) (label string, from, to int) {
	before := f[ls:a.start]
	// Drop a subject before 共 (区热线中心共受理…): the label starts at
	// the verb.
	from = ls
	if i := strings.LastIndex(before, "共"); i >= 0 {
		from = ls + i
	}
	cut := func(x, y int) string {
		loc := mapOffsets(s, f, []int{x, y})
		return s[loc[0]:loc[1]]
	}
	label = strings.TrimSpace(labelTrim.ReplaceAllString(cut(from, a.start), ""))
	if unitClass(a.unit) == "entity" || label == "" || isVerbOnly(label) {
		if noun := nounAfter(f, a.end); noun != "" {
			return cut(a.end, a.end+len(noun)), from, a.end + len(noun)
		}
	}
	return trimLead(label), from, a.end
}

// trimLead drops a leading time phrase and trailing connectors from a
// label: "2023年3月份受理" -> "受理", "满意率为" -> "满意率".
func trimLead(label string) string {
	label = strings.TrimSpace(labelTrimEnd.ReplaceAllString(label, ""))
	for {
		p, ok := findPeriod(label, model.Date{Year: 2000, Month: 12, Day: 31})
		if !ok || !strings.HasPrefix(label, p.Label) {
			return label
		}
		label = strings.TrimSpace(strings.TrimPrefix(label, p.Label))
	}
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
func (fs *figureScanner) labelFenbie(s, f string, list []int) {
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
		fig := &fs.b.Figures[idx]
		if fig.Label == "" || isVerbOnly(fig.Label) || strings.Contains(fig.Label, "分别") {
			loc := mapOffsets(s, f, []int{start + names[k].start, start + names[k].end})
			fig.Label = compactTitle(labelTrim.ReplaceAllString(s[loc[0]:loc[1]], ""))
		}
	}
}

// clauseStartNoList is clauseStart that does not stop at 、, so that a list
// of names is kept whole.
func clauseStartNoList(f string, i int) int {
	best := 0
	for _, d := range []string{"，", ",", "；", ";", "。", "：", ":", "\n"} {
		if j := strings.LastIndex(f[:i], d); j >= 0 && j+len(d) > best {
			best = j + len(d)
		}
	}
	return best
}

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
