package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Units: the offices, towns and companies a bulletin reports on. Prose names
// them with an administrative prefix that their table rows leave out
// (区烟草局 is the row 烟草局; so is 偃师区烟草局 and 我区烟草局), and names
// kinds of units in its list leads (较好的单位是, 排名靠后的镇街有).

var (
	// AdminPrefixes are the words of a prefix meaning "of this district /
	// county / city": 区烟草局, 全县各乡镇, 本市.
	AdminPrefixes = newList("admin prefixes",
		"我区", "全区", "本区", "我县", "全县", "本县", "我市", "全市", "本市", "我旗", "全旗", "本旗",
		"区", "县", "市", "旗")
	// PlaceSuffixes end a place name that may stand before a unit's name:
	// 偃师区烟草局, 河南省…, 洛阳市偃师区….
	PlaceSuffixes = newList("place suffixes", "省", "市", "区", "县", "旗")
	// UnitKinds are the nouns for kinds of units in prose leads:
	// 较好的单位是, 排名靠后的镇街有.
	UnitKinds = newList("unit kinds", "单位", "部门", "镇街", "镇", "街道", "乡镇", "县区", "县市区", "区县", "社区", "村", "承办单位")
)

// maxPlaceRunes is the longest place name (with its suffix) taken as a
// prefix: 偃师区, 呼和浩特市.
const maxPlaceRunes = 6

// NormUnit normalises a unit name for comparison: white space removed.
func NormUnit(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// IsAdminPrefix reports whether p is what may stand before a unit's name
// in prose but not in its table row: an administrative word (区, 全县,
// 本市) or one or more place names (偃师区, 洛阳市偃师区). A place name is
// two to six characters ending in 省, 市, 区, 县 or 旗, not all of them
// such characters (区市 is no place).
func IsAdminPrefix(p string) bool {
	if p == "" {
		return false
	}
	if AdminPrefixes.Has(p) {
		return true
	}
	for p != "" {
		cut, n, named := -1, 0, false
		for i, r := range p {
			n++
			if n > maxPlaceRunes || !isHan(r) {
				break
			}
			suffix := PlaceSuffixes.Has(string(r))
			if n >= 2 && suffix && named {
				cut = i + utf8.RuneLen(r)
				break
			}
			named = named || !suffix
		}
		if cut < 0 {
			return false
		}
		p = p[cut:]
	}
	return true
}

// WithoutPrefixes returns what is left of name after each administrative
// prefix it may carry, shortest prefix first: 区城市管理局 gives 城市管理局
// (after 区) and 管理局 (after 区城市, read as a place). What is left must
// be two or more characters.
func WithoutPrefixes(name string) []string {
	var out []string
	for i := range name {
		if i == 0 {
			continue
		}
		rest := name[i:]
		if utf8.RuneCountInString(rest) < 2 {
			break
		}
		if IsAdminPrefix(name[:i]) {
			out = append(out, rest)
		}
	}
	return out
}

// SameUnit reports whether two names mean the same unit: equal after
// white space is removed, or equal but for an administrative prefix on one
// of them (区烟草局 = 烟草局, 偃师区市场监管局 = 市场监管局).
func SameUnit(a, b string) bool {
	a, b = NormUnit(a), NormUnit(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	long, short := a, b
	if len(short) > len(long) {
		long, short = short, long
	}
	if !strings.HasSuffix(long, short) || utf8.RuneCountInString(short) < 2 {
		return false
	}
	return IsAdminPrefix(strings.TrimSuffix(long, short))
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// Kinds of units, as table titles and prose name them: 区直部门, 镇（街道）,
// 县（市、区）.
const (
	Departments = "dept"
	Towns       = "town"
	Counties    = "county"
)

var (
	// DirectWords name departments directly under the government.
	DirectWords = newList("direct-department words", "区直", "县直", "市直", "旗直", "直属")
	// TownWords name towns, townships and subdistricts.
	TownWords = newList("town words", "镇", "乡", "街道", "街办", "办事处")
	// CountyWords name the counties and districts of a city.
	CountyWords = newList("county words", "县区", "区县", "县（市、区）", "县(市、区)", "县市区", "县（市）", "各县", "各区")
	// DepartmentWords name departments in general.
	DepartmentWords = newList("department words", "部门", "单位")
)

// UnitKind classifies a label as naming departments, towns or counties,
// or returns "".
func UnitKind(s string) string {
	switch {
	case DirectWords.In(s):
		return Departments
	case TownWords.In(s):
		return Towns
	case CountyWords.In(s):
		return Counties
	case DepartmentWords.In(s):
		return Departments
	}
	return ""
}
