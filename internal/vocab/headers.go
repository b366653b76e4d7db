package vocab

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/model"
)

// The headers of a bulletin's tables: every spelling of a metric seen in
// published bulletins, after normalisation (no white space, simplified
// characters, lower case, parenthesised units and thresholds removed), by
// the canonical key it means.

// HeaderNames are, per canonical key, the headers that name it: 办理数,
// 交办总量 and 工单总数 are all the handled count.
var HeaderNames = map[model.Key]*List{
	model.Unit: newList("header names of unit", "单位", "单位名称", "责任单位", "承办单位", "办理单位", "被考核单位", "考核单位", "部门", "部门名称",
		"单位部门", "承办部门", "责任部门", "名称", "单位名", "单位名单", "县区", "区县", "县市区", "县", "区", "乡镇", "镇街", "镇", "街道", "乡镇街道", "镇街道",
		"街道乡镇", "地区", "区域", "区直单位", "市直单位", "县直单位", "区直部门", "市直部门", "县直部门", "区直部门及公共服务单位", "市直部门及公共服务单位", "县直部门及公共服务单位",
		"公共服务单位", "企业", "被考核单位名称", "所属单位", "归属单位", "村", "社区", "村社区", "村居", "社区名称", "村名称"),
	model.Seq:  newList("header names of seq", "序号", "序", "编号", "no", "no."),
	model.Rank: newList("header names of rank", "排名", "名次", "排序", "综合排名", "总排名", "得分排名", "位次"),
	model.Score: newList("header names of score", "得分", "总分", "综合得分", "总得分", "分数", "考核得分", "综合评分", "评分", "考核分数", "综合分",
		"最终得分", "合计得分"),
	model.Handled: newList("header names of handled", "办理数", "办理量", "办理件数", "办理总数", "办理总量", "交办数", "交办量", "交办件数", "交办总量",
		"交办总数", "交办工单", "交办工单数", "交办工单量", "总工单数", "工单总数", "工单数", "工单量", "工单总量", "办件数", "办件数量", "办件量", "受理数", "受理量", "受理件数",
		"受理案件数", "受理总量", "受理总数", "承办数", "承办件数", "承办量", "派遣案件总数", "派遣案件数", "派件数", "派单数", "派单量", "转派工单", "转派工单数", "转派数",
		"转办数", "转办件数", "转办量", "转办工单", "转办工单数", "转办工单量", "派发工单", "派发工单数", "派遣工单", "派遣工单数", "转派件数", "转派量", "诉求数", "诉求件数",
		"诉求量", "诉求总量", "件数", "数量", "总量", "总数", "交办件", "办件总量"),
	model.OnTime: newList("header names of on_time", "按时办结数", "按期办结数", "按时结案数", "按期结案数", "按时办结", "按期办结", "按时办结件数",
		"按期办结件数", "按时办结量", "及时办结数", "按时限办结数", "按时结案", "按期结案", "按时办理数", "按时办结件"),
	model.OnTimeRate: newList("header names of on_time_rate", "按时办结率", "按期办结率", "按时结案率", "按期结案率", "及时办结率", "按时限办结率",
		"按时率", "按时办理率", "按期率"),
	model.Satisfied:           newList("header names of satisfied", "满意数", "满意件数", "满意量", "满意", "满意件", "满意数量"),
	model.SatisfactionRate:    newList("header names of satisfaction_rate", "满意率", "满意占比", "满意度", "满意比例", "满意比率"),
	model.Dissatisfied:        newList("header names of dissatisfied", "不满意数", "不满意件数", "不满意", "不满意量", "不满意件"),
	model.DissatisfactionRate: newList("header names of dissatisfaction_rate", "不满意率", "不满意占比", "不满意比例"),
	model.Excellent:           newList("header names of excellent", "优秀数", "优秀件数", "优秀件", "优秀", "优秀量"),
	model.ExcellenceRate:      newList("header names of excellence_rate", "优秀率", "优秀占比"),
	model.Resolved:            newList("header names of resolved", "解决数", "解决件数", "已解决数", "已解决", "解决量", "解决"),
	model.ResolutionRate:      newList("header names of resolution_rate", "解决率", "已解决率"),
	model.Replied:             newList("header names of replied", "回复数", "回复件数", "答复数", "反馈数", "回复量", "回复", "已回复数"),
	model.ReplyRate:           newList("header names of reply_rate", "回复率", "答复率", "反馈率", "及时回复率", "回复及时率"),
	model.Visited:             newList("header names of visited", "回访数", "回访件数", "回访量", "已回访数", "回访", "回访总数", "抽查回访数"),
	model.VisitRate:           newList("header names of visit_rate", "回访率"),
	model.Closed: newList("header names of closed", "办结数", "办结件数", "已办结数", "办结量", "结案数", "已办结", "办结", "结案件数", "结案",
		"已结案数", "已办结件数"),
	model.ClosureRate: newList("header names of closure_rate", "办结率", "结案率", "已办结率"),
	model.Overdue: newList("header names of overdue", "超期数", "超时数", "超期件数", "超时件数", "超期", "超时", "超期办结", "超时办结", "逾期数",
		"逾期", "超期办结数", "超时办结数", "超期件"),
	model.OverdueRate: newList("header names of overdue_rate", "超期率", "超时率", "逾期率", "超期办结率", "超时办结率"),
	model.Open: newList("header names of open", "未办结", "未办结数", "在办", "在办数", "在办件数", "未结", "未结案", "未结数", "正在办理", "未办结件数",
		"办理中"),
}

