package interpret

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Units named in the prose: lists of praised, criticised and ranked units
// after phrases such as 较好的单位是, 有待改进提高的单位是, 前三名的单位是.
// Names are split at 、 and at 和/及/与 where the pieces are units the
// tables list (自然资源和规划局 stays whole), and linked to the table rows
// they mean (区烟草局 is the row 烟草局).

var (
	// leadTail is what follows the word of a lead before its list: an
	// optional kind of unit and a verb of listing, 较好的单位是….
	leadTail = `的?` + vocab.UnitKinds.Pattern() + `?` + vocab.ListVerbs.Pattern() + `[:：]?`
	// The lead patterns are anchored: they are tried where a word of their
	// list occurs (see mentions), not scanned over the whole paragraph.
	praiseLead = lazyregexp.New(`^` + vocab.PraiseWords.Pattern() + leadTail)
	criticLead = lazyregexp.New(`^` + vocab.CriticWords.Pattern() + leadTail)
	rankLead   = lazyregexp.New(`^` + vocab.RankWords.Pattern() + `\s*(?:` + vocab.SmallNumberPattern + `)\s*` +
		vocab.RankPlaces.Pattern() + `?` + leadTail)
	mentionValue = lazyregexp.New(`[(（]\s*(` + decPat + `)\s*(` + vocab.MentionValueUnits.Pattern() + `)?\s*[)）]\s*$|(` + decPat + `)\s*(` +
		vocab.BareMentionValueUnits.Pattern() + `)\s*$`)
	contextTrim = lazyregexp.New(`^(?:` + vocab.ContextLeads.Pattern() + `|从.{1,12}看)+`)
)

// maxUnitRunes is the longest name taken as a unit.
const maxUnitRunes = 24

// maxLeadBytes is the longest lead of a list of units: a word of its list,
// a kind of unit and a verb (排名前十名的县市区分别是：).
const maxLeadBytes = 64

// leads are the kinds of list leads with the word lists they are built
// from; a paragraph with none of a list's words cannot match its pattern,
// which then need not run.
var leads = []struct {
	re    *lazyregexp.Regexp
	words *vocab.List
	role  string
}{
	{rankLead, vocab.RankWords, model.Ranked},
	{criticLead, vocab.CriticWords, model.Criticised},
	{praiseLead, vocab.PraiseWords, model.Praised},
}

