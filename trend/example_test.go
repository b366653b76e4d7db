package trend_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/trend"
)

// A unit's on-time rate over three months, from bulletins made by a
// program, drawn as inline SVG for an HTML page.
func ExampleCollector() {
	var c trend.Collector
	for i, rate := range []float64{91.3, 95, 97.25} {
		v := rate
		b := &model.Bulletin{
			Period: model.Period{Start: model.Date{Year: 2024, Month: time.Month(i + 1), Day: 1}},
			Tables: []model.Table{{
				Label:   "附件1",
				Columns: []model.Column{{Header: "单位名称", Key: model.Unit}, {Header: "按时办结率", Key: model.OnTimeRate}},
				Rows:    []model.Row{{Unit: "交通局", Cells: map[model.Key]model.Cell{model.OnTimeRate: {Text: fmt.Sprint(v, "%"), Value: &v}}}},
			}},
		}
		c.Add(fmt.Sprintf("2024-%02d.docx", i+1), b)
	}
	for _, ch := range c.Charts(2) {
		svg, err := ch.SVG()
		if err != nil {
			panic(err)
		}
		fmt.Println(ch.Title, ch.Series[0].Name, len(ch.Series[0].Points), "points")
		fmt.Println(strings.Count(string(svg), "<polyline"), "line;", strings.Contains(string(svg), "2024-03: 97.25%"))
	}
	// Output:
	// 交通局 按时办结率 · 附件1 3 points
	// 1 line; true
}
