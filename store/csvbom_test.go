package store_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
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

// A web page's bulletin keeps its parts (the page and its attachments),
// each table the part it came from, and each finding its basis: in the
// archive, in CSV written as files are read, and in CSV exported from the
// archive.
func TestPartsAndBasis(t *testing.T) {
	ctx := context.Background()
	e := pageEntry(t, "/in/page.html")
	s := open(t)
	require.NoError(t, s.Put(ctx, e))
	var parts []string
	rows, err := s.DB().Query(`SELECT part, name, format, url FROM parts ORDER BY part`)
	require.NoError(t, err)
	for rows.Next() {
		var i int
		var name, format, url string
		require.NoError(t, rows.Scan(&i, &name, &format, &url))
		parts = append(parts, fmt.Sprint(i, " ", format, " ", url))
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, []string{"0 html ", "1 docx fj1.docx", "2 pdf /u/cms/files/fj2.pdf"}, parts)
	for i, tb := range e.Bulletin.Tables {
		assert.Equal(t, tb.Part, query[int](t, s, `SELECT part FROM tables WHERE tbl = ?`, i))
	}
	require.NotEmpty(t, e.Findings)
	for i, f := range e.Findings {
		assert.Equal(t, f.Basis, query[string](t, s, `SELECT coalesce(basis, '') FROM findings WHERE finding = ?`, i))
	}

	direct, exported := t.TempDir(), t.TempDir()
	c, err := store.CreateCSV(direct)
	require.NoError(t, err)
	require.NoError(t, c.Put(ctx, pageEntry(t, "/in/page.html")))
	require.NoError(t, c.Close())
	require.NoError(t, store.ExportCSV(ctx, s, exported))
	for _, dir := range []string{direct, exported} {
		_, partsCSV := readCSV(t, dir, "parts.csv")
		assert.Equal(t, []string{"bulletin_id", "part", "name", "format", "sha256", "url"}, partsCSV[0])
		assert.Len(t, partsCSV, 1+3, dir)
		_, tablesCSV := readCSV(t, dir, "tables.csv")
		assert.Equal(t, "part", tablesCSV[0][len(tablesCSV[0])-1])
		assert.Equal(t, []string{"1", "2"}, []string{tablesCSV[1][len(tablesCSV[1])-1], tablesCSV[2][len(tablesCSV[2])-1]}, dir)
		_, findingsCSV := readCSV(t, dir, "findings.csv")
		assert.Equal(t, "basis", findingsCSV[0][len(findingsCSV[0])-1])
		for i, f := range e.Findings {
			assert.Equal(t, f.Basis, findingsCSV[1+i][len(findingsCSV[0])-1], dir)
		}
	}
}
