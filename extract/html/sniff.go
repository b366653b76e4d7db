package html

import (
	"bytes"
)

// The formats Sniff reports.
const (
	HTML = "html" // a web page
	MHT  = "mht"  // a single-file web page (MHTML, .mht/.mhtml)
)

// htmlStarts are the markup a web page opens with, once a byte order mark,
// white space, comments and an XML declaration are skipped. Compared
// case-insensitively.
var htmlStarts = [][]byte{
	[]byte("<!doctype html"),
	[]byte("<html"),
	[]byte("<head"),
	[]byte("<meta"),
	[]byte("<body"),
}

// Sniff tells from the first bytes of a file whether it is a web page: it
// returns [HTML] for markup that opens with a doctype, an <html>, <head>,
// <meta> or <body> tag (after a UTF-8 byte order mark, white space,
// comments such as a browser's "saved from url" and an XML declaration),
// [MHT] for a MIME message whose Content-Type is multipart (a page saved
// as one file by a browser or Word), and "" otherwise. The file name plays
// no part: a page saved as .txt is a page.
func Sniff(head []byte) string {
	if isMHT(head) {
		return MHT
	}
	b := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			end := bytes.Index(b[4:], []byte("-->"))
			if end < 0 {
				return ""
			}
			b = b[4+end+3:]
			continue
		case bytes.HasPrefix(b, []byte("<?")):
			end := bytes.IndexByte(b, '>')
			if end < 0 {
				return ""
			}
			b = b[end+1:]
			continue
		}
		break
	}
	for _, s := range htmlStarts {
		if len(b) >= len(s) && bytes.EqualFold(b[:len(s)], s) {
			if len(b) == len(s) || isTagEnd(b[len(s)]) || s[1] == '!' {
				return HTML
			}
		}
	}
	return ""
}

func isTagEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'
}

// isMHT reports whether head opens with a MIME header block (lines of
// "Name: value" and their continuations) that declares a multipart
// Content-Type, as MHTML files do: "MIME-Version: 1.0",
// "Content-Type: multipart/related; boundary=…".
func isMHT(head []byte) bool {
	multipart := false
	lines := 0
	for len(head) > 0 {
		i := bytes.IndexByte(head, '\n')
		var line []byte
		if i < 0 {
			line, head = head, nil
		} else {
			line, head = head[:i], head[i+1:]
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 {
			break // end of the header block
		}
		if line[0] == ' ' || line[0] == '\t' {
			if lines == 0 {
				return false
			}
			continue // a folded header line
		}
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 || !isHeaderName(line[:colon]) {
			return head == nil && lines > 0 && multipart // the head ended mid-line
		}
		lines++
		if bytes.EqualFold(line[:colon], []byte("Content-Type")) {
			v := bytes.TrimSpace(line[colon+1:])
			multipart = len(v) >= 10 && bytes.EqualFold(v[:10], []byte("multipart/"))
		}
	}
	return lines > 0 && multipart
}

func isHeaderName(b []byte) bool {
	for _, c := range b {
		if c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}
