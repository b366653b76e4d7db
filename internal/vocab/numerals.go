package vocab

import (
	"math"
	"strconv"
	"strings"
)

// Chinese numerals, as bulletins print them in dates (二〇二四年一月十日)
// and now and then in counts (两件, 十三个镇, 一千二百件, 百分之百) and ranks
// (前三名).

// CNDigits are the digit characters with their values: the everyday forms,
// the financial forms (壹, 贰 …) and the zeros a typesetter may use (〇, ○,
// a Latin O).
var CNDigits = map[rune]int64{
	'〇': 0, '零': 0, 'o': 0, 'O': 0, '○': 0,
	'一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '俩': 2, '三': 3, '叁': 3, '四': 4, '肆': 4,
	'五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

// CNUnits are the place characters below ten thousand.
var CNUnits = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// CNMagnitudes are the characters of ten thousand and a hundred million.
var CNMagnitudes = map[rune]int64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

// Numerals is the character class of Chinese numerals, for patterns:
// `[` + Numerals + `]+`. Latin O is left out; it stands for zero only
// between other numerals (二O二四), which ParseCN reads.
const Numerals = "〇零○一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億"

// OrdinalNumerals number headings, months, captions and ranks: 一、,
// （三）, 十二月, 附件二, 前三名.
const OrdinalNumerals = "一二三四五六七八九十"

// CountNumerals write the small counts of prose: 两个方面, 三类, 前两名.
// 两 counts but never numbers a heading.
const CountNumerals = OrdinalNumerals + "两"

// DigitNumerals write a year digit by digit: 二〇二四年.
const DigitNumerals = "〇零○一二三四五六七八九"

// SmallNumberPattern matches a small count in Arabic digits or in
// numerals: 3, 三, 十二, 两.
const SmallNumberPattern = `[0-9]+|[` + CountNumerals + `]+`

// NumberPattern matches a number in Arabic digits or in Chinese numerals.
const NumberPattern = `[0-9]+|[` + Numerals + `]+`

// IsCNDigit reports whether r is a Chinese digit character.
func IsCNDigit(r rune) bool {
	_, ok := CNDigits[r]
	return ok
}

// ParseCN reads a Chinese numeral: positional ("十三" 13, "一千二百" 1200,
// "三万五千" 35000, "两" 2) or, without any 十/百/千, digit by digit
// ("二〇二四" 2024). ok is false for anything else, and for digits too
// many for an int64.
func ParseCN(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	positional := strings.ContainsAny(s, "十拾百佰千仟万萬亿億")
	if !positional {
		var n int64
		for _, r := range s {
			d, ok := CNDigits[r]
			if !ok || n > (math.MaxInt64-d)/10 {
				return 0, false
			}
			n = n*10 + d
		}
		return n, true
	}
	var total, section, digit int64
	pending := false
	for _, r := range s {
		switch {
		case IsCNDigit(r):
			digit, pending = CNDigits[r], true
		case CNUnits[r] > 0:
			if !pending {
				digit = 1 // 十三: an implied one
			}
			section += digit * CNUnits[r]
			digit, pending = 0, false
		case CNMagnitudes[r] > 0:
			section += digit
			if section == 0 {
				section = 1
			}
			total += section * CNMagnitudes[r]
			section, digit, pending = 0, 0, false
		default:
			return 0, false
		}
	}
	return total + section + digit, true
}

// ParseCNDecimal reads a Chinese numeral with a decimal part, "九十五点五"
// as 95.5, and the number of digits after 点.
func ParseCNDecimal(s string) (float64, int, bool) {
	whole, frac, hasFrac := strings.Cut(s, "点")
	w, ok := ParseCN(whole)
	if !ok {
		return 0, 0, false
	}
	v := float64(w)
	d := 0
	if hasFrac {
		scale := 0.1
		for _, r := range frac {
			dig, ok := CNDigits[r]
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

// Number reads a whole number printed in Arabic digits or in Chinese
// numerals ("3", "三", "十二"), as a rank, a month or a year is printed.
func Number(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	if n, ok := ParseCN(s); ok && n < 1<<31 {
		return int(n), true
	}
	return 0, false
}
