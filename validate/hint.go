package validate

import (
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// digitsOf returns the decimal digits of the first number in s, without
// the point: "87.23%" gives "8723".
func digitsOf(s string) string {
	var b strings.Builder
	started := false
	for _, r := range s {
		switch {
		case isDigit(r):
			b.WriteRune(r)
			started = true
		case r == '.' && started:
		case started:
			return b.String()
		}
	}
	return b.String()
}

// The slips a printed number may have.
const (
	changedDigit     = "one changed digit"
	transposedDigits = "two transposed digits"
)

// digitSlip describes how two printed numbers of the same length differ
// when the difference is one changed digit or two adjacent digits swapped:
// "one changed digit", "two transposed digits"; "" otherwise.
func digitSlip[S ~string | ~[]byte](a, b S) string {
	if len(a) != len(b) || string(a) == string(b) {
		return ""
	}
	var diff []int
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			diff = append(diff, i)
		}
	}
	switch {
	case len(diff) == 1:
		return changedDigit
	case len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]:
		return transposedDigits
	}
	return ""
}

// scaledDigits appends the digits formatScaled prints for v at d decimals,
// which digitsOf reads back: "0.05%" is 005.
func scaledDigits(b []byte, v uint64, d int) []byte {
	n := len(b)
	b = strconv.AppendUint(b, v, 10)
	for d > 0 && len(b)-n <= d {
		b = slices.Insert(b, n, '0')
	}
	return b
}

// digitHint compares a printed value with the expected one at the same
// precision.
func digitHint(published, expected string) string {
	if slip := digitSlip(digitsOf(published), digitsOf(expected)); slip != "" {
		return fmt.Sprintf("the printed %s is %s with %s", published, expected, slip)
	}
	return ""
}

// variants yields the numbers that differ from v by one changed digit
// (each digit from the first, to 0 … 9) or two adjacent digits swapped
// (from the first pair), with the kind of slip; none with a leading zero
// or out of 64 bits. They are worked out on the digits' place values, not
// printed and read back.
func variants(v uint64) iter.Seq2[uint64, string] {
	return func(yield func(uint64, string) bool) {
		var digits [20]int // least significant first
		n := 0
		for x := v; ; x /= 10 {
			digits[n] = int(x % 10)
			n++
			if x < 10 {
				break
			}
		}
		// shift returns v + delta·place, unless that leaves 64 bits; a
		// negative delta never takes more than the digits give.
		shift := func(delta int, place uint64) (uint64, bool) {
			if delta < 0 {
				return v - uint64(-delta)*place, true
			}
			hi, lo := bits.Mul64(uint64(delta), place)
			w, carry := bits.Add64(v, lo, 0)
			return w, hi == 0 && carry == 0
		}
		for j := n - 1; j >= 0; j-- {
			for d := range 10 {
				if d == digits[j] || (d == 0 && j == n-1 && n > 1) {
					continue
				}
				if w, ok := shift(d-digits[j], placeValue(j)); ok && !yield(w, changedDigit) {
					return
				}
			}
		}
		for j := n - 1; j > 0; j-- {
			hi, lo := digits[j], digits[j-1]
			if hi == lo || (lo == 0 && j == n-1) {
				continue
			}
			// lo·10^j + hi·10^(j-1) - (hi·10^j + lo·10^(j-1)) = (lo-hi)·9·10^(j-1)
			if w, ok := shift(lo-hi, 9*placeValue(j-1)); ok && !yield(w, transposedDigits) {
				return
			}
		}
	}
}

// placeValue returns 10^j, for j up to 19.
func placeValue(j int) uint64 {
	p := uint64(1)
	for range j {
		p *= 10
	}
	return p
}

// rateHint looks for an explanation of a rate that no rounding of its
// counts gives: a slip in the printed rate, another printed count used as
// denominator or numerator, or a slip in one of the counts.
func (c *checker) rateHint(col *rateColumn, rc rateCell) string {
	ti := col.table
	var hints []string
	// The printed rate itself, compared at its own precision.
	if ed, ok := roundRate(rc.k, rc.n, rc.p.Decimals, c.mode); ok && rc.p.Scaled >= 0 {
		// Only a slip is worth printing both values for.
		var pb, eb [24]byte
		d := rc.p.Decimals
		if digitSlip(scaledDigits(pb[:0], uint64(rc.p.Scaled), d), scaledDigits(eb[:0], ed, d)) != "" {
			hints = append(hints, digitHint(formatScaled(uint64(rc.p.Scaled), d), formatScaled(ed, d)))
		}
	}
	holds := func(k, n uint64) bool { return n > 0 && fits(k, n, rc.p, rc.p.Decimals) != 0 }
	counts := c.tabs[ti].counts
	for _, ck := range counts {
		if ck == col.den || slices.Contains(col.nums, ck) {
			continue
		}
		if n, ok := c.countAt(ti, rc.row, ck); ok && n.exact() && holds(rc.k, uint64(n.v)) {
			hints = append(hints, fmt.Sprintf("it holds with %s (%d) as the denominator: %d/%d",
				c.header(ti, ck), n.v, rc.k, n.v))
			break
		}
	}
	for _, ck := range counts {
		if ck == col.den || slices.Contains(col.nums, ck) {
			continue
		}
		if k, ok := c.countAt(ti, rc.row, ck); ok && k.exact() && holds(uint64(k.v), rc.n) {
			hints = append(hints, fmt.Sprintf("it holds with %s (%d) as the numerator: %d/%d",
				c.header(ti, ck), k.v, k.v, rc.n))
			break
		}
	}
	if len(hints) < 2 && len(col.nums) == 1 {
		for w, slip := range variants(rc.k) {
			if w <= rc.n && holds(w, rc.n) {
				hints = append(hints, fmt.Sprintf("it holds if %s were %d instead of %d (%s)",
					c.header(ti, col.nums[0]), w, rc.k, slip))
				break
			}
		}
	}
	if len(hints) < 2 {
		for w, slip := range variants(rc.n) {
			if w >= rc.k && holds(rc.k, w) {
				hints = append(hints, fmt.Sprintf("it holds if %s were %d instead of %d (%s)",
					c.header(ti, col.den), w, rc.n, slip))
				break
			}
		}
	}
	if len(hints) > 2 {
		hints = hints[:2]
	}
	return strings.Join(hints, "; or ")
}
