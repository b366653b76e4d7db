package interpret

import (
	"slices"
	"strings"
	"unicode"

	"github.com/hotline12345/bulletin/model"
)

// The header dictionary: every spelling of a metric seen in published
// bulletins, after normalisation (no white space, simplified characters,
// parenthesised units and thresholds removed). A header that is not here is
// tried again without a qualifier prefix (群众满意率 -> 满意率).
var headerSynonyms = map[model.Key][]string{
	model.Unit: {"单位", "单位名称", "责任单位", "承办单位", "办理单位", "被考核单位", "考核单位",
		"部门", "部门名称", "单位部门", "承办部门", "责任部门", "名称", "单位名", "单位名单",
		"县区", "区县", "县市区", "县", "区", "乡镇", "镇街", "镇", "街道", "乡镇街道", "镇街道",
		"街道乡镇", "地区", "区域", "区直单位", "市直单位", "县直单位", "区直部门", "市直部门", "县直部门",
		"区直部门及公共服务单位", "市直部门及公共服务单位", "县直部门及公共服务单位", "公共服务单位", "企业",
		"被考核单位名称", "所属单位", "归属单位", "村", "社区", "村社区", "村居", "社区名称", "村名称"},
	model.Seq:  {"序号", "序", "编号", "no", "no."},
	model.Rank: {"排名", "名次", "排序", "综合排名", "总排名", "得分排名", "位次"},
	model.Score: {"得分", "总分", "综合得分", "总得分", "分数", "考核得分", "综合评分", "评分",
		"考核分数", "综合分", "最终得分", "合计得分"},
	model.Handled: {"办理数", "办理量", "办理件数", "办理总数", "办理总量", "交办数", "交办量", "交办件数",
		"交办总量", "交办总数", "交办工单", "交办工单数", "交办工单量", "总工单数", "工单总数", "工单数",
		"工单量", "工单总量", "办件数", "办件数量", "办件量", "受理数", "受理量", "受理件数", "受理案件数",
		"受理总量", "受理总数", "承办数", "承办件数", "承办量", "派遣案件总数", "派遣案件数", "派件数",
		"派单数", "派单量", "转派工单", "转派工单数", "转派数", "转办数", "转办件数", "转办量", "转办工单",
		"转办工单数", "转办工单量", "派发工单", "派发工单数", "派遣工单", "派遣工单数", "转派件数", "转派量", "诉求数",
		"诉求件数", "诉求量", "诉求总量", "件数", "数量", "总量", "总数", "交办件", "办件总量"},
	model.OnTime: {"按时办结数", "按期办结数", "按时结案数", "按期结案数", "按时办结", "按期办结",
		"按时办结件数", "按期办结件数", "按时办结量", "及时办结数", "按时限办结数", "按时结案", "按期结案",
		"按时办理数", "按时办结件"},
	model.OnTimeRate: {"按时办结率", "按期办结率", "按时结案率", "按期结案率", "及时办结率",
		"按时限办结率", "按时率", "按时办理率", "按期率"},
	model.Satisfied:           {"满意数", "满意件数", "满意量", "满意", "满意件", "满意数量"},
	model.SatisfactionRate:    {"满意率", "满意占比", "满意度", "满意比例", "满意比率"},
	model.Dissatisfied:        {"不满意数", "不满意件数", "不满意", "不满意量", "不满意件"},
	model.DissatisfactionRate: {"不满意率", "不满意占比", "不满意比例"},
	model.Excellent:           {"优秀数", "优秀件数", "优秀件", "优秀", "优秀量"},
	model.ExcellenceRate:      {"优秀率", "优秀占比"},
	model.Resolved:            {"解决数", "解决件数", "已解决数", "已解决", "解决量", "解决"},
	model.ResolutionRate:      {"解决率", "已解决率"},
	model.Replied:             {"回复数", "回复件数", "答复数", "反馈数", "回复量", "回复", "已回复数"},
	model.ReplyRate:           {"回复率", "答复率", "反馈率", "及时回复率", "回复及时率"},
	model.Visited:             {"回访数", "回访件数", "回访量", "已回访数", "回访", "回访总数", "抽查回访数"},
	model.VisitRate:           {"回访率"},
	model.Closed: {"办结数", "办结件数", "已办结数", "办结量", "结案数", "已办结", "办结", "结案件数",
		"结案", "已结案数", "已办结件数"},
	model.ClosureRate: {"办结率", "结案率", "已办结率"},
	model.Overdue: {"超期数", "超时数", "超期件数", "超时件数", "超期", "超时", "超期办结", "超时办结",
		"逾期数", "逾期", "超期办结数", "超时办结数", "超期件"},
	model.OverdueRate: {"超期率", "超时率", "逾期率", "超期办结率", "超时办结率"},
	model.Open: {"未办结", "未办结数", "在办", "在办数", "在办件数", "未结", "未结案", "未结数",
		"正在办理", "未办结件数", "办理中"},
}

