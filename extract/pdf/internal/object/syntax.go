package object

import (
	"github.com/hotline12345/bulletin/extract/pdf/internal/scan"

	"bytes"
	"fmt"
	"strconv"

	"github.com/hotline12345/bulletin/extract/block"
)

// The Go types of parsed PDF objects: nil (null), bool, int64, float64,
// str, name, dict, array, *stream and ref.
type (
	str   string // a string's bytes
	name  string // a name without its slash
	dict  map[name]any
	array []any
	ref   struct {
		num uint32
		gen uint16
	}
)

// stream is a stream object: its dictionary and where its data starts.
type stream struct {
	hdr   dict
	start int // offset of the first data byte
	ref   ref // the object the stream is, for decryption
}

// errSyntax is the cause of every syntax error of an object.
var errSyntax = fmt.Errorf("%w: object syntax", block.ErrFormat)

// parser reads objects from a file's bytes (or an object stream's). It
// bounds nesting and, through count, the values one document may parse.
type parser struct {
	data     []byte
	pos      int
	base     int // the file offset of data[0]
	maxDepth int
	count    *int // values parsed in the document so far
	maxCount int
	// stack holds the elements of the arrays being read: the document's,
	// reused by its parses, which never run inside one another.
	stack *[]any
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("%w at offset %d: %s", errSyntax, p.offset(), fmt.Sprintf(format, args...))
}

// offset is the parser's position in the file.
func (p *parser) offset() int { return p.base + p.pos }

// skipSpace skips white space and comments.
func (p *parser) skipSpace() { p.pos = scan.SkipSpace(p.data, p.pos) }

// keyword reads a run of regular characters.
func (p *parser) keyword() []byte {
	kw, next := scan.Regular(p.data, p.pos)
	p.pos = next
	return kw
}

// peekKeyword reports whether the next token (after white space) is kw,
// without consuming it.
func (p *parser) peekKeyword(kw string) bool {
	save := p.pos
	p.skipSpace()
	ok := bytes.Equal(p.keyword(), []byte(kw))
	p.pos = save
	return ok
}

// unsigned reads an unsigned decimal integer of at most 10 digits; ok is
// false (and nothing consumed) if there is none.
func (p *parser) unsigned() (v int64, ok bool) {
	start := p.pos
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' && p.pos-start < 11 {
		v = v*10 + int64(p.data[p.pos]-'0')
		p.pos++
	}
	if p.pos == start || p.pos-start > 10 || (p.pos < len(p.data) && scan.IsRegular(p.data[p.pos])) {
		p.pos = start
		return 0, false
	}
	return v, true
}

// charge counts one parsed value against the document's budget.
func (p *parser) charge() error {
	if p.count == nil {
		return nil
	}
	*p.count++
	if *p.count > p.maxCount {
		return block.Exceeded("parsed object values", int64(p.maxCount))
	}
	return nil
}

// object reads one object. References "n g R" are recognised; a stream
// after a dictionary is not (see [parser.indirect]).
func (p *parser) object(depth int) (any, error) {
	if depth > p.maxDepth {
		return nil, fmt.Errorf("at offset %d: %w", p.offset(), block.Exceeded("nesting levels", int64(p.maxDepth)))
	}
	if err := p.charge(); err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, p.errorf("unexpected end of data")
	}
	c := p.data[p.pos]
	switch {
	case c == '/':
		p.pos++
		return name(p.name()), nil
	case c == '(':
		p.pos++
		return str(p.literal()), nil
	case c == '<' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '<':
		p.pos += 2
		return p.dict(depth)
	case c == '<':
		p.pos++
		return str(p.hex()), nil
	case c == '[':
		p.pos++
		return p.array(depth)
	case c >= '0' && c <= '9':
		// An integer, or the start of a reference.
		save := p.pos
		if n, ok := p.unsigned(); ok {
			after := p.pos
			p.skipSpace()
			if g, ok := p.unsigned(); ok && n <= 1<<32-1 && g <= 65535 {
				p.skipSpace()
				if p.pos < len(p.data) && p.data[p.pos] == 'R' && (p.pos+1 == len(p.data) || !scan.IsRegular(p.data[p.pos+1])) {
					p.pos++
					return ref{uint32(n), uint16(g)}, nil
				}
			}
			p.pos = after
			return n, nil
		}
		p.pos = save
		return p.number(), nil
	case c == '-' || c == '+' || c == '.':
		return p.number(), nil
	case scan.IsRegular(c):
		kw := p.keyword()
		switch string(kw) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		p.pos -= len(kw)
		return nil, p.errorf("unexpected keyword %.20q", kw)
	}
	return nil, p.errorf("unexpected %q", c)
}

