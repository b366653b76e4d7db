package text

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	utf16pkg "unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/hotline12345/bulletin/extract/block"
)

func read(t *testing.T, s string) *block.Document {
	t.Helper()
	doc, err := ReadBytes(context.Background(), []byte(s), block.Limits{})
	require.NoError(t, err)
	return doc
}

// tables returns the texts of the document's tables, row by row.
func tables(doc *block.Document) [][][]string {
	var out [][][]string
	for _, b := range doc.Blocks {
		if t, ok := b.(*block.Table); ok {
			var rows [][]string
			for _, r := range t.Rows {
				var cells []string
				for _, c := range r.Cells {
					cells = append(cells, c.Text)
				}
				rows = append(rows, cells)
			}
			out = append(out, rows)
		}
	}
	return out
}

func paragraphs(doc *block.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if p, ok := b.(*block.Paragraph); ok {
			out = append(out, p.Text)
		}
	}
	return out
}

func TestDecode(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("办理数 按时办结率")
	require.NoError(t, err)
	tests := []struct {
		name string
		in   []byte
		enc  string
		want string
	}{
		{"utf8", []byte("办理数"), UTF8, "办理数"},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "办理数"...), UTF8, "办理数"},
		{"utf16le", []byte{0xFF, 0xFE, 0x9E, 0x52, 0x06, 0x74}, UTF16LE, "办理"},
		{"utf16be", []byte{0xFE, 0xFF, 0x52, 0x9E, 0x74, 0x06}, UTF16BE, "办理"},
		{"gbk", []byte(gbk), GB18030, "办理数 按时办结率"},
		// Without a byte order mark, UTF-16 is told by where its zero
		// bytes fall: the high bytes of digits, spaces and line ends.
		{"utf16le without bom", utf16(binary.LittleEndian, "办理数 47\n按时办结率 100%\n"), UTF16LE, "办理数 47\n按时办结率 100%\n"},
		{"utf16be without bom", utf16(binary.BigEndian, "办理数 47\n按时办结率 100%\n"), UTF16BE, "办理数 47\n按时办结率 100%\n"},
		{"utf16le ascii without bom", utf16(binary.LittleEndian, "total 47"), UTF16LE, "total 47"},
		{"utf16be, one line end in 40 characters", utf16(binary.BigEndian, strings.Repeat("办", 40)+"\n"), UTF16BE, strings.Repeat("办", 40) + "\n"},
	}
	for _, tt := range tests {
		got, enc, err := Decode(tt.in)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got, tt.name)
		assert.Equal(t, tt.enc, enc, tt.name)
	}
}

func TestDecodeRejectsBinary(t *testing.T) {
	bin := append([]byte("line one\nline two\n"), bytes.Repeat([]byte{0x00, 0x01, 0xFF, 0x80}, 50)...)
	_, _, err := Decode(bin)
	require.ErrorIs(t, err, block.ErrFormat)
	var pe *block.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Pos.Line)
}

func TestLimits(t *testing.T) {
	ctx := context.Background()
	_, err := ReadBytes(ctx, []byte("short\n"+strings.Repeat("x", 100)), block.Limits{MaxLineBytes: 50})
	require.ErrorIs(t, err, block.ErrLimit)
	var pe *block.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 2, pe.Pos.Line)

	_, err = Read(ctx, strings.NewReader(strings.Repeat("a\n", 100)), block.Limits{MaxInputBytes: 10})
	require.ErrorIs(t, err, block.ErrLimit)

	many := "单位\t办理数\n" + strings.Repeat("甲\t1\n", 20)
	_, err = ReadBytes(ctx, []byte(many), block.Limits{MaxRows: 10})
	require.ErrorIs(t, err, block.ErrLimit)
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ReadBytes(ctx, []byte(strings.Repeat("一行文字。\n", 3000)), block.Limits{})
	require.ErrorIs(t, err, context.Canceled)
}

