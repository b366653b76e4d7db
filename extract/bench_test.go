package extract_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/hotline12345/bulletin/extract"
)

// BenchmarkExtractText extracts the seed bulletin from text: decoding,
// layout detection and interpretation. Target: under 2 ms and 2 MB
// allocated per bulletin.
func BenchmarkExtractText(b *testing.B) {
	data, err := os.ReadFile(seed)
	if err != nil {
		b.Fatal(err)
	}
	benchExtract(b, data)
}

// BenchmarkExtractTextLayout extracts the pdftotext -layout copy of the
// seed, the costliest text layout.
func BenchmarkExtractTextLayout(b *testing.B) {
	data, err := os.ReadFile("../testdata/text/yanshi-2023-03.pdftotext.txt")
	if err != nil {
		b.Fatal(err)
	}
	benchExtract(b, data)
}

func benchExtract(b *testing.B, data []byte) {
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := extract.Extract(ctx, bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}
