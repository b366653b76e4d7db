package block

import "github.com/hotline12345/bulletin/internal/lazyregexp"

// pageNumber matches the ways a page number prints itself as one: "— 3 —",
// "-3-", "第3页", "第 3 页 共 9 页", "共9页 第3页", "Page 3 of 9".
var pageNumber = lazyregexp.New(`^(?:[-—–─_~·]+\s*\d{1,4}\s*[-—–─_~·]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)$`)

// maxPageNumberBytes bounds the text tried as a page number ("第 123 页 共
// 456 页" is 26 bytes), so that a long paragraph costs no regexp.
const maxPageNumberBytes = 40

// IsPageNumber reports whether text (trimmed, full-width forms folded) is a
// page number by its shape alone, wherever it stands on the page. A bare
// number ("3", "3/9") is not: it is a page number only where it stands, at
// the edge of a page, which the reader of a format must judge.
func IsPageNumber(text string) bool {
	return len(text) <= maxPageNumberBytes && pageNumber.MatchString(text)
}
