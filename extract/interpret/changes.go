package interpret

import (
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Changes against an earlier period: 同比增加7181件, 环比下降0.16%,
// 较上月（2350件）增加310件, 提升3.67个百分点.

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
	case a.isCount() && (st.base == nil || st.baseRate) && compare == "":
		return false
	}
	sign := 1.0
	if m != nil && vocab.DecreaseVerbs.In(lead[m[2]:m[3]]) {
		sign = -1
	}
	// The words of a change are its clause's, within the window before
	// it: a clause without punctuation may run on for megabytes.
	cs := window(st.f, c.start, a.start)
	fig := model.Figure{Kind: model.Change, Label: strings.TrimSpace(trimLeads(st.cut(cs, a.start))),
		Value: sign * a.value, Decimals: a.decimals, Unit: a.unit, Text: st.cut(cs, a.end), Span: st.span(cs, a.end), Parent: st.lastMain,
		Compare: st.printedCompare(compare, cs)}
	switch {
	case a.isCount() && !st.baseRate, a.isPoints() && st.baseRate:
		fig.Base, st.base = st.base, nil
	case st.baseRate:
		st.base = nil // an earlier rate before a change in percent: not kept
	}
	if a.isCount() && a.magnitude != "" {
		fig.PrintedUnit = a.magnitude + a.unit
	}
	i := st.r.add(fig)
	if a.isPoints() && fig.Base == nil {
		st.lastPoints, st.pointsEnd = i, a.end
	}
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
			rest = strings.TrimSpace(rest)
			rest = strings.TrimSuffix(rest, vocab.CompareClosers.Suffix(rest))
			if utf8.RuneCountInString(rest) <= 12 {
				return rest
			}
		}
		i, p = vocab.ComparePrepositions.LastIndex(lead[:i])
	}
	return ""
}

// printedCompare returns the printed form of a folded comparison found in
// the words of a change starting at from.
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
// of the change that follows: 较上月（2350件）增加310件; or a rate, the
// base of a change in points: 较上月（96.6%）提升1.5个百分点.
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
	st.base, st.baseRate = &v, a.isPercent()
	return true
}

// baseAfterChange reads a rate in brackets right after a change in points,
// named by an earlier period: 同比提升1.3个百分点（去年同期为95.6%）. It is
// that change's base.
func (st *sentence) baseAfterChange(a amount) bool {
	if st.lastPoints < 0 {
		return false
	}
	open := enclosingBracket(st.f, a.start)
	if open < 0 || open < st.pointsEnd || strings.TrimSpace(st.f[st.pointsEnd:open]) != "" {
		return false
	}
	inside := strings.TrimSpace(st.f[open+bracketLen(st.f, open) : a.start])
	period := vocab.EarlierPeriods.Prefix(inside)
	if period == "" {
		return false
	}
	switch strings.TrimSpace(inside[len(period):]) {
	case "", "为", "是", ":", "的":
	default:
		return false
	}
	f := &st.r.b.Figures[st.lastPoints]
	v := a.value
	f.Base = &v
	st.lastPoints = -1
	return true
}
