package object

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Reading the file on demand: the reader never holds the file whole, only
// the blocks its objects and streams lie in, so that its memory does not
// grow with the file.
const (
	// blockSize is the unit the file is read and cached in.
	blockSize = 32 << 10
	// cachedBlocks bounds the blocks kept: objects are read mostly in
	// file order, and a page's objects lie close together.
	cachedBlocks = 16
	// firstWindow is how much of the file an object is first parsed
	// from; a value running past it is parsed again from a wider one.
	firstWindow = 4 << 10
	// windowMargin is how close to a window's end a parse may stop and
	// still be taken as complete: after a value the parser looks ahead
	// for "stream" or "R".
	windowMargin = 256
	// scanChunk and scanOverlap are how a damaged file is searched.
	scanChunk   = 1 << 20
	scanOverlap = 256
)

// source is the file as the reader sees it: offsets count from the %PDF
// header, as the file's own offsets do.
type source struct {
	r    io.ReaderAt
	base int64 // where the header is in r
	size int   // bytes from the header to the end of the file
	// blocks is a small cache of the last blocks read, by block number.
	blocks [cachedBlocks]cachedBlock
	clock  int
	err    error // the first read error; reading stops at it
}

type cachedBlock struct {
	num, used int
	data      []byte // nil: empty slot
}

// window returns the file's bytes from off on, at most n of them, and
// whether they run to the end of the file. A window inside one cached
// block is a slice of it, so callers must not change the bytes. A read
// error gives an empty window; it is kept in s.err.
func (s *source) window(off, n int) ([]byte, bool) {
	if off < 0 || off >= s.size || n <= 0 || s.err != nil {
		return nil, true
	}
	end := min(off+n, s.size)
	if b := off / blockSize; (end-1)/blockSize == b {
		blk := s.block(b)
		return blk[min(off-b*blockSize, len(blk)):min(end-b*blockSize, len(blk))], end == s.size
	}
	buf := make([]byte, end-off)
	if !s.readAt(buf, off) {
		return nil, true
	}
	return buf, end == s.size
}

// block returns block b, from the cache or read into it.
func (s *source) block(b int) []byte {
	s.clock++
	oldest := 0
	for i := range s.blocks {
		c := &s.blocks[i]
		if c.data != nil && c.num == b {
			c.used = s.clock
			return c.data
		}
		if c.used < s.blocks[oldest].used {
			oldest = i
		}
	}
	buf := make([]byte, min(blockSize, s.size-b*blockSize))
	if !s.readAt(buf, b*blockSize) {
		return nil
	}
	s.blocks[oldest] = cachedBlock{num: b, used: s.clock, data: buf}
	return buf
}

// readAt fills buf from off, reporting whether it could.
func (s *source) readAt(buf []byte, off int) bool {
	n, err := s.r.ReadAt(buf, s.base+int64(off))
	if n == len(buf) {
		return true
	}
	if err == nil || errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF // the file is shorter than its size
	}
	if s.err == nil {
		s.err = fmt.Errorf("reading input: %w", err)
	}
	return false
}

// lastIndex returns the offset of the last sep in the file, or -1. The
// file's end is searched first: that is where startxref stands.
func (s *source) lastIndex(sep []byte) int {
	end := s.size
	for n := 4 << 10; end > 0; n = min(4*n, scanChunk) {
		off := max(end-n, 0)
		chunk, _ := s.window(off, end-off)
		if i := bytes.LastIndex(chunk, sep); i >= 0 {
			return off + i
		}
		if off == 0 || len(chunk) < len(sep) {
			return -1
		}
		end = off + len(sep) - 1
	}
	return -1
}

// scan calls f for each chunk of the file from start on, in order, with
// the chunk's offset and the part of it, [from, to), that is its own:
// consecutive chunks overlap by twice scanOverlap bytes, and each one's
// own part lies at least scanOverlap bytes from its ends (except at the
// ends of the file), so that a match in it can look that far back and
// ahead. f returns false to stop.
func (s *source) scan(start int, f func(off int, chunk []byte, from, to int) bool) {
	for off := max(start, 0); off < s.size; {
		chunk, last := s.window(off, scanChunk)
		if len(chunk) == 0 {
			return
		}
		from, to := 0, len(chunk)
		if off > start {
			from = scanOverlap
		}
		if !last {
			to = len(chunk) - scanOverlap
		}
		if !f(off, chunk, from, to) || last {
			return
		}
		off += len(chunk) - 2*scanOverlap
	}
}
