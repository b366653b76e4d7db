package xlsx_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/interpret"
)

// fuzzLimits keep each fuzz execution small.
var fuzzLimits = block.Limits{MaxInputBytes: 1 << 20, MaxPartBytes: 4 << 20, MaxTotalBytes: 8 << 20, MaxSheetCells: 20000, MaxCells: 20000}

// FuzzReadXLSX reads arbitrary bytes as an XLSX workbook, seeded with the
// fixtures, and checks that nothing panics, that every failure is a
// *block.ParseError wrapping a sentinel, and that the interpreter takes
// whatever blocks come out.
func FuzzReadXLSX(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/office/*.xlsx")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(sheetXLSX(f, `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f></c></row>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := read(data, fuzzLimits)
		if err != nil {
			var pe *block.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *block.ParseError: %T %v", err, err)
			}
			_ = pe.Error()
			if !errors.Is(err, block.ErrFormat) && !errors.Is(err, block.ErrLimit) &&
				!errors.Is(err, block.ErrUnsupported) && !errors.Is(err, block.ErrEncrypted) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			if doc != nil {
				t.Fatal("document returned with an error")
			}
			return
		}
		for _, b := range doc.Blocks {
			if tb, ok := b.(*block.Table); ok {
				tb.Grid()
			}
		}
		interpret.Bulletin(doc)
	})
}
