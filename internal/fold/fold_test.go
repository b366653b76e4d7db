package fold

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// TestAgreesWithWidthFold checks the fast path against width.Fold for every
// rune, and that folding keeps the rune count.
func TestAgreesWithWidthFold(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "a" + string(r) + "办"
		want := width.Fold.String(s)
		if got := String(s); got != want {
			t.Fatalf("%U: got %q want %q", r, got, want)
		}
		if utf8.RuneCountInString(want) != 3 {
			t.Fatalf("%U: folding changed the rune count", r)
		}
	}
}

// TestMapRunesAgreesWithMap checks the copying fold against strings.Map,
// also on bytes that are not UTF-8, which strings.Map writes as U+FFFD.
func TestMapRunesAgreesWithMap(t *testing.T) {
	for _, s := range []string{
		"", "abc", "办理率９８．５％", "\u3000受理\u3000", "１２，３４５件", "a\xffb１", "\xef\xbc", "１\xef\xbc",
		"\xe3\x80", "\xe3\x80\x80\xe3\x80", "全角：ＡＢＣ｜ｘ　ｙ", "\uffe0\uffee\uffef\ufffd\U0001F600１",
	} {
		if got, want := mapRunes(s), strings.Map(foldRune, s); got != want {
			t.Errorf("mapRunes(%q) = %q, strings.Map gives %q", s, got, want)
		}
	}
}
