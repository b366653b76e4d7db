package html

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/hotline12345/bulletin/extract/text"
)

// prescanBytes is how far into a page its <meta> charset declarations are
// looked for. Browsers look at the first 1024 bytes; pages in the wild put
// long scripts and comments first, so the whole head is read, up to this.
const prescanBytes = 64 << 10

// decoded is a page turned into UTF-8.
type decoded struct {
	text []byte
	// charset names the encoding read, and from: "GB18030 (<meta charset=gbk>)".
	charset string
	// problem is set when the declared charset was wrong and another was
	// used.
	problem string
}

// decode turns the page's bytes into UTF-8. The encoding is taken, as
// browsers do, from the first of: a byte order mark; the charset of the
// HTTP Content-Type (contentType, empty for a file); a <meta charset>; a
// <meta http-equiv="Content-Type" content="…; charset=…">. The GB2312 and
// GBK labels are read as GB18030, which contains both, as browsers read
// them. A page that declares nothing is read like a text file: UTF-8 when
// it is valid UTF-8, GB18030 otherwise. More than 1% of undecodable or
// control characters is not a page (ErrFormat). Where a declaration is
// wrong — a server that labels every page UTF-8, a template that says
// gb2312 around an article saved as UTF-8 — the next source that decodes
// the page cleanly is used, and the mismatch noted as a problem.
func decode(data []byte, contentType string) (decoded, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return checked(data[3:], "UTF-8 (byte order mark)")
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return transcode(data[2:], unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE (byte order mark)")
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return transcode(data[2:], unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE (byte order mark)")
	}
	type source struct {
		label, where string
		inMeta       bool
	}
	metaCharset, httpEquiv := prescan(data)
	sources := []source{
		{headerCharset(contentType), "HTTP charset=%s", false},
		{metaCharset, "<meta charset=%s>", true},
		{httpEquiv, "<meta http-equiv> charset=%s", true},
	}
	var firstErr error
	var wrong []string
	for _, src := range sources {
		if src.label == "" {
			continue
		}
		enc, name := lookup(src.label, src.inMeta)
		if enc == nil {
			continue
		}
		declaration := fmt.Sprintf(src.where, src.label)
		d, err := declared(data, enc, fmt.Sprintf("%s (%s)", name, declaration))
		if err == nil {
			if len(wrong) > 0 && d.problem == "" {
				d.problem = fmt.Sprintf("the page is not in the encoding %s declares; read as %s", strings.Join(wrong, " and "), d.charset)
			}
			return d, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		wrong = append(wrong, declaration)
	}
	if utf8.Valid(data) {
		return decoded{text: data, charset: "UTF-8 (undeclared)"}, nil
	}
	s, enc, err := text.Decode(data)
	if err != nil {
		if firstErr != nil {
			return decoded{}, firstErr
		}
		return decoded{}, err
	}
	d := decoded{text: []byte(s), charset: enc + " (undeclared, not UTF-8)"}
	if len(wrong) > 0 {
		d.problem = fmt.Sprintf("the page is not in the encoding %s declares; read as %s", strings.Join(wrong, " and "), d.charset)
	}
	return d, nil
}

// lookup finds the encoding a charset label names, by the WHATWG table
// browsers use. The GBK family is read as GB18030. A label found in a
// <meta> that names UTF-16 means UTF-8: the meta could not have been read
// if it were UTF-16. It returns nil for an unknown label.
func lookup(label string, inMeta bool) (encoding.Encoding, string) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, _ := htmlindex.Name(enc)
	switch {
	case enc == simplifiedchinese.GBK || enc == simplifiedchinese.GB18030:
		return simplifiedchinese.GB18030, "GB18030"
	case strings.HasPrefix(name, "utf-16") && inMeta, name == "utf-8":
		return encoding.Nop, "UTF-8"
	}
	return enc, name
}

// declared decodes data in the encoding the page declares.
// Pages whose template declares one charset while the editor saved the
// article in another are common; bytes that are valid UTF-8 and not ASCII
// are almost never text in a legacy Chinese encoding, so such a page is
// read as UTF-8, and the mismatch noted as a problem.
func declared(data []byte, enc encoding.Encoding, charset string) (decoded, error) {
	if enc == encoding.Nop {
		return checked(data, charset)
	}
	if !isASCII(data) && utf8.Valid(data) {
		return decoded{text: data, charset: "UTF-8 (valid UTF-8 against the declaration)",
			problem: fmt.Sprintf("the page declares %s but is UTF-8; read as UTF-8", charset)}, nil
	}
	return transcode(data, enc, charset)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// checked returns UTF-8 input, which must be mostly valid.
func checked(data []byte, charset string) (decoded, error) {
	if !utf8.Valid(data) {
		if err := text.CheckDecoded(data, charset); err != nil {
			return decoded{}, err
		}
	}
	return decoded{text: data, charset: charset}, nil
}

func transcode(data []byte, enc encoding.Encoding, charset string) (decoded, error) {
	// The x/text decoders do not fail: bytes they cannot map become
	// U+FFFD, which CheckDecoded counts. A Chinese page grows by half at
	// most (two bytes for three), so the output is allocated once.
	out, _, _ := transform.Append(enc.NewDecoder(), make([]byte, 0, len(data)*3/2+16), data)
	if err := text.CheckDecoded(out, charset); err != nil {
		return decoded{}, err
	}
	return decoded{text: out, charset: charset}, nil
}

// headerCharset returns the charset parameter of an HTTP Content-Type.
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return charsetParam(contentType)
	}
	return params["charset"]
}

// prescan finds the charset a page's <meta> tags declare, in its head:
// the first <meta charset> and the first <meta http-equiv=Content-Type>.
// It tokenizes the raw bytes, which is sound for every encoding a meta
// can declare (they all keep ASCII as is), and stops at <body>.
func prescan(data []byte) (metaCharset, httpEquiv string) {
	z := xhtml.NewTokenizer(bytes.NewReader(data[:min(len(data), prescanBytes)]))
	z.SetMaxBuf(prescanBytes)
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, more := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return
			case atom.Meta:
				var isContentType bool
				var content string
				for more {
					var k, v []byte
					k, v, more = z.TagAttr()
					switch string(k) {
					case "charset":
						if metaCharset == "" {
							metaCharset = strings.TrimSpace(string(v))
						}
					case "http-equiv":
						isContentType = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
					case "content":
						content = string(v)
					}
				}
				if isContentType && httpEquiv == "" {
					httpEquiv = charsetParam(content)
				}
				if metaCharset != "" && httpEquiv != "" {
					return
				}
			}
		}
	}
}

// charsetParam extracts the charset from a content value such as
// "text/html; charset=gb2312" the way browsers do, tolerating what
// mime.ParseMediaType rejects.
func charsetParam(content string) string {
	lower := strings.ToLower(content)
	i := strings.Index(lower, "charset")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(content[i+len("charset"):], " \t\r\n\f")
	if !strings.HasPrefix(rest, "=") {
		return charsetParam(rest)
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n\f")
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		q := rest[0]
		if end := strings.IndexByte(rest[1:], q); end >= 0 {
			return rest[1 : 1+end]
		}
		return ""
	}
	if end := strings.IndexAny(rest, " \t\r\n\f;"); end >= 0 {
		rest = rest[:end]
	}
	return rest
}