// The reader reads through any io.Reader, however it delivers bytes.
func TestAwkwardReaders(t *testing.T) {
	src := []byte("单位\t办理数\n甲\t1\n乙\t2\n")
	want := read(t, string(src))
	readers := map[string]io.Reader{
		"one byte": iotest.OneByteReader(bytes.NewReader(src)),
		"half":     iotest.HalfReader(bytes.NewReader(src)),
		"data+EOF": iotest.DataErrReader(bytes.NewReader(src)),
	}
	for name, r := range readers {
		got, err := Read(context.Background(), r, block.Limits{})
		require.NoError(t, err, name)
		assert.Equal(t, want, got, name)
	}
	// A reader whose Size is wrong is read for what it holds.
	got, err := Read(context.Background(), negativeSize{bytes.NewReader(src)}, block.Limits{})
	require.NoError(t, err)
	assert.Equal(t, want, got)
	boom := errors.New("disk on fire")
	_, err = Read(context.Background(), iotest.ErrReader(boom), block.Limits{})
	require.ErrorIs(t, err, boom)
	var pe *block.ParseError
	require.ErrorAs(t, err, &pe)
}

// negativeSize is a reader that gives a negative size.
type negativeSize struct{ io.Reader }

func (negativeSize) Size() int64 { return -1 << 20 }

func TestDebrisIsNoted(t *testing.T) {
	doc := read(t, "\t单位\n\t办理数\n||||\n\n\t甲\n\t1\n\n\t乙\n\t2\n\n\t丙\n\t3\n")
	require.Len(t, tables(doc), 1)
	require.Len(t, doc.Problems, 1)
	assert.Equal(t, 3, doc.Problems[0].Pos.Line)
	assert.Contains(t, doc.Problems[0].Message, "debris")
}

// Narrative is not mistaken for a table, whatever its numbers.
func TestProseStaysProse(t *testing.T) {
	prose := `2023年3月份，共受理各类诉求2660件。

其中，电话诉求2364件，网民诉求296件。

共涉及57家区直单位、13个镇（街道）。

注：1．交办事项认真办理为按时办结；
2．回访时未明确表示不满意的按满意计算。
`
	doc := read(t, prose)
	assert.Empty(t, tables(doc))
	assert.Len(t, paragraphs(doc), 5)
}

// Lines hard-wrapped at a fixed width are joined into paragraphs; short
// lines and new items are not.
func TestHardWrappedParagraphs(t *testing.T) {
	line := strings.Repeat("热线", 20)
	src := line + "\n" + line + "\n结束了。\n\n" + line + "\n" + line + "\n1．新的一项\n短行\n" + line + "\n"
	doc := read(t, src)
	assert.Equal(t, []string{line + line + "结束了。", line + line, "1．新的一项", "短行", line}, paragraphs(doc))
}

func TestLayoutsWithoutHints(t *testing.T) {
	want := [][]string{{"单位名称", "办理数", "满意率"}, {"甲局", "12", "91.67%"}, {"乙局", "3", "100%"}, {"丙局", "0", "—"}}
	tests := map[string]string{
		"tsv":                "单位名称\t办理数\t满意率\n甲局\t12\t91.67%\n乙局\t3\t100%\n丙局\t0\t—\n",
		"pipe":               "| 单位名称 | 办理数 | 满意率 |\n|---|---|---|\n| 甲局 | 12 | 91.67% |\n| 乙局 | 3 | 100% |\n| 丙局 | 0 | — |\n",
		"full-width pipe":    "｜单位名称｜办理数｜满意率｜\n｜甲局｜12｜91.67%｜\n｜乙局｜3｜100%｜\n｜丙局｜0｜—｜\n",
		"tab cells":          "\t单位名称\n\t办理数\n\t满意率\n\n\t甲局\n\t12\n\t91.67%\n\n\t乙局\n\t3\n\t100%\n\n\t丙局\n\t0\n\t—\n",
		"tab cells unbroken": "\t单位名称\n\t办理数\n\t满意率\n\t甲局\n\t12\n\t91.67%\n\t乙局\n\t3\n\t100%\n\t丙局\n\t0\n\t—\n",
		"bar cells":          "单位名称 |\n办理数 |\n满意率 |\n\n甲局 |\n12 |\n91.67% |\n\n乙局 |\n3 |\n100% |\n\n丙局 |\n0 |\n— |\n",
		"blank separated":    "单位名称\n\n办理数\n\n满意率\n\n甲局\n\n12\n\n91.67%\n\n乙局\n\n3\n\n100%\n\n丙局\n\n0\n\n—\n",
		"aligned":            "单位名称    办理数    满意率\n\n甲局        12      91.67%\n乙局         3        100%\n丙局         0          —\n",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			got := tables(read(t, src))
			require.Len(t, got, 1)
			assert.Equal(t, want, got[0])
		})
	}
}

