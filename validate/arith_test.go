package validate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundRate(t *testing.T) {
	tests := []struct {
		name string
		k, n uint64
		d    int
		want [numModes]uint64 // half-up, truncation, half-even
	}{
		{"5/6 at 2", 5, 6, 2, [numModes]uint64{8333, 8333, 8333}},
		{"2/3 at 2", 2, 3, 2, [numModes]uint64{6667, 6666, 6667}},
		{"1/8 at 0: exact half", 1, 8, 0, [numModes]uint64{13, 12, 12}},
		{"3/8 at 0: half, odd below", 3, 8, 0, [numModes]uint64{38, 37, 38}},
		{"1/16 at 1: 6.25", 1, 16, 1, [numModes]uint64{63, 62, 62}},
		{"1/1", 1, 1, 2, [numModes]uint64{10000, 10000, 10000}},
		{"0/7", 0, 7, 1, [numModes]uint64{0, 0, 0}},
		{"29/47 at 2", 29, 47, 2, [numModes]uint64{6170, 6170, 6170}},
		{"41/47 at 2", 41, 47, 2, [numModes]uint64{8723, 8723, 8723}},
		{"large", 1<<40 + 1, 1<<41 + 7, 4, [numModes]uint64{500000, 499999, 500000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, m := range Modes {
				got, ok := roundRate(tt.k, tt.n, tt.d, m)
				require.True(t, ok)
				assert.Equal(t, tt.want[m], got, "%s", m)
			}
		})
	}
	_, ok := roundRate(1, 0, 2, HalfUp)
	assert.False(t, ok, "zero denominator")
	_, ok = roundRate(math.MaxUint64, 1, 2, HalfUp)
	assert.False(t, ok, "overflow")
	_, ok = roundRate(1, 2, maxDecimals+1, HalfUp)
	assert.False(t, ok, "too many decimals")
}

// The exact arithmetic agrees with a float computation away from the
// rounding boundaries, where floats are safe.
func TestRoundRateAgreesWithFloat(t *testing.T) {
	for n := uint64(1); n <= 300; n++ {
		for k := uint64(0); k <= n; k++ {
			for d := 0; d <= 2; d++ {
				x := float64(k) * 100 * math.Pow10(d) / float64(n)
				if frac := x - math.Floor(x); math.Abs(frac-0.5) < 1e-6 || frac < 1e-6 || frac > 1-1e-6 {
					continue
				}
				up, _ := roundRate(k, n, d, HalfUp)
				tr, _ := roundRate(k, n, d, Truncate)
				require.Equal(t, uint64(math.Floor(x+0.5)), up, "%d/%d at %d", k, n, d)
				require.Equal(t, uint64(math.Floor(x)), tr, "%d/%d at %d", k, n, d)
			}
		}
	}
}

func TestFitsAndPrecision(t *testing.T) {
	// 5/6 printed 83%: holds at 0 decimals, not at 2.
	p := printed{83, 0}
	assert.True(t, fits(5, 6, p, 0).all())
	assert.Zero(t, fits(5, 6, p, 2))
	// 29/47 printed 61.7%: the trailing zero of 61.70 dropped.
	assert.True(t, fits(29, 47, printed{617, 1}, 2).all())
	// 100.00% at 0 decimals is 100%.
	assert.True(t, fits(4, 4, printed{10000, 2}, 0).all())
	// 83.33% is not a 0-decimal value.
	assert.Zero(t, fits(5, 6, printed{8333, 2}, 0))
	// 2/3 printed 66.66%: truncation only.
	s := fits(2, 3, printed{6666, 2}, 2)
	assert.True(t, s.has(Truncate))
	assert.False(t, s.has(HalfUp))
	assert.False(t, s.has(HalfEven))
	// 1/8 printed 12%: truncation and half-even, not half-up.
	s = fits(1, 8, printed{12, 0}, 0)
	assert.Equal(t, modeSet(0).add(Truncate).add(HalfEven), s)
	assert.Zero(t, fits(1, 2, printed{-50, 0}, 0), "negative")
}

// fits settles most values with two products before it divides; it must
// give what rounding each quotient under each mode gives, on counts of
// every size and at the edges of 64 bits.
func TestFitsAgreesWithRoundRate(t *testing.T) {
	byRounding := func(k, n uint64, p printed, D int) modeSet {
		want, ok := p.rescale(D)
		if !ok || want < 0 {
			return 0
		}
		var s modeSet
		for _, m := range Modes {
			if v, ok := roundRate(k, n, D, m); ok && v == uint64(want) {
				s = s.add(m)
			}
		}
		return s
	}
	r := rand.New(rand.NewPCG(3, 5))
	edges := []uint64{0, 1, 2, 3, 7, 10, 99, 100, 1 << 53, math.MaxUint32, math.MaxInt64, math.MaxUint64 - 1, math.MaxUint64}
	draw := func() uint64 {
		switch r.IntN(4) {
		case 0:
			return edges[r.IntN(len(edges))]
		case 1:
			return r.Uint64()
		case 2:
			return r.Uint64N(1 << 53)
		}
		return r.Uint64N(2000)
	}
	for range 200_000 {
		k, n, D := draw(), draw(), r.IntN(maxDecimals+1)
		var p printed
		switch r.IntN(3) {
		case 0:
			// The value itself, rounded some way, at some precision.
			p.Decimals = r.IntN(maxDecimals + 1)
			if v, ok := roundRate(k, n, p.Decimals, Modes[r.IntN(len(Modes))]); ok && v <= math.MaxInt64 {
				p.Scaled = int64(v) + r.Int64N(3) - 1
			}
		case 1:
			p = printed{int64(draw() >> 1), r.IntN(maxDecimals + 1)}
		default:
			p = printed{r.Int64N(20001) - 100, r.IntN(3)}
		}
		require.Equal(t, byRounding(k, n, p, D), fits(k, n, p, D), "fits(%d, %d, %+v, %d)", k, n, p, D)
	}
}

