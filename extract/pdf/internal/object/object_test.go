package object

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
)

// file writes objects 1..n, a classic cross-reference table and a trailer
// with the given extra entries.
func file(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := []int{0}
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, x)
	return b.Bytes()
}

var basic = []string{
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >>",
	"<< /Length 5 >>\nstream\nhello\nendstream",
}

func content(t *testing.T, d *Doc) string {
	t.Helper()
	pages, _, err := d.Pages(10, 10)
	require.NoError(t, err)
	require.Len(t, pages, 1)
	data, err := d.ReadStream(pages[0].Dict().Key("Contents"), "content")
	require.NoError(t, err)
	return string(data)
}

// TestOpenRepair checks files the cross-reference data of which is wrong:
// each is read by scanning for objects, and says so.
func TestOpenRepair(t *testing.T) {
	good := file(basic, "")
	x := bytes.LastIndex(good, []byte("\nxref")) + 1
	for _, tc := range []struct {
		name string
		data []byte
		note string
	}{
		{"junk before the header", append([]byte("\xef\xbb\xbfHTTP/1.1 200 OK\r\n\r\n"), good...), "before the %PDF header"},
		{"no startxref", bytes.Replace(good, []byte("startxref"), []byte("startxxx"), 1), "no startxref"},
		{"startxref past the end", bytes.Replace(good, []byte(fmt.Sprintf("startxref\n%d", x)), []byte("startxref\n99999999"), 1), "outside the file"},
		{"a /Prev chain that loops", bytes.Replace(good, []byte("/Root 1 0 R"), []byte(fmt.Sprintf("/Root 1 0 R /Prev %d", x)), 1), "loops"},
		{"a count beyond the file", bytes.Replace(good, []byte("xref\n0 5"), []byte("xref\n0 5000"), 1), "claims 5000 entries"},
		{"wrong offsets", bytes.Replace(good, []byte("0000000009 00000 n"), []byte("0000000040 00000 n"), 1), ""},
		{"no cross-reference at all", good[:x], "no startxref"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Open(bytes.NewReader(tc.data), int64(len(tc.data)), block.Limits{})
			require.NoError(t, err)
			require.Equal(t, "hello", content(t, d))
			require.Contains(t, strings.Join(d.Notes(), "\n"), tc.note)
		})
	}
}

// TestOpenErrors checks inputs that are refused.
func TestOpenErrors(t *testing.T) {
	good := file(basic, "")
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, block.ErrFormat},
		{"not a PDF", []byte("hello world"), block.ErrFormat},
		{"header only", []byte("%PDF-1.4\n%%EOF\n"), block.ErrFormat},
		{"a /Size beyond the limit", bytes.Replace(good, []byte("/Size 5"), []byte("/Size 9000000000"), 1), block.ErrLimit},
		{"another security handler", file(basic, "/Encrypt << /Filter /FOPN_foweb /V 1 >>"), block.ErrUnsupported},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Open(bytes.NewReader(tc.data), int64(len(tc.data)), block.Limits{})
			require.ErrorIs(t, err, tc.want)
		})
	}
}

// TestObjectStreams checks objects in an object stream, and one that
// claims to be in itself.
func TestObjectStreams(t *testing.T) {
	hdr := "5 0 "
	body := "<< /Length 5 >>"
	objstm := fmt.Sprintf("<< /Type /ObjStm /N 1 /First %d /Length %d >>\nstream\n%s%s\nendstream", len(hdr), len(hdr)+len(body), hdr, body)
	objs := append(append([]string{}, basic[:3]...), "5 0 R", objstm)
	objs[2] = "<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>"
	objs[3] = "<< /Length 5 >>\nstream\nhello\nendstream"
	// Object 6 is the stream; object 5 is in object stream 5 itself.
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	offs := map[int]int{}
	write := func(n int, s string) { offs[n] = b.Len(); fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, s) }
	write(1, basic[0])
	write(2, basic[1])
	write(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Extra 5 0 R >>")
	write(4, "<< /Length 5 >>\nstream\nhello\nendstream")
	write(5, objstm)
	x := b.Len()
	rows := func(typ, f2, f3 int) []byte { return []byte{byte(typ), byte(f2 >> 8), byte(f2), byte(f3)} }
	var data []byte
	data = append(data, rows(0, 0, 0)...)
	for n := 1; n <= 4; n++ {
		data = append(data, rows(1, offs[n], 0)...)
	}
	data = append(data, rows(2, 5, 0)...) // object 5 "in" object stream 5
	data = append(data, rows(1, x, 0)...)
	fmt.Fprintf(&b, "6 0 obj\n<< /Type /XRef /Size 7 /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", len(data), data, x)
	_ = objs
	d, err := Open(bytes.NewReader(b.Bytes()), int64(b.Len()), block.Limits{})
	require.NoError(t, err)
	pages, _, err := d.Pages(10, 10)
	require.NoError(t, err)
	require.True(t, pages[0].Dict().Key("Extra").IsNull(), "an object stream holding itself gives null")
	require.Contains(t, strings.Join(d.Notes(), "\n"), "in itself")
	require.Equal(t, "hello", content(t, d))
}

