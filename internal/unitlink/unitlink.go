// Package unitlink decides which printed spellings of a unit's name, over
// the bulletins of one issuer, name the same unit: 区住建局 in one month,
// 住建局 in the next and 区住房和城乡建设局 in a third are one bureau. Each
// link comes with its evidence, so that a reader can see why two
// spellings were joined.
//
// Links are made by three rules, and only within one issuer (住建局 of
// one district is not that of another):
//
//   - prefix: the name with the issuer's own place in front of it: 区,
//     偃师区, 我区 before 住建局 in a bulletin of 偃师区. A higher level
//     (市 in a district's bulletin) is another government's office and is
//     not taken off.
//   - abbreviation: an office's name shortened by keeping some of its
//     characters in order, the first and the kind of office (局, 委, 办 …)
//     kept: 住建局 for 住房和城乡建设局, 发改委 for 发展和改革委员会. Town
//     names are proper names and are never abbreviations.
//   - suffix: a subdistrict or town with its office's name after it:
//     首阳山街道办事处 for 首阳山街道, 城关镇人民政府 for 城关镇.
//
// Two spellings printed in the same table of one bulletin are two units
// and are never linked, and a short name that could abbreviate two
// different long ones is left alone. The words (places, kinds of office,
// towns' offices) are internal/vocab's.
package unitlink

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/vocab"
)

// Rules, as recorded with each link.
const (
	Same         = "same"         // the unit's own spelling
	Prefix       = "prefix"       // the issuer's place before the name
	Abbreviation = "abbreviation" // characters of the full name, in order
	Suffix       = "suffix"       // 办事处, 人民政府 after a town's name
)

// Link is what one printed spelling stands for.
type Link struct {
	// Name is the spelling as printed in the unit column.
	Name string
	// Unit is the unit it names: the fullest spelling of the group,
	// without the issuer's place in front.
	Unit string
	// Rule is how Name reaches Unit: Same, or the rules applied joined by
	// "+", e.g. "prefix+abbreviation".
	Rule string
	// Evidence says why, in words: "区住建局 is 住建局 after the prefix 区;
	// 住建局 abbreviates 住房和城乡建设局 (住·建·局)".
	Evidence string
}

// Apart reports whether two spellings were printed as different rows of
// one table, which proves them different units.
type Apart func(a, b string) bool

// Links links the spellings of units printed in the bulletins of one
// issuer. It returns one Link per distinct name, in name order.
func Links(issuer string, names []string, apart Apart) []Link {
	if apart == nil {
		apart = func(string, string) bool { return false }
	}
	prefixes := Prefixes(issuer)
	names = slices.Clone(names)
	slices.Sort(names)
	names = slices.Compact(names)

	// Each name's base: the name without the issuer's place.
	type node struct {
		name, base, prefix string
		suffix             string // 办事处 taken off the base
		core               string // base without suffix
	}
	nodes := make([]node, 0, len(names))
	for _, n := range names {
		if strings.TrimSpace(n) == "" {
			continue
		}
		nd := node{name: n, base: n}
		if p := stripPrefix(n, prefixes); p != "" {
			nd.prefix, nd.base = p, n[len(p):]
		}
		nd.core = nd.base
		if core, s, ok := vocab.SplitTownOffice(nd.base); ok {
			nd.core, nd.suffix = core, s
		}
		nodes = append(nodes, nd)
	}

	// The distinct cores, each to be linked to a full form.
	cores := map[string][]int{} // core -> nodes
	var coreList []string
	for i, nd := range nodes {
		if _, ok := cores[nd.core]; !ok {
			coreList = append(coreList, nd.core)
		}
		cores[nd.core] = append(cores[nd.core], i)
	}
	// Two cores printed apart never join: any of their spellings printed
	// in one table proves two units.
	coresApart := func(a, b string) bool {
		for _, i := range cores[a] {
			for _, j := range cores[b] {
				if apart(nodes[i].name, nodes[j].name) {
					return true
				}
			}
		}
		return false
	}
	// Spellings sharing a core but printed apart keep their own units.
	split := map[string]bool{}
	for c, idx := range cores {
		for x := 0; x < len(idx) && !split[c]; x++ {
			for y := x + 1; y < len(idx); y++ {
				if apart(nodes[idx[x]].name, nodes[idx[y]].name) {
					split[c] = true
					break
				}
			}
		}
	}

	// full[c] is the longer core that c abbreviates, when exactly one does.
	// An abbreviation keeps the first character and the kind of office, so
	// only cores alike in both are compared.
	full := map[string]string{}
	type kindStart struct {
		kind  string
		first rune
	}
	alike := map[kindStart][]string{}
	startOf := func(c string) kindStart {
		r, _ := utf8.DecodeRuneInString(c)
		return kindStart{vocab.OfficeKind(c), r}
	}
	for _, c := range coreList {
		if ks := startOf(c); ks.kind != "" {
			alike[ks] = append(alike[ks], c)
		}
	}
	for _, c := range coreList {
		ks := startOf(c)
		if ks.kind == "" || split[c] {
			continue
		}
		var found []string
		for _, long := range alike[ks] {
			if long != c && !split[long] && abbreviates(c, long) && !coresApart(c, long) {
				found = append(found, long)
			}
		}
		if len(found) == 1 {
			full[c] = found[0]
		}
	}
	// Follow chains (人社局 → 人力社保局 → 人力资源和社会保障局) to the
	// fullest form, and make sure no group holds two spellings printed
	// apart.
	root := func(c string) (string, []string) {
		path := []string{c}
		for len(path) <= len(coreList) {
			next, ok := full[path[len(path)-1]]
			if !ok {
				break
			}
			path = append(path, next)
		}
		return path[len(path)-1], path
	}

	out := make([]Link, 0, len(nodes))
	for _, nd := range nodes {
		l := Link{Name: nd.name, Unit: nd.name, Rule: Same}
		if split[nd.core] {
			// Same core, printed apart (区住建局 and 住建局 in one table):
			// each spelling is its own unit.
			out = append(out, l)
			continue
		}
		unit, path := root(nd.core)
		var rules, why []string
		if nd.prefix != "" {
			rules = append(rules, Prefix)
			why = append(why, fmt.Sprintf("%s is %s after the prefix %s", nd.name, nd.base, nd.prefix))
		}
		if nd.suffix != "" {
			rules = append(rules, Suffix)
			why = append(why, fmt.Sprintf("%s is %s with %s after it", nd.base, nd.core, nd.suffix))
		}
		for i := 0; i+1 < len(path); i++ {
			rules = append(rules, Abbreviation)
			why = append(why, fmt.Sprintf("%s abbreviates %s (%s)", path[i], path[i+1], strings.Join(strings.Split(path[i], ""), "·")))
		}
		if len(rules) > 0 {
			l.Unit = unit
			l.Rule = strings.Join(slices.Compact(rules), "+")
			l.Evidence = strings.Join(why, "; ")
		}
		out = append(out, l)
	}
	return checkGroups(out, apart)
}

