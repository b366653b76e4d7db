package extract_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hotline12345/bulletin/extract"
)

// FuzzExtractHTML runs the web-page reader and the interpreter behind it
// on mutations of the pages in testdata/html and a few small ones. It
// checks that nothing panics, that every failure is a *ParseError wrapping
// a documented cause, and that what comes out and what is allocated stay
// in proportion to the input. An input that no longer looks like a page is
// still read as one (or as MHT when it looks like that).
func FuzzExtractHTML(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"../testdata/html/*.htm*", "../testdata/html/*.mht", "../testdata/html/attach/*.html"} {
		m, _ := filepath.Glob(pattern)
		seeds = append(seeds, m...)
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<meta charset=gbk><table><tr><td rowspan=3>单位<td colspan=2>办理数<tr><td>1<td>2</table><p>注：1．x`))
	f.Add([]byte("<p>受理<span>12</span><span>34</span>件，满意率<b>98.</b>5%<br>区城管局　　2024年6月5日"))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+MTwvcD4=\r\n--b--\r\n"))
	lim := extract.Limits{MaxInputBytes: 1 << 20, MaxTokenBytes: 256 << 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		format := extract.Sniff(data[:min(len(data), 1024)])
		if format != extract.MHT {
			format = extract.HTML
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data)),
			extract.WithFormat(format), extract.WithLimits(lim))
		runtime.ReadMemStats(&after)
		if a := after.TotalAlloc - before.TotalAlloc; a > uint64(64*len(data)+64<<20) {
			t.Fatalf("%d bytes allocated for %d bytes in", a, len(data))
		}
		if err != nil {
			var pe *extract.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *ParseError: %T %v", err, err)
			}
			if !errors.Is(err, extract.ErrFormat) && !errors.Is(err, extract.ErrLimit) && !errors.Is(err, extract.ErrNotBulletin) {
				t.Fatalf("error wraps no documented cause: %v", err)
			}
			_ = pe.Error()
			return
		}
		cells := 0
		for _, tb := range b.Tables {
			for _, r := range tb.Rows {
				cells += len(r.Cells)
			}
		}
		if cells > len(data) {
			t.Fatalf("%d cells from %d bytes", cells, len(data))
		}
		if len(b.Figures) > len(data) {
			t.Fatalf("%d figures from %d bytes", len(b.Figures), len(data))
		}
	})
}
