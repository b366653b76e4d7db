package xls_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/xls"
	"github.com/hotline12345/bulletin/extract/xlsx"
)

func readFile(t testing.TB, path string, readFn func(context.Context, *os.File, int64) (*block.Document, error)) *block.Document {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	st, err := f.Stat()
	require.NoError(t, err)
	d, err := readFn(context.Background(), f, st.Size())
	require.NoError(t, err)
	return d
}

// TestSameAsXLSX reads the program-written workbook and Calc's .xls of it:
// the same blocks, texts as shown, spans, hidden marks and problems, but
// for the stored values (.xls keeps full precision) and the formula the
// XLSX reader recomputes.
func TestSameAsXLSX(t *testing.T) {
	x := readFile(t, "../../testdata/office/merged-header.xlsx", func(ctx context.Context, f *os.File, n int64) (*block.Document, error) {
		return xlsx.Read(ctx, f, n, block.Limits{})
	})
	b := readFile(t, mergedXLS, func(ctx context.Context, f *os.File, n int64) (*block.Document, error) {
		return xls.Read(ctx, f, n, block.Limits{})
	})
	require.Len(t, b.Blocks, len(x.Blocks))
	for i := range x.Blocks {
		xt, ok := x.Blocks[i].(*block.Table)
		if !ok {
			require.Equal(t, x.Blocks[i], b.Blocks[i])
			continue
		}
		bt := b.Blocks[i].(*block.Table)
		require.Len(t, bt.Rows, len(xt.Rows))
		for r := range xt.Rows {
			require.Equal(t, xt.Rows[r].Hidden, bt.Rows[r].Hidden)
			require.Len(t, bt.Rows[r].Cells, len(xt.Rows[r].Cells))
			for c, xc := range xt.Rows[r].Cells {
				bc := bt.Rows[r].Cells[c]
				require.Equal(t, xc.Text, bc.Text, "row %d col %d", r+1, c+1)
				require.Equal(t, [3]any{xc.RowSpan, xc.ColSpan, xc.Hidden}, [3]any{bc.RowSpan, bc.ColSpan, bc.Hidden})
				require.Equal(t, xc.Pos, bc.Pos)
				require.Equal(t, xc.Value == "", bc.Value == "", "row %d col %d: %q %q", r+1, c+1, xc.Value, bc.Value)
			}
		}
	}
	var msgs []string
	for _, p := range b.Problems {
		msgs = append(msgs, p.Message)
	}
	require.Equal(t, []string{
		"row 6 is hidden in the sheet; read like the others",
		"column I is hidden in the sheet; read like the others",
		"sheet is hidden in the workbook; not read",
	}, msgs)
}

// Reading an Excel 97-2003 workbook: cells as the spreadsheet shows them.
func ExampleRead() {
	f, err := os.Open("../../testdata/office/merged-header.xls")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, _ := f.Stat()
	d, err := xls.Read(context.Background(), f, st.Size(), block.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	row := d.Blocks[1].(*block.Table).Rows[3]
	for _, c := range row.Cells[:8] {
		fmt.Print(c.Text, " ")
	}
	fmt.Println()
	// Output:
	// 2 城管局 58 56 96.55% 12 11 91.7%
}
