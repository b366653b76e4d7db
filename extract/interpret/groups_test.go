package interpret

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

// Two-level headers as text copies print them, without merged cells. The
// overall group (合计, 总计) keys its columns plainly.
func TestTwoLevelHeadersWithoutSpans(t *testing.T) {
	grouped := []model.Key{"seq", "unit", "电话/handled", "电话/satisfaction_rate",
		"网络/handled", "网络/satisfaction_rate", "handled", "satisfaction_rate"}
	data := [][]string{
		{"1", "甲镇", "10", "90%", "5", "100%", "15", "93.33%"},
		{"2", "乙镇", "20", "95%", "3", "100%", "23", "95.65%"},
	}
	tests := []struct {
		name   string
		header [][]string
		want   []model.Key
	}{
		{"TAB text: labels once, rows shorter than the data", [][]string{
			{"序号", "单位", "电话", "网络", "合计"},
			{"受理数", "满意率", "受理数", "满意率", "受理数", "满意率"},
		}, grouped},
		{"pipe text: group labels left, empty cells", [][]string{
			{"序号", "单位", "电话", "", "网络", "", "合计", ""},
			{"", "", "受理数", "满意率", "受理数", "满意率", "受理数", "满意率"},
		}, grouped},
		{"layout text: group labels centred, labels on any line", [][]string{
			{"", "", "", "电话", "", "网络", "", "合计"},
			{"序号", "单位", "受理数", "", "受理数", "", "受理数", ""},
			{"", "", "", "满意率", "", "满意率", "", "满意率"},
		}, grouped},
		{"layout text: groups of three centred on a column", [][]string{
			{"", "", "", "电话", "", "", "总计", ""},
			{"序号", "单位", "受理数", "办结数", "满意率", "受理数", "办结数", "满意率"},
		}, []model.Key{"seq", "unit", "电话/handled", "电话/closed", "电话/satisfaction_rate",
			"handled", "closed", "satisfaction_rate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Bulletin(doc(tbl(append(tt.header, data...)...)))
			require.Len(t, b.Tables, 1)
			assert.Equal(t, tt.want, columnKeys(b.Tables[0]))
			require.Len(t, b.Tables[0].Rows, 2)
			assert.Equal(t, "乙镇", b.Tables[0].Rows[1].Unit)
		})
	}
}

// A top-row word that completes its own column's label, or the wrapped
// part of a label, is not a group.
func TestNoNeedlessGroups(t *testing.T) {
	tests := []struct {
		name   string
		header [][]string
		want   []model.Key
	}{
		{"wrapped unit header above and below", [][]string{
			{"乡镇（街", "", "", ""},
			{"", "交办件数", "已办结", "超时未办结"},
			{"道）", "", "", ""},
		}, []model.Key{"unit", "handled", "closed", "超时未办结"}},
		{"wrapped header cell", [][]string{
			{"", "承办件", "", ""},
			{"承办单位", "", "办结数", "退回数"},
			{"", "数", "", ""},
		}, []model.Key{"unit", "handled", "closed", "退回数"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := append(tt.header, []string{"甲镇", "10", "9", "1"}, []string{"乙镇", "20", "18", "2"})
			b := Bulletin(doc(tbl(rows...)))
			require.Len(t, b.Tables, 1)
			assert.Equal(t, tt.want, columnKeys(b.Tables[0]))
			assert.Len(t, b.Tables[0].Rows, 2)
		})
	}
}

// Merged cells read as a two-level header: the overall group's columns
// have the plain keys, as the unit's whole.
func TestOverallGroupKeysPlain(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"单位^2", "热线>2", "网站>2", "总计>2"},
		[]string{"办理数", "满意率", "办理数", "满意率", "办理数", "满意率"},
		[]string{"甲局", "10", "90%", "5", "100%", "15", "93.33%"},
	)))
	assert.Equal(t, []model.Key{"unit", "热线/handled", "热线/satisfaction_rate", "网站/handled",
		"网站/satisfaction_rate", "handled", "satisfaction_rate"}, columnKeys(b.Tables[0]))
	assert.Equal(t, "总计/办理数", b.Tables[0].Columns[5].Header)
}

