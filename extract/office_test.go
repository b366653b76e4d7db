package extract_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
)

// TestOfficeSeedFixtures extends the cross-format test to the legacy Word
// and spreadsheet formats: the seed saved by LibreOffice as .doc, .xlsx and
// .xls (testdata/gen/office.sh) gives the records of its text version, its
// format detected from the content.
func TestOfficeSeedFixtures(t *testing.T) {
	ctx := context.Background()
	want, err := extract.ExtractFile(ctx, seed)
	require.NoError(t, err)
	for file, format := range map[string]extract.Format{
		"yanshi-2023-03.doc":  extract.DOC,
		"yanshi-2023-03.xlsx": extract.XLSX,
		"yanshi-2023-03.xls":  extract.XLS,
	} {
		t.Run(file, func(t *testing.T) {
			got, err := extract.ExtractFile(ctx, "../testdata/office/"+file)
			require.NoError(t, err)
			require.Equal(t, string(format), got.Source.Format)
			bulletintest.Equal(t, bulletintest.Records(want), bulletintest.Records(got), "records differ from the text seed's")
		})
	}
}

// TestOfficeMergedHeader reads the workbook a program wrote (two-level
// merged header, rates as fractions under percent formats, formulas) and
// the same workbook saved as .xls: both give the same records, with the
// rates as the spreadsheet shows them and their stored values beside them.
func TestOfficeMergedHeader(t *testing.T) {
	ctx := context.Background()
	x, err := extract.ExtractFile(ctx, "../testdata/office/merged-header.xlsx")
	require.NoError(t, err)
	b, err := extract.ExtractFile(ctx, "../testdata/office/merged-header.xls")
	require.NoError(t, err)
	require.Len(t, x.Tables, 1)
	tb := x.Tables[0]
	require.Equal(t, "附件1", tb.Label, "the sheet's name captions the table")
	require.Len(t, tb.Rows, 6)
	require.True(t, tb.Rows[5].Total)
	for _, c := range []struct {
		row          int
		key          model.Key
		text, stored string
		value        float64
		decimals     int
	}{
		{0, "电话诉求/on_time_rate", "97.22%", "0.972222222222222", 97.22, 2},
		{1, "网民诉求/on_time_rate", "91.7%", "0.916666666666666", 91.7, 1},
		{2, "电话诉求/on_time_rate", "95.00%", "0.95", 95, 2}, // the stale cached value, as shown
		{5, "电话诉求/handled", "176", "", 176, 0},
	} {
		cell := tb.Rows[c.row].Cells[c.key]
		require.Equal(t, c.text, cell.Text, "%d %s", c.row, c.key)
		require.Equal(t, c.stored, cell.Stored, "%d %s", c.row, c.key)
		require.NotNil(t, cell.Value)
		require.InDelta(t, c.value, *cell.Value, 1e-9)
		if c.decimals > 0 {
			require.Equal(t, c.decimals, *cell.Decimals)
		}
	}
	var stale bool
	for _, p := range x.Problems {
		stale = stale || p.Pos == model.Pos{Part: "附件1", Row: 5, Col: 5}
	}
	require.True(t, stale, "the stale formula is reported: %v", x.Problems)
	bulletintest.Equal(t, bulletintest.Records(x), bulletintest.Records(b), "xls and xlsx records differ")
}
