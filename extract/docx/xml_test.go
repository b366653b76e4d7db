package docx_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
)

// TestXMLSyntax checks the XML the part lexer reads and what it refuses:
// references, CDATA, comments and processing instructions, white space
// and quoting in tags, namespaces bound below the root; and input that is
// not well-formed, or that tries entity tricks, each an error wrapping
// the expected sentinel.
func TestXMLSyntax(t *testing.T) {
	good := []struct {
		name, xml string
		want      []string
	}{
		{"predefined and character references",
			document(`<w:p><w:r><w:t>&lt;一&gt; &amp; &apos;二&quot; &#19977;&#x56DB;</w:t></w:r></w:p>`), []string{`<一> & '二" 三四`}},
		{"CDATA, comments and processing instructions",
			document(`<!-- 注 --><w:p><?mso-x y?><w:r><w:t><![CDATA[<甲>&乙]]></w:t></w:r><!-- a > b --></w:p>`), []string{"<甲>&乙"}},
		{"line ends normalised",
			document(`<w:p><w:r><w:t xml:space="preserve">一` + "\r\n" + `二` + "\r" + `三</w:t></w:r></w:p>`), []string{"一\n二\n三"}},
		{"single quotes, spaces and '>' in attribute values",
			document(`<w:p><w:r><w:t  xml:space = 'preserve' w:x="a>b" > 空格 </w:t ></w:r></w:p>`), []string{" 空格 "}},
		{"a namespace bound on an inner element",
			`<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>` +
				`<q:p xmlns:q="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><q:r><q:t>内</q:t></q:r></q:p>` +
				`<q:p><q:r><q:t>外</q:t></q:r></q:p></x:body></x:document>`, []string{"内"}},
		{"a DOCTYPE without entities in use",
			`<?xml version="1.0"?><!DOCTYPE w:document [ <!ELEMENT w:p ANY> <!ATTLIST w:p a CDATA "x>y"> ]>` + document(p("文"))[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):], []string{"文"}},
	}
	for _, tc := range good {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := read(t, buildZip(t, part{"_rels/.rels", rels("rId1 officeDocument word/document.xml")}, part{"word/document.xml", tc.xml}))
			require.NoError(t, err)
			require.Equal(t, tc.want, dump(doc))
		})
	}
	bad := []struct {
		name, xml string
		want      error
	}{
		{"an element closed by another", document(`<w:p><w:r><w:t>x</w:r></w:t></w:p>`), block.ErrFormat},
		{"an end tag with nothing open", `</w:document>` + document(p("x")), block.ErrFormat},
		{"a part cut short", document(p("x"))[:120], block.ErrFormat},
		{"an unquoted attribute", document(`<w:p w:x=1>` + `</w:p>`), block.ErrFormat},
		{"an attribute without a value", document(`<w:p w:x>` + `</w:p>`), block.ErrFormat},
		{"an attribute not closed", document(`<w:p w:x="1>` + `</w:p>`), block.ErrFormat},
		{"an unknown entity", document(`<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>`), block.ErrFormat},
		{"an entity declared in the DOCTYPE",
			`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "十十十十十十十十十十">]>` + document(`<w:p><w:r><w:t>&a;</w:t></w:r></w:p>`)[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):], block.ErrFormat},
		{"nested entities (a billion laughs)",
			`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">` + strings.Repeat(`<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">`, 1) + `]>` +
				document(`<w:p><w:r><w:t>&b;</w:t></w:r></w:p>`)[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):], block.ErrFormat},
		{"an external entity", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>` +
			document(`<w:p><w:r><w:t>&e;</w:t></w:r></w:p>`)[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):], block.ErrFormat},
		{"a character reference to nothing", document(`<w:p><w:r><w:t>&#0;</w:t></w:r></w:p>`), block.ErrFormat},
		{"'&' alone", document(`<w:p><w:r><w:t>a & b</w:t></w:r></w:p>`), block.ErrFormat},
		{"text that is not UTF-8", document(`<w:p><w:r><w:t>` + "\xb5\xa5\xce\xbb" + `</w:t></w:r></w:p>`), block.ErrFormat},
		{"a GBK part", `<?xml version="1.0" encoding="GBK"?>` + document(p("x"))[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):], block.ErrUnsupported},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := read(t, buildZip(t, part{"_rels/.rels", rels("rId1 officeDocument word/document.xml")}, part{"word/document.xml", tc.xml}))
			require.Nil(t, doc)
			require.ErrorIs(t, err, tc.want)
			var pe *block.ParseError
			require.ErrorAs(t, err, &pe)
		})
	}
}

// TestLongTokens checks tokens near MaxTokenBytes: a text run and a tag
// just under it are read, one just over it is refused with ErrLimit,
// whatever the buffer they were read in.
func TestLongTokens(t *testing.T) {
	lim := block.Limits{MaxTokenBytes: 100 << 10}
	text := strings.Repeat("字", (90<<10)/3)
	for _, body := range []string{
		`<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>`,
		`<w:p w:x="` + text + `"><w:r><w:t>x</w:t></w:r></w:p>`,
	} {
		data := docxOf(t, body)
		doc, err := readWith(t, data, lim)
		require.NoError(t, err)
		require.NotEmpty(t, doc.Blocks)
		over := strings.ReplaceAll(body, text, text+text)
		_, err = readWith(t, docxOf(t, over), lim)
		require.ErrorIs(t, err, block.ErrLimit)
	}
}
