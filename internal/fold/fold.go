// Package fold maps full-width forms to their ASCII counterparts ("１２．５％"
// to "12.5%", the ideographic space to a space), the way
// golang.org/x/text/width.Fold does, but without allocating for the common
// text that has none.
package fold

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// String returns s with full-width forms folded. width.Fold changes only
// U+3000 and U+FF01..U+FFEE, whose UTF-8 encodings start with 0xE3 0x80 0x80
// and 0xEF; text without them is returned as is. Folding maps rune to rune,
// so rune offsets agree between a text and its folded form; it is done
// rune by rune with strings.Map, which allocates the result and nothing
// else (width.Fold.String allocates buffers of its own, several times a
// short string's size, and is asked of every line of prose).
func String(s string) string {
	if strings.IndexByte(s, 0xEF) < 0 && !strings.Contains(s, "\u3000") {
		return s
	}
	return mapRunes(s)
}

// mapRunes is strings.Map(foldRune, s), byte runs that fold leaves as they
// are copied whole: only the lead bytes 0xE3 (U+3000) and 0xEF (U+FF01 on)
// and bytes that are not valid UTF-8 (which strings.Map writes as U+FFFD)
// need a look of their own.
func mapRunes(s string) string {
	var b strings.Builder // grown at the first change: s may need none
	done := 0             // s[:done] is in b
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var f rune
		switch {
		case r == utf8.RuneError && size == 1:
			f = utf8.RuneError
		case c == 0xE3 || c == 0xEF:
			if f = foldRune(r); f == r {
				i += size
				continue
			}
		default:
			i += size
			continue
		}
		if done == 0 && b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done:i])
		b.WriteRune(f)
		i += size
		done = i
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// foldRune is width.Fold for one rune. Runes outside the ranges width.Fold
// changes (most of a Chinese text) skip the table lookup.
func foldRune(r rune) rune {
	if r < 0x3000 || (r > 0x3000 && r < 0xFF01) || r > 0xFFEE {
		return r
	}
	if f := width.LookupRune(r).Folded(); f != 0 {
		return f
	}
	return r
}
