package pdf_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/hotline12345/bulletin/extract"
)

// BenchmarkExtractPDF measures the whole extraction (PDF reader and
// interpreter) of the seed bulletin made by LibreOffice.
func BenchmarkExtractPDF(b *testing.B) {
	data, err := os.ReadFile("../../testdata/pdf/seed-libreoffice.pdf")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}
