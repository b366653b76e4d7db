package interpret

import (
	"strings"
	"unicode/utf8"

	widthfold "github.com/hotline12345/bulletin/internal/fold"
	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
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

// hasFolded reports whether the folded s holds a word of l, a list of
// Chinese characters only (no width form folds into one): it folds s only
// when s holds traditional characters, so that a prefilter costs no
// allocation on the common line.
func hasFolded(l *vocab.List, s string) bool {
	return l.In(s) || (strings.ContainsFunc(s, isTraditional) && l.In(fold(s)))
}

// findFolded matches re against the folded s and returns the submatch
// indexes as byte offsets into s, or nil.
func findFolded(re *lazyregexp.Regexp, s string) []int {
	f := fold(s)
	loc := re.FindStringSubmatchIndex(f)
	if loc == nil {
		return nil
	}
	return mapOffsets(s, f, loc)
}

// matchFolded reports whether re matches the folded s.
func matchFolded(re *lazyregexp.Regexp, s string) bool { return re.MatchString(fold(s)) }

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

// offsetTable maps each byte offset of f, the folded s, to the byte offset
// in s of the same character; it is empty when every character keeps its
// length in bytes (no full-width form was folded), as in most text. Made
// once, it cuts any number of pieces of a long text in constant time each
// (see printed), where mapOffsets walks from the start every time.
func offsetTable(s, f string) []int32 {
	if sameOffsets(s, f) {
		return []int32{}
	}
	table := make([]int32, len(f)+1)
	si, fi := 0, 0
	for fi < len(f) && si < len(s) {
		_, sn := utf8.DecodeRuneInString(s[si:])
		_, fn := utf8.DecodeRuneInString(f[fi:])
		for k := 0; k < fn; k++ {
			table[fi+k] = int32(si)
		}
		si, fi = si+sn, fi+fn
	}
	for ; fi <= len(f); fi++ {
		table[fi] = int32(len(s))
	}
	return table
}

// printed returns the text of s between offsets a and b of f, the folded
// s, by their offsetTable.
func printed(s string, table []int32, a, b int) string {
	if len(table) == 0 {
		return s[a:b] // folding moved no byte
	}
	return s[table[a]:table[b]]
}

// sameOffsets reports whether every character of s and of f, its folded
// form, has the same length in bytes, so that their offsets agree. Equal
// lengths alone do not say so: an invalid byte folds to a three-byte
// U+FFFD, and may make up for a full-width form folded to one byte.
func sameOffsets(s, f string) bool {
	if s == f {
		return true
	}
	if len(s) != len(f) {
		return false
	}
	for i := 0; i < len(s); {
		_, sn := utf8.DecodeRuneInString(s[i:])
		_, fn := utf8.DecodeRuneInString(f[i:])
		if sn != fn {
			return false
		}
		i += sn
	}
	return true
}
