package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
)

// TestJSONAsEncoder checks that extract's JSON, written an item at a time,
// is the bytes an indenting json.Encoder writes, for one bulletin and for
// several.
func TestJSONAsEncoder(t *testing.T) {
	b, err := extract.ExtractFile(context.Background(), seed)
	require.NoError(t, err)
	require.NotEmpty(t, b.Paragraphs)
	require.NotEmpty(t, b.Figures)
	require.NotEmpty(t, b.Mentions)
	b.Problems = append(b.Problems, model.Problem{Pos: model.Pos{Line: 3}, Message: "a problem"})
	require.NotEmpty(t, b.Tables)
	// Rows without cells (nil and empty) and keys encoding/json must
	// escape, beside the seed's own rows.
	v := 2.5
	b.Tables[0].Rows = append(b.Tables[0].Rows,
		model.Row{Unit: "无", Cells: nil},
		model.Row{Unit: "空", Cells: map[model.Key]model.Cell{}},
		model.Row{Unit: "<&>", Cells: map[model.Key]model.Cell{
			"b\"q": {Text: "1"}, "a<b>": {Text: "x\u2028y", Value: &v}, "列\t": {Text: "\x01"}, "a": {},
		}})
	empty := &model.Bulletin{Figures: []model.Figure{}, Mentions: []model.Mention{}, Tables: []model.Table{}, Problems: []model.Problem{}}
	for _, bs := range [][]*model.Bulletin{{b}, {b, empty, b}, {empty}, {}} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if len(bs) == 1 {
			require.NoError(t, enc.Encode(bs[0]))
		} else {
			if bs == nil {
				bs = []*model.Bulletin{}
			}
			require.NoError(t, enc.Encode(bs))
		}
		var got bytes.Buffer
		require.NoError(t, writeJSON(bufio.NewWriter(&got), bs, len(bs) == 1))
		require.Equal(t, want.String(), got.String())
	}
}

// BenchmarkWriteJSON prints the bulletin of the seed PDF's pages repeated
// twenty times (a long bulletin, its tables most of it) as extract does,
// and as the indenting json.Encoder it matches does.
func BenchmarkWriteJSON(b *testing.B) {
	one, err := extract.ExtractFile(context.Background(), "../../testdata/pdf/seed-libreoffice.pdf")
	require.NoError(b, err)
	long := *one
	long.Tables = nil
	for range 20 {
		long.Tables = append(long.Tables, one.Tables...)
	}
	bs := []*model.Bulletin{&long}
	b.Run("extract", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := writeJSON(io.Discard, bs, true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Encoder", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			enc := json.NewEncoder(io.Discard)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(&long); err != nil {
				b.Fatal(err)
			}
		}
	})
}
