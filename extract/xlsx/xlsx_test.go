package xlsx_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
)

func readFile(t testing.TB, path string) *block.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	doc, err := read(data, block.Limits{})
	require.NoError(t, err)
	return doc
}

// TestMergedHeader reads the program-written workbook: the sheet name as
// caption, merged ranges as spans, the text shown beside the value stored,
// hidden rows and columns marked, the stale formula and the hidden sheet
// reported.
func TestMergedHeader(t *testing.T) {
	doc := readFile(t, mergedXLSX)
	require.Len(t, doc.Blocks, 3)
	require.Equal(t, "附件1", doc.Blocks[0].(*block.Paragraph).Text)
	tb := doc.Blocks[1].(*block.Table)
	require.Equal(t, "注：按时办结率=按时办结数/办理数。", doc.Blocks[2].(*block.Paragraph).Text)
	require.Len(t, tb.Rows, 8)
	head := tb.Rows[0].Cells
	require.Equal(t, []string{"序号", "单位名称", "电话诉求", "网民诉求", "备注"}, texts(head))
	require.Equal(t, 2, head[0].RowSpan)
	require.Equal(t, 3, head[2].ColSpan)
	require.Len(t, tb.Rows[1].Cells, 7, "the second header row has no cells under the row spans")
	rate := tb.Rows[2].Cells[4]
	require.Equal(t, "97.22%", rate.Text)
	require.Equal(t, "0.972222222222222", rate.Value)
	require.Equal(t, model.Pos{Part: "附件1", Row: 3, Col: 5}, rate.Pos)
	require.True(t, tb.Rows[5].Hidden, "row 6 is hidden")
	require.True(t, tb.Rows[2].Cells[8].Hidden, "column I is hidden")
	require.False(t, tb.Rows[2].Cells[7].Hidden)
	var msgs []string
	for _, p := range doc.Problems {
		msgs = append(msgs, p.Pos.String()+": "+p.Message)
	}
	require.Equal(t, []string{
		"说明: sheet is hidden in the workbook; not read",
		`附件1 row 5 col 5: formula =D5/C5 in E5 shows "95.00%" (cached 0.95) but recomputes to 0.958333333333333`,
		"附件1 row 6: row 6 is hidden in the sheet; read like the others",
		"附件1 col 9: column I is hidden in the sheet; read like the others",
	}, msgs)
}

func texts(cells []block.Cell) []string {
	var out []string
	for _, c := range cells {
		out = append(out, c.Text)
	}
	return out
}

// TestFormulas checks the recomputation of formulas: one without a cached
// value shows its recomputation, one that cannot be recomputed is left
// empty, and both are noted; formulas over other formulas and other sheets
// are not rechecked.
func TestFormulas(t *testing.T) {
	data := sheetXLSX(t, `<row r="1"><c r="A1"><v>3</v></c><c r="B1"><v>4</v></c>`+
		`<c r="C1"><f>A1+B1</f></c>`+ // no cached value: recomputed
		`<c r="D1"><f>C1*2</f><v>99</v></c>`+ // over a formula: not rechecked
		`<c r="E1"><f>Other!A1</f></c>`+ // another sheet: not recomputed
		`<c r="F1"><f>ROUND(A1/B1,2)</f><v>0.75</v></c></row>`) // agrees
	doc, err := read(data, block.Limits{})
	require.NoError(t, err)
	tb := doc.Blocks[len(doc.Blocks)-1].(*block.Table)
	require.Equal(t, []string{"3", "4", "7", "99", "", "0.75"}, texts(tb.Rows[0].Cells))
	var msgs []string
	for _, p := range doc.Problems {
		msgs = append(msgs, p.Message)
	}
	require.Equal(t, []string{
		"formula =A1+B1 in C1 caches no value; shown as recomputed: 7",
		"formula =Other!A1 in E1 caches no value and is not recomputed; cell left empty",
	}, msgs)
}

// TestLayout checks how rows of one cell and rows of several are told
// apart: a title and a note around a table are paragraphs, an unmerged
// lone cell between table rows is a row, a blank row ends a table.
func TestLayout(t *testing.T) {
	data := sheetXLSX(t, strings.Join([]string{
		`<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>`,
		`<row r="2"><c r="A2" t="inlineStr"><is><t>单位</t></is></c><c r="B2" t="inlineStr"><is><t>办理数</t></is></c></row>`,
		`<row r="3"><c r="A3" t="inlineStr"><is><t>甲</t></is></c><c r="B3"><v>1</v></c></row>`,
		`<row r="4"><c r="A4" t="inlineStr"><is><t>乙</t></is></c></row>`,
		`<row r="5"><c r="A5" t="inlineStr"><is><t>丙</t></is></c><c r="B5"><v>2</v></c></row>`,
		`<row r="6"><c r="A6" t="inlineStr"><is><t>注：说明</t></is></c></row>`,
		`<row r="8"><c r="B8" t="inlineStr"><is><t>a</t></is></c><c r="C8" t="inlineStr"><is><t>b</t></is></c></row>`,
	}, ""))
	doc, err := read(data, block.Limits{})
	require.NoError(t, err)
	var got []string
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *block.Paragraph:
			got = append(got, "P "+b.Text)
		case *block.Table:
			for _, r := range b.Rows {
				got = append(got, "R "+strings.Join(texts(r.Cells), "|"))
			}
			got = append(got, "-")
		}
	}
	require.Equal(t, []string{"P 标题", "R 单位|办理数", "R 甲|1", "R 乙|", "R 丙|2", "-", "P 注：说明", "R a|b", "-"}, got)
}

// TestSeedBlocks checks the seed as LibreOffice writes it to a workbook:
// prose rows merged across the sheet are paragraphs, and the four tables
// are tables.
func TestSeedBlocks(t *testing.T) {
	doc := readFile(t, seedXLSX)
	var rows []int
	for _, b := range doc.Blocks {
		if tb, ok := b.(*block.Table); ok {
			rows = append(rows, len(tb.Rows))
		}
	}
	require.Equal(t, []int{46, 14, 29, 14}, rows)
	require.Empty(t, doc.Problems)
}

// TestRecheckBound checks that a sheet of many merged ranges and many
// formulas stops recomputing at the work bound (each of the library's
// cell look-ups searches every merged range) and says how many it left.
func TestRecheckBound(t *testing.T) {
	var rows, merges strings.Builder
	for r := 1; r <= 5000; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><f>A%d*2</f><v>%d</v></c></row>`, r, r, r, r, r, 2*r)
		fmt.Fprintf(&merges, `<mergeCell ref="D%d:E%d"/>`, r, r)
	}
	data := bulletintest.Zip(t, append(workbookParts(), bulletintest.ZipEntry{Name: "xl/worksheets/sheet1.xml",
		Data: []byte(`<worksheet ` + nsMain + `><sheetData>` + rows.String() + `</sheetData><mergeCells>` + merges.String() + `</mergeCells></worksheet>`)})...)
	doc, err := read(data, block.Limits{MaxSheetCells: 100_000})
	require.NoError(t, err)
	last := doc.Problems[len(doc.Problems)-1]
	require.Contains(t, last.Message, "formulas not recomputed: the cells they look up exceed the work bound")
}
