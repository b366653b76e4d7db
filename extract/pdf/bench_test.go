package pdf_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf"
	"github.com/hotline12345/bulletin/internal/benchcpu"
)

// benchFiles are the PDFs the benchmarks read: the seed made by
// LibreOffice, and the files named by the environment variable
// BULLETIN_BENCH_PDFS (space-separated), such as the long and the
// mixed-producer files bench/mkpdfs.sh makes.
func benchFiles() []string {
	files := []string{"../../testdata/pdf/seed-libreoffice.pdf"}
	return append(files, strings.Fields(os.Getenv("BULLETIN_BENCH_PDFS"))...)
}

// BenchmarkReadPDF measures the PDF reader alone (file to blocks).
func BenchmarkReadPDF(b *testing.B) {
	benchcpu.Files(b, benchFiles(), func(b *testing.B, data []byte) {
		if _, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkExtractPDF measures the whole extraction (PDF reader and
// interpreter) of the same files.
func BenchmarkExtractPDF(b *testing.B) {
	benchcpu.Files(b, benchFiles(), func(b *testing.B, data []byte) {
		if _, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	})
}
