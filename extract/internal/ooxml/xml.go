package ooxml

import (
	"bufio"
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
	ctxEvery   = 4096     // tokens between checks of the context
	readBuffer = 32 << 10 // bytes buffered from an inflating part
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

// errTokenTooBig is returned by tokenReader to stop the decoder; Next
// turns it into an error wrapping block.ErrLimit.
var errTokenTooBig = errors.New("xml token too big")

// tokenReader feeds the XML decoder byte by byte (the decoder reads through
// io.ByteReader when it can) and counts the bytes of the token being read,
// so that one huge attribute or text node stops at MaxTokenBytes instead of
// being buffered whole.
type tokenReader struct {
	r        *bufio.Reader
	n, max   int
	exceeded bool
}

func (t *tokenReader) ReadByte() (byte, error) {
	if t.n >= t.max {
		t.exceeded = true
		return 0, errTokenTooBig
	}
	t.n++
	return t.r.ReadByte()
}

func (t *tokenReader) Read(p []byte) (int, error) {
	if len(p) > t.max-t.n {
		p = p[:max(t.max-t.n, 0)]
	}
	if len(p) == 0 {
		t.exceeded = true
		return 0, errTokenTooBig
	}
	n, err := t.r.Read(p)
	t.n += n
	return n, err
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
type Tokens struct {
	// Pos is where errors are reported: the part, and what the caller
	// keeps up to date while it reads (the block, row or cell).
	Pos   model.Pos
	ctx   context.Context
	dec   *xml.Decoder
	in    *tokenReader
	lim   block.Limits
	depth int
	count int
	alts  []alt
}

// NewTokens returns the token stream of the part named part, read from r.
func NewTokens(ctx context.Context, part string, r io.Reader, lim block.Limits) *Tokens {
	br := bufio.NewReaderSize(r, readBuffer)
	if bom, err := br.Peek(2); err == nil && (bom[0] == 0xFF && bom[1] == 0xFE || bom[0] == 0xFE && bom[1] == 0xFF) {
		// A part saved as UTF-16: decode it to UTF-8 first.
		br = bufio.NewReaderSize(transform.NewReader(br, unicode.BOMOverride(unicode.UTF8.NewDecoder())), readBuffer)
	}
	in := &tokenReader{r: br, max: lim.MaxTokenBytes}
	dec := xml.NewDecoder(in)
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf-16le", "utf-16be", "ucs-2":
			return r, nil // already decoded from its BOM
		}
		return nil, fmt.Errorf("%w: XML encoding %q", block.ErrUnsupported, label)
	}
	return &Tokens{Pos: model.Pos{Part: part}, ctx: ctx, dec: dec, in: in, lim: lim}
}

// Depth is the number of elements open: 1 inside the root element.
func (t *Tokens) Depth() int { return t.depth }

// Fail positions err at Pos.
func (t *Tokens) Fail(err error) error { return block.At(t.Pos, err) }

// Next returns the next element or character data token. The token is
// valid until the following call. The end of the part, after the root
// element, is io.EOF; every other error is a *block.ParseError.
func (t *Tokens) Next() (xml.Token, error) {
	for {
		t.in.n = 0
		tok, err := t.dec.Token()
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
			return tok, nil // the interface value itself: boxing tt again would allocate
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

// readError turns a decoder error into a positioned error with a sentinel,
// except for the clean end of the part, which stays io.EOF.
func (t *Tokens) readError(err error) error {
	var pe *block.ParseError
	switch {
	case err == io.EOF && t.depth == 0:
		return io.EOF // the end, after the root element
	case errors.As(err, &pe):
		return err
	case t.in.exceeded:
		return t.Fail(block.Exceeded("bytes in one XML token", int64(t.lim.MaxTokenBytes)))
	case errors.Is(err, block.ErrUnsupported):
		return t.Fail(err)
	case errors.Is(err, io.EOF):
		return t.Fail(fmt.Errorf("%w: unexpected end of XML", block.ErrFormat))
	}
	return t.Fail(fmt.Errorf("%w: %w", block.ErrFormat, err))
}
