package validate

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
)

const seedPath = "../testdata/yanshi-2023-03.txt"

func readSeed(t testing.TB) *model.Bulletin {
	t.Helper()
	b, err := extract.ExtractFile(context.Background(), seedPath)
	require.NoError(t, err)
	return b
}

// key is what identifies a finding in the acceptance lists.
type key struct {
	Severity Severity
	Rule     Rule
	Table    int
	Row      int
	Column   model.Key
}

func keysOf(fs []Finding) []key {
	out := make([]key, len(fs))
	for i, f := range fs {
		out[i] = key{f.Severity, f.Rule, f.Table, f.Row, f.Column}
	}
	return out
}

// seedTableFindings are what the seed's tables give: 山化镇's two rates
// printed 83% in two-decimal columns, and the five rates printed 0 without
// a percent sign.
var seedTableFindings = []key{
	{Info, Format, 2, 26, model.SatisfactionRate},
	{Info, Format, 2, 26, model.ExcellenceRate},
	{Info, Format, 2, 27, model.OnTimeRate},
	{Info, Format, 2, 27, model.SatisfactionRate},
	{Info, Format, 2, 27, model.ExcellenceRate},
	{Warning, RatePrecision, 3, 3, model.SatisfactionRate},
	{Warning, RatePrecision, 3, 3, model.ExcellenceRate},
}

func TestSeedTables(t *testing.T) {
	b := readSeed(t)
	b.Figures, b.Mentions = nil, nil // the tables alone
	rep := Check(b)
	assert.Equal(t, seedTableFindings, keysOf(rep.Findings))
	assert.False(t, rep.HasErrors())
	require.NoError(t, rep.Err())
	for _, f := range rep.Findings {
		if f.Rule == RatePrecision {
			assert.Equal(t, "山化镇", f.Unit)
			assert.Equal(t, "83%", f.Published)
			assert.Equal(t, "83.33%", f.Expected)
			// The cell's line in the text file.
			assert.Equal(t, map[model.Key]int{model.SatisfactionRate: 924, model.ExcellenceRate: 926}[f.Column], f.Pos.Line)
		}
	}
	s := rep.Summary
	assert.Equal(t, HalfUp, s.Rounding)
	assert.Positive(t, s.RoundingEvidence)
	assert.Equal(t, 2, s.Deviating)
	assert.Zero(t, s.Inconsistent)
	assert.Zero(t, s.Untestable)
	assert.Equal(t, s.Checked, s.Consistent+s.Deviating)
	// 99 unit rows of 7 values each, all checkable.
	assert.Equal(t, 99*7, s.Checked)
	for _, cv := range rep.Conventions {
		assert.Equal(t, model.Handled, cv.Denominator, "%d %s", cv.Table, cv.Column)
		assert.Equal(t, cv.Rows, cv.Fits, "%d %s", cv.Table, cv.Column)
	}
}

// TestSeedAcceptance is issue 7's acceptance on the seed: the table
// findings, table_vs_narrative warnings for the phone tables (1884 + 841 =
// 2725 against 2364) and the online tables (185 + 52 = 237 against 296), a
// unit_count warning (51 distinct units in the department tables against
// 57), and no error; on the bulletin as the extractor reads it.
func TestSeedAcceptance(t *testing.T) {
	b := readSeed(t)
	require.NotEmpty(t, b.Figures, "the extractor reads the seed's prose")
	rep := Check(b)
	require.NoError(t, rep.Err())
	var narrative []Finding
	for _, f := range rep.Findings {
		if f.Table < 0 {
			narrative = append(narrative, f)
		}
	}
	assert.Equal(t, seedTableFindings, keysOf(rep.Findings[len(narrative):]))
	require.Len(t, narrative, 3, "%v", narrative)
	byFig := map[string]Finding{}
	for _, f := range narrative {
		require.NotNil(t, f.Figure)
		byFig[b.Figures[*f.Figure].Label+" "+string(f.Rule)] = f
	}
	phone, online := byFig["电话诉求事项 table_vs_narrative"], byFig["网民诉求 table_vs_narrative"]
	units := byFig["区直单位 unit_count"]
	for _, f := range []Finding{phone, online, units} {
		assert.Equal(t, Warning, f.Severity)
	}
	assert.Equal(t, "2364件", phone.Published)
	assert.Equal(t, "2725", phone.Expected)
	assert.Equal(t, "296件", online.Published)
	assert.Equal(t, "237", online.Expected)
	assert.Equal(t, "57家", units.Published)
	assert.Equal(t, "51", units.Expected)
	for _, f := range narrative {
		t.Log(f.Error())
	}
}
