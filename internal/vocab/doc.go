// Package vocab is the language of 12345-hotline bulletins in one place:
// Chinese numerals, counting words, the prefixes a unit's name carries in
// prose, intake channels, kinds of units, the words of periods, and the
// phrases the prose uses to state totals, parts, shares, rates and changes,
// to praise or criticise units, and to sign and date a bulletin.
//
// Both the interpreter (extract/interpret), which reads bulletins, and the
// checker (validate), which rechecks them, take their words from here, so
// the two cannot disagree about what a word means. Each phrase is a [List];
// a regular expression that needs the phrase is built from the list
// ([List.Pattern]) and so is the cheap test that decides whether the
// expression need run at all ([List.In]), so that a word added to a list
// reaches both.
//
// Words are simplified Chinese with ASCII digits and punctuation: callers
// match them against text folded that way (full-width forms as ASCII,
// traditional characters as simplified).
package vocab
