package interpret

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Units named in the prose: lists of praised, criticised and ranked units
// after phrases such as 较好的单位是, 有待改进提高的单位是, 前三名的单位是.
// Names are split at 、 and at 和/及/与 where the pieces are units the
// tables list (自然资源和规划局 stays whole), and linked to the table rows
// they mean (区烟草局 is the row 烟草局).

var (
	praiseLead    = regexp.MustCompile(`(较好|最好|良好|优秀|突出|较快|先进|表现好|靠前|前列|红榜|表扬|点赞|满意度高|较高)的?(?:单位|部门|镇街|镇|街道|乡镇|县区|县市区|区县)?(?:有|是|为|:|分别是|分别为)[:：]?`)
	criticLead    = regexp.MustCompile(`(有待改进|有待提高|有待改进提高|需要改进|较差|较低|靠后|后列|滞后|不力|黑榜|通报批评|约谈|整改|排名落后|末位)的?(?:单位|部门|镇街|镇|街道|乡镇|县区|县市区|区县)?(?:有|是|为|:|分别是|分别为)[:：]?`)
	rankLead      = regexp.MustCompile(`(?:排名|排在|位列|居)?[前后]\s*(?:[0-9]+|[一二三四五六七八九十]+)\s*(?:名|位)?的?(?:单位|部门|镇街|镇|街道|乡镇|县区|县市区|区县)?(?:有|是|为|:|分别是|分别为|依次为|依次是)[:：]?`)
	mentionValue  = regexp.MustCompile(`[(（]\s*(` + decPat + `)\s*([件宗分个次条通%]|分钟|小时)?\s*[)）]\s*$|(` + decPat + `)\s*(件|宗|分)\s*$`)
	contextTrim   = regexp.MustCompile(`^(?:其中|另外|此外|同时|总体上看|总体来看|从.{1,12}看)+`)
	notUnitPhrase = regexp.MustCompile(`[是的在要对将了把被从向]|存在|问题|情况|工作`)
)

// maxUnitRunes is the longest name taken as a unit.
const maxUnitRunes = 24

// leadWords are words one of which every lead contains; a paragraph with
// none of them names no list, and the lead patterns need not run.
var leadWords = []string{"好", "优秀", "突出", "较快", "先进", "靠前", "前列", "红榜", "表扬", "点赞", "较高",
	"改进", "提高", "较差", "较低", "靠后", "后列", "滞后", "不力", "黑榜", "批评", "约谈", "整改", "落后", "末位", "前", "后"}

// mentions reads the lists of units in one paragraph.
func (in *interpreter) mentions(text string, pos model.Pos, known unitIndex) {
	f := fold(text)
	if !slices.ContainsFunc(leadWords, func(w string) bool { return strings.Contains(f, w) }) {
		return
	}
	type lead struct {
		start, end int
		role       string
	}
	var leads []lead
	limit := in.limits.MaxFigureCandidates
	for _, l := range []struct {
		re   *regexp.Regexp
		role string
	}{{rankLead, model.Ranked}, {criticLead, model.Criticised}, {praiseLead, model.Praised}} {
		for _, m := range l.re.FindAllStringIndex(f, limit+1) {
			overlaps := false
			for _, e := range leads {
				if m[0] < e.end && e.start < m[1] {
					overlaps = true
				}
			}
			if !overlaps {
				leads = append(leads, lead{m[0], m[1], l.role})
			}
		}
	}
	if len(leads) > limit {
		in.b.Problems = append(in.b.Problems, model.Problem{Pos: pos, Message: fmt.Sprintf(
			"%v in a paragraph; the lists of units after them are not read", block.Exceeded("unit list leads", int64(limit)))})
		leads = leads[:limit]
	}
	// Where each sentence ends (。；;), found once: each list runs to the
	// end of its sentence.
	var stops []int
	for i, r := range f {
		if r == '。' || r == '；' || r == ';' {
			stops = append(stops, i)
		}
	}
	offsets := newOffsetMap(text, f)
	for _, l := range leads {
		// The context: the clause that ends in the lead, without 是/为/：.
		cs := clauseStartNoList(f, l.start)
		ctxEnd := l.end
		for _, suffix := range []string{":", "分别是", "分别为", "依次为", "依次是", "是", "为", "有", ":"} {
			if strings.HasSuffix(f[cs:ctxEnd], suffix) {
				ctxEnd -= len(suffix)
			}
		}
		context := strings.TrimSpace(contextTrim.ReplaceAllString(offsets.cut(cs, ctxEnd), ""))
		// The list runs to the end of the sentence or to the next lead.
		end := len(f)
		if i, _ := slices.BinarySearch(stops, l.end); i < len(stops) {
			end = stops[i]
		}
		for _, o := range leads {
			if o.start > l.end && o.start < end {
				end = clauseStartNoList(f, o.start)
			}
		}
		for _, item := range in.listItems(f, l.end, end, known) {
			name := strings.TrimSpace(offsets.cut(item.start, item.end))
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

// looksLikeUnit: a short name without the words of a sentence.
func looksLikeUnit(s string) bool {
	base := s
	if i := strings.IndexAny(s, "(（"); i > 0 {
		base = s[:i]
	}
	n := utf8.RuneCountInString(base)
	return n >= 2 && n <= maxUnitRunes && !notUnitPhrase.MatchString(base)
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
		if r == '和' || r == '及' || r == '与' {
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
	if bestKnown == 0 && len(known) == 0 {
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

// unitPrefixes are the administrative prefixes a unit's name may carry in
// the prose but not in the table (区烟草局 is 烟草局), longest first.
var unitPrefixes = []string{"我区", "全区", "本区", "我县", "全县", "本县", "我市", "全市", "本市", "区", "县", "市"}

// unitKeys normalises a unit name for matching: no white space, folded,
// no bracketed value; and, when it starts with 区/县/市 (区烟草局), also
// without that prefix.
func unitKeys(name string) []string {
	k := compactHeader(fold(name))
	if i := strings.IndexAny(k, "(（"); i > 0 {
		k = k[:i]
	}
	keys := []string{k}
	for _, p := range unitPrefixes {
		if rest, ok := strings.CutPrefix(k, p); ok {
			if utf8.RuneCountInString(rest) >= 2 {
				keys = append(keys, rest)
			}
			break
		}
	}
	return keys
}

// unitIndex finds table rows by unit name.
type unitIndex map[string][]model.UnitRef

// knownUnits indexes the units of all tables by each of their unitKeys.
func knownUnits(tables []model.Table) unitIndex {
	m := unitIndex{}
	for ti, t := range tables {
		for ri, r := range t.Rows {
			if r.Total || r.Unit == "" {
				continue
			}
			for _, k := range unitKeys(r.Unit) {
				m[k] = append(m[k], model.UnitRef{Table: ti, Row: ri, Unit: r.Unit})
			}
		}
	}
	return m
}

// lookup returns the rows a name means: under its own key first, else
// under its key without a 区/县/市 prefix.
func (ix unitIndex) lookup(name string) []model.UnitRef {
	for _, k := range unitKeys(name) {
		if refs := ix[k]; len(refs) > 0 {
			return refs
		}
	}
	return nil
}
