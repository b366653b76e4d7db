package ooxml_test

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/ooxml"
)

const (
	decl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
	nsW  = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`
)

// document wraps body in a w:document root binding w and mc.
func document(body string) string {
	return `<w:document xmlns:w="` + nsW + `" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
		body + `</w:body></w:document>`
}

// tokens reads a part whole through Tokens, one byte per Read when
// oneByte (so that every token straddles a refill), and renders it as
// render does.
func tokens(part string, lim block.Limits, oneByte bool) ([]string, error) {
	var r io.Reader = strings.NewReader(part)
	if oneByte {
		r = iotest.OneByteReader(r)
	}
	t := ooxml.NewTokens(context.Background(), "part.xml", r, lim.WithDefaults())
	var out []string
	for {
		tok, err := t.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, render(tok))
	}
}

// decoded is what encoding/xml makes of a part, rendered the same way,
// without the comments, processing instructions and directives Tokens
// drops.
func decoded(part string) ([]string, error) {
	dec := xml.NewDecoder(strings.NewReader(part))
	var out []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch tok.(type) {
		case xml.StartElement, xml.EndElement, xml.CharData:
			out = append(out, render(tok))
		}
	}
}

// render writes a token as {space}local with its attributes, /{space}local
// for an end element, and quoted character data.
func render(tok xml.Token) string {
	switch tt := tok.(type) {
	case xml.StartElement:
		var b strings.Builder
		fmt.Fprintf(&b, "{%s}%s", tt.Name.Space, tt.Name.Local)
		for _, a := range tt.Attr {
			fmt.Fprintf(&b, " {%s}%s=%q", a.Name.Space, a.Name.Local, a.Value)
		}
		return b.String()
	case xml.EndElement:
		return fmt.Sprintf("/{%s}%s", tt.Name.Space, tt.Name.Local)
	case xml.CharData:
		return fmt.Sprintf("%q", string(tt))
	}
	return fmt.Sprintf("%T", tok)
}

// text is the character data of rendered tokens, joined.
func text(toks []string) string {
	var b strings.Builder
	for _, s := range toks {
		if strings.HasPrefix(s, `"`) {
			var v string
			fmt.Sscanf(s, "%q", &v)
			b.WriteString(v)
		}
	}
	return b.String()
}

// wellFormed are parts the token stream must read as encoding/xml does,
// and the text they hold.
var wellFormed = []struct {
	name, xml, want string
}{
	{"predefined and character references",
		decl + document(`<w:p><w:r><w:t>&lt;一&gt; &amp; &apos;二&quot; &#19977;&#x56DB;</w:t></w:r></w:p>`), `<一> & '二" 三四`},
	{"CDATA, comments and processing instructions",
		decl + document(`<!-- 注 --><w:p><?mso-x y?><w:r><w:t><![CDATA[<甲>&乙]]></w:t></w:r><!-- a > b --></w:p>`), "<甲>&乙"},
	{"line ends normalised",
		decl + document(`<w:p><w:r><w:t xml:space="preserve">一`+"\r\n"+`二`+"\r"+`三</w:t><w:t a="x`+"\r\n"+`y"/></w:r></w:p>`), "一\n二\n三"},
	{"single quotes, spaces and '>' in attribute values",
		decl + document(`<w:p><w:r><w:t  xml:space = 'preserve' w:x="a>b" > 空格 </w:t ></w:r></w:p>`), " 空格 "},
	{"references in attribute values",
		decl + document(`<w:p w:a="&lt;&amp;&#x41;" w:b='&quot;'/>`), ""},
	{"a namespace bound on an inner element",
		decl + `<x:document xmlns:x="` + nsW + `"><x:body>` +
			`<q:p xmlns:q="` + nsW + `"><q:r><q:t>内</q:t></q:r></q:p>` +
			`<q:p><q:r><q:t>外</q:t></q:r></q:p></x:body></x:document>`, "内外"},
	{"the same tag under another binding",
		`<root xmlns:a="urn:one"><a:x a:k="1">一</a:x><in xmlns:a="urn:two"><a:x a:k="1">二</a:x></in><a:x a:k="1">三</a:x>` +
			`<a:y xmlns:a="urn:three"/><a:y/></root>`, "一二三"},
	{"a run of tags repeated under another binding",
		`<root xmlns:a="urn:one"><a:x>1</a:x><a:y k="v"/><a:x>2</a:x><a:y k="v"/>` +
			`<in xmlns:a="urn:two"><a:x>3</a:x><a:y k="v"/><a:x>4</a:x><a:y k="v"/></in><a:x>5</a:x><a:y k="v"/></root>`, "12345"},
	{"a default namespace, and its undoing",
		`<root xmlns="urn:d"><c>一</c><c xmlns=""><c>二</c></c><c>三</c></root>`, "一二三"},
	{"an unbound prefix stays as the space",
		`<w:document><w:body><w:p/></w:body></w:document>`, ""},
	{"self-closing tags, repeated",
		`<r><c r="A1"/><c r="A1"/><c r="A1"></c><c r="A1" /></r>`, ""},
	{"a DOCTYPE without entities in use",
		`<?xml version="1.0"?><!DOCTYPE w:document [ <!ELEMENT w:p ANY> <!ATTLIST w:p a CDATA "x>y"> ]>` + document(`<w:p><w:r><w:t>文</w:t></w:r></w:p>`), "文"},
}

