package text

import (
	"strings"
	"unicode"
)

// ctype is what a cell's text looks like: the readers use it only to find
// the shape of a table (a label column beside columns of numbers), never to
// interpret values.
type ctype int

const (
	ctEmpty  ctype = iota // blank or a placeholder such as "—" or "/"
	ctNumber              // a number, maybe with % or 万
	ctText
)

var placeholders = map[string]bool{
	"-": true, "--": true, "—": true, "——": true, "–": true, "/": true, "\\": true,
	"…": true, "……": true, "无": true, "暂无": true, "*": true, "x": true, "×": true,
}

// cellType classifies folded cell text.
func cellType(fold string) ctype {
	t := strings.TrimSpace(fold)
	if t == "" || placeholders[t] {
		return ctEmpty
	}
	if looksNumeric(t) {
		return ctNumber
	}
	return ctText
}

// looksNumeric accepts "4", "1,234", "-3", "91.3%", "99.80%%", "40 %",
// "9.67万", "1`23" and the like.
func looksNumeric(t string) bool {
	digits := 0
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' || r == ',' || r == '`' || r == ' ':
		case (r == '-' || r == '+') && i == 0:
		case r == '%' || r == '‰' || r == '万' || r == '亿':
		default:
			return false
		}
	}
	return digits > 0 && !strings.ContainsFunc(strings.TrimRight(t, "%‰万亿 "), func(r rune) bool {
		return r == '%' || r == '万' || r == '亿' || r == '‰'
	}) && unicode.IsDigit(rune(strings.TrimLeft(t, "+-`")[0]))
}
