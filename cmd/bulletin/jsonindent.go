package main

import "bytes"

// appendIndented appends the compact JSON src to dst indented as
// json.Indent indents it (each element on a line of its own after prefix
// and one indent per level, "[]" and "{}" kept as they are, ": " after
// keys, no prefix before the first line). src must be the valid, compact
// JSON that json.Marshal and json.Encoder write: there is no white space
// outside strings to drop. json.Indent runs every byte through its
// validating scanner, a function call a byte, which was two thirds of the
// time extract spent printing; this copies the strings and numbers in runs
// and touches only the punctuation.
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	// lines is a line break, the prefix and as many indents as the
	// deepest level so far: a new line at depth d is its first
	// 1+len(prefix)+d*len(indent) bytes.
	lines := make([]byte, 0, 1+len(prefix)+8*len(indent))
	lines = append(append(lines, '\n'), prefix...)
	depth := 0
	newline := func(dst []byte) []byte {
		n := 1 + len(prefix) + max(depth, 0)*len(indent)
		for len(lines) < n {
			lines = append(lines, indent...)
		}
		return append(dst, lines[:n]...)
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch c {
		case '"':
			// Copy the string through its closing quote: the first quote
			// after an even run of backslashes.
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				esc := 0
				for esc < j-i-1 && src[j-1-esc] == '\\' {
					esc++
				}
				j++
				if esc%2 == 0 {
					break
				}
			}
			dst = append(dst, src[i:j]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			i++
			if i < len(src) && (src[i] == '}' || src[i] == ']') {
				dst = append(dst, src[i])
				i++
				continue
			}
			depth++
			dst = newline(dst)
		case '}', ']':
			depth--
			dst = newline(dst)
			dst = append(dst, c)
			i++
		case ',':
			dst = append(dst, c)
			dst = newline(dst)
			i++
		case ':':
			dst = append(dst, ':', ' ')
			i++
		default:
			// A number or a literal: up to the next punctuation.
			j := i + 1
			for j < len(src) {
				switch src[j] {
				case ',', '}', ']', ':', '"':
				default:
					j++
					continue
				}
				break
			}
			dst = append(dst, src[i:j]...)
			i = j
		}
	}
	return dst
}
