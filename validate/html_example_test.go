package validate_test

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/validate"
)

// The report page of a bulletin built by a program: 41 of 47 printed as
// 87.32% is marked as an error in its cell, whose tip gives the expected
// 87.23%.
func ExampleHTML() {
	num := func(v float64) *float64 { return &v }
	two := 2
	b := &model.Bulletin{
		Title: "4月份群众诉求办理情况",
		Tables: []model.Table{{
			Label:   "附件1",
			Columns: []model.Column{{Header: "单位名称", Key: model.Unit}, {Header: "办理数", Key: model.Handled}, {Header: "按时办结数", Key: model.OnTime}, {Header: "按时办结率", Key: model.OnTimeRate}},
			Rows: []model.Row{
				{Unit: "甲局", Cells: map[model.Key]model.Cell{model.Handled: {Text: "47", Value: num(47)}, model.OnTime: {Text: "41", Value: num(41)}, model.OnTimeRate: {Text: "87.32%", Value: num(87.32), Decimals: &two}}},
				{Unit: "乙局", Cells: map[model.Key]model.Cell{model.Handled: {Text: "12", Value: num(12)}, model.OnTime: {Text: "11", Value: num(11)}, model.OnTimeRate: {Text: "91.67%", Value: num(91.67), Decimals: &two}}},
			},
		}},
	}
	var page strings.Builder
	if err := validate.HTML(&page, b, validate.Check(b)); err != nil {
		panic(err)
	}
	cell := regexp.MustCompile(`<td class="num mk sev-error"[^>]*>.*?</td>`).FindString(page.String())
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(cell, " ")
	fmt.Println(strings.Join(strings.Fields(text), " "))
	// Output:
	// ✖ error: 87.32% 1 ✖ 1. error · rate_mismatch published 87.32% · expected 87.23% 按时办结率 87.32%: 41/47 (按时办结数/办理数) = 87.23%; no rounding of it gives the printed value hint: the printed 87.32% is 87.23% with two transposed digits basis: no rounding of 41/47 gives 87.32% (按时办结率 = 按时办结数/办理数, named by the headers; holds in 1 of 2 rows)
}
