package font

import (
	"golang.org/x/text/encoding/charmap"

	"github.com/hotline12345/bulletin/extract/pdf/internal/object"
)

// byteEncoding returns the text of each single-byte code of a simple or
// Type3 font from its /Encoding (WinAnsi, MacRoman, Standard, and a
// /Differences array of glyph names), for fonts without a usable ToUnicode
// map. Codes it cannot map are "". With no /Encoding, or an unknown one,
// the codes are read as Latin-1, which is the standard encoding for the
// printable ASCII range.
func byteEncoding(v object.Value) [256]string {
	var t [256]string
	enc := v.Key("Encoding")
	base := enc.Name()
	if enc.Kind() == object.Dict {
		base = enc.Key("BaseEncoding").Name()
	}
	switch base {
	case "WinAnsiEncoding":
		fromCharmap(&t, charmap.Windows1252)
	case "MacRomanEncoding":
		fromCharmap(&t, charmap.Macintosh)
	case "StandardEncoding":
		t = standardEncoding()
	default:
		for i := 32; i < 256; i++ {
			if i < 127 || i >= 160 {
				t[i] = string(rune(i))
			}
		}
	}
	if enc.Kind() != object.Dict {
		return t
	}
	diff := enc.Key("Differences")
	code := -1
	for i := 0; i < diff.Len(); i++ {
		e := diff.Index(i)
		switch e.Kind() {
		case object.Integer, object.Real:
			code = e.Int()
		case object.Name:
			if code >= 0 && code < 256 {
				t[code] = ""
				if r, ok := glyphRune(e.Name()); ok {
					t[code] = string(r)
				}
			}
			code++
		}
	}
	return t
}

func fromCharmap(t *[256]string, m *charmap.Charmap) {
	for i := 32; i < 256; i++ {
		if r := m.DecodeByte(byte(i)); r != '\uFFFD' && i != 127 {
			t[i] = string(r)
		}
	}
}

// standardEncoding is Adobe's StandardEncoding: ASCII with typographic
// quotes, and accents and ligatures in the upper half.
func standardEncoding() [256]string {
	var t [256]string
	for i := 32; i < 127; i++ {
		t[i] = string(rune(i))
	}
	t['\''] = "’"
	t['`'] = "‘"
	upper := map[byte]string{
		0xa1: "¡", 0xa2: "¢", 0xa3: "£", 0xa4: "⁄", 0xa5: "¥", 0xa6: "ƒ", 0xa7: "§", 0xa8: "¤",
		0xa9: "'", 0xaa: "“", 0xab: "«", 0xac: "‹", 0xad: "›", 0xae: "ﬁ", 0xaf: "ﬂ", 0xb1: "–",
		0xb2: "†", 0xb3: "‡", 0xb4: "·", 0xb6: "¶", 0xb7: "•", 0xb8: "‚", 0xb9: "„", 0xba: "”",
		0xbb: "»", 0xbc: "…", 0xbd: "‰", 0xbf: "¿", 0xc1: "`", 0xc2: "´", 0xc3: "ˆ", 0xc4: "˜",
		0xc5: "¯", 0xc6: "˘", 0xc7: "˙", 0xc8: "¨", 0xca: "˚", 0xcb: "¸", 0xcd: "˝", 0xce: "˛",
		0xcf: "ˇ", 0xd0: "—", 0xe1: "Æ", 0xe3: "ª", 0xe8: "Ł", 0xe9: "Ø", 0xea: "Œ", 0xeb: "º",
		0xf1: "æ", 0xf5: "ı", 0xf8: "ł", 0xf9: "ø", 0xfa: "œ", 0xfb: "ß",
	}
	for c, s := range upper {
		t[c] = s
	}
	return t
}
