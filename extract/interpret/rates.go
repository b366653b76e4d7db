package interpret

import (
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Rates stated in the prose, their numerators and bases: "办结3127件，
// 办结率99.21%", "满意率94%（以办结数为基数）".

// rate reads a percentage stated as a rate: 满意率97.59%. Its numerator is
// the count of the same stem before it in the sentence (满意1992件); its
// base (Parent) is a base it names, else the numerator's whole, else the
// sentence's whole.
func (st *sentence) rate(a amount, ls int) bool {
	label := trimLead(strings.TrimSpace(trimLeads(st.cut(ls, a.start))))
	fig := model.Figure{Kind: model.RateFigure, Label: label, Value: a.value, Decimals: a.decimals, Unit: unitPercent,
		Text: st.cut(ls, a.end), Span: st.span(ls, a.end), Parent: -1}
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
