package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
)

const seed = "../../testdata/yanshi-2023-03.txt"

// TestSeedFixtures checks that every PDF of the seed, whatever its
// producer, gives the records of the text seed.
func TestSeedFixtures(t *testing.T) {
	want, err := extract.ExtractFile(context.Background(), seed)
	require.NoError(t, err)
	files, err := filepath.Glob("../../testdata/pdf/seed-*.pdf")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 8)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			got, err := extract.ExtractFile(context.Background(), f)
			require.NoError(t, err)
			require.Equal(t, "pdf", got.Source.Format)
			require.Equal(t, bulletintest.Records(want), bulletintest.Records(got))
		})
	}
}

func readFile(t testing.TB, path string) *block.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	doc, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
	require.NoError(t, err)
	return doc
}

// TestMultiPageTable checks the table that runs over three pages with its
// header repeated: the reader gives one table block per page, and the
// bulletin has one table with all 45 rows and no header among them.
func TestMultiPageTable(t *testing.T) {
	const file = "../../testdata/pdf/seed-threepage.pdf"
	doc := readFile(t, file)
	var pages []int
	for _, b := range doc.Blocks {
		if tb, ok := b.(*block.Table); ok {
			pages = append(pages, tb.Pos.Page)
		}
	}
	require.Equal(t, []int{1, 2, 3}, pages[:3], "the first table's pieces")

	b, err := extract.ExtractFile(context.Background(), file)
	require.NoError(t, err)
	require.Len(t, b.Tables, 4)
	first := b.Tables[0]
	require.Len(t, first.Rows, 45)
	for _, r := range first.Rows {
		require.NotContains(t, r.Unit, "单位")
		require.NotEmpty(t, r.Cells[model.Handled].Text)
	}
	require.Equal(t, "烟草局", first.Rows[0].Unit)
	require.Equal(t, 3, first.Rows[len(first.Rows)-1].Pos.Page, "the last row is on page 3")
}

// TestMergedHeader checks row and column spans read from the ruling
// lines, and that the PDF gives the records of the DOCX it was exported
// from.
func TestMergedHeader(t *testing.T) {
	const file = "../../testdata/pdf/merged-header.pdf"
	doc := readFile(t, file)
	var tb *block.Table
	for _, b := range doc.Blocks {
		if x, ok := b.(*block.Table); ok {
			tb = x
			break
		}
	}
	require.NotNil(t, tb)
	require.Len(t, tb.Rows, 8)
	type span struct {
		text     string
		row, col int
	}
	spans := func(r block.Row) []span {
		var out []span
		for _, c := range r.Cells {
			out = append(out, span{c.Text, max(c.RowSpan, 1), max(c.ColSpan, 1)})
		}
		return out
	}
	require.Equal(t, []span{{"序号", 2, 1}, {"单位名称", 2, 1}, {"电话诉求", 1, 3}, {"网民诉求", 1, 3}}, spans(tb.Rows[0]))
	require.Len(t, tb.Rows[1].Cells, 6, "the second header row has no cells under the spanning ones")
	require.Equal(t, "按时\n办结数", tb.Rows[1].Cells[1].Text, "wrapped header text stays in its cell")
	require.Equal(t, span{"合计", 1, 2}, spans(tb.Rows[7])[0])

	want, err := extract.ExtractFile(context.Background(), "../../testdata/docx/merged-header.docx")
	require.NoError(t, err)
	got, err := extract.ExtractFile(context.Background(), file)
	require.NoError(t, err)
	require.NotEmpty(t, got.Tables)
	require.Equal(t, bulletintest.Records(want), bulletintest.Records(got))
}

// TestPositions checks that blocks carry the page and display coordinates,
// also on a page turned by /Rotate.
func TestPositions(t *testing.T) {
	doc := readFile(t, "../../testdata/pdf/seed-rotated.pdf")
	seen := map[int]bool{}
	for _, b := range doc.Blocks {
		p := b.Position()
		require.Positive(t, p.Page)
		require.True(t, p.X > 0 && p.Y > 0, "%v", p)
		seen[p.Page] = true
		if tb, ok := b.(*block.Table); ok {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.Text != "" {
						require.True(t, c.Pos.X > 0 && c.Pos.Y > 0 && c.Pos.Row > 0 && c.Pos.Col > 0, "%v", c.Pos)
					}
				}
			}
		}
	}
	require.Len(t, seen, 5)
}

