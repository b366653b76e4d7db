package text

import (
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/lazyregexp"
)

// Page furniture in text printed from paged documents (pdftotext -layout):
// page numbers and running heads and feet. They are not part of the
// document's flow: a page number between two halves of a table or of a
// paragraph would split them. The reader takes them out of the lines
// before it looks for tables and paragraphs, and reports them as header
// and footer paragraphs.

// pageNumberOnly matches a bare page number, "3" or "3/9", taken for one
// only at the edge of a page.
var pageNumberOnly = lazyregexp.New(`^\d{1,4}(?:\s*/\s*\d{1,4})?$`)

// maxPageMarkBytes bounds the length of a line taken for a page number
// ("第 123 页 共 456 页" is 26 bytes).
const maxPageMarkBytes = 40

// furniture marks the page furniture among the lines: page numbers, and
// running heads or feet, which are lines printed alike at the same edge of
// two or more pages. Only lines of running text can be furniture, not
// cells of a TAB or pipe table. A bare number counts only at the edge of a
// page of text with form feeds (the last line before a form feed or the
// end, or the first after one), and a
// running line only when it stands apart from what follows it, so that a
// table header repeated at the top of every page stays.
func furniture(lines []line) []block.Region {
	marks := make([]block.Region, len(lines)) // Body: not furniture
	tops, bottoms := pageEdges(lines)
	paged := len(tops) > 1 // the text has form feeds
	isBottom := make(map[int]bool, len(bottoms))
	isTop := make(map[int]bool, len(tops))
	for _, i := range bottoms {
		isBottom[i] = true
	}
	for _, i := range tops {
		isTop[i] = true
	}
	for i, l := range lines {
		t := strings.TrimSpace(l.fold)
		// Page numbers are short and hold a digit; most lines are not.
		if t == "" || len(t) > maxPageMarkBytes || !strings.ContainsAny(t, "0123456789") || l.kind() != kText {
			continue
		}
		switch {
		case block.IsPageNumber(t), paged && (isTop[i] || isBottom[i]) && pageNumberOnly.MatchString(t):
			if isTop[i] {
				marks[i] = block.Header
			} else {
				marks[i] = block.Footer
			}
		}
	}
	runningLines(lines, tops, block.Header, marks)
	runningLines(lines, bottoms, block.Footer, marks)
	return marks
}

// pageEdges returns the index of the first and of the last non-blank line
// of every page. A form feed starts a page; without form feeds the text
// is one page.
func pageEdges(lines []line) (tops, bottoms []int) {
	first, last := -1, -1
	end := func() {
		if first >= 0 {
			tops = append(tops, first)
			bottoms = append(bottoms, last)
		}
		first, last = -1, -1
	}
	for i, l := range lines {
		if strings.ContainsRune(l.raw, '\f') {
			// A form feed ends the page before it, and the rest of its
			// line opens the next one.
			end()
		}
		if strings.TrimSpace(l.fold) == "" {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	end()
	return tops, bottoms
}

// runningLines marks as furniture the lines at one edge of the pages that
// are printed alike on three pages or more, and on half the pages at
// least: a caption (附件) opening two or three pages is not one. A line is
// not a running line when the next line follows it without a blank line
// and is laid out in columns, as the lines of a table header are.
func runningLines(lines []line, edges []int, region block.Region, marks []block.Region) {
	if len(edges) < minRunningPages {
		return
	}
	count := map[string]int{}
	key := make([]string, len(edges))
	for k, i := range edges {
		if marks[i] != block.Body || lines[i].kind() != kText || enumerator.MatchString(strings.TrimSpace(lines[i].fold)) {
			continue
		}
		key[k] = compact(lines[i].fold)
		if key[k] != "" {
			count[key[k]]++
		}
	}
	for k, i := range edges {
		n := count[key[k]]
		if key[k] == "" || n < minRunningPages || n*2 < len(edges) || wideFields(lines[i].fold) > 1 {
			continue
		}
		if i+1 < len(lines) && wideFields(lines[i+1].fold) > 1 {
			continue
		}
		marks[i] = region
	}
}

// minRunningPages is how many pages must print a line alike at one edge for
// it to be a running head or foot.
const minRunningPages = 3
