package layout

import (
	"strings"
	"unicode"

	"github.com/hotline12345/bulletin/extract/block"
)

// Furniture marks the running headers and footers among the pages'
// candidate lines: a line that reads like a page number ("— 3 —",
// "第3页", "3/7"), or whose text, digits aside, stands at the same end of
// at least two pages.
func Furniture(pages []*Page) {
	count := map[block.Region]map[string]int{block.Header: {}, block.Footer: {}}
	for _, p := range pages {
		for _, c := range p.candidates {
			count[c.region][furnitureKey(c.p.Text)]++
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

// furnitureKey is a line's text with digits and white space left out, so
// that "第 3 页" on one page matches "第 4 页" on the next.
func furnitureKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pageNumber reports whether s is a page number: digits, with nothing but
// dashes, slashes, brackets, 第/页/共 or "Page"/"of" around them.
func pageNumber(s string) bool {
	digits := false
	rest := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsDigit(r):
			digits = true
			return -1
		case unicode.IsSpace(r), strings.ContainsRune("—–-_/|·.()（）[]第页共", r):
			return -1
		}
		return r
	}, s)
	rest = strings.ToLower(rest)
	rest = strings.ReplaceAll(rest, "page", "")
	rest = strings.ReplaceAll(rest, "of", "")
	return digits && rest == "" && len([]rune(s)) <= 20
}
