package ooxml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
)

// The XML lexer. encoding/xml spent four fifths of a DOCX read reading one
// byte at a time through interfaces and allocating each name and token;
// this lexer finds markup with bytes.IndexByte in a buffer it refills from
// the part, and hands out slices of it. It reads the XML that OOXML parts
// are (elements, attributes, character data, CDATA, comments,
// processing instructions, a DOCTYPE without entity declarations in use)
// and refuses what is not well-formed: a tag or attribute that does not
// parse, an unknown entity (only the five predefined ones and character
// references are expanded, so no entity can grow the text), text that is
// not UTF-8. The buffer never holds more than one token beyond what is
// read ahead: a token over MaxTokenBytes ends the read with ErrLimit.
//
// No well-kept streaming XML lexer was at hand: github.com/tdewolff/parse
// reads its whole input into memory before lexing (the 100 MB text-node
// test would hold 100 MB), and github.com/muktihari/xmltokenizer trims
// the white space around character data (xml:space="preserve" text) and
// reads only double-quoted attributes.

// lexKind is the kind of a lexed token.
type lexKind uint8

const (
	lexStart lexKind = iota + 1 // a start tag; selfClosing tells <a/>
	lexEnd                      // an end tag
	lexText                     // character data or a CDATA section
)

// rawAttr is an attribute as lexed: its qualified name and its value with
// entities expanded.
type rawAttr struct {
	name, value []byte
}

// lexer reads the tokens of one XML part.
type lexer struct {
	r   io.Reader
	buf []byte
	pos int // the next byte to read in buf
	eof bool
	max int // the most bytes one token may take

	// The current token, valid until the next call of next.
	kind        lexKind
	name        []byte    // a tag's qualified name
	raw         []byte    // a start tag as written, from '<' to '>'
	attrs       []rawAttr // a start tag's attributes
	selfClosing bool
	text        []byte // character data, entities expanded
	scratch     []byte // where text and values with entities are expanded

	// encoding is the encoding the XML declaration names, if any.
	encoding string
}

// errTokenTooBig is returned when a token does not fit in MaxTokenBytes;
// the part reader turns it into an error wrapping block.ErrLimit.
var errTokenTooBig = errors.New("xml token too big")

func newLexer(r io.Reader, maxToken int) *lexer {
	return &lexer{r: r, buf: make([]byte, 0, min(firstBuffer, maxToken+1)), max: maxToken}
}

// syntaxError is a well-formedness error.
func syntaxError(format string, args ...any) error {
	return fmt.Errorf("%w: XML syntax: %s", block.ErrFormat, fmt.Sprintf(format, args...))
}

// fill reads more of the part, keeping buf[pos:], and reports whether
// anything was added. The buffer grows only when the unread bytes fill
// it, up to a token's limit.
func (l *lexer) fill() (bool, error) {
	if l.eof {
		return false, nil
	}
	if l.pos > 0 {
		n := copy(l.buf, l.buf[l.pos:])
		l.buf = l.buf[:n]
		l.pos = 0
	}
	// The buffer grows when the unread bytes fill it, and, up to
	// readBuffer, at every fill: a part of a few hundred bytes (the
	// relationships) takes no more.
	if full := len(l.buf) == cap(l.buf); full || cap(l.buf) < readBuffer {
		if full && len(l.buf) > l.max {
			return false, errTokenTooBig
		}
		grown := make([]byte, len(l.buf), min(2*cap(l.buf), l.max+readBuffer))
		copy(grown, l.buf)
		l.buf = grown
	}
	for {
		n, err := l.r.Read(l.buf[len(l.buf):cap(l.buf)])
		l.buf = l.buf[:len(l.buf)+n]
		if err == io.EOF {
			l.eof = true
			return n > 0, nil
		}
		if err != nil {
			return n > 0, err
		}
		if n > 0 {
			return true, nil
		}
	}
}

// more reads more of the part for the token at pos, which is not complete
// yet: it fails when the token is already too big, or the part ends.
func (l *lexer) more() error {
	if len(l.buf)-l.pos > l.max {
		return errTokenTooBig
	}
	more, err := l.fill()
	if err != nil {
		return err
	}
	if !more {
		return io.ErrUnexpectedEOF
	}
	return nil
}

