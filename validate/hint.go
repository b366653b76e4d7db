package validate

import (
	"fmt"
	"iter"
	"math"
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
// or out of 64 bits.
func variants(v uint64) iter.Seq2[uint64, string] {
	return func(yield func(uint64, string) bool) {
		var buf [20]byte
		b := strconv.AppendUint(buf[:0], v, 10)
		// try yields the number b now holds; false stops.
		try := func(slip string) bool {
			if len(b) > 1 && b[0] == '0' {
				return true
			}
			w, ok := parseDigits(b)
			return !ok || w == v || yield(w, slip)
		}
		for i := range b {
			orig := b[i]
			for c := byte('0'); c <= '9'; c++ {
				if c == orig {
					continue
				}
				b[i] = c
				if !try(changedDigit) {
					return
				}
			}
			b[i] = orig
		}
		for i := 0; i+1 < len(b); i++ {
			if b[i] != b[i+1] {
				b[i], b[i+1] = b[i+1], b[i]
				if !try(transposedDigits) {
					return
				}
				b[i], b[i+1] = b[i+1], b[i]
			}
		}
	}
}

// parseDigits reads decimal digits as a number; ok is false when it does
// not fit in 64 bits.
func parseDigits(b []byte) (uint64, bool) {
	var w uint64
	for _, c := range b {
		d := uint64(c - '0')
		if w > (math.MaxUint64-d)/10 {
			return 0, false
		}
		w = w*10 + d
	}
	return w, true
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
