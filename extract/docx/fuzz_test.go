package docx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/docx"
	"github.com/hotline12345/bulletin/extract/internal/cfb/cfbtest"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

// fuzzLimits keep each fuzz execution small.
var fuzzLimits = block.Limits{MaxInputBytes: 1 << 20, MaxPartBytes: 4 << 20, MaxTotalBytes: 8 << 20, MaxBlocks: 10000, MaxCells: 10000}

// checkResult asserts what must hold for any input: an error is a
// *block.ParseError wrapping a sentinel, a document has consistent tables.
func checkResult(t *testing.T, doc *block.Document, err error) {
	bulletintest.CheckRead(t, doc, err)
}

// FuzzReadDOCX reads arbitrary bytes as a DOCX file, seeded with the
// fixtures.
func FuzzReadDOCX(f *testing.F) {
	files, _ := filepath.Glob(fixtureDir + "/*.doc*")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(docxOf(f, p("x")+tbl(row("a", "b"))))
	f.Add(cfbtest.Names("EncryptionInfo", "EncryptedPackage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := docx.Read(context.Background(), bytes.NewReader(data), int64(len(data)), fuzzLimits)
		checkResult(t, doc, err)
	})
}

// FuzzReadDocumentXML reads arbitrary bytes as the main document part of
// an otherwise valid package, stored uncompressed, so that mutations reach
// the WordprocessingML reader instead of breaking the zip. Seeded with the
// main parts of the fixtures.
func FuzzReadDocumentXML(f *testing.F) {
	files, _ := filepath.Glob(fixtureDir + "/*.docx")
	for _, name := range files {
		zr, err := zip.OpenReader(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, zf := range zr.File {
			if zf.Name == "word/document.xml" {
				rc, err := zf.Open()
				if err != nil {
					f.Fatal(err)
				}
				var buf bytes.Buffer
				if _, err := buf.ReadFrom(rc); err != nil {
					f.Fatal(err)
				}
				rc.Close()
				f.Add(buf.Bytes())
			}
		}
		zr.Close()
	}
	f.Fuzz(func(t *testing.T, xml []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, pt := range []struct {
			name string
			body []byte
		}{
			{"_rels/.rels", []byte(rels("rId1 officeDocument word/document.xml"))},
			{"word/document.xml", xml},
		} {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: pt.name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(pt.body)
		}
		zw.Close()
		doc, err := docx.Read(context.Background(), bytes.NewReader(buf.Bytes()), int64(buf.Len()), fuzzLimits)
		checkResult(t, doc, err)
	})
}
