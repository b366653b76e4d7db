package interpret

import (
	"math/rand/v2"
	"testing"
)

// TestOffsetMapMatchesMapOffsets checks offsetMap, asked for offsets in any
// order, against mapOffsets on texts with full-width forms, traditional
// characters and invalid UTF-8.
func TestOffsetMapMatchesMapOffsets(t *testing.T) {
	pieces := []string{"受理", "１２３", "件，", "占", "５０．５％", "辦結", "abc", " ", "\u3000", "\xff", "\xe4\xb8", "（", "）"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var s string
		for range rng.IntN(12) {
			s += pieces[rng.IntN(len(pieces))]
		}
		f := fold(s)
		m := newOffsetMap(s, f)
		for range 20 {
			o := rng.IntN(len(f) + 2)
			want := mapOffsets(s, f, []int{o})[0]
			if got := m.at(o); got != want {
				t.Fatalf("s=%q f=%q: at(%d) = %d, mapOffsets gives %d", s, f, o, got, want)
			}
		}
	}
}
