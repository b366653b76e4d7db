package interpret

import (
	"regexp"
	"strings"
	"unicode/utf8"

	widthfold "github.com/hotline12345/bulletin/internal/fold"
)

// Matching is done on folded text — full-width forms as ASCII (１．, ：, ％
// as 1., :, %) and traditional characters as simplified (較好的單位 as
// 较好的单位) — so that one pattern serves every printing; the results are
// cut from the text as printed.

// fold maps full-width forms to ASCII and traditional characters to
// simplified. It maps rune to rune, so rune offsets agree between a text
// and its folded form.
func fold(s string) string {
	s = widthfold.String(s)
	if !strings.ContainsFunc(s, isTraditional) {
		return s
	}
	return strings.Map(toSimplified, s)
}

// findFolded matches re against the folded s and returns the submatch
// indexes as byte offsets into s, or nil.
func findFolded(re *regexp.Regexp, s string) []int {
	f := fold(s)
	loc := re.FindStringSubmatchIndex(f)
	if loc == nil {
		return nil
	}
	return mapOffsets(s, f, loc)
}

// matchFolded reports whether re matches the folded s.
func matchFolded(re *regexp.Regexp, s string) bool { return re.MatchString(fold(s)) }

// mapOffsets converts byte offsets in f (the folded s) to byte offsets in
// s, walking both rune by rune.
func mapOffsets(s, f string, offs []int) []int {
	out := make([]int, len(offs))
	for i := range out {
		out[i] = -1
	}
	si, fi := 0, 0
	for {
		for i, o := range offs {
			if o == fi {
				out[i] = si
			}
		}
		if fi >= len(f) || si >= len(s) {
			break
		}
		_, sn := utf8.DecodeRuneInString(s[si:])
		_, fn := utf8.DecodeRuneInString(f[fi:])
		si, fi = si+sn, fi+fn
	}
	// Folding keeps the rune count, so every offset is met; should one not
	// be, the end of s keeps callers' slicing in range.
	for i := range out {
		if out[i] < 0 {
			out[i] = len(s)
		}
	}
	return out
}

// offsetMap converts byte offsets in f (the folded s) to byte offsets in s
// as mapOffsets does, for many offsets: it keeps its place and walks from
// there, forwards or backwards, so that offsets asked for roughly in order
// cost time in proportion to the distance between them, not to their
// distance from the start of a long text.
type offsetMap struct {
	s, f   string
	si, fi int // a pair of offsets that correspond
}

func newOffsetMap(s, f string) *offsetMap { return &offsetMap{s: s, f: f} }

// at returns the offset in s of offset o in f; an offset that falls inside
// a character, or past the end, gives len(s), as in mapOffsets.
func (m *offsetMap) at(o int) int {
	for m.fi > o && m.fi > 0 && m.si > 0 {
		_, fn := utf8.DecodeLastRuneInString(m.f[:m.fi])
		_, sn := utf8.DecodeLastRuneInString(m.s[:m.si])
		m.fi, m.si = m.fi-fn, m.si-sn
	}
	if m.fi > o {
		// Walking back did not meet the same character boundaries in
		// both texts (invalid UTF-8): start again from the beginning.
		m.fi, m.si = 0, 0
	}
	for m.fi < o && m.fi < len(m.f) && m.si < len(m.s) {
		_, sn := utf8.DecodeRuneInString(m.s[m.si:])
		_, fn := utf8.DecodeRuneInString(m.f[m.fi:])
		m.si, m.fi = m.si+sn, m.fi+fn
	}
	if m.fi == o {
		return m.si
	}
	return len(m.s)
}

// cut returns the text of s between offsets a and b of f.
func (m *offsetMap) cut(a, b int) string {
	i := m.at(a)
	j := m.at(b)
	return m.s[i:j]
}
