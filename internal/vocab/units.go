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
	places, rest := LeadingPlaces(p)
	return len(places) > 0 && rest == ""
}

// LeadingPlaces returns the place names s starts with, as IsAdminPrefix
// reads them (洛阳市 and 偃师区 in 洛阳市偃师区政务服务和大数据管理局), and
// what follows them.
func LeadingPlaces(s string) (places []string, rest string) {
	for s != "" {
		cut, n, named := -1, 0, false
		for i, r := range s {
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
			break
		}
		places = append(places, s[:cut])
		s = s[cut:]
	}
	return places, s
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

// The names of the offices and towns in a bulletin's unit column, as they
// are shortened and lengthened from month to month (住建局 for
// 住房和城乡建设局, 首阳山街道办事处 for 首阳山街道).

var (
	// OfficeKinds end the names of the offices a bulletin lists, and stay
	// when a name is abbreviated (住建局, 发改委); 委 stands for 委员会.
	OfficeKinds = newList("office kinds", "委员会", "局", "委", "办", "院", "厅", "署", "中心", "公司", "集团", "所", "站",
		"队", "处", "会")
	// TownOffices are the offices printed after a town's or a
	// subdistrict's name: 首阳山街道办事处, 城关镇人民政府.
	TownOffices = newList("town offices", "办事处", "人民政府")
)

// townOfficeLevels are the levels of place each town office follows.
var townOfficeLevels = map[string][]string{
	"办事处":  {"街道"},
	"人民政府": {"镇", "乡"},
}

// OfficeKind returns the kind of office a name ends in (局, 委 …), with
// 委员会 and 委 as one kind, or "" for other names (towns, villages) and
// for a kind alone.
func OfficeKind(name string) string {
	k := OfficeKinds.Suffix(name)
	if k == "" || k == name {
		return ""
	}
	if k == "委员会" {
		return "委"
	}
	return k
}

// SplitTownOffice splits a town's name with its office after it into the
// two: 首阳山街道办事处 into 首阳山街道 and 办事处. ok is false for any other
// name.
func SplitTownOffice(name string) (town, office string, ok bool) {
	office = TownOffices.Suffix(name)
	if office == "" {
		return name, "", false
	}
	town = strings.TrimSuffix(name, office)
	for _, level := range townOfficeLevels[office] {
		if strings.HasSuffix(town, level) && utf8.RuneCountInString(town) > utf8.RuneCountInString(level) {
			return town, office, true
		}
	}
	return name, "", false
}