// find returns the index (relative to pos) of the first sep in the unread
// bytes from offset from on, reading more of the part as needed; -1 at
// the end of the part.
func (l *lexer) find(from int, sep []byte) (int, error) {
	for {
		if i := bytes.Index(l.buf[l.pos+from:], sep); i >= 0 {
			return from + i, nil
		}
		from = max(len(l.buf)-l.pos-len(sep)+1, from)
		if len(l.buf)-l.pos > l.max {
			return 0, errTokenTooBig
		}
		more, err := l.fill()
		if err != nil {
			return 0, err
		}
		if !more {
			return -1, nil
		}
	}
}

// next reads the next token; io.EOF at the end of the part.
func (l *lexer) next() error {
	for {
		if l.pos == len(l.buf) {
			more, err := l.fill()
			if err != nil {
				return err
			}
			if !more {
				return io.EOF
			}
		}
		if l.buf[l.pos] != '<' {
			return l.lexText()
		}
		// Markup: make sure its first bytes are there to tell its kind
		// (a read may give fewer than asked, down to one byte).
		for len(l.buf)-l.pos < len("<![CDATA[") {
			if more, err := l.fill(); err != nil {
				return err
			} else if !more {
				break
			}
		}
		rest := l.buf[l.pos:]
		second := byte(0)
		if len(rest) > 1 {
			second = rest[1]
		}
		switch {
		case second != '!' && second != '?' && second != '/':
			// Most markup is a start tag.
			return l.lexStartTag()
		case second == '/':
			return l.lexEndTag()
		case bytes.HasPrefix(rest, []byte("<!--")):
			if _, err := l.markup(4, []byte("-->")); err != nil {
				return err
			}
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			return l.lexCDATA()
		case bytes.HasPrefix(rest, []byte("<?")):
			if err := l.lexPI(); err != nil {
				return err
			}
		case bytes.HasPrefix(rest, []byte("<!")):
			if !bytes.HasPrefix(rest, []byte("<!DOCTYPE")) {
				return syntaxError("markup %.12q is not a comment, CDATA or DOCTYPE", rest)
			}
			if err := l.skipDirective(); err != nil {
				return err
			}
		}
	}
}

// markup consumes the markup at pos that opens with open bytes and closes
// with close, and returns what lies between them.
func (l *lexer) markup(open int, close []byte) ([]byte, error) {
	i, err := l.find(open, close)
	if err != nil {
		return nil, err
	}
	if i < 0 {
		return nil, io.ErrUnexpectedEOF
	}
	inner := l.buf[l.pos+open : l.pos+i]
	l.pos += i + len(close)
	return inner, nil
}

// lexPI reads a processing instruction, noting the XML declaration's
// encoding.
func (l *lexer) lexPI() error {
	pi, err := l.markup(2, []byte("?>"))
	if err != nil {
		return err
	}
	if target, rest, _ := bytes.Cut(pi, []byte(" ")); string(target) == "xml" {
		if _, v, ok := bytes.Cut(rest, []byte("encoding")); ok {
			v = bytes.TrimLeft(v, " \t\r\n=")
			if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
				if end := bytes.IndexByte(v[1:], v[0]); end >= 0 {
					l.encoding = string(v[1 : 1+end])
				}
			}
		}
	}
	return nil
}

// skipDirective consumes a <!DOCTYPE ...> as encoding/xml reads one: up
// to the first '>' outside quotes and outside the <...> declarations of
// its internal subset, with the comments in it skipped whole. Entities it
// declares are not expanded: a reference to one is an error.
func (l *lexer) skipDirective() error {
	at := func(i int) (byte, error) {
		for l.pos+i >= len(l.buf) {
			if err := l.more(); err != nil {
				return 0, err
			}
		}
		return l.buf[l.pos+i], nil
	}
	depth, quote := 0, byte(0)
	for i := 2; ; i++ {
		c, err := at(i)
		if err != nil {
			return err
		}
		if quote == 0 && c == '>' && depth == 0 {
			l.pos += i + 1
			return nil
		}
	byteRead:
		switch {
		case c == quote:
			quote = 0
		case quote != 0:
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			depth--
		case c == '<':
			for _, want := range []byte("!--") {
				i++
				if c, err = at(i); err != nil {
					return err
				}
				if c != want { // a declaration, not a comment
					depth++
					goto byteRead
				}
			}
			for prev := [2]byte{}; ; prev = [2]byte{prev[1], c} {
				i++
				if c, err = at(i); err != nil {
					return err
				}
				if prev == [2]byte{'-', '-'} {
					if c != '>' {
						return syntaxError(`"--" inside a comment`)
					}
					break
				}
			}
		}
	}
}

