package pdf_test

import (
	"bytes"
	"fmt"
)

// buildPDF writes a small PDF with one page per content string, shown in
// Helvetica. A content of "BAD" gives a page whose content stream has a
// filter the reader does not decode, so that reading the page fails.
func buildPDF(contents []string) []byte {
	var objs []string
	kids := ""
	n := len(contents)
	for i := range contents {
		kids += fmt.Sprintf("%d 0 R ", 4+2*i)
	}
	objs = append(objs,
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, c := range contents {
		filter := ""
		if c == "BAD" {
			filter = "/Filter /JBIG2Decode "
		}
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			fmt.Sprintf("<< %s/Length %d >>\nstream\n%s\nendstream", filter, len(c)+1, c))
	}
	return writePDF(objs, nil)
}

// writePDF writes objects 1..len(objs) with a classic cross-reference
// table; objects in bad get the offset of object 1 plus 3.
func writePDF(objs []string, bad map[int]bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs)+1)
	for i, o := range objs {
		offsets[i+1] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for i := 1; i <= len(objs); i++ {
		off := offsets[i]
		if bad[i] {
			off = offsets[1] + 3
		}
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}
