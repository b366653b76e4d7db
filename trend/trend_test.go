package trend

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

// bulletin makes a one-table bulletin for a month with rows of unit and
// printed on-time rate.
func bulletin(month time.Month, rows ...string) *model.Bulletin {
	t := model.Table{Label: "附件1", Columns: []model.Column{{Header: "单位名称", Key: model.Unit}, {Header: "按时办结率", Key: model.OnTimeRate}}}
	for i := 0; i+1 < len(rows); i += 2 {
		r := model.Row{Unit: rows[i], Total: rows[i] == "合计", Cells: map[model.Key]model.Cell{}}
		text := rows[i+1]
		c := model.Cell{Text: text}
		if v, ok := parsePercent(text); ok {
			c.Value = &v
		}
		r.Cells[model.OnTimeRate] = c
		t.Rows = append(t.Rows, r)
	}
	return &model.Bulletin{
		Period: model.Period{Start: model.Date{Year: 2024, Month: month, Day: 1}, End: model.Date{Year: 2024, Month: month, Day: 28}},
		Tables: []model.Table{t},
	}
}

func parsePercent(s string) (float64, bool) {
	var v float64
	_, err := fmt.Sscan(strings.TrimSuffix(s, "%"), &v)
	return v, err == nil
}

func TestCollector(t *testing.T) {
	var c Collector
	c.Add("b/2024-03.txt", bulletin(3, "甲局", "90%", "乙局", "—", "合计", "95%"))
	c.Add("a/2024-01.txt", bulletin(1, "甲局", "80%", "乙局", "100%"))
	c.Add("z/2024-01-copy.txt", bulletin(1, "甲局", "81%"))  // same period, later source: not kept
	c.Add("a/2024-01-again.txt", bulletin(1, "甲局", "79%")) // earlier source: kept
	c.Add("no-period.txt", &model.Bulletin{Tables: bulletin(5, "甲局", "1%").Tables})
	charts := c.Charts(2)
	require.Len(t, charts, 1, "乙局 has one period with a rate, 合计 is no unit")
	ch := charts[0]
	assert.Equal(t, "甲局", ch.Title)
	require.Len(t, ch.Series, 1)
	assert.Equal(t, "按时办结率 · 附件1", ch.Series[0].Name)
	var got []string
	for _, p := range ch.Series[0].Points {
		got = append(got, p.Period.Start.String()+" "+p.Text)
	}
	assert.Equal(t, []string{"2024-01-01 79%", "2024-03-01 90%"}, got)
	assert.Len(t, c.Charts(1), 2)
}

func TestSVG(t *testing.T) {
	d := func(m time.Month) model.Period { return model.Period{Start: model.Date{Year: 2024, Month: m, Day: 1}} }
	ch := Chart{Title: `<script>alert(1)</script>局`, Series: []Series{
		{Name: "按时办结率 · 附件1", Points: []Point{{d(1), 80, "80%"}, {d(2), 85.5, "85.50%"}, {d(4), 90, "90%"}}},
		{Name: `满意率 "a" · 附件1`, Points: []Point{{d(1), 99, "99%"}, {d(3), 97, "97%"}}},
	}}
	svg, err := ch.SVG()
	require.NoError(t, err)
	s := string(svg)
	assert.True(t, strings.HasPrefix(s, `<svg xmlns="http://www.w3.org/2000/svg"`))
	assert.NotContains(t, s, "<script")
	assert.Contains(t, s, "&lt;script&gt;")
	assert.Contains(t, s, `满意率 &#34;a&#34; · 附件1`)
	// The first series misses March, the second February.
	assert.Equal(t, 4, strings.Count(s, "<polyline"), "a missing period breaks a line: two pieces each")
	assert.Equal(t, 5+2, strings.Count(s, "<path"), "a marker per point and per legend entry")
	assert.Contains(t, s, "<title>按时办结率 · 附件1 2024-02: 85.50%</title>")
	for _, m := range []string{"2024-01", "2024-02", "2024-03", "2024-04"} {
		assert.Contains(t, s, ">"+m+"</text>")
	}
	assert.Contains(t, s, `>70%</text>`, "the axis starts at a round value below the lowest rate")
	assert.Contains(t, s, `stroke-dasharray="6 3"`, "the second line has its own dash pattern")
}

func TestSVGEmpty(t *testing.T) {
	svg, err := Chart{Title: "none"}.SVG()
	require.NoError(t, err)
	assert.Contains(t, string(svg), "0 series over 0 periods")
}
