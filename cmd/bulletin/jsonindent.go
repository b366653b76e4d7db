package main

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
	depth := 0
	newline := func(dst []byte) []byte {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
		return dst
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch c {
		case '"':
			// Copy the string through its closing quote, skipping escaped
			// characters.
			j := i + 1
			for j < len(src) {
				if src[j] == '\\' {
					j += 2
					continue
				}
				if src[j] == '"' {
					break
				}
				j++
			}
			j = min(j+1, len(src))
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