func TestGRIM(t *testing.T) {
	tests := []struct {
		name    string
		n       uint64
		p       printed
		holds   bool
		all     bool
		nearest uint64
	}{
		{"5/6 = 83.33%", 6, printed{8333, 2}, true, false, 5},
		{"83.38% over 6", 6, printed{8338, 2}, false, false, 5},
		{"50% over 7", 7, printed{50, 0}, false, false, 3},
		{"57% over 7: 4/7", 7, printed{57, 0}, true, false, 4},
		{"any 0-decimal value over 100", 100, printed{37, 0}, true, true, 0},
		{"any 1-decimal value over 1000", 1000, printed{373, 1}, true, true, 0},
		{"over 100% over 200", 200, printed{101, 0}, false, false, 200},
		{"0% over 3", 3, printed{0, 0}, true, false, 0},
		{"100% over 3", 3, printed{100, 0}, true, false, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, best, all := grim(tt.n, tt.p)
			assert.Equal(t, tt.holds, s != 0)
			assert.Equal(t, tt.all, all)
			if !tt.all {
				assert.Equal(t, tt.nearest, best)
			}
		})
	}
}

func TestRescale(t *testing.T) {
	v, ok := printed{617, 1}.rescale(2)
	assert.True(t, ok)
	assert.EqualValues(t, 6170, v)
	_, ok = printed{8333, 2}.rescale(0)
	assert.False(t, ok)
	v, ok = printed{10000, 2}.rescale(0)
	assert.True(t, ok)
	assert.EqualValues(t, 100, v)
}

func TestFormatScaled(t *testing.T) {
	assert.Equal(t, "83.33%", formatScaled(8333, 2))
	assert.Equal(t, "0.05%", formatScaled(5, 2))
	assert.Equal(t, "100%", formatScaled(100, 0))
	assert.Equal(t, "0.0%", formatScaled(0, 1))
}

func TestDigitSlips(t *testing.T) {
	assert.Equal(t, "two transposed digits", digitSlip("8732", "8723"))
	assert.Equal(t, "one changed digit", digitSlip("8728", "8723"))
	assert.Empty(t, digitSlip("8700", "8723"))
	assert.Empty(t, digitSlip("123", "1234"))
	seen := map[uint64]string{}
	for w, slip := range variants(41) {
		seen[w] = slip
	}
	assert.Equal(t, "two transposed digits", seen[14])
	assert.Equal(t, "one changed digit", seen[44])
	assert.NotContains(t, seen, uint64(41))
	_, leadingZero := seen[1]
	assert.False(t, leadingZero, "no leading zeros")
	assert.Equal(t, "the printed 87.32% is 87.23% with two transposed digits", digitHint("87.32%", "87.23%"))
	// The variants are those of the printed digits, in their order.
	printedVariants := func(v uint64) (out []string) {
		b := []byte(strconv.FormatUint(v, 10))
		add := func(slip string) {
			if len(b) > 1 && b[0] == '0' {
				return
			}
			if w, err := strconv.ParseUint(string(b), 10, 64); err == nil && w != v {
				out = append(out, fmt.Sprint(w, " ", slip))
			}
		}
		for i := range b {
			orig := b[i]
			for c := byte('0'); c <= '9'; c++ {
				if c != orig {
					b[i] = c
					add(changedDigit)
				}
			}
			b[i] = orig
		}
		for i := 0; i+1 < len(b); i++ {
			b[i], b[i+1] = b[i+1], b[i]
			add(transposedDigits)
			b[i], b[i+1] = b[i+1], b[i]
		}
		return out
	}
	r := rand.New(rand.NewPCG(1, 1))
	for i := range 20_000 {
		v := []uint64{0, 1, 10, 41, 100, 8723, 1 << 53, math.MaxInt64, math.MaxUint64, 18446744073709551609, 10000000000000000000}[i%11]
		if i >= 11 {
			v = r.Uint64() >> r.IntN(64)
		}
		var got []string
		for w, slip := range variants(v) {
			got = append(got, fmt.Sprint(w, " ", slip))
		}
		require.Equal(t, printedVariants(v), got, "%d", v)
	}
	for _, v := range []uint64{0, 1, 5, 9, 10, 99, 100, 8723, 10000, 123456789} {
		for d := 0; d <= maxDecimals; d++ {
			require.Equal(t, digitsOf(formatScaled(v, d)), string(scaledDigits(nil, v, d)), "%d at %d", v, d)
		}
	}
}

func TestCountOf(t *testing.T) {
	two := 2
	c, ok := countOf(96700, "9.67万", &two)
	require.True(t, ok)
	assert.Equal(t, count{96700, 100}, c)
	assert.True(t, c.within(96712))
	assert.False(t, c.within(96900))
	c, ok = countOf(41, "41", nil)
	require.True(t, ok)
	assert.True(t, c.exact())
	_, ok = countOf(4.5, "4.5", nil)
	assert.False(t, ok)
}

func TestModeText(t *testing.T) {
	b, err := Truncate.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "truncation", string(b))
	assert.Equal(t, "Mode(7)", Mode(7).String())
}
