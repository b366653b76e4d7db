package validate

import "slices"

// Rule names the check that produced a finding.
type Rule string

// The rules. [Registry] documents each with its severity policy; the
// package documentation lists them.
const (
	RateMismatch       Rule = "rate_mismatch"
	RateRounding       Rule = "rate_rounding"
	RatePrecision      Rule = "rate_precision"
	RateUntestable     Rule = "rate_untestable"
	CountExceeds       Rule = "count_exceeds"
	TotalMismatch      Rule = "total_mismatch"
	PartsExceedTotal   Rule = "parts_exceed_total"
	PartsSumMismatch   Rule = "parts_sum_mismatch"
	ShareMismatch      Rule = "share_mismatch"
	ShareBase          Rule = "share_base"
	ChangeMismatch     Rule = "change_mismatch"
	TableVsNarrative   Rule = "table_vs_narrative"
	UnitCount          Rule = "unit_count"
	MentionUnknownUnit Rule = "mention_unknown_unit"
	RankOrder          Rule = "rank_order"
	PeriodMismatch     Rule = "period_mismatch"
	Format             Rule = "format"
)

// Rules lists every rule, in the order of [Registry].
var Rules = func() []Rule {
	rs := make([]Rule, len(registry))
	for i, info := range registry {
		rs[i] = info.Rule
	}
	return rs
}()

// RuleInfo documents one rule: what it checks, which family of checks
// reports it, and which severity it gives when.
type RuleInfo struct {
	Rule Rule `json:"rule"`
	// Families are the checks that report the rule (one file of this
	// package each): "rates", "partitions", "prose_parts" ….
	Families []string `json:"families"`
	// Doc says what the rule checks.
	Doc string `json:"doc"`
	// Policy lists the severities the rule reports, each with its
	// condition: the rule governing every finding is that an error is
	// claimed only when the document itself establishes the relation that
	// fails.
	Policy []SeverityPolicy `json:"policy"`
}

// SeverityPolicy is one severity a rule reports, and when.
type SeverityPolicy struct {
	Severity Severity `json:"severity"`
	When     string   `json:"when"`
}

// Registry returns the documentation of every rule, in report order. The
// package documentation prints the same table.
func Registry() []RuleInfo {
	out := make([]RuleInfo, len(registry))
	for i, info := range registry {
		info.Families = slices.Clone(info.Families)
		info.Policy = slices.Clone(info.Policy)
		out[i] = info
	}
	return out
}

// Describe returns the documentation of rule r.
func Describe(r Rule) (RuleInfo, bool) {
	for _, info := range Registry() {
		if info.Rule == r {
			return info, true
		}
	}
	return RuleInfo{}, false
}

func pol(s Severity, when string) SeverityPolicy { return SeverityPolicy{s, when} }

