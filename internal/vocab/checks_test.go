package vocab

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The lists built from others hold every word they are built from, so a
// word added to a part reaches the whole.
func TestComposedListsHoldTheirParts(t *testing.T) {
	for _, c := range []struct {
		whole *List
		parts []*List
		keep  func(string) bool
	}{
		{ChangeLabelWords, []*List{CompareWords, ChangeComparisons}, nil},
		{ChangeLabelWords, []*List{IncreaseVerbs, DecreaseVerbs}, func(w string) bool { return utf8.RuneCountInString(w) >= 2 }},
		{SubsetWords, []*List{OutcomeVerbs, OnTimeConditions}, nil},
		{UnitTerms, []*List{UnitKinds}, nil},
		{UnitCountMarkers, []*List{TotalMarkers}, nil},
	} {
		for _, p := range c.parts {
			for _, w := range p.Words() {
				if c.keep == nil || c.keep(w) {
					assert.True(t, c.whole.Has(w), "%s lacks %s of %s", c.whole.Name(), w, p.Name())
				}
			}
		}
	}
	assert.False(t, ChangeLabelWords.Has("多"), "多 alone is also a degree word: 诉求较多的单位")
	assert.False(t, ChangeLabelWords.Has("少"))
}

// The interpreter's and the checker's words for a rise and a fall were two
// lists; the checker's lacked 攀升, 涨幅 and 下跌 and read such a change by
// its sign alone. One list now serves both.
func TestDirection(t *testing.T) {
	for _, w := range IncreaseVerbs.Words() {
		assert.Equal(t, 1, Direction("同比"+w), w)
	}
	for _, w := range DecreaseVerbs.Words() {
		assert.Equal(t, -1, Direction("同比"+w), w)
	}
	assert.Equal(t, 1, Direction("同比攀升"))
	assert.Equal(t, 1, Direction("涨幅"))
	assert.Equal(t, -1, Direction("环比下跌"))
	assert.Equal(t, -1, Direction("减幅"), "减幅 is no 增幅")
	assert.Equal(t, -1, Direction("减少了"))
	assert.Equal(t, 0, Direction("满意率"))
	assert.Equal(t, 0, Direction("同比"))
}

// The two dispatch lists disagreed: the interpreter's took 转 and 派
// alone, the checker's did not and had 分派, 交由, 转承办, 下派, 转至.
// The merged list has every compound and not the single characters, which
// are in 转接 (a call passed to another hotline) and 派出所 (a unit).
func TestDispatchWords(t *testing.T) {
	for _, w := range []string{"转办", "分派", "交由", "转承办", "下派", "转至", "移交", "承办", "派单"} {
		assert.True(t, DispatchWords.In("本月"+w+"工单"), w)
	}
	for _, s := range []string{"转接110", "派出所", "受理诉求", "好转"} {
		assert.False(t, DispatchWords.In(s), s)
	}
}

func TestPartsCount(t *testing.T) {
	for _, w := range PartsCountWords.Words() {
		assert.Equal(t, 3, PartsCount("涉及三"+w+"问题"), w)
		assert.Equal(t, 14, PartsCount("分为14"+w), w)
		assert.Equal(t, 0, PartsCount("涉及"+w+"问题"), "no number: %s", w)
	}
	for _, s := range []string{"三个月", "两次", "共受理300件", ""} {
		assert.Equal(t, 0, PartsCount(s), s)
	}
}

func TestIsShareLabel(t *testing.T) {
	for _, w := range ShareLabels.Words() {
		assert.True(t, IsShareLabel(w), w)
		assert.True(t, IsShareLabel(" "+w+"\u3000"), w)
		assert.False(t, IsShareLabel("满意"+w), "the whole label: %s", w)
	}
	assert.False(t, IsShareLabel("占用"))
}

// The three readings of a group header that stands for the others were
// three lists: the interpreter's pattern (全市合计, 总体 …), the checker's
// list (with 小计, 总量 and a place alone, 全市), and the channel reader's
// (with 全渠道, 各渠道汇总). One pattern now serves all three.
func TestOverallPlaces(t *testing.T) {
	for _, w := range OverallPlaces.Words() {
		assert.True(t, IsOverallGroup(w), w)
		assert.True(t, IsOverallGroup(w+"合计"), w)
		assert.False(t, IsOverallGroup(w+"各"), w)
		assert.False(t, IsOverallGroup("城区"+w), w)
	}
	for _, w := range []string{"小计", "总量", "全渠道", "各渠道汇总", "全市合计", "整体"} {
		assert.True(t, IsOverallGroup(w), w)
	}
	for _, w := range []string{"城区", "全", "合计数", "本区"} {
		assert.False(t, IsOverallGroup(w), w)
	}
}

// In agrees with a search for each word, on text with invalid UTF-8 too.
func TestInAgreesWithContains(t *testing.T) {
	texts := []string{"", "比上年同期减少512件", "\xe5比上", "\xe5\xb9比上", "同\xff比", "受理诉求", "abc:", "共受理", "网上信箱",
		"其中电话诉求2364件，网民诉求296件，同比增长12.5%。"}
	for _, l := range Lists() {
		for _, s := range texts {
			want := false
			for _, w := range l.Words() {
				want = want || strings.Contains(s, w)
			}
			assert.Equal(t, want, l.In(s), "%s in %q", l.Name(), s)
		}
		for _, w := range l.Words() {
			for _, s := range []string{w, "\xe5" + w, w + "\xe5", "甲" + w + "乙"} {
				assert.True(t, l.In(s), "%s in %q", l.Name(), s)
			}
		}
	}
}

// Every small numeral reads as its value wherever a pattern takes one.
func TestEverySmallNumeral(t *testing.T) {
	for _, r := range CountNumerals {
		n, ok := Number(string(r))
		require.True(t, ok, string(r))
		got, _, ok := TopN("排名前"+string(r)+"名的单位", false)
		assert.True(t, ok, string(r))
		assert.Equal(t, n, got, string(r))
		assert.Equal(t, n, PartsCount("涉及"+string(r)+"个方面"), string(r))
	}
	for _, r := range OrdinalNumerals {
		n, _ := Number(string(r))
		_, month, _, ok := LeadingMonth(string(r) + "月份各单位办理情况")
		assert.True(t, ok, string(r))
		assert.Equal(t, n, month, string(r))
		m := CaptionLabel.FindStringSubmatch("附件" + string(r) + "：各单位办理情况")
		assert.Equal(t, "附件"+string(r), m[1], string(r))
	}
	assert.NotContains(t, OrdinalNumerals, "两", "两 numbers no heading")
	for _, r := range DigitNumerals {
		_, ok := CNDigits[r]
		assert.True(t, ok, string(r))
	}
	_, _, ok := TopN("排名前几名", false)
	assert.False(t, ok)
}
