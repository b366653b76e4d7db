package interpret

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// tbl builds a block table from rows of cell texts. A cell "text>3" spans
// three columns, "text^2" two rows.
func tbl(rows ...[]string) *block.Table {
	t := &block.Table{}
	for r, row := range rows {
		br := block.Row{Pos: model.Pos{Line: r + 1}}
		for _, text := range row {
			c := block.Cell{Pos: model.Pos{Line: r + 1}}
			if i := strings.LastIndexAny(text, ">^"); i > 0 {
				n, err := strconv.Atoi(text[i+1:])
				if err == nil {
					if text[i] == '>' {
						c.ColSpan = n
					} else {
						c.RowSpan = n
					}
					text = text[:i]
				}
			}
			c.Text = text
			br.Cells = append(br.Cells, c)
		}
		t.Rows = append(t.Rows, br)
	}
	return t
}

func doc(blocks ...block.Block) *block.Document { return &block.Document{Blocks: blocks} }

func para(text string) *block.Paragraph { return &block.Paragraph{Text: text} }

func columnKeys(t model.Table) []model.Key {
	var keys []model.Key
	for _, c := range t.Columns {
		keys = append(keys, c.Key)
	}
	return keys
}

func TestTwoLevelHeaderWithSpans(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"单位^2", "12345热线>3", "政民互动>3"},
		[]string{"按时办结", "超时办结", "未办结", "按时办结", "超时办结", "未办结"},
		[]string{"公安局", "10", "2", "1", "5", "0", "0"},
		[]string{"合计", "10", "2", "1", "5", "0", "0"},
	)))
	require.Len(t, b.Tables, 1)
	tb := b.Tables[0]
	assert.Equal(t, []model.Key{"unit", "12345热线/on_time", "12345热线/overdue", "12345热线/open",
		"政民互动/on_time", "政民互动/overdue", "政民互动/open"}, columnKeys(tb))
	assert.Equal(t, "12345热线/按时办结", tb.Columns[1].Header)
	require.Len(t, tb.Rows, 2)
	assert.False(t, tb.Rows[0].Total)
	assert.True(t, tb.Rows[1].Total)
	n, ok := tb.Rows[0].Count("政民互动/on_time")
	assert.True(t, ok)
	assert.EqualValues(t, 5, n)
}

// A text copy prints a group label once, over empty cells.
func TestTwoLevelHeaderInText(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"单位", "12345热线", "", "政民互动", ""},
		[]string{"", "按时办结率", "满意率", "按时办结率", "满意率"},
		[]string{"公安局", "98.5%", "90%", "100%", "80%"},
	)))
	assert.Equal(t, []model.Key{"unit", "12345热线/on_time_rate", "12345热线/satisfaction_rate",
		"政民互动/on_time_rate", "政民互动/satisfaction_rate"}, columnKeys(b.Tables[0]))
}

// Header cells wrapped over two rows are one label; a sub header that is
// not ambiguous keeps its plain key under a group.
func TestWrappedAndGroupedHeaders(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"序号", "单位名称", "按  时", "群众", "质效>2"},
		[]string{"", "", "办结率", "满意率", "得分", "排名"},
		[]string{"1", "烟草局", "100%", "98.2%", "99.5", "1"},
		[]string{"合计", "", "99%", "97%", "/", "/"},
	)))
	tb := b.Tables[0]
	assert.Equal(t, []model.Key{"seq", "unit", "on_time_rate", "satisfaction_rate", "score", "rank"}, columnKeys(tb))
	require.Len(t, tb.Rows, 2)
	assert.Equal(t, "烟草局", tb.Rows[0].Unit)
	r, ok := tb.Rows[0].Rate(model.SatisfactionRate)
	assert.True(t, ok)
	assert.Equal(t, model.Rate{Value: 98.2, Decimals: 1}, r)
	assert.True(t, tb.Rows[1].Total, "合计 in the 序号 column marks a total row")
	assert.Nil(t, tb.Rows[1].Cells[model.Score].Value)
	assert.Equal(t, "/", tb.Rows[1].Cells[model.Score].Text)
}

