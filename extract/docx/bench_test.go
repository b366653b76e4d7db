package docx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/docx"
	"github.com/hotline12345/bulletin/internal/benchcpu"
)

// benchFiles are the DOCX files the benchmarks read: the seed made by
// LibreOffice, and the files named by the environment variable
// BULLETIN_BENCH_DOCX (space-separated), such as a copy of the seed whose
// first table has 500 rows (go run ./bench/gendocx -rows 500 IN OUT).
func benchFiles() []string {
	return append([]string{seedDOCX}, strings.Fields(os.Getenv("BULLETIN_BENCH_DOCX"))...)
}

// BenchmarkExtractDOCX reads each file into blocks.
func BenchmarkExtractDOCX(b *testing.B) {
	benchcpu.Files(b, benchFiles(), func(b *testing.B, data []byte) {
		if _, err := docx.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkExtractDOCXFloor is the least any reader must do with the same
// files, what `unzip -p FILE word/document.xml` does: open the zip and
// inflate the main part. The reader's target is twice this.
func BenchmarkExtractDOCXFloor(b *testing.B) {
	benchcpu.Files(b, benchFiles(), func(b *testing.B, data []byte) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name != "word/document.xml" {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := io.Copy(io.Discard, rc); err != nil {
				b.Fatal(err)
			}
			rc.Close()
		}
	})
}

// BenchmarkExtractDOCXBulletin is the whole extraction of the same files:
// the reader, the interpreter and the file's checksum.
func BenchmarkExtractDOCXBulletin(b *testing.B) {
	benchcpu.Files(b, benchFiles(), func(b *testing.B, data []byte) {
		if _, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	})
}
