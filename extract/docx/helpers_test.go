package docx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/docx"
)

// part is one entry of a zip package built in a test.
type part struct {
	name, body string
}

// buildZip builds a zip package from parts, deflated, in order.
func buildZip(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	nsDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
		`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
		`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
		`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
		`xmlns:v="urn:schemas-microsoft-com:vml" ` +
		`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"`
	relsNS      = `http://schemas.openxmlformats.org/package/2006/relationships`
	relTypeBase = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	contentType = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/></Types>`
)

// rels returns a relationships part; each rel is "Id Type Target".
func rels(list ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + relsNS + `">`)
	for _, r := range list {
		f := strings.Fields(r)
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s%s" Target="%s"/>`, f[0], relTypeBase, f[1], f[2])
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// document wraps body content in a w:document with the usual namespaces.
func document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + nsDecl + `><w:body>` + body + `</w:body></w:document>`
}

// docxOf builds a minimal DOCX whose body is body, plus extra parts.
func docxOf(t testing.TB, body string, extra ...part) []byte {
	t.Helper()
	parts := []part{
		{"[Content_Types].xml", contentType},
		{"_rels/.rels", rels("rId1 officeDocument word/document.xml")},
		{"word/document.xml", document(body)},
	}
	return buildZip(t, append(parts, extra...)...)
}

// read reads a DOCX built in a test with default limits.
func read(t testing.TB, data []byte) (*block.Document, error) {
	t.Helper()
	return docx.Read(context.Background(), bytes.NewReader(data), int64(len(data)), block.Limits{})
}

// dump renders blocks compactly for comparison: a paragraph as its text
// (prefixed "H:" or "F:" in headers and footers), a table as "table" and
// one line per row with its cells between bars, spans as {rN} and {cN},
// header rows marked "(header)".
func dump(doc *block.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *block.Paragraph:
			prefix := map[block.Region]string{block.Body: "", block.Header: "H:", block.Footer: "F:"}[b.Region]
			out = append(out, prefix+b.Text)
		case *block.Table:
			out = append(out, "table")
			for _, r := range b.Rows {
				var s strings.Builder
				s.WriteString("|")
				for _, c := range r.Cells {
					s.WriteString(" " + c.Text)
					if c.RowSpan > 1 {
						fmt.Fprintf(&s, "{r%d}", c.RowSpan)
					}
					if c.ColSpan > 1 {
						fmt.Fprintf(&s, "{c%d}", c.ColSpan)
					}
					s.WriteString(" |")
				}
				if r.Header {
					s.WriteString(" (header)")
				}
				out = append(out, s.String())
			}
		}
	}
	return out
}

// p is a paragraph of runs, each run one w:t.
func p(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, r := range runs {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// tbl is a table; each row is a list of raw w:tc contents or full w:tc
// elements (those starting "<w:tc").
func tbl(rows ...[]string) string {
	var b strings.Builder
	b.WriteString("<w:tbl><w:tblPr/><w:tblGrid/>")
	for _, r := range rows {
		b.WriteString("<w:tr>")
		for _, c := range r {
			if strings.HasPrefix(c, "<w:tc") || strings.HasPrefix(c, "<w:trPr") || strings.HasPrefix(c, "<w:sdt") {
				b.WriteString(c)
			} else {
				b.WriteString("<w:tc>" + p(c) + "</w:tc>")
			}
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

// row is a shorthand for a table row's cells.
func row(cells ...string) []string { return cells }
