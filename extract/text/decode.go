package text

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Encoding names reported by [Decode].
const (
	UTF8    = "UTF-8"
	UTF16LE = "UTF-16LE"
	UTF16BE = "UTF-16BE"
	GB18030 = "GB18030"
)

// maxBadRatio is the share of undecodable or control characters above which
// input is rejected as not text. Real GBK files decode with none; a stray
// byte or two in a long file is tolerated and shows as U+FFFD.
const maxBadRatio = 0.01

// Decode turns the bytes of a text file into a string. It recognises a
// UTF-8, UTF-16 or GB18030 byte order mark; without one, input whose zero
// bytes fall every other byte is UTF-16 (little- or big-endian, as the
// zeros fall), input that is valid UTF-8 is UTF-8, and anything else is
// decoded as GB18030 (which includes GBK and GB2312). Input in which more
// than 1% of the characters are undecodable or control characters is not
// text: the error wraps [block.ErrFormat] and gives the line of the first
// bad character.
func Decode(data []byte) (s string, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		s, enc = string(data[3:]), UTF8
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		s, enc = decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), data), UTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, enc = decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), data), UTF16BE
	case bytes.HasPrefix(data, []byte{0x84, 0x31, 0x95, 0x33}):
		s, enc = decodeWith(simplifiedchinese.GB18030, data[4:]), GB18030
	case decodeUTF16(data, &s, &enc):
	case utf8.Valid(data):
		s, enc = string(data), UTF8
	default:
		s, enc = decodeWith(simplifiedchinese.GB18030, data), GB18030
	}
	if err := checkText(s, enc); err != nil {
		return "", enc, err
	}
	return s, enc, nil
}

// utf16Sample is how many bytes utf16Order looks at.
const utf16Sample = 64 << 10

// utf16Order recognises UTF-16 without a byte order mark by its zero
// bytes: text in any script has characters below U+0100 (digits, spaces,
// line ends), whose high byte is zero, so zeros fall on odd offsets
// (little-endian) or on even ones (big-endian) and hardly on the other.
// Text in UTF-8 or GB18030 has no zero bytes. It returns UTF16LE, UTF16BE
// or "".
func utf16Order(data []byte) string {
	n := min(len(data), utf16Sample) &^ 1
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	least := max(1, n/2/100) // zeros in at least 1% of the characters
	switch {
	case odd >= least && even*10 <= odd:
		return UTF16LE
	case even >= least && odd*10 <= even:
		return UTF16BE
	}
	return ""
}

// decodeUTF16 decodes data as UTF-16 without a byte order mark when its
// zero bytes say so and the result is text, setting s and enc.
func decodeUTF16(data []byte, s, enc *string) bool {
	order := utf16Order(data)
	endian := xunicode.LittleEndian
	switch order {
	case "":
		return false
	case UTF16BE:
		endian = xunicode.BigEndian
	}
	text := decodeWith(xunicode.UTF16(endian, xunicode.IgnoreBOM), data)
	if checkText(text, order) != nil {
		// Binary data with zeros in it: judged as what it is otherwise.
		return false
	}
	*s, *enc = text, order
	return true
}

func decodeWith(e encoding.Encoding, data []byte) string {
	// The x/text decoders never fail: bytes they cannot map become U+FFFD,
	// which checkText counts.
	out, _ := e.NewDecoder().Bytes(data)
	return string(out)
}

// CheckDecoded applies Decode's guard to text another reader decoded
// itself (a web page in its declared charset): more than 1% undecodable or
// control characters is not text, an error wrapping [block.ErrFormat] at
// the line of the first bad character. enc names the encoding s was
// decoded from, for the message.
func CheckDecoded(s []byte, enc string) error { return checkText(s, enc) }

// checkText rejects decoded input that is mostly not characters.
func checkText[T string | []byte](s T, enc string) error {
	total, bad, firstBad := 0, 0, -1 // firstBad: the byte offset
	for i := 0; i < len(s); {
		c := s[i]
		// Printable ASCII, and the three-byte characters of most Chinese
		// text (U+1000-U+FFFF but the surrogates: lead bytes E1-EC and
		// EE-EF before any two continuation bytes), are told without
		// decoding; of the latter only U+FFFD is bad.
		if c >= ' ' && c < 0x7f || c == '\n' {
			i++
			total++
			continue
		}
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if c == 0xEF && s[i+1] == 0xBF && s[i+2] == 0xBD {
				bad++
				if firstBad < 0 {
					firstBad = i
				}
			}
			i += 3
			total++
			continue
		}
		r, size := rune(c), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		}
		if r == utf8.RuneError || (r <= 0x9f && unicode.IsControl(r) && r != '\t' && r != '\r' && r != '\f') {
			bad++
			if firstBad < 0 {
				firstBad = i
			}
		}
		i += size
		total++
	}
	if bad > 0 && float64(bad) > maxBadRatio*float64(total) {
		// The line is counted only for text refused.
		line := 1
		for _, c := range []byte(s[:firstBad]) {
			if c == '\n' {
				line++
			}
		}
		return block.At(model.Pos{Line: line},
			fmt.Errorf("%w: not text: %d of %d characters are undecodable or control characters (read as %s)", block.ErrFormat, bad, total, enc))
	}
	return nil
}
