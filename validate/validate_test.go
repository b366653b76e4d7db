package validate

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

// The denominator each rate column is tested against, and where it came
// from.
func TestConventions(t *testing.T) {
	tests := []struct {
		fixture     string
		column      model.Key
		denominator model.Key
		source      string
		decimals    int
	}{
		{"visited", model.SatisfactionRate, model.Visited, "default", 2},
		{"closed", model.OnTimeRate, model.Closed, "inferred", 2},
		{"note_definition", model.OnTimeRate, model.Closed, "definition", 2},
		{"note_definition", model.ExcellenceRate, model.Handled, "default", 2},
		{"grim", model.OnTimeRate, model.Handled, "default", 0},
		{"unprinted_denominator", model.SatisfactionRate, "", "", 2},
		{"rate_precision", model.SatisfactionRate, model.Handled, "default", 2},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+string(tt.column), func(t *testing.T) {
			rep := Check(loadFixture(t, tt.fixture))
			var got *Convention
			for i := range rep.Conventions {
				if rep.Conventions[i].Column == tt.column {
					got = &rep.Conventions[i]
				}
			}
			require.NotNil(t, got)
			assert.Equal(t, tt.denominator, got.Denominator)
			assert.Equal(t, tt.source, got.Source)
			assert.Equal(t, tt.decimals, got.Decimals)
		})
	}
}

// The JSON of a finding has the documented keys, plus hint when there is one
// and figure or mention for prose findings.
func TestFindingJSON(t *testing.T) {
	rep := Check(loadFixture(t, "rate_precision"))
	require.Len(t, rep.Findings, 1)
	data, err := json.Marshal(rep.Findings[0])
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	for _, k := range []string{"severity", "rule", "table", "row", "unit", "column", "published", "expected", "message", "pos"} {
		assert.Contains(t, m, k)
	}
	assert.NotContains(t, m, "hint", "empty hints are left out")
	assert.NotContains(t, m, "figure")
	assert.Equal(t, "warning", m["severity"])
	assert.Equal(t, "rate_precision", m["rule"])

	data, err = json.Marshal(rep)
	require.NoError(t, err)
	var r map[string]any
	require.NoError(t, json.Unmarshal(data, &r))
	assert.Contains(t, r, "findings")
	assert.Contains(t, r, "summary")
	assert.Equal(t, "half-up", r["summary"].(map[string]any)["rounding"])
}

func TestReportHelpers(t *testing.T) {
	rep := Check(loadFixture(t, "totals"))
	assert.True(t, rep.HasErrors())
	assert.Equal(t, 1, rep.Count(TotalMismatch))
	err := rep.Err()
	require.Error(t, err)
	var f Finding
	require.True(t, errors.As(err, &f))
	assert.Equal(t, TotalMismatch, f.Rule)
	assert.Equal(t, "table 0 row 3 合计 handled", f.Where())

	rep = Check(loadFixture(t, "totals"), WithoutRules(TotalMismatch, RateMismatch))
	assert.Empty(t, rep.Findings)
	assert.Zero(t, rep.Summary.Inconsistent, "values only switched-off rules test are not counted")

	rep = Check(nil)
	assert.Empty(t, rep.Findings)
	require.NoError(t, rep.Err())
	rep = Check(&model.Bulletin{})
	assert.Empty(t, rep.Findings)
	assert.Zero(t, rep.Summary.Values)
}

// A rule switched off does not run: a family all of whose rules are off
// does no work (no conventions for the rate columns), and OnlyRules keeps
// the others off.
func TestRulesSwitchedOff(t *testing.T) {
	b := loadFixture(t, "totals")
	full := Check(b)
	require.NotEmpty(t, full.Conventions)
	rep := Check(b, WithoutRules(RateMismatch, RateRounding, RatePrecision, RateUntestable))
	for _, cv := range rep.Conventions {
		assert.NotEqual(t, "rate", cv.Kind, "the rates family ran")
	}
	assert.Equal(t, 1, rep.Count(TotalMismatch))
	assert.Less(t, rep.Summary.Checked, full.Summary.Checked)

	rep = Check(b, OnlyRules(TotalMismatch))
	require.Len(t, rep.Findings, 1)
	assert.Equal(t, TotalMismatch, rep.Findings[0].Rule)
	rep = Check(b, OnlyRules(TotalMismatch), WithoutRules(TotalMismatch))
	assert.Empty(t, rep.Findings)
	assert.Zero(t, rep.Summary.Values)
}

