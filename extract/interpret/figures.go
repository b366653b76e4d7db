package interpret

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Figures of the prose, read the way an analyst reads them. A paragraph is
// a run of sentences; a sentence a run of clauses (split at ，；：); a
// clause states amounts (a count, a percentage, percentage points) with the
// words before them: a subject, a verb, qualifiers. What a figure is and
// what it belongs to comes from that structure, not from its position:
//
//   - a statement opens with a count (the head: "共受理各类诉求2660件"); the
//     clauses after it state its changes (同比增加181件), its parts (其中…),
//     the outcomes of its items (已办结2170件) and their rates;
//   - a change belongs to the figure it compares and is never a whole;
//   - 其中 lists parts of the statement's head, even in the next sentence;
//     a clause naming an earlier figure ("转派工单中，") or a dimension
//     ("按诉求类型分，") opens another list of parts, of that figure or of
//     the bulletin's main total; each list is numbered (Figure.List);
//   - an outcome (办结, 满意, 回访 …) is a subset of what its subject names,
//     else of the items passed on to units, else of the statement's head;
//     satisfaction is counted of the callers asked (回访);
//   - a rate's numerator is the count of its own stem (办结 for 办结率) and
//     its base that count's whole, or a base it names (以办结数为基数);
//   - a share is of its count's whole, or of a whole it names
//     (约占受理总量的), else of the bulletin's main total.
//
// All patterns run on folded text (see fold); labels and texts are cut from
// the text as printed.

var (
	// changeLead: the verb of a change at the end of the words before an
	// amount: 同比增加, 较上月下降了, 增幅为.
	changeLead = regexp.MustCompile(`(` + vocab.RelativeChangeNouns.Pattern() + `|` + vocab.IncreaseVerbs.Pattern() + `|` +
		vocab.DecreaseVerbs.Pattern() + `)了?(?:幅度)?` + vocab.Fillers.Pattern() + `?\s*$`)
	// shareLead: the words of a share before a percentage: 占, 占比,
	// 约占受理总量的, 分别占.
	shareLead = regexp.MustCompile(`(` + vocab.ShareWords.Pattern() + `)([^，,；;。]{0,12}?)的?` + vocab.Fillers.Pattern() + `?\s*$`)
	// namedBase: a rate's base named after it, 以办结数为基数.
	namedBase = regexp.MustCompile(`^\s*[(（]?\s*(?:以|按)([^，,；;。()（）]{1,12}?)` + vocab.BaseMarkers.Pattern())
	// labelTails are dropped from the end of a label.
	labelTails = regexp.MustCompile(vocab.LabelTails.Pattern() + `+$`)
	// lostNumber: a counting word where the number should be ("共受理…件").
	lostNumber = regexp.MustCompile(`(?:…+|\.{3,}|[×X＊*]+|[(（]\s*[)）]|_+)\s*(?:万)?(?:件|宗|个|家|次|条|通)`)
)

// Bounds on how far back the reader looks, so that a paragraph of any
// length is read in time in proportion to it: the words of a figure
// (its label, its comparison, the bracket around it) are within
// labelWindow bytes before its number; a name refers to one of the last
// refBack counts; a rate's numerator is one of the last numeratorBack
// counts of its sentence; names are compared on their first nameRunes
// characters.
const (
	labelWindow   = 240
	refBack       = 64
	numeratorBack = 8
	nameRunes     = 32
)

// window returns the start of the labelWindow bytes before i in f, not
// before from, at a character boundary.
func window(f string, from, i int) int {
	w := max(from, i-labelWindow)
	for w < i && !utf8.RuneStart(f[w]) {
		w++
	}
	return w
}

// figureReader reads the figures of the prose, paragraph after paragraph,
// keeping what a later sentence may refer to.
type figureReader struct {
	b   *model.Bulletin
	pos model.Pos
	// firstTotal is the first count marked as a total (共受理…), firstHead
	// the first statement's head; the main total is the first of them.
	firstTotal, firstHead int
	// head is the count that opened the last statement; dispatched its last
	// part that counts items passed on to units (转办工单1806件).
	head, dispatched int
	lists            int // list numbers given so far
}

func newFigureReader(b *model.Bulletin) *figureReader {
	return &figureReader{b: b, firstTotal: -1, firstHead: -1, head: -1, dispatched: -1}
}

// mainTotal is the bulletin's main total: the first count marked as a
// total, else the first statement's head; -1 before either.
func (r *figureReader) mainTotal() int {
	if r.firstTotal >= 0 {
		return r.firstTotal
	}
	return r.firstHead
}

func (r *figureReader) newList() int {
	r.lists++
	return r.lists
}

func (r *figureReader) fig(i int) *model.Figure { return &r.b.Figures[i] }

