package validate

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Mode is a rounding mode a publisher may have used to print a rate.
type Mode int

// The rounding modes tested. Every printed rate is tested under all of them;
// the document's dominant mode is the one most of its rates need.
const (
	// HalfUp rounds a half away from zero (四舍五入): 12.5 -> 13.
	HalfUp Mode = iota
	// Truncate drops the digits after the last printed one: 83.339 -> 83.33.
	Truncate
	// HalfEven rounds a half to the even neighbour (banker's rounding):
	// 12.5 -> 12, 13.5 -> 14.
	HalfEven
	numModes
)

// Modes lists the rounding modes in order of preference when the data does
// not tell them apart.
var Modes = []Mode{HalfUp, Truncate, HalfEven}

var modeNames = [...]string{"half-up", "truncation", "half-even"}

// String returns "half-up", "truncation" or "half-even".
func (m Mode) String() string {
	if m < 0 || m >= numModes {
		return "Mode(" + strconv.Itoa(int(m)) + ")"
	}
	return modeNames[m]
}

// MarshalText implements encoding.TextMarshaler.
func (m Mode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// modeSet is a set of modes as a bit mask.
type modeSet uint8

func (s modeSet) has(m Mode) bool { return s&(1<<m) != 0 }
func (s modeSet) add(m Mode) modeSet {
	return s | 1<<m
}

// all reports whether every mode is in the set.
func (s modeSet) all() bool { return s == 1<<numModes-1 }

// first returns the first mode of the set in the order of Modes.
func (s modeSet) first() (Mode, bool) {
	for _, m := range Modes {
		if s.has(m) {
			return m, true
		}
	}
	return 0, false
}

// maxDecimals bounds the printed precision the arithmetic handles; nobody
// prints a rate to more digits, and it keeps 10^(d+2) within 64 bits.
const maxDecimals = 12

var pow10 = func() [maxDecimals + 3]uint64 {
	var p [maxDecimals + 3]uint64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// roundRate returns the percentage 100·k/n printed with d decimals under
// mode m, as an integer count of its last digit (5/6 at two decimals is
// 8333). The arithmetic is exact: 128-bit products and integer division, no
// floating point. ok is false when n is 0 or the result does not fit.
func roundRate(k, n uint64, d int, m Mode) (uint64, bool) {
	q, r, ok := scaledQuotient(k, n, d)
	if !ok {
		return 0, false
	}
	return rounded(q, r, n, m), true
}

// scaledQuotient divides k·10^(d+2) by n: the percentage 100·k/n in units
// of its d-th decimal, truncated, and the remainder. ok is false when n
// is 0 or the quotient does not fit in 64 bits.
func scaledQuotient(k, n uint64, d int) (q, r uint64, ok bool) {
	if n == 0 || d < 0 || d > maxDecimals {
		return 0, 0, false
	}
	hi, lo := bits.Mul64(k, pow10[d+2])
	return divide(hi, lo, n)
}

// divide divides the 128-bit hi·2^64+lo by n ≠ 0; ok is false when the
// quotient does not fit in 64 bits.
func divide(hi, lo, n uint64) (q, r uint64, ok bool) {
	if hi >= n {
		return 0, 0, false
	}
	q, r = bits.Div64(hi, lo, n)
	return q, r, true
}

// below reports whether the 128-bit ahi·2^64+alo is less than the
// product b·n.
func below(ahi, alo, b, n uint64) bool {
	bhi, blo := bits.Mul64(b, n)
	return ahi < bhi || (ahi == bhi && alo < blo)
}

// rounded rounds the truncated quotient q of a division by n, whose
// remainder is r, under mode m.
func rounded(q, r, n uint64, m Mode) uint64 {
	if m < 0 || m >= numModes {
		return q
	}
	return roundings(q, r, n)[m]
}

// roundings rounds the truncated quotient q of a division by n, whose
// remainder is r, under every mode, by Mode.
func roundings(q, r, n uint64) [numModes]uint64 {
	out := [numModes]uint64{Truncate: q, HalfUp: q, HalfEven: q}
	// Compare the remainder with half the divisor without overflowing:
	// 2r >= n  <=>  r >= n-r.
	if r >= n-r {
		out[HalfUp]++
	}
	if r > n-r || (r == n-r && q%2 == 1) {
		out[HalfEven]++
	}
	return out
}

// printed is a rate as printed: Scaled is the value in units of the last
// printed digit, Decimals the digits after the point.
type printed struct {
	Scaled   int64
	Decimals int
}

// rescale returns the printed value in units of 10^-D, and whether it is
// exactly representable there: 61.7 at D=2 is 6170; 100.00 at D=0 is 100;
// 83.33 at D=0 is not representable.
func (p printed) rescale(D int) (int64, bool) {
	switch {
	case D == p.Decimals:
		return p.Scaled, true
	case D > p.Decimals:
		f := int64(pow10[D-p.Decimals])
		if p.Scaled > math.MaxInt64/f {
			return 0, false
		}
		return p.Scaled * f, true
	default:
		f := int64(pow10[p.Decimals-D])
		if p.Scaled%f != 0 {
			return 0, false
		}
		return p.Scaled / f, true
	}
}

// fits returns the modes under which k/n printed at D decimals equals the
// printed value p (padded or with trailing zeros dropped).
func fits(k, n uint64, p printed, D int) modeSet {
	want, ok := p.rescale(D)
	if !ok || want < 0 || n == 0 || D < 0 || D > maxDecimals {
		return 0
	}
	w := uint64(want)
	hi, lo := bits.Mul64(k, pow10[D+2])
	// Every mode rounds the quotient up by one at most: only one in
	// [w-1, w+1) can give w ≥ 1. Two products settle that where most
	// tested values fail, without the division.
	if w > 0 && (below(hi, lo, w-1, n) || !below(hi, lo, w+1, n)) {
		return 0
	}
	q, r, ok := divide(hi, lo, n)
	if !ok {
		return 0
	}
	var s modeSet
	for m, v := range roundings(q, r, n) {
		if v == w {
			s = s.add(Mode(m))
		}
	}
	return s
}

// grim is the GRIM test of a rate whose numerator is not printed: the modes
// under which some whole k in [0, n] gives the printed value at its own
// precision, and the k closest to it (for the expected value). possibleAll
// reports that every value at that precision is reachable (n >= 10^(d+2)),
// so that the test says nothing.
func grim(n uint64, p printed) (s modeSet, best uint64, possibleAll bool) {
	d := p.Decimals
	if n == 0 || d < 0 || d > maxDecimals || p.Scaled < 0 {
		return 0, 0, false
	}
	M := pow10[d+2]
	if n >= M {
		// Steps of M/n <= 1 unit: every value from 0 to 100% is reachable.
		if uint64(p.Scaled) <= M {
			return 1<<numModes - 1, 0, true
		}
		return 0, n, false
	}
	// k/n·M is within one unit of Scaled: k in [(S-1)·n/M, (S+1)·n/M].
	S := uint64(p.Scaled)
	lo := uint64(0)
	if S > 0 {
		h, l := bits.Mul64(S-1, n)
		if h >= M {
			return 0, 0, possibleAll
		}
		lo, _ = bits.Div64(h, l, M)
	}
	h, l := bits.Mul64(S+1, n)
	hiK := n
	if h < M {
		q, _ := bits.Div64(h, l, M)
		hiK = min(q+1, n)
	}
	bestDist := uint64(math.MaxUint64)
	best = lo
	for k := lo; k <= hiK; k++ {
		q, r, ok := scaledQuotient(k, n, d)
		if !ok {
			continue
		}
		rs := roundings(q, r, n)
		for _, m := range Modes {
			v := rs[m]
			if v == S {
				s = s.add(m)
			}
			dist := max(v, S) - min(v, S)
			if m == HalfUp && dist < bestDist {
				best, bestDist = k, dist
			}
		}
	}
	return s, best, possibleAll
}

// formatScaled prints a scaled value with d decimals and a percent sign:
// formatScaled(8333, 2) is "83.33%".
func formatScaled(v uint64, d int) string {
	return formatFixed(v, d) + "%"
}

// formatFixed prints a scaled value with d decimals.
func formatFixed(v uint64, d int) string {
	s := strconv.FormatUint(v, 10)
	if d <= 0 {
		return s
	}
	if len(s) <= d {
		s = strings.Repeat("0", d-len(s)+1) + s
	}
	return s[:len(s)-d] + "." + s[len(s)-d:]
}

// scaledOf returns the printed value of v at d decimals, exactly as
// model.Rate.Scaled does.
func scaledOf(v float64, d int) int64 {
	return int64(math.Round(v * math.Pow10(d)))
}
