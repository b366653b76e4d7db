package validate

import (
	"fmt"
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

// digitSlip describes how two printed numbers of the same length differ
// when the difference is one changed digit or two adjacent digits swapped:
// "one changed digit", "two transposed digits"; "" otherwise.
func digitSlip(a, b string) string {
	if len(a) != len(b) || a == b {
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
		return "one changed digit"
	case len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]:
		return "two transposed digits"
	}
	return ""
}

// digitHint compares a printed value with the expected one at the same
// precision.
func digitHint(published, expected string) string {
	if slip := digitSlip(digitsOf(published), digitsOf(expected)); slip != "" {
		return fmt.Sprintf("the printed %s is %s with %s", published, expected, slip)
	}
	return ""
}

// variants returns the numbers that differ from v by one changed digit or
// two adjacent digits swapped, with the kind of slip.
func variants(v uint64) []struct {
	v    uint64
	slip string
} {
	s := strconv.FormatUint(v, 10)
	var out []struct {
		v    uint64
		slip string
	}
	add := func(t, slip string) {
		if len(t) > 1 && t[0] == '0' {
			return
		}
		if w, err := strconv.ParseUint(t, 10, 64); err == nil && w != v {
			out = append(out, struct {
				v    uint64
				slip string
			}{w, slip})
		}
	}
	b := []byte(s)
	for i := range b {
		orig := b[i]
		for c := byte('0'); c <= '9'; c++ {
			if c != orig {
				b[i] = c
				add(string(b), "one changed digit")
			}
		}
		b[i] = orig
	}
	for i := 0; i+1 < len(b); i++ {
		if b[i] != b[i+1] {
			b[i], b[i+1] = b[i+1], b[i]
			add(string(b), "two transposed digits")
			b[i], b[i+1] = b[i+1], b[i]
		}
	}
	return out
}

// rateHint looks for an explanation of a rate that no rounding of its
// counts gives: a slip in the printed rate, another printed count used as
// denominator or numerator, or a slip in one of the counts.
func (c *checker) rateHint(col *rateColumn, rc rateCell) string {
	ti := col.table
	row := &c.b.Tables[ti].Rows[rc.row]
	var hints []string
	// The printed rate itself, compared at its own precision.
	if ed, ok := roundRate(rc.k, rc.n, rc.p.Decimals, c.mode); ok && rc.p.Scaled >= 0 {
		pub := formatScaled(uint64(rc.p.Scaled), rc.p.Decimals)
		if h := digitHint(pub, formatScaled(ed, rc.p.Decimals)); h != "" {
			hints = append(hints, h)
		}
	}
	holds := func(k, n uint64) bool { return n > 0 && fits(k, n, rc.p, rc.p.Decimals) != 0 }
	counts := c.tabs[ti].counts
	for _, ck := range counts {
		if ck == col.den || slices.Contains(col.nums, ck) {
			continue
		}
		if n, ok := cellCount(row, ck); ok && n.exact() && holds(rc.k, uint64(n.v)) {
			hints = append(hints, fmt.Sprintf("it holds with %s (%d) as the denominator: %d/%d",
				c.header(ti, ck), n.v, rc.k, n.v))
			break
		}
	}
	for _, ck := range counts {
		if ck == col.den || slices.Contains(col.nums, ck) {
			continue
		}
		if k, ok := cellCount(row, ck); ok && k.exact() && holds(uint64(k.v), rc.n) {
			hints = append(hints, fmt.Sprintf("it holds with %s (%d) as the numerator: %d/%d",
				c.header(ti, ck), k.v, k.v, rc.n))
			break
		}
	}
	if len(hints) < 2 && len(col.nums) == 1 {
		for _, w := range variants(rc.k) {
			if w.v <= rc.n && holds(w.v, rc.n) {
				hints = append(hints, fmt.Sprintf("it holds if %s were %d instead of %d (%s)",
					c.header(ti, col.nums[0]), w.v, rc.k, w.slip))
				break
			}
		}
	}
	if len(hints) < 2 {
		for _, w := range variants(rc.n) {
			if w.v >= rc.k && holds(rc.k, w.v) {
				hints = append(hints, fmt.Sprintf("it holds if %s were %d instead of %d (%s)",
					c.header(ti, col.den), w.v, rc.n, w.slip))
				break
			}
		}
	}
	if len(hints) > 2 {
		hints = hints[:2]
	}
	return strings.Join(hints, "; or ")
}
