package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	widthfold "github.com/hotline12345/bulletin/internal/fold"
	"golang.org/x/text/width"
)

// line is one line of the decoded input.
type line struct {
	num int    // 1-based line number
	raw string // as decoded, without its terminator
	// fold is raw with full-width forms folded to ASCII (U+3000 to a space,
	// ｜ to |, １ to 1). Folding maps rune to rune, so rune offsets in fold
	// are rune offsets in raw; layout is detected on fold and cell text cut
	// from raw.
	fold string
	// k is the line's kind, classified once when the line is split off:
	// the layouts ask it of the same line many times.
	k kind
}

// kind is what a line looks like on its own, before context decides.
type kind uint8

const (
	kBlank   kind = iota
	kDebris       // only '|' and white space, at least two bars: "||||"
	kRule         // a rule of dashes or '=', maybe with bars or '+'
	kPipeRow      // "| a | b |"
	kTSV          // cells separated by TABs
	kTabCell      // one cell after a leading TAB
	kBarCell      // one cell followed by " |"
	kText         // anything else
)

// kind is what l looks like on its own, worked out when it was split off.
func (l line) kind() kind { return l.k }

// classify works out the kind of l from its folded text.
func (l line) classify() kind {
	t := strings.TrimSpace(l.fold)
	switch {
	case t == "":
		return kBlank
	case isDebris(t):
		return kDebris
	case isRule(t):
		return kRule
	case len(t) >= 2 && t[0] == '|' && t[len(t)-1] == '|':
		return kPipeRow
	}
	rest := strings.TrimLeft(l.fold, "\t")
	switch {
	case strings.ContainsRune(strings.TrimRight(rest, " \t"), '\t'):
		return kTSV
	case len(rest) < len(l.fold):
		return kTabCell
	case t[len(t)-1] == '|':
		return kBarCell
	}
	return kText
}

func isDebris(t string) bool {
	bars := 0
	for _, r := range t {
		switch {
		case r == '|':
			bars++
		case unicode.IsSpace(r):
		default:
			return false
		}
	}
	return bars >= 2
}

// isRule matches separator lines: "|---|:--:|", "+----+----+",
// "-------- --------", "====".
func isRule(t string) bool {
	dashes := 0
	for _, r := range t {
		switch r {
		case '-', '=', '_':
			dashes++
		case ':', '+', '|', ' ', '\t':
		default:
			return false
		}
	}
	return dashes >= 3
}

// cellText trims a cell's text and folds white space runs inside it to one
// space, keeping line breaks.
func cellText(s string) string {
	return strings.TrimFunc(s, unicode.IsSpace)
}

// runeLen is the number of characters in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// displayWidth is the width of s in a monospaced font, counting East Asian
// wide and full-width characters as two columns.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// isCJK reports whether r is a Han character or CJK punctuation.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// fold maps full-width forms to their ASCII counterparts.
func fold(s string) string { return widthfold.String(s) }

func lastRune(s string) (rune, int) { return utf8.DecodeLastRuneInString(s) }
