// Package scan reads the lexical elements that PDF files and PDF content
// streams share: white space and comments, keywords, names, literal and
// hexadecimal strings. The object parser (package object) and the
// content-stream and CMap tokenizer (package lex) both build on it, so the
// two read the same bytes the same way.
//
// Every function takes the data and a position and returns what it read and
// the position after it; none allocates unless the element has escapes.
package scan

import "strconv"

// IsSpace reports PDF white space (NUL counts).
func IsSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// IsDelim reports a PDF delimiter.
func IsDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// IsRegular reports a character that is neither white space nor a
// delimiter.
func IsRegular(c byte) bool { return !IsSpace(c) && !IsDelim(c) }

// SkipSpace returns the position of the first byte at or after pos that is
// neither white space nor in a comment.
func SkipSpace(data []byte, pos int) int {
	for pos < len(data) {
		c := data[pos]
		switch {
		case IsSpace(c):
			pos++
		case c == '%':
			for pos < len(data) && data[pos] != '\n' && data[pos] != '\r' {
				pos++
			}
		default:
			return pos
		}
	}
	return pos
}

// Regular reads the run of regular characters at pos (a keyword, a number).
func Regular(data []byte, pos int) ([]byte, int) {
	start := pos
	for pos < len(data) && IsRegular(data[pos]) {
		pos++
	}
	return data[start:pos], pos
}

// Name reads a name's characters at pos, just after its slash, decoding
// #xx escapes. Without escapes the result is a slice of data.
func Name(data []byte, pos int) ([]byte, int) {
	raw, pos := Regular(data, pos)
	escaped := false
	for _, c := range raw {
		if c == '#' {
			escaped = true
			break
		}
	}
	if !escaped {
		return raw, pos
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			if v, err := strconv.ParseUint(string(raw[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, raw[i])
	}
	return out, pos
}

// Literal reads a literal string at pos, just after its opening
// parenthesis, up to the parenthesis that balances it, decoding escapes.
// Without escapes the result is a slice of data; callers that change it
// must copy it.
func Literal(data []byte, pos int) ([]byte, int) {
	start := pos
	depth := 1
	// Fast path: no escapes.
	for i := pos; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i = len(data)
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return data[start:i], i + 1
			}
		}
	}
	var out []byte
	depth = 1
	for pos < len(data) {
		c := data[pos]
		pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out, pos
			}
		case '\\':
			if pos >= len(data) {
				break
			}
			e := data[pos]
			pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if pos < len(data) && data[pos] == '\n' {
					pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && pos < len(data) && data[pos] >= '0' && data[pos] <= '7'; k++ {
						v = v*8 + int(data[pos]-'0')
						pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out, pos
}

// Hex reads a hexadecimal string at pos, just after its '<', up to and
// including its '>'. Characters that are not hex digits are skipped; an odd
// last digit stands for its high half.
func Hex(data []byte, pos int) ([]byte, int) {
	end := pos
	for end < len(data) && data[end] != '>' {
		end++
	}
	out := HexDecode(data[pos:end])
	if end < len(data) {
		end++
	}
	return out, end
}

// HexDecode decodes hex digits, skipping anything else (white space); an
// odd last digit stands for its high half.
func HexDecode(data []byte) []byte {
	out := make([]byte, 0, len(data)/2)
	hi := -1
	for _, c := range data {
		v := Unhex(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
			continue
		}
		out = append(out, byte(hi<<4|v))
		hi = -1
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return out
}

// Unhex returns the value of a hex digit, or -1.
func Unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
