package vocab

import "github.com/hotline12345/bulletin/internal/lazyregexp"

// The leads of lists of units in the prose: 办理情况较好的单位是…,
// 有待改进提高的单位有…, 得分前三名的镇街依次为….

var (
	// PraiseWords mark a list of units doing well.
	PraiseWords = newList("praise words", "较好", "最好", "良好", "优秀", "突出", "较快", "先进", "表现好", "靠前", "前列",
		"红榜", "表扬", "点赞", "满意度高", "较高", "最高", "领先")
	// CriticWords mark a list of units to improve.
	CriticWords = newList("critic words", "有待改进", "有待提高", "有待改进提高", "需要改进", "需改进", "较差", "较低",
		"靠后", "后列", "滞后", "不力", "黑榜", "通报批评", "约谈", "整改", "排名落后", "末位", "最低", "偏低")
	// RankWords mark a top-N or bottom-N list (排名前三的单位是); the
	// pattern adds the number and 名/位.
	RankWords = newList("rank words", "前", "后", "末")
	// RankPlaces count places in a rank list: 前三名, 后5位, 前十家.
	RankPlaces = newList("rank places", "名", "位", "个", "家")
	// TieWords mark a place shared with another unit: 5（并列）, 并列第5名.
	TieWords = newList("tie words", "并列")
	// PartialListWords in a table's title say it lists only some units:
	// 诉求较多的单位, 排名靠后, 重点.
	PartialListWords = newList("partial list words", "排名前", "排名后", "排名靠", "较多", "较少", "最多", "最少", "重点", "典型")
	// ListVerbs end a lead before its list: 是, 为, 有, 分别是, 依次为, ：.
	ListVerbs = newList("list verbs", "分别是", "分别为", "依次为", "依次是", "包括", "有", "是", "为", ":")
)

// topN matches the N of a 前三名 / 后5位 / 排名前十 list.
var topN = lazyregexp.New(RankWords.Pattern() + `\s*([0-9]+|[一二两三四五六七八九十]+)\s*` + RankPlaces.Pattern() + `?`)

// TopN reads the size of a top-N or bottom-N list named in s (前三名 3,
// 后5位 5), with the text that names it. A size needs its place word
// (名, 位 …) unless placesOptional.
func TopN(s string, placesOptional bool) (n int, text string, ok bool) {
	if !RankWords.In(s) {
		return 0, "", false
	}
	for _, m := range topN.FindAllStringSubmatchIndex(s, -1) {
		if !placesOptional && !RankPlaces.In(s[m[3]:m[1]]) {
			continue
		}
		if n, ok := Number(s[m[2]:m[3]]); ok && n > 0 {
			return n, s[m[0]:m[1]], true
		}
	}
	return 0, "", false
}

// IsPartialList reports whether a table's title says it lists only some
// units: a top or bottom N, the units with most complaints.
func IsPartialList(title string) bool {
	if _, _, ok := TopN(title, true); ok {
		return true
	}
	return PartialListWords.In(title)
}

var (
	// ContextLeads are dropped from the front of the phrase that gives a
	// mention its role: 其中…较好的单位, 总体来看….
	ContextLeads = newList("context leads", "其中", "另外", "此外", "同时", "总体上看", "总体来看")
	// SentenceWords make a clause a sentence, not the name of a unit: a
	// list of units ends where one holds them (…，存在的问题是…).
	SentenceWords = newList("sentence words", "是", "的", "在", "要", "对", "将", "了", "把", "被", "从", "向", "存在", "问题", "情况", "工作")
)
