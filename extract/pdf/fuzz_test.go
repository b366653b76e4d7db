package pdf_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/interpret"
	"github.com/hotline12345/bulletin/extract/pdf"
)

// FuzzReadPDF feeds mutations of the fixtures to the reader: it must not
// panic, allocate more than 256 MiB for one input, and every error must be
// a *block.ParseError wrapping a sentinel. Limits are kept small so that
// each input is read quickly. Run it with -parallel 1 for the allocation
// check to see one input at a time.
func FuzzReadPDF(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/pdf/*.pdf")
	classes, _ := filepath.Glob("../../testdata/pdf/classes/*.pdf")
	for _, name := range append(files, classes...) {
		if st, err := os.Stat(name); err != nil || st.Size() > 200<<10 {
			continue // the large Chromium files make each run slow
		}
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(buildPDF([]string{"BT /F1 12 Tf 72 700 Td (one) Tj ET", "BAD", "q 1 0 0 1 0 0 cm 0 0 m 100 0 l S Q"}))
	lim := block.Limits{MaxStreamBytes: 4 << 20, MaxDecodedBytes: 32 << 20, MaxPageItems: 200_000, MaxOperands: 10_000, MaxCMapEntries: 100_000, MaxPages: 100}
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		doc, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), lim)
		runtime.ReadMemStats(&after)
		if a := after.TotalAlloc - before.TotalAlloc; a > 256<<20 {
			t.Fatalf("%d bytes allocated for one input", a)
		}
		if err != nil {
			pe, ok := err.(*block.ParseError)
			if !ok {
				t.Fatalf("error %T is not a *block.ParseError: %v", err, err)
			}
			_ = pe.Error()
			return
		}
		for _, b := range doc.Blocks {
			if b.Position().Page <= 0 {
				t.Fatalf("block without a page: %#v", b)
			}
			if tb, ok := b.(*block.Table); ok {
				tb.Grid()
			}
		}
		// The interpreter must take whatever blocks the reader makes.
		interpret.Bulletin(doc)
	})
}
