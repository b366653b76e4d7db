package main

import (
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"
)

// safeWriter passes text for a terminal on to w with the control
// characters a document may hold shown escaped instead of obeyed, so that
// a bulletin cannot clear the screen, retitle the window or reorder what
// is shown around it: ESC as \x1b, the other C0 and C1 controls and DEL
// as \xNN or \u0080 … \u009f, Unicode's bidirectional controls as \u202e
// and the like, bytes that are not UTF-8 as \xNN. Line feeds and tabs pass
// as they are.
type safeWriter struct {
	w io.Writer
	// pending holds the start of a character split between writes.
	pending []byte
	buf     []byte
}

// terminalSafe returns w wrapped in a safeWriter (or w itself when it is
// one already).
func terminalSafe(w io.Writer) *safeWriter {
	if s, ok := w.(*safeWriter); ok {
		return s
	}
	return &safeWriter{w: w}
}

// rawWriter returns the writer under a safeWriter, for output that is the
// program's own (the progress bar's carriage returns).
func rawWriter(w io.Writer) io.Writer {
	if s, ok := w.(*safeWriter); ok {
		return s.w
	}
	return w
}

// Write escapes p and writes it; it reports len(p) written when the
// escaped text was written whole.
func (s *safeWriter) Write(p []byte) (int, error) {
	data := p
	if len(s.pending) > 0 {
		data = append(s.pending, p...)
		s.pending = nil
	}
	s.buf = s.buf[:0]
	for len(data) > 0 {
		if !utf8.FullRune(data) {
			// The rest of the character may come with the next write.
			s.pending = append([]byte(nil), data...)
			break
		}
		r, n := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && n == 1:
			s.buf = fmt.Appendf(s.buf, `\x%02x`, data[0])
		case r == '\n' || r == '\t':
			s.buf = append(s.buf, byte(r))
		case r < 0x80 && unicode.IsControl(r):
			s.buf = fmt.Appendf(s.buf, `\x%02x`, r)
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029':
			s.buf = fmt.Appendf(s.buf, `\u%04x`, r)
		default:
			s.buf = append(s.buf, data[:n]...)
		}
		data = data[n:]
	}
	if _, err := s.w.Write(s.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a character left incomplete by the last write, escaped.
func (s *safeWriter) Flush() error {
	if len(s.pending) == 0 {
		return nil
	}
	var out []byte
	for _, b := range s.pending {
		out = fmt.Appendf(out, `\x%02x`, b)
	}
	s.pending = nil
	_, err := s.w.Write(out)
	return err
}
