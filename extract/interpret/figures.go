package interpret

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/lazyregexp"
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
	changeLead = lazyregexp.New(`(` + vocab.RelativeChangeNouns.Pattern() + `|` + vocab.IncreaseVerbs.Pattern() + `|` +
		vocab.DecreaseVerbs.Pattern() + `)了?(?:幅度)?` + vocab.Fillers.Pattern() + `?\s*$`)
	// shareLead: the words of a share before a percentage: 占, 占比,
	// 约占受理总量的, 分别占.
	shareLead = lazyregexp.New(`(` + vocab.ShareWords.Pattern() + `)([^，,；;。]{0,12}?)的?` + vocab.Fillers.Pattern() + `?\s*$`)
	// namedBase: a rate's base named after it, 以办结数为基数.
	namedBase = lazyregexp.New(`^\s*[(（]?\s*(?:以|按)([^，,；;。()（）]{1,12}?)` + vocab.BaseMarkers.Pattern())
	// labelTails are dropped from the end of a label.
	labelTails = lazyregexp.New(vocab.LabelTails.Pattern() + `+$`)
	// lostNumber: a counting word where the number should be ("共受理…件").
	lostNumber = lazyregexp.New(`(?:…+|\.{3,}|[×X＊*]+|[(（]\s*[)）]|_+)\s*` + vocab.Magnitudes.Pattern() + `?` + vocab.Counters.Pattern())
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
	// para is the index of the paragraph being read in b.Paragraphs, and
	// at where the sentence being read starts in it.
	para, at int
	// firstTotal is the first count marked as a total (共受理…), firstHead
	// the first statement's head; the main total is the first of them.
	firstTotal, firstHead int
	// head is the count that opened the last statement; dispatched its last
	// part that counts items passed on to units (转办工单1806件).
	head, dispatched int
	lists            int // list numbers given so far
	// maxCandidates bounds the amounts read in one paragraph
	// (Limits.MaxFigureCandidates), candidates counts them, and overflow
	// is set once the paragraph passed the bound; maxFigures bounds the
	// figures of the document (Limits.MaxFigures), and full is set once
	// they reached it.
	maxCandidates, candidates int
	maxFigures                int
	overflow, full            bool
}