// lexCDATA reads a CDATA section as text.
func (l *lexer) lexCDATA() error {
	data, err := l.markup(9, []byte("]]>"))
	if err != nil {
		return err
	}
	if !utf8.Valid(data) {
		return syntaxError("invalid UTF-8 in CDATA")
	}
	l.kind, l.text = lexText, normalizeNewlines(data, &l.scratch)
	return nil
}

// lexText reads character data up to the next '<' (or the end).
func (l *lexer) lexText() error {
	i, err := l.find(0, []byte("<"))
	if err != nil {
		return err
	}
	if i < 0 {
		i = len(l.buf) - l.pos
	}
	raw := l.buf[l.pos : l.pos+i]
	l.pos += i
	if !utf8.Valid(raw) {
		return syntaxError("invalid UTF-8 in text")
	}
	text, err := unescape(raw, &l.scratch)
	if err != nil {
		return err
	}
	l.kind, l.text = lexText, text
	return nil
}

// lexEndTag reads </name>.
func (l *lexer) lexEndTag() error {
	name, err := l.markup(2, []byte(">"))
	if err != nil {
		return err
	}
	for len(name) > 0 && isSpace(name[len(name)-1]) {
		name = name[:len(name)-1]
	}
	if !validName(name) {
		return syntaxError("invalid end tag name %.40q", name)
	}
	l.kind, l.name = lexEnd, name
	return nil
}

// lexStartTag reads <name attr="value" ...> or <name .../>: it finds the
// tag's end and its name; its attributes are read by attributes, when the
// tag has not been seen before.
func (l *lexer) lexStartTag() error {
	// The tag ends at the first '>' outside a quoted value.
	end, quote := -1, byte(0)
	for i := 1; end < 0; {
		if l.pos+i >= len(l.buf) {
			if err := l.more(); err != nil {
				return err
			}
			continue
		}
		rest := l.buf[l.pos+i:]
		if quote != 0 {
			k := bytes.IndexByte(rest, quote)
			if k < 0 {
				i += len(rest)
				continue
			}
			i += k + 1
			quote = 0
			continue
		}
		k := 0
		for k < len(rest) && !tagStop[rest[k]] {
			k++
		}
		switch {
		case k == len(rest):
			i += len(rest)
			continue
		case rest[k] == '>':
			end = i + k
		default:
			quote = rest[k]
		}
		i += k + 1
	}
	tag := l.buf[l.pos : l.pos+end+1]
	l.pos += end + 1
	body := tag[1:end]
	l.selfClosing = len(body) > 0 && body[len(body)-1] == '/'
	n := 0
	for n < len(body) && !isSpace(body[n]) && body[n] != '/' {
		n++
	}
	l.kind, l.raw, l.name, l.attrs = lexStart, tag, body[:n], l.attrs[:0]
	return nil
}

// tagStop marks the bytes where a start tag's scan stops: its end, and
// the quotes around values, in which '>' may appear.
var tagStop = [256]bool{'>': true, '"': true, '\'': true}

// startTag reads the start tag raw, a tag read before whose name is its
// first nameLen bytes after '<', when the part goes on with exactly
// those bytes, already buffered; it reports whether it did. Lexed, the
// same bytes would end at the same place and name the same element.
func (l *lexer) startTag(raw string, nameLen int) bool {
	if len(l.buf)-l.pos < len(raw) || string(l.buf[l.pos:l.pos+len(raw)]) != raw {
		return false
	}
	tag := l.buf[l.pos : l.pos+len(raw)]
	l.pos += len(raw)
	l.kind, l.raw, l.name, l.attrs = lexStart, tag, tag[1:1+nameLen], l.attrs[:0]
	l.selfClosing = len(tag) > 2 && tag[len(tag)-2] == '/'
	return true
}

