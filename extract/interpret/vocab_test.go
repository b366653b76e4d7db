package interpret

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Every word of every vocabulary list does its work in the interpreter:
// each list has a test that builds prose around each of its words and
// checks what is read. Lists whose work is in the vocab package itself
// (numerals, counting-word classes, channels, kinds of units, the unit
// matcher, rank sizes) or in the checker are tested there.

// testedInVocab are the lists whose every word is tested by
// internal/vocab's own tests (the office kinds and town offices also by
// internal/unitlink's, where they do their work).
var testedInVocab = []string{"item counters", "people counters", "entity counters", "admin prefixes",
	"place suffixes", "direct-department words", "town words", "county words", "department words",
	"partial list words", "office kinds", "town offices", "words containing 共 that mark no total", "subtotal words"}

// testedInChecker are the lists only the checker reads, whose every word
// is tested by validate's TestEveryCheckerVocabularyWord.
var testedInChecker = []string{"change comparisons", "change label words", "residual words", "sum markers",
	"parts count words", "subset words", "unit terms", "unit count markers", "generic unit names", "share labels",
	"count header endings", "measure header marks", "overdue header words", "per-item words"}

// wordTests holds, per list, a test of one of its words.
var wordTests = map[string]func(t *testing.T, w string){
	"online channel words": func(t *testing.T, w string) { assertTitleChannel(t, w, model.ChannelOnline) },
	"mail channel words":   func(t *testing.T, w string) { assertTitleChannel(t, w, model.ChannelMail) },
	"phone channel words":  func(t *testing.T, w string) { assertTitleChannel(t, w, model.ChannelPhone) },
	"hotline words": func(t *testing.T, w string) {
		assertTitleChannel(t, "12345"+w, "")
		tb := model.Table{Columns: []model.Column{col("", model.Unit), col("12345"+w, model.Handled), col("网民留言", model.Handled)}}
		setChannels(&tb)
		assert.Equal(t, model.ChannelPhone, tb.Columns[1].Channel, "the hotline against an online group")
	},
	"overall group words": func(t *testing.T, w string) {
		tb := model.Table{Columns: []model.Column{col("", model.Unit), col("电话诉求", model.Handled), col("网民诉求", model.Handled), col(w, model.Handled)}}
		setChannels(&tb)
		assert.Equal(t, model.ChannelAll, tb.Columns[3].Channel)
	},
	"overall group leads": func(t *testing.T, w string) {
		tb := model.Table{Columns: []model.Column{col("", model.Unit), col("电话诉求", model.Handled), col("来信", model.Handled), col(w+"合计", model.Handled)}}
		setChannels(&tb)
		assert.Equal(t, model.ChannelAll, tb.Columns[3].Channel)
	},
	"overall places": func(t *testing.T, w string) {
		tb := model.Table{Columns: []model.Column{col("", model.Unit), col("电话诉求", model.Handled), col("网民诉求", model.Handled), col(w, model.Handled)}}
		setChannels(&tb)
		assert.Equal(t, model.ChannelAll, tb.Columns[3].Channel)
	},
	"counters": func(t *testing.T, w string) {
		want := w
		if w == "件(次)" {
			want = "件（次）"
		}
		assertFigures(t, []string{"0 count 受理诉求 12" + want + " ^-1"}, "受理诉求12"+w+"。")
	},
	"magnitudes": func(t *testing.T, w string) {
		f := readProse("共受理诉求1.5" + w + "件。").Figures
		require.Len(t, f, 1)
		assert.Equal(t, 1.5*vocab.MagnitudeOf(w), f[0].Value)
		assert.Equal(t, w+"件", f[0].PrintedUnit)
	},
	"unit kinds": func(t *testing.T, w string) {
		assertMentions(t, []string{"praised 甲水务公司", "praised 乙街道"}, "本月办理情况较好的"+w+"是甲水务公司、乙街道。")
	},
	"praise words": func(t *testing.T, w string) {
		assertMentions(t, []string{"praised 甲水务公司", "praised 乙街道"}, "本月工单办理"+w+"的单位是甲水务公司、乙街道。")
	},
	"critic words": func(t *testing.T, w string) {
		assertMentions(t, []string{"criticised 甲水务公司", "criticised 乙街道"}, "本月工单办理"+w+"的单位是甲水务公司、乙街道。")
	},
	"rank words": func(t *testing.T, w string) {
		assertMentions(t, []string{"ranked 甲水务公司", "ranked 乙街道"}, "本月受理量排名"+w+"2名的单位是甲水务公司、乙街道。")
	},
	"rank places": func(t *testing.T, w string) {
		assertMentions(t, []string{"ranked 甲水务公司", "ranked 乙街道"}, "本月受理量排名前2"+w+"的单位是甲水务公司、乙街道。")
	},
	"list verbs": func(t *testing.T, w string) {
		assertMentions(t, []string{"praised 甲水务公司", "praised 乙街道"}, "本月办理情况较好的单位"+w+"甲水务公司、乙街道。")
		// A paragraph that breaks off after the verb runs on into the next.
		b := readProse("本月办理情况较好的单位"+w, "甲水务公司、乙街道。")
		assert.Len(t, b.Mentions, 2, "run on after %s", w)
	},
	"total markers": func(t *testing.T, w string) {
		// A marked count opens a statement: it is no part of the list.
		assertFigures(t, []string{"0 count 受理诉求 900件 ^-1", "1 count 来电 500件 ^0 L1", "2 count 网络 400件 ^-1"},
			"本月受理诉求900件，其中来电500件，网络"+w+"400件。")
	},
	"part markers": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 900件 ^-1", "1 count 来电 500件 ^0 L1"}, "本月受理诉求900件。"+w+"来电500件。")
	},
	"include markers": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 800件 ^-1", "1 count 城建类 300件 ^0 L1", "2 count 供水 120件 ^1 L2", "3 count 供电 180件 ^1 L2"},
			"共受理诉求800件，其中城建类300件。城建类"+w+"供水120件、供电180件。")
	},
	"respectively markers": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 电话 600件 ^-1", "1 count 网络 400件 ^-1"}, "电话、网络"+w+"为600件、400件。")
	},
	"add-on markers": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 2000件 ^-1", "1 count 来电 1500件 ^0 L1", "2 count 重复诉求 100件 ^-1", "3 count 已合并 60件 ^2 L2"},
			"本月受理诉求2000件，其中来电1500件。"+w+"重复诉求100件，其中已合并60件。")
	},
	"average words": func(t *testing.T, w string) {
		f := readProse("本周共受理诉求455件，" + w + "受理65件，其中夜间诉求84件。").Figures
		require.Len(t, f, 3)
		assert.Equal(t, model.Average, f[1].Kind)
		assert.Equal(t, 0, f[2].Parent)
	},
	"increase verbs": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 change 同比" + w + " 5% ^0 cmp=同比"}, "受理诉求1000件，同比"+w+"5%。")
	},
	"decrease verbs": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 change 同比" + w + " -5% ^0 cmp=同比"}, "受理诉求1000件，同比"+w+"5%。")
	},
	"relative change nouns": func(t *testing.T, w string) {
		f := readProse("受理诉求1000件，" + w + "5%。").Figures
		require.Len(t, f, 2)
		assert.Equal(t, model.Change, f[1].Kind)
		assert.Equal(t, 0, f[1].Parent)
		if vocab.DecreaseVerbs.In(w) {
			assert.Equal(t, -5.0, f[1].Value)
		} else {
			assert.Equal(t, 5.0, f[1].Value)
		}
	},
	"compare words": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 change " + w + "增加 50件 ^0 cmp=" + w}, "受理诉求1000件，"+w+"增加50件。")
	},
	"compare prepositions": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 change " + w + "上月增加 50件 ^0 cmp=" + w + "上月"}, "受理诉求1000件，"+w+"上月增加50件。")
	},
	"compare closers": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 change 与上年同期" + w + "增加 50件 ^0 cmp=与上年同期"},
			"受理诉求1000件，与上年同期"+w+"增加50件。")
	},
	"words containing 比, 与 or 较 that compare nothing": func(t *testing.T, w string) {
		f := readProse("受理诉求1000件，" + w + "增加50件。").Figures
		require.Len(t, f, 2)
		assert.Equal(t, model.Count, f[1].Kind, "no comparison, no change")
	},
	"share words": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 count 来电 600件 ^0 L1 占60%"}, "共受理诉求1000件，其中来电600件，"+w+"60%。")
	},
	"whole words": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 count 城区诉求 300件 ^0 L1 占30%"}, "本月共受理诉求1000件。城区诉求300件，占"+w+"的30%。")
	},
	"base markers": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 2600件 ^-1", "1 count 办结 2580件 ^0 L1", "2 count 满意 2400件 ^0 L2", "3 rate 满意率 93.02% ^1 num=2"},
			"共受理诉求2600件，办结2580件，满意2400件，满意率93.02%（以办结数"+w+"）。")
	},
	"rate suffixes": func(t *testing.T, w string) {
		label := "群众满意" + w
		if strings.HasPrefix(w, "满意") {
			label = "群众" + w
		}
		f := readProse(label + "95%。").Figures
		require.Len(t, f, 1)
		assert.Equal(t, model.RateFigure, f[0].Kind)
		assert.Equal(t, "群众满意", rateStem(label))
	},
	"outcome verbs": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 交办工单 700件 ^-1", "1 count " + w + " 600件 ^0 L1"}, "交办工单700件，"+w+"600件。")
	},
	"disposition adverbs": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 700件 ^-1", "1 count " + w + "办结 300件 ^0 L1", "2 count 转办 400件 ^0 L1"},
			"共受理诉求700件，其中"+w+"办结300件，转办400件。")
	},
	"survey bases": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count " + w + "工单 500件 ^-1", "1 count 满意 480件 ^0 L1", "2 rate 满意率 96% ^0 num=1"},
			w+"工单500件，满意480件，满意率96%。")
	},
	"survey outcomes": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 交办工单 900件 ^-1", "1 count 回访 500件 ^0 L1", "2 count " + w + " 480件 ^1 L2"},
			"交办工单900件，回访500件，"+w+"480件。")
	},
	"dimension openers": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 2100件 ^-1", "1 count 来电 1500件 ^0 L1", "2 count 网络 600件 ^0 L1"},
			"本月受理诉求2100件。"+w+"渠道看，来电1500件，网络600件。")
	},
	"dimension closers": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 2100件 ^-1", "1 count 来电 1500件 ^0 L1", "2 count 网络 600件 ^0 L1"},
			"本月受理诉求2100件。按渠道"+w+"，来电1500件，网络600件。")
	},
	"topic suffixes": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 count 转办承办单位 600件 ^0 L1", "2 count 城区 400件 ^1 L2", "3 count 郊区 200件 ^1 L2"},
			"共受理诉求1000件，其中转办承办单位600件。转办工单"+w+"，城区400件、郊区200件。")
	},
	"label leads": func(t *testing.T, w string) {
		f := readProse(w + "受理诉求100件。").Figures
		require.Len(t, f, 1, w)
		assert.Equal(t, "受理诉求", f[0].Label, w)
	},
	"label tails": func(t *testing.T, w string) {
		f := readProse("受理诉求" + w + "100件。").Figures
		require.Len(t, f, 1, w)
		assert.Equal(t, "受理诉求", f[0].Label, w)
	},
	"count nouns": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count " + w + " 321 ^-1", "1 count 来电 200件 ^0 L1"}, "本月"+w+" 321，其中来电200件。")
	},
	"dispatch words": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 3000件 ^-1", "1 count 直接答复 1200件 ^0 L1", "2 count " + w + " 1800件 ^0 L1", "3 count 按时办结 1750件 ^2 L2"},
			"本月受理诉求3000件，其中直接答复1200件，"+w+"1800件，按时办结1750件。")
	},
	"generic nouns": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 count 转办承办单位 600件 ^0 L1", "2 count 城区 400件 ^1 L2", "3 count 郊区 200件 ^1 L2"},
			"共受理诉求1000件，其中转办承办单位600件。转办"+w+"中，城区400件、郊区200件。")
	},
	"threshold words": func(t *testing.T, w string) {
		assertFigures(t, []string{}, "对满意率"+w+"90%的单位进行约谈。")
	},
	"time units": func(t *testing.T, w string) {
		assertFigures(t, []string{}, "要求在5个"+w+"内完成整改。")
	},
	"count verbs": func(t *testing.T, w string) {
		at, v := lastVerb("转办工单" + w)
		assert.Equal(t, w, v)
		assert.Equal(t, len("转办工单"), at)
	},
	"title words": func(t *testing.T, w string) {
		assert.True(t, isTitle("某区12345热线诉求办理"+w), w)
	},
	"periodical words": func(t *testing.T, w string) {
		assert.True(t, isTitle("某区12345热线"+w), w)
		assert.False(t, isTitle("某区12345热线"+w+"（2024年第3期）"), "a periodical's bracketed line is its issue")
	},
	"strong title words": func(t *testing.T, w string) {
		b := readProse("某区12345热线工作简报", "2024年第5期（总第60期）", "关于4月份群众诉求办理"+w, "4月份共受理诉求300件。")
		assert.Equal(t, "关于4月份群众诉求办理"+w, b.Title)
		assert.True(t, isTitle("某区热线办理"+w+"（截至3月5日）"), "a title's bracketed part")
	},
	"office words": func(t *testing.T, w string) {
		name := "城关区政务服务" + w
		got, ok := office(name)
		assert.True(t, ok, name)
		assert.Equal(t, name, got)
		got, ok = office("城关区12345热线" + w)
		assert.True(t, ok, "digits in a name")
		assert.Equal(t, "城关区12345热线"+w, got)
	},
	"date labels": func(t *testing.T, w string) {
		d, ok := dateOnly(w + "2024年3月1日")
		assert.True(t, ok, w)
		assert.Equal(t, model.Date{Year: 2024, Month: 3, Day: 1}, d)
	},
	"issue number words": func(t *testing.T, w string) {
		assert.Equal(t, "城政数〔2024〕3"+w, findIssueNo("城政数〔2024〕3"+w))
	},
	"sending words": func(t *testing.T, w string) {
		paras := []string{"某县热线办理情况通报", "本月共受理诉求300件。", "某县政务服务中心", "请各单位认真整改。"}
		for i := 0; i < 12; i++ {
			paras = append(paras, w+"：某局。")
		}
		b := readProse(paras...)
		assert.Equal(t, "某县政务服务中心", b.Issuer, "%s lines are no signature's", w)
	},
	"since-year-start words": func(t *testing.T, w string) {
		b := readProse("某县12345热线"+w+"工单办理情况", "某县政务服务中心  2024年3月18日", "本月各单位认真办理群众诉求。")
		assert.Equal(t, model.Date{Year: 2024, Month: 1, Day: 1}, b.Period.Start, w)
		assert.Equal(t, model.Date{Year: 2024, Month: 3, Day: 18}, b.Period.End, w)
	},
	"up-to words": func(t *testing.T, w string) {
		p, ok := findPeriod(w+"8月20日，全县受理诉求", model.Date{Year: 2024, Month: 8, Day: 23})
		require.True(t, ok, w)
		assert.Equal(t, model.Date{Year: 2024, Month: 1, Day: 1}, p.Start)
		assert.Equal(t, model.Date{Year: 2024, Month: 8, Day: 20}, p.End)
		assert.Equal(t, w+"8月20日", p.Label)
	},
	"whole-year words": func(t *testing.T, w string) {
		p, ok := findPeriod("2019年"+w+"全区热线受理诉求", model.Date{})
		require.True(t, ok, w)
		assert.Equal(t, model.Date{Year: 2019, Month: 1, Day: 1}, p.Start)
		assert.Equal(t, model.Date{Year: 2019, Month: 12, Day: 31}, p.End)
	},
	"year report words": func(t *testing.T, w string) {
		p, ok, open := titleYearPeriod("2019年某县12345热线"+w, model.Date{})
		require.True(t, ok, w)
		assert.False(t, open)
		assert.Equal(t, model.Date{Year: 2019, Month: 1, Day: 1}, p.Start)
		assert.Equal(t, model.Date{Year: 2019, Month: 12, Day: 31}, p.End)
	},
	"meeting words": func(t *testing.T, w string) {
		_, ok := bodyPeriod([]textSpan{{text: "4月份，市热线中心" + w + "热线工作。"}}, model.Date{Year: 2024, Month: 5, Day: 1})
		assert.False(t, ok, "a sentence with %s and no figures names no period", w)
	},
	"defining verbs": func(t *testing.T, w string) {
		d, ok := definition("交办事项按时限办理回复、事项已办结的" + w + "优秀件")
		require.True(t, ok, w)
		assert.Equal(t, model.Excellent, d.Key)
		assert.Equal(t, []model.Key{model.OnTime, model.Closed}, d.Implies)
	},
	"on-time conditions":   conditionTest(model.OnTime),
	"satisfied conditions": conditionTest(model.Satisfied),
	"closed conditions":    conditionTest(model.Closed),
	"resolved conditions":  conditionTest(model.Resolved),
	"visited conditions":   conditionTest(model.Visited),
	"replied conditions":   conditionTest(model.Replied),
	"fillers": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 count 来电 600件 ^0 L1 占60%"}, "共受理诉求1000件，其中来电600件，占"+w+"60%。")
	},
	"name prepositions": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 count 转办承办单位 600件 ^0 L1", "2 count 城区 400件 ^1 L2", "3 count 郊区 200件 ^1 L2"},
			"共受理诉求1000件，其中转办承办单位600件。"+w+"转办工单中，城区400件、郊区200件。")
	},
	"verb-only labels": func(t *testing.T, w string) {
		f := readProse("本月" + w + "57家单位。").Figures
		require.Len(t, f, 1, w)
		assert.Equal(t, "单位", f[0].Label, "the noun after the number names what %s counts", w)
	},
	"conjunctions": func(t *testing.T, w string) {
		assertFigures(t, []string{"0 count 受理诉求 1000件 ^-1", "1 count 电话 600件 ^0 L1", "2 count 网络 400件 ^0 L1"},
			"本月受理诉求1000件，其中电话"+w+"网络分别为600件、400件。")
	},
	"numeral word endings": func(t *testing.T, w string) {
		assertFigures(t, []string{}, "各单位要抓好两个"+w+"的工作。")
	},
	"context leads": func(t *testing.T, w string) {
		b := readProse(w + "办理情况较好的单位是甲水务公司、乙街道。")
		require.Len(t, b.Mentions, 2, w)
		assert.Equal(t, "办理情况较好的单位", b.Mentions[0].Context)
	},
	"sentence words": func(t *testing.T, w string) {
		assertMentions(t, []string{"praised 甲水务公司"}, "办理情况较好的单位是甲水务公司、乙"+w+"丙。")
	},
	"negations": func(t *testing.T, w string) {
		// The checker reads complements (validate's tests); here the
		// interpreter keeps them apart from the rate's own count.
		f := readProse("回访工单400件，" + w + "满意20件，满意率95%。").Figures
		require.Len(t, f, 3)
		assert.Nil(t, f[2].Numerator, "%s满意 is no numerator of 满意率", w)
	},
	"tie words": func(t *testing.T, w string) {
		for _, text := range []string{"5（" + w + "）", w + "第5名", w + "第5位", w + "5"} {
			n, ok := parseNumber(sharedPlace(text))
			require.True(t, ok, text)
			assert.Equal(t, 5.0, n.value, text)
		}
	},
	"generic count labels": func(t *testing.T, w string) {
		k, ok := groupMetric("按时办结", w)
		require.True(t, ok, w)
		assert.Equal(t, model.OnTime, k)
	},
	"generic rate labels": func(t *testing.T, w string) {
		k, ok := groupMetric("群众满意", w)
		require.True(t, ok, w)
		assert.Equal(t, model.SatisfactionRate, k)
	},
	"earlier periods": func(t *testing.T, w string) {
		f := readProse("满意率为97.2%，同比提升1.3个百分点（" + w + "为95.6%）。").Figures
		require.Len(t, f, 2, w)
		require.NotNil(t, f[1].Base, "the bracket after the change names its earlier rate")
		assert.Equal(t, 95.6, *f[1].Base)
	},
}