func (r *figureReader) add(f model.Figure) int {
	f.Pos = r.pos
	// Layout puts spaces between Chinese and digits (pdftotext prints
	// "受理各类诉求 2660 件"); they are not part of what was printed.
	f.Label, f.Text = compactTitle(f.Label), compactTitle(f.Text)
	r.b.Figures = append(r.b.Figures, f)
	return len(r.b.Figures) - 1
}

// paragraph reads the figures of one paragraph.
func (r *figureReader) paragraph(text string, pos model.Pos) {
	r.pos = pos
	for _, s := range sentences(text) {
		r.sentence(s)
	}
}

// isCount reports whether figure i counts items (or entities) as a whole
// or a part can: a count, not a rate, change or average.
func (r *figureReader) isCount(i int) bool {
	return i >= 0 && i < len(r.b.Figures) && r.b.Figures[i].Kind == model.Count
}

// compatible reports whether an amount can be a part of figure i: i is a
// count in the same class of counting word.
func (r *figureReader) compatible(i int, a amount) bool {
	return r.isCount(i) && vocab.CounterClass(r.fig(i).Unit) == vocab.CounterClass(a.unit)
}

// holds reports whether figure i is compatible with a and at least as
// large: a whole that a loose reference may pick.
func (r *figureReader) holds(i int, a amount) bool {
	return r.compatible(i, a) && r.fig(i).Value >= a.value
}

// ref returns the count whose label names what x names: the one sharing
// the longest run of characters with it, leaving out generic nouns
// (工单, 诉求 …), at least two; of equals the one nearest the top of the
// tree, then the latest. "转派工单" names "转派县（区）及开发区办理";
// "受理群众诉求" the total "受理各类诉求", not the part "自行受理"; -1 if
// none.
func (r *figureReader) ref(x string) int {
	core := []rune(withoutGeneric(nameCore(x)))
	if len(core) < 2 {
		return -1
	}
	if len(core) > nameRunes {
		core = core[:nameRunes]
	}
	best, bestScore, bestDepth := -1, 1, 0
	for i, seen := len(r.b.Figures)-1, 0; i >= 0 && seen < refBack; i-- {
		if !r.isCount(i) {
			continue
		}
		seen++
		label := []rune(withoutGeneric(fold(r.fig(i).Label)))
		if len(label) > nameRunes {
			label = label[:nameRunes]
		}
		score := commonRun(core, label)
		depth := r.depth(i)
		if score > bestScore || (score == bestScore && best >= 0 && depth < bestDepth) {
			best, bestScore, bestDepth = i, score, depth
		}
	}
	return best
}

// depth is the number of wholes above figure i.
func (r *figureReader) depth(i int) int {
	d := 0
	for p := r.fig(i).Parent; p >= 0 && p < i && d < len(r.b.Figures); p = r.fig(p).Parent {
		d++
	}
	return d
}

// withoutGeneric removes the generic nouns of two or more characters
// from a name: they say what is counted, not which count.
func withoutGeneric(s string) string {
	for g := range vocab.GenericNouns.All() {
		if utf8.RuneCountInString(g) >= 2 {
			s = strings.ReplaceAll(s, g, "")
		}
	}
	return s
}

// commonRun is the length of the longest run of characters a and b share.
func commonRun(a, b []rune) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				best = max(best, cur[j])
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// nameCore is a name without connectors, a leading preposition and
// generic nouns at its end: 转派工单 -> 转派, 办结数 -> 办结.
func nameCore(x string) string {
	x = strings.TrimSpace(trimLeads(strings.TrimSpace(x)))
	x = strings.TrimPrefix(x, vocab.NamePrepositions.Prefix(x))
	for {
		g := vocab.GenericNouns.Suffix(x)
		if g == "" || g == x {
			return x
		}
		x = strings.TrimSuffix(x, g)
	}
}

// trimLeads drops connectors and time words (vocab.LabelLeads) from the
// front of a label, but not the 共 of 共享单车.
func trimLeads(label string) string {
	for {
		t := strings.TrimSpace(label)
		f := fold(t)
		w := vocab.LabelLeads.Prefix(f)
		if w == "" || (vocab.TotalMarkers.Has(w) && !vocab.IsTotalMarkerAt(f, 0, w)) {
			return t
		}
		label = t[len(w):] // folding keeps the byte length of these words
	}
}

// piece is a span of text between delimiters outside brackets; delim is
// the delimiter that ends it (0 at the end of the text) and next where the
// text after it starts.
type piece struct {
	start, end, next int
	delim            rune
}

// splitOutsideBrackets splits s at the runes isDelim accepts that stand
// outside brackets: bracketed text (a breakdown, a period) is kept whole.
func splitOutsideBrackets(s string, isDelim func(rune) bool) []piece {
	var out []piece
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '（' || r == '(':
			depth++
		case r == '）' || r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0 && isDelim(r):
			out = append(out, piece{start, i, i + utf8.RuneLen(r), r})
			start = i + utf8.RuneLen(r)
		}
	}
	return append(out, piece{start, len(s), len(s), 0})
}

