package object

import (
	"bytes"
	"os"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
)

// readDocument opens a file and decodes every page's content and every font's
// ToUnicode map: the object layer's share of extracting a PDF. The same
// work was timed on pdfcpu's object layer to choose between the two.
func readDocument(data []byte) (int, error) {
	d, err := Open(bytes.NewReader(data), int64(len(data)), block.Limits{})
	if err != nil {
		return 0, err
	}
	pages, _, err := d.Pages(10000, 256)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range pages {
		c := p.Dict().Key("Contents")
		streams := []Value{c}
		if c.Kind() == Array {
			streams = nil
			for i := range c.Len() {
				streams = append(streams, c.Index(i))
			}
		}
		for _, s := range streams {
			b, _ := d.ReadStream(s, "content")
			n += len(b)
		}
		fonts := p.Resources().Key("Font")
		for _, k := range fonts.Keys() {
			if tu := fonts.Key(k).Key("ToUnicode"); tu.Kind() == Stream {
				b, _ := d.ReadStream(tu, "ToUnicode")
				n += len(b)
			}
		}
	}
	return n, nil
}

// BenchmarkObjectLayer times readDocument on the fixtures named by the
// environment variable PDFS (space-separated), or the seed.
func BenchmarkObjectLayer(b *testing.B) {
	files := []string{"../../../../testdata/pdf/seed-libreoffice.pdf"}
	if env := os.Getenv("PDFS"); env != "" {
		files = splitFields(env)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f[max(0, len(f)-24):], func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				var err error
				if n, err = readDocument(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "decoded-bytes")
		})
	}
}

func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}
