package interpret

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestOffsetTableMatchesMapOffsets checks printed, by an offsetTable, against
// mapOffsets at every character boundary of texts with full-width forms,
// traditional characters and invalid UTF-8.
func TestOffsetTableMatchesMapOffsets(t *testing.T) {
	pieces := []string{"受理", "１２３", "件，", "占", "５０．５％", "辦結", "abc", " ", "\u3000", "\xff", "\xe4\xb8", "（", "）"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var s string
		for range rng.IntN(12) {
			s += pieces[rng.IntN(len(pieces))]
		}
		f := fold(s)
		table := offsetTable(s, f)
		var bounds []int
		for i := 0; ; {
			bounds = append(bounds, i)
			if i >= len(f) {
				break
			}
			_, n := utf8.DecodeRuneInString(f[i:])
			i += n
		}
		for range 20 {
			a := bounds[rng.IntN(len(bounds))]
			b := bounds[rng.IntN(len(bounds))]
			if a > b {
				a, b = b, a
			}
			loc := mapOffsets(s, f, []int{a, b})
			if got, want := printed(s, table, a, b), s[loc[0]:loc[1]]; got != want {
				t.Fatalf("s=%q f=%q: printed(%d, %d) = %q, mapOffsets gives %q", s, f, a, b, got, want)
			}
		}
	}
}