// sentences splits a paragraph at 。！？ and keeps bracketed text whole. A
// 其中 list runs on over ；, so semicolons do not end a sentence here.
func sentences(s string) []string {
	var out []string
	for _, p := range splitOutsideBrackets(s, func(r rune) bool { return strings.ContainsRune("。！？!?", r) }) {
		if p.delim != 0 || strings.TrimSpace(s[p.start:]) != "" {
			out = append(out, s[p.start:p.next])
		}
	}
	return out
}

// clause is a span of a folded sentence between clause delimiters.
type clause struct {
	start, end int
	delim      rune // the delimiter that ends it (ASCII), 0 at the end of the sentence
}

// clauses splits a folded sentence at ，；： outside brackets.
func clauses(f string) []clause {
	var out []clause
	for _, p := range splitOutsideBrackets(f, func(r rune) bool { return strings.ContainsRune("，,；;：:", r) }) {
		d := p.delim
		switch d {
		case '，':
			d = ','
		case '；':
			d = ';'
		case '：':
			d = ':'
		}
		out = append(out, clause{p.start, p.end, d})
	}
	return out
}

// sentence is one sentence being read, with what it has established so
// far.
type sentence struct {
	r       *figureReader
	s, f    string // as printed and folded
	amounts []amount
	// head is the count that opened a statement in this sentence; whole
	// the figure its subject names, which the sentence's outcomes are of.
	head, whole int
	// partsOf is the figure the counts being listed are parts of, list
	// their list number; marked is set after 其中, which makes what
	// follows parts even when it is not known of what.
	partsOf, list int
	marked        bool
	// survey is the last count of items whose callers were asked
	// (回访1699件): satisfaction is counted of it.
	survey  int
	prevEnd int // where the amount before the current one ends
	// labelFloor is where the labels of the clause's amounts start at the
	// earliest: after an include marker (城建类包括供水120件).
	labelFloor int
	lastCount  int // the last count outside brackets
	lastMain   int // the last count or rate, which a change refers to
	counts     []int
	fenbie     []int // the counts of a 分别 list
	shares     []int // counts waiting for the shares of a 分别占 list
	shareOf    int   // the whole those shares name, or -1
	orphans    int   // the list number of shares given to the main total
	base       *float64
	offsets    []int32     // offsetTable(s, f), made on first use
	owner      map[int]int // open bracket offset -> the count it follows
	bracket    map[int]int // open bracket offset -> list number
	used       map[int]bool
}

// sentence reads the figures of one sentence.
func (r *figureReader) sentence(text string) {
	f := fold(text)
	st := &sentence{r: r, s: text, f: f, amounts: amounts(f), head: -1, whole: -1, partsOf: -1, survey: -1,
		lastCount: -1, lastMain: -1, shareOf: -1, owner: map[int]int{}, bracket: map[int]int{}, used: map[int]bool{}}
	st.reportLostNumber()
	if len(st.amounts) == 0 {
		return
	}
	ai := 0
	for _, c := range clauses(f) {
		first := ai
		for ai < len(st.amounts) && st.amounts[ai].start < c.end {
			ai++
		}
		st.clause(c, st.amounts[first:ai])
	}
	st.labelFenbie()
}

// cut returns the printed text between two offsets of the folded sentence.
func (st *sentence) cut(a, b int) string {
	if st.offsets == nil {
		st.offsets = offsetTable(st.s, st.f)
	}
	if len(st.offsets) == 0 {
		return st.s[a:b] // folding moved no byte
	}
	return st.s[st.offsets[a]:st.offsets[b]]
}

// offsetTable maps each byte offset of f, the folded s, to the byte offset
// in s of the same character; it is empty when the two agree byte for
// byte in length (no full-width form was folded), as in most text.
func offsetTable(s, f string) []int32 {
	if len(s) == len(f) {
		return []int32{}
	}
	table := make([]int32, len(f)+1)
	si, fi := 0, 0
	for fi < len(f) && si < len(s) {
		_, sn := utf8.DecodeRuneInString(s[si:])
		_, fn := utf8.DecodeRuneInString(f[fi:])
		for k := 0; k < fn; k++ {
			table[fi+k] = int32(si)
		}
		si, fi = si+sn, fi+fn
	}
	for ; fi <= len(f); fi++ {
		table[fi] = int32(len(s))
	}
	return table
}

func (st *sentence) fig(i int) *model.Figure { return st.r.fig(i) }

// startParts opens a list of parts of figure p.
func (st *sentence) startParts(p int) {
	st.partsOf, st.list = p, -1
	if p >= 0 {
		st.list = st.r.newList()
	}
}

// statementHead is the head of the statement a 其中 continues: this
// sentence's, else the last one's.
func (st *sentence) statementHead() int {
	if st.head >= 0 {
		return st.head
	}
	return st.r.head
}

