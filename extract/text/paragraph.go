package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
)

// hardWrapEdge finds the display column that the lines of the document's
// hard-wrapped paragraphs reach (as pdftotext prints them), or 0 when its
// paragraphs are not wrapped, and the left margin of the running text. A
// document is wrapped when several text lines end close to one common
// right edge; a first line indented past the margin ends there too.
func hardWrapEdge(lines []line) (wrap, margin int) {
	var edges []int
	indents := map[int]int{}
	for _, l := range lines {
		// Rows of space-aligned tables are not running text.
		if l.kind() == kText && wideFields(l.fold) <= 1 {
			if w := displayWidth(strings.TrimSpace(l.fold)); w >= 20 {
				in := indent(l)
				edges = append(edges, in+w)
				indents[in]++
			}
		}
	}
	for in, n := range indents {
		if n > indents[margin] || (n == indents[margin] && in < margin) {
			margin = in
		}
	}
	if len(edges) < 3 {
		return 0, margin
	}
	slices.Sort(edges)
	top := edges[len(edges)*9/10]
	near := 0
	for _, e := range edges {
		if e >= top*9/10 && e <= top+2 {
			near++
		}
	}
	if near < 2 || near*4 < len(edges) {
		return 0, margin
	}
	return top * 9 / 10, margin
}

// indent is the display width of a line's leading white space (a form
// feed takes none).
func indent(l line) int {
	n := 0
	for i := 0; i < len(l.fold); i++ {
		switch l.fold[i] {
		case ' ', '\t':
			n++
		case '\f':
		default:
			return n
		}
	}
	return n
}

// enumerator matches the start of a numbered item: "1．", "2、", "（三）",
// "一、", but not a number that opens a wrapped line ("12.2%；…").
var enumerator = lazyregexp.New(`^(\d+(?:[、)）]|[．.](?:\D|$))|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|附件|附表|注[：:])`)

// mayContinue reports whether the open paragraph may go on: its last
// line reached the right margin and did not end a sentence.
func (s *scanner) mayContinue() bool {
	if s.wrapEdge == 0 || s.paraLastEdge < s.wrapEdge {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s.para.Text)
	return !strings.ContainsRune("。！？；;!?：:", last)
}

// continuesParagraph reports whether line l, whose text is text, goes on
// the open paragraph: the paragraph may continue, and l neither starts a
// new item nor is indented past the margin as a first line is.
func (s *scanner) continuesParagraph(text string, l line) bool {
	return s.mayContinue() && indent(l) < s.margin+2 && !enumerator.MatchString(text)
}

// closeCJKSpaces removes single spaces next to Chinese characters:
// Chinese is written without spaces, and those in layout text ("共受理
// 2660 件", "上 半 年") are only where the layout left a gap between
// glyphs. Wider gaps, which set fields apart, stay.
func closeCJKSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && rs[i-1] != ' ' && rs[i+1] != ' ' && (isCJK(rs[i-1]) || isCJK(rs[i+1])) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
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