// Debris a recognizer looks at and gives back is noted once: here the pipe
// recognizer reads two lines and debris, finds one row, and returns them.
func TestDebrisNotedOnce(t *testing.T) {
	doc := read(t, "| 甲 | 1 |\n||||\n\n正文一行。\n")
	require.Len(t, doc.Problems, 1)
	assert.Equal(t, 2, doc.Problems[0].Pos.Line)
}

// regions returns the texts of the document's header and footer
// paragraphs.
func regions(doc *block.Document) (header, footer []string) {
	for _, b := range doc.Blocks {
		if p, ok := b.(*block.Paragraph); ok {
			switch p.Region {
			case block.Header:
				header = append(header, p.Text)
			case block.Footer:
				footer = append(footer, p.Text)
			}
		}
	}
	return header, footer
}

// Page numbers and running lines between the pages of pdftotext -layout
// text are furniture: a table and a paragraph run on across them. A
// caption opening two pages is not a running line.
func TestPageFurniture(t *testing.T) {
	src := "" +
		"                    西坪县12345热线通报\n" +
		"   各乡镇、县直各单位：现将本月 12345 热线工单办理情况通报如下，请\n" +
		"各单位对照检查，认真整改，切实提高群众满意度和工单办理质量，确保\n" +
		"诉求件件有回音。\n" +
		"   本月全县共受理群众诉求 1820 件，其中电话诉求 1502 件，网络诉求 318\n" +
		"\n" +
		"                          第 1 页 共 2 页\n" +
		"\f                    西坪县12345热线通报\n" +
		"件，已全部办结。\n" +
		"\n" +
		"   单位名称      办理数     按时办结率\n" +
		"   甲镇           12        91.67%\n" +
		"   乙镇            3         100%\n" +
		"\n" +
		"                    — 2 —\n" +
		"\f                    西坪县12345热线通报\n" +
		"\n" +
		"   丙镇        5     80%\n" +
		"   丁镇        7     100%\n" +
		"\n" +
		"                      3\n"
	doc := read(t, src)
	assert.Equal(t, [][][]string{{
		{"单位名称", "办理数", "按时办结率"}, {"甲镇", "12", "91.67%"}, {"乙镇", "3", "100%"},
		{"丙镇", "5", "80%"}, {"丁镇", "7", "100%"},
	}}, tables(doc))
	header, footer := regions(doc)
	assert.Equal(t, []string{"西坪县12345热线通报", "西坪县12345热线通报", "西坪县12345热线通报"}, header)
	assert.Equal(t, []string{"第 1 页 共 2 页", "— 2 —", "3"}, footer)
	assert.Contains(t, paragraphs(doc), "本月全县共受理群众诉求1820件，其中电话诉求1502件，网络诉求318件，已全部办结。")
	assert.Contains(t, paragraphs(doc), "各乡镇、县直各单位：现将本月12345热线工单办理情况通报如下，请各单位对照检查，认真整改，切实提高群众满意度和工单办理质量，确保诉求件件有回音。")
}

func TestCaptionsAreNotRunningLines(t *testing.T) {
	page := func(caption, unit string) string {
		return caption + "\n\n   单位名称      办理数\n   " + unit + "甲镇      12\n   " + unit + "乙镇       3\n\n"
	}
	src := page("附表 1", "东") + "        — 1 —\n\f" + page("附表 2", "西") + "        — 2 —\n\f" + page("附表 3", "南")
	doc := read(t, src)
	var captions []string
	for _, b := range doc.Blocks {
		if p, ok := b.(*block.Paragraph); ok && p.Region == block.Body {
			captions = append(captions, p.Text)
		}
	}
	assert.Equal(t, []string{"附表1", "附表2", "附表3"}, captions)
	assert.Len(t, tables(doc), 3)
}

// A header printed again at the top of a page is not read as data.
func TestRepeatedHeaderSkipped(t *testing.T) {
	head := "              按时\n   单位名称   办理数   办结率\n"
	src := head + "   甲镇         12     91.67%\n   乙镇          3      100%\n\n          — 1 —\n" +
		"\f" + head + "   丙镇        5     80%\n   丁镇        7     100%\n"
	got := tables(read(t, src))
	require.Len(t, got, 1)
	assert.Len(t, got[0], 6, "two header lines and four rows: %q", got[0])
}

