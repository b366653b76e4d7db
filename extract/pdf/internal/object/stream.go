package object

import (
	"errors"
	"fmt"
	"io"

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

// ReadStream decodes a stream and returns its data. what names the stream
// in errors ("content stream", "ToUnicode"). A stream that decodes to more
// than the budget allows fails with an error wrapping [block.ErrLimit]; a
// stream whose data is corrupt (a broken flate stream) with one wrapping
// [block.ErrFormat], returned with the data decoded before the damage. Call it under [Guard]: the object package panics on
// filters it does not know.
func (d *Doc) ReadStream(v Value, what string) ([]byte, error) {
	if v.Kind() != Stream {
		return nil, fmt.Errorf("%w: %s is %s, not a stream", block.ErrFormat, what, v)
	}
	rc := v.v.Reader()
	defer rc.Close()
	b := d.budget
	limit := min(b.Stream, b.Total-b.used)
	// Read into a buffer that grows as needed, never past the limit.
	buf := make([]byte, 0, min(limit+1, 32<<10))
	for {
		if int64(len(buf)) > limit {
			b.used += int64(len(buf))
			if limit == b.Stream {
				return nil, fmt.Errorf("%s: %w", what, block.Exceeded("decoded bytes in one stream", b.Stream))
			}
			return nil, fmt.Errorf("%s: %w", what, block.Exceeded("decoded stream bytes in the document", b.Total))
		}
		if len(buf) == cap(buf) {
			grow := min(int64(cap(buf)), limit+1-int64(len(buf)))
			buf = append(buf, make([]byte, max(grow, 512))...)[:len(buf)]
		}
		n, err := rc.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// Keep what was decoded: a stream cut short (a wrong /Length,
			// a truncated flate stream) still shows most of a page.
			b.used += int64(len(buf))
			return buf, fmt.Errorf("%w: %s: %v", block.ErrFormat, what, err)
		}
	}
	b.used += int64(len(buf))
	return buf, nil
}
