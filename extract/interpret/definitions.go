package interpret

import (
	"strings"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Definitions in table notes. A formula, "满意率＝满意数÷回访数×100%",
// names a rate's numerator and denominator; a sentence,
// "…按时限办理回复、诉求人未明确表示不满意、事项已彻底办结的为优秀件",
// names the conditions an item meets to be counted, which makes it a part
// of the counts of those conditions.

var (
	formulaPat = lazyregexp.New(`^(.{2,16}?率)\s*[=＝]\s*(.{2,20}?)\s*[÷/／]\s*(.{2,20}?)\s*(?:[×x*]\s*100\s*%?)?\s*$`)
	// definesPat is tried at each defining verb, the last first: in
	// "按时办结的为优秀件" the 按 of 按时 defines nothing.
	definesPat = lazyregexp.New(`^` + vocab.DefiningVerbs.Pattern() + `(.{2,8}?)` + vocab.DefinitionTails.Pattern() + `?$`)
	// conditionWords map the words of a condition to the count it puts an
	// item in.
	conditionWords = []struct {
		words *vocab.List
		key   model.Key
	}{
		{vocab.OnTimeConditions, model.OnTime},
		{vocab.SatisfiedConditions, model.Satisfied},
		{vocab.ClosedConditions, model.Closed},
		{vocab.ResolvedConditions, model.Resolved},
		{vocab.VisitedConditions, model.Visited},
		{vocab.RepliedConditions, model.Replied},
	}
)

// definition reads a definition from one note item, or returns false.
func definition(note string) (model.Definition, bool) {
	f := strings.TrimSpace(fold(note))
	if m := formulaPat.FindStringSubmatch(f); m != nil {
		k, ok := canonicalKey(m[1])
		if !ok {
			return model.Definition{}, false
		}
		d := model.Definition{Key: k, Text: note}
		if n, ok := canonicalKey(m[2]); ok {
			d.Numerator = n
		}
		if n, ok := canonicalKey(m[3]); ok {
			d.Denominator = n
		}
		return d, true
	}
	k, at, ok := definedKey(f)
	if !ok {
		return model.Definition{}, false
	}
	d := model.Definition{Key: k, Text: note}
	seen := map[model.Key]bool{k: true}
	for _, cond := range strings.FieldsFunc(f[:at], func(r rune) bool {
		return strings.ContainsRune("、,，;；", r) || vocab.ConditionJoiners.Has(string(r))
	}) {
		for _, w := range conditionWords {
			if !w.words.In(cond) {
				continue
			}
			// A condition puts the item in the count of its first word
			// only: 按时限回复 is about time, not about replies.
			if !seen[w.key] {
				seen[w.key] = true
				d.Implies = append(d.Implies, w.key)
			}
			break
		}
	}
	return d, true
}

// definedKey finds what a sentence of conditions defines: the count named
// after its last defining verb that names one (…的为优秀件), and where the
// conditions end (before the verb and a 的 or 均 before it).
func definedKey(f string) (model.Key, int, bool) {
	for end := len(f); end > 0; {
		i, _ := vocab.DefiningVerbs.LastIndex(f[:end])
		if i < 0 {
			break
		}
		end = i
		m := definesPat.FindStringSubmatch(f[i:])
		if m == nil {
			continue
		}
		k, ok := canonicalKey(m[1])
		if !ok {
			continue
		}
		at := f[:i]
		for range 2 { // 的 and 均, in either order
			at = strings.TrimSuffix(at, vocab.ConditionEnds.Suffix(at))
		}
		return k, len(at), true
	}
	return "", 0, false
}