// The unit column is the text column whose values differ row by row, not
// the town each village belongs to; the other keeps its printed header as
// its key, and its text values are no problem.
func TestUnitColumnOfDistinctNames(t *testing.T) {
	for _, header := range [][]string{
		{"序号", "所属乡镇", "村（社区）", "诉求件数", "按时办结率"},
		{"序号", "所属乡镇", "名单", "诉求件数", "按时办结率"},
		{"序号", "镇街", "社区", "诉求件数", "按时办结率"},
	} {
		b := Bulletin(doc(tbl(header,
			[]string{"1", "云溪镇", "桥头村", "17", "100.0%"},
			[]string{"2", "云溪镇", "兴隆社区", "45", "97.8%"},
			[]string{"3", "石坪乡", "高岭村", "8", "87.5%"},
		)))
		tb := b.Tables[0]
		keys := columnKeys(tb)
		assert.Equal(t, model.Key("unit"), keys[2], "%v", header)
		assert.Equal(t, model.Key(header[1]), keys[1], "%v", header)
		require.Len(t, tb.Rows, 3)
		assert.Equal(t, "兴隆社区", tb.Rows[1].Unit)
		assert.Equal(t, "云溪镇", tb.Rows[1].Cells[keys[1]].Text)
		assert.Empty(t, b.Problems, "%v", header)
	}
}

// A wrapped header piece alone on the first row is part of the header, not
// the table's title; a title spanning the table still is one.
func TestHeaderPieceIsNotATitle(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"", "", "按时办", ""},
		[]string{"单位名称", "办理数", "", "满意率"},
		[]string{"", "", "结数", ""},
		[]string{"甲局", "12", "11", "90%"},
	)))
	tb := b.Tables[0]
	assert.Equal(t, []model.Key{"unit", "handled", "on_time", "satisfaction_rate"}, columnKeys(tb))
	assert.Empty(t, tb.Title)

	b = Bulletin(doc(tbl(
		[]string{"各单位办理情况>3"},
		[]string{"单位名称", "办理数", "满意率"},
		[]string{"甲局", "12", "90%"},
	)))
	assert.Equal(t, "各单位办理情况", b.Tables[0].Title)
}

// The search for a ragged header's layout is bounded, however many labels
// its rows hold.
func TestRaggedSearchBounded(t *testing.T) {
	var upper, lower []string
	for i := 0; i < 30; i++ {
		upper = append(upper, "组"+strconv.Itoa(i))
		lower = append(lower, "办理数", "满意率")
	}
	width := len(lower) + 10
	calls := 0
	textCol := func(int) bool { calls++; return false }
	allocs := testing.AllocsPerRun(3, func() { alignRagged(upper, lower, width, textCol) })
	assert.Less(t, allocs, float64(4*maxRaggedLayouts))
	assert.Equal(t, 4*width, calls, "text columns are looked up once a call")
}

// A layout prints metric groups over labels that only say count or rate
// (按时办结 / 群众满意 over 件数 and 比率), each centred over its two
// columns, the labels spanning both levels on the line between: the
// groups are read, though 群众满意 with 比率 below it reads as one label.
func TestMetricGroupsInText(t *testing.T) {
	b := Bulletin(doc(tbl(
		[]string{"", "", "", "按时办结", "", "群众满意"},
		[]string{"单位", "受理数", "", "", "", ""},
		[]string{"", "", "件数", "比率", "件数", "比率"},
		[]string{"甲局", "166", "148", "89.16%", "157", "94.58%"},
		[]string{"乙局", "45", "41", "91.11%", "43", "95.56%"},
	)))
	require.Len(t, b.Tables, 1)
	assert.Equal(t, []model.Key{"unit", "handled", "on_time", "on_time_rate", "satisfied", "satisfaction_rate"}, columnKeys(b.Tables[0]))
	assert.Equal(t, "群众满意/比率", b.Tables[0].Columns[5].Header)
}
