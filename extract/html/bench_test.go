package html_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/hotline12345/bulletin/extract/html"
)

// BenchmarkReadPage reads a page of our own into blocks (the reader alone;
// extract's BenchmarkExtractHTML adds the interpreter).
func BenchmarkReadPage(b *testing.B) {
	data, err := os.ReadFile("../../testdata/html/gbk.html")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := html.ReadPage(context.Background(), bytes.NewReader(data), int64(len(data)), html.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