// A masthead whose issuer and date stand apart, and a line of a date and an
// issue number, are not table rows.
func TestMastheadIsNotATable(t *testing.T) {
	src := "西坪县12345热线办公室            2025 年 4 月 3 日\n" +
		"2025 年第 5 期                   总第 74 期\n" +
		"\n" +
		"本月受理群众诉求1820件。\n"
	doc := read(t, src)
	assert.Empty(t, tables(doc))
	assert.Equal(t, "西坪县12345热线办公室            2025年4月3日", paragraphs(doc)[0])
}

// Rows starting with "—", and rows whose values are all "—", are rows of
// their own.
func TestDashRows(t *testing.T) {
	src := "   排名    单位       办理数    满意率\n\n" +
		"    1     甲局        12      91.67%\n" +
		"    —     乙局        —        —\n" +
		"    —     丙局        0        —\n" +
		"    2     丁局        3       100%\n"
	assert.Equal(t, [][][]string{{
		{"排名", "单位", "办理数", "满意率"}, {"1", "甲局", "12", "91.67%"}, {"—", "乙局", "—", "—"},
		{"—", "丙局", "0", "—"}, {"2", "丁局", "3", "100%"},
	}}, tables(read(t, src)))
}

// Unit names wrapped in a narrow column: centred on their row (the data
// line's label empty, the name on the lines above and below) or wrapped
// below their first line.
func TestWrappedUnitNames(t *testing.T) {
	centred := "" +
		"序号     单位名称      办理数    满意率\n" +
		"1        甲镇          12      91.67%\n" +
		"        经济技术开\n" +
		"2                      30      90%\n" +
		"        发区管委会\n" +
		"        生态旅游度\n" +
		"3                      8       100%\n" +
		"        假区管委会\n" +
		"4        乙镇          3       100%\n"
	below := "" +
		"序号     单位名称      办理数    满意率\n" +
		"1       甲镇           12      91.67%\n" +
		"2       经济技术开     30      90%\n" +
		"        发区管委会\n" +
		"3       乙镇           3       100%\n"
	units := func(src string) []string {
		got := tables(read(t, src))
		require.Len(t, got, 1)
		var out []string
		for _, r := range got[0][1:] {
			out = append(out, strings.ReplaceAll(r[1], "\n", ""))
		}
		return out
	}
	assert.Equal(t, []string{"甲镇", "经济技术开发区管委会", "生态旅游度假区管委会", "乙镇"}, units(centred))
	assert.Equal(t, []string{"甲镇", "经济技术开发区管委会", "乙镇"}, units(below))
}

// Header cells wrapped over lines, one of them with a blank line inside,
// and the label of a single-line cell printed on the middle line.
func TestWrappedHeaderAcrossBlankLines(t *testing.T) {
	src := "各单位办理情况\n" +
		"\n" +
		"              按时\n" +
		"\n" +
		"   单位名称   办结率    办理数     满意率\n" +
		"\n" +
		"              （%）\n" +
		"\n" +
		"   甲镇      91.67%     12       90%\n" +
		"   乙镇       100%       3       80%\n"
	doc := read(t, src)
	assert.Equal(t, "各单位办理情况", paragraphs(doc)[0])
	got := tables(doc)
	require.Len(t, got, 1)
	assert.Equal(t, [][]string{{"", "按时", "", ""}, {"单位名称", "办结率", "办理数", "满意率"}, {"", "（%）", "", ""}}, got[0][:3])
}

// A title's short second line above a table stays a paragraph.
func TestWrappedTitleAboveTable(t *testing.T) {
	src := "3 月份区直部门及公共服务单位群众诉求事项\n\n办理情况\n\n" +
		"                   按时\n   单位名称      办理数   办结率\n\n" +
		"       甲局    4     100%\n       乙局    3     100%\n"
	doc := read(t, src)
	assert.Equal(t, []string{"3月份区直部门及公共服务单位群众诉求事项", "办理情况"}, paragraphs(doc))
}

