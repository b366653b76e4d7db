package vocab

// The phrases of bulletin prose that state figures: totals and their
// parts, shares, rates, changes against an earlier period, averages.
//
//	2023年3月份，区热线共受理各类诉求2660件，同比增加181件，增幅7.3%。其中，
//	电话诉求2364件，占88.87%；网民诉求296件。转办工单按时办结1806件，按时办结率98.2%。

var (
	// TotalMarkers open a statement of a total: 共受理…, 合计…, 累计….
	TotalMarkers = newList("total markers", "共计", "合计", "总计", "累计", "一共", "总共", "共有", "共")
	// NotTotalMarkers are words that contain a total marker without being
	// one: 公共服务类 is a category, 共同 an adverb.
	NotTotalMarkers = newList("words containing 共 that mark no total", "公共", "共同", "共享", "共建", "共治", "共性", "共识", "共青团", "中共")

	// PartMarkers open the parts of the statement before them: 其中….
	PartMarkers = newList("part markers", "其中")
	// IncludeMarkers open a list of parts of the figure or topic before
	// them: 转办工单包括…, 含….
	IncludeMarkers = newList("include markers", "包括", "包含", "含")
	// RespectivelyMarkers pair a list of names with a list of values:
	// 电话、网络分别为2364件、296件.
	RespectivelyMarkers = newList("respectively markers", "分别", "依次")
	// AddOnMarkers open a statement beside the one before, not a part of it:
	// 另有175件…, 此外….
	AddOnMarkers = newList("add-on markers", "另有", "另外", "此外", "另", "还有")
	// AverageWords make a count an average, never a part or a whole:
	// 日均受理120件.
	AverageWords = newList("average words", "日均", "月均", "周均", "平均", "人均", "均")

	// IncreaseVerbs state a rise against an earlier period.
	IncreaseVerbs = newList("increase verbs", "增加", "增长", "上升", "提升", "提高", "上涨", "攀升", "增多", "增幅", "涨幅", "多")
	// DecreaseVerbs state a fall against an earlier period.
	DecreaseVerbs = newList("decrease verbs", "减少", "下降", "降低", "回落", "下滑", "下跌", "减幅", "降幅", "少")
	// RelativeChangeNouns name a relative change without a comparison
	// word: 增幅11.2%.
	RelativeChangeNouns = newList("relative change nouns", "增幅", "涨幅", "降幅", "减幅", "增长率", "下降率")
	// CompareWords name the period a change is against, by themselves:
	// 同比, 环比.
	CompareWords = newList("compare words", "同比", "环比")
	// ComparePrepositions open a comparison with a named period:
	// 较上月, 比上年同期, 与去年同期相比.
	ComparePrepositions = newList("compare prepositions", "较", "比", "与")
	// CompareClosers end a comparison opened by a preposition: 与去年同期
	// 相比.
	CompareClosers = newList("compare closers", "相比")
	// NotCompareWords contain a comparison preposition without being one:
	// 占比, 比例, 比重, and 较 as a degree adverb (诉求量较多的单位, 办理
	// 情况较好的单位), which names no period.
	NotCompareWords = newList("words containing 比, 与 or 较 that compare nothing", "占比", "比例", "比重", "比率", "对比", "相比较", "相比", "参与", "与会",
		"较多", "较少", "较好", "较差", "较高", "较低", "较大", "较小", "较快", "较慢", "较为", "较长", "较短", "较重", "较强", "较弱", "较集中", "较突出")

	// ShareWords introduce the share a count takes of a whole: 占63.72%,
	// 约占受理总量的54.5%, 占比32.4%.
	ShareWords = newList("share words", "占比", "所占比例", "占", "比重为", "比例为", "比重", "比例")
	// WholeWords name the bulletin's main total as the base of a share:
	// 占受理总量的, 约占全部诉求的.
	WholeWords = newList("whole words", "受理总量", "诉求总量", "工单总量", "来电总量", "总受理量", "受理量", "总量", "总数",
		"全部诉求", "全部工单", "全部来电", "所有诉求", "全部")
	// BaseMarkers name a rate's base after it: 满意率94%（以办结数为基数）.
	BaseMarkers = newList("base markers", "为基数", "为基础", "为分母")

	// RateSuffixes end the name of a rate: 满意率, 满意度, 满意占比.
	RateSuffixes = newList("rate suffixes", "率", "满意度", "占比", "比例")

	// OutcomeVerbs state what became of items: a count of them is a subset
	// of the whole it is about, never one of a list of disjoint parts
	// (办结 and 满意 overlap).
	OutcomeVerbs = newList("outcome verbs", "办结", "已办结", "按时办结", "按期办结", "超期办结", "超时办结", "未办结",
		"及时办结", "办理中", "在办", "退回", "回访", "满意", "不满意", "基本满意", "非常满意", "回复", "答复", "解决",
		"已解决", "未解决", "超期", "逾期", "结案", "评价", "测评")
	// DispositionAdverbs before an outcome verb make the count a way items
	// were handled, one of disjoint parts: 直接答复, 即时办结.
	DispositionAdverbs = newList("disposition adverbs", "直接", "即时", "当场", "现场", "当即", "自行", "立即")
	// SurveyBases count the items whose callers were asked: satisfaction
	// is measured over them.
	SurveyBases = newList("survey bases", "回访", "测评", "评价", "调查")
	// SurveyOutcomes are the answers of the callers asked.
	SurveyOutcomes = newList("survey outcomes", "满意", "不满意", "基本满意", "非常满意")
	// Negations turn a rate's stem into its complement: 不满意 for 满意.
	Negations = newList("negations", "不", "未", "非")

	// DimensionOpeners and DimensionClosers frame a clause that opens a
	// new breakdown of the main total: 按诉求类型分, 从诉求内容看.
	DimensionOpeners = newList("dimension openers", "按照", "按", "从", "分")
	DimensionClosers = newList("dimension closers", "来看", "看", "分", "划分", "统计", "分类")
	// TopicSuffixes end a clause that names an earlier figure whose
	// breakdown follows: 转派工单中，….
	TopicSuffixes = newList("topic suffixes", "中")

	// LabelLeads are connectors and time words dropped from the front of a
	// label.
	LabelLeads = newList("label leads", append(TotalMarkers.Words(), "其中", "另外", "此外", "同时",
		"达到", "为", "是", "约", "近", "超过", "分别为", "分别是", "分别", "依次为", "包括", "含",
		"本周", "本月", "本季度", "本期", "当月", "当周", "全年", "今年", "本年度", "本年", "全月", "全季度", "全周", "另有", "另", "还有")...)
	// LabelTails are connectors dropped from the end of a label.
	LabelTails = newList("label tails", "为", "达到", "达", "是", "约", "近", "了", "已达", "已", "计", "共")
	// CountNouns end a label that a bare number may follow without a
	// counting word: 受理工单 418，其中….
	CountNouns = newList("count nouns", "工单", "诉求", "来电", "来信", "事项", "案件", "件数", "总量", "数量", "受理量",
		"办理量", "工单量", "诉求量", "来电量", "总数")
	// DispatchWords name items passed on to the units that handle them:
	// 转办, 派转, 交办. Outcomes after such a part are counted of it, and
	// the units' tables count it. 转 and 派 alone are no such words: 转接
	// passes a call to another hotline, 派出所 is a unit.
	DispatchWords = newList("dispatch words", "转办", "转派", "派转", "派发", "交办", "转交", "移交", "派遣", "承办",
		"分派", "交由", "转承办", "下派", "转至", "派单", "转单")
	// GenericNouns end a name without telling what it counts: 转办工单 and
	// 转办 name the same figure.
	GenericNouns = newList("generic nouns", "群众诉求", "工单", "诉求", "事项", "案件", "群众", "件数", "总数", "总量", "件", "数", "量", "问题")
	// ThresholdWords before a percentage make it a threshold, not a
	// figure: 对按时办结率低于90%的单位.
	ThresholdWords = newList("threshold words", "不低于", "不高于", "低于", "高于", "不足", "小于", "大于", "超过", "未达到", "达不到", "≥", "≤", "<", ">")
	// TimeUnits after a counting word make it a span of time, not a count:
	// 3个月, 5个工作日, 2个小时.
	TimeUnits = newList("time units", "月", "年", "季", "周", "天", "日", "小时", "工作日", "分钟")
	// countVerbs are the verbs of counts that are no outcomes.
	countVerbs = []string{"受理", "接到", "接听", "收到", "办理", "交办", "转办", "派转", "转派", "派发",
		"派遣", "承办", "涉及", "直接答复", "直接办理", "即时办结"}
	// Verbs are the verbs between a count's subject and its number:
	// 转办工单按时办结1806件 is 转办工单 + 按时办结. They are the count
	// verbs and the outcome verbs.
	Verbs = newList("count verbs", append(countVerbs, OutcomeVerbs.Words()...)...)
)

