package ooxml

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// nsMC is the Markup Compatibility namespace (mc:AlternateContent).
const nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

const (
	ctxEvery    = 4096     // tokens between checks of the context
	readBuffer  = 32 << 10 // bytes buffered from an inflating part
	firstBuffer = 4 << 10  // the buffer a part starts with
)

// Attr returns the value of the attribute with local name local, whatever
// its namespace (w:val in transitional and Strict documents alike).
func Attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// alt is an open mc:AlternateContent: its element depth and whether one of
// its branches has been taken.
type alt struct {
	depth int
	taken bool
}

// Tokens is the token stream of one part: it tracks element depth against
// MaxDepth, bounds tokens to MaxTokenBytes, checks the context every few
// thousand tokens, drops comments and processing instructions, and reads
// exactly one branch of every mc:AlternateContent (the first mc:Choice, or
// the mc:Fallback when there is no Choice), swallowing the others. Parts
// saved as UTF-16 are decoded; other declared encodings are refused.
//
// It gives the lexer's tokens the types of encoding/xml, with names in
// their namespaces as encoding/xml resolves them (an unbound prefix stays
// as the name's Space), checks that every element is closed by its own end
// tag, and gives <a/> as a start and an end element. Start and end
// elements are made once per distinct tag and handed out again: a part
// repeats the same few hundred tags thousands of times.
type Tokens struct {
	// Pos is where errors are reported: the part, and what the caller
	// keeps up to date while it reads (the block, row or cell).
	Pos   model.Pos
	ctx   context.Context
	lx    *lexer
	lim   block.Limits
	depth int
	count int
	alts  []alt

	open     []*element // the open elements
	bindings []binding
	pending  xml.Token // the end element of a self-closing tag, still to give
	// starts are the elements made, by their start tags as written.
	starts map[string]*element
	// last is the kept element of the start tag just read, nil after one
	// that was not kept.
	last *element
}

// binding is a namespace prefix bound by an element at depth.
type binding struct {
	prefix, url string
	depth       int
}

// maxInterned bounds the distinct tags kept for reuse, and the length of
// a tag kept.
const (
	maxInterned    = 4096
	maxInternedTag = 512
)

// NewTokens returns the token stream of the part named part, read from r.
func NewTokens(ctx context.Context, part string, r io.Reader, lim block.Limits) *Tokens {
	// The first two bytes tell a byte order mark; they are read again
	// before the rest.
	var head [2]byte
	n, err := io.ReadFull(r, head[:])
	var in io.Reader = r
	switch {
	case err != nil && err != io.EOF && err != io.ErrUnexpectedEOF:
		in = io.MultiReader(bytes.NewReader(head[:n]), errReader{err})
	case n > 0:
		in = io.MultiReader(bytes.NewReader(head[:n]), r)
	}
	if n == 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		// A part saved as UTF-16: decode it to UTF-8 first.
		in = transform.NewReader(in, unicode.BOMOverride(unicode.UTF8.NewDecoder()))
	}
	return &Tokens{Pos: model.Pos{Part: part}, ctx: ctx, lx: newLexer(in, lim.MaxTokenBytes), lim: lim,
		starts: map[string]*element{}}
}

// errReader is a reader that fails with its error.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// Depth is the number of elements open: 1 inside the root element.
func (t *Tokens) Depth() int { return t.depth }

// Fail positions err at Pos.
func (t *Tokens) Fail(err error) error { return block.At(t.Pos, err) }

// Next returns the next element or character data token. The token is
// valid until the following call. The end of the part, after the root
// element, is io.EOF; every other error is a *block.ParseError.
func (t *Tokens) Next() (xml.Token, error) {
	for {
		tok, err := t.token()
		if err != nil {
			return nil, t.readError(err)
		}
		if t.count++; t.count%ctxEvery == 0 {
			if err := t.ctx.Err(); err != nil {
				return nil, t.Fail(err)
			}
		}
		switch tt := tok.(type) {
		case xml.StartElement:
			t.depth++
			if t.depth > t.lim.MaxDepth {
				return nil, t.Fail(block.Exceeded("nested XML elements", int64(t.lim.MaxDepth)))
			}
			if tt.Name.Space == nsMC {
				if skip := t.alternate(tt); skip {
					if err := t.Skip(); err != nil {
						return nil, err
					}
					continue
				}
			}
			return tok, nil
		case xml.EndElement:
			if n := len(t.alts); n > 0 && t.alts[n-1].depth == t.depth {
				t.alts = t.alts[:n-1]
			}
			t.depth--
			return tok, nil
		case xml.CharData:
			return tok, nil
		}
	}
}

