package interpret

import (
	"regexp"
	"strings"

	"github.com/hotline12345/bulletin/model"
)

// Definitions in table notes. A formula, "满意率＝满意数÷回访数×100%",
// names a rate's numerator and denominator; a sentence,
// "…按时限办理回复、诉求人未明确表示不满意、事项已彻底办结的为优秀件",
// names the conditions an item meets to be counted, which makes it a part
// of the counts of those conditions.

var (
	formulaPat = regexp.MustCompile(`^(.{2,16}?率)\s*[=＝]\s*(.{2,20}?)\s*[÷/／]\s*(.{2,20}?)\s*(?:[×x*]\s*100\s*%?)?\s*$`)
	definesPat = regexp.MustCompile(`(?:的)?(?:均)?(?:为|按|计为|视为|算作)(.{2,8}?)(?:件|计算|统计)?$`)
	// conditionWords map the words of a condition to the count it puts an
	// item in.
	conditionWords = []struct {
		re  *regexp.Regexp
		key model.Key
	}{
		{regexp.MustCompile(`按时|按期|按时限|及时办结`), model.OnTime},
		{regexp.MustCompile(`满意`), model.Satisfied},
		{regexp.MustCompile(`办结|结案`), model.Closed},
		{regexp.MustCompile(`解决`), model.Resolved},
		{regexp.MustCompile(`回访`), model.Visited},
		{regexp.MustCompile(`回复|答复`), model.Replied},
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
	m := definesPat.FindStringSubmatchIndex(f)
	if m == nil {
		return model.Definition{}, false
	}
	k, ok := canonicalKey(f[m[2]:m[3]])
	if !ok {
		return model.Definition{}, false
	}
	d := model.Definition{Key: k, Text: note}
	seen := map[model.Key]bool{k: true}
	for _, cond := range strings.FieldsFunc(f[:m[0]], func(r rune) bool { return strings.ContainsRune("、,，;；且并", r) }) {
		for _, w := range conditionWords {
			if !w.re.MatchString(cond) {
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
