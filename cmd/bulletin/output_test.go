package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
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
	require.NotEmpty(t, b.Figures)
	require.NotEmpty(t, b.Mentions)
	b.Problems = append(b.Problems, model.Problem{Pos: model.Pos{Line: 3}, Message: "a problem"})
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