// clause reads one clause.
func (st *sentence) clause(c clause, as []amount) {
	body := strings.TrimSpace(st.f[c.start:c.end])
	if len(as) == 0 {
		st.plainClause(body)
		return
	}
	lead := strings.TrimSpace(st.f[c.start:as[0].start])
	switch {
	case vocab.PartMarkers.Prefix(lead) != "":
		st.startParts(st.statementHead())
		st.marked = true
	case vocab.AddOnMarkers.Prefix(lead) != "":
		st.startParts(-1)
	}
	st.labelFloor = c.start
	if i, w := vocab.IncludeMarkers.Index(lead); i >= 0 && !strings.ContainsAny(lead[:i], "(（") {
		st.labelFloor = strings.Index(st.f[c.start:], w) + c.start + len(w)
		// "转办工单包括…" lists parts of what it names; "…，包括…" of the
		// count before.
		if x := strings.TrimSpace(lead[:i]); x == "" {
			st.startParts(st.lastCount)
		} else if p := st.r.ref(x); p >= 0 {
			st.startParts(p)
		}
	}
	st.prevEnd = c.start
	for _, a := range as {
		st.amount(a, c)
		st.prevEnd = a.end
	}
	if c.delim == ':' && st.lastCount >= 0 && st.lastCount == st.head {
		// "合计13683件：住房6120件，…": the list after the colon.
		st.startParts(st.head)
	}
}

// plainClause reads a clause without amounts: 其中 alone, a dimension
// (按诉求类型分), or a figure whose breakdown follows (转派工单中).
func (st *sentence) plainClause(body string) {
	n := utf8.RuneCountInString(body)
	switch {
	case body == "":
	case vocab.PartMarkers.Has(body):
		st.startParts(st.statementHead())
		st.marked = true
	case n <= 12 && vocab.DimensionOpeners.Prefix(body) != "" && vocab.DimensionClosers.Suffix(body) != "":
		if m := st.r.mainTotal(); m >= 0 {
			st.startParts(m)
		}
	case n <= 16 && vocab.TopicSuffixes.Suffix(body) != "" && !vocab.PartMarkers.Has(body):
		if p := st.r.ref(strings.TrimSuffix(body, vocab.TopicSuffixes.Suffix(body))); p >= 0 {
			st.startParts(p)
		}
	case n <= 16 && vocab.IncludeMarkers.Suffix(body) != "":
		if p := st.r.ref(strings.TrimSuffix(body, vocab.IncludeMarkers.Suffix(body))); p >= 0 {
			st.startParts(p)
		}
	}
}

// amount reads one amount of clause c.
func (st *sentence) amount(a amount, c clause) {
	ls := labelStart(st.f, a.start, window(st.f, max(c.start, min(st.labelFloor, a.start)), a.start))
	lead := st.f[ls:a.start]
	switch {
	case a.isPoints():
		st.change(a, lead, c)
	case a.isPercent():
		if vocab.ThresholdWords.Suffix(strings.TrimSpace(lead)) != "" {
			return // 对按时办结率低于90%的单位: a threshold
		}
		_ = st.share(a, lead, ls) || st.change(a, lead, c) || st.rate(a, ls)
	default:
		_ = st.baseOfChange(a) || st.change(a, lead, c) || st.count(a, ls, c)
	}
}

// labelStart returns where the words of the amount at i start: after the
// last list mark 、 at the amount's bracket depth, or after the bracket that
// encloses the amount, from the start of its clause on. Brackets the words
// hold (派转村（社区）办理) are kept.
func labelStart(f string, i, from int) int {
	best := from
	var outer []int // best of each enclosing level
	for j, r := range f[from:i] {
		switch r {
		case '(', '（':
			outer = append(outer, best)
			best = from + j + utf8.RuneLen(r)
		case ')', '）':
			if n := len(outer); n > 0 {
				best, outer = outer[n-1], outer[:n-1]
			}
		case '、':
			best = from + j + utf8.RuneLen(r)
		}
	}
	return best
}

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
	st.r.b.Problems = append(st.r.b.Problems, model.Problem{Pos: st.r.pos,
		Message: fmt.Sprintf("a figure's number is missing in %q; no figure recorded", strings.TrimSpace(st.s[max(0, loc[0]-30):loc[1]]))})
}

