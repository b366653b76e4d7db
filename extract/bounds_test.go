package extract_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	msdoc "github.com/hotline12345/bulletin/extract/doc"
	"github.com/hotline12345/bulletin/extract/docx"
	"github.com/hotline12345/bulletin/extract/html"
	"github.com/hotline12345/bulletin/extract/pdf"
	"github.com/hotline12345/bulletin/extract/text"
	"github.com/hotline12345/bulletin/extract/xls"
	"github.com/hotline12345/bulletin/extract/xlsx"
	"github.com/hotline12345/bulletin/model"
)

// measured is what one extraction cost: the bytes allocated, the bytes
// the result holds after a collection, and the result.
type measured struct {
	allocated, held int64
	b               *model.Bulletin
	err             error
}

// measure extracts data with lim, counting allocations with
// runtime.MemStats: time-independent bounds on the work and memory of a
// run.
func measure(data []byte, lim extract.Limits) measured {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data)), extract.WithLimits(lim))
	runtime.GC()
	runtime.ReadMemStats(&after)
	m := measured{allocated: int64(after.TotalAlloc - before.TotalAlloc), held: int64(after.HeapAlloc) - int64(before.HeapAlloc), b: b, err: err}
	runtime.KeepAlive(b)
	return m
}

// TestMillionLines reads 2 MB of 10^6 one-character lines, each its own
// paragraph: what it allocates is bounded per line. (It took 1.5 GB of
// allocations and 785 MiB of peak RSS: the line list, the block list and
// the prose lists grown by append, the prose list copied twice over.
// About 100 of the bytes a line are the paragraph the model keeps: its
// text's header and its position.)
func TestMillionLines(t *testing.T) {
	data := bytes.Repeat([]byte("a\n"), 1_000_000)
	m := measure(data, extract.Limits{})
	require.NoError(t, m.err)
	perLine := m.allocated / 1_000_000
	t.Logf("10^6 lines: %d MB allocated, %d bytes a line", m.allocated>>20, perLine)
	assert.Less(t, perLine, int64(560))

	// One more paragraph than the limit allows is refused, at its line.
	m = measure(data, extract.Limits{MaxParagraphs: 999_999})
	require.ErrorIs(t, m.err, extract.ErrLimit)
	var pe *extract.ParseError
	require.ErrorAs(t, m.err, &pe)
	assert.Equal(t, 1_000_000, pe.Pos.Line)
}

// TestShortSentences reads 2 MB of short Chinese sentences, one a line,
// with figures and unit lists among them: allocations bounded per input
// byte.
func TestShortSentences(t *testing.T) {
	sentences := []string{"本周受理群众诉求12件。", "办结率达到98.5%。", "较好的单位是甲局、乙局。", "群众满意。", "其中咨询类3件，占25%。"}
	var b strings.Builder
	for i := 0; b.Len() < 2<<20; i++ {
		b.WriteString(sentences[i%len(sentences)])
		b.WriteByte('\n')
	}
	data := []byte(b.String())
	m := measure(data, extract.Limits{})
	require.NoError(t, m.err)
	perByte := float64(m.allocated) / float64(len(data))
	t.Logf("%d bytes: %.1f bytes allocated, %.1f held per input byte; %d figures, %d mentions",
		len(data), perByte, float64(m.held)/float64(len(data)), len(m.b.Figures), len(m.b.Mentions))
	assert.Less(t, perByte, 120.0)
}

