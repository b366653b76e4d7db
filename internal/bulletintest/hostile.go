package bulletintest

import (
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/hotline12345/bulletin/extract/block"
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
