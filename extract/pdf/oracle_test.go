package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	oracle "github.com/ledongthuc/pdf"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf"
	"github.com/hotline12345/bulletin/extract/pdf/internal/font"
)

// oracleSource names, for the fixtures the independent reader
// (github.com/ledongthuc/pdf) cannot read itself, the fixture made from
// the same pages that it can read, and why. Our text of the fixture is
// compared with the oracle's text of its source.
var oracleSource = map[string]struct{ source, why string }{
	"seed-filter-asciihex.pdf":  {"seed-libreoffice.pdf", "the oracle has no ASCIIHexDecode filter"},
	"seed-filter-lzw.pdf":       {"seed-libreoffice.pdf", "the oracle has no LZWDecode filter"},
	"seed-filter-runlength.pdf": {"seed-libreoffice.pdf", "the oracle has no RunLengthDecode filter"},
	"seed-filter-png.pdf":       {"seed-libreoffice.pdf", "the oracle reads only PNG predictor 12 (Up)"},
	"seed-rc4-40.pdf":           {"seed-libreoffice.pdf", "the oracle does not cut the RC4-40 object key to 10 bytes"},
	"seed-aes256-r5.pdf":        {"seed-libreoffice.pdf", "the oracle has no AES-256"},
	"seed-aes256-r6.pdf":        {"seed-libreoffice.pdf", "the oracle has no AES-256"},
	"seed-hybrid-xrefstm.pdf":   {"seed-libreoffice.pdf", "the oracle ignores /XRefStm and finds no pages"},
	"seed-junk-after.pdf":       {"seed-libreoffice.pdf", "the oracle looks for %%EOF in the last 100 bytes only"},
	"seed-junk-before.pdf":      {"seed-libreoffice.pdf", "the oracle wants %PDF at offset 0"},
	"seed-pdf20.pdf":            {"seed-libreoffice.pdf", "the oracle accepts %PDF-1.x headers only"},
	"seed-startxref-wrong.pdf":  {"seed-libreoffice.pdf", "the oracle has no cross-reference repair"},
	"seed-xref-damaged.pdf":     {"seed-libreoffice.pdf", "the oracle has no cross-reference repair"},
	"seed-xref-missing.pdf":     {"seed-libreoffice.pdf", "the oracle has no cross-reference repair"},
	// The CJK CMap fixtures are seed-libreoffice.pdf with its fonts
	// replaced by a CIDFont without ToUnicode; the oracle decodes only
	// UniGB-UCS2-H of the predefined CMaps.
	"seed-cmap-gb-euc-h.pdf":       {"seed-libreoffice.pdf", "the oracle has no GB-EUC-H CMap"},
	"seed-cmap-gb-euc-v.pdf":       {"seed-libreoffice.pdf", "the oracle has no GB-EUC-V CMap"},
	"seed-cmap-gbk-euc-h.pdf":      {"seed-libreoffice.pdf", "the oracle has no GBK-EUC-H CMap"},
	"seed-cmap-gbk-euc-v.pdf":      {"seed-libreoffice.pdf", "the oracle has no GBK-EUC-V CMap"},
	"seed-cmap-gb1-identity-h.pdf": {"seed-libreoffice.pdf", "the oracle has no Adobe-GB1 CID table"},
	"seed-cmap-unigb-ucs2-v.pdf":   {"seed-libreoffice.pdf", "the oracle has no UniGB-UCS2-V CMap"},
	"seed-cmap-unigb-utf16-h.pdf":  {"seed-libreoffice.pdf", "the oracle has no UniGB-UTF16-H CMap"},
	"seed-cmap-unigb-utf16-v.pdf":  {"seed-libreoffice.pdf", "the oracle has no UniGB-UTF16-V CMap"},
}

// oracleCopies lists the Chromium prints whose CJK fonts the oracle
// cannot decode: Type3 fonts (it decodes them by their /Encoding glyph
// names, which Skia makes up, and never by their ToUnicode maps), and a
// TrueType font without a ToUnicode map (it does not read the font's
// cmap). testdata/pdf/oracle holds for each the same pages in a form it
// reads: the Type3 fonts without /Encoding, the TrueType print with its
// ToUnicode maps (see testdata/gen/pdfwild.sh).
var oracleCopies = map[string]string{
	"seed-chromium.pdf":              "Type3 fonts",
	"seed-landscape.pdf":             "Type3 fonts",
	"seed-type3-glyphnames.pdf":      "Type3 fonts named uniXXXX, without ToUnicode",
	"seed-truetype-no-tounicode.pdf": "a TrueType font without ToUnicode",
}

// oracleRefused lists the fixtures neither reader gives text for, and
// the error ours returns.
var oracleRefused = map[string]error{
	"merged-userpw.pdf":        block.ErrEncrypted,
	"userpw-aes256.pdf":        block.ErrEncrypted,
	"scanned.pdf":              block.ErrUnsupported,
	"garbage-no-tounicode.pdf": block.ErrUnsupported,
}