func (p *parser) dict(depth int) (any, error) {
	d := dict{}
	for {
		p.skipSpace()
		if p.pos >= len(p.data) {
			return d, p.errorf("dictionary not closed")
		}
		c := p.data[p.pos]
		if c == '>' {
			p.pos++
			if p.pos < len(p.data) && p.data[p.pos] == '>' {
				p.pos++
			}
			return d, nil
		}
		if c != '/' {
			// A damaged key: skip the token, as viewers do.
			if scan.IsRegular(c) {
				kw := p.keyword()
				if string(kw) == "endobj" || string(kw) == "stream" {
					p.pos -= len(kw)
					return d, p.errorf("dictionary not closed")
				}
			} else if _, err := p.object(depth + 1); err != nil {
				return d, err
			}
			continue
		}
		p.pos++
		key := name(p.name())
		p.skipSpace()
		if p.pos+1 < len(p.data) && p.data[p.pos] == '>' && p.data[p.pos+1] == '>' {
			continue // a key without a value
		}
		v, err := p.object(depth + 1)
		if err != nil {
			return d, err
		}
		if v != nil {
			d[key] = v
		}
	}
}

// array reads an array after its opening bracket. Its elements are
// gathered on the parser's stack, shared by the arrays nested in it, and
// copied into an array of their number at the end.
func (p *parser) array(depth int) (any, error) {
	if p.stack == nil {
		p.stack = new([]any)
	}
	st := p.stack
	base := len(*st)
	done := func() array {
		a := make(array, len(*st)-base)
		copy(a, (*st)[base:])
		clear((*st)[base:])
		*st = (*st)[:base]
		return a
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.data) {
			return done(), p.errorf("array not closed")
		}
		if p.data[p.pos] == ']' {
			p.pos++
			return done(), nil
		}
		v, err := p.object(depth + 1)
		if err != nil {
			return done(), err
		}
		*st = append(*st, v)
	}
}

func (p *parser) name() []byte {
	n, next := scan.Name(p.data, p.pos)
	p.pos = next
	return n
}

// number reads an integer or a real; malformed numbers ("1.2.3", "--5")
// give the value of their valid prefix, or 0.
func (p *parser) number() any {
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+') {
			break
		}
		p.pos++
	}
	s := string(p.data[start:p.pos])
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i
	}
	for len(s) > 0 {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
		s = s[:len(s)-1]
	}
	return int64(0)
}

// literal reads a (string) after its opening parenthesis. The string is
// a copy: decryption changes strings in place.
func (p *parser) literal() []byte {
	str, next := scan.Literal(p.data, p.pos)
	p.pos = next
	return bytes.Clone(str)
}

// hex reads a <hex string> after its opening bracket.
func (p *parser) hex() []byte {
	str, next := scan.Hex(p.data, p.pos)
	p.pos = next
	return str
}

// indirect reads "n g obj" and the object after it, with the stream data's
// start when the object is a stream. want is the object expected there;
// a header naming another object is an error.
func (p *parser) indirect(want ref) (any, error) {
	p.skipSpace()
	n, ok1 := p.unsigned()
	p.skipSpace()
	g, ok2 := p.unsigned()
	p.skipSpace()
	if !ok1 || !ok2 || !bytes.Equal(p.keyword(), []byte("obj")) {
		return nil, p.errorf("no object header")
	}
	if uint32(n) != want.num || n > 1<<32-1 {
		return nil, p.errorf("object %d found where object %d was expected", n, want.num)
	}
	_ = g // generation numbers are not checked, as most readers do
	v, err := p.object(0)
	if err != nil {
		return nil, err
	}
	d, ok := v.(dict)
	if !ok {
		return v, nil
	}
	save := p.pos
	p.skipSpace()
	if !bytes.Equal(p.keyword(), []byte("stream")) {
		p.pos = save
		return d, nil
	}
	// The data starts after the end of line that follows the keyword.
	if p.pos < len(p.data) && p.data[p.pos] == '\r' {
		p.pos++
	}
	if p.pos < len(p.data) && p.data[p.pos] == '\n' {
		p.pos++
	}
	return &stream{hdr: d, start: p.offset(), ref: want}, nil
}