// attributes checks the start tag just read and reads its attributes into
// l.attrs.
func (l *lexer) attributes() error {
	if !utf8.Valid(l.raw) {
		return syntaxError("invalid UTF-8 in a tag")
	}
	if !validName(l.name) {
		return syntaxError("invalid tag name %.40q", l.name)
	}
	body := l.raw[1+len(l.name) : len(l.raw)-1]
	if l.selfClosing {
		body = body[:len(body)-1]
	}
	l.scratch = l.scratch[:0]
	for rest := body; ; {
		rest = trimSpace(rest)
		if len(rest) == 0 {
			return nil
		}
		eq := bytes.IndexByte(rest, '=')
		if eq < 0 {
			return syntaxError("attribute %.40q without a value in <%s>", rest, l.name)
		}
		name := bytes.TrimRight(rest[:eq], " \t\r\n")
		rest = trimSpace(rest[eq+1:])
		if !validName(name) || len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return syntaxError("malformed attribute %.40q in <%s>", name, l.name)
		}
		close := bytes.IndexByte(rest[1:], rest[0])
		if close < 0 {
			return syntaxError("attribute %s not closed in <%s>", name, l.name)
		}
		value, err := unescapeAttr(rest[1:1+close], &l.scratch)
		if err != nil {
			return err
		}
		l.attrs = append(l.attrs, rawAttr{name, value})
		rest = rest[close+2:]
		if len(rest) > 0 && !isSpace(rest[0]) {
			return syntaxError("no space between the attributes of <%s>", l.name)
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

// validName reports whether a name can be an XML name: not empty, not
// starting with a digit, '-' or '.', and without markup, quotes or
// white space in it. (Non-ASCII letters are let through as they are.)
func validName(n []byte) bool {
	if len(n) == 0 || n[0] == '-' || n[0] == '.' || (n[0] >= '0' && n[0] <= '9') {
		return false
	}
	for _, c := range n {
		switch c {
		case '<', '>', '/', '=', '"', '\'', '&', ' ', '\t', '\r', '\n', '?', '!':
			return false
		}
	}
	return true
}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n", as XML
// processors do, using scratch when it must change data.
func normalizeNewlines(data []byte, scratch *[]byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	start := len(*scratch)
	*scratch = appendNormalized(*scratch, data)
	return (*scratch)[start:]
}

// appendNormalized appends data to dst with its line ends normalised.
func appendNormalized(dst, data []byte) []byte {
	for {
		i := bytes.IndexByte(data, '\r')
		if i < 0 {
			return append(dst, data...)
		}
		dst = append(dst, data[:i]...)
		dst = append(dst, '\n')
		data = data[i+1:]
		if len(data) > 0 && data[0] == '\n' {
			data = data[1:]
		}
	}
}

// unescape expands the entity and character references in text and
// normalises its line ends. Text without either is returned as is.
func unescape(raw []byte, scratch *[]byte) ([]byte, error) {
	if bytes.IndexByte(raw, '&') < 0 {
		if bytes.IndexByte(raw, '\r') < 0 {
			return raw, nil
		}
		*scratch = (*scratch)[:0]
		return normalizeNewlines(raw, scratch), nil
	}
	*scratch = (*scratch)[:0]
	return expand(raw, scratch)
}

// unescapeAttr is unescape for an attribute value, appended to scratch
// (which holds the tag's earlier values): values stay valid together.
func unescapeAttr(raw []byte, scratch *[]byte) ([]byte, error) {
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return raw, nil
	}
	return expand(raw, scratch)
}

// expand appends raw to scratch with its references expanded and its line
// ends normalised, and returns the appended part.
func expand(raw []byte, scratch *[]byte) ([]byte, error) {
	start := len(*scratch)
	for len(raw) > 0 {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			*scratch = appendNormalized(*scratch, raw)
			break
		}
		*scratch = appendNormalized(*scratch, raw[:amp])
		semi := bytes.IndexByte(raw[amp:], ';')
		if semi < 0 || semi > 12 {
			return nil, syntaxError("'&' without an entity name")
		}
		ent := raw[amp+1 : amp+semi]
		raw = raw[amp+semi+1:]
		switch string(ent) {
		case "lt":
			*scratch = append(*scratch, '<')
		case "gt":
			*scratch = append(*scratch, '>')
		case "amp":
			*scratch = append(*scratch, '&')
		case "apos":
			*scratch = append(*scratch, '\'')
		case "quot":
			*scratch = append(*scratch, '"')
		default:
			r, ok := charRef(ent)
			if !ok {
				return nil, syntaxError("unknown entity &%s;", ent)
			}
			*scratch = utf8.AppendRune(*scratch, r)
		}
	}
	return (*scratch)[start:], nil
}

// charRef reads a character reference's name (#123 or #x7B).
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := 10, ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	v, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || v == 0 || !utf8.ValidRune(rune(v)) {
		return 0, false
	}
	return rune(v), true
}