// checkGroups undoes the links that prove nothing or too much: a spelling
// whose group holds no other printed spelling keeps its own name (区委办
// is not renamed 委办 unless 委办 is printed too), and a group holding two
// spellings printed apart is split back into its spellings.
func checkGroups(links []Link, apart Apart) []Link {
	groups := map[string][]int{}
	for i, l := range links {
		groups[l.Unit] = append(groups[l.Unit], i)
	}
	for _, idx := range groups {
		ok := len(idx) > 1
		for x := 0; ok && x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				if apart(links[idx[x]].Name, links[idx[y]].Name) {
					ok = false
					break
				}
			}
		}
		if ok {
			continue
		}
		for _, i := range idx {
			links[i] = Link{Name: links[i].Name, Unit: links[i].Name, Rule: Same}
		}
	}
	return links
}

// Prefixes returns the prefixes an issuer's bulletins put before the names
// of its own units: its lowest place (偃师区) with the places above it
// (洛阳市偃师区), the place without its level (偃师), the level alone (区)
// and the administrative words of that level (我区, 本区, 全区). An issuer
// naming no place gives none.
func Prefixes(issuer string) []string {
	places, _ := vocab.LeadingPlaces(issuer)
	if len(places) == 0 {
		return nil
	}
	last := places[len(places)-1]
	level, _ := utf8.DecodeLastRuneInString(last)
	lv := string(level)
	ps := []string{strings.Join(places, ""), last, strings.TrimSuffix(last, lv)}
	for w := range vocab.AdminPrefixes.All() {
		if strings.HasSuffix(w, lv) {
			ps = append(ps, w)
		}
	}
	// Longest first, so that 偃师区 is taken off whole, not 偃师.
	slices.SortStableFunc(ps, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return slices.Compact(ps)
}

// stripPrefix returns the prefix of name among prefixes, leaving at least
// two characters, or "".
func stripPrefix(name string, prefixes []string) string {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && utf8.RuneCountInString(rest) >= 2 {
			return p
		}
	}
	return ""
}

// minAbbrevRunes is the shortest abbreviation linked: two characters
// abbreviate too many names.
const minAbbrevRunes = 3

// abbreviates reports whether short is long shortened: at least
// minAbbrevRunes characters, at least two fewer than long, the same first
// character and kind of office, and its characters found in long in order.
func abbreviates(short, long string) bool {
	ns, nl := utf8.RuneCountInString(short), utf8.RuneCountInString(long)
	if ns < minAbbrevRunes || nl < ns+2 {
		return false
	}
	fs, _ := utf8.DecodeRuneInString(short)
	fl, _ := utf8.DecodeRuneInString(long)
	if fs != fl {
		return false
	}
	kind := vocab.OfficeKind(short)
	if kind == "" || vocab.OfficeKind(long) != kind {
		return false
	}
	// The kind is matched above; match the characters before it in order.
	sBody := strings.TrimSuffix(short, vocab.OfficeKinds.Suffix(short))
	lBody := strings.TrimSuffix(long, vocab.OfficeKinds.Suffix(long))
	i := 0
	for _, r := range lBody {
		if i == len(sBody) {
			break
		}
		if sr, n := utf8.DecodeRuneInString(sBody[i:]); r == sr {
			i += n
		}
	}
	return i == len(sBody)
}

// Candidates reports whether Links could join the two names, given the
// issuer's Prefixes: the same name once a prefix or a town's office word
// is taken off, or two offices of one kind whose names begin alike. Only
// for such pairs does it matter whether they were printed apart, so a
// caller collecting that evidence need keep no other pairs.
func Candidates(a, b string, prefixes []string) bool {
	ca, cb := coreOf(a, prefixes), coreOf(b, prefixes)
	if ca == cb {
		return true
	}
	k := vocab.OfficeKind(ca)
	if k == "" || vocab.OfficeKind(cb) != k {
		return false
	}
	ra, _ := utf8.DecodeRuneInString(ca)
	rb, _ := utf8.DecodeRuneInString(cb)
	return ra == rb
}

// coreOf is a name without the issuer's place and a town's office word.
func coreOf(name string, prefixes []string) string {
	if p := stripPrefix(name, prefixes); p != "" {
		name = name[len(p):]
	}
	core, _, _ := vocab.SplitTownOffice(name)
	return core
}