// TestXMLSyntax checks the XML the token stream reads and what it refuses:
// references, CDATA, comments and processing instructions, white space
// and quoting in tags, namespaces bound below the root and rebound, a
// DOCTYPE; each well-formed part gives the tokens encoding/xml gives, read
// whole or one byte at a time. Input that is not well-formed, or that
// tries entity tricks, is each an error wrapping the expected sentinel.
func TestXMLSyntax(t *testing.T) {
	for _, tc := range wellFormed {
		t.Run(tc.name, func(t *testing.T) {
			want, err := decoded(tc.xml)
			require.NoError(t, err)
			for _, oneByte := range []bool{false, true} {
				got, err := tokens(tc.xml, block.Limits{}, oneByte)
				require.NoError(t, err)
				require.Equal(t, want, got, "one byte per read: %v", oneByte)
				require.Equal(t, tc.want, text(got))
			}
		})
	}
	bad := []struct {
		name, xml string
		want      error
	}{
		{"an element closed by another", document(`<w:p><w:r><w:t>x</w:r></w:t></w:p>`), block.ErrFormat},
		{"an end tag with nothing open", `</w:document>` + document(`<w:p/>`), block.ErrFormat},
		{"a part cut short", document(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)[:120], block.ErrFormat},
		{"a part cut inside a tag", `<r><c a="1`, block.ErrFormat},
		{"an unquoted attribute", document(`<w:p w:x=1></w:p>`), block.ErrFormat},
		{"an attribute without a value", document(`<w:p w:x></w:p>`), block.ErrFormat},
		{"an attribute not closed", document(`<w:p w:x="1></w:p>`), block.ErrFormat},
		{"attributes without space between them", document(`<w:p w:x="1"w:y="2"></w:p>`), block.ErrFormat},
		{"a tag name starting with a digit", `<1a></1a>`, block.ErrFormat},
		{"an unknown entity", document(`<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>`), block.ErrFormat},
		{"an unknown entity in an attribute", document(`<w:p w:x="&nbsp;"/>`), block.ErrFormat},
		{"an entity declared in the DOCTYPE",
			`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "十十十十十十十十十十">]>` + document(`<w:p><w:r><w:t>&a;</w:t></w:r></w:p>`), block.ErrFormat},
		{"nested entities (a billion laughs)",
			`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
				document(`<w:p><w:r><w:t>&b;</w:t></w:r></w:p>`), block.ErrFormat},
		{"an external entity", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>` +
			document(`<w:p><w:r><w:t>&e;</w:t></w:r></w:p>`), block.ErrFormat},
		{"a character reference to nothing", document(`<w:p><w:r><w:t>&#0;</w:t></w:r></w:p>`), block.ErrFormat},
		{"'&' alone", document(`<w:p><w:r><w:t>a & b</w:t></w:r></w:p>`), block.ErrFormat},
		{"text that is not UTF-8", document(`<w:p><w:r><w:t>` + "\xb5\xa5\xce\xbb" + `</w:t></w:r></w:p>`), block.ErrFormat},
		{"a tag that is not UTF-8", `<r a="` + "\xb5\xa5" + `"/>`, block.ErrFormat},
		{"a GBK part", `<?xml version="1.0" encoding="GBK"?>` + document(`<w:p/>`), block.ErrUnsupported},
		{"elements nested past MaxDepth", strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300), block.ErrLimit},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			for _, oneByte := range []bool{false, true} {
				_, err := tokens(tc.xml, block.Limits{MaxDepth: 256}, oneByte)
				require.ErrorIs(t, err, tc.want, "one byte per read: %v", oneByte)
				var pe *block.ParseError
				require.ErrorAs(t, err, &pe)
				require.Equal(t, "part.xml", pe.Pos.Part)
			}
		})
	}
}