// IsTotalMarkerAt reports whether the total marker w found at byte offset i
// of s is one, and not part of a word such as 公共 or 共同.
func IsTotalMarkerAt(s string, i int, w string) bool {
	for _, n := range NotTotalMarkers.words {
		// every start j at which n would cover s[i:i+len(w)]
		for j := max(0, i+len(w)-len(n)); j <= i && j+len(n) <= len(s); j++ {
			if s[j:j+len(n)] == n {
				return false
			}
		}
	}
	return true
}

var (
	// Fillers stand between a label and its number or percentage without
	// changing what it is: 约占, 为96.5%, 达到2000件.
	Fillers = newList("fillers", "约", "近", "达到", "达", "为", "到")
	// NamePrepositions lead a name that refers to an earlier figure:
	// 在转派工单中, 从全部诉求看.
	NamePrepositions = newList("name prepositions", "在", "从", "对", "全部", "所有")
	// VerbOnlyLabels are labels that are only a verb: the noun of the count
	// follows its number (涉及57家单位, 另有175件工单).
	VerbOnlyLabels = newList("verb-only labels", "涉及", "涉及到", "包括", "覆盖", "受理", "接到", "收到", "有", "另有", "还有")
	// Conjunctions join the items of a list of names: 电话、网络和微信.
	Conjunctions = newList("conjunctions", "、", "和", "及", "与")
	// NumeralWordEndings after a Chinese numeral make it part of a word,
	// not a count: 一次性, 两个月, 三方面.
	NumeralWordEndings = newList("numeral word endings", "性", "月", "年", "季", "周", "天", "日", "方面")
)
