package vocab

import (
	"iter"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A List is a named list of words of one meaning: the words that mark a
// total, the verbs of an increase. It is read-only once built.
type List struct {
	name  string
	words []string // longest first, then in the order given
	// firsts has a bit set for the first character of each word, by its
	// low eight bits: In looks for words only where one may start.
	firsts [4]uint64
}

// registry holds every list of the package, for tests that walk them all.
var registry []*List

// newList builds and registers a list. Words are kept longest first, so
// that an alternation built from them prefers 有待改进提高 to 有待改进.
func newList(name string, words ...string) *List {
	l := &List{name: name}
	for _, w := range words {
		if w == "" {
			panic("vocab: empty word in list " + name)
		}
		if !slices.Contains(l.words, w) {
			l.words = append(l.words, w)
		}
	}
	slices.SortStableFunc(l.words, func(a, b string) int {
		return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
	})
	for _, w := range l.words {
		r, _ := utf8.DecodeRuneInString(w)
		l.firsts[r&255>>6] |= 1 << (r & 63)
	}
	registry = append(registry, l)
	return l
}

// Lists returns every list of the package.
func Lists() []*List { return slices.Clone(registry) }

// Name is the list's name, for messages and tests.
func (l *List) Name() string { return l.name }

// Words returns the words of the list, longest first.
func (l *List) Words() []string { return slices.Clone(l.words) }

// All returns the words of the list, longest first, without copying them.
func (l *List) All() iter.Seq[string] { return slices.Values(l.words) }

// Pattern returns a regular expression group that matches any word of the
// list, longest first: `(?:有待改进提高|有待改进|…)`.
func (l *List) Pattern() string {
	quoted := make([]string, len(l.words))
	for i, w := range l.words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return `(?:` + strings.Join(quoted, `|`) + `)`
}

// scanWords is the number of words from which In reads s once, character
// by character, rather than searching s for each word: a search per word
// is quicker for a few words, one pass for many.
const scanWords = 8

// In reports whether s contains any word of the list. It is the prefilter
// of every pattern built from the list: where In is false, the pattern
// cannot match.
func (l *List) In(s string) bool {
	if len(l.words) < scanWords {
		for _, w := range l.words {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	for i, r := range s {
		if l.firsts[r&255>>6]&(1<<(r&63)) == 0 {
			continue
		}
		for _, w := range l.words {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// Has reports whether s is a word of the list.
func (l *List) Has(s string) bool { return slices.Contains(l.words, s) }

// Index returns the byte offset of the first word of the list in s and
// that word, or -1 and "". Where two words start at the same offset the
// longer is returned.
func (l *List) Index(s string) (int, string) {
	at, word := -1, ""
	for _, w := range l.words {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at, word = i, w
		}
	}
	return at, word
}

// LastIndex returns the byte offset of the last word of the list in s and
// that word, or -1 and "".
func (l *List) LastIndex(s string) (int, string) {
	at, word := -1, ""
	for _, w := range l.words {
		if i := strings.LastIndex(s, w); i > at {
			at, word = i, w
		}
	}
	return at, word
}

// Prefix returns the longest word of the list that s starts with, or "".
func (l *List) Prefix(s string) string {
	for _, w := range l.words {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// Suffix returns the longest word of the list that s ends with, or "".
func (l *List) Suffix(s string) string {
	for _, w := range l.words {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}
