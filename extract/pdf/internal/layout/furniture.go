package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
)

// Furniture marks the running headers and footers among the pages'
// candidate lines: a line whose text, page numbers aside, stands at the
// same end of at least two pages. (Lines that read like a page number,
// "— 3 —", "第3页", "3/7", are marked when the page is laid out.)
func Furniture(pages []*Page) {
	count := map[block.Region]map[string]int{block.Header: {}, block.Footer: {}}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, c := range p.candidates {
			k := furnitureKey(c.p.Text)
			if k != "" && !seen[k] {
				seen[k] = true
				count[c.region][k]++
			}
		}
	}
	for _, p := range pages {
		for _, c := range p.candidates {
			if pageNumber(c.p.Text) || count[c.region][furnitureKey(c.p.Text)] >= 2 {
				c.p.Region = c.region
			}
		}
	}
}

// furnitureKey is a line's text without the page numbers in it and
// without white space, so that "12345热线 3/7" on one page matches
// "12345热线 4/7" on the next, while "附件1" and "附件2" stay apart.
func furnitureKey(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		if !pageNumber(f) {
			b.WriteString(f)
		}
	}
	return b.String()
}

// pageNumber reports whether s reads as a page number: one number, or a
// number and a page count, with nothing but dashes, slashes, brackets,
// 第/页/共 or "Page"/"of" around them ("— 3 —", "-3-", "第3页",
// "第 3 页 共 7 页", "3/7", "Page 2 of 9").
func pageNumber(s string) bool {
	if utf8.RuneCountInString(s) > 20 {
		return false
	}
	numbers, inNumber := 0, false
	rest := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			if !inNumber {
				numbers++
			}
			inNumber = true
			return -1
		}
		inNumber = false
		switch {
		case unicode.IsSpace(r), strings.ContainsRune("—–-‒―_/|·.()（）[]【】第页頁共", r):
			return -1
		}
		return r
	}, s)
	rest = strings.ToLower(rest)
	rest = strings.ReplaceAll(rest, "page", "")
	rest = strings.ReplaceAll(rest, "of", "")
	return numbers >= 1 && numbers <= 2 && rest == ""
}
