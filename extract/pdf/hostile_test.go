package pdf_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf"
)

// hostile is a crafted input and what reading it must end in: an error
// wrapping want at page (0 for the file as a whole), or, when want is
// nil, a document whose problems at page mention problem.
type hostile struct {
	name    string
	build   func() []byte
	want    error
	page    int
	problem string
}

// repeatFlate returns zlib data that inflates to chunk repeated n times,
// without compressing all of it: after the first chunk the compressor's
// window holds only copies of the chunk, so every later chunk compresses
// to the same bytes, which are repeated. The checksum is left wrong; the
// reader stops at its limit long before it.
func repeatFlate(chunk []byte, n int) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(chunk)
	w.Flush()
	first := b.Len()
	w.Write(chunk)
	w.Flush()
	again := append([]byte(nil), b.Bytes()[first:]...)
	out := append([]byte(nil), b.Bytes()...)
	for range n - 2 {
		out = append(out, again...)
	}
	return append(out, 3, 0, 0, 0, 0, 0, 1) // an empty final block, a checksum
}

// streamObj formats a stream object's body.
func streamObj(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// onePage writes a one-page document whose page has the given content
// stream object and extra objects (numbered from 6).
func onePage(contentObj string, fontObj string, extra ...string) []byte {
	if fontObj == "" {
		fontObj = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		fontObj,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
		contentObj,
	}
	return writePDF(append(objs, extra...), nil)
}

// xrefStreamPDF writes a small document with a cross-reference stream
// whose dictionary gets extra entries and whose rows are encoded with a
// PNG predictor of the given /Columns (the true row width is 7).
func xrefStreamPDF(extra string, columns int64) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
	}
	offs := []int{0}
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	offs = append(offs, xref)
	var rows bytes.Buffer
	for i, off := range offs {
		typ := byte(1)
		if i == 0 {
			typ = 0
		}
		rows.Write([]byte{2, typ, byte(off >> 24), byte(off >> 16), byte(off >> 8), byte(off), 0, 0}) // filter byte 2: Up, applied below
	}
	// Encode with the Up filter on rows of 7 bytes.
	raw := rows.Bytes()
	prev := make([]byte, 7)
	for r := 0; r+8 <= len(raw); r += 8 {
		row := raw[r+1 : r+8]
		cur := append([]byte(nil), row...)
		for i := range row {
			row[i] -= prev[i]
		}
		prev = cur
	}
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(raw)
	w.Close()
	dict := fmt.Sprintf("/Type /XRef /Root 1 0 R /W [1 4 2] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns %d >> %s", columns, extra)
	if !strings.Contains(extra, "/Size") {
		dict += fmt.Sprintf(" /Size %d", len(offs))
	}
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n", len(offs)-1, streamObj(dict, z.Bytes()), xref)
	return b.Bytes()
}

