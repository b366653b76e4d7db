// Package vocab is the language of 12345-hotline bulletins in one place:
// Chinese numerals, counting words, the prefixes a unit's name carries in
// prose, intake channels, kinds of units and of offices, the words of
// dates and periods, the names of table headers and of a table's total
// row, notes and captions, the labels of a page's fields, and the phrases
// the prose uses to state totals, parts, shares, rates and changes, to
// praise or criticise units, and to sign and date a bulletin; and the words
// by which the checker tells what a figure claims.
//
// The interpreter (extract/interpret), which reads bulletins, the checker
// (validate), which rechecks them, and the archive's unit linker
// (internal/unitlink) take their words from here, so they cannot disagree
// about what a word means: a table the interpreter reads as the mail
// channel is the mail channel to the checker too. Each phrase is a [List];
// a regular expression that needs the phrase is built from the list
// ([List.Pattern]) and so is the cheap test that decides whether the
// expression need run at all ([List.In]), so that a word added to a list
// reaches both.
//
// Words are simplified Chinese with ASCII digits and punctuation: callers
// match them against text folded that way (full-width forms as ASCII,
// traditional characters as simplified).
package vocab
