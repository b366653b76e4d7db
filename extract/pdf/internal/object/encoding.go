package object

import (
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// ByteEncoding returns the text of each single-byte code of a simple font
// according to its /Encoding (WinAnsi, MacRoman, a /Differences array with
// glyph names), as the object package decodes it, for fonts without a
// usable ToUnicode map. Codes it cannot map are "". It never lets the
// object package parse a ToUnicode map (its parser has no limits): with no
// /Encoding or an unknown one the codes are read as Latin-1.
func (v Value) ByteEncoding() [256]string {
	var t [256]string
	enc := v.Key("Encoding")
	use := false
	switch enc.Kind() {
	case Dict:
		use = true
	case Name:
		use = enc.Name() == "WinAnsiEncoding" || enc.Name() == "MacRomanEncoding"
	}
	if !use {
		for i := 32; i < 256; i++ {
			if i < 127 || i >= 160 {
				t[i] = string(rune(i))
			}
		}
		return t
	}
	f := &pdf.Font{V: v.v}
	e := f.Encoder()
	for i := range t {
		s := e.Decode(string([]byte{byte(i)}))
		if r, _ := utf8.DecodeRuneInString(s); r != utf8.RuneError && r != 0 {
			t[i] = s
		}
	}
	return t
}