// share reads a percentage that is the share of a count: "X件，占Y%",
// "占比Y%", "约占受理总量的Y%", or one of a list "分别占a%、b%、c%" that goes
// to the last counts in order.
func (st *sentence) share(a amount, lead string, ls int) bool {
	t := strings.TrimSpace(lead)
	inList := (t == "" || vocab.Conjunctions.Has(t)) && len(st.shares) > 0
	if !inList {
		m := shareLead.FindStringSubmatchIndex(lead)
		if m == nil || changeLead.MatchString(lead) || st.lastCount < 0 {
			return false
		}
		st.shareOf = st.namedWhole(lead[m[4]:m[5]])
		if vocab.RespectivelyMarkers.In(st.f[max(0, ls-12):a.start]) {
			// The list of shares goes to as many of the last counts.
			n := min(len(st.counts), listLength(st.amounts, a))
			st.shares = append([]int(nil), st.counts[len(st.counts)-n:]...)
		} else {
			st.shares = []int{st.lastCount}
		}
	}
	if len(st.shares) == 0 {
		return false
	}
	target := st.shares[0]
	st.shares = st.shares[1:]
	fig := st.fig(target)
	if fig.Share == nil {
		v := a.value
		fig.Share, fig.ShareDecimals = &v, a.decimals
	}
	st.placeShare(target)
	return true
}

// placeShare settles what the share of figure i is taken of: its whole, a
// whole the text names, or, for a count without a whole, the bulletin's
// main total.
func (st *sentence) placeShare(i int) {
	fig := st.fig(i)
	of := st.shareOf
	main := st.r.mainTotal()
	switch {
	case of >= 0 && of == fig.Parent, of == i:
	case of >= 0 && fig.Parent < 0:
		fig.Parent, fig.List = of, st.orphanList()
	case of >= 0:
		o := of
		fig.ShareOf = &o
	case fig.Parent < 0 && main >= 0 && main != i && st.r.isCount(main) &&
		vocab.CounterClass(st.fig(main).Unit) == vocab.CounterClass(fig.Unit) && st.fig(main).Value >= fig.Value:
		fig.Parent, fig.List = main, st.orphanList()
	}
}

// orphanList is the list number of the counts of this sentence whose
// shares are of a whole they are not listed under.
func (st *sentence) orphanList() int {
	if st.orphans == 0 {
		st.orphans = st.r.newList()
	}
	return st.orphans
}

// namedWhole returns the figure a share's words name as its base
// ("受理总量" is the main total), or -1.
func (st *sentence) namedWhole(words string) int {
	words = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(words), "的"))
	words = strings.TrimPrefix(words, vocab.Fillers.Prefix(words))
	if words == "" {
		return -1
	}
	if vocab.WholeWords.In(words) {
		return st.r.mainTotal()
	}
	return st.r.ref(words)
}

// listLength counts the percentages that follow each other in a list from
// amount a on.
func listLength(as []amount, a amount) int {
	n := 0
	for _, x := range as {
		if x.start < a.start {
			continue
		}
		if !x.isPercent() {
			break
		}
		n++
	}
	return n
}

// change reads a change against an earlier period: 同比增加7181件, 增幅11.2%,
// 环比下降0.16%, 提升3.67个百分点. A count is a change only after a
// comparison (同比, 较上月 …) or a printed base.
func (st *sentence) change(a amount, lead string, c clause) bool {
	m := changeLead.FindStringSubmatchIndex(lead)
	compare := comparison(st.f[window(st.f, c.start, a.start):a.start])
	switch {
	case a.isPoints():
	case m == nil:
		return false
	case a.isCount() && st.base == nil && compare == "":
		return false
	}
	sign := 1.0
	if m != nil && vocab.DecreaseVerbs.In(lead[m[2]:m[3]]) {
		sign = -1
	}
	cs := c.start
	fig := model.Figure{Kind: model.Change, Label: strings.TrimSpace(trimLeads(st.cut(cs, a.start))),
		Value: sign * a.value, Decimals: a.decimals, Unit: a.unit, Text: st.cut(cs, a.end), Parent: st.lastMain,
		Compare: st.printedCompare(compare, c.start)}
	if a.isCount() {
		fig.Base, st.base = st.base, nil
		if a.magnitude != "" {
			fig.PrintedUnit = a.magnitude + a.unit
		}
	}
	st.r.add(fig)
	return true
}

// comparison returns the comparison in the words before a change, as
// folded: 同比, 环比, or 较/比/与 and the period after it (较上月,
// 比上年同期), without a printed base in brackets; "" if there is none.
func comparison(lead string) string {
	if i, w := vocab.CompareWords.Index(lead); i >= 0 {
		return w
	}
	i, p := vocab.ComparePrepositions.LastIndex(lead)
	for i >= 0 {
		inWord := false
		for n := range vocab.NotCompareWords.All() {
			for j := max(0, i+len(p)-len(n)); j <= i && j+len(n) <= len(lead); j++ {
				if lead[j:j+len(n)] == n {
					inWord = true
				}
			}
		}
		if !inWord {
			rest := lead[i:]
			if k := strings.IndexAny(rest, "(（"); k >= 0 {
				rest = rest[:k]
			}
			if m := changeLead.FindStringIndex(rest); m != nil {
				rest = rest[:m[0]]
			}
			rest = strings.TrimSuffix(strings.TrimSpace(rest), "相比")
			if utf8.RuneCountInString(rest) <= 12 {
				return rest
			}
		}
		i, p = vocab.ComparePrepositions.LastIndex(lead[:i])
	}
	return ""
}

