package xlsx_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

// fuzzLimits keep each fuzz execution small.
var fuzzLimits = block.Limits{MaxInputBytes: 1 << 20, MaxPartBytes: 4 << 20, MaxTotalBytes: 8 << 20, MaxSheetCells: 20000, MaxCells: 20000}

// FuzzReadXLSX reads arbitrary bytes as an XLSX workbook, seeded with the
// fixtures, and checks that nothing panics and that what comes out passes
// bulletintest.CheckRead.
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
		bulletintest.CheckRead(t, doc, err)
	})
}