// conditionTest checks that a word of a condition puts an item in the
// count key: "交办事项<word>的为优秀件" implies key.
func conditionTest(key model.Key) func(t *testing.T, w string) {
	return func(t *testing.T, w string) {
		d, ok := definition("交办事项" + w + "的为优秀件")
		require.True(t, ok, w)
		assert.Equal(t, []model.Key{key}, d.Implies, w)
	}
}

func assertFigures(t *testing.T, want []string, paras ...string) {
	t.Helper()
	assert.Equal(t, want, tree(readProse(paras...).Figures), strings.Join(paras, "\n"))
}

func assertMentions(t *testing.T, want []string, paras ...string) {
	t.Helper()
	got := []string{}
	for _, m := range readProse(paras...).Mentions {
		got = append(got, m.Role+" "+m.Unit)
	}
	assert.Equal(t, want, got, strings.Join(paras, "\n"))
}

// assertTitleChannel reads the channel of a table titled with the word.
func assertTitleChannel(t *testing.T, w, want string) {
	t.Helper()
	tb := model.Table{Title: "3月份群众" + w + "诉求办理情况", Columns: []model.Column{col("", model.Unit), col("", model.Handled)}}
	setChannels(&tb)
	assert.Equal(t, want, tb.Channel, tb.Title)
	if want != "" {
		assert.Equal(t, w, tb.ChannelText)
	}
}

