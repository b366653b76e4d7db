package extract_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
)

const seed = "../testdata/yanshi-2023-03.txt"

// TestGolden extracts every bulletin in testdata that has a golden file
// beside it and compares the whole result. Run with -update to rewrite the
// golden files, then review the diff.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("../testdata/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			b, err := extract.ExtractFile(context.Background(), in)
			require.NoError(t, err)
			bulletintest.Golden(t, strings.TrimSuffix(in, ".txt")+".golden.json", b)
		})
	}
}

// TestSeedCells checks the seed's tables against the seed itself, read the
// simplest way: its cells are the TAB-prefixed lines, in order, and after
// each table's header every line is a cell of a unit row.
func TestSeedCells(t *testing.T) {
	b, err := extract.ExtractFile(context.Background(), seed)
	require.NoError(t, err)
	require.Len(t, b.Tables, 4)

	f, err := os.Open(seed)
	require.NoError(t, err)
	defer f.Close()
	var printed []string // every TAB-prefixed cell after the header cells
	inHeader := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "\t") {
			continue
		}
		cell := strings.TrimSpace(line)
		if cell == "单位名称" {
			inHeader = true
			continue
		}
		if inHeader {
			if cell == "优秀率" {
				inHeader = false
			}
			continue
		}
		printed = append(printed, cell)
	}
	require.NoError(t, sc.Err())

	var extracted []string
	wantRows := []int{45, 13, 28, 13}
	wantHandled := []int64{1884, 841, 185, 52}
	for i, tb := range b.Tables {
		require.Len(t, tb.Rows, wantRows[i], "table %d rows", i)
		var handled int64
		for _, row := range tb.Rows {
			extracted = append(extracted, row.Unit)
			for _, col := range tb.Columns[1:] {
				extracted = append(extracted, row.Cells[col.Key].Text)
			}
			n, ok := row.Count(model.Handled)
			require.True(t, ok, "%s has a handled count", row.Unit)
			handled += n
		}
		require.Equal(t, wantHandled[i], handled, "table %d handled sum", i)
		require.Equal(t, []model.Key{model.Unit, model.Handled, model.OnTime, model.OnTimeRate,
			model.Satisfied, model.SatisfactionRate, model.Excellent, model.ExcellenceRate}, keys(tb))
	}
	require.Equal(t, printed, extracted)
}

func keys(t model.Table) []model.Key {
	var out []model.Key
	for _, c := range t.Columns {
		out = append(out, c.Key)
	}
	return out
}
