package interpret

import (
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/vocab"
)

// Names: what a label names, its verb, and the earlier figure a name
// refers to ("转派工单" names "转派县（区）及开发区办理").

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

// depth is the number of wholes above figure i, counted up to refBack:
// a chain of parts of parts as long as the prose is need not be walked for
// every reference.
func (r *figureReader) depth(i int) int {
	d := 0
	for p := r.fig(i).Parent; p >= 0 && p < i && d < refBack; p = r.fig(p).Parent {
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