func TestEveryVocabularyWord(t *testing.T) {
	inVocab := map[string]bool{}
	for _, n := range testedInVocab {
		inVocab[n] = true
	}
	for _, n := range testedInChecker {
		inVocab[n] = true
	}
	for name, test := range headerWordTests() {
		wordTests[name] = test
	}
	for name, test := range tableWordTests {
		wordTests[name] = test
	}
	for name, test := range fieldWordTests {
		wordTests[name] = test
	}
	for _, l := range vocab.Lists() {
		test, ok := wordTests[l.Name()]
		if !ok {
			assert.True(t, inVocab[l.Name()], "list %q has no test of its words", l.Name())
			continue
		}
		for _, w := range l.Words() {
			t.Run(l.Name()+"/"+w, func(t *testing.T) { test(t, w) })
		}
	}
	names := map[string]bool{}
	for _, l := range vocab.Lists() {
		names[l.Name()] = true
	}
	for n := range wordTests {
		assert.True(t, names[n], "a test for %q, which is no list", n)
	}
	for _, n := range append(testedInVocab, testedInChecker...) {
		assert.True(t, names[n], "%q is no list", n)
	}
}

// Bulletin keeps positions for what it reads.
var _ = block.Paragraph{}

// tableWordTests test the words of tables besides their headers, each in a
// table of its own.
var tableWordTests = map[string]func(t *testing.T, w string){
	"total row words": func(t *testing.T, w string) {
		assertTotalRow(t, w, true)
		assertTotalRow(t, "全区"+w, true)
		assertTotalRow(t, w+"甲", false)
	},
	"total row leads": func(t *testing.T, w string) {
		assertTotalRow(t, w+"合计", true)
		assertTotalRow(t, w, true)
		assertTotalRow(t, w+"甲局", false)
	},
	"total row names": func(t *testing.T, w string) {
		assertTotalRow(t, w, true)
		assertTotalRow(t, "全区"+w, false)
	},
	"no-value words": func(t *testing.T, w string) {
		b := Bulletin(doc(tbl([]string{"单位", "办理数", "满意率"}, []string{"甲局", "3", w}, []string{"乙局", "4", "90%"})))
		require.Len(t, b.Tables, 1)
		c := b.Tables[0].Rows[0].Cells[model.SatisfactionRate]
		assert.Equal(t, w, c.Text)
		assert.Nil(t, c.Value, w)
		assert.Empty(t, b.Problems, w)
	},
	"note labels": func(t *testing.T, w string) {
		b := Bulletin(doc(tbl([]string{"单位", "办理数"}, []string{"甲局", "3"}), para(w+"：满意率＝满意数÷回访数。")))
		require.Len(t, b.Tables, 1)
		assert.NotEmpty(t, b.Tables[0].Notes, w)
		b = Bulletin(doc(tbl([]string{"单位", "办理数"}, []string{"甲局", "3"}), para(w+"明天召开会议。")))
		assert.Empty(t, b.Tables[0].Notes, "no colon, no note: %s", w)
	},
	"caption words": func(t *testing.T, w string) {
		b := Bulletin(doc(para(w+" 2：各单位办理情况"), tbl([]string{"单位", "办理数"}, []string{"甲局", "3"})))
		require.Len(t, b.Tables, 1)
		assert.Equal(t, w+"2", b.Tables[0].Label)
		assert.Equal(t, "各单位办理情况", b.Tables[0].Title)
	},
	"attachment words": func(t *testing.T, w string) {
		b := Bulletin(doc(para(w), para("各单位办理情况"), tbl([]string{"单位", "办理数"}, []string{"甲局", "3"})))
		require.Len(t, b.Tables, 1)
		assert.Equal(t, w, b.Tables[0].Label)
		assert.Equal(t, "各单位办理情况", b.Tables[0].Title)
	},
}

