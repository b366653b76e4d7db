package font

import (
	"strconv"
	"strings"
)

// glyphNames are the Adobe glyph names of the ASCII range, of Latin-1
// (added from latin1Names) and of the other glyphs of the WinAnsi,
// MacRoman and Standard encodings. CJK glyphs have no names of their own
// in the Adobe glyph list; fonts name them uniXXXX, which glyphRune reads.
var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$',
	"percent": '%', "ampersand": '&', "quotesingle": '\'', "quoteright": '’', "parenleft": '(',
	"parenright": ')', "asterisk": '*', "plus": '+', "comma": ',', "hyphen": '-',
	"period": '.', "slash": '/', "zero": '0', "one": '1', "two": '2', "three": '3',
	"four": '4', "five": '5', "six": '6', "seven": '7', "eight": '8', "nine": '9',
	"colon": ':', "semicolon": ';', "less": '<', "equal": '=', "greater": '>',
	"question": '?', "at": '@', "bracketleft": '[', "backslash": '\\', "bracketright": ']',
	"asciicircum": '^', "underscore": '_', "grave": '`', "quoteleft": '‘', "braceleft": '{',
	"bar": '|', "braceright": '}', "asciitilde": '~', "endash": '–', "emdash": '—',
	"bullet": '•', "periodcentered": '·', "quotedblleft": '“', "quotedblright": '”',
	"ellipsis": '…', "minus": '−', "degree": '°', "multiply": '×', "divide": '÷',
	"nbspace": '\u00a0', "fi": 'ﬁ', "fl": 'ﬂ',
	"Euro": '€', "quotesinglbase": '‚', "florin": 'ƒ', "quotedblbase": '„', "dagger": '†',
	"daggerdbl": '‡', "circumflex": 'ˆ', "perthousand": '‰', "Scaron": 'Š', "guilsinglleft": '‹',
	"OE": 'Œ', "Zcaron": 'Ž', "tilde": '˜', "trademark": '™', "scaron": 'š', "guilsinglright": '›',
	"oe": 'œ', "zcaron": 'ž', "Ydieresis": 'Ÿ', "fraction": '⁄', "dotlessi": 'ı', "Lslash": 'Ł',
	"lslash": 'ł', "breve": '˘', "dotaccent": '˙', "ring": '˚', "hungarumlaut": '˝', "ogonek": '˛',
	"caron": 'ˇ', "sfthyphen": '\u00ad', "middot": '·', "dotlessj": 'ȷ',
}

// latin1Names are the glyph names of U+00A1 to U+00FF in order.
var latin1Names = [...]string{
	"exclamdown", "cent", "sterling", "currency", "yen", "brokenbar", "section", "dieresis",
	"copyright", "ordfeminine", "guillemotleft", "logicalnot", "sfthyphen", "registered", "macron",
	"degree", "plusminus", "twosuperior", "threesuperior", "acute", "mu", "paragraph",
	"periodcentered", "cedilla", "onesuperior", "ordmasculine", "guillemotright", "onequarter",
	"onehalf", "threequarters", "questiondown", "Agrave", "Aacute", "Acircumflex", "Atilde",
	"Adieresis", "Aring", "AE", "Ccedilla", "Egrave", "Eacute", "Ecircumflex", "Edieresis",
	"Igrave", "Iacute", "Icircumflex", "Idieresis", "Eth", "Ntilde", "Ograve", "Oacute",
	"Ocircumflex", "Otilde", "Odieresis", "multiply", "Oslash", "Ugrave", "Uacute", "Ucircumflex",
	"Udieresis", "Yacute", "Thorn", "germandbls", "agrave", "aacute", "acircumflex", "atilde",
	"adieresis", "aring", "ae", "ccedilla", "egrave", "eacute", "ecircumflex", "edieresis",
	"igrave", "iacute", "icircumflex", "idieresis", "eth", "ntilde", "ograve", "oacute",
	"ocircumflex", "otilde", "odieresis", "divide", "oslash", "ugrave", "uacute", "ucircumflex",
	"udieresis", "yacute", "thorn", "ydieresis",
}

func init() {
	for i, n := range latin1Names {
		if _, ok := glyphNames[n]; !ok {
			glyphNames[n] = rune(0xa1 + i)
		}
	}
}

// glyphRune maps a glyph name to its character: the names above, single
// letters, and the uniXXXX and uXXXX[XX] forms.
func glyphRune(name string) (rune, bool) {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i] // "one.tnum"
	}
	if r, ok := glyphNames[name]; ok {
		return r, true
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return rune(name[0]), true
	}
	hex := ""
	switch {
	case strings.HasPrefix(name, "uni") && len(name) >= 7:
		hex = name[3:7]
	case strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7:
		hex = name[1:]
	}
	if hex != "" {
		if v, err := strconv.ParseUint(hex, 16, 32); err == nil && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF) {
			return rune(v), true
		}
	}
	return 0, false
}