// pdftotext prints the lines of a widely spaced paragraph with blank lines
// between them: a line reaching the right margin goes on, a first line
// indented past the margin or a short last line ends the paragraph, and
// the gaps it leaves beside numbers do not stay.
func TestLayoutParagraphs(t *testing.T) {
	src := "" +
		"  本月，县12345热线共受理群众诉求 4186 件，同比增加 312 件，增\n" +
		"\n" +
		"幅 8.05%。其中电话诉求 3377 件，网络诉求 809 件，分别占 80.67%\n" +
		"\n" +
		"和 19.33%。\n" +
		"\n" +
		"  请各单位对超期工单逐件说明原因，于 4 月 10 日前报县 12345 热\n" +
		"\n" +
		"线办公室。\n" +
		"\n" +
		"  上 半 年 转 派 工 单 办 结 21784 件 ， 办 结 率 99.49% ； 回 访 满\n" +
		"\n" +
		"意 20476 件。\n"
	assert.Equal(t, []string{
		"本月，县12345热线共受理群众诉求4186件，同比增加312件，增幅8.05%。其中电话诉求3377件，网络诉求809件，分别占80.67%和19.33%。",
		"请各单位对超期工单逐件说明原因，于4月10日前报县12345热线办公室。",
		"上半年转派工单办结21784件，办结率99.49%；回访满意20476件。",
	}, paragraphs(read(t, src)))
}

// Two-level headers as a Word table copied as text prints them: the group
// labels once, rows shorter than the data rows; a 合计 row whose 序号 is a
// TAB alone.
func TestTabCellsTwoLevelHeader(t *testing.T) {
	src := "\t序号\n\t单位\n\t电话\n\t网络\n\n" +
		"\t受理数\n\t满意率\n\t受理数\n\t满意率\n\n" +
		"\t\n\t合计\n\t30\n\t90%\n\t8\n\t100%\n\n" +
		"\t1\n\t甲镇\n\t10\n\t90%\n\t5\n\t100%\n\n" +
		"\t2\n\t乙镇\n\t20\n\t90%\n\t3\n\t100%\n"
	got := tables(read(t, src))
	require.Len(t, got, 1)
	assert.Equal(t, [][]string{
		{"序号", "单位", "电话", "网络"}, {"受理数", "满意率", "受理数", "满意率"},
		{"", "合计", "30", "90%", "8", "100%"},
	}, got[0][:3])
}

// A TAB-marked header cell with an empty line inside does not end the
// header.
func TestTabCellWithBlankLine(t *testing.T) {
	src := "\t单位\n\t办理数\n\t满意率\n\n（%）\n\n\t甲镇\n\t12\n\t90%\n\n\t乙镇\n\t3\n\t80%\n\n\t丙镇\n\t5\n\t70%\n"
	got := tables(read(t, src))
	require.Len(t, got, 1)
	assert.Equal(t, []string{"单位", "办理数", "满意率\n（%）"}, got[0][0])
	assert.Len(t, got[0], 4)
}

// A number wrapped in a narrow column before its "%" is one cell, and does
// not end the table.
func TestWrappedPercent(t *testing.T) {
	src := "" +
		"序号   单位        办理数   满意率\n" +
		"1      甲镇         12      100.00\n" +
		"                             %\n" +
		"2      乙镇          3      91.67%\n" +
		"3      丙镇          5      80.00%\n"
	got := tables(read(t, src))
	require.Len(t, got, 1)
	assert.Equal(t, []string{"1", "甲镇", "12", "100.00%"}, got[0][1])
	assert.Len(t, got[0], 4)
}

// readFixture reads a file of testdata/text.
func readFixture(t *testing.T, name string) *block.Document {
	t.Helper()
	src, err := os.ReadFile("../../testdata/text/" + name)
	require.NoError(t, err)
	return read(t, string(src))
}

// A TAB-marked header whose last cell wraps across a blank line ("办结率",
// "", "(%)") right before a 合计 row that opens with an empty cell (a TAB
// alone) is one header, and the table one table.
func TestTabCellWrappedBeforeEmptyCell(t *testing.T) {
	got := tables(readFixture(t, "probe/tab-wrapped-header-empty-cell.txt"))
	require.Len(t, got, 1)
	assert.Equal(t, []string{"序号", "单位", "工单总数", "办结数", "办结率\n(%)"}, got[0][0])
	assert.Equal(t, []string{"", "合计", "215", "209", "97.21"}, got[0][1])
	assert.Len(t, got[0], 5)
}

