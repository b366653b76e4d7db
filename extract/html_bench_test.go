package extract_test

import (
	"bytes"
	"os"
	"testing"

	xhtml "golang.org/x/net/html"
)

// benchPage is a page of our own: the GBK page with a 信息公开 box, 61 KB
// of Word HTML in a CMS template, two tables.
const benchPage = "../testdata/html/gbk.html"

// BenchmarkExtractHTML extracts a bulletin from a web page: charset,
// tokenizing, the tree, the article, blocks and interpretation. Target:
// within twice BenchmarkTokenizeHTML/token on the same page.
func BenchmarkExtractHTML(b *testing.B) {
	data, err := os.ReadFile(benchPage)
	if err != nil {
		b.Fatal(err)
	}
	benchExtract(b, data)
}

// BenchmarkTokenizeHTML is the yardstick: x/net/html's tokenizer on the
// same page, reading only the token types (next) and making every token
// (token).
func BenchmarkTokenizeHTML(b *testing.B) {
	data, err := os.ReadFile(benchPage)
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		token bool
	}{{"next", false}, {"token", true}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				z := xhtml.NewTokenizer(bytes.NewReader(data))
				for z.Next() != xhtml.ErrorToken {
					if tc.token {
						_ = z.Token()
					}
				}
			}
		})
	}
}