// token returns the next token of the lexer as encoding/xml's type.
func (t *Tokens) token() (xml.Token, error) {
	if tok := t.pending; tok != nil {
		t.pending = nil
		return tok, nil
	}
	lx := t.lx
	// A part repeats the same runs of tags (every row of a table, every
	// run of a paragraph): when the part goes on with the tag that
	// followed the last one the time before, that tag is taken whole,
	// unscanned, and is the element it was then.
	if p := t.last; p != nil && p.next != nil && lx.startTag(p.next.raw, len(p.next.name)) {
		return t.started(p.next), nil
	}
	if err := lx.next(); err != nil {
		if err == io.EOF && len(t.open) > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if e := lx.encoding; e != "" {
		switch strings.ToLower(e) {
		case "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "ucs-2":
			// UTF-16 was decoded from its byte order mark.
		default:
			return nil, fmt.Errorf("%w: XML encoding %q", block.ErrUnsupported, e)
		}
		lx.encoding = ""
	}
	switch lx.kind {
	case lexText:
		return xml.CharData(lx.text), nil
	case lexEnd:
		n := len(t.open)
		if n == 0 || t.open[n-1].name != string(lx.name) {
			return nil, syntaxError("end tag </%s> does not match the open element", lx.name)
		}
		tok := t.open[n-1].end
		t.open = t.open[:n-1]
		t.unbind()
		return tok, nil
	}
	// A start tag: the same tag as before is the same element, already
	// checked, unless a namespace declaration changed what it means (a
	// tag that declares one is never kept).
	el, ok := t.starts[string(lx.raw)]
	if !ok {
		if err := lx.attributes(); err != nil {
			return nil, err
		}
		declares := false
		for _, a := range lx.attrs {
			if prefix, ok := declaration(a.name); ok {
				if !declares {
					t.forget() // the same tags may mean other names from here on
					declares = true
				}
				t.bindings = append(t.bindings, binding{prefix: prefix, url: string(a.value), depth: len(t.open) + 1})
			}
		}
		se := t.start()
		el = &element{start: se, end: xml.EndElement{Name: se.Name}, name: string(lx.name)}
		if !declares && len(t.starts) < maxInterned && len(lx.raw) <= maxInternedTag {
			el.raw = string(lx.raw)
			t.starts[el.raw] = el
		}
	}
	if el.raw == "" { // not kept: nothing to predict from or to
		t.last = nil
	} else if t.last != nil {
		t.last.next = el
	}
	return t.started(el), nil
}

// started gives the element of the start tag just read, kept or not, and
// opens it, or has its end given next when the tag closes itself.
func (t *Tokens) started(el *element) xml.Token {
	if el.raw != "" {
		t.last = el
	}
	if t.lx.selfClosing {
		t.pending = el.end
		t.unbind() // a self-closing tag's own declarations end with it
		return el.start
	}
	t.open = append(t.open, el)
	return el.start
}

// element is a start tag as given: its start and end elements, boxed once,
// and its qualified name as written, which its end tag must repeat.
type element struct {
	start, end xml.Token
	name       string
	// raw is the start tag as written, its key in Tokens.starts; empty
	// when the element is not kept.
	raw string
	// next is the kept element whose start tag came next the last time
	// this one was read.
	next *element
}

// start makes the start element of the lexer's start tag.
func (t *Tokens) start() xml.StartElement {
	lx := t.lx
	se := xml.StartElement{Name: t.resolve(lx.name, true)}
	if len(lx.attrs) > 0 {
		se.Attr = make([]xml.Attr, len(lx.attrs))
		for i, a := range lx.attrs {
			se.Attr[i] = xml.Attr{Name: t.resolve(a.name, false), Value: string(a.value)}
		}
	}
	return se
}

// declaration reports whether an attribute name declares a namespace
// (xmlns, xmlns:prefix), and the prefix it binds: "" for the default
// namespace.
func declaration(name []byte) (string, bool) {
	if string(name) == "xmlns" {
		return "", true
	}
	if prefix, ok := bytes.CutPrefix(name, []byte("xmlns:")); ok && len(prefix) > 0 {
		return string(prefix), true
	}
	return "", false
}

// resolve splits a qualified name and puts it in its namespace: the URL
// bound to its prefix, the default namespace for an element without one,
// the prefix itself when it is not bound, "xmlns" for declarations. As in
// encoding/xml, a colon at either end of a name is part of its local name,
// and neither an attribute without a prefix nor an element named xmlns is
// in a namespace.
func (t *Tokens) resolve(qname []byte, element bool) xml.Name {
	prefix, local, ok := bytes.Cut(qname, []byte(":"))
	if !ok || len(prefix) == 0 || len(local) == 0 {
		if !element || string(qname) == "xmlns" {
			return xml.Name{Local: string(qname)}
		}
		prefix, local = nil, qname
	}
	switch string(prefix) {
	case "xmlns":
		return xml.Name{Space: "xmlns", Local: string(local)}
	case "xml":
		return xml.Name{Space: "http://www.w3.org/XML/1998/namespace", Local: string(local)}
	}
	for i := len(t.bindings) - 1; i >= 0; i-- {
		if b := t.bindings[i]; b.prefix == string(prefix) {
			return xml.Name{Space: b.url, Local: string(local)}
		}
	}
	return xml.Name{Space: string(prefix), Local: string(local)}
}

// unbind drops the bindings of the element just closed.
func (t *Tokens) unbind() {
	n := len(t.bindings)
	for n > 0 && t.bindings[n-1].depth > len(t.open) {
		n--
	}
	if n < len(t.bindings) {
		t.bindings = t.bindings[:n]
		t.forget()
	}
}

// forget drops the elements kept for reuse, whose names were resolved with
// the bindings that change now.
func (t *Tokens) forget() {
	clear(t.starts)
	t.last = nil
}

// alternate tracks mc:AlternateContent and reports whether the element just
// opened is a branch to skip.
func (t *Tokens) alternate(se xml.StartElement) (skip bool) {
	switch se.Name.Local {
	case "AlternateContent":
		t.alts = append(t.alts, alt{depth: t.depth})
	case "Choice", "Fallback":
		n := len(t.alts)
		if n == 0 || t.alts[n-1].depth != t.depth-1 {
			return false // a stray branch: read it
		}
		if t.alts[n-1].taken {
			return true
		}
		t.alts[n-1].taken = true
	}
	return false
}

// Skip consumes the rest of the element just opened.
func (t *Tokens) Skip() error {
	d := t.depth
	for t.depth >= d {
		if _, err := t.Next(); err != nil {
			return err
		}
	}
	return nil
}

// Text appends the character data of the element just opened to b (when b
// is not nil) and consumes the element.
func (t *Tokens) Text(b *strings.Builder) error {
	d := t.depth
	for t.depth >= d {
		tok, err := t.Next()
		if err != nil {
			return err
		}
		if cd, ok := tok.(xml.CharData); ok && b != nil {
			b.Write(cd)
		}
	}
	return nil
}

// readError turns a lexer error into a positioned error with a sentinel,
// except for the clean end of the part, which stays io.EOF.
func (t *Tokens) readError(err error) error {
	var pe *block.ParseError
	switch {
	case err == io.EOF && t.depth == 0:
		return io.EOF // the end, after the root element
	case errors.As(err, &pe):
		return err
	case errors.Is(err, errTokenTooBig):
		return t.Fail(block.Exceeded("bytes in one XML token", int64(t.lim.MaxTokenBytes)))
	case errors.Is(err, block.ErrUnsupported), errors.Is(err, block.ErrFormat):
		return t.Fail(err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return t.Fail(fmt.Errorf("%w: unexpected end of XML", block.ErrFormat))
	}
	return t.Fail(fmt.Errorf("%w: %w", block.ErrFormat, err))
}
