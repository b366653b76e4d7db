package pdf_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf"
)

// TestMemoryFlat checks that the memory a read takes beyond the blocks it
// returns does not grow with the number of pages: generated files of 50
// and 500 pages (each page its own content, a new font with its own
// ToUnicode map every five pages, as in documents appended to each other)
// are read while the live heap is measured after every tenth page. The
// blocks made so far are part of that heap; they are taken out as the
// result's size per page, measured once the read is done. A regression
// test for memory, not a speed test.
func TestMemoryFlat(t *testing.T) {
	small := workingHeap(t, 50)
	large := workingHeap(t, 500)
	t.Logf("largest live heap beyond the blocks: %d KiB at 50 pages, %d KiB at 500 pages", small>>10, large>>10)
	// What grows with the pages is the file's index (its cross-reference
	// entries and the list of pages, a few hundred bytes a page) and the
	// cache of the file's blocks, up to its 512 KiB. (Before pages were
	// read on demand and released: 555 KiB and 5303 KiB.)
	require.Less(t, large, small+3<<19, "450 more pages took more memory beyond their blocks")
	require.Less(t, large, int64(4<<20))
}

// workingHeap reads a generated file of n pages and returns the largest
// live heap seen after a page, less the heap the blocks read so far take.
func workingHeap(t *testing.T, n int) int64 {
	data := longPDF(n)
	live := func() int64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return int64(ms.HeapAlloc)
	}
	base := live()
	var samples []int64 // live heap after pages 10, 20, ...
	*pdf.AfterPage = func(page int) {
		if page%10 == 0 {
			samples = append(samples, live()-base)
		}
	}
	defer func() { *pdf.AfterPage = nil }()
	doc, err := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
	require.NoError(t, err)
	require.Len(t, doc.Blocks, 3*n, "a title, a paragraph and a table on each page")
	perPage := (live() - base) / int64(n)
	runtime.KeepAlive(doc)
	runtime.KeepAlive(data) // part of base: it must stay live to the end
	var most int64
	for i, s := range samples {
		most = max(most, s-perPage*int64(10*(i+1)))
	}
	return most
}

// longPDF writes a PDF of n pages, each with a title and a paragraph in a
// CJK font (a Type0 font with Identity-H and a ToUnicode map of 600
// codes) and a ruled table of numbers in Helvetica. Each page has its own
// content stream; every five pages use a new CJK font, with its own
// ToUnicode map.
func longPDF(n int) []byte {
	var objs []string // object i+1
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	stream := func(dict string, data []byte) string {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(data)
		w.Close()
		return fmt.Sprintf("<< %s /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", dict, z.Len(), z.Bytes())
	}
	add("<< /Type /Catalog /Pages 2 0 R >>") // object 1, the root writePDF names
	pagesObj := add("")                      // filled in at the end
	helv := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	const codes = 600
	var cjk, kids []int
	for p := 1; p <= n; p++ {
		if (p-1)%5 == 0 {
			var cm strings.Builder
			cm.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
			for k := 0; k < codes; k += 100 {
				fmt.Fprintf(&cm, "100 beginbfchar\n")
				for c := k; c < k+100; c++ {
					fmt.Fprintf(&cm, "<%04X> <%04X>\n", c+1, 0x4E00+(c*7+p)%0x5000)
				}
				cm.WriteString("endbfchar\n")
			}
			cm.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end\n")
			tu := add(stream("", []byte(cm.String())))
			desc := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song%d /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>", p))
			cjk = append(cjk, add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Song%d /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", p, desc, tu)))
		}
		font := cjk[len(cjk)-1]
		var c strings.Builder
		show := func(x, y, size float64, codes []int) {
			fmt.Fprintf(&c, "BT /C %g Tf 1 0 0 1 %g %g Tm <", size, x, y)
			for _, k := range codes {
				fmt.Fprintf(&c, "%04X", k)
			}
			c.WriteString("> Tj ET\n")
		}
		text := func(from, count int) []int {
			out := make([]int, count)
			for i := range out {
				out[i] = 1 + (from+i*13)%codes
			}
			return out
		}
		show(200, 760, 16, text(p, 12))
		for line := range 4 {
			show(72, 720-float64(line)*18, 12, text(p*31+line, 38))
		}
		// A ruled table of 8 rows and 5 columns of numbers.
		top, rowH, colW := 620.0, 20.0, 90.0
		c.WriteString("0.5 w\n")
		for r := 0; r <= 8; r++ {
			fmt.Fprintf(&c, "72 %g m %g %g l S\n", top-float64(r)*rowH, 72+5*colW, top-float64(r)*rowH)
		}
		for k := 0; k <= 5; k++ {
			fmt.Fprintf(&c, "%g %g m %g %g l S\n", 72+float64(k)*colW, top, 72+float64(k)*colW, top-8*rowH)
		}
		for r := range 8 {
			for k := range 5 {
				fmt.Fprintf(&c, "BT /H 10 Tf 1 0 0 1 %g %g Tm (%d) Tj ET\n", 80+float64(k)*colW, top-float64(r+1)*rowH+6, (p*97+r*13+k*7)%1000)
			}
		}
		contents := add(stream("", []byte(c.String())))
		kids = append(kids, add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /H %d 0 R /C %d 0 R >> >> /Contents %d 0 R >>", pagesObj, helv, font, contents)))
	}
	var k strings.Builder
	for _, id := range kids {
		fmt.Fprintf(&k, "%d 0 R ", id)
	}
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", k.String(), n)
	return writePDF(objs, nil)
}
