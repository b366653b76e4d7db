package doc_test

import (
	"errors"
	"os"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/interpret"
)

// FuzzReadDOC reads arbitrary bytes as a Word 97-2003 document, seeded
// with the fixtures and a document built in code, and checks that nothing
// panics, that every failure is a *block.ParseError wrapping a sentinel,
// and that the interpreter takes whatever blocks come out.
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
			if d != nil {
				t.Fatal("document returned with an error")
			}
			return
		}
		for _, b := range d.Blocks {
			if tb, ok := b.(*block.Table); ok {
				tb.Grid()
			}
		}
		interpret.Bulletin(d)
	})
}
