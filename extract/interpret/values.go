package interpret

import (
	"math"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
)

// noValue lists the texts that print "no number": dashes, slashes,
// marks, and the vocabulary's words for none (无, 暂无).
var noValue = func() map[string]bool {
	m := map[string]bool{
		"": true, "-": true, "--": true, "—": true, "——": true, "–": true, "―": true, "/": true, "\\": true,
		"…": true, "……": true, "*": true, "x": true, "×": true, "null": true, "n/a": true,
	}
	for w := range vocab.NoValueWords.All() {
		m[w] = true
	}
	return m
}()

// maxNoValueBytes bounds the texts that may lower-case to a placeholder:
// four times the longest, as lower-casing shortens no text by more.
var maxNoValueBytes = func() int {
	n := 0
	for w := range noValue {
		n = max(n, len(w))
	}
	return 4 * n
}()

// number is a parsed cell value.
type number struct {
	value    float64
	decimals int  // digits printed after the point
	percent  bool // printed with %
	present  bool // the text states a number
}

// parseNumber reads a printed value: "4", "1,234", "91.3%", "99.80%%",
// "40 %", "1`23", "9.67万", "１００％", "-3". It returns present=false for
// placeholders and blanks, and ok=false when the text is neither a number
// nor a placeholder.
func parseNumber(text string) (n number, ok bool) {
	t := strings.TrimSpace(text)
	if !plainDecimal(t) {
		t = strings.TrimSpace(fold(text))
		if !strings.ContainsAny(t, "0123456789") {
			// No digit: a placeholder, or a label nothing below would parse
			// (ParseFloat's digitless "inf" and "nan" are refused anyway).
			// Lower-casing, costly on a label's Chinese, is needed only for
			// a text as short as a placeholder.
			return number{}, len(t) <= maxNoValueBytes && noValue[strings.ToLower(t)]
		}
		t = strings.ToLower(t) // no placeholder holds a digit
		// Stray marks: spaces inside ("40 %"), backticks, doubled percent
		// signs, thousands separators.
		t = strings.Map(func(r rune) rune {
			if r == ' ' || r == '`' || r == '\'' || r == '\u00a0' {
				return -1
			}
			return r
		}, t)
	}
	for strings.HasSuffix(t, "%") {
		t = strings.TrimSuffix(t, "%")
		n.percent = true
	}
	mag := vocab.Magnitudes.Suffix(t)
	t, scale := t[:len(t)-len(mag)], vocab.MagnitudeOf(mag)
	if strings.Contains(t, ",") {
		if !validThousands(t) {
			return number{}, false
		}
		t = strings.ReplaceAll(t, ",", "")
	}
	if t == "" || strings.ContainsAny(t, "eE_xXoObB") || strings.HasPrefix(t, ".") {
		return number{}, false
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return number{}, false
	}
	if i := strings.IndexByte(t, '.'); i >= 0 {
		n.decimals = len(t) - i - 1
	}
	if scale != 1 {
		// 9.67万 is 96700: the value is exact in units, the printed
		// precision is in 万.
		v = math.Round(v*scale*100) / 100
	}
	n.value, n.present = v, true
	return n, true
}

// plainDecimal reports whether t is digits, points and percent signs
// starting with a digit ("4", "91.3%"): most cells of a table, which folding,
// lower-casing and removing stray marks leave as they are, and which no
// placeholder spells.
func plainDecimal(t string) bool {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return false
	}
	for i := 1; i < len(t); i++ {
		if c := t[i]; (c < '0' || c > '9') && c != '.' && c != '%' {
			return false
		}
	}
	return true
}

// validThousands accepts "1,234" and "12,345.6" but not "1,2".
func validThousands(t string) bool {
	intPart, _, _ := strings.Cut(strings.TrimLeft(t, "+-"), ".")
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}
