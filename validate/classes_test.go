package validate

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

// The classes of issue 14, one test each, on the fixtures that
// testdata/gen/validate_classes.py writes (their want files are checked by
// TestFixtures; these tests check what the want files cannot say).

// Class 1: the partition uses every disjoint status column; the
// unrecognised 退回件数 joins it because it closes the gap, and the report's
// conventions say so. A table whose split fails on most rows has none.
func TestClassPartitions(t *testing.T) {
	rep := Check(loadFixture(t, "class1_partitions"))
	var sums []Convention
	for _, cv := range rep.Conventions {
		if cv.Kind == "sum" {
			sums = append(sums, cv)
		}
	}
	require.Len(t, sums, 2)
	assert.Equal(t, []model.Key{model.Closed, model.Open, "退回件数"}, sums[0].Parts)
	assert.Equal(t, "inferred", sums[0].Source)
	assert.Equal(t, 9, sums[0].Fits)
	assert.Contains(t, sums[0].Basis, "退回件数, which no header names as a status, closes the gap")
	assert.Equal(t, 1, sums[1].Table)
	assert.Empty(t, sums[1].Source, "a split that fails on most rows is not a relation of the table")
	assert.Contains(t, sums[1].Basis, "not a relation of this table")
	for _, f := range rep.Findings {
		assert.Equal(t, 0, f.Table, "nothing is reported on the second table: %s", f.Error())
	}
}

// Class 2: a rate whose numerator is printed is checked as numerator/base,
// and its expected value is that, although a GRIM test over some whole k
// would pass.
func TestClassPrintedNumerators(t *testing.T) {
	rep := Check(loadFixture(t, "class2_numerators"))
	var cv *Convention
	for i := range rep.Conventions {
		if rep.Conventions[i].Column == model.ClosureRate {
			cv = &rep.Conventions[i]
		}
	}
	require.NotNil(t, cv)
	assert.Equal(t, []model.Key{model.OnTime, model.Overdue}, cv.NumeratorParts)
	assert.Equal(t, model.Handled, cv.Denominator)
	require.Len(t, rep.Findings, 1)
	f := rep.Findings[0]
	s, _, all := grim(74, printed{9595, 2})
	assert.False(t, all)
	assert.True(t, s.has(HalfUp), "95.95% is 71/74: the GRIM test alone would pass it")
	assert.Equal(t, "94.59%", f.Expected, "the expected value is the printed counts' 70/74")
	assert.Contains(t, f.Basis, "no rounding of 70/74 gives 95.95%")

	rep = Check(loadFixture(t, "class2_prose"))
	require.Len(t, rep.Findings, 1)
	assert.Equal(t, Error, rep.Findings[0].Severity)
	assert.Contains(t, rep.Findings[0].Basis, "no rounding of 470/500 gives 95.20%")
}

// Class 3: a rate column whose header names no base takes the count
// column over which every other row's rate is some k/count.
func TestClassUnnamedBase(t *testing.T) {
	rep := Check(loadFixture(t, "class3_unnamed_base"))
	var cv *Convention
	for i := range rep.Conventions {
		if rep.Conventions[i].Kind == "rate" {
			cv = &rep.Conventions[i]
		}
	}
	require.NotNil(t, cv)
	assert.Equal(t, model.Handled, cv.Denominator)
	assert.Equal(t, "inferred", cv.Source)
	require.Len(t, rep.Findings, 1)
	assert.Contains(t, rep.Findings[0].Basis, "no integer k gives 86.55% over 58")
	assert.Contains(t, rep.Findings[0].Basis, "holds in 11 of 12 rows")
}

// Class 4: a share that holds only by truncation in a half-up document is
// a rate_rounding warning, as a rate would be; the mode counts the shares.
func TestClassShareRounding(t *testing.T) {
	rep := Check(loadFixture(t, "class4_shares"))
	assert.Equal(t, HalfUp, rep.Summary.Rounding)
	for _, f := range rep.Findings {
		if f.Rule == RateRounding {
			assert.Contains(t, f.Basis, "only under truncation")
		}
	}
	// The same list in a document that truncates: the share that holds
	// only half-up is the one warned about.
	b := loadFixture(t, "class4_shares")
	b.Tables = nil
	rep = Check(b, WithMode(Truncate))
	require.Equal(t, 1, rep.Count(RateRounding))
	for _, f := range rep.Findings {
		if f.Rule == RateRounding {
			assert.Equal(t, 4, *f.Figure, "8.21%% is 264/3216 half-up; truncated it is 8.20%%")
		}
	}
}

