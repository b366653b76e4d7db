package interpret

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// unitClass groups counting words that count the same kind of thing, so
// that parts and totals agree: complaints in 件 or 宗 or calls in 通 are
// items; offices in 家 or towns in 个 are entities.
func unitClass(u string) string {
	switch u {
	case "家", "个", "名", "所", "户":
		return "entity"
	case "人次", "次":
		return "times"
	}
	return "item"
}

// amount is one number found in a sentence.
type amount struct {
	start, end int // byte offsets of the whole match in the folded sentence
	value      float64
	decimals   int
	unit       string // counting word, "%" or "个百分点"
}

// parseDec reads "1,234.5" and its printed decimals.
func parseDec(s string) (float64, int, bool) {
	s = strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, false
	}
	d := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		d = len(s) - i - 1
	}
	return v, d, true
}

// parseCNDecimal reads "九十五点五" as 95.5.
func parseCNDecimal(s string) (float64, int, bool) {
	whole, frac, hasFrac := strings.Cut(s, "点")
	w, ok := parseCN(whole)
	if !ok {
		return 0, 0, false
	}
	v := float64(w)
	d := 0
	if hasFrac {
		scale := 0.1
		for _, r := range frac {
			dig, ok := cnDigit[r]
			if !ok {
				return 0, 0, false
			}
			v += float64(dig) * scale
			scale /= 10
			d++
		}
	}
	return v, d, true
}

// amounts finds the counts, percentages and percentage points of a folded
// sentence, in order.
func amounts(f string) []amount {
	var out []amount
	taken := make([]bool, len(f)+1)
	mark := func(a, b int) bool {
		for i := a; i < b; i++ {
			if taken[i] {
				return false
			}
		}
		for i := a; i < b; i++ {
			taken[i] = true
		}
		return true
	}
	for _, m := range pointsPat.FindAllStringSubmatchIndex(f, -1) {
		if v, d, ok := parseDec(f[m[2]:m[3]]); ok && mark(m[0], m[1]) {
			out = append(out, amount{m[0], m[1], v, d, "个百分点"})
		}
	}
	for _, m := range percentPat.FindAllStringSubmatchIndex(f, -1) {
		var v float64
		var d int
		var ok bool
		if m[2] >= 0 {
			v, d, ok = parseDec(f[m[2]:m[3]])
		} else {
			v, d, ok = parseCNDecimal(f[m[4]:m[5]])
		}
		if ok && mark(m[0], m[1]) {
			out = append(out, amount{m[0], m[1], v, d, "%"})
		}
	}
	for _, m := range countPat.FindAllStringSubmatchIndex(f, -1) {
		num := f[m[2]:m[3]]
		v, d, ok := parseDec(num)
		if !ok {
			n, cnOK := parseCN(num)
			if !cnOK || n < 2 || !plausibleCN(f, m) {
				continue
			}
			v, d, ok = float64(n), 0, true
		}
		if m[4] >= 0 {
			switch f[m[4]:m[5]] {
			case "万":
				v *= 1e4
			case "亿":
				v *= 1e8
			}
			v = roundTo(v, 2)
		}
		if ok && !partOfDate(f, m[1]) && mark(m[0], m[1]) {
			out = append(out, amount{m[0], m[1], v, d, strings.ReplaceAll(f[m[6]:m[7]], "(次)", "（次）")})
		}
	}
	sortAmounts(out)
	return out
}

// plausibleCN rejects Chinese numerals that are words, not counts: 第一个,
// 一次性, 两个月.
func plausibleCN(f string, m []int) bool {
	if strings.HasSuffix(f[:m[0]], "第") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(f[m[1]:])
	return !strings.ContainsRune("性月年季周天日方面", next)
}

// partOfDate reports a count word that is part of a time span (3个月).
func partOfDate(f string, end int) bool {
	next, _ := utf8.DecodeRuneInString(f[end:])
	return strings.ContainsRune("月年季周天日小工", next)
}

func roundTo(v float64, d int) float64 {
	p, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
	return p
}

func sortAmounts(a []amount) {
	slices.SortStableFunc(a, func(x, y amount) int { return cmp.Compare(x.start, y.start) })
}
