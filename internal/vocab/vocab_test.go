package vocab

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every word of every list is found by what is built from its list: the
// pattern matches it and its prefilter says it may.
func TestEveryWordMatchesItsListsPatternAndPrefilter(t *testing.T) {
	names := map[string]bool{}
	for _, l := range Lists() {
		require.False(t, names[l.Name()], "two lists named %q", l.Name())
		names[l.Name()] = true
		require.NotEmpty(t, l.Words(), l.Name())
		re := regexp.MustCompile(`^` + l.Pattern() + `$`)
		for _, w := range l.Words() {
			t.Run(l.Name()+"/"+w, func(t *testing.T) {
				assert.True(t, re.MatchString(w), "pattern")
				assert.True(t, l.In("前"+w+"后"), "prefilter")
				assert.True(t, l.Has(w))
				i, found := l.Index("甲" + w)
				assert.Equal(t, len("甲"), i)
				assert.Equal(t, w, found)
				assert.NotEmpty(t, l.Prefix(w+"乙"))
				assert.NotEmpty(t, l.Suffix("乙"+w))
			})
		}
	}
}

// A pattern prefers the longer of two words that start alike.
func TestListsKeepLongerWordsFirst(t *testing.T) {
	re := regexp.MustCompile(CriticWords.Pattern())
	assert.Equal(t, "有待改进提高", re.FindString("有待改进提高的单位"))
	assert.Equal(t, "满意度", RateSuffixes.Suffix("群众满意度"))
	assert.Equal(t, "按时办结", Verbs.Suffix("转办工单按时办结"))
}

func TestParseCN(t *testing.T) {
	tests := map[string]int64{
		"二〇二四": 2024, "一九九八": 1998, "十": 10, "十三": 13, "二十": 20, "二十七": 27,
		"两": 2, "一百零五": 105, "一千二百": 1200, "三万五千": 35000, "九万六千七百": 96700,
		"一百": 100, "百": 100, "一亿二千万": 120000000, "零": 0, "二O二四": 2024,
	}
	for s, want := range tests {
		got, ok := ParseCN(s)
		assert.True(t, ok, s)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"", "十a", "一点五", strings.Repeat("九", 20)} {
		_, ok := ParseCN(s)
		assert.False(t, ok, s)
	}
}

// Every numeral character reads as its value, alone, as a place or as a
// magnitude.
func TestEveryNumeral(t *testing.T) {
	for r, v := range CNDigits {
		got, ok := ParseCN(string(r))
		assert.True(t, ok, string(r))
		assert.Equal(t, v, got, string(r))
		assert.Contains(t, Numerals+"oO", string(r), "in the character class")
	}
	for r, v := range CNUnits {
		got, ok := ParseCN("三" + string(r))
		assert.True(t, ok, string(r))
		assert.Equal(t, 3*v, got, string(r))
		assert.Contains(t, Numerals, string(r))
	}
	for r, v := range CNMagnitudes {
		got, ok := ParseCN("两" + string(r))
		assert.True(t, ok, string(r))
		assert.Equal(t, 2*v, got, string(r))
		assert.Contains(t, Numerals, string(r))
	}
	v, d, ok := ParseCNDecimal("九十五点五")
	assert.True(t, ok)
	assert.Equal(t, 95.5, v)
	assert.Equal(t, 1, d)
	n, ok := Number("十二")
	assert.True(t, ok)
	assert.Equal(t, 12, n)
	n, ok = Number("12")
	assert.True(t, ok)
	assert.Equal(t, 12, n)
}

func TestEveryCounter(t *testing.T) {
	for _, c := range []struct {
		list  *List
		class string
	}{{ItemCounters, Items}, {PeopleCounters, People}, {EntityCounters, Entities}} {
		for _, w := range c.list.Words() {
			assert.Equal(t, c.class, CounterClass(w), w)
			assert.True(t, Counters.Has(w), w)
			for _, m := range Magnitudes.Words() {
				assert.Equal(t, c.class, CounterClass(m+w), m+w)
			}
		}
	}
	assert.Equal(t, Items, CounterClass(""), "a count without a counting word counts items")
	assert.Equal(t, "", CounterClass("%"))
	assert.Equal(t, 1e4, MagnitudeOf("万"))
	assert.Equal(t, 1e8, MagnitudeOf("亿"))
	assert.Equal(t, 1.0, MagnitudeOf(""))
}