// assertTotalRow reads a table whose last row's unit cell is unit, and
// checks whether that row is read as the total row.
func assertTotalRow(t *testing.T, unit string, total bool) {
	t.Helper()
	b := Bulletin(doc(tbl([]string{"单位", "办理数"}, []string{"甲局", "3"}, []string{"乙局", "4"}, []string{unit, "7"})))
	require.Len(t, b.Tables, 1)
	require.Len(t, b.Tables[0].Rows, 3, unit)
	assert.Equal(t, total, b.Tables[0].Rows[2].Total, unit)
}

// periodMarkPhrases name a period with each period mark.
var periodMarkPhrases = map[string]string{
	"年":  "2019年，全区热线运行平稳。",
	"月":  "3月份全区共受理诉求300件。",
	"周":  "本简报统计2024年第28周诉求。",
	"季度": "第三季度各单位办理情况。",
}

func init() {
	wordTests["day marks"] = func(t *testing.T, w string) {
		d, _, ok := findDate("印发日期：2024年6月5" + w)
		assert.True(t, ok, w)
		assert.Equal(t, "2024-06-05", d.String(), w)
		p, ok := findPeriod("9月26"+w+"至10月25"+w+"全区诉求", model.Date{Year: 2024, Month: 11, Day: 1})
		assert.True(t, ok, w)
		assert.Equal(t, "2024-09-26..2024-10-25", p.Start.String()+".."+p.End.String(), w)
	}
	wordTests["range words"] = func(t *testing.T, w string) {
		p, ok := findPeriod("2024年9月26日"+w+"10月25日全区诉求", model.Date{})
		assert.True(t, ok, w)
		assert.Equal(t, "2024-09-26..2024-10-25", p.Start.String()+".."+p.End.String(), w)
		p, ok = findPeriod("2023年1"+w+"4月全区诉求", model.Date{})
		assert.True(t, ok, w)
		assert.Equal(t, "2023-01-01..2023-04-30", p.Start.String()+".."+p.End.String(), w)
	}
	wordTests["subject leads"] = func(t *testing.T, w string) {
		prose := para("3月份，全区共受理群众诉求1200件，按时办结率98.5%。")
		b := Bulletin(doc(para("城关区12345热线办"+w+"3月份诉求办理情况的通报"), prose))
		assert.Equal(t, "城关区12345热线办", b.Issuer, w)
		b = Bulletin(doc(para("城关区12345热线办3月份诉求办理情况的通报"), prose))
		assert.Equal(t, "", b.Issuer, "no subject lead, no issuer in the title")
	}
	wordTests["definition tails"] = func(t *testing.T, w string) {
		d, ok := definition("交办事项按时办结的为优秀" + w)
		require.True(t, ok, w)
		assert.Equal(t, model.Excellent, d.Key, w)
		assert.Equal(t, []model.Key{model.OnTime}, d.Implies, w)
	}
	wordTests["condition joiners"] = func(t *testing.T, w string) {
		d, ok := definition("交办事项按时办结" + w + "群众满意的为优秀件")
		require.True(t, ok, w)
		assert.Equal(t, []model.Key{model.OnTime, model.Satisfied}, d.Implies, w)
	}
	wordTests["condition ends"] = func(t *testing.T, w string) {
		d, ok := definition("交办事项按时办结" + w + "为优秀件")
		require.True(t, ok, w)
		assert.Equal(t, model.Excellent, d.Key, w)
		assert.Equal(t, []model.Key{model.OnTime}, d.Implies, w)
	}
	wordTests["mention value units"] = func(t *testing.T, w string) {
		assertMentionValues(t, "办理情况较好的单位是甲水务公司（35"+w+"）、乙街道（12"+w+"）。", w)
	}
	wordTests["bare mention value units"] = func(t *testing.T, w string) {
		// The pattern that reads a value off a unit's name: without
		// brackets, only these units.
		name := "甲水务公司35" + w
		m := findFolded(mentionValue, name)
		require.NotNil(t, m, name)
		assert.Equal(t, []string{"35", w}, []string{name[m[6]:m[7]], name[m[8]:m[9]]}, name)
		assert.Nil(t, findFolded(mentionValue, "甲水务公司35"+w+"长"), "the unit ends the name")
	}
	wordTests["period marks"] = func(t *testing.T, w string) {
		s, ok := periodMarkPhrases[w]
		require.True(t, ok, "no phrase for %s", w)
		_, ok = findPeriod(s, d(2024, 8, 1))
		assert.True(t, ok, s)
	}
}