// HeaderQualifiers are prefixes that do not change which metric a header
// means, by the metrics they go with: 群众满意率 is a satisfaction rate,
// but 群众优秀数 is no header anyone prints.
var HeaderQualifiers = map[string][]model.Key{
	"群众":  {model.Satisfied, model.SatisfactionRate, model.Dissatisfied, model.DissatisfactionRate},
	"市民":  {model.Satisfied, model.SatisfactionRate, model.Dissatisfied, model.DissatisfactionRate},
	"诉求人": {model.Satisfied, model.SatisfactionRate, model.Dissatisfied, model.DissatisfactionRate},
	"回访":  {model.Satisfied, model.SatisfactionRate, model.Dissatisfied, model.DissatisfactionRate},
	"综合":  {model.SatisfactionRate, model.Score, model.Rank},
	"实际":  {model.Resolved, model.ResolutionRate},
	"问题":  {model.Resolved, model.ResolutionRate},
	"诉求":  {model.Handled, model.Resolved, model.ResolutionRate},
	"工单":  {model.Handled, model.OnTime, model.OnTimeRate, model.Closed, model.ClosureRate},
	"热线":  {model.Handled},
	"总":   {model.Handled, model.Score, model.Rank},
	"按时":  {model.Replied, model.ReplyRate},
	"及时":  {model.Replied, model.ReplyRate},
}

var (
	// headerQualifiers lists the qualifiers, longest first, so that 诉求人
	// is tried before 诉求.
	headerQualifiers = newList("header qualifiers", qualifierWords()...)
	// HeaderCountedNouns may stand between a metric and its 数 or 量
	// without changing the metric: 按期办结工单数, 满意件数.
	HeaderCountedNouns = newList("header counted nouns", "工单", "件", "案件", "诉求")
	// HeaderBareCountedNouns may end a header in place of 数, and it
	// counts what X数 counts: 受理工单 as 受理数, 满意案件 as 满意数.
	HeaderBareCountedNouns = newList("header bare counted nouns", "工单", "案件")
	// HeaderCountSuffixes end a header that counts: 办理数, 工单量.
	HeaderCountSuffixes = newList("header count suffixes", "数", "量")
	// CountHeaderEndings end a header the dictionary does not know that
	// still names a number of items: …数, …量, …件, …办结, …办理, …（件）.
	CountHeaderEndings = newList("count header endings", append(HeaderCountSuffixes.Words(), "件", "办结", "办理", "(件)", "（件）")...)
	// MeasureHeaderMarks in a header make it a rate, a score, a rank, an
	// order or a time, not a count: 快速办结率, 得分, 排名, 序号, 时长, 天, 秒.
	MeasureHeaderMarks = newList("measure header marks", "率", "比", "分", "名", "序", "时", "天", "秒")
	// OverdueHeaderWords hold a measure mark (时) and still count items:
	// 超时件数.
	OverdueHeaderWords = newList("overdue header words", "超时")
)

