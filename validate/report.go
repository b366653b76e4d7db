package validate

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hotline12345/bulletin/model"
)

// Severity says how sure a finding is that a published number is wrong.
type Severity string

// The severities of a finding: Error where the document itself establishes
// the relation it breaks, Warning where the evidence is weaker, Info for
// what is worth a look but breaks nothing.
const (
	// Error: no accepted rounding of the stated numbers gives the printed
	// value, a part exceeds its whole, or a total differs from its sum.
	Error Severity = "error"
	// Warning: the value holds only under another rounding mode or
	// precision than the rest of the document; prose and tables disagree;
	// shares fit a different total than the one stated.
	Warning Severity = "warning"
	// Info: a printing oddity, or a value no arithmetic can test.
	Info Severity = "info"
)

func (s Severity) rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Finding is one thing Check found about a published number.
//
// Table is the index into Bulletin.Tables, or -1 for the prose; Row the
// index into the table's rows, or -1 for a finding about a whole table or
// column. A finding about a prose figure or unit mention also carries its
// index in Bulletin.Figures or Bulletin.Mentions.
type Finding struct {
	Severity Severity  `json:"severity"`
	Rule     Rule      `json:"rule"`
	Table    int       `json:"table"`
	Row      int       `json:"row"`
	Unit     string    `json:"unit"`
	Column   model.Key `json:"column"`
	// Published is the value as printed; Expected what the stated numbers
	// give under the document's conventions ("" when there is nothing to
	// expect).
	Published string `json:"published"`
	Expected  string `json:"expected"`
	// Hint suggests how the error may have come about: a changed or
	// transposed digit, another printed number used as denominator.
	Hint string `json:"hint,omitempty"`
	// Message is an English sentence that keeps the document's Chinese
	// terms.
	Message string `json:"message"`
	// Basis says why the finding is certain, or why it is only a warning:
	// where the relation it tests comes from and how the document bears it
	// out ("defined in note 2", "holds in 44 of 45 rows") and the
	// arithmetic that breaks it ("no integer k gives 97.05% over 1853").
	Basis   string    `json:"basis,omitempty"`
	Pos     model.Pos `json:"pos"`
	Figure  *int      `json:"figure,omitempty"`
	Mention *int      `json:"mention,omitempty"`
}

// Error formats the finding as "table 3 row 5 山化镇 satisfaction_rate:
// rate_precision: message", so that findings can be reported as errors.
func (f Finding) Error() string {
	var b strings.Builder
	b.WriteString(f.Where())
	fmt.Fprintf(&b, ": %s: %s", f.Rule, f.Message)
	return b.String()
}

// Where names the place of the finding: "table 3 row 5 山化镇
// satisfaction_rate", "figure 2", "mention 4".
func (f Finding) Where() string {
	var parts []string
	switch {
	case f.Figure != nil:
		parts = append(parts, fmt.Sprintf("figure %d", *f.Figure))
	case f.Mention != nil:
		parts = append(parts, fmt.Sprintf("mention %d", *f.Mention))
	case f.Table >= 0:
		parts = append(parts, fmt.Sprintf("table %d", f.Table))
		if f.Row >= 0 {
			parts = append(parts, fmt.Sprintf("row %d", f.Row))
		}
	default:
		parts = append(parts, "text")
	}
	if f.Unit != "" {
		parts = append(parts, f.Unit)
	}
	if f.Column != "" {
		parts = append(parts, string(f.Column))
	}
	return strings.Join(parts, " ")
}

// Summary counts the findings and, statcheck-style, the published values:
// how many could be tested at all and how many of those hold.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Values is the number of published numbers examined: Checked plus
	// Untestable.
	Values int `json:"values"`
	// Checked values are those some rule could have caught; each is
	// Consistent (holds under the document's conventions), Deviating (holds
	// only under another rounding mode or precision, or disagrees between
	// prose and tables: its worst finding is a warning) or Inconsistent (its
	// worst finding is an error).
	Checked      int `json:"checked"`
	Consistent   int `json:"consistent"`
	Deviating    int `json:"deviating"`
	Inconsistent int `json:"inconsistent"`
	// Untestable values are rates no arithmetic can test: no denominator is
	// printed, or every value is possible at the printed precision.
	Untestable int `json:"untestable"`
	// Rounding is the document's dominant rounding mode; RoundingEvidence
	// the number of rates that tell the modes apart (0: the mode is assumed,
	// not inferred).
	Rounding         Mode `json:"rounding"`
	RoundingEvidence int  `json:"rounding_evidence"`
}