var registry = []RuleInfo{
	{RateMismatch, []string{"rates", "prose_rates"},
		"a rate that no rounding of its counts gives: k/n with both counts printed, else (GRIM) no whole k over n",
		[]SeverityPolicy{
			pol(Error, "the rate's counts are named by the headers (a count and its rate over the handled or visited count), defined by a note, or inferred from a table where the same relation holds on all other rows; in the prose, when the rate's own count and its base are printed in its statement"),
			pol(Warning, "the relation is inferred from rows that do not establish it, or the prose base is only the count the rate follows"),
		}},
	{RateRounding, []string{"rates", "prose_rates", "shares"},
		"a rate or share that holds only under another rounding mode (truncation, half-even) than the document's",
		[]SeverityPolicy{pol(Warning, "always")}},
	{RatePrecision, []string{"rates"},
		"a rate that holds only at its own printed precision, not at its column's (5/6 printed 83% in a two-decimal column)",
		[]SeverityPolicy{pol(Warning, "always")}},
	{RateUntestable, []string{"rates"},
		"a rate column, or a GRIM value, that no printed count can test",
		[]SeverityPolicy{pol(Info, "always")}},
	{CountExceeds, []string{"relations"},
		"a part count above its whole: on-time, satisfied, excellent … above handled; a defined numerator above its denominator; an inclusion a note states (excellent within satisfied)",
		[]SeverityPolicy{
			pol(Error, "the headers or a note (of this table, or of another table with the column) define the inclusion, or it holds on all other rows; and it holds on most rows"),
			pol(Warning, "an inclusion inferred from rows that do not establish it"),
		}},
	{TotalMismatch, []string{"totals"},
		"a 合计/总计/小计 row that differs from the sum of the rows it totals",
		[]SeverityPolicy{
			pol(Error, "the total row holds in most of its count columns"),
			pol(Warning, "it fails in most columns: the table's rows were probably not all read"),
		}},
	{PartsExceedTotal, []string{"prose_parts"},
		"prose parts that add up to more than their total",
		[]SeverityPolicy{
			pol(Error, "the parts follow their total in its statement and no other stated count explains their sum"),
			pol(Warning, "the parts were attached to the total by position only"),
		}},
	{PartsSumMismatch, []string{"partitions", "prose_parts"},
		"a count that is the sum of others and is not: a row's handled count against its status counts (closed + open + …), an overall group against its channel groups, prose parts against a total they claim to make up",
		[]SeverityPolicy{
			pol(Error, "the sum is named by the headers (a 合计 group), or the partition holds on all other rows, or the prose list claims to be complete (its breakdown in brackets, shares adding to 100%, 合计, a residual 其他 part)"),
			pol(Warning, "the partition holds on most rows without establishing itself, or a complete list was attached to its total by position only"),
		}},
	{ShareMismatch, []string{"shares"},
		"X件，占Y%: the share does not hold against its total",
		[]SeverityPolicy{
			pol(Error, "the total is the share's stated parent and the other shares of its list hold against it, or the total is established by the other shares of the list"),
			pol(Warning, "the base is only the count the share follows"),
		}},
	{ShareBase, []string{"shares"},
		"every share of a list holds against another base than the stated total: the parts' sum or another stated count",
		[]SeverityPolicy{pol(Warning, "always (two shares or more)")}},
	{ChangeMismatch, []string{"changes"},
		"a change that its numbers contradict: 增长p% against the absolute change Δ and the current value (Δ/(current−Δ)), a decrease of more than 100%, 提升x个百分点 against the two printed rates",
		[]SeverityPolicy{
			pol(Error, "a decrease of more than 100%; or the change, its absolute change and its current value (or its two rates) are printed in one statement and no rounding reconciles them"),
			pol(Warning, "the figures were linked by position only"),
		}},
	{TableVsNarrative, []string{"prose_tables"},
		"a prose total that differs from the handled counts of the tables it covers (by channel or by the units it names)",
		[]SeverityPolicy{pol(Warning, "always")}},
	{UnitCount, []string{"units"},
		"a stated number of units (共涉及57家区直单位) that differs from the distinct units the tables of that kind list",
		[]SeverityPolicy{pol(Warning, "always")}},
	{MentionUnknownUnit, []string{"units"},
		"a praised, criticised or ranked unit that no table lists",
		[]SeverityPolicy{pol(Warning, "the name reads as a unit's name")}},
	{RankOrder, []string{"ranks", "rank_lists"},
		"a 排名 that contradicts the 得分 order; a 前三名 list naming more units than it says",
		[]SeverityPolicy{
			pol(Error, "the ranks follow the scores on all other rows"),
			pol(Warning, "a top-N list with more names than N"),
		}},
	{PeriodMismatch, []string{"period"},
		"the title's period, or a table title's month, differs from the body's",
		[]SeverityPolicy{pol(Warning, "always")}},
	{Format, []string{"format"},
		"a rate printed without %, with %%, or a number with a stray mark inside",
		[]SeverityPolicy{pol(Info, "always")}},
}

// family is a set of rules checked by one pass, one file of this package.
// A family runs only when one of its rules is switched on.
type family struct {
	name  string
	rules []Rule
	// analyseTable (for each table in turn) and analyse run before the
	// document's rounding mode is inferred and collect what the inference
	// needs; checkTable (for each table in turn) and then check report
	// findings.
	analyseTable func(*checker, int)
	analyse      func(*checker)
	checkTable   func(*checker, int)
	check        func(*checker)
}

// families are run in this order, on each table: table rules; then on the
// whole document: prose rules, then prose against tables.
var families = []family{
	{name: "format", rules: []Rule{Format}, checkTable: (*checker).checkTableFormat},
	{name: "rates", rules: []Rule{RateMismatch, RateRounding, RatePrecision, RateUntestable},
		analyseTable: (*checker).analyseTableRates, checkTable: (*checker).checkTableRates},
	{name: "relations", rules: []Rule{CountExceeds}, checkTable: (*checker).checkTableRelations},
	{name: "partitions", rules: []Rule{PartsSumMismatch}, checkTable: (*checker).checkTablePartitions},
	{name: "totals", rules: []Rule{TotalMismatch}, checkTable: (*checker).checkTableTotals},
	{name: "ranks", rules: []Rule{RankOrder}, checkTable: (*checker).checkTableRanks},
	{name: "period", rules: []Rule{PeriodMismatch}, checkTable: (*checker).checkTablePeriod, check: (*checker).checkPeriod},
	{name: "prose_parts", rules: []Rule{PartsExceedTotal, PartsSumMismatch}, check: (*checker).checkProseParts},
	{name: "shares", rules: []Rule{ShareMismatch, ShareBase, RateRounding},
		analyse: (*checker).analyseShares, check: (*checker).checkShares},
	{name: "prose_rates", rules: []Rule{RateMismatch, RateRounding},
		analyse: (*checker).analyseProseRates, check: (*checker).checkProseRates},
	{name: "changes", rules: []Rule{ChangeMismatch}, check: (*checker).checkChanges},
	{name: "prose_tables", rules: []Rule{TableVsNarrative}, check: (*checker).checkTableVsNarrative},
	{name: "units", rules: []Rule{UnitCount, MentionUnknownUnit}, check: (*checker).checkUnits},
	{name: "rank_lists", rules: []Rule{RankOrder}, check: (*checker).checkRankLists},
}
