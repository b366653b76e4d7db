package interpret

import (
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Splitting prose into sentences and clauses, and cutting a figure's
// label from the words before its number.

// listLead is the lead of a list of units: a kind of unit and a verb of
// listing (较多的单位是, 排名靠前的乡镇有：).
var listLead = lazyregexp.New(vocab.UnitKinds.Pattern() + vocab.ListVerbs.Pattern() + `[:：]?`)

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
	if !strings.ContainsAny(s, "。！？!?") {
		// One sentence, as most paragraphs of a line are.
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return []string{s}
	}
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
			// "诉求量较多的单位是区公安分局（287件）": the name after the
			// lead of the list.
			if m := listLead.FindAllStringIndex(f[ns:open], -1); len(m) > 0 && ns+m[len(m)-1][1] < open {
				ns += m[len(m)-1][1]
			}
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
	for hasFolded(vocab.PeriodMarks, label) {
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

// maxQualifierBytes is how far after its open bracket the close of a
// bracketed qualifier of a noun (13个镇（街道）) is looked for.
const maxQualifierBytes = 12

// nounAfter returns the Han words right after a counting word, up to
// punctuation or a conjunction, and within labelWindow bytes.
func nounAfter(f string, i int) string {
	end, limit := i, min(len(f), i+labelWindow)
	for end < limit {
		r, n := utf8.DecodeRuneInString(f[end:])
		if r == '(' || r == '（' {
			// keep a bracketed qualifier: 13个镇（街道）
			closeAt := strings.IndexAny(f[end:min(len(f), end+maxQualifierBytes+len("）"))], ")）")
			if closeAt < 0 || closeAt > maxQualifierBytes || end+closeAt >= limit {
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