// mentions reads the lists of units in one paragraph. The leads past the
// document's Limits.MaxFigureCandidates in a paragraph, and the mentions
// past its MaxFigures, are not read; a problem says so.
func (in *interpreter) mentions(text string, pos model.Pos, known unitIndex) {
	f := fold(text)
	type lead struct {
		start, end int
		role       string
	}
	var found []lead
	// taken marks the bytes of the leads found: a lead overlapping one
	// found before is not one. (Leads are at most maxLeadBytes long, so
	// marking costs no more than finding them.)
	var taken []bool
	limit := in.limits.MaxFigureCandidates
	for _, l := range leads {
		for w := range l.words.All() {
			for i := 0; len(found) <= limit; {
				j := strings.Index(f[i:], w)
				if j < 0 {
					break
				}
				at := i + j
				i = at + len(w)
				m := l.re.FindStringIndex(f[at:min(len(f), at+maxLeadBytes)])
				if m == nil {
					continue
				}
				start, end := at+m[0], at+m[1]
				if taken == nil {
					taken = make([]bool, len(f))
				}
				if slices.Contains(taken[start:end], true) {
					continue
				}
				for k := start; k < end; k++ {
					taken[k] = true
				}
				found = append(found, lead{start, end, l.role})
			}
		}
	}
	if len(found) == 0 {
		return
	}
	slices.SortFunc(found, func(a, b lead) int { return a.start - b.start })
	if len(found) > limit {
		in.b.Problems = append(in.b.Problems, model.Problem{Pos: pos, Message: fmt.Sprintf(
			"%v in a paragraph; the lists of units after them are not read", block.Exceeded("unit list leads", int64(limit)))})
		found = found[:limit]
	}
	// Where each sentence ends (。；;), found once: a list runs to the end
	// of its sentence.
	var stops []int
	for i, r := range f {
		if r == '。' || r == '；' || r == ';' {
			stops = append(stops, i)
		}
	}
	offsets := offsetTable(text, f)
	for k, l := range found {
		// The context: the clause that ends in the lead, without 是/为/：.
		cs := clauseStartNoList(f, l.start)
		ctxEnd := l.end
		ctxEnd -= len(strings.TrimSuffix(f[cs:ctxEnd], ":")) - len(f[cs:ctxEnd])
		ctxEnd -= len(vocab.ListVerbs.Suffix(f[cs:ctxEnd]))
		context := strings.TrimSpace(contextTrim.ReplaceAllString(printed(text, offsets, cs, ctxEnd), ""))
		// The list runs to the end of the sentence or to the next lead.
		end := len(f)
		if i, _ := slices.BinarySearch(stops, l.end); i < len(stops) {
			end = stops[i]
		}
		for _, o := range found[k+1:] {
			if o.start > l.end {
				if o.start < end {
					end = clauseStartNoList(f, o.start)
				}
				break
			}
		}
		for _, item := range in.listItems(f, l.end, end, known) {
			name := strings.TrimSpace(printed(text, offsets, item.start, item.end))
			m := model.Mention{Unit: name, Role: l.role, Context: compactTitle(context), Pos: pos, Matches: []model.UnitRef{}}
			if vm := findFolded(mentionValue, name); vm != nil {
				vs, ve, us, ue := vm[2], vm[3], vm[4], vm[5]
				if vs < 0 {
					vs, ve, us, ue = vm[6], vm[7], vm[8], vm[9]
				}
				if v, err := strconv.ParseFloat(strings.ReplaceAll(fold(name[vs:ve]), ",", ""), 64); err == nil {
					m.Value = &v
					if us >= 0 {
						m.ValueUnit = name[us:ue]
					}
				}
				m.Unit = strings.TrimSpace(name[:vm[0]])
			}
			m.Unit = compactTitle(m.Unit)
			m.Matches = append(m.Matches, known.lookup(m.Unit)...)
			if len(in.b.Mentions) >= in.limits.MaxFigures {
				in.mentionsFull(pos)
				return
			}
			in.b.Mentions = append(in.b.Mentions, m)
		}
	}
}

// mentionsFull reports, once, that the document's mentions reached
// Limits.MaxFigures.
func (in *interpreter) mentionsFull(pos model.Pos) {
	if in.mentionsCut {
		return
	}
	in.mentionsCut = true
	in.b.Problems = append(in.b.Problems, model.Problem{Pos: pos, Message: fmt.Sprintf(
		"%v in the document; the lists of units from here on are not read", block.Exceeded("unit mentions", int64(in.limits.MaxFigures)))})
}

// listItems splits the list in f[start:end] into unit names. The list
// stops at a clause that does not look like a name.
func (in *interpreter) listItems(f string, start, end int, known unitIndex) []span {
	var items []span
	i := start
	for i < end {
		// The next item runs to 、 or ， (brackets kept whole).
		j, depth := i, 0
		for j < end {
			r, n := utf8.DecodeRuneInString(f[j:])
			if r == '(' || r == '（' {
				depth++
			} else if r == ')' || r == '）' {
				depth--
			} else if depth <= 0 && (r == '、' || r == '，' || r == ',') {
				break
			}
			j += n
		}
		item := strings.TrimSpace(f[i:j])
		if item != "" {
			if !looksLikeUnit(item) {
				break
			}
			for _, piece := range splitConjunctions(item, known) {
				items = append(items, span{i + piece.start, i + piece.end})
			}
		}
		if j < end && strings.HasPrefix(f[j:], "，") && !nextLooksLikeUnit(f[j+len("，"):end]) {
			break
		}
		_, n := utf8.DecodeRuneInString(f[j:])
		i = j + n
	}
	return items
}

// looksLikeUnit: a short name of two or more Han characters without the
// words of a sentence; an amount ("1502件", "43.9%") is no name.
func looksLikeUnit(s string) bool {
	base := s
	if i := strings.IndexAny(s, "(（"); i > 0 {
		base = s[:i]
	}
	n := utf8.RuneCountInString(base)
	if n > maxUnitRunes {
		return false // before the amounts are looked for, in text of any length
	}
	han := 0
	for _, r := range base {
		if isHan(r) {
			han++
		}
	}
	if strings.ContainsRune(base, '%') || len(amounts(base)) > 0 && hanOutsideAmounts(base) < 2 {
		return false
	}
	return han >= 2 && n <= maxUnitRunes && !vocab.SentenceWords.In(base)
}

