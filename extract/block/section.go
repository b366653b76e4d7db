package block

import (
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
)

// sectionNumber matches the outline number a section heading opens with:
// 一、, （一）, (一).
var sectionNumber = lazyregexp.New(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])`)

// maxSectionRunes is the longest text taken as a section heading inside a
// table.
const maxSectionRunes = 20

// IsSectionHeading reports whether text (trimmed) is a section heading as a
// table prints one between its rows, in a cell across the table: short,
// opening with an outline number (一、县直部门, （二）乡镇), ending no
// sentence. A text layout puts it on a line of its own, where it is neither
// the next row's wrapped label nor a title that ends the table.
func IsSectionHeading(text string) bool {
	if utf8.RuneCountInString(text) > maxSectionRunes || !sectionNumber.MatchString(text) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune("。；;！!？?：:，,", last)
}
