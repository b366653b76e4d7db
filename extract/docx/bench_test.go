package docx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"testing"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/docx"
)

func benchInput(b *testing.B) []byte {
	data, err := os.ReadFile(seedDOCX)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	return data
}

// BenchmarkExtractDOCX reads the LibreOffice DOCX of the seed into blocks.
func BenchmarkExtractDOCX(b *testing.B) {
	data := benchInput(b)
	for b.Loop() {
		if _, err := docx.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractDOCXFloor is the least any reader must do with the same
// file: open the zip, inflate the main part and take its XML tokens.
func BenchmarkExtractDOCXFloor(b *testing.B) {
	data := benchInput(b)
	for b.Loop() {
		floorRead(b, data)
	}
}

// floorRead opens the zip, inflates word/document.xml and takes its XML
// tokens.
func floorRead(tb testing.TB, data []byte) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				tb.Fatal(err)
			}
		}
		rc.Close()
	}
}

// BenchmarkExtractDOCXBulletin is the whole extraction of the same file:
// the reader, the interpreter and the file's checksum.
func BenchmarkExtractDOCXBulletin(b *testing.B) {
	data := benchInput(b)
	for b.Loop() {
		if _, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}
