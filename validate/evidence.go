package validate

import "fmt"

// Every finding tests a relation between published numbers: a rate is its
// count over a base, a handled count is its status counts added, a total
// row is its column's sum. How sure a finding is depends on where the
// relation comes from, and that decides its severity: an error is claimed
// only when the document itself establishes the relation.

// source says where a relation comes from.
type source int

const (
	// byData: the table's other rows show the relation, nothing states it.
	byData source = iota
	// byHeader: the printed headers name it: a count and its rate over the
	// handled count, a 合计 row, a 合计 group of a two-level header.
	byHeader
	// byNote: a note under the table (or under another table with the
	// same column) defines it.
	byNote
)

// Evidence thresholds.
const (
	// minEvidence is the number of rows that must hold before the rows
	// alone establish a relation, and the number of tested rows from which
	// a stated relation failing on most of them is taken for a misread
	// table rather than for that many errors.
	minEvidence = 3
	// failDivisor: the rows establish a relation when at most one row in
	// failDivisor fails (at least one may always fail).
	failDivisor = 10
	// likelyDivisor: a relation failing on at most one row in
	// likelyDivisor is likely enough for warnings.
	likelyDivisor = 4
)

// support is the evidence for one relation of a table: where it comes
// from and on how many rows it holds.
type support struct {
	src source
	// what names the source for the basis: the note's text, "the
	// headers".
	what string
	// holds and tested count the rows the relation could have failed on
	// (for a rate: 0 < k < n) and those where it held.
	holds, tested int
	// inherited marks a note printed under another table with the same
	// column: it names the relation here too, unless this table's rows
	// break it more often than the rows of a relation they establish may.
	inherited bool
}

func (s support) fails() int { return s.tested - s.holds }

// established reports whether the rows alone establish the relation: it
// holds on at least minEvidence rows and fails on at most one in
// failDivisor of them (one failure is always allowed).
func (s support) established() bool {
	return s.holds >= minEvidence && s.fails() <= max(1, s.tested/failDivisor)
}

// severity is the severity of a row that breaks the relation, or "" when
// the relation is not one of this table and nothing should be reported.
//
// A relation the headers or a note state is an error wherever it fails,
// as long as it fails on at most two rows or one in four; failing more
// often, the table was probably misread (columns shifted, rows split) or
// the statement means something else: a warning while it holds on half
// the rows, else no row is blamed. A note printed under another table
// applies to this one while its rows break it no more often than a
// relation of the rows may break. A relation only
// the rows show is an error when they establish it, a warning when it
// fails on at most a quarter of them, else nothing.
func (s support) severity() Severity {
	switch {
	case s.inherited:
		if s.fails() <= max(1, s.tested/failDivisor) {
			return Error
		}
		return ""
	case s.src == byHeader || s.src == byNote:
		switch {
		case s.fails() <= max(2, s.tested/likelyDivisor):
			return Error
		case s.fails()*2 <= s.tested:
			return Warning
		}
		return ""
	}
	switch {
	case s.established():
		return Error
	case s.holds >= minEvidence && s.fails()*likelyDivisor <= s.tested:
		return Warning
	}
	return ""
}

// rows says on how many rows the relation holds: "holds in 44 of 45 rows".
func (s support) rows() string {
	if s.tested == 0 {
		return "no other row tests it"
	}
	return fmt.Sprintf("holds in %d of %d rows", s.holds, s.tested)
}

// basis says where the relation comes from and how the rows bear it out:
// "defined in the note “满意率＝满意数÷回访数”; holds in 44 of 45 rows".
func (s support) basis() string {
	switch s.src {
	case byNote:
		return fmt.Sprintf("defined in %s; %s", s.what, s.rows())
	case byHeader:
		what := s.what
		if what == "" {
			what = "the headers"
		}
		return fmt.Sprintf("named by %s; %s", what, s.rows())
	}
	return s.rows()
}

// joinBasis joins a relation's basis with the arithmetic that breaks it.
func joinBasis(relation, arithmetic string) string {
	switch {
	case relation == "":
		return arithmetic
	case arithmetic == "":
		return relation
	}
	return arithmetic + " (" + relation + ")"
}
