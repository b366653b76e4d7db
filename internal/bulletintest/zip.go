package bulletintest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"strings"
	"testing"
)

// ZipEntry is an entry of a zip built by Zip. With Raw set, Data is
// written as the entry's compressed bytes and Size is declared as its
// uncompressed size, whatever Data really inflates to; a Method other than
// Store and Deflate is written raw too.
type ZipEntry struct {
	Name   string
	Method uint16
	Data   []byte
	Size   uint64
	Raw    bool
}

// Zip builds a zip archive of the entries.
func Zip(t testing.TB, entries ...ZipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		var w interface{ Write([]byte) (int, error) }
		var err error
		if e.Raw || e.Method > zip.Deflate {
			w, err = zw.CreateRaw(&zip.FileHeader{Name: e.Name, Method: e.Method,
				CompressedSize64: uint64(len(e.Data)), UncompressedSize64: e.Size})
		} else {
			w, err = zw.Create(e.Name)
		}
		if err == nil {
			_, err = w.Write(e.Data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// RepeatDeflate returns a deflate stream of prefix, unit repeated to about
// total bytes, and suffix, and the stream's inflated size. It compresses
// one megabyte of units and repeats the compressed bytes: after the first
// megabyte every copy refers only to units, so the copies decode alike.
// It builds zip bombs in a few megabytes of memory.
func RepeatDeflate(prefix, unit, suffix string, total int64) ([]byte, int64) {
	chunk := strings.Repeat(unit, (1<<20)/len(unit))
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write([]byte(prefix))
	fw.Write([]byte(chunk))
	fw.Flush()
	head := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Write([]byte(chunk))
	fw.Flush()
	seg := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Write([]byte(suffix))
	fw.Close()
	n := max((total-int64(len(prefix)+len(suffix)))/int64(len(chunk))-1, 0)
	out := append(head, bytes.Repeat(seg, int(n))...)
	out = append(out, buf.Bytes()...)
	return out, int64(len(prefix)+len(suffix)) + int64(len(chunk))*(n+1)
}
