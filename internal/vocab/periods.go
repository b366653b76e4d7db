package vocab

import "github.com/hotline12345/bulletin/internal/lazyregexp"

// Periods as bulletins print them: 3月份, 2023年1—4月, 第三季度, 上半年,
// 2024年第28周, 2019年度, 截至8月20日, 今年以来.

// The words that follow the numbers of a date or a period.
const (
	// YearMark follows a year: 2023年, 二〇二四年. Every full date a
	// bulletin prints has one, so text without it holds none.
	YearMark = "年"
	// MonthMark follows a month: 3月, 1-4月; MonthSuffix may follow it
	// (3月份).
	MonthMark   = "月"
	MonthSuffix = "份"
	// WeekMark follows the number of a week: 第28周.
	WeekMark = "周"
	// QuarterMark follows the number of a quarter: 第三季度.
	QuarterMark = "季度"
	// HalfYearMark follows 上 (FirstHalf) or 下: 上半年.
	HalfYearMark = "半年"
	FirstHalf    = "上"
	SecondHalf   = "下"
	// OrdinalPrefix numbers a week, a quarter or an issue: 第28周, 第5期.
	OrdinalPrefix = "第"
	// SoFarMark before a number of quarters counts them from January:
	// 前三季度 is January to September, not the third quarter.
	SoFarMark = "前"
)

var (
	// PeriodMarks are the words of which every period a bulletin prints
	// names one, after folding: 2023年, 3月份, 1-4月, 第28周, 第三季度,
	// 上半年, 2019年度. Text without any of them names no period.
	PeriodMarks = newList("period marks", YearMark, MonthMark, WeekMark, QuarterMark)
	// DayMarks follow the day of a date: 27日, 27号.
	DayMarks = newList("day marks", "日", "号")
	// RangeWords join the two ends of a range of dates or months, beside
	// dashes: 9月26日至10月25日, 1至4月.
	RangeWords = newList("range words", "至", "到")
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
var monthLead = lazyregexp.New(`^(?:([0-9]{4})\s*年)?\s*([0-9]{1,2}|[` + OrdinalNumerals + `]{1,3})\s*月`)

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
