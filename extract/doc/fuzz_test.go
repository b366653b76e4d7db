package doc_test

import (
	"os"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

// FuzzReadDOC reads arbitrary bytes as a Word 97-2003 document, seeded
// with the fixtures and a document built in code, and checks that nothing
// panics and that what comes out passes bulletintest.CheckRead.
func FuzzReadDOC(f *testing.F) {
	for _, name := range []string{mergedDOC, seedDOC} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(buildDoc("第一段\r合计\x13 =SUM(ABOVE) \x14251\x15件\r", nil))
	lim := block.Limits{MaxInputBytes: 1 << 20, MaxPartBytes: 1 << 20, MaxBlocks: 10000, MaxCells: 10000}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := read(data, lim)
		bulletintest.CheckRead(t, d, err)
	})
}
