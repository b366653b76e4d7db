package bulletintest

import (
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/interpret"
)

// HostileBytes is the allocation budget a reader must refuse a hostile or
// broken input within (bytes allocated while reading, not just live).
const HostileBytes = 64 << 20

// Refused runs read, which reads a bad input, and checks that it fails
// with a *block.ParseError wrapping want and no document, allocating less
// than HostileBytes. The time it takes is logged, not asserted: speed is
// measured by benchmarks.
func Refused(t *testing.T, want error, read func() (*block.Document, error)) *block.ParseError {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	doc, err := read()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("%v, %d KiB allocated: %v", elapsed.Round(time.Microsecond), allocated>>10, err)
	if doc != nil {
		t.Errorf("a document came back with the error")
	}
	if !errors.Is(err, want) {
		t.Fatalf("error %v does not wrap %v", err, want)
	}
	var pe *block.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %T is not a *block.ParseError", err)
	}
	if pe.Error() == "" {
		t.Error("empty error message")
	}
	if allocated >= HostileBytes {
		t.Errorf("%d bytes allocated, budget %d", allocated, HostileBytes)
	}
	return pe
}

// CheckRead checks what a format reader returned for any input, as fuzz
// targets do: an error is a *block.ParseError wrapping one of the block
// sentinels and comes without a document; a document's tables lay out on
// their grids, and the interpreter takes its blocks.
func CheckRead(t *testing.T, doc *block.Document, err error) {
	t.Helper()
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
			if len(tb.Rows) == 0 {
				t.Fatal("empty table")
			}
			tb.Grid()
		}
	}
	interpret.Bulletin(doc)
}