// TestFilters checks each decoder on known data.
func TestFilters(t *testing.T) {
	over := block.Exceeded("test", 0)
	// The LZW example of the PDF specification (7.4.4.2).
	got, err := lzwDecode([]byte{0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01}, 1, 1<<20, over)
	require.NoError(t, err)
	require.Equal(t, []byte{0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x41, 0x2D, 0x2D, 0x2D, 0x42}, got)
	require.Equal(t, []byte("Hello"), asciiHex([]byte("48 65 6c\n6C 6f>")))
	require.Equal(t, []byte{0xAB, 0xC0}, asciiHex([]byte("ABC>")))
	got, err = ascii85Decode([]byte("<~87cURD]i,\"Ebo80~>"))
	require.NoError(t, err)
	require.Equal(t, "Hello World!", string(got))
	got, err = runLength([]byte{2, 'a', 'b', 'c', 254, 'x', 128, 'z'}, 100, over)
	require.NoError(t, err)
	require.Equal(t, "abcxxx", string(got))
	_, err = runLength([]byte{129, 'x'}, 10, over)
	require.ErrorIs(t, err, block.ErrLimit)
}

// TestPredictors checks the PNG row filters 0 to 4 and the TIFF
// predictor against an encoder written here.
func TestPredictors(t *testing.T) {
	raw := []byte(strings.Repeat("BT /F1 12 Tf (predicted) Tj ET\n", 20))
	const cols, bpp = 7, 3
	rowLen := cols * bpp
	raw = raw[:len(raw)/rowLen*rowLen]
	var enc []byte
	prev := make([]byte, rowLen)
	for r := 0; r*rowLen < len(raw); r++ {
		row := raw[r*rowLen : (r+1)*rowLen]
		typ := byte(r % 5)
		enc = append(enc, typ)
		for i, x := range row {
			var a, b, c byte
			if i >= bpp {
				a, c = row[i-bpp], prev[i-bpp]
			}
			b = prev[i]
			p := [5]byte{0, a, b, byte((int(a) + int(b)) / 2), paeth(a, b, c)}[typ]
			enc = append(enc, x-p)
		}
		prev = row
	}
	d := &Doc{}
	parms := d.value(dict{"Predictor": int64(15), "Colors": int64(bpp), "Columns": int64(cols)})
	got, err := predict(enc, parms, 1<<20, nil)
	require.NoError(t, err)
	require.Equal(t, string(raw), string(got))

	tiff := append([]byte(nil), raw...)
	for r := 0; r < len(tiff); r += rowLen {
		for i := rowLen - 1; i >= bpp; i-- {
			tiff[r+i] -= tiff[r+i-bpp]
		}
	}
	got, err = predict(tiff, d.value(dict{"Predictor": int64(2), "Colors": int64(bpp), "Columns": int64(cols)}), 1<<20, nil)
	require.NoError(t, err)
	require.Equal(t, string(raw), string(got))
}

// TestFlateBudget checks that a stream decoding past the limit stops
// there, and that a corrupt stream keeps what was decoded before the
// damage.
func TestFlateBudget(t *testing.T) {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(bytes.Repeat([]byte("x"), 1<<20))
	w.Close()
	var zr inflater // one inflater for all the streams, as in a document
	_, err := zr.inflate(z.Bytes(), 4000, 1000, block.Exceeded("bytes", 1000))
	require.ErrorIs(t, err, block.ErrLimit)
	cut := z.Bytes()[:z.Len()/2]
	out, err := zr.inflate(cut, 4000, 1<<21, nil)
	require.ErrorIs(t, err, block.ErrFormat)
	require.NotEmpty(t, out)
	// Reused after a failure, it decodes a whole stream, raw deflate too.
	out, err = zr.inflate(z.Bytes(), 4000, 1<<21, nil)
	require.NoError(t, err)
	require.Len(t, out, 1<<20)
	out, err = zr.inflate(z.Bytes()[2:], 16, 1<<21, nil)
	require.NoError(t, err)
	require.Len(t, out, 1<<20)
}
