package interpret

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
)

// Amounts: the numbers of a sentence with what they are printed in — a
// counting word (2660件, 9.67万件, 两件), a percent sign (63.72%, 百分之百),
// percentage points (3.67个百分点), or nothing at all after a count noun
// (受理工单 418，…).

const (
	decPat    = `[0-9][0-9,]*(?:\.[0-9]+)?`
	amountPat = decPat + `|[` + vocab.Numerals + `]+`
)

var (
	// countPat: 2660件, 9.67万件, 57家, 两件, 1,234宗, 35件(次).
	countPat = lazyregexp.New(`(` + amountPat + `)\s*(` + vocab.Magnitudes.Pattern() + `)?\s*(` + vocab.Counters.Pattern() + `)`)
	// percentPat: 63.72%, 百分之百, 百分之九十五点五.
	percentPat = lazyregexp.New(`(` + decPat + `)\s*%+|` + vocab.PercentWord + `([` + vocab.Numerals + `点]+)`)
	// pointsPat: 3.67个百分点.
	pointsPat = lazyregexp.New(`(` + decPat + `)\s*` + vocab.PointsPattern)
	// barePat: a whole number printed without a counting word.
	barePat = lazyregexp.New(`[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+`)
)

// The units of amounts that are not counting words.
const (
	unitPercent = "%"
	unitPoints  = vocab.PointsUnit
)

// amount is one number found in a sentence.
type amount struct {
	start, end int // byte offsets of the whole match in the folded sentence
	value      float64
	decimals   int
	unit       string // counting word, unitPercent, unitPoints, or "" (none printed)
	magnitude  string // 万 or 亿 when printed before the counting word
}

func (a amount) isPercent() bool { return a.unit == unitPercent }
func (a amount) isPoints() bool  { return a.unit == unitPoints }
func (a amount) isCount() bool   { return !a.isPercent() && !a.isPoints() }

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
	if strings.Contains(f, vocab.PointsWord) {
		for _, m := range pointsPat.FindAllStringSubmatchIndex(f, -1) {
			if v, d, ok := parseDec(f[m[2]:m[3]]); ok && mark(m[0], m[1]) {
				out = append(out, amount{start: m[0], end: m[1], value: v, decimals: d, unit: unitPoints})
			}
		}
	}
	if strings.Contains(f, unitPercent) || strings.Contains(f, vocab.PercentWord) {
		for _, m := range percentPat.FindAllStringSubmatchIndex(f, -1) {
			var v float64
			var d int
			var ok bool
			if m[2] >= 0 {
				v, d, ok = parseDec(f[m[2]:m[3]])
			} else {
				v, d, ok = vocab.ParseCNDecimal(f[m[4]:m[5]])
			}
			if ok && mark(m[0], m[1]) {
				out = append(out, amount{start: m[0], end: m[1], value: v, decimals: d, unit: unitPercent})
			}
		}
	}
	for _, m := range countPat.FindAllStringSubmatchIndex(f, -1) {
		num := f[m[2]:m[3]]
		v, d, ok := parseDec(num)
		if !ok {
			n, cnOK := vocab.ParseCN(num)
			if !cnOK || n < 2 || !plausibleCN(f, m) {
				continue
			}
			v, d, ok = float64(n), 0, true
		}
		mag := ""
		if m[4] >= 0 {
			mag = f[m[4]:m[5]]
			v = roundTo(v*vocab.MagnitudeOf(mag), 2)
		}
		if ok && !partOfDate(f, m[1]) && mark(m[0], m[1]) {
			out = append(out, amount{start: m[0], end: m[1], value: v, decimals: d,
				unit: strings.ReplaceAll(f[m[6]:m[7]], "(次)", "（次）"), magnitude: mag})
		}
	}
	out = append(out, bareCounts(f, taken)...)
	sortAmounts(out)
	return out
}

// bareCounts finds whole numbers printed without a counting word after a
// count noun and before the end of their clause: "受理工单 418，其中…",
// "诉求量为1,203；…".
func bareCounts(f string, taken []bool) []amount {
	if !vocab.CountNouns.In(f) {
		return nil
	}
	var out []amount
	for _, m := range barePat.FindAllStringIndex(f, -1) {
		if taken[m[0]] || !validBare(f[m[0]:m[1]]) {
			continue
		}
		before := strings.TrimRight(f[:m[0]], " ")
		before = strings.TrimSuffix(before, vocab.Fillers.Suffix(before))
		if last, _ := utf8.DecodeLastRuneInString(f[:m[0]]); last == '.' || string(last) == vocab.OrdinalPrefix || (last >= '0' && last <= '9') {
			continue
		}
		if vocab.CountNouns.Suffix(strings.TrimRight(before, " ")) == "" {
			continue
		}
		after := strings.TrimLeft(f[m[1]:], " ")
		next, _ := utf8.DecodeRuneInString(after)
		if after != "" && !strings.ContainsRune("，,；;。：:!！?？)）", next) {
			continue
		}
		v, _, ok := parseDec(f[m[0]:m[1]])
		if !ok {
			continue
		}
		out = append(out, amount{start: m[0], end: m[1], value: v, unit: ""})
	}
	return out
}

// validBare accepts "418" and "1,203" but not "1,2" or "12345" (the
// hotline's number is no count).
func validBare(s string) bool {
	if s == "12345" {
		return false
	}
	return !strings.Contains(s, ",") || validThousands(s)
}

// plausibleCN rejects Chinese numerals that are words, not counts: 第一个,
// 一次性, 两个月.
func plausibleCN(f string, m []int) bool {
	if strings.HasSuffix(f[:m[0]], vocab.OrdinalPrefix) {
		return false
	}
	return vocab.NumeralWordEndings.Prefix(f[m[1]:]) == ""
}

// partOfDate reports a count word that is part of a time span (3个月,
// 5个工作日).
func partOfDate(f string, end int) bool {
	return vocab.TimeUnits.Prefix(f[end:]) != ""
}

func roundTo(v float64, d int) float64 {
	p, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
	return p
}

func sortAmounts(a []amount) {
	slices.SortFunc(a, func(x, y amount) int { return x.start - y.start })
}