// Class 4, as the extractor may give a share list: each share a "rate"
// figure after its count, all given the first count as parent. The share
// is of the count right before it, and the list establishes its total.
func TestClassShareRates(t *testing.T) {
	rep := Check(loadFixture(t, "class4_share_rates"))
	require.Len(t, rep.Findings, 1)
	assert.Contains(t, rep.Findings[0].Basis, "the other shares of the list hold over 5120件 (3 of 4)")
}

// Class 5: changes against their counts and rates.
func TestClassChanges(t *testing.T) {
	rep := Check(loadFixture(t, "class5_changes"))
	assert.Equal(t, 3, rep.Count(ChangeMismatch))
	// Linked by position only, a failing change is a warning.
	b := loadFixture(t, "class5_changes")
	b.Figures[5].Parent = -1
	b.Figures[4].Parent = -1
	b.Figures[5].Pos = model.Pos{Line: 3}
	b.Figures[4].Pos = model.Pos{Line: 3}
	b.Figures[3].Pos = model.Pos{Line: 3}
	rep = Check(b)
	for _, f := range rep.Findings {
		if f.Figure != nil && *f.Figure == 5 {
			assert.Equal(t, Warning, f.Severity, f.Error())
		}
	}
}

// Class 6: the noisy warnings, each on its own bulletin; the want files
// hold the findings (none but the live rules' controls).
func TestClassNoisyWarnings(t *testing.T) {
	for _, name := range []string{"noise_top_list", "noise_each", "noise_two_level", "noise_dispatched",
		"noise_unit_subset", "noise_share_base"} {
		rep := Check(loadFixture(t, name))
		for _, f := range rep.Findings {
			assert.True(t, f.Rule == MentionUnknownUnit && f.Unit == "区档案馆", "%s: %s", name, f.Error())
		}
	}
	rep := Check(loadFixture(t, "dispatched_compare"))
	require.Len(t, rep.Findings, 1)
	assert.Equal(t, TableVsNarrative, rep.Findings[0].Rule)
}

// A table the extractor may have misread gives warnings that say why, not
// errors: here a count column holds percentages.
func TestMisreadTableWarns(t *testing.T) {
	rep := Check(loadFixture(t, "misread_table"))
	require.Len(t, rep.Findings, 1)
	f := rep.Findings[0]
	assert.Equal(t, Warning, f.Severity)
	assert.Contains(t, f.Basis, "the table may be misread: the count column 满意数 holds percentages")
}

// A row whose cells look shifted (here a total row read one cell to the
// left: a number for its unit, a percentage under a count) gives warnings.
func TestMisreadRowWarns(t *testing.T) {
	tb := model.Table{Columns: []model.Column{{Header: "单位", Key: model.Unit}, {Header: "办理数", Key: model.Handled},
		{Header: "办结数", Key: model.Closed}, {Header: "办结率", Key: model.ClosureRate}}}
	for _, r := range [][4]string{{"甲局", "20", "19", "95.00%"}, {"乙局", "30", "30", "100.00%"}, {"丙局", "10", "9", "90.00%"}} {
		tb.Rows = append(tb.Rows, model.Row{Unit: r[0], Cells: map[model.Key]model.Cell{
			model.Handled: countCellOf(atoi(r[1])), model.Closed: countCellOf(atoi(r[2])), model.ClosureRate: rateCellOf(r[3], 2)}})
	}
	tb.Rows = append(tb.Rows, model.Row{Unit: "60", Total: true, Cells: map[model.Key]model.Cell{
		model.Handled: countCellOf(58), model.Closed: rateCellOf("96.67%", 2)}})
	rep := Check(&model.Bulletin{Tables: []model.Table{tb}})
	require.Equal(t, 1, rep.Count(TotalMismatch))
	for _, f := range rep.Findings {
		assert.NotEqual(t, Error, f.Severity, f.Error())
		if f.Rule == TotalMismatch {
			assert.Contains(t, f.Basis, "the row may be misread: its unit cell holds the number 60")
		}
	}
}

func atoi(s string) int64 {
	var n int64
	for _, r := range s {
		n = n*10 + int64(r-'0')
	}
	return n
}