// printedCompare returns the printed form of a folded comparison found in
// the clause starting at from.
func (st *sentence) printedCompare(compare string, from int) string {
	if compare == "" {
		return ""
	}
	i := strings.Index(st.f[from:], compare)
	if i < 0 {
		return compare
	}
	return st.cut(from+i, from+i+len(compare))
}

// baseOfChange reads a count in brackets right after a comparison, the base
// of the change that follows: 较上月（2350件）增加310件.
func (st *sentence) baseOfChange(a amount) bool {
	open := enclosingBracket(st.f, a.start)
	if open < 0 || strings.TrimSpace(st.f[open+bracketLen(st.f, open):a.start]) != "" {
		return false
	}
	seg := strings.TrimSpace(st.f[clauseStartNoList(st.f, open):open])
	seg = seg[window(seg, 0, len(seg)):]
	if cmp := comparison(seg); cmp == "" || !strings.HasSuffix(seg, cmp) {
		return false
	}
	v := a.value
	st.base = &v
	return true
}

// rate reads a percentage stated as a rate: 满意率97.59%. Its numerator is
// the count of the same stem before it in the sentence (满意1992件); its
// base (Parent) is a base it names, else the numerator's whole, else the
// sentence's whole.
func (st *sentence) rate(a amount, ls int) bool {
	label := trimLead(strings.TrimSpace(trimLeads(st.cut(ls, a.start))))
	fig := model.Figure{Kind: model.RateFigure, Label: label, Value: a.value, Decimals: a.decimals, Unit: unitPercent,
		Text: st.cut(ls, a.end), Parent: -1}
	stem := rateStem(fold(label))
	num := st.numerator(stem)
	if num >= 0 {
		n := num
		fig.Numerator = &n
		st.used[num] = true
	}
	if m := namedBase.FindStringSubmatch(st.f[a.end:]); m != nil {
		fig.Parent = st.r.ref(m[1])
	}
	switch {
	case fig.Parent >= 0:
	case num >= 0 && st.fig(num).Parent >= 0:
		fig.Parent = st.fig(num).Parent
	case vocab.SurveyOutcomes.Suffix(stem) != "" && st.survey >= 0 && st.survey != num:
		fig.Parent = st.survey
	case st.whole >= 0 && st.whole != num:
		fig.Parent = st.whole
	case st.head >= 0 && st.head != num:
		fig.Parent = st.head
	}
	st.lastMain = st.r.add(fig)
	return true
}

// rateStem is what a rate is the rate of: 按时办结率 -> 按时办结,
// 群众满意度 -> 群众满意.
func rateStem(label string) string {
	if s := vocab.RateSuffixes.Suffix(label); s != "" && s != label {
		if s == "满意度" {
			return strings.TrimSuffix(label, "度")
		}
		return strings.TrimSuffix(label, s)
	}
	return label
}

// numerator returns the latest count of the sentence that is the
// numerator of a rate of this stem: the same outcome (办结 for 办结率,
// 群众满意 for 满意率), not yet taken by another rate; -1 if none.
func (st *sentence) numerator(stem string) int {
	_, verb := lastVerb(stem)
	for k := len(st.counts) - 1; k >= 0 && k >= len(st.counts)-numeratorBack; k-- {
		i := st.counts[k]
		if st.used[i] || !st.r.isCount(i) {
			continue
		}
		label := fold(st.fig(i).Label)
		at, lv := lastVerb(label)
		if at >= 0 && vocab.Negations.Suffix(label[:at]) != "" {
			continue // 未满意 counts the complement
		}
		switch {
		case verb != "" && strings.TrimPrefix(lv, "已") == strings.TrimPrefix(verb, "已"):
			return i
		case verb == "" && stem != "" && strings.HasSuffix(label, stem):
			return i
		}
	}
	return -1
}

// lastVerb returns where the last verb of a label starts and the verb:
// 转办工单按时办结 -> 按时办结 (not 办结, not 转办).
func lastVerb(label string) (int, string) {
	at, verb, end := -1, "", -1
	for w := range vocab.Verbs.All() {
		i := strings.LastIndex(label, w)
		if i < 0 {
			continue
		}
		e := i + len(w)
		if e > end || (e == end && len(w) > len(verb)) {
			at, verb, end = i, w, e
		}
	}
	return at, verb
}

// isOutcome reports whether a label counts an outcome of items (办结,
// 满意, 回访 …) rather than a kind of item or a way of handling it
// (直接答复, 即时办结).
func isOutcome(label string) (subject, verb string, ok bool) {
	at, v := lastVerb(label)
	if at < 0 || !vocab.OutcomeVerbs.Has(v) {
		return "", v, false
	}
	if vocab.DispositionAdverbs.Suffix(label[:at]) != "" {
		return "", v, false
	}
	return label[:at], v, true
}