func TestEveryChannelWord(t *testing.T) {
	for _, c := range []struct {
		list    *List
		channel string
	}{{OnlineWords, Online}, {MailWords, Mail}, {PhoneWords, Phone}} {
		for _, w := range c.list.Words() {
			assert.Equal(t, c.channel, Channel("群众"+w+"诉求"), w)
			assert.Equal(t, []ChannelWord{{Start: len("群众"), End: len("群众" + w), Channel: c.channel}}, ChannelWords("群众"+w+"诉求"), w)
		}
	}
	for _, w := range HotlineWords.Words() {
		assert.Equal(t, "", Channel("12345"+w+"群众诉求"), "the hotline takes every channel")
	}
	assert.Equal(t, Online, Channel("12345热线网民留言办理情况"))
	assert.Equal(t, Online, Channel("群众app诉求"), "letters in either case")
	assert.Equal(t, Mail, Channel("市长信箱来信办理情况"))
	assert.Equal(t, All, Channel("电话和网络诉求办理情况"), "several channels")
	assert.Equal(t, All, Channel("电话、网站、微信、信件等渠道"))
	assert.Equal(t, "", Channel("区直部门及公共服务单位群众诉求事项办理情况"))
	assert.Equal(t, "", ChannelOf(nil))
}

func TestEveryOverallGroupWord(t *testing.T) {
	for _, w := range OverallWords.Words() {
		assert.True(t, IsOverallGroup(w), w)
		assert.True(t, IsOverallGroup("渠道"+w), w)
		for _, lead := range OverallLeads.Words() {
			assert.True(t, IsOverallGroup(lead+w), lead+w)
		}
	}
	for _, s := range []string{"本月", "电话诉求", "合计数", "全市各", "12345热线"} {
		assert.False(t, IsOverallGroup(s), s)
	}
}

func TestEveryUnitKindWord(t *testing.T) {
	for _, c := range []struct {
		list *List
		kind string
	}{{DirectWords, Departments}, {TownWords, Towns}, {CountyWords, Counties}, {DepartmentWords, Departments}} {
		for _, w := range c.list.Words() {
			assert.Equal(t, c.kind, UnitKind("3月份"+w+"诉求办理情况"), w)
		}
	}
	assert.Equal(t, "", UnitKind("12345热线工单办理情况"))
}

// The unit matcher: an administrative word or a place name before a
// unit's name may be left out on either side.
func TestEveryAdminPrefix(t *testing.T) {
	for _, p := range AdminPrefixes.Words() {
		assert.True(t, IsAdminPrefix(p), p)
		assert.True(t, SameUnit(p+"烟草局", "烟草局"), p)
		assert.True(t, SameUnit("烟草局", p+"烟草局"), p)
		assert.Contains(t, WithoutPrefixes(p+"烟草局"), "烟草局", p)
	}
	for _, s := range PlaceSuffixes.Words() {
		place := "偃师" + s
		assert.True(t, IsAdminPrefix(place), place)
		assert.True(t, SameUnit(place+"财政局", "财政局"), place)
		assert.True(t, SameUnit("洛阳市"+place+"财政局", "财政局"), "two places")
	}
	assert.True(t, SameUnit("伊洛 街道", "伊洛街道"))
	assert.True(t, SameUnit("区市场监管局", "市场监管局"))
	assert.False(t, SameUnit("交通公安局", "公安局"), "交通 is no place")
	assert.False(t, SameUnit("局", "区局"), "a name of one character")
	assert.False(t, IsAdminPrefix("区市"), "区市 is no place")
	assert.Equal(t, []string{"城市管理局", "管理局"}, WithoutPrefixes("区城市管理局"), "shortest prefix first")
	assert.Equal(t, "伊洛街道", NormUnit(" 伊洛\u3000街道 "))
}

