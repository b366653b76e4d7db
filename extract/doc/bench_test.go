package doc_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/doc"
	"github.com/hotline12345/bulletin/internal/benchcpu"
)

// BenchmarkReadDOC reads the seed saved by LibreOffice as Word 97-2003 (the
// seed-sized file) into blocks.
func BenchmarkReadDOC(b *testing.B) {
	benchcpu.Files(b, []string{seedDOC}, func(b *testing.B, data []byte) {
		if _, err := doc.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkExtractDOCBulletin is the whole extraction of the same file:
// detection, the reader, the interpreter and the file's checksum.
func BenchmarkExtractDOCBulletin(b *testing.B) {
	benchcpu.Files(b, []string{seedDOC}, func(b *testing.B, data []byte) {
		if _, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	})
}
