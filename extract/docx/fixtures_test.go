package docx_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/docx"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
)

const (
	seedText    = "../../testdata/yanshi-2023-03.txt"
	fixtureDir  = "../../testdata/docx"
	seedDOCX    = fixtureDir + "/yanshi-2023-03.libreoffice.docx"
	mergedDOCX  = fixtureDir + "/merged-header.docx"
	pageBreak   = fixtureDir + "/yanshi-2023-03.pagebreak.docx"
	textBoxDOCX = fixtureDir + "/yanshi-2023-03.textbox.docx"
	quirksDOCX  = fixtureDir + "/yanshi-2023-03.quirks.docx"
)

// TestSeedFixtures is the acceptance test of the DOCX reader: every DOCX
// rendering of the seed bulletin gives the records of its text version.
func TestSeedFixtures(t *testing.T) {
	ctx := context.Background()
	want, err := extract.ExtractFile(ctx, seedText)
	require.NoError(t, err)
	files, err := filepath.Glob(fixtureDir + "/yanshi-2023-03.*.docx")
	require.NoError(t, err)
	require.Len(t, files, 6, "libreoffice, pandoc, quirks, pagebreak, textbox, strict")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			got, err := extract.ExtractFile(ctx, f)
			require.NoError(t, err)
			require.Equal(t, "docx", got.Source.Format)
			bulletintest.Equal(t, bulletintest.Records(want), bulletintest.Records(got), "records differ from the text seed's")
		})
	}
}

func readFile(t *testing.T, path string) *block.Document {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	st, err := f.Stat()
	require.NoError(t, err)
	doc, err := docx.Read(context.Background(), f, st.Size(), block.Limits{})
	require.NoError(t, err)
	return doc
}

func tables(doc *block.Document) []*block.Table {
	var out []*block.Table
	for _, b := range doc.Blocks {
		if t, ok := b.(*block.Table); ok {
			out = append(out, t)
		}
	}
	return out
}

// TestMergedHeader reads a two-level header made of w:vMerge and
// w:gridSpan, and a 合计 row whose label spans two columns.
func TestMergedHeader(t *testing.T) {
	doc := readFile(t, mergedDOCX)
	tb := tables(doc)
	require.Len(t, tb, 1)
	require.Equal(t, []string{
		"| 序号{r2} | 单位名称{r2} | 电话诉求{c3} | 网民诉求{c3} |",
		"| 办理数 | 按时\n办结数 | 按时\n办结率 | 办理数 | 按时\n办结数 | 按时\n办结率 |",
	}, dump(&block.Document{Blocks: []block.Block{tb[0]}})[1:3])

	b, err := extract.ExtractFile(context.Background(), mergedDOCX)
	require.NoError(t, err)
	require.Len(t, b.Tables, 1)
	got := b.Tables[0]
	var keys []model.Key
	for _, c := range got.Columns {
		keys = append(keys, c.Key)
	}
	require.Equal(t, []model.Key{model.Seq, model.Unit,
		"电话诉求/handled", "电话诉求/on_time", "电话诉求/on_time_rate",
		"网民诉求/handled", "网民诉求/on_time", "网民诉求/on_time_rate"}, keys)
	var units []string
	for _, r := range got.Rows {
		units = append(units, r.Unit)
	}
	require.Equal(t, []string{"烟草局", "供电公司", "交警大队", "人社局", "文物局", "合计"}, units)
	total := got.Rows[5]
	require.True(t, total.Total)
	for _, r := range got.Rows[:5] {
		require.False(t, r.Total, r.Unit)
	}
	n, ok := total.Count("电话诉求/handled")
	require.True(t, ok)
	require.EqualValues(t, 251, n)
	require.Equal(t, "94.44%", total.Cells["网民诉求/on_time_rate"].Text)
	require.Equal(t, []string{"按时办结率=按时办结数/办理数"}, got.Notes)
}

// TestPageBreak reads table 1 split across a page break with its header
// row repeated (w:tblHeader), and header rows repeated inside tables 2
// (unflagged) and 3 (flagged): the tables keep their columns and no
// header row is read as data.
func TestPageBreak(t *testing.T) {
	doc := readFile(t, pageBreak)
	tb := tables(doc)
	require.Len(t, tb, 5, "table 1 is two tables in the file")
	require.True(t, tb[1].Rows[0].Header, "the continuation starts with the repeated header row")
	require.Equal(t, tb[0].Rows[0].Cells, dropPos(tb[1].Rows[0].Cells))

	b, err := extract.ExtractFile(context.Background(), pageBreak)
	require.NoError(t, err)
	require.Len(t, b.Tables, 4)
	for i, want := range []int{45, 13, 28, 13} {
		tb := b.Tables[i]
		require.Len(t, tb.Rows, want, "table %d", i+1)
		require.Equal(t, []model.Key{model.Unit, model.Handled, model.OnTime, model.OnTimeRate,
			model.Satisfied, model.SatisfactionRate, model.Excellent, model.ExcellenceRate}, columnKeys(tb))
		for _, r := range tb.Rows {
			require.NotContains(t, r.Unit, "单位", "a header row among the data rows of table %d", i+1)
			_, ok := r.Count(model.Handled)
			require.True(t, ok, "%s has a count", r.Unit)
		}
	}
}

func dropPos(cells []block.Cell) []block.Cell {
	out := append([]block.Cell(nil), cells...)
	for i := range out {
		out[i].Pos.Block -= 2 // the split table is two blocks further on
	}
	return out
}

func columnKeys(t model.Table) []model.Key {
	var keys []model.Key
	for _, c := range t.Columns {
		keys = append(keys, c.Key)
	}
	return keys
}

// TestTextBox reads table 4 from a text box present in both branches of
// mc:AlternateContent: it is read once.
func TestTextBox(t *testing.T) {
	doc := readFile(t, textBoxDOCX)
	tb := tables(doc)
	require.Len(t, tb, 4)
	require.Equal(t, "伊洛街道", tb[3].Rows[1].Cells[0].Text)
}

// TestQuirks spot-checks the Word/WPS variant: header and footer regions,
// a field's result, a tracked change in a cell, a deleted row.
func TestQuirks(t *testing.T) {
	doc := readFile(t, quirksDOCX)
	lines := dump(doc)
	require.Equal(t, "H:内部通报", lines[0])
	require.Equal(t, "F:第 1 页", lines[len(lines)-1])
	require.Contains(t, lines, "| 交警大队 | 72 | 72 | 100% | 67 | 93.06% | 65 | 90.28% |")
	require.Contains(t, lines, "| 烟草局 | 4 | 4 | 100% | 4 | 100% | 4 | 100% |")
	require.Contains(t, lines, "| 民政局 | 8 | 8 | 100% | 7 | 87.5% | 7 | 87.5% |")
	require.NotContains(t, lines, "| 9 | 9 | 9 | 9 | 9 | 9 | 9 | 9 |", "the deleted row")
	for _, l := range lines {
		require.False(t, strings.Contains(l, "2600"), "deleted text")
	}
}