// count reads a count with its label and places it: a part of the list
// being read, an outcome of a whole, a statement's head, or a count beside
// them.
func (st *sentence) count(a amount, ls int, c clause) bool {
	r, f := st.r, st.f
	label, from, to := st.countLabel(ls, a)
	fig := model.Figure{Kind: model.Count, Label: label, Value: a.value, Decimals: a.decimals, Unit: a.unit,
		Text: st.cut(from, to), Parent: -1}
	if a.magnitude != "" {
		fig.PrintedUnit = a.magnitude + a.unit
	}
	before := f[max(c.start, st.prevEnd):a.start]
	if vocab.AverageWords.In(f[ls:a.start]) {
		fig.Kind = model.Average
		st.lastMain = r.add(fig)
		return true
	}
	if open := enclosingBracket(f, a.start); open >= c.start {
		// A breakdown in brackets after a count: "2364件（转办2329件、自办35件）".
		if p, ok := st.owner[open]; ok && r.compatible(p, a) {
			fig.Parent, fig.InBrackets = p, true
			if st.bracket[open] == 0 {
				st.bracket[open] = r.newList()
			}
			fig.List = st.bracket[open]
		}
		idx := r.add(fig)
		st.afterCount(idx, a, ls, false)
		return true
	}
	fenbie := vocab.RespectivelyMarkers.In(f[max(c.start, ls-9):a.start]) ||
		(len(st.fenbie) > 0 && strings.TrimSpace(trimLeads(f[ls:a.start])) == "")
	subject, verb, outcome := isOutcome(fold(label))
	head := false
	switch {
	case totalMarked(before):
		// 共受理…, 合计…: a new statement.
		st.startParts(-1)
		head = true
	case st.partsOf >= 0 && r.compatible(st.partsOf, a) && !outcome:
		fig.Parent, fig.List = st.partsOf, st.list
		if st.partsOf == st.statementHead() && vocab.DispatchWords.In(fold(label)) {
			r.dispatched = len(r.b.Figures)
		}
	case outcome:
		if p := st.outcomeOf(subject, verb, a); p >= 0 {
			fig.Parent, fig.List = p, r.newList()
		} else if st.head < 0 && !fenbie && !st.marked {
			// Nothing above it: "办结206件工单，其中当日办结150件".
			head = true
		}
	case fenbie || st.head >= 0:
		// beside the head, or one of a list of counts side by side
	default:
		head = true
	}
	idx := r.add(fig)
	if head {
		st.head, r.head, r.dispatched = idx, idx, -1
		if r.firstHead < 0 {
			r.firstHead = idx
		}
		if r.firstTotal < 0 && totalMarked(before) && vocab.CounterClass(a.unit) == vocab.Items {
			r.firstTotal = idx
		}
	}
	if outcome && vocab.SurveyBases.Has(verb) {
		st.survey = idx
	}
	st.afterCount(idx, a, ls, fenbie)
	return true
}

// afterCount records a count read: for the lists, brackets and shares
// after it.
func (st *sentence) afterCount(idx int, a amount, ls int, fenbie bool) {
	f := st.f
	if fenbie {
		st.fenbie = append(st.fenbie, idx)
	}
	if bracket := strings.IndexAny(f[a.end:min(len(f), a.end+3)], "(（"); bracket >= 0 {
		st.owner[a.end+bracket] = idx
	}
	if st.fig(idx).InBrackets {
		return
	}
	st.counts = append(st.counts, idx)
	st.lastCount, st.lastMain = idx, idx
}

// outcomeOf returns the whole an outcome count is counted of: for
// satisfaction, the callers asked; else what its subject names; else the
// sentence's whole; else the items passed on to units in this statement;
// else the statement's head. A whole found by looking back must be at
// least as large.
func (st *sentence) outcomeOf(subject, verb string, a amount) int {
	r := st.r
	if vocab.SurveyOutcomes.Has(verb) && st.survey >= 0 && r.compatible(st.survey, a) {
		return st.survey
	}
	if p := r.ref(subject); nameCore(subject) != "" && p >= 0 && r.holds(p, a) {
		st.whole = p
		return p
	}
	switch {
	case st.whole >= 0 && r.compatible(st.whole, a):
		return st.whole
	case r.dispatched >= 0 && r.holds(r.dispatched, a) && (st.head < 0 || st.head == r.head && r.dispatched > st.head):
		return r.dispatched
	case st.head >= 0 && r.compatible(st.head, a):
		return st.head
	case st.partsOf >= 0 && r.compatible(st.partsOf, a):
		return st.partsOf
	case r.head >= 0 && r.holds(r.head, a):
		return r.head
	}
	return -1
}

