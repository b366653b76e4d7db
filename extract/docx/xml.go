package docx

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

// XML namespaces. WordprocessingML elements are recognised in both the
// transitional and the Strict (ISO/IEC 29500 strict) namespace.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

const (
	ctxEvery   = 4096     // tokens between checks of the context
	readBuffer = 32 << 10 // bytes buffered from an inflating part
)

// isW reports whether n is a WordprocessingML element. An unbound "w"
// prefix, as some broken writers leave it, counts too.
func isW(n xml.Name) bool {
	return n.Space == nsW || n.Space == nsWStrict || n.Space == "w"
}

// attr returns the value of the attribute with local name local, whatever
// its namespace (w:val in transitional and Strict documents alike).
func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a WordprocessingML on/off property: present without a value,
// or with any value but 0/false/off, means on.
func onOff(se xml.StartElement) bool {
	v, ok := attr(se, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// errTokenTooBig is returned by tokenReader to stop the decoder; the part
// reader turns it into an error wrapping block.ErrLimit.
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

// tokens is the token stream of one part: it tracks element depth against
// MaxDepth, bounds tokens to MaxTokenBytes, checks the context every few
// thousand tokens, drops comments and processing instructions, and reads
// exactly one branch of every mc:AlternateContent (the first mc:Choice, or
// the mc:Fallback when there is no Choice), swallowing the others.
type tokens struct {
	ctx   context.Context
	dec   *xml.Decoder
	in    *tokenReader
	part  string
	lim   block.Limits
	depth int
	count int
	alts  []alt
	// block is the 1-based index of the top-level paragraph or table being
	// read, for positions.
	block int
}

func newTokens(ctx context.Context, part string, r io.Reader, lim block.Limits) *tokens {
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
	return &tokens{ctx: ctx, dec: dec, in: in, part: part, lim: lim}
}

// pos returns the position of the current top-level block.
func (t *tokens) pos() model.Pos { return model.Pos{Part: t.part, Block: t.block} }

// fail positions err in the current block.
func (t *tokens) fail(err error) error { return block.At(t.pos(), err) }

// next returns the next element or character data token. The token is
// valid until the following call.
func (t *tokens) next() (xml.Token, error) {
	for {
		t.in.n = 0
		tok, err := t.dec.Token()
		if err != nil {
			return nil, t.readError(err)
		}
		if t.count++; t.count%ctxEvery == 0 {
			if err := t.ctx.Err(); err != nil {
				return nil, t.fail(err)
			}
		}
		switch tt := tok.(type) {
		case xml.StartElement:
			t.depth++
			if t.depth > t.lim.MaxDepth {
				return nil, t.fail(block.Exceeded("nested XML elements", int64(t.lim.MaxDepth)))
			}
			if tt.Name.Space == nsMC {
				if skip := t.alternate(tt); skip {
					if err := t.skip(); err != nil {
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
func (t *tokens) alternate(se xml.StartElement) (skip bool) {
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

// skip consumes the rest of the element just opened.
func (t *tokens) skip() error {
	d := t.depth
	for t.depth >= d {
		if _, err := t.next(); err != nil {
			return err
		}
	}
	return nil
}

// text appends the character data of the element just opened to b (when b
// is not nil) and consumes the element.
func (t *tokens) text(b *strings.Builder) error {
	d := t.depth
	for t.depth >= d {
		tok, err := t.next()
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
func (t *tokens) readError(err error) error {
	var pe *block.ParseError
	switch {
	case err == io.EOF && t.depth == 0:
		return io.EOF // the end, after the root element
	case errors.As(err, &pe):
		return err
	case t.in.exceeded:
		return t.fail(block.Exceeded("bytes in one XML token", int64(t.lim.MaxTokenBytes)))
	case errors.Is(err, block.ErrUnsupported):
		return t.fail(err)
	case errors.Is(err, io.EOF):
		return t.fail(fmt.Errorf("%w: unexpected end of XML", block.ErrFormat))
	}
	return t.fail(fmt.Errorf("%w: %w", block.ErrFormat, err))
}
