package interpret

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
)

// noteNumber matches the numbering of one note item: "1．", "2.", "（3）",
// "①".
var noteNumber = lazyregexp.New(`^\s*(?:\d+\s*[．.、,，)）]|[（(]\d+[）)]|[①②③④⑤⑥⑦⑧⑨⑩])\s*`)

// splitCaption splits a caption paragraph into its label and the title
// text after it, or returns ok=false.
func splitCaption(p string) (label, rest string, ok bool) {
	p = strings.TrimSpace(p)
	if m := findFolded(vocab.BareCaption, p); m != nil {
		return p[m[2]:m[3]], "", true
	}
	m := findFolded(vocab.CaptionLabel, p)
	if m == nil {
		return "", "", false
	}
	return compactTitle(p[m[2]:m[3]]), strings.TrimSpace(p[m[4]:m[5]]), true
}

// noteItems splits footnote text into its numbered items, without "注：",
// the numbers and the closing punctuation.
func noteItems(text string) []string {
	text = strings.TrimSpace(text)
	if m := findFolded(vocab.NoteStart, text); m != nil {
		text = strings.TrimSpace(text[m[1]:])
	}
	var items []string
	for _, line := range strings.Split(text, "\n") {
		// Items may also follow each other on one line: "1．…；2．…".
		for _, part := range splitNumbered(line) {
			if m := findFolded(noteNumber, part); m != nil {
				part = part[m[1]:]
			}
			part = strings.TrimSpace(part)
			part = strings.TrimRightFunc(part, func(r rune) bool {
				return strings.ContainsRune("；;。.．，,", r) || unicode.IsSpace(r)
			})
			if part != "" {
				items = append(items, part)
			}
		}
	}
	return items
}

// itemStart finds item numbers after sentence punctuation inside a line.
var itemStart = lazyregexp.New(`[；;。]\s*(\d+\s*[．.、]|[（(]\d+[）)])`)

func splitNumbered(line string) []string {
	var parts []string
	for {
		loc := findFolded(itemStart, line)
		if loc == nil {
			return append(parts, line)
		}
		parts = append(parts, line[:loc[2]])
		line = line[loc[2]:]
	}
}

// compactTitle removes white space that layout put next to Chinese text
// ("3 月份" as pdftotext prints it is "3月份"; a title wrapped over lines
// is one line) and keeps single spaces between words of other scripts.
func compactTitle(s string) string {
	fields := strings.FieldsFunc(s, unicode.IsSpace)
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(fields[i-1])
			next, _ := utf8.DecodeRuneInString(f)
			if isWordRune(prev) && isWordRune(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