func newFigureReader(b *model.Bulletin, lim block.Limits) *figureReader {
	lim = lim.WithDefaults()
	return &figureReader{b: b, firstTotal: -1, firstHead: -1, head: -1, dispatched: -1,
		maxCandidates: lim.MaxFigureCandidates, maxFigures: lim.MaxFigures}
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

// paragraph reads the figures of paragraph para of the bulletin.
func (r *figureReader) paragraph(para int, text string, pos model.Pos) {
	r.pos, r.para, r.at = pos, para, 0
	r.candidates, r.overflow = 0, false
	for _, s := range sentences(text) {
		r.sentence(s)
		r.at += len(s) // the sentences are consecutive slices of text
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
	lastMain   int   // the last count or rate, which a change refers to
	counts     []int // the counts outside brackets, in order
	fenbie     []int // the counts of a 分别 list
	shares     []int // counts waiting for the shares of a 分别占 list
	shareOf    int   // the whole those shares name, or -1
	orphans    int   // the list number of shares given to the main total
	base       *float64
	baseRate   bool // base is a rate, the base of a change in points
	// lastPoints is the last change in points without a base and
	// pointsEnd where it ends: a bracket right after it may print its
	// base (提升1.3个百分点（去年同期为95.6%）).
	lastPoints, pointsEnd int
	offsets               []int32     // offsetTable(s, f), made on first use
	owner                 map[int]int // open bracket offset -> the count it follows
	bracket               map[int]int // open bracket offset -> list number
	used                  map[int]bool
}

// sentence reads the figures of one sentence.
func (r *figureReader) sentence(text string) {
	f := fold(text)
	as := r.bound(amounts(f))
	r.reportLostNumber(text, f)
	if len(as) == 0 {
		return // most sentences: nothing more is made of them
	}
	st := &sentence{r: r, s: text, f: f, amounts: as, head: -1, whole: -1, partsOf: -1, survey: -1,
		lastMain: -1, lastPoints: -1, shareOf: -1, owner: map[int]int{}, bracket: map[int]int{}, used: map[int]bool{}}
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

// bound returns the amounts of a sentence that are read: an amount gives
// at most one figure, and those past the paragraph's MaxFigureCandidates
// or the document's MaxFigures are not read; one problem says so.
func (r *figureReader) bound(as []amount) []amount {
	room := max(r.maxCandidates-r.candidates, 0)
	figRoom := max(r.maxFigures-len(r.b.Figures), 0)
	switch {
	case len(as) > figRoom && figRoom < room:
		if !r.full {
			r.full = true
			r.b.Problems = append(r.b.Problems, model.Problem{Pos: r.pos, Message: fmt.Sprintf(
				"%v in the document; the numbers from here on are not read as figures", block.Exceeded("figures", int64(r.maxFigures)))})
		}
		as = as[:figRoom]
	case len(as) > room:
		if !r.overflow {
			r.overflow = true
			r.b.Problems = append(r.b.Problems, model.Problem{Pos: r.pos, Message: fmt.Sprintf(
				"%v in a paragraph; the numbers after them are not read as figures", block.Exceeded("figure candidates", int64(r.maxCandidates)))})
		}
		as = as[:room]
	}
	r.candidates += len(as)
	return as
}

// cut returns the printed text between two offsets of the folded sentence.
func (st *sentence) cut(a, b int) string {
	if st.offsets == nil {
		st.offsets = offsetTable(st.s, st.f)
	}
	return printed(st.s, st.offsets, a, b)
}

// span locates the phrase between two offsets of the folded sentence in
// its paragraph, leaving out the space at its ends.
func (st *sentence) span(a, b int) *model.Span {
	if st.offsets == nil {
		st.offsets = offsetTable(st.s, st.f)
	}
	if len(st.offsets) > 0 {
		a, b = int(st.offsets[a]), int(st.offsets[b])
	}
	for a < b {
		r, n := utf8.DecodeRuneInString(st.s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(st.s[:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return &model.Span{Paragraph: st.r.para, Start: st.r.at + a, End: st.r.at + b}
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
			st.startParts(st.lastCount())
		} else if p := st.r.ref(x); p >= 0 {
			st.startParts(p)
		}
	}
	st.prevEnd = c.start
	for _, a := range as {
		st.amount(a, c)
		st.prevEnd = a.end
	}
	if c.delim == ':' && st.lastCount() >= 0 && st.lastCount() == st.head {
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
		_ = st.baseOfChange(a) || st.baseAfterChange(a) || st.share(a, lead, ls) || st.change(a, lead, c) || st.rate(a, ls)
	default:
		_ = st.baseOfChange(a) || st.change(a, lead, c) || st.count(a, ls, c)
	}
}

// reportLostNumber reports a counting word whose number was lost in
// publishing ("共受理…件") in sentence s, folded f: a problem, not a zero.
func (r *figureReader) reportLostNumber(s, f string) {
	if !strings.ContainsAny(f, "….×X*_()") {
		return // nothing can stand for a lost number
	}
	m := lostNumber.FindStringIndex(f)
	if m == nil {
		return
	}
	loc := mapOffsets(s, f, m)
	r.b.Problems = append(r.b.Problems, model.Problem{Pos: r.pos,
		Message: fmt.Sprintf("a figure's number is missing in %q; no figure recorded", strings.TrimSpace(s[max(0, loc[0]-30):loc[1]]))})
}

// count reads a count with its label and places it: a part of the list
// being read, an outcome of a whole, a statement's head, or a count beside
// them.
func (st *sentence) count(a amount, ls int, c clause) bool {
	r, f := st.r, st.f
	label, from, to := st.countLabel(ls, a)
	fig := model.Figure{Kind: model.Count, Label: label, Value: a.value, Decimals: a.decimals, Unit: a.unit,
		Text: st.cut(from, to), Span: st.span(from, to), Parent: -1}
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
	if fig.Parent >= 0 && fig.Parent == st.statementHead() && !outcome && vocab.DispatchWords.In(fold(label)) {
		r.dispatched = idx // items passed on to units, whose outcomes follow
	}
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
	st.lastMain = idx
}

// lastCount returns the last count outside brackets, or -1.
func (st *sentence) lastCount() int {
	if len(st.counts) == 0 {
		return -1
	}
	return st.counts[len(st.counts)-1]
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