// TestFurniture checks that Chromium's running header and footer come out
// as Header and Footer paragraphs on every page, not as body text.
func TestFurniture(t *testing.T) {
	doc := readFile(t, "../../testdata/pdf/seed-chromium.pdf")
	header, footer := map[int]bool{}, map[int]bool{}
	for _, b := range doc.Blocks {
		p, ok := b.(*block.Paragraph)
		if !ok {
			continue
		}
		switch p.Region {
		case block.Header:
			header[p.Pos.Page] = true
		case block.Footer:
			footer[p.Pos.Page] = true
			require.True(t, strings.HasSuffix(p.Text, "/7"), p.Text)
		default:
			require.NotContains(t, p.Text, "chromium.html")
		}
	}
	require.Len(t, header, 7)
	require.Len(t, footer, 7)
}

// TestBadPage checks that a page that cannot be read is reported with its
// number and the other pages are still read.
func TestBadPage(t *testing.T) {
	data := buildPDF([]string{"BT /F1 12 Tf 72 700 Td (page one) Tj ET", "BAD", "BT /F1 12 Tf 72 700 Td (page three) Tj ET"})
	doc, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
	require.NoError(t, err)
	var texts []string
	for _, b := range doc.Blocks {
		texts = append(texts, b.(*block.Paragraph).Text)
	}
	require.Equal(t, []string{"page one", "page three"}, texts)
	require.Len(t, doc.Problems, 1)
	require.Equal(t, 2, doc.Problems[0].Pos.Page)
	require.Contains(t, doc.Problems[0].Message, "page skipped")
}

// TestLimits checks that budgets end in a positioned error wrapping
// ErrLimit.
func TestLimits(t *testing.T) {
	flood := strings.Repeat("1 ", 5000)
	data := buildPDF([]string{"BT /F1 12 Tf 72 700 Td (ok) Tj ET", flood + "Tj"})
	_, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{MaxOperands: 1000})
	var pe *block.ParseError
	require.ErrorAs(t, err, &pe)
	require.ErrorIs(t, err, block.ErrLimit)
	require.Equal(t, 2, pe.Pos.Page)

	_, err = pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{MaxStreamBytes: 100})
	require.ErrorIs(t, err, block.ErrLimit)
}

// TestNotPDF checks errors for input that is not a PDF and for a cancelled
// context.
func TestNotPDF(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("hello"), []byte("%PDF-1.4\n%%EOF\n")} {
		_, err := pdf.Read(context.Background(), bytes.NewReader(in), int64(len(in)), block.Limits{})
		var pe *block.ParseError
		require.ErrorAs(t, err, &pe)
		require.ErrorIs(t, err, block.ErrFormat)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := buildPDF([]string{"BT ET"})
	_, err := pdf.Read(ctx, bytes.NewReader(data), int64(len(data)), block.Limits{})
	require.True(t, errors.Is(err, context.Canceled), "%v", err)
}

// failingReader is a file that cannot be read past its first n bytes.
type failingReader struct {
	data []byte
	n    int64
}

var errDisk = errors.New("disk gone")

func (f failingReader) ReadAt(p []byte, off int64) (int, error) {
	if off+int64(len(p)) > f.n {
		return 0, errDisk
	}
	return copy(p, f.data[off:]), nil
}