func TestSideBySideUnits(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"单位", "得分", "排名", "单位", "得分", "排名"},
		[]string{"甲镇", "98", "1", "丙镇", "95", "3"},
		[]string{"乙镇", "97", "2", "丁镇", "94", "4"},
	)))
	tb := b.Tables[0]
	assert.Equal(t, []model.Key{"unit", "score", "rank"}, columnKeys(tb))
	var units []string
	for _, r := range tb.Rows {
		units = append(units, r.Unit)
	}
	assert.Equal(t, []string{"甲镇", "丙镇", "乙镇", "丁镇"}, units)
	n, _ := tb.Rows[3].Count(model.Rank)
	assert.EqualValues(t, 4, n)
}

// Nothing is dropped quietly: an extra cell, a cell that is not a number and
// a section heading all show up as problems.
func TestProblemsForMisfits(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"单位名称", "办理数", "满意率"},
		[]string{"区直部门>3"},
		[]string{"公安局", "12", "91.67%", "备注"},
		[]string{"法院", "暂停", "—"},
		[]string{"检察院", "3"},
	)))
	tb := b.Tables[0]
	require.Len(t, tb.Rows, 3)
	assert.Equal(t, "备注", tb.Rows[0].Cells["col4"].Text)
	assert.Equal(t, "暂停", tb.Rows[1].Cells[model.Handled].Text)
	assert.Nil(t, tb.Rows[1].Cells[model.Handled].Value)
	var msgs []string
	for _, p := range b.Problems {
		msgs = append(msgs, p.Message)
	}
	assert.Len(t, msgs, 4, "%q", msgs)
	assert.Contains(t, msgs[0], "区直部门")
	assert.Contains(t, msgs[1], "kept as extra cell")
	assert.Contains(t, msgs[2], "not a number")
	assert.Contains(t, msgs[3], "row 5 has 2 cells, header has 3")
}

// Extra cells made by spans are kept once and reported once a row: a
// cell spanning 900 columns past the header is one extra cell, not 900,
// and the row's extra cells are one problem.
func TestExtraCellsOfSpans(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"单位名称", "办理数", "满意率"},
		[]string{"公安局", "12", "91.67%", "备注>900", "说明"},
		[]string{"法院", "3", "100%"},
	)))
	tb := b.Tables[0]
	require.Len(t, tb.Rows, 2)
	assert.Equal(t, map[model.Key]string{"col4": "备注", "col904": "说明"}, extraTexts(tb.Rows[0]))
	require.Len(t, b.Problems, 1)
	assert.Equal(t, "row 2 has 904 cells, header has 3; kept as 2 extra cells col4 … col904", b.Problems[0].Message)
}

// extraTexts are the texts of a row's extra cells (col4, col5 …).
func extraTexts(r model.Row) map[model.Key]string {
	out := map[model.Key]string{}
	for k, c := range r.Cells {
		if strings.HasPrefix(string(k), "col") {
			out[k] = c.Text
		}
	}
	return out
}

// A table continued on the next page, with its header repeated or without
// one, is one table.
func TestContinuedTable(t *testing.T) {
	header := []string{"单位名称", "办理数", "满意率"}
	b := Bulletin(doc(
		para("附件2"),
		para("各镇（街道）办理情况"),
		tbl(header, []string{"甲镇", "10", "90%"}),
		&block.Paragraph{Text: "— 3 —", Region: block.Footer},
		tbl(header, []string{"乙镇", "20", "95%"}),
		tbl([]string{"丙镇", "30", "96.67%"}),
		para("注：1．满意率＝满意数÷回访数；"),
		para("2．数据截至3月31日。"),
		para("附件3"),
	))
	require.Len(t, b.Tables, 1)
	tb := b.Tables[0]
	assert.Equal(t, "附件2", tb.Label)
	assert.Equal(t, "各镇（街道）办理情况", tb.Title)
	assert.Len(t, tb.Rows, 3)
	assert.Equal(t, []string{"满意率＝满意数÷回访数", "数据截至3月31日"}, tb.Notes)
}