// hanOutsideAmounts counts the Han characters of s that are not part of an
// amount: 2 in "县公安局(287宗)" before the bracket, 0 in "1502件".
func hanOutsideAmounts(s string) int {
	n := 0
	as := amounts(s)
	for i, r := range s {
		inside := false
		for _, a := range as {
			if i >= a.start && i < a.end {
				inside = true
			}
		}
		if !inside && isHan(r) {
			n++
		}
	}
	return n
}

func nextLooksLikeUnit(rest string) bool {
	j := strings.IndexAny(rest, "、，,")
	if j < 0 {
		j = len(rest)
	}
	return looksLikeUnit(strings.TrimSpace(rest[:j]))
}

// splitConjunctions splits "交警大队和高龙镇" at 和/及/与 when every piece is
// a unit the tables know, or when the whole is not one; "自然资源和规划局"
// stays whole when the tables list it.
func splitConjunctions(item string, known unitIndex) []span {
	whole := []span{{0, len(item)}}
	if len(known.lookup(item)) > 0 {
		return whole
	}
	var cuts []int
	for i, r := range item {
		if r != '、' && vocab.Conjunctions.Has(string(r)) {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) == 0 {
		return whole
	}
	// Try every subset of cut points, fewest pieces first, and keep the
	// first split whose pieces all name known units.
	best, bestKnown := whole, 0
	for mask := 1; mask < 1<<len(cuts) && mask < 1<<8; mask++ {
		var pieces []span
		start := 0
		for k, c := range cuts {
			if mask&(1<<k) != 0 {
				pieces = append(pieces, span{start, c})
				start = c + len("和")
			}
		}
		pieces = append(pieces, span{start, len(item)})
		n := 0
		for _, p := range pieces {
			if len(known.lookup(item[p.start:p.end])) > 0 {
				n++
			}
		}
		if n > bestKnown || (n == bestKnown && n == len(pieces) && len(pieces) < len(best)) {
			best, bestKnown = pieces, n
		}
	}
	if bestKnown == 0 && known.empty() {
		// Nothing to go by: split at every conjunction.
		var pieces []span
		start := 0
		for _, c := range cuts {
			pieces = append(pieces, span{start, c})
			start = c + len("和")
		}
		return append(pieces, span{start, len(item)})
	}
	return best
}

// unitKey normalises a unit name for matching: no white space, folded,
// no bracketed value.
func unitKey(name string) string {
	key := compactHeader(fold(name))
	if i := strings.IndexAny(key, "(（"); i > 0 {
		key = key[:i]
	}
	return key
}

// unitIndex finds table rows by unit name, the way vocab.SameUnit matches
// names: equal, or equal but for an administrative prefix on one side.
type unitIndex struct {
	full map[string][]model.UnitRef // by key
	bare map[string][]model.UnitRef // by key without a prefix
}

// knownUnits indexes the units of all tables, by name and by name without
// the shortest administrative prefix.
func knownUnits(tables []model.Table) unitIndex {
	ix := unitIndex{full: map[string][]model.UnitRef{}, bare: map[string][]model.UnitRef{}}
	for ti, t := range tables {
		for ri, r := range t.Rows {
			if r.Total || r.Unit == "" {
				continue
			}
			ref := model.UnitRef{Table: ti, Row: ri, Unit: r.Unit}
			key := unitKey(r.Unit)
			ix.full[key] = append(ix.full[key], ref)
			if bare := vocab.WithoutPrefixes(key); len(bare) > 0 {
				ix.bare[bare[0]] = append(ix.bare[bare[0]], ref)
			}
		}
	}
	return ix
}

func (ix unitIndex) empty() bool { return len(ix.full) == 0 }

// lookup returns the rows a name means: the rows of that name, else those
// of the name without its prefix (区烟草局 is 烟草局), else those whose
// name is it with a prefix (烟草局 is 区烟草局).
func (ix unitIndex) lookup(name string) []model.UnitRef {
	key := unitKey(name)
	if refs := ix.full[key]; len(refs) > 0 {
		return refs
	}
	for _, bare := range vocab.WithoutPrefixes(key) {
		if refs := ix.full[bare]; len(refs) > 0 {
			return refs
		}
	}
	return ix.bare[key]
}
