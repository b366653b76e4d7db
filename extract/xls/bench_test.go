package xls_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/xls"
	"github.com/hotline12345/bulletin/internal/benchcpu"
)

// BenchmarkReadXLS reads the seed as LibreOffice writes it to an Excel
// 97-2003 workbook (the seed-sized file) into blocks.
func BenchmarkReadXLS(b *testing.B) {
	benchcpu.Files(b, []string{seedXLS}, func(b *testing.B, data []byte) {
		if _, err := xls.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkExtractXLSBulletin is the whole extraction of the same file:
// detection, the reader, the interpreter and the file's checksum.
func BenchmarkExtractXLSBulletin(b *testing.B) {
	benchcpu.Files(b, []string{seedXLS}, func(b *testing.B, data []byte) {
		if _, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	})
}