// TestOracle compares our reading of every PDF fixture with an
// independent reader's: the same number of pages, and on each page the
// same characters (as a multiset, white space left out: the two readers
// order and space text differently).
func TestOracle(t *testing.T) {
	files, err := filepath.Glob("../../testdata/pdf/*.pdf")
	require.NoError(t, err)
	classes, err := filepath.Glob("../../testdata/pdf/classes/*.pdf")
	require.NoError(t, err)
	require.NotEmpty(t, classes)
	files = append(files, classes...)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			doc, ourErr := pdf.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
			if want, ok := oracleRefused[name]; ok {
				require.ErrorIs(t, ourErr, want)
				pages, err := oracleText(data)
				if err == nil {
					for i, p := range pages {
						require.Zero(t, han(p), "the oracle reads Chinese text on page %d", i+1)
					}
				}
				return
			}
			require.NoError(t, ourErr)
			ref := data
			if s, ok := oracleSource[name]; ok {
				_, err := oracleText(data)
				require.Error(t, err, "the oracle now reads %s (%s): compare with it directly", name, s.why)
				ref, err = os.ReadFile(filepath.Join(filepath.Dir(f), s.source))
				require.NoError(t, err)
			}
			if why, ok := oracleCopies[name]; ok {
				_, err := oracleText(data)
				require.Error(t, err, "the oracle now reads %s (%s): compare with it directly", name, why)
				ref, err = os.ReadFile(filepath.Join(filepath.Dir(f), "oracle", name))
				require.NoError(t, err)
			}
			want, err := oracleText(ref)
			require.NoError(t, err)
			got := ourText(doc, len(want))
			require.Len(t, got, len(want), "pages")
			// A table row split by a page break is put back together on
			// the first page: the rest of it moves up one page.
			moved := "" // text of this page that we give on the one before
			for i := range want {
				page := got[i] + moved
				extra, missing := diff(page, want[i])
				if i+1 < len(want) && missing == "" && extra != "" {
					if next, _ := diff(want[i+1], got[i+1]); sameRunes(next, extra) {
						moved = extra
						continue
					}
				}
				require.Equal(t, runeCounts(want[i]), runeCounts(page), "page %d", i+1)
				moved = ""
			}
		})
	}
}

// oracleText returns each page's text as the oracle reads it, white
// space left out. A page it fails on, or a panic, is an error.
func oracleText(data []byte) (pages []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("oracle panicked: %v", r)
		}
	}()
	r, err := oracle.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	n := r.NumPage()
	if n == 0 {
		return nil, errors.New("oracle found no pages")
	}
	for i := 1; i <= n; i++ {
		s, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i, err)
		}
		pages = append(pages, noSpace(s))
		if han(s) == 0 && junk(s)*2 > len([]rune(s)) {
			return nil, fmt.Errorf("page %d: the oracle's text is mostly undecoded codes", i)
		}
	}
	return pages, nil
}

// ourText returns the text of each of n pages: every paragraph and cell
// on it, white space left out. Pages past n are appended as found.
func ourText(doc *block.Document, n int) []string {
	pages := make([]strings.Builder, n)
	add := func(page int, s string) {
		for page > len(pages) {
			pages = append(pages, strings.Builder{})
		}
		pages[page-1].WriteString(noSpace(s))
	}
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *block.Paragraph:
			add(b.Pos.Page, b.Text)
		case *block.Table:
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					add(c.Pos.Page, c.Text)
				}
			}
		}
	}
	out := make([]string, len(pages))
	for i := range pages {
		out[i] = pages[i].String()
	}
	return out
}

// noSpace returns s with white space left out and radicals folded to
// the ideographs they stand for, as our reader folds them: Chromium's
// ToUnicode maps give radicals (⺠ U+2EA0 for 民) where the text has the
// ideograph. NFKC then also reads ligatures (ﬁ) as their letters, as we
// do.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, norm.NFKC.String(font.FoldRadicals(s)))
}

// runeCounts lists the characters of s with their counts, sorted, so
// that a difference prints readably.
func runeCounts(s string) []string {
	count := map[rune]int{}
	for _, r := range s {
		count[r]++
	}
	var out []string
	for r, n := range count {
		out = append(out, fmt.Sprintf("%q×%d", r, n))
	}
	slices.Sort(out)
	return out
}

// diff returns the runes a has more of than b, and those it has fewer of.
func diff(a, b string) (extra, missing string) {
	count := map[rune]int{}
	for _, r := range a {
		count[r]++
	}
	for _, r := range b {
		count[r]--
	}
	var x, m []rune
	for r, n := range count {
		for ; n > 0; n-- {
			x = append(x, r)
		}
		for ; n < 0; n++ {
			m = append(m, r)
		}
	}
	slices.Sort(x)
	slices.Sort(m)
	return string(x), string(m)
}

func sameRunes(a, b string) bool {
	x, m := diff(a, b)
	return x == "" && m == ""
}

func han(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// junk counts the runes that are replacement characters, controls or
// Latin-1 symbols: what undecoded character codes read as.
func junk(s string) int {
	n := 0
	for _, r := range s {
		if r == unicode.ReplacementChar || unicode.IsControl(r) || r >= 0x80 && r <= 0x2FF {
			n++
		}
	}
	return n
}