func TestCaptionWithTitleOnOneLine(t *testing.T) {
	b := Bulletin(doc(
		para("附件 1：3 月份各单位办理情况"),
		tbl([]string{"单位", "办理数"}, []string{"甲", "1"}, []string{"乙", "2"}),
		para("下面是正文。"),
		para("表2 各镇得分"),
		tbl([]string{"单位", "得分"}, []string{"甲镇", "98"}),
	))
	require.Len(t, b.Tables, 2)
	assert.Equal(t, "附件1", b.Tables[0].Label)
	assert.Equal(t, "3月份各单位办理情况", b.Tables[0].Title)
	assert.Equal(t, "表2", b.Tables[1].Label)
	assert.Equal(t, "各镇得分", b.Tables[1].Title)
}

// The attachment list in the prose ("附件：1．…") is not a caption, and a
// title without a label is the short line right above the table.
func TestTitleWithoutLabel(t *testing.T) {
	b := Bulletin(doc(
		para("附件：1．各单位办理情况"),
		para("现将有关情况通报如下。"),
		para("各单位办理情况"),
		tbl([]string{"单位", "办理数"}, []string{"甲", "1"}),
	))
	assert.Equal(t, "", b.Tables[0].Label)
	assert.Equal(t, "各单位办理情况", b.Tables[0].Title)
}

// Header words a layout put in the wrong columns are dealt back in order.
func TestHeaderRepair(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"", "", "按时", "按时 群众", "群众", "", "", ""},
		[]string{"单位名称", "办理数", "", "", "", "优秀数", "优秀率", ""},
		[]string{"", "", "办结数", "办结率 满意数", "满意率", "", "", ""},
		[]string{"烟草局", "4", "4", "100%", "4", "100%", "4", "100%"},
	)))
	assert.Equal(t, []model.Key{"unit", "handled", "on_time", "on_time_rate", "satisfied",
		"satisfaction_rate", "excellent", "excellence_rate"}, columnKeys(b.Tables[0]))
}

// A bare 附件 is a caption; a 合计 cell spanning 序号 and 单位名称 marks the
// total row without a problem for the 序号 column.
func TestBareCaptionAndSpanningTotal(t *testing.T) {
	b := Bulletin(doc(
		para("附件"),
		para("各单位办理情况"),
		tbl([]string{"序号", "单位名称", "办理数"}, []string{"1", "甲局", "3"}, []string{"合计>2", "3"}),
	))
	require.Len(t, b.Tables, 1)
	assert.Equal(t, "附件", b.Tables[0].Label)
	assert.Equal(t, "各单位办理情况", b.Tables[0].Title)
	require.Len(t, b.Tables[0].Rows, 2)
	assert.True(t, b.Tables[0].Rows[1].Total)
	assert.Empty(t, b.Problems)
}

// A table continued on a new page with a piece of its header (the last
// lines of wrapped header cells) or its header again is one table; a page
// number the reader did not tag as a footer does not part them.
func TestContinuedWithHeaderPiece(t *testing.T) {
	header := []string{"单位名称", "办理数", "按时办\n结数"}
	b := Bulletin(doc(
		para("附件"),
		tbl(header, []string{"甲镇", "10", "9"}, []string{"乙镇", "8", "8"}),
		para("— 3 —"),
		tbl([]string{"", "", "结数"}, []string{"丙镇", "30", "29"}),
		para("- 4 -"),
		tbl(header, []string{"丁镇", "5", "5"}),
	))
	require.Len(t, b.Tables, 1)
	assert.Equal(t, "附件", b.Tables[0].Label)
	assert.Equal(t, []model.Key{"unit", "handled", "on_time"}, columnKeys(b.Tables[0]))
	assert.Len(t, b.Tables[0].Rows, 4)
}