// A header cell wrapped around the header line ("数据完" above, "整得分"
// below) keeps its lower piece when the first row (a 合计 without scores)
// leaves its column empty: the rows below have numbers there, so the piece
// is no label wrapped above the first row.
func TestLayoutHeaderPieceOverEmptyCell(t *testing.T) {
	got := tables(readFixture(t, "probe/layout-header-piece-empty-total.txt"))
	require.Len(t, got, 1)
	var header []string
	for c := range got[0][0] {
		var pieces []string
		for _, r := range got[0][:3] {
			if r[c] != "" {
				pieces = append(pieces, r[c])
			}
		}
		header = append(header, strings.Join(pieces, ""))
	}
	assert.Equal(t, []string{"单位", "受理件数", "回访数", "回访率", "数据完整得分", "总得分", "排名"}, header)
	assert.Equal(t, []string{"合计", "412", "260", "63.1%", "", "", ""}, got[0][3])
}

// TAB-marked header cells wrapped over three lines, each after a blank
// line ("转办", "", "工单", "", "数量"), are one header row.
func TestTabCellsThreeLineHeader(t *testing.T) {
	got := tables(readFixture(t, "probe/tab-header-three-lines.txt"))
	require.Len(t, got, 1)
	assert.Equal(t, []string{"承办单位", "转办\n工单\n数量", "按时\n办结\n数量", "按时\n办结\n率"}, got[0][0])
	assert.Len(t, got[0], 4)
}

// The first row's unit name centred on its data line, its top piece too
// long for a piece of a header cell, stays the row's label.
func TestLayoutLongLabelAboveFirstRow(t *testing.T) {
	got := tables(readFixture(t, "probe/layout-long-label-above-first-row.txt"))
	require.Len(t, got, 1)
	require.Len(t, got[0], 6)
	assert.Equal(t, []string{"桐溪经济开发区管理委\n员会社会事务局", "64", "60", "93.75%"}, got[0][3])
}

// Section headings standing on lines of their own inside a layout table,
// the first right under the header, are rows of their own (one text in
// the first column), neither header lines nor titles ending the table.
func TestLayoutSectionRows(t *testing.T) {
	got := tables(readFixture(t, "probe/layout-section-rows.txt"))
	require.Len(t, got, 1)
	require.Len(t, got[0], 8)
	assert.Equal(t, []string{"单位", "受理数", "办结数", "办结率"}, got[0][0])
	assert.Equal(t, []string{"一、县直部门", "", "", ""}, got[0][1])
	assert.Equal(t, []string{"县水务局", "64", "60", "93.75%"}, got[0][2])
	assert.Equal(t, []string{"二、乡镇", "", "", ""}, got[0][4])
	assert.Equal(t, []string{"合计", "180", "168", "93.33%"}, got[0][7])
}

// A last column that most rows of a layout table leave empty (备注) is a
// column: the header names it and some rows fill it.
func TestLayoutSparseLastColumn(t *testing.T) {
	got := tables(readFixture(t, "probe/layout-sparse-last-column.txt"))
	require.Len(t, got, 1)
	require.Len(t, got[0], 7)
	assert.Equal(t, []string{"乡镇", "受理数", "办结数", "办结率", "备注"}, got[0][0])
	assert.Equal(t, []string{"桐溪镇", "83", "81", "97.59%", ""}, got[0][1])
	assert.Equal(t, []string{"柳湾乡", "61", "61", "100%", "新设"}, got[0][3])
}

// utf16 encodes s as UTF-16 in the given byte order, without a byte order
// mark.
func utf16(order binary.AppendByteOrder, s string) []byte {
	var out []byte
	for _, u := range utf16pkg.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// splitLines sizes its list for the lines there are, a CRLF being one line
// end.
func TestSplitLinesCapacity(t *testing.T) {
	for src, want := range map[string]int{
		"a\r\nb\r\nc":  3,
		"a\nb\rc\r\n":  3,
		"\r\n\r\n\r\n": 3,
		"":             0,
	} {
		lines, err := splitLines(src, 100)
		require.NoError(t, err)
		assert.Len(t, lines, want, "%q", src)
		assert.LessOrEqual(t, cap(lines), want+1, "%q", src)
	}
}
