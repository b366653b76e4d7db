package extract_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/internal/cfb/cfbtest"
)

func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		body := "x"
		if strings.HasSuffix(n, ".rels") {
			body = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>`
		}
		w, err := zw.Create(n)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func file(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}

// TestDetect checks that formats are told by content and that what is not
// a document is refused with an error naming what it is.
func TestDetect(t *testing.T) {
	bmp := make([]byte, 70)
	copy(bmp, "BM")
	binary.LittleEndian.PutUint32(bmp[2:], 70)
	binary.LittleEndian.PutUint32(bmp[14:], 40)
	tests := []struct {
		name   string
		input  func(t *testing.T) []byte
		format extract.Format
		err    error
		says   string
	}{
		{"DOCX", func(t *testing.T) []byte { return file(t, "../testdata/docx/yanshi-2023-03.libreoffice.docx") }, extract.DOCX, nil, ""},
		{"XLSX", func(t *testing.T) []byte { return file(t, "../testdata/office/yanshi-2023-03.xlsx") }, extract.XLSX, nil, ""},
		{"XLS", func(t *testing.T) []byte { return file(t, "../testdata/office/yanshi-2023-03.xls") }, extract.XLS, nil, ""},
		{"DOC", func(t *testing.T) []byte { return file(t, "../testdata/office/yanshi-2023-03.doc") }, extract.DOC, nil, ""},
		{"WPS Writer file with a WordDocument stream", func(*testing.T) []byte { return cfbtest.Names("WordDocument", "1Table", "WpsCustomData") }, extract.DOC, nil, ""},
		{"WPS spreadsheet (.et) with a Workbook stream", func(*testing.T) []byte { return cfbtest.Names("Workbook", "ETExtData") }, extract.XLS, nil, ""},
		{"PDF", func(t *testing.T) []byte { return []byte("%PDF-1.7\n") }, extract.PDF, nil, ""},
		{"text", func(t *testing.T) []byte { return []byte("单位名称\t办理数\n") }, extract.Text, nil, ""},
		{"empty file", func(*testing.T) []byte { return nil }, "", extract.ErrFormat, "empty file"},
		{"PNG", func(*testing.T) []byte { return []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") }, "", extract.ErrUnsupported, "PNG image"},
		{"JPEG", func(*testing.T) []byte { return []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF") }, "", extract.ErrUnsupported, "JPEG image"},
		{"TIFF", func(*testing.T) []byte { return []byte("II*\x00\x08\x00\x00\x00") }, "", extract.ErrUnsupported, "TIFF image"},
		{"GIF", func(*testing.T) []byte { return []byte("GIF89a\x01\x00\x01\x00") }, "", extract.ErrUnsupported, "GIF image"},
		{"BMP", func(*testing.T) []byte { return bmp }, "", extract.ErrUnsupported, "BMP image"},
		{"text starting BM", func(*testing.T) []byte { return []byte("BMW 4S店投诉 12件\n") }, extract.Text, nil, ""},
		{"RAR", func(*testing.T) []byte { return []byte("Rar!\x1A\x07\x01\x00") }, "", extract.ErrUnsupported, "RAR archive"},
		{"7z", func(*testing.T) []byte { return []byte("7z\xBC\xAF\x27\x1C\x00\x04") }, "", extract.ErrUnsupported, "7-Zip archive"},
		{"gzip", func(*testing.T) []byte { return []byte("\x1F\x8B\x08\x00") }, "", extract.ErrUnsupported, "gzip"},
		{"zip of files", func(t *testing.T) []byte { return zipOf(t, "a.pdf", "b.docx") }, "", extract.ErrUnsupported, "zip archive of 2 files"},
		{"PPTX", func(t *testing.T) []byte { return zipOf(t, "_rels/.rels", "ppt/presentation.xml") }, "", extract.ErrUnsupported, "PowerPoint"},
		{"OpenDocument", func(t *testing.T) []byte { return zipOf(t, "mimetype", "content.xml") }, "", extract.ErrUnsupported, "OpenDocument"},
		{"encrypted OOXML", func(*testing.T) []byte { return cfbtest.Names("EncryptionInfo", "EncryptedPackage") }, "", extract.ErrEncrypted, "password"},
		{"PPT", func(*testing.T) []byte { return cfbtest.Names("PowerPoint Document") }, "", extract.ErrUnsupported, "PowerPoint 97-2003"},
		{"early WPS file", func(*testing.T) []byte { return cfbtest.Names("WpsContent") }, "", extract.ErrUnsupported, "WPS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.input(t)
			got, err := extract.Detect(context.Background(), bytes.NewReader(data), int64(len(data)), extract.Limits{})
			if tt.err == nil {
				require.NoError(t, err)
				require.Equal(t, tt.format, got)
				return
			}
			require.ErrorIs(t, err, tt.err)
			var pe *extract.ParseError
			require.ErrorAs(t, err, &pe)
			require.Contains(t, pe.Error(), tt.says)
			// Extract refuses the same way, with the file's name.
			_, err = extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data)), extract.WithName("in.bin"))
			require.ErrorIs(t, err, tt.err)
			require.ErrorAs(t, err, &pe)
			require.Equal(t, "in.bin", pe.File)
		})
	}
}
