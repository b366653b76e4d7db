package doc_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/doc"
	"github.com/hotline12345/bulletin/model"
)

func readFile(t testing.TB, path string) *block.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	d, err := read(data, block.Limits{})
	require.NoError(t, err)
	return d
}

// dump writes a table's rows, with spans.
func dump(tb *block.Table) []string {
	var out []string
	for _, r := range tb.Rows {
		s := "|"
		for _, c := range r.Cells {
			s += " " + c.Text
			if c.RowSpan > 1 {
				s += fmt.Sprintf("{r%d}", c.RowSpan)
			}
			if c.ColSpan > 1 {
				s += fmt.Sprintf("{c%d}", c.ColSpan)
			}
			s += " |"
		}
		out = append(out, s)
	}
	return out
}

// TestMergedHeader reads the two-level header of a real Word 97 file: the
// rows' cell edges give the column spans, the vertical merge flags the row
// spans.
func TestMergedHeader(t *testing.T) {
	d := readFile(t, mergedDOC)
	var tables []*block.Table
	for _, b := range d.Blocks {
		if tb, ok := b.(*block.Table); ok {
			tables = append(tables, tb)
		}
	}
	require.Len(t, tables, 1)
	rows := dump(tables[0])
	require.Equal(t, []string{
		"| 序号{r2} | 单位名称{r2} | 电话诉求{c3} | 网民诉求{c3} |",
		"| 办理数 | 按时\n办结数 | 按时\n办结率 | 办理数 | 按时\n办结数 | 按时\n办结率 |",
	}, rows[:2])
	require.Equal(t, "| 合计{c2} | 251 | 248 | 98.8% | 18 | 17 | 94.44% |", rows[len(rows)-1])
	require.Equal(t, model.Pos{Part: "WordDocument", Block: 3, Row: 3, Col: 2}, tables[0].Rows[2].Cells[1].Pos)
	require.Empty(t, d.Problems)
}

// TestFields checks that a field shows its result, not its instruction,
// and that breaks and special characters read as text does.
func TestFields(t *testing.T) {
	text := "合计\x13 =SUM(ABOVE) \x14251\x15件\v第二行\t末\x1e尾\x1f\r"
	d, err := read(buildDoc(text, nil), block.Limits{})
	require.NoError(t, err)
	require.Equal(t, "合计251件\n第二行\t末-尾", d.Blocks[0].(*block.Paragraph).Text)

	// Nested fields: an instruction holding a field hides it all; a result
	// holding one shows the inner result; a stray separator or end mark
	// changes nothing.
	text = "\x14\x15甲\x13 IF \x13 PAGE \x141\x15 \x14乙\x13 REF x \x14丙\x15\x15丁\r"
	d, err = read(buildDoc(text, nil), block.Limits{})
	require.NoError(t, err)
	require.Equal(t, "甲乙丙丁", d.Blocks[0].(*block.Paragraph).Text)
}

// Reading a legacy Word document: its paragraphs and tables.
func ExampleRead() {
	f, err := os.Open("../../testdata/docx/merged-header.doc")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, _ := f.Stat()
	d, err := doc.Read(context.Background(), f, st.Size(), block.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *block.Paragraph:
			fmt.Println(b.Pos, b.Text)
		case *block.Table:
			fmt.Println(b.Pos, len(b.Rows), "rows")
		}
	}
	// Output:
	// WordDocument block 1 附件
	// WordDocument block 2 2023年3月份各单位群众诉求办理情况
	// WordDocument block 3 8 rows
	// WordDocument block 4 注：按时办结率=按时办结数/办理数。
}
