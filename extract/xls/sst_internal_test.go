package xls

import (
	"context"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
)

// longSST is a Workbook stream's SST record of one-character strings
// carried on by recs-1 CONTINUE records, and the number of strings.
func longSST(recs int) ([]byte, int) {
	var s []byte
	header := func(typ, n int) {
		s = le.AppendUint16(s, uint16(typ))
		s = le.AppendUint16(s, uint16(n))
	}
	var body []byte
	for len(body)+4 <= 8000 {
		body = append(body, 1, 0, 0, 'a') // 1 character, flags 0, "a"
	}
	n := len(body) / 4 * recs
	header(recSST, 8+len(body))
	s = le.AppendUint32(s, uint32(n))
	s = le.AppendUint32(s, uint32(n))
	s = append(s, body...)
	for range recs - 1 {
		header(recContinue, len(body))
		s = append(s, body...)
	}
	return s, n
}

// TestLongSST reads a shared string table spread over many CONTINUE
// records.
func TestLongSST(t *testing.T) {
	s, n := longSST(50)
	wb := &workbook{ctx: context.Background(), lim: block.Limits{}.WithDefaults()}
	rec, err := (&records{s: s}).next(true)
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.readSST(&reader{r: rec}); err != nil {
		t.Fatal(err)
	}
	if len(wb.sst) != n || wb.sst[n-1] != "a" {
		t.Fatalf("read %d strings, want %d", len(wb.sst), n)
	}
}

// BenchmarkLongSST joins and reads a shared string table of 4 MB in 500
// records: joining them, or finding the boundaries, once cost time
// quadratic in the records.
func BenchmarkLongSST(b *testing.B) {
	s, _ := longSST(500)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		wb := &workbook{ctx: context.Background(), lim: block.Limits{}.WithDefaults()}
		rec, err := (&records{s: s}).next(true)
		if err != nil {
			b.Fatal(err)
		}
		if err := wb.readSST(&reader{r: rec}); err != nil {
			b.Fatal(err)
		}
	}
}
