package validate_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/validate"
)

// row builds a table row from printed texts, as an extractor would read
// them.
func row(unit string, cells map[model.Key]string) model.Row {
	r := model.Row{Unit: unit, Cells: map[model.Key]model.Cell{}}
	for k, text := range cells {
		s := strings.TrimSuffix(text, "%")
		v, _ := strconv.ParseFloat(s, 64)
		c := model.Cell{Text: text, Value: &v}
		if k.IsRate() {
			d := 0
			if i := strings.IndexByte(s, '.'); i >= 0 {
				d = len(s) - i - 1
			}
			c.Decimals = &d
		}
		r.Cells[k] = c
	}
	return r
}

// Checking a bulletin built by a program: 5 of 6 printed "83%" in a column
// printed at two decimals holds only at another precision, and 41 of 47
// printed "87.32%" holds under no rounding at all.
func ExampleCheck() {
	t := model.Table{
		Label: "附件1",
		Columns: []model.Column{
			{Header: "单位名称", Key: model.Unit},
			{Header: "办理数", Key: model.Handled},
			{Header: "群众满意数", Key: model.Satisfied},
			{Header: "群众满意率", Key: model.SatisfactionRate},
		},
		Rows: []model.Row{
			row("山化镇", map[model.Key]string{model.Handled: "6", model.Satisfied: "5", model.SatisfactionRate: "83%"}),
			row("翟镇镇", map[model.Key]string{model.Handled: "6", model.Satisfied: "4", model.SatisfactionRate: "66.67%"}),
			row("商城街道", map[model.Key]string{model.Handled: "7", model.Satisfied: "4", model.SatisfactionRate: "57.14%"}),
			row("府店镇", map[model.Key]string{model.Handled: "47", model.Satisfied: "41", model.SatisfactionRate: "87.32%"}),
		},
	}
	rep := validate.Check(&model.Bulletin{Tables: []model.Table{t}})
	for _, f := range rep.Findings {
		fmt.Printf("%s %s %s: published %s, expected %s\n", f.Severity, f.Rule, f.Unit, f.Published, f.Expected)
		if f.Hint != "" {
			fmt.Println("  hint:", f.Hint)
		}
	}
	s := rep.Summary
	fmt.Printf("%d values checked: %d consistent, %d deviating, %d inconsistent (%s rounding)\n",
		s.Checked, s.Consistent, s.Deviating, s.Inconsistent, s.Rounding)
	fmt.Println(rep.Err() != nil)
	// Output:
	// warning rate_precision 山化镇: published 83%, expected 83.33%
	// error rate_mismatch 府店镇: published 87.32%, expected 87.23%
	//   hint: the printed 87.32% is 87.23% with two transposed digits
	// 12 values checked: 10 consistent, 1 deviating, 1 inconsistent (half-up rounding)
	// true
}

// Checking a file: the extractor reads it, Check rechecks it. Here a total
// row counts one unit twice and a subtotal's rate has two digits swapped.
func ExampleCheck_file() {
	b, err := extract.ExtractFile(context.Background(), "../testdata/validate/totals.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range validate.Check(b).Findings {
		fmt.Printf("%s: %s\n", f.Where(), f.Message)
		fmt.Printf("  hint: %s\n", f.Hint)
	}
	// Output:
	// table 0 row 3 合计 handled: 合计 办理数 44 is not the sum of its 3 rows, 37 (off by +7)
	//   hint: the difference equals 丙局's 7: a row counted twice?
	// table 1 row 6 合计 on_time_rate: 按时办结率 88.98%: 24/27 (按时办结数/办理数) = 88.89%; no rounding of it gives the printed value
	//   hint: the printed 88.98% is 88.89% with two transposed digits
}

// Rates printed by truncation are inferred as such; forcing half-up shows
// which values depend on it.
func ExampleWithMode() {
	b, err := extract.ExtractFile(context.Background(), "../testdata/validate/truncation.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := validate.Check(b)
	fmt.Println(rep.Summary.Rounding, len(rep.Findings))
	for _, f := range validate.Check(b, validate.WithMode(validate.HalfUp)).Findings {
		fmt.Println(f.Rule, f.Unit, f.Published, f.Expected)
	}
	// Output:
	// truncation 0
	// rate_rounding 甲局 66.66% 66.67%
	// rate_rounding 乙局 88.88% 88.89%
}

// The rules and when each is an error: the registry the package
// documentation prints.
func ExampleRegistry() {
	for _, info := range validate.Registry()[:3] {
		for _, p := range info.Policy {
			fmt.Printf("%-14s %-8s %.60s…\n", info.Rule, p.Severity, p.When)
		}
	}
	// Output:
	// rate_mismatch  error    the rate's counts are named by the headers (a count and its …
	// rate_mismatch  warning  the relation is inferred from rows that do not establish it,…
	// rate_rounding  warning  always…
	// rate_precision warning  always…
}

// Why a finding is certain: a handled count that its status counts do not
// make up, where an unrecognised 退回件数 column closes the gap on every
// other row; and only the rows' relations switched on.
func ExampleFinding_basis() {
	b, err := extract.ExtractFile(context.Background(), "../testdata/validate/class1_partitions.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := validate.Check(b, validate.OnlyRules(validate.PartsSumMismatch))
	for _, f := range rep.Findings {
		fmt.Println(f.Severity, f.Rule, f.Unit, f.Published, "→", f.Expected)
		fmt.Println("basis:", f.Basis)
	}
	// Output:
	// error parts_sum_mismatch 石门乡 22 → 19
	// basis: 22 ≠ 19 (受理件数 = 已办结 + 办理中 + 退回件数, holds in 9 of 10 rows)
}
