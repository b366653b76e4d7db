package extract_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
)

// multiformatCopies are the text copies testdata/gen/multiformat.sh writes
// beside each DOCX.
var multiformatCopies = []string{"tab.txt", "pipe.txt", "layout.txt"}

// TestMultiFormat reads the made-up bulletins of testdata/multiformat (made
// by testdata/gen/multiformat.sh: a landscape table over several pages with
// page numbers, a two-level header repeated on every page, wrapped unit
// names and header cells) as DOCX, compares their records with the golden
// files, and expects the same records from every text copy: TAB text,
// pipe text and pdftotext -layout of LibreOffice's PDF.
func TestMultiFormat(t *testing.T) {
	docs, err := filepath.Glob("../testdata/multiformat/*.docx")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(docs), 3)
	for _, doc := range docs {
		name := strings.TrimSuffix(filepath.Base(doc), ".docx")
		t.Run(name, func(t *testing.T) {
			want := bulletintest.Records(extractPath(t, doc))
			bulletintest.Golden(t, filepath.Join("../testdata/multiformat", name+".golden.json"), want)
			for _, kind := range multiformatCopies {
				t.Run(kind, func(t *testing.T) {
					got := extractPath(t, filepath.Join("../testdata/multiformat", name+"."+kind))
					bulletintest.Equal(t, want, bulletintest.Records(got))
				})
			}
		})
	}
}

// The fixtures hold what they were made to hold: every row, 合计 rows
// marked, the overall group's columns keyed plainly.
func TestMultiFormatShapes(t *testing.T) {
	tests := []struct {
		name string
		rows int
		keys []model.Key
	}{
		{"landscape", 64, []model.Key{"seq", "所属街道", "unit", "handled", "on_time", "on_time_rate"}},
		{"grouped", 37, []model.Key{"seq", "unit", "电话渠道/handled", "电话渠道/on_time", "电话渠道/satisfaction_rate",
			"网络渠道/handled", "网络渠道/on_time", "网络渠道/satisfaction_rate", "handled", "on_time", "satisfaction_rate"}},
		{"wrapped", 15, []model.Key{"rank", "unit", "handled", "on_time", "on_time_rate", "visited", "satisfied", "satisfaction_rate"}},
	}
	for _, tt := range tests {
		for _, kind := range append([]string{"docx"}, multiformatCopies...) {
			t.Run(tt.name+"."+kind, func(t *testing.T) {
				b := extractPath(t, filepath.Join("../testdata/multiformat", tt.name+"."+kind))
				require.Len(t, b.Tables, 1)
				tb := b.Tables[0]
				require.Equal(t, tt.keys, columnKeys(tb))
				require.Len(t, tb.Rows, tt.rows)
				totals := 0
				for _, r := range tb.Rows {
					if r.Total {
						totals++
						require.Equal(t, "合计", r.Unit)
					}
				}
				if tt.name != "wrapped" {
					require.Equal(t, 1, totals)
				}
			})
		}
	}
}

func extractPath(t *testing.T, path string) *model.Bulletin {
	t.Helper()
	b, err := extract.ExtractFile(context.Background(), path)
	require.NoError(t, err)
	return b
}

func columnKeys(t model.Table) []model.Key {
	keys := make([]model.Key, len(t.Columns))
	for i, c := range t.Columns {
		keys[i] = c.Key
	}
	return keys
}
