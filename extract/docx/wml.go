package docx

import (
	"encoding/xml"
	"strings"

	"github.com/hotline12345/bulletin/extract/internal/ooxml"
)

// WordprocessingML namespaces: elements are recognised in both the
// transitional and the Strict (ISO/IEC 29500 strict) namespace.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// isW reports whether n is a WordprocessingML element. An unbound "w"
// prefix, as some broken writers leave it, counts too.
func isW(n xml.Name) bool {
	return n.Space == nsW || n.Space == nsWStrict || n.Space == "w"
}

// onOff reads a WordprocessingML on/off property: present without a value,
// or with any value but 0/false/off, means on.
func onOff(se xml.StartElement) bool {
	v, ok := ooxml.Attr(se, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}
