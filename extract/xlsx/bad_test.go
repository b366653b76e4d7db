package xlsx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/xlsx"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

const (
	seedXLSX   = "../../testdata/office/yanshi-2023-03.xlsx"
	mergedXLSX = "../../testdata/office/merged-header.xlsx"
	nsMain     = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

// laughs is a DOCTYPE declaring entities that would grow to 10^3 times
// their text if expanded (a billion laughs, cut short).
const laughs = `<!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">` +
	`<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`

// workbookParts are the parts of a one-sheet workbook but its sheet.
func workbookParts() []bulletintest.ZipEntry {
	return []bulletintest.ZipEntry{
		{Name: "[Content_Types].xml", Data: []byte(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)},
		{Name: "_rels/.rels", Data: []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{Name: "xl/workbook.xml", Data: []byte(`<workbook ` + nsMain + `><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{Name: "xl/_rels/workbook.xml.rels", Data: []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)},
	}
}

// sheetXLSX is a workbook whose one sheet has the given sheetData content.
func sheetXLSX(t testing.TB, rows string) []byte {
	return bulletintest.Zip(t, append(workbookParts(),
		bulletintest.ZipEntry{Name: "xl/worksheets/sheet1.xml", Data: []byte(`<worksheet ` + nsMain + `><sheetData>` + rows + `</sheetData></worksheet>`)})...)
}

// bombXLSX is a workbook whose part name holds raw deflate data declaring
// size bytes.
func bombXLSX(t testing.TB, name string, data []byte, size uint64) []byte {
	parts := workbookParts()
	if name != "xl/worksheets/sheet1.xml" {
		parts = append(parts, bulletintest.ZipEntry{Name: "xl/worksheets/sheet1.xml",
			Data: []byte(`<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`)})
	}
	return bulletintest.Zip(t, append(parts, bulletintest.ZipEntry{Name: name, Method: zip.Deflate, Data: data, Size: size, Raw: true})...)
}

// cellsBomb is a sheet of about size bytes of one-number cells, each row
// holding ten.
func cellsBomb(size int64) ([]byte, int64) {
	row := `<row>` + strings.Repeat(`<c><v>1</v></c>`, 10) + `</row>`
	return bulletintest.RepeatDeflate(`<worksheet `+nsMain+`><sheetData>`, row, `</sheetData></worksheet>`, size)
}

func read(data []byte, lim block.Limits) (*block.Document, error) {
	return xlsx.Read(context.Background(), bytes.NewReader(data), int64(len(data)), lim)
}

// TestBadInput feeds inputs built in code that are not workbooks, are
// broken, or are built to exhaust the reader or the library behind it.
// Each must be refused with a positioned error wrapping the expected
// sentinel, within the allocation budget, before the library sees it.
func TestBadInput(t *testing.T) {
	good, err := os.ReadFile(seedXLSX)
	require.NoError(t, err)
	docx, err := os.ReadFile("../../testdata/docx/yanshi-2023-03.libreoffice.docx")
	require.NoError(t, err)
	gib := int64(1 << 30)
	farRows := func(n int) string { // n rows, each with a formatted cell in the last column
		var b strings.Builder
		for r := 1; r <= n; r++ {
			fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d" s="1"/></row>`, r, r)
		}
		return b.String()
	}
	tests := []struct {
		name  string
		input func(t *testing.T) []byte
		lim   block.Limits
		want  error
		part  string
	}{
		{"empty", func(*testing.T) []byte { return nil }, block.Limits{}, block.ErrFormat, ""},
		{"not a zip", func(*testing.T) []byte { return []byte("单位名称\t办理数\n") }, block.Limits{}, block.ErrFormat, ""},
		{"zip cut in half", func(*testing.T) []byte { return good[:len(good)/2] }, block.Limits{}, block.ErrFormat, ""},
		{"a DOCX", func(*testing.T) []byte { return docx }, block.Limits{}, block.ErrUnsupported, "word/document.xml"},
		{"zip without a workbook", func(t *testing.T) []byte {
			return bulletintest.Zip(t, bulletintest.ZipEntry{Name: "docProps/app.xml", Data: []byte("<Properties/>")})
		}, block.Limits{}, block.ErrFormat, "_rels/.rels"},
		{"malformed sheet XML", func(t *testing.T) []byte { return sheetXLSX(t, `<row r="1"><c r="A1"><v>1</v>`) }, block.Limits{}, block.ErrFormat, "表"},
		{"cell reference out of the sheet", func(t *testing.T) []byte { return sheetXLSX(t, `<row r="1"><c r="ZZZZ1"><v>1</v></c></row>`) }, block.Limits{}, block.ErrFormat, "表"},
		{"XLSX bomb: sheet declares 1 GiB", func(t *testing.T) []byte {
			data, size := cellsBomb(gib)
			return bombXLSX(t, "xl/worksheets/sheet1.xml", data, uint64(size))
		}, block.Limits{}, block.ErrLimit, "xl/worksheets/sheet1.xml"},
		{"XLSX bomb: an image the library would inflate declares 1 GiB", func(t *testing.T) []byte {
			data, size := bulletintest.RepeatDeflate("", "\x00", "", gib)
			return bombXLSX(t, "xl/media/image1.png", data, uint64(size))
		}, block.Limits{}, block.ErrLimit, "xl/media/image1.png"},
		{"XLSX bomb: sheet compressed over 200:1", func(t *testing.T) []byte {
			data, size := cellsBomb(100 << 20)
			return bombXLSX(t, "xl/worksheets/sheet1.xml", data, uint64(size))
		}, block.Limits{}, block.ErrLimit, "xl/worksheets/sheet1.xml"},
		{"XLSX bomb: sheet inflates to 1 GiB, declares 64 KiB", func(t *testing.T) []byte {
			data, _ := cellsBomb(gib)
			return bombXLSX(t, "xl/worksheets/sheet1.xml", data, 64<<10)
		}, block.Limits{}, block.ErrFormat, "表"},
		{"shared strings inflate past their declared size", func(t *testing.T) []byte {
			data, _ := bulletintest.RepeatDeflate(`<sst `+nsMain+`>`, `<si><t>x</t></si>`, `</sst>`, 8<<20)
			return bombXLSX(t, "xl/sharedStrings.xml", data, 64<<10)
		}, block.Limits{}, block.ErrFormat, "xl/sharedStrings.xml"},
		{"10^7 declared cells: 1,000 rows reaching column XFD", func(t *testing.T) []byte { return sheetXLSX(t, farRows(1000)) }, block.Limits{}, block.ErrLimit, "表"},
		{"10^7 declared cells: two values at A1 and J1000000", func(t *testing.T) []byte {
			return sheetXLSX(t, `<row r="1"><c r="A1"><v>1</v></c></row><row r="1000000"><c r="J1000000"><v>1</v></c></row>`)
		}, block.Limits{}, block.ErrLimit, "表"},
		{"10^7 cells written (compression ratio unchecked)", func(t *testing.T) []byte {
			data, size := cellsBomb(200 << 20) // 10^7 cells of 20 bytes
			return bombXLSX(t, "xl/worksheets/sheet1.xml", data, uint64(size))
		}, block.Limits{MaxCompressionRatio: 1 << 30, MaxSheetCells: 100_000}, block.ErrLimit, "表"},
		{"10,000-deep XML nesting in a cell", func(t *testing.T) []byte {
			return sheetXLSX(t, `<row r="1"><c r="A1">`+strings.Repeat("<x>", 10000)+strings.Repeat("</x>", 10000)+`</c></row>`)
		}, block.Limits{}, block.ErrLimit, "表"},
		{"entities declared in a DOCTYPE (a billion laughs) in a sheet", func(t *testing.T) []byte {
			return bulletintest.Zip(t, append(workbookParts(), bulletintest.ZipEntry{Name: "xl/worksheets/sheet1.xml",
				Data: []byte(laughs + `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>`)})...)
		}, block.Limits{}, block.ErrFormat, "表"},
		{"entities declared in a DOCTYPE (a billion laughs) in the shared strings", func(t *testing.T) []byte {
			return bulletintest.Zip(t, append(workbookParts(),
				bulletintest.ZipEntry{Name: "xl/worksheets/sheet1.xml", Data: []byte(`<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`)},
				bulletintest.ZipEntry{Name: "xl/sharedStrings.xml", Data: []byte(laughs + `<sst ` + nsMain + `><si><t>&c;</t></si></sst>`)})...)
		}, block.Limits{}, block.ErrFormat, "表"},
		{"100 MB attribute (token size, ratio unchecked)", func(t *testing.T) []byte {
			data, size := bulletintest.RepeatDeflate(`<worksheet `+nsMain+` x="`, "a", `"><sheetData/></worksheet>`, 100<<20)
			return bombXLSX(t, "xl/worksheets/sheet1.xml", data, uint64(size))
		}, block.Limits{MaxCompressionRatio: 1 << 30}, block.ErrLimit, "表"},
		{"20,000 zip entries", func(t *testing.T) []byte {
			parts := append(workbookParts(), bulletintest.ZipEntry{Name: "xl/worksheets/sheet1.xml", Data: []byte(`<worksheet/>`)})
			for i := range 20000 {
				parts = append(parts, bulletintest.ZipEntry{Name: fmt.Sprintf("customXml/item%d.xml", i)})
			}
			return bulletintest.Zip(t, parts...)
		}, block.Limits{}, block.ErrLimit, ""},
		{"input over MaxInputBytes", func(*testing.T) []byte { return good }, block.Limits{MaxInputBytes: 1000}, block.ErrLimit, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := tt.input(t)
			pe := bulletintest.Refused(t, tt.want, func() (*block.Document, error) { return read(input, tt.lim) })
			require.Equal(t, tt.part, pe.Pos.Part)
		})
	}
}

// TestCancel checks that a cancelled context stops the reader.
func TestCancel(t *testing.T) {
	good, err := os.ReadFile(seedXLSX)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = xlsx.Read(ctx, bytes.NewReader(good), int64(len(good)), block.Limits{})
	require.ErrorIs(t, err, context.Canceled)
	var pe *block.ParseError
	require.ErrorAs(t, err, &pe)
}

// TestNegativeSize checks the size argument.
func TestNegativeSize(t *testing.T) {
	_, err := xlsx.Read(context.Background(), bytes.NewReader(nil), -1, block.Limits{})
	require.ErrorIs(t, err, block.ErrFormat)
}

// TestLongNumberFormat checks that a number format code longer than Excel
// accepts is refused, positioned in the styles part, before the library
// formats any cell under it.
func TestLongNumberFormat(t *testing.T) {
	styles := `<styleSheet ` + nsMain + `><numFmts count="1"><numFmt numFmtId="200" formatCode="` +
		strings.Repeat("0", 300) + `"/></numFmts></styleSheet>`
	data := bulletintest.Zip(t, append(workbookParts(),
		bulletintest.ZipEntry{Name: "xl/worksheets/sheet1.xml", Data: []byte(`<worksheet ` + nsMain +
			`><sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData></worksheet>`)},
		bulletintest.ZipEntry{Name: "xl/styles.xml", Data: []byte(styles)})...)
	pe := bulletintest.Refused(t, block.ErrFormat, func() (*block.Document, error) { return read(data, block.Limits{}) })
	require.Equal(t, "xl/styles.xml", pe.Pos.Part)
	require.Contains(t, pe.Error(), "number format 200 is 300 characters long")
}