// Convention is what Check inferred, or read from a definition, about one
// column: for a rate column (Kind "rate"), the counts it is computed from
// and the precision it is printed at; for a count that is the sum of
// others in every row (Kind "sum": a handled count and its status counts,
// an overall group and its channel groups), the counts it adds.
type Convention struct {
	Table  int       `json:"table"`
	Column model.Key `json:"column"`
	// Kind is "rate" or "sum".
	Kind string `json:"kind"`
	// Parts are the counts a sum adds.
	Parts []model.Key `json:"parts,omitempty"`
	// NumeratorParts are the counts whose sum is a rate's numerator, when
	// it is a sum ("办结率＝（按期办结数＋超期数）÷交办数").
	NumeratorParts []model.Key `json:"numerator_parts,omitempty"`
	// Numerator is the count column of the rate ("" when none is printed:
	// the GRIM test is used).
	Numerator model.Key `json:"numerator"`
	// Denominator is the count column the rate is over ("" when none was
	// found: the column is untestable).
	Denominator model.Key `json:"denominator"`
	// Source says where the denominator (or the sum) came from:
	// "definition" (a table note), "default" (the handled count, or the
	// visited count for satisfaction), "header" (a 合计 group), "inferred"
	// (counts the rows show) or "" (none).
	Source string `json:"source"`
	// Decimals is the column's precision convention.
	Decimals int `json:"decimals"`
	// Fits is the number of rows the denominator makes hold, of Rows rows
	// with a rate and its counts.
	Fits int `json:"fits"`
	Rows int `json:"rows"`
	// Basis says where the convention comes from and how the rows bear it
	// out: "defined in note 1 …; holds in 17 of 17 rows".
	Basis string `json:"basis,omitempty"`
}

// Report is the result of [Check].
type Report struct {
	// Findings are sorted by table (the prose first), row, then column.
	Findings    []Finding    `json:"findings"`
	Summary     Summary      `json:"summary"`
	Conventions []Convention `json:"conventions"`
}

// HasErrors reports whether any finding is an error.
func (r *Report) HasErrors() bool { return r.Summary.Errors > 0 }

// Err returns nil when no finding is an error, else the error findings
// joined (errors.Join): each unwraps to a [Finding].
func (r *Report) Err() error {
	var errs []error
	for _, f := range r.Findings {
		if f.Severity == Error {
			errs = append(errs, f)
		}
	}
	return errors.Join(errs...)
}

// Count returns the number of findings with the rule.
func (r *Report) Count(rule Rule) int {
	n := 0
	for _, f := range r.Findings {
		if f.Rule == rule {
			n++
		}
	}
	return n
}

// sortFindings orders findings by table (prose first), row (whole-table
// findings first), figure or mention, column position, severity, rule.
func sortFindings(fs []Finding, b *model.Bulletin) {
	type sortKey struct {
		table, row, figure, mention, col, severity int
		rule                                       Rule
		i                                          int // the finding's index: the sort is stable
	}
	idx := func(p *int) int {
		if p == nil {
			return -1
		}
		return *p
	}
	keys := make([]sortKey, len(fs))
	for i := range fs {
		f := &fs[i]
		col := -1
		if f.Table >= 0 && f.Table < len(b.Tables) {
			col = b.Tables[f.Table].Column(f.Column)
		}
		keys[i] = sortKey{f.Table, f.Row, idx(f.Figure), idx(f.Mention), col, f.Severity.rank(), f.Rule, i}
	}
	slices.SortFunc(keys, func(a, c sortKey) int {
		return cmp.Or(
			cmp.Compare(a.table, c.table),
			cmp.Compare(a.row, c.row),
			cmp.Compare(a.figure, c.figure),
			cmp.Compare(a.mention, c.mention),
			cmp.Compare(a.col, c.col),
			cmp.Compare(a.severity, c.severity),
			cmp.Compare(a.rule, c.rule),
			cmp.Compare(a.i, c.i),
		)
	})
	// Move each finding to its place along the cycles of the permutation:
	// place j takes the finding keys[j].i.
	for i := range keys {
		if keys[i].i == i || keys[i].i < 0 {
			continue
		}
		held, j := fs[i], i
		for {
			from := keys[j].i
			keys[j].i = -1
			if from == i {
				fs[j] = held
				break
			}
			fs[j] = fs[from]
			j = from
		}
	}
}
