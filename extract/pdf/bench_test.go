package pdf_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf"
	"github.com/hotline12345/bulletin/internal/cputime"
)

// benchFiles are the PDFs the reader benchmarks read: the seed made by
// LibreOffice, and the files named by the environment variable
// BULLETIN_BENCH_PDFS (space-separated), which bench/compare.sh sets to
// the large files it makes (the seed's pages repeated to 70 pages, a
// 200-page file of mixed producers).
func benchFiles() []string {
	files := []string{"../../testdata/pdf/seed-libreoffice.pdf"}
	return append(files, strings.Fields(os.Getenv("BULLETIN_BENCH_PDFS"))...)
}

// BenchmarkReadPDF measures the PDF reader alone (file to blocks), in
// wall time and in CPU time (cpu-ns/op, what to compare on a shared
// machine).
func BenchmarkReadPDF(b *testing.B) {
	for _, f := range benchFiles() {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			defer cputime.Measure(b)()
			for b.Loop() {
				if _, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExtractPDF measures the whole extraction (PDF reader and
// interpreter) of the same files.
func BenchmarkExtractPDF(b *testing.B) {
	for _, f := range benchFiles() {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			defer cputime.Measure(b)()
			for b.Loop() {
				if _, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
