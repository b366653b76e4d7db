package object

import (
	"github.com/hotline12345/bulletin/extract/pdf/internal/scan"

	"bytes"
	"errors"
	"fmt"

	"github.com/hotline12345/bulletin/extract/block"
)

// Budget bounds the decoded stream bytes of one document, so that a flate
// bomb ends in an error wrapping [block.ErrLimit] after a bounded amount of
// work and memory. It is not safe for concurrent use.
type Budget struct {
	// Stream bounds one decoded stream.
	Stream int64
	// Total bounds all decoded streams together.
	Total int64
	used  int64
}

// NewBudget returns a budget with the stream limits of lim.
func NewBudget(lim block.Limits) *Budget {
	lim = lim.WithDefaults()
	return &Budget{Stream: lim.MaxStreamBytes, Total: lim.MaxDecodedBytes}
}

// Used returns the decoded bytes charged so far.
func (b *Budget) Used() int64 { return b.used }

// limit returns the most one stream may decode to now, and the error to
// give when it does.
func (b *Budget) limit() (int64, error) {
	if b.Stream <= b.Total-b.used {
		return b.Stream, block.Exceeded("decoded bytes in one stream", b.Stream)
	}
	return max(b.Total-b.used, 0), block.Exceeded("decoded stream bytes in the document", b.Total)
}

// ReadStream decrypts and decodes a stream and returns its data. what
// names the stream in errors ("content stream", "ToUnicode"). A stream
// that decodes to more than the budget allows fails with an error wrapping
// [block.ErrLimit]; one whose data is corrupt (a broken flate stream) with
// one wrapping [block.ErrFormat], returned with the data decoded before
// the damage; one with a filter the reader does not decode (an image
// codec) with [block.ErrUnsupported].
func (d *Doc) ReadStream(v Value, what string) ([]byte, error) {
	s, ok := v.x.(*stream)
	if !ok {
		return nil, fmt.Errorf("%w: %s is %s, not a stream", block.ErrFormat, what, v)
	}
	return d.readStream(s, what, true)
}

// readStream decodes s; decrypt is false for cross-reference streams,
// which are never encrypted.
func (d *Doc) readStream(s *stream, what string, decrypt bool) ([]byte, error) {
	raw := d.raw(s)
	if decrypt && d.crypt != nil && s.ref != d.encRef && s.hdr["Type"] != name("XRef") {
		var err error
		raw, err = d.crypt.decryptStream(raw, s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
	}
	limit, over := d.budget.limit()
	data, err := decode(d, raw, s.hdr, limit, over)
	d.budget.used += int64(len(data))
	if err != nil {
		if errors.Is(err, block.ErrLimit) {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		if data == nil || errors.Is(err, block.ErrUnsupported) {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		return data, fmt.Errorf("%s: %w", what, err)
	}
	return data, nil
}

// raw returns a stream's undecoded bytes: /Length bytes when "endstream"
// follows them, else up to the next "endstream" (a wrong /Length is
// common in damaged files). The bytes may be the file's cached block:
// they must not be changed.
func (d *Doc) raw(s *stream) []byte {
	size := d.src.size
	if s.start > size {
		return nil
	}
	if l, ok := d.value(s.hdr["Length"]).x.(int64); ok && l >= 0 && l <= int64(size-s.start) {
		// The data and what follows it, to check for "endstream".
		n := int(l)
		win, _ := d.src.window(s.start, n+windowMargin)
		if len(win) >= n {
			q := n
			for q < len(win) && scan.IsSpace(win[q]) {
				q++
			}
			if bytes.HasPrefix(win[q:], []byte("endstream")) {
				return win[:n:n]
			}
		}
	}
	end := size
	d.src.scan(s.start, func(off int, chunk []byte, from, to int) bool {
		if i := bytes.Index(chunk[from:], []byte("endstream")); i >= 0 {
			end = off + from + i
			return false
		}
		return true
	})
	win, _ := d.src.window(s.start, end-s.start)
	if n := len(win); n > 0 && win[n-1] == '\n' {
		win = win[:n-1]
	}
	if n := len(win); n > 0 && win[n-1] == '\r' {
		win = win[:n-1]
	}
	return win
}