// TestReadError checks that a file that cannot be read at some point,
// when it is opened or while its pages are read, ends the read with the
// reader's error: the file is read on demand, not all at first.
func TestReadError(t *testing.T) {
	data, err := os.ReadFile("../../testdata/pdf/seed-libreoffice.pdf")
	require.NoError(t, err)
	for _, n := range []int64{100, int64(len(data)) / 2, int64(len(data)) - 100} {
		_, err := pdf.Read(context.Background(), failingReader{data, n}, int64(len(data)), block.Limits{})
		require.ErrorIs(t, err, errDisk, "readable up to %d of %d bytes", n, len(data))
		var pe *block.ParseError
		require.ErrorAs(t, err, &pe)
	}
	// A size larger than the file: the read fails, it does not make up
	// the missing bytes.
	_, err = pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data))+1000, block.Limits{})
	require.Error(t, err)
}

// TestContentFeatures checks text in a form XObject (also one that draws
// itself), /ActualText replacing the shown text, and a tagged pagination
// artifact read as a footer.
func TestContentFeatures(t *testing.T) {
	stream := func(dict, data string) string {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data)+1, data)
	}
	content := "/Artifact <</Type /Pagination /Subtype /Footer>> BDC BT /F1 10 Tf 300 30 Td (7) Tj ET EMC " +
		"/Span <</ActualText (Hello)>> BDC BT /F1 12 Tf 72 700 Td (Hxllo) Tj ET EMC " +
		"q 1 0 0 1 72 600 cm /X1 Do Q"
	data := writePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
		stream("", content),
		stream("/Type /XObject /Subtype /Form /BBox [0 0 200 50] /Resources << /Font << /F1 3 0 R >> /XObject << /X1 6 0 R >> >>",
			"BT /F1 12 Tf 0 0 Td (in form) Tj ET /X1 Do"),
	}, nil)
	doc, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
	require.NoError(t, err)
	type para struct {
		text   string
		region block.Region
	}
	var got []para
	for _, b := range doc.Blocks {
		p := b.(*block.Paragraph)
		got = append(got, para{p.Text, p.Region})
	}
	require.Equal(t, []para{{"Hello", block.Body}, {"in form", block.Body}, {"7", block.Footer}}, got)
	require.Len(t, doc.Problems, 1)
	require.Contains(t, doc.Problems[0].Message, "draws itself")
}

// TestPageTreeCycle checks that a /Kids array holding its own node ends
// in a reported problem, not a loop.
func TestPageTreeCycle(t *testing.T) {
	data := writePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R 2 0 R] /Count 2 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
		"<< /Length 33 >>\nstream\nBT /F1 12 Tf 72 700 Td (a) Tj ET\nendstream",
	}, nil)
	doc, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
	require.NoError(t, err)
	require.Len(t, doc.Blocks, 1)
	var msgs []string
	for _, p := range doc.Problems {
		msgs = append(msgs, p.Message)
	}
	require.Contains(t, strings.Join(msgs, "\n"), "own ancestor")
}

// TestEncrypted checks an encrypted file with an empty user password (read
// as usual) and one that needs a password (ErrEncrypted).
func TestEncrypted(t *testing.T) {
	plain, err := extract.ExtractFile(context.Background(), "../../testdata/pdf/merged-header.pdf")
	require.NoError(t, err)
	got, err := extract.ExtractFile(context.Background(), "../../testdata/pdf/merged-aes128.pdf")
	require.NoError(t, err)
	require.Equal(t, bulletintest.Records(plain), bulletintest.Records(got))

	_, err = extract.ExtractFile(context.Background(), "../../testdata/pdf/merged-userpw.pdf")
	require.ErrorIs(t, err, block.ErrEncrypted)
}

// TestRotatedUpright checks a landscape page stored the way scanners and
// some drivers write it: a portrait MediaBox with /Rotate 90 and content
// turned so that it reads upright on the displayed page. Positions are in
// the displayed page, 792 wide and 612 high.
func TestRotatedUpright(t *testing.T) {
	content := "q 0 1 -1 0 612 0 cm BT /F1 12 Tf 72 500 Td (upright text) Tj ET Q"
	data := writePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate 90 /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+1, content),
	}, nil)
	doc, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
	require.NoError(t, err)
	require.Len(t, doc.Blocks, 1)
	p := doc.Blocks[0].(*block.Paragraph)
	require.Equal(t, "upright text", p.Text)
	require.InDelta(t, 72, p.Pos.X, 0.01)
	require.InDelta(t, 500, p.Pos.Y, 0.01)
}

