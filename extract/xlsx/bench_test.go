package xlsx_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/xlsx"
	"github.com/hotline12345/bulletin/internal/benchcpu"
)

// BenchmarkReadXLSX reads the seed as LibreOffice writes it to a workbook
// (the seed-sized file) into blocks.
func BenchmarkReadXLSX(b *testing.B) {
	benchcpu.Files(b, []string{seedXLSX}, func(b *testing.B, data []byte) {
		if _, err := xlsx.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkExtractXLSXBulletin is the whole extraction of the same file:
// detection, the reader, the interpreter and the file's checksum.
func BenchmarkExtractXLSXBulletin(b *testing.B) {
	benchcpu.Files(b, []string{seedXLSX}, func(b *testing.B, data []byte) {
		if _, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	})
}
