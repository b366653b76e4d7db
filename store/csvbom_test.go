package store_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/store"
)

// readCSV reads a CSV file of dir, with the byte order mark it starts with
// (or not) reported apart.
func readCSV(t *testing.T, dir, name string) (bom bool, records [][]string) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	require.NoError(t, err)
	data, bom = bytes.CutPrefix(data, []byte("\ufeff"))
	records, err = csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	return bom, records
}

// The CSV files open in spreadsheet programs: a byte order mark first, and
// cells.csv with the columns to filter and join by.
func TestCSVBOMAndJoinColumns(t *testing.T) {
	dir := t.TempDir()
	c, err := store.CreateCSV(dir)
	require.NoError(t, err)
	ctx := context.Background()
	require.NoError(t, c.Put(ctx, seedEntry(t, "/in/a.txt")))
	require.NoError(t, c.Put(ctx, seedEntry(t, "/in/copy.txt"))) // the same bulletin
	require.NoError(t, c.Close())

	bom, cells := readCSV(t, dir, "cells.csv")
	assert.True(t, bom)
	head := cells[0]
	for _, col := range []string{"path", "issuer", "period_start", "period_end", "period_label", "table_label", "table_title", "channel", "unit", "grp", "key", "value"} {
		assert.Contains(t, head, col)
	}
	assert.Len(t, cells, 1+99*7, "the bulletin's cells once")
	row := map[string]string{}
	for i, col := range head {
		row[col] = cells[len(cells)-1][i]
	}
	assert.Equal(t, "洛阳市偃师区政务服务和大数据管理局", row["issuer"])
	assert.Equal(t, "2023-03-01", row["period_start"])
	assert.Equal(t, "附件4", row["table_label"])
	assert.Equal(t, "online", row["channel"])
	_, sources := readCSV(t, dir, "sources.csv")
	assert.Equal(t, [][]string{{"file_id", "bulletin_id"}, {"1", "1"}, {"2", "1"}}, sources)
	_, units := readCSV(t, dir, "units.csv")
	assert.Equal(t, []string{"issuer", "name", "unit", "rule", "evidence"}, units[0])
	assert.Greater(t, len(units), 50)

	dir = t.TempDir()
	c, err = store.CreateCSV(dir, store.WithoutBOM())
	require.NoError(t, err)
	require.NoError(t, c.Close())
	bom, files := readCSV(t, dir, "files.csv")
	assert.False(t, bom)
	assert.Equal(t, "id", files[0][0])
}
