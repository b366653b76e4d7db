package interpret

import "strings"

// Chinese numerals, as bulletins print them in dates (二〇二四年一月十日)
// and now and then in counts (两件, 十三个镇, 一千二百件, 百分之百).

var cnDigit = map[rune]int64{
	'〇': 0, '零': 0, 'o': 0, 'O': 0, '○': 0,
	'一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '俩': 2, '三': 3, '叁': 3, '四': 4, '肆': 4,
	'五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

var cnUnit = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

var cnBig = map[rune]int64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

// cnNumerals is the character class of Chinese numerals, for patterns.
const cnNumerals = "〇零○一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億"

// parseCN reads a Chinese numeral: positional ("十三" 13, "一千二百" 1200,
// "三万五千" 35000, "两" 2) or, without any 十/百/千, digit by digit
// ("二〇二四" 2024). ok is false for anything else.
func parseCN(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	positional := strings.ContainsAny(s, "十拾百佰千仟万萬亿億")
	if !positional {
		var n int64
		for _, r := range s {
			d, ok := cnDigit[r]
			if !ok {
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
		case isCNDigit(r):
			digit, pending = cnDigit[r], true
		case cnUnit[r] > 0:
			if !pending {
				digit = 1 // 十三: an implied one
			}
			section += digit * cnUnit[r]
			digit, pending = 0, false
		case cnBig[r] > 0:
			section += digit
			if section == 0 {
				section = 1
			}
			total += section * cnBig[r]
			section, digit, pending = 0, 0, false
		default:
			return 0, false
		}
	}
	return total + section + digit, true
}

func isCNDigit(r rune) bool {
	_, ok := cnDigit[r]
	return ok
}