// TestScanned checks that a PDF whose pages are images without text is
// refused as unsupported, and that in a PDF with text on other pages an
// image-only page is reported.
func TestScanned(t *testing.T) {
	data, err := os.ReadFile("../../testdata/pdf/scanned.pdf")
	require.NoError(t, err)
	_, err = pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
	require.ErrorIs(t, err, block.ErrUnsupported)
	require.Contains(t, err.Error(), "scanned PDF: no text layer; OCR is not supported")

	doc := readFile(t, "../../testdata/pdf/scanned-mixed.pdf")
	require.NotEmpty(t, doc.Blocks)
	var pages []int
	for _, p := range doc.Problems {
		if strings.Contains(p.Message, "without a text layer") {
			pages = append(pages, p.Pos.Page)
		}
	}
	require.Equal(t, []int{2}, pages)
}

// TestLayoutClasses checks the fixtures of the page layouts the reader
// must rebuild from geometry (testdata/gen/classes.py): each PDF gives the
// records (tables, prose figures, metadata) of its DOCX copy, made by
// LibreOffice from the same source. landscape-pages has 公文 paragraphs
// and a 70-row table over landscape pages with "— N —" page numbers;
// borderless-wrapped a table without rules, its unit names and header
// cells wrapped, a row split by the page break; threeline-groups a
// three-line table with a two-level header.
func TestLayoutClasses(t *testing.T) {
	for _, name := range []string{"landscape-pages", "borderless-wrapped", "threeline-groups"} {
		t.Run(name, func(t *testing.T) {
			base := "../../testdata/pdf/classes/" + name
			want, err := extract.ExtractFile(context.Background(), base+".docx")
			require.NoError(t, err)
			require.Equal(t, "docx", want.Source.Format)
			got, err := extract.ExtractFile(context.Background(), base+".pdf")
			require.NoError(t, err)
			require.Equal(t, "pdf", got.Source.Format)
			require.NotEmpty(t, want.Tables)
			require.NotEmpty(t, want.Figures)
			require.Equal(t, bulletintest.Records(want), bulletintest.Records(got))
		})
	}
}

// TestLayoutClassBlocks checks what the reader itself gives for the
// layout classes: page numbers marked as footers on every page, portrait
// and landscape; the three-line table's two-level header as spans.
func TestLayoutClassBlocks(t *testing.T) {
	doc := readFile(t, "../../testdata/pdf/classes/landscape-pages.pdf")
	var footers []string
	for _, b := range doc.Blocks {
		if p, ok := b.(*block.Paragraph); ok {
			if p.Region == block.Footer {
				footers = append(footers, p.Text)
			}
			if p.Region == block.Body {
				require.NotRegexp(t, `^—\s*\d+\s*—$`, p.Text, "a page number left in the body")
			}
		}
	}
	require.Len(t, footers, 8)
	for i, f := range footers {
		require.Equal(t, fmt.Sprintf("— %d —", i+1), f)
	}

	doc = readFile(t, "../../testdata/pdf/classes/threeline-groups.pdf")
	var head [][]string
	for _, b := range doc.Blocks {
		if tb, ok := b.(*block.Table); ok {
			for _, r := range tb.Rows[:2] {
				var row []string
				for _, c := range r.Cells {
					row = append(row, fmt.Sprintf("%s %dx%d", c.Text, max(c.RowSpan, 1), max(c.ColSpan, 1)))
				}
				head = append(head, row)
			}
			break
		}
	}
	require.Equal(t, [][]string{
		{"序号 2x1", "承办单位 2x1", "电话渠道 1x3", "网络渠道 1x3", "合计 1x3"},
		{"受理件数 1x1", "办结件数 1x1", "办结率 1x1", "受理件数 1x1", "办结件数 1x1", "办结率 1x1", "受理件数 1x1", "办结件数 1x1", "办结率 1x1"},
	}, head)
}