// TestHostileProse reads prose made to make the interpreter's work grow
// faster than its input: each took more than a minute, and allocated
// quadratically where it joined strings. Allocations are bounded per input
// byte (a quadratic join of these would allocate gigabytes), the work per
// number by its bound on candidates and look-back; were it quadratic
// still, the test would not end.
func TestHostileProse(t *testing.T) {
	wrapped := strings.Repeat(strings.Repeat("这是一个很长的段落", 6)+"\n"+strings.Repeat("这是一个很长的段落", 6)+"啊\n", 10_000)
	var changes, brackets, wrappedOn strings.Builder
	for i := range 20_000 {
		// Lines alike but for a serial number in Han characters, so that
		// the DOCX does not compress past its limit.
		fmt.Fprintf(&wrappedOn, "本月受理群众诉求事项，其中%s类占多数但\n", strings.Map(func(r rune) rune { return []rune("甲乙丙丁戊己庚辛壬癸")[r-'0'] }, fmt.Sprint(i)))
	}
	for i := range 1000 {
		// One clause over 1,000 lines (each ends in 是, a list verb, so
		// the next goes on it); its changes' words were cut from the
		// clause's start.
		fmt.Fprintf(&changes, "较第%d月增加1件%s是\n", i, strings.Repeat("甲", 300))
		// Counts of entities before a bracket never closed: the noun
		// after each was looked for up to the close, to the paragraph's
		// end.
		fmt.Fprintf(&brackets, "1家(%s，\n", strings.Repeat("甲", 1000))
	}
	tests := []struct {
		name, text string
		problem    string // a problem the result must report
		docx       bool   // each line a paragraph of a DOCX
	}{
		{"a paragraph of 60,000 run-on lines", strings.Repeat("数，\n", 60_000), "", false},
		{"a hard-wrapped paragraph of 20,000 lines", wrapped, "", false},
		{"20,000 paragraphs of a sentence wrapped on", wrappedOn.String(), "", true},
		{"200,000 counts in one sentence", "受理" + strings.Repeat("1件", 200_000) + "\n", "figure candidates", false},
		{"counts and shares interleaved", strings.Repeat("3件7%", 100_000) + "\n", "figure candidates", false},
		{"counts after 其中 with no punctuation", "共受理100件其中" + strings.Repeat("甲类1件", 60_000) + "\n", "figure candidates", false},
		{"100,000 counts of entities in numerals, nothing between", "涉及" + strings.Repeat("两家甲", 100_000) + "\n", "figure candidates", false},
		{"1,000 changes in one clause", changes.String(), "", false},
		{"1,000 counts before brackets never closed", brackets.String(), "", false},
		{"40,000 unit-list leads in one paragraph", strings.Repeat("较好的单位是甲局", 40_000) + "\n", "unit list leads", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.text)
			if tt.docx {
				var body strings.Builder
				for line := range strings.Lines(tt.text) {
					body.WriteString("<w:p><w:r><w:t>" + strings.TrimSuffix(line, "\n") + "</w:t></w:r></w:p>")
				}
				data = docxOf(t, body.String())
			}
			m := measure(data, extract.Limits{})
			require.NoError(t, m.err)
			perByte := float64(m.allocated) / float64(len(tt.text))
			t.Logf("%d bytes: %.1f bytes allocated per input byte, %d figures", len(tt.text), perByte, len(m.b.Figures))
			assert.Less(t, perByte, 200.0)
			assert.LessOrEqual(t, len(m.b.Figures), extract.Limits{}.WithDefaults().MaxFigureCandidates)
			if tt.problem != "" {
				found := false
				for _, p := range m.b.Problems {
					found = found || strings.Contains(p.Message, tt.problem)
				}
				assert.True(t, found, "a problem says what was not read: %v", m.b.Problems)
			}
		})
	}
}

// tableDOCX is a DOCX holding one table of rows rows of four cells.
func tableDOCX(t testing.TB, rows int) []byte {
	t.Helper()
	cell := func(s string) string { return "<w:tc><w:p><w:r><w:t>" + s + "</w:t></w:r></w:p></w:tc>" }
	var body strings.Builder
	body.WriteString(`<w:p><w:r><w:t>附件1 各单位办理情况</w:t></w:r></w:p><w:tbl><w:tr>` + cell("单位") + cell("办理数") + cell("按时办结数") + cell("按时办结率") + "</w:tr>")
	for i := range rows {
		fmt.Fprintf(&body, "<w:tr>%s%s%s%s</w:tr>", cell(fmt.Sprintf("单位%d", i)), cell("10"), cell("9"), cell("90%"))
	}
	body.WriteString("</w:tbl>")
	return docxOf(t, body.String())
}

