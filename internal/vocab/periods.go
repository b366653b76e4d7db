package vocab

import "github.com/hotline12345/bulletin/internal/lazyregexp"

// Periods as bulletins print them: 3月份, 2023年1—4月, 第三季度, 上半年,
// 2024年第28周, 2019年度, 截至8月20日, 今年以来.

var (
	// SinceYearStartWords name the span from 1 January to the issue date
	// (or to the date a 截至 names): 今年以来, 年初以来.
	SinceYearStartWords = newList("since-year-start words", "今年以来", "年初以来", "本年度以来", "本年以来", "年内")
	// UpToWords name the end of a span that starts on 1 January: 截至8月20日.
	UpToWords = newList("up-to words", "截至", "截止", "截至到", "截止到")
	// WholeYearWords after 年 make a year a period: 2019年度, 2019年全年.
	WholeYearWords = newList("whole-year words", "度", "全年", "整年")
	// YearReportWords after a year make the year the report's period:
	// 2019年…运行情况, 2019年12345热线工作总结.
	YearReportWords = newList("year report words", "运行情况", "工作情况", "办理情况", "工作总结", "总结", "年报")
	// MeetingWords mark a sentence that tells of an event (a meeting, a
	// campaign) rather than of the report's data; its dates are not the
	// report's period.
	MeetingWords = newList("meeting words", "会议", "召开", "部署", "启动", "培训", "座谈", "调研", "督查", "观摩", "推进会", "研讨")
	// EarlierPeriods name the period a change is measured from, when its
	// value follows in brackets: 同比提升1.3个百分点（去年同期为95.6%）.
	EarlierPeriods = newList("earlier periods", "去年同期", "上年同期", "上季度", "上半年", "上月", "上周", "上期", "上年", "同期")
)

// monthLead matches the month a text starts with: "3月份…", "2023年3月…",
// "三月份…"; ranges ("1-4月") are not matched.
var monthLead = lazyregexp.New(`^(?:([0-9]{4})\s*年)?\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月`)

// LeadingMonth reads the month (and year, 0 when none is printed) that s
// starts with, and the text that printed them.
func LeadingMonth(s string) (year, month int, text string, ok bool) {
	m := monthLead.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, "", false
	}
	month, ok = Number(m[2])
	if !ok || month < 1 || month > 12 {
		return 0, 0, "", false
	}
	if m[1] != "" {
		year, _ = Number(m[1])
	}
	return year, month, m[0], true
}