// A second table whose headers are the first's in another order is not a
// piece of the first's header.
func TestReorderedHeaderIsNoContinuation(t *testing.T) {
	b := Bulletin(doc(
		tbl([]string{"单位名称", "办理数", "满意率"}, []string{"甲镇", "10", "90%"}),
		tbl([]string{"单位名称", "满意率", "办理数"}, []string{"乙镇", "80%", "5"}),
	))
	require.Len(t, b.Tables, 2)
	assert.Equal(t, []model.Key{"unit", "satisfaction_rate", "handled"}, columnKeys(b.Tables[1]))
}

// A table continued without its header, whose first row is a section
// heading (三、湖门乡) standing alone in the unit column, is the rest of
// the table before; the heading is no header and no unit row.
func TestContinuedAfterSectionHeading(t *testing.T) {
	header := []string{"村（社区）", "受理数", "办结数"}
	b := Bulletin(doc(
		para("附件"),
		para("各村（社区）诉求办理情况"),
		tbl(header, []string{"一、甲镇", "", ""}, []string{"甲村", "10", "9"}, []string{"乙村", "12", "12"}),
		tbl([]string{"三、丙乡", "", ""}, []string{"丙村", "30", "29"}, []string{"丁村", "8", "8"}),
	))
	require.Len(t, b.Tables, 1)
	var units []string
	for _, r := range b.Tables[0].Rows {
		units = append(units, r.Unit)
	}
	assert.Equal(t, []string{"甲村", "乙村", "丙村", "丁村"}, units)
}

// A group label that names a metric over labels that only say count or
// rate (按时办结 over 件数 and 比率) gives plain keys: the count and the
// rate of that metric. A channel group over the same labels keeps its
// group/key keys.
func TestMetricGroupOverGenericLabels(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"单位^2", "受理数^2", "按时办结>2", "群众满意>2"},
		[]string{"件数", "比率", "件数", "比率"},
		[]string{"公安局", "64", "60", "93.75%", "58", "90.63%"},
	), tbl(
		[]string{"单位^2", "12345热线>2", "政民互动>2"},
		[]string{"件数", "占比", "件数", "占比"},
		[]string{"公安局", "60", "75%", "20", "25%"},
	)))
	require.Len(t, b.Tables, 2)
	assert.Equal(t, []model.Key{"unit", "handled", "on_time", "on_time_rate", "satisfied", "satisfaction_rate"}, columnKeys(b.Tables[0]))
	assert.Equal(t, "按时办结/比率", b.Tables[0].Columns[3].Header)
	assert.Equal(t, []model.Key{"unit", "12345热线/handled", "12345热线/占比", "政民互动/handled", "政民互动/占比"}, columnKeys(b.Tables[1]))
}

// A text copy prints a cell merged down over several rows once (所属乡镇
// over its villages): the rows under it are short by that cell, their
// cells belong to the last columns, and the merged cell is the row
// above's. A row short of its last cell keeps its cells where they are.
func TestMergedLeadCellsPrintedOnce(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"所属乡镇", "村（社区）", "受理数", "办结数", "办结率"},
		[]string{"桐溪镇", "甲村", "64", "60", "93.75%"},
		[]string{"乙村", "38", "38", "100%"},
		[]string{"丙村", "51", "45", "88.24%"},
		[]string{"石坝乡", "丁村", "27", "25"},
	)))
	require.Len(t, b.Tables, 1)
	tb := b.Tables[0]
	var got []string
	for _, r := range tb.Rows {
		got = append(got, r.Unit+" "+r.Cells["所属乡镇"].Text+" "+r.Cells[model.Handled].Text)
	}
	assert.Equal(t, []string{"甲村 桐溪镇 64", "乙村 桐溪镇 38", "丙村 桐溪镇 51", "丁村 石坝乡 27"}, got)
	assert.Len(t, b.Problems, 1, "the row short of its last cell")
}
