package text

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
)

// checkTextByRunes is checkText as it was written first, a character at a
// time: the reference its shortcut for three-byte characters must agree
// with.
func checkTextByRunes(s []byte) (total, bad, firstBad int) {
	firstBad = -1
	line := 1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		i += size
		total++
		if r == '\n' {
			line++
			continue
		}
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t' && r != '\r' && r != '\f') {
			bad++
			if firstBad < 0 {
				firstBad = line
			}
		}
	}
	return total, bad, firstBad
}

// agreeWithRunes fails when checkText and the reference judge s
// differently: the same verdict, and for text refused the same line.
func agreeWithRunes(t *testing.T, s []byte) {
	t.Helper()
	total, bad, firstBad := checkTextByRunes(s)
	err := checkText(s, "test")
	if !(bad > 0 && float64(bad) > maxBadRatio*float64(total)) {
		require.NoError(t, err, "%q", s)
		return
	}
	require.ErrorIs(t, err, block.ErrFormat, "%q", s)
	var pe *block.ParseError
	require.True(t, errors.As(err, &pe), "%q", s)
	require.Equal(t, firstBad, pe.Pos.Line, "%q", s)
	require.Contains(t, err.Error(), fmt.Sprintf("%d of %d characters", bad, total), "%q", s)
	require.Equal(t, err.Error(), checkText(string(s), "test").Error())
}

func TestCheckTextAgreesWithRunes(t *testing.T) {
	pieces := []string{"受理", "件", "\n", "\uFFFD", "\xef\xbf", "\xed\xa0\x80", "\xe0\x80\x80", "\xe1\x80", "a", "\x01", "\t", "\u0085",
		"\xef\xbf\xbd", "\xef\xbf\xbe", "𠀀", "\xff", "\xc2\x80", "é", "\u3000"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var s []byte
		for range rng.IntN(12) {
			s = append(s, pieces[rng.IntN(len(pieces))]...)
		}
		agreeWithRunes(t, s)
	}
}

func FuzzCheckText(f *testing.F) {
	f.Add([]byte("受理2660件\n\xef\xbf\xbd\x01"))
	f.Add([]byte("\xed\xa0\x80\xe1\x80"))
	f.Fuzz(func(t *testing.T, s []byte) { agreeWithRunes(t, s) })
}

// BenchmarkCheckText checks a UTF-8 web page of Chinese prose and markup,
// as the HTML reader does after decoding a page.
func BenchmarkCheckText(b *testing.B) {
	page, err := os.ReadFile("../../testdata/html/utf8-equiv.html")
	require.NoError(b, err)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if err := checkText(page, "UTF-8"); err != nil {
			b.Fatal(err)
		}
	}
}