// totalMarked reports whether the words before a count mark it as a
// total: 共受理, 合计, 累计 — but not 公共服务类.
func totalMarked(before string) bool {
	if !vocab.TotalMarkers.In(before) {
		return false
	}
	for w := range vocab.TotalMarkers.All() {
		for i := 0; ; {
			j := strings.Index(before[i:], w)
			if j < 0 {
				break
			}
			if vocab.IsTotalMarkerAt(before, i+j, w) {
				return true
			}
			i += j + len(w)
		}
	}
	return false
}

// enclosingBracket returns the offset of the open bracket around position
// i, or -1.
func enclosingBracket(f string, i int) int {
	depth := 0
	for j := i - 1; j >= 0 && j >= i-labelWindow; j-- {
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
func (st *sentence) countLabel(ls int, a amount) (label string, from, to int) {
	f := st.f
	before := f[ls:a.start]
	// Drop a subject before a total marker (区热线中心共受理…): the label
	// starts at the verb.
	from = ls
	end := -1 // of the last marker; of two ending alike, the longer (一共, not 共)
	for w := range vocab.TotalMarkers.All() {
		if i := strings.LastIndex(before, w); i >= 0 && vocab.IsTotalMarkerAt(before, i, w) && (i+len(w) > end || i+len(w) == end && ls+i < from) {
			from, end = ls+i, i+len(w)
		}
	}
	label = strings.TrimSpace(trimLeads(st.cut(from, a.start)))
	if vocab.CounterClass(a.unit) == vocab.Entities || label == "" || isVerbOnly(label) || a.unit == "" && vocab.AddOnMarkers.Has(strings.TrimSpace(before)) {
		if noun := nounAfter(f, a.end); noun != "" {
			return st.cut(a.end, a.end+len(noun)), from, a.end + len(noun)
		}
	}
	if label == "" {
		// A count in brackets after a name, "城关区(2,345件)": the name.
		if open := enclosingBracket(f, a.start); open >= 0 && strings.TrimSpace(f[open+bracketLen(f, open):a.start]) == "" {
			ns := labelStart(f, open, clauseStartNoList(f, open))
			if name := strings.TrimSpace(st.cut(ns, open)); name != "" {
				return trimLead(trimLeads(name)), ns, a.end
			}
		}
	}
	if label == "" && from > ls {
		// "公共服务类诉求共210件": the subject is what is counted.
		label = strings.TrimSpace(trimLeads(st.cut(ls, from)))
	}
	if label == "" {
		// "合计13683件：…": the marker is all the label there is.
		if w := vocab.TotalMarkers.Prefix(f[from:a.start]); w != "" {
			return st.cut(from, from+len(w)), from, a.end
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
	label = strings.TrimSpace(labelTails.ReplaceAllString(label, ""))
	for strings.ContainsAny(label, "年月周季半") {
		p, ok := findPeriod(label, model.Date{Year: 2000, Month: 12, Day: 31})
		if !ok || !strings.HasPrefix(label, p.Label) {
			return label
		}
		label = strings.TrimSpace(strings.TrimPrefix(label, p.Label))
	}
	return label
}

// isVerbOnly reports a label that is only a verb (涉及), whose noun
// follows the number (涉及57家单位).
func isVerbOnly(label string) bool { return vocab.VerbOnlyLabels.Has(fold(label)) }

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
		if !isHan(r) || vocab.Conjunctions.Has(string(r)) || strings.ContainsRune("，。；的是为在中共", r) {
			break
		}
		end += n
	}
	return f[i:end]
}

// labelFenbie gives the counts of a 分别 list the labels listed before
// 分别: "电话、网络分别为2364件、296件".
func (st *sentence) labelFenbie() {
	list, f := st.fenbie, st.f
	if len(list) < 2 {
		return
	}
	i, _ := vocab.RespectivelyMarkers.Index(f)
	if i < 0 {
		return
	}
	start := clauseStartNoList(f, i)
	names := splitList(f[start:i])
	if len(names) != len(list) {
		return
	}
	for k, idx := range list {
		if fig := st.fig(idx); fig.Label == "" || isVerbOnly(fig.Label) || vocab.RespectivelyMarkers.In(fold(fig.Label)) {
			fig.Label = compactTitle(trimLeads(st.cut(start+names[k].start, start+names[k].end)))
		}
	}
}

// clauseStartNoList returns the start of the clause around i, not stopping
// at 、, so that a list of names is kept whole.
func clauseStartNoList(f string, i int) int {
	from := window(f, 0, i)
	best := from
	for _, d := range []string{"，", ",", "；", ";", "。", "：", ":", "\n"} {
		if j := strings.LastIndex(f[from:i], d); j >= 0 && from+j+len(d) > best {
			best = from + j + len(d)
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
		if vocab.Conjunctions.Has(string(r)) {
			out = append(out, span{start, i})
			start = i + utf8.RuneLen(r)
		}
	}
	out = append(out, span{start, len(t)})
	return out
}
