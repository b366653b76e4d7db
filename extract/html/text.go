package html

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Markers written into the raw text of a block while its elements are
// walked, resolved by normalize: a line break (<br>, or a paragraph inside
// a table cell) and the edge of an inline element, which splits the
// "label：value" segments of a title block's line and is otherwise
// dropped, so that a number split over runs (<span>12</span><span>34</span>)
// reads 1234.
const (
	lineBreak   = '\x1e'
	segmentEdge = '\x1f'
)

// normalize turns the raw text of a block into its text as a browser
// shows it: runs of white space become one space; a line end between two
// wide (Chinese) characters disappears, as CSS says and Word's wrapped
// lines need; a no-break space (&nbsp;) is a space that is not collapsed;
// each line is trimmed of spaces and empty lines are dropped. With
// keepEdges the segment edges are kept (as segmentEdge) for splitting
// label-and-value lines.
func normalize(raw []byte, keepEdges bool) string {
	b := make([]byte, 0, len(raw))
	var last rune // the last character written on the line, 0 at its start
	space, brk := false, false
	lineStart := 0
	endLine := func() {
		line := bytes.TrimRight(b[lineStart:], " ")
		if len(bytes.Trim(line, " \x1f")) == 0 {
			line = line[:0] // an empty line is dropped with its edges
		}
		b = b[:lineStart+len(line)]
		last, space, brk = 0, false, false
	}
	for i := 0; i < len(raw); {
		r, size := rune(raw[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(raw[i:])
		}
		i += size
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			space = true
			if r == '\n' || r == '\r' {
				brk = true
			}
			continue
		case segmentEdge:
			if keepEdges {
				b = append(b, segmentEdge)
			}
			continue
		case lineBreak:
			endLine()
			if len(b) > 0 && b[len(b)-1] != '\n' {
				b = append(b, '\n')
			}
			lineStart = len(b)
			continue
		case '\u00a0':
			r = ' '
		}
		if space {
			if last != 0 && !(brk && wide(last) && wide(r)) {
				b = append(b, ' ')
			}
			space, brk = false, false
		}
		if r == ' ' && last == 0 {
			continue // a no-break space that indents the line
		}
		b = utf8.AppendRune(b, r)
		last = r
	}
	endLine()
	return string(bytes.TrimSuffix(b, []byte{'\n'}))
}

// wide reports whether r is an East Asian wide or full-width character.
func wide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}
