package xls_test

import (
	"os"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

// FuzzReadXLS reads arbitrary bytes as an Excel 97-2003 workbook, seeded
// with the fixtures and a workbook built in code, and checks that nothing
// panics and that what comes out passes bulletintest.CheckRead.
func FuzzReadXLS(f *testing.F) {
	for _, name := range []string{mergedXLS, seedXLS} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(xlsOf(workbook(sst("单位", "a"), rec(0x00FD, cell(0, 0), u32(0)), rec(0x027E, cell(0, 1), u32(4<<2|2)),
		rec(0x00E5, u16(1), u16(0), u16(1), u16(0), u16(0)))))
	lim := block.Limits{MaxInputBytes: 1 << 20, MaxPartBytes: 1 << 20, MaxSheetCells: 20000, MaxCells: 20000}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := read(data, lim)
		bulletintest.CheckRead(t, d, err)
	})
}
