package html

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// ReadMHT reads a single-file web page (MHTML: .mht, .mhtml), as browsers
// and Word save one: a MIME message whose parts are the page and its
// images. The page is the part the message's "start" parameter names, or
// else its first text/html part; it is decoded from its transfer encoding
// (quoted-printable or base64) and read as ReadPage reads a page, with the
// part's charset as its Content-Type. Page.Location is the part's
// Content-Location. Errors are *block.ParseError values, whose Pos.Part
// names the MIME part, wrapping [block.ErrFormat] for a message that has
// no page or does not parse, [block.ErrLimit] for more parts than
// MaxParts or a part larger than MaxInputBytes.
func ReadMHT(ctx context.Context, r io.ReaderAt, size int64, opt Options) (*Page, error) {
	lim := opt.Limits.WithDefaults()
	data, err := readAll(r, size, lim)
	if err != nil {
		return nil, err
	}
	part, err := htmlPart(ctx, data, lim)
	if err != nil {
		return nil, err
	}
	p, err := readBytes(ctx, part.body, part.contentType, lim)
	if err != nil {
		var pe *block.ParseError
		if errors.As(err, &pe) && pe.Pos.Part == "" {
			pe.Pos.Part = part.name
		}
		return nil, err
	}
	p.Location = part.location
	return p, nil
}

// mimePart is the page's part of an MHTML message.
type mimePart struct {
	name        string // for positions: "part 1"
	contentType string
	location    string
	body        []byte
}

func htmlPart(ctx context.Context, data []byte, lim block.Limits) (*mimePart, error) {
	bad := func(pos model.Pos, format string, args ...any) error {
		return block.At(pos, fmt.Errorf("%w: MHT: %s", block.ErrFormat, fmt.Sprintf(format, args...)))
	}
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(data)))
	header, err := tp.ReadMIMEHeader()
	if err != nil && len(header) == 0 {
		return nil, bad(model.Pos{Line: 1}, "reading the message header: %v", err)
	}
	mt, params, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, bad(model.Pos{Line: 1}, "the message is not multipart (Content-Type %q)", header.Get("Content-Type"))
	}
	start := strings.Trim(params["start"], "<>")
	bodyStart := headerEnd(data)
	mr := multipart.NewReader(bytes.NewReader(data[bodyStart:]), params["boundary"])
	var first *mimePart
	for i := 1; ; i++ {
		if err := ctx.Err(); err != nil {
			return nil, block.At(model.Pos{}, err)
		}
		if i > lim.MaxParts {
			return nil, block.At(model.Pos{Part: fmt.Sprintf("part %d", i)}, block.Exceeded("MIME parts", int64(lim.MaxParts)))
		}
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		name := fmt.Sprintf("part %d", i)
		if err != nil {
			if first != nil {
				break // a damaged tail after the page: the page is read
			}
			return nil, bad(model.Pos{Part: name}, "%v", err)
		}
		ct := p.Header.Get("Content-Type")
		pmt, _, _ := mime.ParseMediaType(ct)
		id := strings.Trim(p.Header.Get("Content-ID"), "<>")
		isStart := start != "" && (id == start || p.Header.Get("Content-Location") == start)
		if pmt != "text/html" && pmt != "application/xhtml+xml" && !isStart {
			continue
		}
		if first != nil && !isStart {
			continue
		}
		body, err := partBody(p, lim)
		if err != nil {
			return nil, block.At(model.Pos{Part: name}, err)
		}
		mp := &mimePart{name: name, contentType: ct, location: p.Header.Get("Content-Location"), body: body}
		if isStart || start == "" {
			return mp, nil
		}
		first = mp
	}
	if first == nil {
		return nil, bad(model.Pos{}, "no text/html part")
	}
	return first, nil
}

// headerEnd returns the offset of the body after a message header.
func headerEnd(data []byte) int {
	for _, sep := range [][]byte{[]byte("\r\n\r\n"), []byte("\n\n")} {
		if i := bytes.Index(data, sep); i >= 0 {
			return i + len(sep)
		}
	}
	return len(data)
}

// partBody decodes a part's transfer encoding, within the input limit.
func partBody(p *multipart.Part, lim block.Limits) ([]byte, error) {
	var r io.Reader = p
	switch strings.ToLower(strings.TrimSpace(p.Header.Get("Content-Transfer-Encoding"))) {
	case "quoted-printable":
		r = quotedprintable.NewReader(p)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, p) // which skips line ends
	}
	body, err := io.ReadAll(io.LimitReader(r, lim.MaxInputBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: MHT: decoding the page: %v", block.ErrFormat, err)
	}
	if int64(len(body)) > lim.MaxInputBytes {
		return nil, block.Exceeded("input bytes", lim.MaxInputBytes)
	}
	return body, nil
}
