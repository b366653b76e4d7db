package fold

import (
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
