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
//     [WithMode] says so); prose shares and rates printed with their counts
//     count too. Report.Summary gives it with the number of values it was
//     inferred from.
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
//   - A rate whose own count is not printed takes, where the other rows
//     establish it, a sum its meaning allows (办结率 over 按期办结数 +
//     超期办结数); a rate column whose header names nothing ("快速办结率
//     (≥80%达标)") takes the count column over which every other row's rate
//     is some k/count. Failing both, it gets the GRIM test: is there a whole
//     k in [0, n] with k/n printing as the value? When n is at least
//     10^(d+2), every value is possible and the rate is untestable. GRIM
//     failures are errors only when the denominator is defined by a note or
//     the other testable rows establish it.
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
// Every finding tests a relation between published numbers, and its
// severity follows where the relation comes from: an error is claimed only
// when the document itself establishes the relation — the headers name it
// (a count and its rate, a 合计 row or group), a note defines it (under
// the table, or under another table that prints the same column), the
// printed numbers force it under every rounding the document uses, or it
// holds on the other rows of the same table (on all but at most one in
// ten, at least three). A relation the headers or a note state that fails
// on more than two rows and a quarter of them is taken for a misread table
// (warnings while it holds on half the rows, else nothing); one that fails
// on most rows is not a relation of the table. In the prose, the figure
// tree is the extractor's reading: errors need the sentence to tie the
// numbers together, and another reading of the same numbers that holds
// silences a finding. Each finding's Basis says which of these made it
// certain, or only a warning: "defined in note 2 …; holds in 44 of 45
// rows", "no integer k gives 97.05% over 1853".
//
// [Registry] lists the rules with these policies; [WithoutRules] and
// [OnlyRules] switch rules off before Check runs them. Each rule belongs
// to a family of checks, one file of this package.
//
//	rate_mismatch        error    no rounding of a rate's counts gives it: k/n with both printed, else
//	                              (GRIM) no whole k over n; the counts named by the headers or a note, or
//	                              inferred where the other rows establish them (a sum numerator
//	                              按期办结数+超期数, the base of 快速办结率(≥80%达标)); in the prose, the
//	                              rate's own count and base printed in its statement
//	                     warning  the relation is inferred from rows that do not establish it; a prose rate
//	                              whose base is only the count it follows
//	rate_rounding        warning  a rate or a share holds only under another rounding mode than the document's
//	rate_precision       warning  a rate holds only at its own precision, not at its column's
//	rate_untestable      info     no printed count can test the rate (per column, or per GRIM row)
//	count_exceeds        error    a part count exceeds its whole: on-time, satisfied, resolved, replied,
//	                              visited, excellent, dissatisfied > handled (closed, open and overdue
//	                              may count earlier periods' items); a defined numerator > its
//	                              denominator; an inclusion a note states (excellent within satisfied)
//	                     warning  an inclusion publishers commonly define, which the rows make likely
//	                              without establishing it
//	total_mismatch       error    a 合计/总计/小计 row differs from the sum of the rows it totals
//	                     warning  the total row fails in most of its columns: rows were probably not all read
//	parts_exceed_total   error    prose parts add up to more than their total, which they follow in its
//	                              statement, and no other stated count is their sum
//	                     warning  the parts were taken for the total's by their position
//	parts_sum_mismatch   error    a handled count differs from its status counts (closed + open (+ overdue
//	                              or an unrecognised count such as 退回数 that closes the gap), on-time +
//	                              overdue + open), where the other rows establish the split; an overall
//	                              group (合计/总计) differs from its channel groups; prose parts fall short
//	                              of a total they claim to make up (a breakdown in brackets, shares adding
//	                              to 100%, a 合计, a residual 其他 part)
//	                     warning  the split holds on most rows without establishing itself; a complete prose
//	                              list attached to its total by position only
//	share_mismatch       error    "X件，占Y%" does not hold against the stated total: the share's parent in
//	                              its statement, or a total the list's other shares establish
//	                     warning  the total is only the count the share follows
//	share_base           warning  every share of a list (two or more) holds against another base: the parts'
//	                              sum or another stated figure
//	change_mismatch      error    a decrease of more than 100%; a relative change (增长p%) that its absolute
//	                              change and current value (Δ/(current−Δ)), or its printed earlier value,
//	                              contradict; a 个百分点 change that its two printed rates contradict; all
//	                              printed in one statement
//	                     warning  the change was linked to its counts by position only
//	table_vs_narrative   warning  the tables a prose total covers (by the units or the channel both name,
//	                              or as the items passed on to units) do not add up to it
//	unit_count           warning  a stated number of all units of a kind (共涉及57家区直单位) differs from
//	                              the distinct units the tables of that kind list
//	mention_unknown_unit warning  a praised, criticised or ranked name that reads as a unit is in no table
//	rank_order           error    a 排名 contradicts the 得分 order that the other ranks follow
//	                     warning  a 前三名 list names more units than it says
//	period_mismatch      warning  the title's period, or a table title's month, differs from the body's
//	format               info     a rate printed without %, with %%, or with a stray mark inside
//
// A rate's rules see the total row too: its rates are checked against its
// own counts. Each list of prose parts (model.Figure.List) is a breakdown
// of its total of its own: the channels and the types of one total are
// checked apart. A part alone in its list ("其中不满意41件") is a subset,
// not a breakdown, and is only checked not to exceed its total; a 其中 list
// that falls short of its total without claiming to be complete is not a
// finding. Shares taken of another figure than the parts' total
// (Figure.ShareOf) are checked against that figure.
//
// # Prose against tables
//
// Which tables a prose total covers is read from the words both print, not
// from one publisher's wording. A figure whose label (or phrase) shares a
// name of a kind of unit with a table's title covers that table
// ("转承办单位办理4691件" and "各承办单位工单办理情况"; "转村（社区）办理" and
// "各村（社区）诉求办理情况"). Else the channel decides: a prose figure's from
// its label, a table's from its title and label, or from the group of a
// two-level header: 电话, 来电, 话务, 热线 mean phone; 网民, 网络, 网上, 留言,
// 政民互动, 信箱, 微信 … mean online (online words win: "热线网民留言" is
// online). When the prose names two channels or more, tables whose titles
// name none take the one channel the prose names that no table names. Else
// a figure of the items passed on to units (交办, 转办, 派发 …) covers the
// remaining tables. A table with an overall group (合计/总计) counts once, by
// that group; its channel groups are compared by channel. A table titled as
// a partial list (前十名, 排名靠后, 诉求较多的单位), or whose units all appear
// in another table of its channel, is not added; a total row stands for its
// table. A table sum that equals another stated count is accepted, and a
// table that no figure is known to cover is not compared with the overall
// intake, which includes the items answered at once.
//
// The kind of units a count of units is about comes from its label (or the
// words printed after its number): 区直/县直/市直 and 部门/单位 mean
// departments, 镇/乡/街道 towns, 县区 counties; the tables of that kind are
// those whose titles say so. A mention matches a table row when the names
// are equal or differ by an administrative prefix (区烟草局 is 烟草局).
//
// # Tables that may be misread
//
// A table whose header names one metric twice without groups, whose header
// levels are run together, one of whose cells holds two numbers, whose
// count column holds percentages, or whose unit names repeat (the units read
// from another column) may have been misread by the extractor: its findings
// are warnings, and their basis says why. So are the findings of a row
// whose cells look shifted: a number for its unit, a percentage under a
// count, a count above 100 under a rate.
//
// # Summary
//
// As statcheck's critics ask, the report says how many published values
// could be tested at all: Summary counts values checked (consistent,
// deviating, inconsistent) and untestable, alongside the findings.
package validate