// Every rule is registered with a family that reports it, a doc and a
// severity policy, and the package documentation lists it with the same
// severities.
func TestRegistry(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	fams := map[string][]Rule{}
	for _, f := range families {
		fams[f.name] = f.rules
	}
	seen := map[Rule]bool{}
	for _, info := range Registry() {
		assert.False(t, seen[info.Rule], "%s registered twice", info.Rule)
		seen[info.Rule] = true
		assert.NotEmpty(t, info.Doc, info.Rule)
		assert.NotEmpty(t, info.Policy, info.Rule)
		require.NotEmpty(t, info.Families, info.Rule)
		for _, fam := range info.Families {
			assert.Contains(t, fams[fam], info.Rule, "%s: family %s does not report it", info.Rule, fam)
		}
		line := docLine(string(doc), info.Rule)
		require.NotEmpty(t, line, "%s is not in the package documentation", info.Rule)
		for _, p := range info.Policy {
			assert.Contains(t, line, string(p.Severity), "%s: %s", info.Rule, line)
		}
	}
	for name, rules := range fams {
		for _, r := range rules {
			info, ok := Describe(r)
			require.True(t, ok, "%s of family %s is not registered", r, name)
			assert.Contains(t, info.Families, name, r)
		}
	}
	assert.Equal(t, len(Registry()), len(Rules))
}

// docLine returns the rule's block of the package documentation's rule
// table: its lines up to the next rule.
func docLine(doc string, r Rule) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		fields := strings.Fields(strings.TrimPrefix(l, "//"))
		if strings.HasPrefix(l, "//\t") && len(fields) > 0 && fields[0] == string(r) {
			block := l
			for _, m := range lines[i+1:] {
				f := strings.Fields(strings.TrimPrefix(m, "//"))
				if len(f) == 0 || (len(f[0]) > 0 && f[0] != "error" && f[0] != "warning" && f[0] != "info" && !strings.HasPrefix(m, "//\t  ") && !strings.HasPrefix(m, "//\t\t")) {
					break
				}
				block += "\n" + m
			}
			return block
		}
	}
	return ""
}

// Findings come sorted by table (prose first), row (whole-table findings
// first), then column order.
func TestFindingOrder(t *testing.T) {
	for _, name := range []string{"narrative", "rate_mismatch", "format", "definitions"} {
		rep := Check(loadFixture(t, name))
		for i := 1; i < len(rep.Findings); i++ {
			a, b := rep.Findings[i-1], rep.Findings[i]
			assert.True(t, a.Table < b.Table || (a.Table == b.Table && a.Row <= b.Row), "%s: %s before %s", name, a.Where(), b.Where())
		}
	}
}

// A rank column is checked in either direction of the score, and ties may
// list their scores in any order.
func TestRanks(t *testing.T) {
	mk := func(ranks []string, scores []string) *model.Bulletin {
		t := model.Table{Columns: []model.Column{{Header: "单位名称", Key: model.Unit}, {Header: "排名", Key: model.Rank}, {Header: "得分", Key: model.Score}}}
		for i := range ranks {
			t.Rows = append(t.Rows, model.Row{Unit: string(rune('甲' + i)), Cells: map[model.Key]model.Cell{
				model.Rank: {Text: ranks[i]}, model.Score: {Text: scores[i]}}})
		}
		b := &model.Bulletin{Tables: []model.Table{t}}
		fillValues(b)
		return b
	}
	rep := Check(mk([]string{"1", "2", "2", "4"}, []string{"99", "97", "98", "90"}))
	assert.Empty(t, rep.Findings, "tied ranks")
	rep = Check(mk([]string{"1", "2", "3", "4"}, []string{"5", "7", "9", "12"}))
	assert.Empty(t, rep.Findings, "ranked by a count, lowest first")
	rep = Check(mk([]string{"1", "2", "3", "4", "5"}, []string{"5", "7", "3", "12", "15"}))
	require.Len(t, rep.Findings, 1)
	assert.Equal(t, 2, rep.Findings[0].Row)
	assert.Equal(t, "1", rep.Findings[0].Expected)
}

func TestSameUnit(t *testing.T) {
	assert.True(t, sameUnit("区烟草局", "烟草局"))
	assert.True(t, sameUnit("区市场监管局", "市场监管局"))
	assert.True(t, sameUnit("偃师区财政局", "财政局"))
	assert.True(t, sameUnit("伊洛 街道", "伊洛街道"))
	assert.True(t, sameUnit("市场监管局", "区市场监管局"))
	assert.False(t, sameUnit("交通公安局", "公安局"))
	assert.False(t, sameUnit("局", "区局"))
}

func TestChannelsAndUnitTypes(t *testing.T) {
	assert.Equal(t, "online", channelOf("12345热线网民留言办理情况"))
	assert.Equal(t, "phone", channelOf("电话诉求事项"))
	assert.Equal(t, "", channelOf("区直部门及公共服务单位群众诉求事项办理情况"))
	assert.Equal(t, "mail", channelOf("群众来信"))
	assert.Equal(t, "all", channelOf("电话和网络诉求"))
	assert.Equal(t, "", channelOf("热线直接解答"), "the hotline takes every channel")
	assert.Equal(t, "dept", unitType("3月份区直部门及公共服务单位群众诉求事项办理情况"))
	assert.Equal(t, "town", unitType("3月份各镇（街道）网民诉求事项办理情况"))
	assert.Equal(t, "county", unitType("各县区办理情况"))
	assert.Equal(t, "", unitType("12345热线工单办理情况"))
}