// IsCountHeader reports whether a header the dictionary does not know
// names a number of items: it ends like a count (受理工单数, 按时办结) and
// is no rate, score, rank or time (平均时长, 得分数), 超时 aside.
func IsCountHeader(h string) bool {
	return CountHeaderEndings.Suffix(h) != "" && !(MeasureHeaderMarks.In(h) && !OverdueHeaderWords.In(h))
}

func qualifierWords() []string {
	var ws []string
	for q := range HeaderQualifiers {
		ws = append(ws, q)
	}
	slices.Sort(ws) // the list sorts them longest first, stably
	return ws
}

// headerIndex maps each header name to its key.
var headerIndex = func() map[string]model.Key {
	m := map[string]model.Key{}
	for k, l := range HeaderNames {
		for _, n := range l.words {
			if _, dup := m[n]; dup {
				panic("vocab: header name " + n + " of two keys")
			}
			m[n] = k
		}
	}
	return m
}()

// HeaderKey returns the canonical key a normalised header means, and
// false when it names none. A header that is no name is read without a
// counted noun before its 数 or 量 (按期办结工单数 as 按期办结数), then
// without a qualifier (群众满意率 as 满意率, for the keys the qualifier
// goes with).
func HeaderKey(n string) (model.Key, bool) {
	if k, ok := headerIndex[n]; ok {
		return k, true
	}
	if suffix := HeaderCountSuffixes.Suffix(n); suffix != "" {
		stem := n[:len(n)-len(suffix)]
		for _, noun := range HeaderCountedNouns.words {
			if i := strings.LastIndex(stem, noun); i > 0 && i+len(noun) == len(stem) {
				if k, ok := headerIndex[stem[:i]+suffix]; ok {
					return k, true
				}
			}
		}
	}
	// 未办结量, 超期量: a count written with 量 counts what X数 counts.
	if stem, ok := strings.CutSuffix(n, "量"); ok && utf8.RuneCountInString(stem) >= 2 {
		if k, ok := headerIndex[stem+"数"]; ok {
			return k, true
		}
	}
	for _, noun := range HeaderBareCountedNouns.words {
		if stem, ok := strings.CutSuffix(n, noun); ok && utf8.RuneCountInString(stem) >= 2 {
			if k, ok := headerIndex[stem+"数"]; ok {
				return k, true
			}
		}
	}
	for _, q := range headerQualifiers.words {
		if rest, ok := strings.CutPrefix(n, q); ok && utf8.RuneCountInString(rest) >= 2 {
			if k, ok := headerIndex[rest]; ok && slices.Contains(HeaderQualifiers[q], k) {
				return k, true
			}
		}
	}
	return "", false
}

// Header words that name no metric by themselves: under a group label
// that does (按时办结 over 件数 and 比率), they say whether the column
// counts the group's items or gives their rate. A single 数 or 率 is not
// among them: under a word it is most often the wrapped end of one header
// cell (承办件 / 数).

var (
	// GenericCountLabels head the count of the metric their group names.
	GenericCountLabels = newList("generic count labels", "件数", "数量", "工单数")
	// GenericRateLabels head the rate of the metric their group names.
	GenericRateLabels = newList("generic rate labels", "百分比", "比率", "比例", "占比")
)

// CountEnding and RateEnding turn a metric's name into the header of its
// count or its rate: 按时办结 into 按时办结数 and 按时办结率.
const (
	CountEnding = "数"
	RateEnding  = "率"
)
