package interpret

import (
	"strings"
	"unicode"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// canonicalKey returns the canonical key a printed header means, and false
// when it is not recognised: the header is normalised, then looked up in
// the vocabulary's header names.
func canonicalKey(header string) (model.Key, bool) {
	return vocab.HeaderKey(normalizeHeader(header))
}

// normalizeHeader folds a header for matching: full-width forms to ASCII,
// traditional characters to simplified, lower case, no white space, and
// without parenthesised parts (units "(件)", thresholds "(≥80%达标)",
// pinyin "(jié)"), a trailing "%" or colon.
func normalizeHeader(s string) string {
	s = fold(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[' || r == '【':
			depth++
		case r == ')' || r == ']' || r == '】':
			if depth > 0 {
				depth--
			}
		case depth > 0, unicode.IsSpace(r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	out := strings.TrimRight(b.String(), "%:：")
	if out == "" {
		// All of it was in parentheses: match on what was there (s is
		// folded already).
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || strings.ContainsRune("()[]【】", r) {
				return -1
			}
			return r
		}, s)
	}
	return out
}

// compactHeader is a header as the model prints it: white space removed,
// otherwise as printed.
func compactHeader(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