// qualifiers are prefixes that do not change which metric a header means,
// by the metrics they go with: 群众满意率 is a satisfaction rate, but
// 群众优秀数 is no header anyone prints.
var qualifiers = map[string][]model.Key{
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

var synonymIndex = func() map[string]model.Key {
	m := map[string]model.Key{}
	for k, names := range headerSynonyms {
		for _, n := range names {
			m[n] = k
		}
	}
	return m
}()

// canonicalKey returns the canonical key a printed header means, and false
// when it is not recognised.
func canonicalKey(header string) (model.Key, bool) {
	n := normalizeHeader(header)
	if k, ok := synonymIndex[n]; ok {
		return k, true
	}
	// "按期办结工单数", "满意件数": the counted thing between the metric and
	// 数 does not change the metric.
	if strings.HasSuffix(n, "数") || strings.HasSuffix(n, "量") {
		for _, infix := range []string{"工单", "件", "案件", "诉求"} {
			if i := strings.LastIndex(n, infix); i > 0 && i+len(infix) == len(n)-len("数") {
				if k, ok := synonymIndex[n[:i]+n[i+len(infix):]]; ok {
					return k, true
				}
			}
		}
	}
	// "未办结量", "超期量": a count written with 量 counts what X数 counts.
	if stem, ok := strings.CutSuffix(n, "量"); ok && len([]rune(stem)) >= 2 {
		if k, ok := synonymIndex[stem+"数"]; ok {
			return k, true
		}
	}
	// "受理工单", "满意案件": the counted thing named without 数 counts
	// what X数 counts.
	for _, thing := range []string{"工单", "案件"} {
		if stem, ok := strings.CutSuffix(n, thing); ok && len([]rune(stem)) >= 2 {
			if k, ok := synonymIndex[stem+"数"]; ok {
				return k, true
			}
		}
	}
	for q, keys := range qualifiers {
		if rest, ok := strings.CutPrefix(n, q); ok && len([]rune(rest)) >= 2 {
			if k, ok := synonymIndex[rest]; ok && slices.Contains(keys, k) {
				return k, true
			}
		}
	}
	return "", false
}

// normalizeHeader folds a header for matching: full-width forms to ASCII,
// traditional characters to simplified, lower case, no white space, and
// without parenthesised parts (units "(件)", thresholds "(≥80%达标)",
// pinyin "(jié)"), a trailing "%" or colon.
func normalizeHeader(s string) string {
	s = fold(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[' || r == '【':
			depth++
		case r == ')' || r == ']' || r == '】':
			if depth > 0 {
				depth--
			}
		case depth > 0, unicode.IsSpace(r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	out := strings.TrimRight(b.String(), "%:：")
	if out == "" {
		// All of it was in parentheses: match on what was there.
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || strings.ContainsRune("()[]【】", r) {
				return -1
			}
			return toSimplified(r)
		}, s)
	}
	return out
}

// compactHeader is a header as the model prints it: white space removed,
// otherwise as printed.
func compactHeader(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
