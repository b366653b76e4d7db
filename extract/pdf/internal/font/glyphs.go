package font

import (
	"strconv"
	"strings"
)

// glyphNames are the Adobe glyph names of the ASCII range and the few
// others that bulletins print with simple fonts. Issue 5 adds the full
// glyph list for Type3 fonts without a ToUnicode map.
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