func TestLeadingPlaces(t *testing.T) {
	places, rest := LeadingPlaces("洛阳市偃师区政务服务和大数据管理局")
	assert.Equal(t, []string{"洛阳市", "偃师区"}, places)
	assert.Equal(t, "政务服务和大数据管理局", rest)
	places, rest = LeadingPlaces("云岭县12345热线办公室")
	assert.Equal(t, []string{"云岭县"}, places)
	assert.Equal(t, "12345热线办公室", rest)
	places, _ = LeadingPlaces("政务服务中心")
	assert.Empty(t, places)
	places, _ = LeadingPlaces("区市场监管局")
	assert.Empty(t, places, "区市 is no place")
}

func TestEveryOfficeKind(t *testing.T) {
	for _, k := range OfficeKinds.Words() {
		want := k
		if k == "委员会" {
			want = "委"
		}
		assert.Equal(t, want, OfficeKind("甲乙"+k), k)
		assert.Equal(t, "", OfficeKind(k), "a kind alone is no office's name")
	}
	assert.Equal(t, "", OfficeKind("城关镇"))
}

func TestEveryTownOffice(t *testing.T) {
	for _, o := range TownOffices.Words() {
		for _, level := range townOfficeLevels[o] {
			town, office, ok := SplitTownOffice("首阳山" + level + o)
			assert.True(t, ok, o)
			assert.Equal(t, []string{"首阳山" + level, o}, []string{town, office})
			_, _, ok = SplitTownOffice(level + o)
			assert.False(t, ok, "a level alone is no town: %s", level+o)
		}
		assert.NotEmpty(t, townOfficeLevels[o], o)
	}
	_, _, ok := SplitTownOffice("城关镇办事处")
	assert.False(t, ok, "办事处 follows a subdistrict")
	_, _, ok = SplitTownOffice("住建局")
	assert.False(t, ok)
}

func TestEveryRankWord(t *testing.T) {
	for _, w := range RankWords.Words() {
		for _, p := range RankPlaces.Words() {
			n, text, ok := TopN("得分"+w+"三"+p+"的单位", false)
			assert.True(t, ok, w+p)
			assert.Equal(t, 3, n, w+p)
			assert.Equal(t, w+"三"+p, text)
		}
		_, _, ok := TopN("排名"+w+"5的单位", false)
		assert.False(t, ok, "a size needs its place word")
		assert.True(t, IsPartialList("受理量"+w+"10的单位"), w)
	}
	for _, w := range PartialListWords.Words() {
		assert.True(t, IsPartialList("诉求"+w+"单位办理情况"), w)
	}
	assert.False(t, IsPartialList("各单位办理情况"))
}

func TestLeadingMonth(t *testing.T) {
	y, m, text, ok := LeadingMonth("2023年3月区直部门办理情况")
	assert.True(t, ok)
	assert.Equal(t, []any{2023, 3, "2023年3月"}, []any{y, m, text})
	y, m, _, ok = LeadingMonth("十二月份各镇办理情况")
	assert.True(t, ok)
	assert.Equal(t, []int{0, 12}, []int{y, m})
	_, _, _, ok = LeadingMonth("1-4月累计")
	assert.False(t, ok)
	_, _, _, ok = LeadingMonth("13月")
	assert.False(t, ok)
}

func TestEveryTotalMarker(t *testing.T) {
	for _, w := range TotalMarkers.Words() {
		s := "区热线" + w + "受理"
		assert.True(t, IsTotalMarkerAt(s, len("区热线"), w), w)
	}
	for _, n := range NotTotalMarkers.Words() {
		s := "本月" + n + "类诉求"
		i, w := TotalMarkers.Index(s)
		require.GreaterOrEqual(t, i, 0, n)
		assert.False(t, IsTotalMarkerAt(s, i, w), n)
	}
}
