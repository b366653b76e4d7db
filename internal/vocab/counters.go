package vocab

// Counting words (量词) printed after a number, and what they count.
// Parts and totals must count the same kind of thing: complaints in 件 or
// 宗, calls in 通 or 次 are items; offices in 家 or towns in 个 are
// entities; 人次 and 名 count people.

// The classes of counting words.
const (
	Items    = "items"
	People   = "people"
	Entities = "entities"
)

var (
	// ItemCounters count items: complaints, calls, letters, cases.
	// 件（次） is the form a figure keeps for the folded 件(次).
	ItemCounters = newList("item counters", "件(次)", "件（次）", "件次", "件", "宗", "次", "通", "条", "封", "单", "笔", "起", "项", "批")
	// PeopleCounters count people and households.
	PeopleCounters = newList("people counters", "人次", "人", "名", "户")
	// EntityCounters count offices and towns.
	EntityCounters = newList("entity counters", "家", "个", "所")
	// Counters is every counting word, longest first, for patterns.
	Counters = newList("counters", append(append(ItemCounters.Words(), PeopleCounters.Words()...), EntityCounters.Words()...)...)
	// Magnitudes scale the number before a counting word: 9.67万件.
	Magnitudes = newList("magnitudes", Wan, Yi)
)

// CounterClass returns the class of a counting word (Items, People or
// Entities), with its magnitude (万件 counts items); "" for anything else.
// A count printed without a counting word ("") counts items.
func CounterClass(u string) string {
	if p := Magnitudes.Prefix(u); p != "" {
		u = u[len(p):]
	}
	switch {
	case u == "" || ItemCounters.Has(u):
		return Items
	case PeopleCounters.Has(u):
		return People
	case EntityCounters.Has(u):
		return Entities
	}
	return ""
}

// The magnitude words: ten thousand and a hundred million.
const (
	Wan = "万"
	Yi  = "亿"
)

// MagnitudeOf returns the factor of a magnitude word (1e4 for 万), or 1.
func MagnitudeOf(w string) float64 {
	switch w {
	case Wan:
		return 1e4
	case Yi:
		return 1e8
	}
	return 1
}

// WithoutMagnitude returns a counting word without the magnitude it
// starts with: 件 for 万件.
func WithoutMagnitude(u string) string { return u[len(Magnitudes.Prefix(u)):] }