// A prefilter admits every text its pattern can match: each match of a
// period pattern holds a period mark, each full date the year mark, each
// issue number an issue number word, on text printed in any of the ways
// bulletins print it (full-width, traditional characters).
func TestPrefiltersAdmitEveryMatch(t *testing.T) {
	texts := []string{
		"2023年4月27日", "二〇二四年一月十日", "4月27日", "2019年9月26日-2019年10月25日", "7月8日0时—7月14日24时",
		"9月26日至10月25日", "2024年第28周", "第28週", "2023年1-4月", "1月份至4月份", "１—４月", "第三季度", "2023年第3季度",
		"一季度", "上半年", "2023年下半年", "2023年3月份", "３月", "十二月", "2019年度", "2019年全年", "2019年，",
		"截至8月20日", "截止2024年3月15日", "2023年第5期（总第74期）", "第９期", "〔2020〕第9期", "城政数〔2024〕3號",
		"本月共受理诉求300件，同比增长5%。", "按时办结率98.2%", "满意度95分", "提升3.67个百分点", "下降0.5百分点", "百分之九十五点五",
		"占６３．７２％", "百分之百",
	}
	periodPats := []*lazyregexp.Regexp{datePat, rangePat, weekPat, monthRangePat, quarterPat, halfPat, monthPat, yearOnlyPat, upToPat}
	for _, s := range texts {
		f := fold(s)
		for _, re := range periodPats {
			for _, m := range re.FindAllString(f, -1) {
				assert.True(t, vocab.PeriodMarks.In(m), "%s matches %q in %q", re, m, s)
			}
		}
		for _, m := range datePat.FindAllStringSubmatch(f, -1) {
			if m[1] != "" {
				assert.Contains(t, m[0], vocab.YearMark, s)
			}
		}
		for _, m := range pointsPat.FindAllString(f, -1) {
			assert.Contains(t, m, vocab.PointsWord, s)
		}
		for _, m := range percentPat.FindAllString(f, -1) {
			assert.True(t, strings.Contains(m, unitPercent) || strings.Contains(m, vocab.PercentWord), "%q in %q", m, s)
		}
		for _, m := range issueNoPat.FindAllString(f, -1) {
			assert.True(t, vocab.IssueNumberWords.In(m), "%q in %q", m, s)
		}
	}
	// The prefilters' words are Chinese characters only, which no width
	// form folds into (hasFolded folds only traditional text).
	for _, l := range []*vocab.List{vocab.PeriodMarks, vocab.IssueNumberWords} {
		for _, w := range l.Words() {
			for _, r := range w {
				assert.True(t, unicode.Is(unicode.Han, r), "%s: %s", l.Name(), w)
			}
		}
	}
	// The prefilters see folded text: a traditional 週 or 號 is let
	// through.
	_, ok := findPeriod("2024年第28週", model.Date{})
	assert.True(t, ok)
	assert.Equal(t, "城政数〔2024〕3號", findIssueNo("城政数〔2024〕3號"))
}

