package validate

import "github.com/hotline12345/bulletin/internal/vocab"

// The checker's bulletin words come from internal/vocab, the vocabulary
// the interpreter reads with; these names keep the rules short.

// channelOf returns the channel a label names (vocab.Online, vocab.Mail
// or vocab.Phone; vocab.All when it names several), or "": the reading the
// interpreter gives tables and columns.
func channelOf(s string) string { return vocab.Channel(s) }

// itemUnit reports whether a counting word counts items (件, 宗, 次 …),
// not units (家, 个), people or percentages.
func itemUnit(u string) bool { return vocab.CounterClass(u) == vocab.Items }

// unitType classifies a label as naming departments, towns or counties
// (vocab.Departments, vocab.Towns, vocab.Counties), or "".
func unitType(s string) string { return vocab.UnitKind(s) }

// normUnit normalises a unit name for comparison: white space removed.
func normUnit(s string) string { return vocab.NormUnit(s) }

// sameUnit reports whether a name in the prose means a table's unit:
// equal, or equal but for an administrative prefix (区烟草局 = 烟草局).
func sameUnit(mention, row string) bool { return vocab.SameUnit(mention, row) }
