package extract_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/hotline12345/bulletin/extract"
)

// FuzzExtractText runs the text reader and the interpreter on mutations of
// every text file in testdata. It checks that nothing panics, that every
// failure is a *ParseError wrapping a documented cause, and that what comes
// out stays within the input's size.
func FuzzExtractText(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/*.txt")
	more, _ := filepath.Glob("../testdata/text/*.txt")
	layouts, _ := filepath.Glob("../testdata/text/layouts/*.txt")
	copies, _ := filepath.Glob("../testdata/multiformat/*.txt")
	for _, p := range append(append(append(seeds, more...), layouts...), copies...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("|||\n\t\n\t1\n| a | b |\n+--+\n"))
	lim := extract.Limits{MaxInputBytes: 1 << 20, MaxLineBytes: 64 << 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data)),
			extract.WithFormat(extract.Text), extract.WithLimits(lim))
		if err != nil {
			checkParseError(t, err)
			return
		}
		cells := 0
		for _, tb := range b.Tables {
			for _, r := range tb.Rows {
				cells += len(r.Cells)
			}
		}
		if cells > len(data) {
			t.Fatalf("%d cells from %d bytes", cells, len(data))
		}
	})
}

// FuzzReadJSON reads mutations of every bulletin JSON in testdata. It checks
// that nothing panics, that every failure is a *ParseError wrapping a
// documented cause, and that what is read keeps within the limits: no
// printed precision beyond MaxDecimals, no table past MaxRows.
func FuzzReadJSON(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/*.json")
	more, _ := filepath.Glob("../testdata/validate/*.json")
	for _, p := range append(seeds, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	lim := extract.Limits{MaxInputBytes: 1 << 20, MaxRows: 1000, MaxCells: 10_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := extract.ReadJSON(context.Background(), bytes.NewReader(data), extract.WithLimits(lim))
		if err != nil {
			checkParseError(t, err)
			return
		}
		max := lim.WithDefaults().MaxDecimals
		for _, fg := range b.Figures {
			if fg.Decimals < 0 || fg.Decimals > max || fg.ShareDecimals < 0 || fg.ShareDecimals > max {
				t.Fatalf("figure with decimals %d, share decimals %d read", fg.Decimals, fg.ShareDecimals)
			}
		}
		for _, tb := range b.Tables {
			if len(tb.Rows) > lim.MaxRows {
				t.Fatalf("%d rows read", len(tb.Rows))
			}
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.Decimals != nil && (*c.Decimals < 0 || *c.Decimals > max) {
						t.Fatalf("cell with %d decimals read", *c.Decimals)
					}
				}
			}
		}
	})
}

// checkParseError fails unless err is a *ParseError wrapping ErrFormat or
// ErrLimit.
func checkParseError(t *testing.T, err error) {
	t.Helper()
	var pe *extract.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error is not a *ParseError: %T %v", err, err)
	}
	if !errors.Is(err, extract.ErrFormat) && !errors.Is(err, extract.ErrLimit) {
		t.Fatalf("error wraps no documented cause: %v", err)
	}
	_ = pe.Error()
}
