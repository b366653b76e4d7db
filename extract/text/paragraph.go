package text

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hardWrapWidth finds the width at which the document's running text is
// hard-wrapped (as pdftotext prints it), or 0 when its paragraphs are not
// wrapped. A document is wrapped when many text lines end close to one common
// width.
func hardWrapWidth(lines []line) int {
	var widths []int
	for _, l := range lines {
		// Rows of space-aligned tables are not running text.
		if l.kind() == kText && wideFields(l.fold) <= 1 {
			if w := displayWidth(strings.TrimSpace(l.fold)); w >= 20 {
				widths = append(widths, w)
			}
		}
	}
	if len(widths) < 4 {
		return 0
	}
	slices.Sort(widths)
	top := widths[len(widths)*9/10]
	near := 0
	for _, w := range widths {
		if w >= top*9/10 && w <= top+2 {
			near++
		}
	}
	if near < 3 || near*4 < len(widths) {
		return 0
	}
	return top * 9 / 10
}

var enumerator = regexp.MustCompile(`^(\d+[．.、)）]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|附件|注[：:])`)

// continuesParagraph reports whether text goes on the open paragraph: the
// paragraph's last line filled the wrap width, did not end a sentence, and
// text does not start a new item.
func (s *scanner) continuesParagraph(text string) bool {
	if s.wrapWidth == 0 || s.paraLastWidth < s.wrapWidth {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s.para.Text)
	if strings.ContainsRune("。！？；;!?：:", last) {
		return false
	}
	return !enumerator.MatchString(text)
}

// wrapSeparator is what goes between two pieces of a wrapped line, a and
// b: nothing between Chinese characters, a space between words of other
// scripts.
func wrapSeparator(a, b string) string {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if isWordRune(last) && isWordRune(first) {
		return " "
	}
	return ""
}

func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
