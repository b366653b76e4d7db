// Package validate rechecks the numbers a 12345-hotline bulletin publishes,
// under the publisher's own conventions, and reports every finding at once.
//
// [Check] works on any [model.Bulletin], extracted from a file or built by a
// program. It never changes the bulletin. Each [Finding] names its rule, its
// severity, the table, row, unit and column (or the prose figure or unit
// mention) it is about, the value as published and as expected, a hint
// where one exists, and the position of the value in the source file.
//
// # Arithmetic
//
// All arithmetic is on exact integers; no float is rounded. A rate printed
// with d decimals stands for an interval: "83.33%" under half-up rounding
// (四舍五入) is every fraction in [83.325%, 83.335%). For a rate k/n the
// checker computes 100·k/n to d decimals with 128-bit integer division,
// under half-up rounding, truncation and half-even rounding, and compares
// it with the printed digits.
//
//   - The document's rounding mode is the one under which most of the rates
//     that tell the modes apart hold (half-up when none does, or when
//     [WithMode] says so). Report.Summary gives it with the number of rates
//     it was inferred from.
//   - Each rate column has a precision convention: the number of decimals,
//     among those printed in it, at which the most rows hold (the larger on
//     a tie). A value printed with fewer digits holds when it is the
//     column's value with trailing zeros dropped ("61.7%" for 61.70%,
//     "100%" for 100.00%), and with more digits when the extra ones are
//     zeros.
//   - A rate's denominator is the one a table note defines
//     (model.Table.Definitions, "满意率＝满意数÷回访数"). Otherwise it is the
//     default — the visited (回访) count for satisfaction rates when one is
//     printed, else the handled count — unless another count column makes
//     at least two more rows of the column hold. When fewer than half of at
//     least three informative rows (0 < k < n) hold over the chosen
//     denominator, the rates are over a count that is not printed: the
//     column is reported untestable, not wrong. Report.Conventions lists,
//     for every rate column, what was chosen and how many rows it explains;
//     every message names the denominator used.
//   - A rate whose numerator is not printed gets the GRIM test: is there a
//     whole k in [0, n] with k/n printing as the value? When n is at least
//     10^(d+2), every value is possible and the rate is untestable. GRIM
//     failures are errors only when the denominator is defined by a note or
//     holds in most of at least three testable rows.
//
// A rate that holds under the column's precision and the document's mode is
// consistent. One that holds only under another mode is a rate_rounding
// warning; only at its own precision, not the column's (5/6 printed "83%" in
// a two-decimal column), a rate_precision warning; under none, a
// rate_mismatch error with the expected value and, where one exists, a hint:
// the printed rate with one changed or two transposed digits, another
// printed count as denominator or numerator, or a count with a digit slip.
//
// # Rules
//
// Severities follow design.md: error when no accepted reading of the stated
// numbers gives the printed one, warning when it holds only under another
// convention or when prose and tables disagree, info for printing oddities
// and untestable values.
//
//	rate_mismatch       error    no rounding of the counts gives the printed rate (tables, prose rates, GRIM)
//	rate_rounding       warning  holds only under another rounding mode than the document's
//	rate_precision      warning  holds only at another precision than its column's
//	rate_untestable     info     no printed count can test the rate (per column, or per GRIM row)
//	count_exceeds       error    a part count exceeds its whole: on-time, satisfied, resolved, replied,
//	                             visited, excellent, dissatisfied > handled (closed, open and overdue
//	                             may count earlier periods' items); a defined numerator > its denominator;
//	                             excellent > on-time or satisfied when a note says excellent implies them
//	parts_sum_mismatch  error    closed + open (+ overdue), or on-time + overdue + open, ≠ handled;
//	                    error    prose parts that claim to be complete (in parentheses after their
//	                             total, or with shares adding to 100%) fall short of their total
//	                    warning  a prose list of two or more parts falls short of its total
//	total_mismatch      error    a 合计/总计/小计 row differs from the sum of the rows it totals
//	parts_exceed_total  error    prose parts add up to more than their total
//	share_mismatch      error    "X件，占Y%" does not hold against the stated total
//	share_base          warning  every share of a list holds against another base: the parts' sum or
//	                             another stated figure
//	table_vs_narrative  warning  a channel's tables do not add up to the prose total of that channel
//	unit_count          warning  a stated number of units (共涉及57家区直单位) differs from the distinct
//	                             units the tables of that kind list
//	mention_unknown_unit warning a praised, criticised or ranked unit is in no table
//	rank_order          error    a 排名 column contradicts the 得分 order
//	                    warning  a 前三名 list names another number of units
//	period_mismatch     warning  the title's period, or a table title's month, differs from the body's
//	format              info     a rate printed without %, with %%, or with a stray mark inside
//
// A rate's rules see the total row too: its rates are checked against its
// own counts. Each list of prose parts (model.Figure.List) is a breakdown
// of its total of its own: the channels and the types of one total are
// checked apart. A part alone in its list ("其中不满意41件") is a subset,
// not a breakdown, and is only checked not to exceed its total. Shares
// taken of another figure than the parts' total (Figure.ShareOf) are
// checked against that figure.
//
// # Prose against tables
//
// Which tables a prose total covers is read from the data, not from one
// publisher's wording. The channel of a prose figure comes from its label,
// the channel of a table from its title and label, or from the group of a
// two-level header: 电话, 来电, 话务, 热线 mean phone; 网民, 网络, 网上, 留言,
// 政民互动, 信箱, 微信 … mean online (online words win: "热线网民留言" is
// online). Tables whose titles name no channel ("区直部门群众诉求事项") take
// the one channel the prose names that no table names. A table titled as a
// partial list (前十名, 排名靠后, 诉求较多的单位), or whose units all appear in
// another table of its channel, is not added; a total row stands for its table. A table sum that equals a part of
// the channel figure (the items passed on to units) is accepted. With no
// channel in the prose, all tables are compared with the largest stated
// total.
//
// The kind of units a count of units is about comes from its label (or the
// words printed after its number): 区直/县直/市直 and 部门/单位 mean
// departments, 镇/乡/街道 towns, 县区 counties; the tables of that kind are
// those whose titles say so. A mention matches a table row when the names
// are equal or differ by an administrative prefix (区烟草局 is 烟草局).
//
// # Summary
//
// As statcheck's critics ask, the report says how many published values
// could be tested at all: Summary counts values checked (consistent,
// deviating, inconsistent) and untestable, alongside the findings.
package validate