// TestLongTokens checks tokens near MaxTokenBytes: a text node, an
// attribute, a comment and a DOCTYPE just under it are read, one just over
// it is refused with ErrLimit, whatever the size of the reads.
func TestLongTokens(t *testing.T) {
	lim := block.Limits{MaxTokenBytes: 100 << 10}
	long := strings.Repeat("字", (90<<10)/3)
	for _, part := range []string{
		`<r><t>` + long + `</t></r>`,
		`<r><t x="` + long + `">x</t></r>`,
		`<r><!--` + long + `--><t>x</t></r>`,
		`<!DOCTYPE r [<!ATTLIST r a CDATA "` + long + `">]><r><t>x</t></r>`,
	} {
		for _, oneByte := range []bool{false, true} {
			_, err := tokens(part, lim, oneByte)
			require.NoError(t, err)
			over := strings.ReplaceAll(part, long, long+long)
			_, err = tokens(over, lim, oneByte)
			require.ErrorIs(t, err, block.ErrLimit)
		}
	}
}

// TestUTF16 reads a part saved as UTF-16 (either byte order, as its byte
// order mark says) like the same part in UTF-8.
func TestUTF16(t *testing.T) {
	part := `<?xml version="1.0" encoding="UTF-16"?>` + document(`<w:p><w:r><w:t>十六位</w:t></w:r></w:p>`)
	for _, bigEndian := range []bool{false, true} {
		u := []byte{0xFF, 0xFE}
		if bigEndian {
			u = []byte{0xFE, 0xFF}
		}
		for _, r := range part {
			if bigEndian {
				u = append(u, byte(r>>8), byte(r))
			} else {
				u = append(u, byte(r), byte(r>>8))
			}
		}
		got, err := tokens(string(u), block.Limits{}, false)
		require.NoError(t, err)
		require.Equal(t, "十六位", text(got))
	}
}

// TestAlternateContent reads one branch of every mc:AlternateContent: the
// first Choice, or the Fallback when there is none.
func TestAlternateContent(t *testing.T) {
	part := document(`<mc:AlternateContent><mc:Choice Requires="w14">甲</mc:Choice><mc:Choice>乙</mc:Choice><mc:Fallback>丙</mc:Fallback></mc:AlternateContent>` +
		`<mc:AlternateContent><mc:Fallback>丁</mc:Fallback></mc:AlternateContent>`)
	got, err := tokens(part, block.Limits{}, false)
	require.NoError(t, err)
	require.Equal(t, "甲丁", text(got))
}

// TestCancel stops a read whose context ends, with the context's error.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	part := `<r>` + strings.Repeat(`<c/>`, 10000) + `</r>`
	tk := ooxml.NewTokens(ctx, "part.xml", strings.NewReader(part), block.Limits{}.WithDefaults())
	var err error
	for err == nil {
		_, err = tk.Next()
	}
	require.True(t, errors.Is(err, context.Canceled), "%v", err)
}
