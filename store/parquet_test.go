package store_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/store"
)

// readParquet reads a Parquet file back with the library that wrote it:
// its column names and its rows, each value as Go would scan it from
// SQLite (nil, int64, float64, string).
func readParquet(t *testing.T, path string) ([]string, [][]any) {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	info, err := f.Stat()
	require.NoError(t, err)
	pf, err := parquet.OpenFile(f, info.Size())
	require.NoError(t, err)
	var cols []string
	for _, c := range pf.Schema().Fields() {
		cols = append(cols, c.Name())
	}
	r := parquet.NewReader(pf)
	defer r.Close()
	var out [][]any
	buf := make([]parquet.Row, 64)
	for {
		n, err := r.ReadRows(buf)
		for _, row := range buf[:n] {
			vals := make([]any, len(cols))
			for _, v := range row {
				var x any
				switch {
				case v.IsNull():
				case v.Kind() == parquet.Int64:
					x = v.Int64()
				case v.Kind() == parquet.Double:
					x = v.Double()
				default:
					x = string(v.ByteArray())
				}
				vals[v.Column()] = x
			}
			out = append(out, vals)
		}
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
	}
	return cols, out
}

// TestParquetEqualsSQLite exports an archive to Parquet, reads every file
// back and compares it with the archive's rows, column by column.
func TestParquetEqualsSQLite(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	require.NoError(t, s.Put(ctx, seedEntry(t, "/in/seed.txt")))
	require.NoError(t, s.Put(ctx, seedEntry(t, "/in/seed copy.txt")))
	b, err := extract.ExtractFile(ctx, "../testdata/docx/merged-header.docx")
	require.NoError(t, err)
	b.Problems = append(b.Problems, model.Problem{Message: "a problem of reading, made up", Pos: model.Pos{Line: 3}})
	require.NoError(t, s.Put(ctx, &store.Entry{File: store.File{Path: "/in/merged.docx", Status: store.StatusOK}, Bulletin: b}))
	require.NoError(t, s.Put(ctx, &store.Entry{File: store.File{Path: "/in/bad.pdf", Status: store.StatusFailed, Reason: "broken"}}))
	require.NoError(t, s.Put(ctx, pageEntry(t, "/in/page.html")))
	require.NotZero(t, query[int](t, s, `SELECT count(*) FROM findings WHERE basis <> ''`), "findings with their basis")
	require.NotZero(t, query[int](t, s, `SELECT count(*) FROM tables WHERE part > 0`), "tables of attachments")
	dir := filepath.Join(t.TempDir(), "parquet")
	require.NoError(t, store.ExportParquet(ctx, s, dir))

	for _, name := range store.ParquetFiles {
		t.Run(name, func(t *testing.T) {
			cols, got := readParquet(t, filepath.Join(dir, name+".parquet"))
			rows, err := s.DB().Query(fmt.Sprintf("SELECT * FROM %s", name))
			require.NoError(t, err)
			defer rows.Close()
			sqlCols, err := rows.Columns()
			require.NoError(t, err)
			assert.Equal(t, sqlCols, cols, "the columns in the schema's order")
			var want [][]any
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				require.NoError(t, rows.Scan(ptrs...))
				want = append(want, vals)
			}
			require.NoError(t, rows.Err())
			assert.NotEmpty(t, want)
			assert.ElementsMatch(t, want, got)
		})
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, len(store.ParquetFiles), "no temporary file left")
}