// The numerals of headings and of years, each where its pattern takes it.
func TestEveryHeadingAndYearNumeral(t *testing.T) {
	for _, r := range vocab.OrdinalNumerals {
		assert.True(t, matchFolded(headingNumber, string(r)+"、总体情况"), string(r))
		assert.True(t, matchFolded(headingNumber, "（"+string(r)+"）主要问题"), string(r))
	}
	assert.False(t, matchFolded(headingNumber, "两、总体情况"), "两 numbers no heading")
	for _, r := range vocab.DigitNumerals {
		s := "二〇" + string(r) + string(r) + "年度全区热线运行情况"
		assert.True(t, yearOnlyPat.MatchString(s), s)
	}
	assert.False(t, yearOnlyPat.MatchString("二〇一年度"), "a year of three numerals")
}

// assertMentionValues reads two praised units with the values 35 and 12
// printed in brackets after their names in the unit w.
func assertMentionValues(t *testing.T, text, w string) {
	t.Helper()
	ms := readProse(text).Mentions
	require.Len(t, ms, 2, text)
	for i, want := range []struct {
		unit  string
		value float64
	}{{"甲水务公司", 35}, {"乙街道", 12}} {
		assert.Equal(t, want.unit, ms[i].Unit, text)
		require.NotNil(t, ms[i].Value, text)
		assert.Equal(t, want.value, *ms[i].Value, text)
		assert.Equal(t, w, ms[i].ValueUnit, text)
	}
}
