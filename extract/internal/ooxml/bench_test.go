package ooxml_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/ooxml"
)

// tablePart is a main document part holding a table of rows rows and
// eight columns, each cell one paragraph with run properties, as word
// processors write them.
func tablePart(rows int) string {
	var b strings.Builder
	b.WriteString(decl + `<w:document xmlns:w="` + nsW + `"><w:body><w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>`)
	for r := range rows {
		b.WriteString(`<w:tr><w:trPr><w:trHeight w:val="300"/></w:trPr>`)
		for c := range 8 {
			fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`+
				`<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>`+
				`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="21"/></w:rPr><w:t>%d</w:t></w:r></w:p></w:tc>`, 1000+c*10, r*8+c)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl></w:body></w:document>`)
	return b.String()
}

// BenchmarkTokens reads a 500-row table part through the token stream.
func BenchmarkTokens(b *testing.B) {
	part := tablePart(500)
	lim := block.Limits{}.WithDefaults()
	b.SetBytes(int64(len(part)))
	b.ReportAllocs()
	for b.Loop() {
		t := ooxml.NewTokens(context.Background(), "word/document.xml", strings.NewReader(part), lim)
		for {
			if _, err := t.Next(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}