// docxOf is a DOCX whose document body is body, WordprocessingML.
func docxOf(t testing.TB, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct{ name, data string }{
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`},
	} {
		w, err := zw.Create(p.name)
		require.NoError(t, err)
		_, err = w.Write([]byte(p.data))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestFiftyThousandRowDOCX reads a 150 KB DOCX whose table has 50,000 rows:
// what it allocates, and what the bulletin holds, are bounded per cell.
// (Compressed, the input says little of the work: the cells do.)
func TestFiftyThousandRowDOCX(t *testing.T) {
	data := tableDOCX(t, 50_000)
	m := measure(data, extract.Limits{})
	require.NoError(t, m.err)
	require.Len(t, m.b.Tables, 1)
	require.Len(t, m.b.Tables[0].Rows, 50_000)
	const cells = 50_001 * 4
	t.Logf("%d KB of DOCX, %d cells: %d bytes allocated and %d held per cell", len(data)>>10, cells, m.allocated/cells, m.held/cells)
	assert.Less(t, m.allocated/cells, int64(2500))
	assert.Less(t, m.held/cells, int64(400))
}

// TestDocumentBounds checks the bounds on what a whole document yields:
// its text, and the figures and unit mentions of its prose, each past its
// limit reported once.
func TestDocumentBounds(t *testing.T) {
	m := measure(bytes.Repeat([]byte("受理诉求12件。\n"), 1000), extract.Limits{MaxTextBytes: 10_000})
	require.ErrorIs(t, m.err, extract.ErrLimit)
	assert.Contains(t, m.err.Error(), "bytes of text")

	prose := strings.Repeat("本周受理诉求12件，办结率98.5%。较好的单位是甲局、乙局。\n", 300)
	m = measure([]byte(prose), extract.Limits{MaxFigures: 100})
	require.NoError(t, m.err)
	assert.Len(t, m.b.Figures, 100)
	assert.Len(t, m.b.Mentions, 100)
	var figures, mentions int
	for _, p := range m.b.Problems {
		if strings.Contains(p.Message, "more than 100 figures in the document") {
			figures++
		}
		if strings.Contains(p.Message, "more than 100 unit mentions in the document") {
			mentions++
		}
	}
	assert.Equal(t, 1, figures, "one problem for the figures not read: %v", m.b.Problems)
	assert.Equal(t, 1, mentions, "one problem for the mentions not read: %v", m.b.Problems)
}

// TestReadersShareDocumentLimits reads a fixture of every format and then
// reads it again with each document-wide limit set to what the document
// holds, which passes, and to one less, which fails with ErrLimit: every
// reader counts paragraphs, text and grid positions the same way, through
// block.Builder (a text file's text is all its bytes, counted before they
// are decoded).
func TestReadersShareDocumentLimits(t *testing.T) {
	type reader func(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error)
	textRead := func(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
		return text.Read(ctx, io.NewSectionReader(r, 0, size), lim)
	}
	mhtRead := func(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
		p, err := html.ReadMHT(ctx, r, size, html.Options{Limits: lim})
		if err != nil {
			return nil, err
		}
		return p.Document, nil
	}
	tests := []struct {
		path string
		read reader
	}{
		{"../testdata/yanshi-2023-03.txt", textRead},
		{"../testdata/docx/yanshi-2023-03.libreoffice.docx", docx.Read},
		{"../testdata/docx/merged-header.docx", docx.Read},
		{"../testdata/pdf/merged-header.pdf", pdf.Read},
		{"../testdata/html/portal.html", html.Read},
		{"../testdata/html/page.mht", mhtRead},
		{"../testdata/office/yanshi-2023-03.xlsx", xlsx.Read},
		{"../testdata/office/merged-header.xlsx", xlsx.Read},
		{"../testdata/office/yanshi-2023-03.xls", xls.Read},
		{"../testdata/office/merged-header.xls", xls.Read},
		{"../testdata/office/yanshi-2023-03.doc", msdoc.Read},
		{"../testdata/docx/merged-header.doc", msdoc.Read},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			data, err := os.ReadFile(tt.path)
			require.NoError(t, err)
			read := func(lim block.Limits) error {
				_, err := tt.read(context.Background(), bytes.NewReader(data), int64(len(data)), lim)
				return err
			}
			doc, err := tt.read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
			require.NoError(t, err)
			var paragraphs, cells int
			var text int64
			for _, b := range doc.Blocks {
				switch b := b.(type) {
				case *block.Paragraph:
					paragraphs++
					text += int64(len(b.Text))
				case *block.Fields:
					for _, f := range b.Fields {
						text += int64(len(f.Label) + len(f.Value))
					}
				case *block.Table:
					area, ok := b.GridArea(math.MaxInt)
					require.True(t, ok)
					cells += area
					for _, r := range b.Rows {
						for _, c := range r.Cells {
							text += int64(len(c.Text))
						}
					}
				}
			}
			require.Positive(t, text)
			if strings.HasSuffix(tt.path, ".txt") {
				text = int64(len(data)) // a text file's bytes are its text
			}
			t.Logf("%d paragraphs, %d bytes of text, %d grid positions", paragraphs, text, cells)
			limits := []struct {
				name string
				set  func(n int64) block.Limits
				n    int64
			}{
				{"MaxParagraphs", func(n int64) block.Limits { return block.Limits{MaxParagraphs: int(n)} }, int64(paragraphs)},
				{"MaxTextBytes", func(n int64) block.Limits { return block.Limits{MaxTextBytes: n} }, text},
				{"MaxCells", func(n int64) block.Limits { return block.Limits{MaxCells: int(n)} }, int64(cells)},
			}
			for _, l := range limits {
				if l.n < 2 {
					continue // a limit of 0 means the default
				}
				assert.NoError(t, read(l.set(l.n)), "%s at %d, what the document holds", l.name, l.n)
				assert.ErrorIs(t, read(l.set(l.n-1)), block.ErrLimit, "%s at %d, one less than the document holds", l.name, l.n-1)
			}
		})
	}
}
