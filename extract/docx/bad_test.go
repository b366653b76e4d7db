package docx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/docx"
	"github.com/hotline12345/bulletin/extract/internal/cfb/cfbtest"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

// badBytes is the allocation budget every bad input must be rejected
// within (allocated while reading, not just live). Time is logged, not
// asserted: speed is for benchmarks, not for tests on a shared machine.
const badBytes = 64 << 20

// TestBadInput feeds inputs built in code that are not DOCX, are broken,
// or are built to exhaust the reader. Each must give a *block.ParseError
// wrapping the expected sentinel, allocating less than 64 MB, without a
// panic; the time each takes is logged (all stay far under a second).
func TestBadInput(t *testing.T) {
	good, err := os.ReadFile(seedDOCX)
	require.NoError(t, err)
	gib := int64(1 << 30)
	tests := []struct {
		name  string
		input func(t *testing.T) []byte
		lim   block.Limits
		want  error
	}{
		{"empty", func(*testing.T) []byte { return nil }, block.Limits{}, block.ErrFormat},
		{"not a zip", func(*testing.T) []byte { return []byte("单位名称\t办理数\n烟草局\t4\n") }, block.Limits{}, block.ErrFormat},
		{"zip cut in half", func(*testing.T) []byte { return good[:len(good)/2] }, block.Limits{}, block.ErrFormat},
		{"zip without its last bytes", func(*testing.T) []byte { return good[:len(good)-10] }, block.Limits{}, block.ErrFormat},
		{"corrupt deflate data in the main part", func(t *testing.T) []byte { return corruptPart(t, good, "word/document.xml") }, block.Limits{}, block.ErrFormat},
		{"zip without a main document", func(t *testing.T) []byte {
			return buildZip(t, part{"docProps/app.xml", "<Properties/>"}, part{"word/styles.xml", "<w:styles/>"})
		}, block.Limits{}, block.ErrFormat},
		{"main document relationship to a missing part", func(t *testing.T) []byte {
			return buildZip(t, part{"_rels/.rels", rels("rId1 officeDocument word/missing.xml")}, part{"word/document.xml", document(p("x"))})
		}, block.Limits{}, block.ErrFormat},
		{"main part not WordprocessingML (a spreadsheet)", func(t *testing.T) []byte {
			return buildZip(t, part{"_rels/.rels", rels("rId1 officeDocument xl/workbook.xml")},
				part{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`})
		}, block.Limits{}, block.ErrUnsupported},
		{"malformed XML", func(t *testing.T) []byte {
			return buildZip(t, part{"_rels/.rels", rels("rId1 officeDocument word/document.xml")},
				part{"word/document.xml", document(p("x"))[:200]})
		}, block.Limits{}, block.ErrFormat},
		{"unknown compression method", func(t *testing.T) []byte {
			return bulletintest.Zip(t, bulletintest.ZipEntry{Name: "_rels/.rels", Data: []byte(rels("rId1 officeDocument word/document.xml"))},
				bulletintest.ZipEntry{Name: "word/document.xml", Method: 14, Data: []byte("xx"), Size: 2})
		}, block.Limits{}, block.ErrUnsupported},
		{"zip bomb: main part declares 1 GiB", func(t *testing.T) []byte {
			data, size := paragraphBomb(gib)
			return bombZip(t, "word/document.xml", data, uint64(size))
		}, block.Limits{}, block.ErrLimit},
		{"zip bomb: main part declares 200 MiB compressed over 200:1", func(t *testing.T) []byte {
			data, size := paragraphBomb(200 << 20)
			return bombZip(t, "word/document.xml", data, uint64(size))
		}, block.Limits{}, block.ErrLimit},
		{"zip bomb: main part inflates to 1 GiB, declares 64 KiB", func(t *testing.T) []byte {
			data, _ := paragraphBomb(gib)
			return bombZip(t, "word/document.xml", data, 64<<10)
		}, block.Limits{}, block.ErrFormat},
		{"zip bomb: main part inflates to 1 GiB, declares 0", func(t *testing.T) []byte {
			data, _ := paragraphBomb(gib)
			return bombZip(t, "word/document.xml", data, 0)
		}, block.Limits{}, block.ErrFormat},
		{"zip bomb: header part declares 1 GiB", func(t *testing.T) []byte {
			data, size := headerBomb(gib)
			return bombZip(t, "word/header1.xml", data, uint64(size))
		}, block.Limits{}, block.ErrLimit},
		{"zip bomb: header part inflates to 1 GiB, declares 64 KiB", func(t *testing.T) []byte {
			data, _ := headerBomb(gib)
			return bombZip(t, "word/header1.xml", data, 64<<10)
		}, block.Limits{}, block.ErrFormat},
		{"20,000 zip entries", func(t *testing.T) []byte {
			parts := []part{{"_rels/.rels", rels("rId1 officeDocument word/document.xml")}, {"word/document.xml", document(p("x"))}}
			for i := range 20000 {
				parts = append(parts, part{fmt.Sprintf("customXml/item%d.xml", i), ""})
			}
			return buildZip(t, parts...)
		}, block.Limits{}, block.ErrLimit},
		{"10,000-deep XML nesting", func(t *testing.T) []byte {
			body := strings.Repeat("<w:sdt><w:sdtContent>", 5000) + p("x") + strings.Repeat("</w:sdtContent></w:sdt>", 5000)
			return docxOf(t, body)
		}, block.Limits{}, block.ErrLimit},
		{"10,000-deep foreign elements in a skipped part of a run", func(t *testing.T) []byte {
			body := `<w:p><w:r><w:rPr>` + strings.Repeat("<x>", 10000) + strings.Repeat("</x>", 10000) + `</w:rPr></w:r></w:p>`
			return docxOf(t, body)
		}, block.Limits{}, block.ErrLimit},
		{"10,000 nested tables", func(t *testing.T) []byte {
			body := strings.Repeat("<w:tbl><w:tr><w:tc>", 10000) + p("x") + strings.Repeat("</w:tc></w:tr></w:tbl>", 10000)
			return docxOf(t, body)
		}, block.Limits{}, block.ErrLimit},
		{"100 MB attribute (compression ratio)", func(t *testing.T) []byte {
			data, size := attributeBomb(100 << 20)
			return bombZip(t, "word/document.xml", data, uint64(size))
		}, block.Limits{}, block.ErrLimit},
		{"100 MB attribute (token size, ratio unchecked)", func(t *testing.T) []byte {
			data, size := attributeBomb(100 << 20)
			return bombZip(t, "word/document.xml", data, uint64(size))
		}, block.Limits{MaxCompressionRatio: 1 << 30}, block.ErrLimit},
		{"100 MB text node (token size, ratio unchecked)", func(t *testing.T) []byte {
			data, size := bulletintest.RepeatDeflate(`<w:document `+nsDecl+`><w:body><w:p><w:r><w:t>`, "一", `</w:t></w:r></w:p></w:body></w:document>`, 100<<20)
			return bombZip(t, "word/document.xml", data, uint64(size))
		}, block.Limits{MaxCompressionRatio: 1 << 30}, block.ErrLimit},
		{"entities declared in a DOCTYPE (a billion laughs)", func(t *testing.T) []byte {
			laughs := `<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">` +
				`<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`
			return buildZip(t, part{"_rels/.rels", rels("rId1 officeDocument word/document.xml")},
				part{"word/document.xml", laughs + `<w:document ` + nsDecl + `><w:body>` + p("&c;") + `</w:body></w:document>`})
		}, block.Limits{}, block.ErrFormat},
		{"paragraphs over MaxBlocks", func(t *testing.T) []byte { return docxOf(t, strings.Repeat(p("x"), 100)) }, block.Limits{MaxBlocks: 10}, block.ErrLimit},
		{"rows over MaxRows", func(t *testing.T) []byte {
			return docxOf(t, "<w:tbl>"+strings.Repeat("<w:tr><w:tc>"+p("1")+"</w:tc></w:tr>", 100)+"</w:tbl>")
		}, block.Limits{MaxRows: 10}, block.ErrLimit},
		{"cells over MaxCells", func(t *testing.T) []byte {
			return docxOf(t, "<w:tbl><w:tr>"+strings.Repeat("<w:tc>"+p("1")+"</w:tc>", 100)+"</w:tr></w:tbl>")
		}, block.Limits{MaxCells: 10}, block.ErrLimit},
		{"gridSpan 1024 on each of 8,000 rows (grid bomb)", func(t *testing.T) []byte {
			cell := `<w:tc><w:tcPr><w:gridSpan w:val="1024"/></w:tcPr>` + p("x") + `</w:tc>`
			return docxOf(t, "<w:tbl>"+strings.Repeat("<w:tr>"+cell+"</w:tr>", 8000)+"</w:tbl>")
		}, block.Limits{}, block.ErrLimit},
		{"a row of 100 cells spanning 1024 columns over 8,000 narrow rows (grid bomb)", func(t *testing.T) []byte {
			wide := strings.Repeat(`<w:tc><w:tcPr><w:gridSpan w:val="1024"/></w:tcPr>`+p("x")+`</w:tc>`, 100)
			return docxOf(t, "<w:tbl><w:tr>"+wide+"</w:tr>"+strings.Repeat("<w:tr><w:tc>"+p("1")+"</w:tc></w:tr>", 8000)+"</w:tbl>")
		}, block.Limits{}, block.ErrLimit},
		{"one row of 100,000 cells spanning 1024 columns", func(t *testing.T) []byte {
			wide := strings.Repeat(`<w:tc><w:tcPr><w:gridSpan w:val="1024"/></w:tcPr></w:tc>`, 100_000)
			return docxOf(t, "<w:tbl><w:tr>"+wide+"</w:tr></w:tbl>")
		}, block.Limits{MaxCompressionRatio: 1 << 30}, block.ErrLimit},
		{"paragraphs over MaxParagraphs", func(t *testing.T) []byte { return docxOf(t, strings.Repeat(p("x"), 100)) }, block.Limits{MaxParagraphs: 10}, block.ErrLimit},
		{"nested fields over MaxDepth", func(t *testing.T) []byte {
			return docxOf(t, "<w:p>"+strings.Repeat(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`, 1000)+"</w:p>")
		}, block.Limits{}, block.ErrLimit},
		{"input over MaxInputBytes", func(*testing.T) []byte { return good }, block.Limits{MaxInputBytes: 1000}, block.ErrLimit},
		{"encrypted OLE DOCX", func(*testing.T) []byte {
			return cfbtest.Names("\x06DataSpaces", "EncryptionInfo", "EncryptedPackage")
		}, block.Limits{}, block.ErrEncrypted},
		{"legacy .doc", func(*testing.T) []byte { return cfbtest.Names("WordDocument", "1Table", "\x05SummaryInformation") }, block.Limits{}, block.ErrUnsupported},
		{"legacy .doc written by LibreOffice", func(t *testing.T) []byte {
			data, err := os.ReadFile(fixtureDir + "/merged-header.doc")
			require.NoError(t, err)
			return data
		}, block.Limits{}, block.ErrUnsupported},
		{"other OLE file (a spreadsheet)", func(*testing.T) []byte { return cfbtest.Names("Workbook") }, block.Limits{}, block.ErrUnsupported},
		{"OLE file with a directory chain that loops", func(*testing.T) []byte {
			b := cfbtest.Names("WordDocument")
			binary.LittleEndian.PutUint32(b[512+4:], 1) // sector 1 (the directory) points to itself
			copy(b[1024+0x40:], []byte{0, 0})           // hide the names: only the chain's end can stop the scan
			copy(b[1024+128+0x40:], []byte{0, 0})
			return b
		}, block.Limits{}, block.ErrFormat},
		{"OLE signature then garbage", func(*testing.T) []byte {
			return append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0xFF}, 600)...)
		}, block.Limits{}, block.ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := tt.input(t)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			doc, err := docx.Read(context.Background(), bytes.NewReader(input), int64(len(input)), tt.lim)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("%v, %d KiB allocated, input %d KiB: %v", elapsed.Round(time.Microsecond), allocated>>10, len(input)>>10, err)

			require.Nil(t, doc)
			require.ErrorIs(t, err, tt.want)
			var pe *block.ParseError
			require.ErrorAs(t, err, &pe)
			require.NotEmpty(t, pe.Error())
			require.Less(t, allocated, uint64(badBytes))
		})
	}
}

// TestIgnoredBomb checks that a huge part the reader never needs (an
// image named like a header) is not inflated.
func TestIgnoredBomb(t *testing.T) {
	data, size := paragraphBomb(1 << 30)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, pt := range []part{{"_rels/.rels", rels("rId1 officeDocument word/document.xml")}, {"word/document.xml", document(p("正文"))}} {
		w, err := zw.Create(pt.name)
		require.NoError(t, err)
		_, err = w.Write([]byte(pt.body))
		require.NoError(t, err)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/media/header_bg.png", Method: zip.Deflate,
		CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(size)})
	require.NoError(t, err)
	_, err = w.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	doc, err := read(t, buf.Bytes())
	require.NoError(t, err)
	require.Equal(t, []string{"正文"}, dump(doc))
}

// TestCancel checks that a cancelled context stops the reader.
func TestCancel(t *testing.T) {
	good, err := os.ReadFile(seedDOCX)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = docx.Read(ctx, bytes.NewReader(good), int64(len(good)), block.Limits{})
	require.ErrorIs(t, err, context.Canceled)
	var pe *block.ParseError
	require.ErrorAs(t, err, &pe)
}

// TestNegativeSize checks the size argument.
func TestNegativeSize(t *testing.T) {
	_, err := docx.Read(context.Background(), bytes.NewReader(nil), -1, block.Limits{})
	require.ErrorIs(t, err, block.ErrFormat)
}

// corruptPart flips bytes in the middle of a part's compressed data.
func corruptPart(t *testing.T, good []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	require.NoError(t, err)
	for _, f := range zr.File {
		if f.Name == name {
			off, err := f.DataOffset()
			require.NoError(t, err)
			bad := append([]byte(nil), good...)
			mid := off + int64(f.CompressedSize64)/2
			for i := mid; i < mid+64; i++ {
				bad[i] ^= 0x5A
			}
			return bad
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// paragraphBomb is a main document (or header) of about size bytes of
// one-character paragraphs.
func paragraphBomb(size int64) ([]byte, int64) {
	return bulletintest.RepeatDeflate(`<w:document `+nsDecl+`><w:body>`, `<w:p><w:r><w:t>1</w:t></w:r></w:p>`, `</w:body></w:document>`, size)
}

// headerBomb is a header part of about size bytes of one-character
// paragraphs.
func headerBomb(size int64) ([]byte, int64) {
	return bulletintest.RepeatDeflate(`<w:hdr `+nsDecl+`>`, `<w:p><w:r><w:t>1</w:t></w:r></w:p>`, `</w:hdr>`, size)
}

// attributeBomb is a main document whose root has one attribute of about
// size bytes.
func attributeBomb(size int64) ([]byte, int64) {
	return bulletintest.RepeatDeflate(`<w:document `+nsDecl+` x="`, "a", `"><w:body/></w:document>`, size)
}

// bombZip is a DOCX whose part name holds the raw deflate data, declaring
// size bytes uncompressed (whatever it really inflates to).
func bombZip(t *testing.T, name string, data []byte, size uint64) []byte {
	entries := []bulletintest.ZipEntry{
		{Name: "_rels/.rels", Data: []byte(rels("rId1 officeDocument word/document.xml"))},
	}
	sect := ""
	if name != "word/document.xml" {
		entries = append(entries, bulletintest.ZipEntry{Name: "word/_rels/document.xml.rels", Data: []byte(rels("rH header " + strings.TrimPrefix(name, "word/")))})
		sect = `<w:sectPr><w:headerReference w:type="default" r:id="rH"/></w:sectPr>`
		entries = append(entries, bulletintest.ZipEntry{Name: "word/document.xml", Data: []byte(document(p("x") + sect))})
	}
	entries = append(entries, bulletintest.ZipEntry{Name: name, Method: zip.Deflate, Data: data, Size: size, Raw: true})
	return bulletintest.Zip(t, entries...)
}