func hostileCases() []hostile {
	return []hostile{
		{name: "flate bomb 1 GiB", want: block.ErrLimit, page: 1, build: func() []byte {
			return onePage(streamObj("/Filter /FlateDecode", repeatFlate(bytes.Repeat([]byte(" "), 1<<20), 1024)), "")
		}},
		{name: "30 million operands", want: block.ErrLimit, page: 1, build: func() []byte {
			return onePage(streamObj("/Filter /FlateDecode", repeatFlate(bytes.Repeat([]byte("0 "), 1<<19), 30_000_000/(1<<19)+1)), "")
		}},
		{name: "2 million operands in a stream under the size limit", want: block.ErrLimit, page: 1, build: func() []byte {
			// A flood in a stream small enough to be decoded, so that the
			// operand budget is what stops it.
			return onePage(streamObj("", bytes.Repeat([]byte("0 "), 2_000_000)), "")
		}},
		{name: "ToUnicode declaring 50 million bfchar", want: block.ErrLimit, page: 1, build: func() []byte {
			cmap := []byte("/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> endcodespacerange 50000000 beginbfchar <41> <0041> endbfchar endcmap end end")
			return onePage(streamObj("", []byte("BT /F1 12 Tf 72 700 Td (A) Tj ET")),
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>", streamObj("", cmap))
		}},
		{name: "xref subsection at object 3e9", want: block.ErrLimit, build: func() []byte {
			data := onePage(streamObj("", []byte("BT /F1 12 Tf 72 700 Td (x) Tj ET")), "")
			return bytes.Replace(data, []byte("xref\n0 6\n"), []byte("xref\n3000000000 6\n"), 1)
		}},
		{name: "xref stream /Size 2e9", want: block.ErrLimit, build: func() []byte {
			return xrefStreamPDF("/Size 2000000000", 7)
		}},
		{name: "xref stream /Columns 4e9", want: block.ErrLimit, build: func() []byte {
			return xrefStreamPDF("", 4_000_000_000)
		}},
		{name: "page is its own parent", page: 1, problem: "its own /Parent", build: func() []byte {
			data := onePage(streamObj("", []byte("BT /F1 12 Tf 72 700 Td (x) Tj ET")), "")
			return bytes.Replace(data, []byte("/Type /Page /Parent 2 0 R"), []byte("/Type /Page /Parent 4 0 R"), 1)
		}},
		{name: "kids contain their own node", page: 2, problem: "own ancestor", build: func() []byte {
			data := onePage(streamObj("", []byte("BT /F1 12 Tf 72 700 Td (x) Tj ET")), "")
			return bytes.Replace(data, []byte("/Kids [4 0 R]"), []byte("/Kids [4 0 R 2 0 R]"), 1)
		}},
		{name: "100,000 nested arrays in content", want: block.ErrLimit, page: 1, build: func() []byte {
			return onePage(streamObj("", []byte(strings.Repeat("[", 100_000)+" TJ")), "")
		}},
		{name: "100,000 nested arrays in an object", want: block.ErrLimit, page: 1, build: func() []byte {
			data := onePage(streamObj("", []byte("BT /F1 12 Tf 72 700 Td (x) Tj ET")), "",
				strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000))
			return bytes.Replace(data, []byte("/Contents 5 0 R"), []byte("/Contents 6 0 R"), 1)
		}},
	}
}

// TestHostile reads each crafted input: it must end in its positioned
// error (or, for the page-tree cycles, a positioned problem with the rest
// of the document read) without allocating 256 MiB. The time is logged;
// BenchmarkHostile measures it.
func TestHostile(t *testing.T) {
	dump := os.Getenv("HOSTILE_DUMP") // write the inputs there, to try other readers
	for _, h := range hostileCases() {
		t.Run(h.name, func(t *testing.T) {
			data := h.build()
			if dump != "" {
				require.NoError(t, os.WriteFile(filepath.Join(dump, strings.NewReplacer(" ", "_", "/", "").Replace(h.name)+".pdf"), data, 0o644))
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			doc, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s: %d bytes in, %v, %.1f MiB allocated: %v", h.name, len(data), elapsed.Round(time.Millisecond), float64(alloc)/(1<<20), err)
			require.Less(t, alloc, uint64(256<<20), "allocated")
			if h.want != nil {
				var pe *block.ParseError
				require.True(t, errors.As(err, &pe), "want a *block.ParseError, got %v", err)
				require.ErrorIs(t, err, h.want)
				require.Equal(t, h.page, pe.Pos.Page, "position")
				return
			}
			require.NoError(t, err)
			var found bool
			for _, p := range doc.Problems {
				if p.Pos.Page == h.page && strings.Contains(p.Message, h.problem) {
					found = true
				}
			}
			require.True(t, found, "no problem %q at page %d in %v", h.problem, h.page, doc.Problems)
		})
	}
}

// BenchmarkHostile times each crafted input's read.
func BenchmarkHostile(b *testing.B) {
	for _, h := range hostileCases() {
		data := h.build()
		b.Run(strings.ReplaceAll(h.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
			}
		})
	}
}
