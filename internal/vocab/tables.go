package vocab

import "github.com/hotline12345/bulletin/internal/lazyregexp"

// The words of a bulletin's tables besides their headers: the row that
// totals the others, the placeholders of cells without a number, the notes
// under a table and the caption that numbers it.

// UnitsLabel opens the line by a table that says what its numbers count:
// 单位：件.
const UnitsLabel = "单位"

var (
	// TotalRowWords name a row that totals the rows above it: 合计, 小计.
	TotalRowWords = newList("total row words", "合计", "总计", "小计", "共计", "累计", "汇总")
	// TotalRowLeads may stand before a total row word, or alone, for the
	// whole of a place or period: 全区合计, 总计, 本月合计, 全市.
	TotalRowLeads = newList("total row leads", "全市", "全区", "全县", "全省", "全镇", "全乡", "全", "总", "本期", "本月", "本周")
	// TotalRowNames name a total row by themselves: 总体, 总数.
	TotalRowNames = newList("total row names", "总体", "总数")
	// SubtotalWords end the label of a row that totals one kind of unit,
	// which names no unit: 县直部门小计, 镇街合计.
	SubtotalWords = newList("subtotal words", "小计", "合计")

	// NoValueWords print "no number" in a cell: 无, 暂无.
	NoValueWords = newList("no-value words", "无", "暂无", "空")

	// NoteLabels open the notes under a table: 注：…, 备注：….
	NoteLabels = newList("note labels", "注", "备注", "说明", "附注")
	// CaptionWords number a table or an attachment: 附件1, 附表2, 表3.
	CaptionWords = newList("caption words", "附件", "附表", "表")
	// AttachmentWords stand alone on the line above an attachment's title:
	// 附件.
	AttachmentWords = newList("attachment words", "附件", "附表")
)

var (
	totalRow = lazyregexp.New(`^(?:` + TotalRowLeads.Pattern() + `?` + TotalRowWords.Pattern() + `?|` + TotalRowNames.Pattern() +
		`|\D{1,12}` + SubtotalWords.Pattern() + `)$`)
	// NoteStart matches the start of a table's notes: 注：, 备注:.
	NoteStart = lazyregexp.New(`^` + NoteLabels.Pattern() + `\s*[：:]`)
	// UnitsLine matches the start of a table's units line: 单位：件, 单位:%.
	UnitsLine = lazyregexp.New(`^` + UnitsLabel + `\s*[：:]`)
	// CaptionLabel matches a table's numbering caption, alone or followed
	// by its title: 附件1, 表2：…; the first submatch is the numbering, the
	// second the title.
	CaptionLabel = lazyregexp.New(`^(` + CaptionWords.Pattern() + `\s*[0-9０-９` + OrdinalNumerals + `]+)\s*[：:．.、]?\s*(.*)$`)
	// BareCaption matches a caption without a number, alone on its line:
	// 附件.
	BareCaption = lazyregexp.New(`^(` + AttachmentWords.Pattern() + `)\s*[：:]?$`)
)

// IsTotalRow reports whether a row's unit cell (white space removed) names
// a row that totals the others: 合计, 全区合计, 本月合计, 全市, 总体, or
// the subtotal of one kind of unit (县直部门小计). An empty cell names none.
// Every such label holds a lead or a total row word (the names start with
// the lead 总, the subtotal words are total row words), which is checked
// first: the pattern is asked of every row of every table.
func IsTotalRow(unit string) bool {
	return unit != "" && (TotalRowLeads.In(unit) || TotalRowWords.In(unit)) && totalRow.MatchString(unit)
}
