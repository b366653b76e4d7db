package html_test

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/html"
)

// TestHostile reads crafted pages: each must end in an error of its kind
// at the line where the page went past a limit, allocating no more than a
// small multiple of its size.
func TestHostile(t *testing.T) {
	tests := []struct {
		name string
		page func() []byte
		lim  block.Limits
		want error
		line int // the line of the error; 0 for the input as a whole
	}{
		{"100,000 nested elements", func() []byte {
			return []byte("<html>\n<body>\n" + strings.Repeat("<div>", 100_000))
		}, block.Limits{}, block.ErrLimit, 3},
		{"100,000 nested inline elements", func() []byte {
			return []byte("<p>\n" + strings.Repeat("<span>x", 100_000))
		}, block.Limits{}, block.ErrLimit, 2},
		{"100,000 nested tables", func() []byte {
			return []byte("<body>\n\n" + strings.Repeat("<table><tr><td>", 100_000))
		}, block.Limits{}, block.ErrLimit, 3},
		{"a 50 MB attribute", func() []byte {
			b := bytes.NewBufferString("<html><body>\n<p>正文</p>\n<img alt=\"")
			b.Write(bytes.Repeat([]byte("x"), 50<<20))
			b.WriteString("\"></body></html>")
			return b.Bytes()
		}, block.Limits{}, block.ErrLimit, 3},
		{"a 5 MB text without a tag", func() []byte {
			return append([]byte("<html><body>\n<p>"), bytes.Repeat([]byte("正文"), 5<<20/6)...)
		}, block.Limits{}, block.ErrLimit, 2},
		{"a comment never closed", func() []byte {
			return append([]byte("<html><body>\n\n\n<!--"), bytes.Repeat([]byte("-- x "), 1<<20)...)
		}, block.Limits{}, block.ErrLimit, 4},
		{"more blocks than allowed", func() []byte {
			return []byte("<body>" + strings.Repeat("<p>段落", 5000))
		}, block.Limits{MaxBlocks: 1000}, block.ErrLimit, 1},
		{"more cells than allowed", func() []byte {
			return []byte("<body><table>" + strings.Repeat("<tr><td>1</td><td>2</td></tr>", 5000) + "</table>")
		}, block.Limits{MaxCells: 1000}, block.ErrLimit, 1},
		{"larger than the input limit", func() []byte {
			return []byte("<html>" + strings.Repeat(" ", 2<<20))
		}, block.Limits{MaxInputBytes: 1 << 20}, block.ErrLimit, 0},
		{"binary after a doctype", func() []byte {
			return append([]byte("<!DOCTYPE html>\n"), bytes.Repeat([]byte{0, 1, 2, 0xff, 0xfe}, 1000)...)
		}, block.Limits{}, block.ErrFormat, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := tt.page()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := html.Read(context.Background(), bytes.NewReader(page), int64(len(page)), tt.lim)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d KiB in, %d KiB allocated: %v", len(page)>>10, alloc>>10, err)
			require.Less(t, alloc, uint64(2*len(page)+16<<20), "allocated")
			var pe *block.ParseError
			require.True(t, errors.As(err, &pe), "want a *block.ParseError, got %v", err)
			require.ErrorIs(t, err, tt.want)
			require.Equal(t, tt.line, pe.Pos.Line, "line")
		})
	}
}

// TestSpans: spans as large as a page may write are read as given (the
// grid caps them at block.MaxSpan); a page of them whose grid, so capped,
// passes MaxGridCells is refused without being laid out.
func TestSpans(t *testing.T) {
	rows := func(n int) string {
		return "<table>" + strings.Repeat(`<tr><td rowspan="99999999" colspan=" 4000x">a</td><td colspan=-3>b</td></tr>`, n) + "</table>"
	}
	page := rows(2)
	doc, err := html.Read(context.Background(), strings.NewReader(page), int64(len(page)), block.Limits{})
	require.NoError(t, err)
	tb := doc.Blocks[0].(*block.Table)
	require.Equal(t, 65534, tb.Rows[0].Cells[0].RowSpan)
	require.Equal(t, 4000, tb.Rows[0].Cells[0].ColSpan)
	require.Equal(t, 0, tb.Rows[0].Cells[1].ColSpan)

	// Each row's cells start right of the spans from the rows above: 100
	// rows lay out 100 × 102,500 positions.
	page = rows(100)
	_, err = html.Read(context.Background(), strings.NewReader(page), int64(len(page)), block.Limits{})
	require.ErrorIs(t, err, block.ErrLimit)
	require.Contains(t, err.Error(), "grid cells in a table")
}
