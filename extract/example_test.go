package extract_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
)

// Extracting a bulletin file and walking its tables.
func ExampleExtractFile() {
	b, err := extract.ExtractFile(context.Background(), "../testdata/yanshi-2023-03.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range b.Tables {
		var handled int64
		for _, row := range t.Rows {
			n, _ := row.Count(model.Handled)
			handled += n
		}
		fmt.Printf("%s %s: %d units, %d handled\n", t.Label, t.Title, len(t.Rows), handled)
	}
	// Output:
	// 附件1 3月份区直部门及公共服务单位群众诉求事项办理情况: 45 units, 1884 handled
	// 附件2 3月份各镇（街道）群众诉求事项办理情况: 13 units, 841 handled
	// 附件3 3月份区直部门及公共服务单位网民诉求事项办理情况: 28 units, 185 handled
	// 附件4 3月份各镇（街道）网民诉求事项办理情况: 13 units, 52 handled
}

// Any table layout of a text copy is recognised without hints; here, pipe
// rows with a header wrapped over two lines.
func ExampleExtractReader() {
	text := `附件1
各单位办理情况
| 单位名称 | 交办总量 | 按  时 | 群众满意率 |
|          |          | 办结率 |            |
|---|---|---|---|
| 公安局 | 1,234 | 99.80%% | 91.3% |
| 法院   | 56    | 100%    | —     |
`
	b, err := extract.ExtractReader(context.Background(), strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	t := b.Tables[0]
	var cols []string
	for _, c := range t.Columns {
		cols = append(cols, c.Header+"="+string(c.Key))
	}
	fmt.Println(strings.Join(cols, " "))
	for _, row := range t.Rows {
		n, _ := row.Count(model.Handled)
		onTime, _ := row.Rate(model.OnTimeRate)
		satisfaction := row.Cells[model.SatisfactionRate].Text
		if r, ok := row.Rate(model.SatisfactionRate); ok {
			satisfaction = r.String()
		}
		fmt.Println(row.Unit, n, onTime, satisfaction)
	}
	// Output:
	// 单位名称=unit 交办总量=handled 按时办结率=on_time_rate 群众满意率=satisfaction_rate
	// 公安局 1234 99.80% 91.3%
	// 法院 56 100% —
}

// Errors carry the file and position and wrap a documented cause.
func ExampleParseError() {
	_, err := extract.ExtractReader(context.Background(), strings.NewReader("a\nb\n"+strings.Repeat("x", 100)),
		extract.WithName("long.txt"), extract.WithLimits(extract.Limits{MaxLineBytes: 64}))
	var pe *extract.ParseError
	if errors.As(err, &pe) && errors.Is(err, extract.ErrLimit) {
		fmt.Println(pe.File, pe.Pos.Line)
		fmt.Println(err)
	}
	// Output:
	// long.txt 3
	// long.txt: line 3: limit exceeded: more than 64 bytes in a line
}

// Reading back a bulletin's JSON, as a program corrected or built it: within
// the limits, and with the path of a value at fault in the error.
func ExampleReadJSON() {
	good := `{"title": "3月份通报", "tables": [{"label": "附件1", "rows": [{"unit": "烟草局",
		"cells": {"on_time_rate": {"text": "100%", "value": 100, "decimals": 0}}}]}]}`
	b, err := extract.ReadJSON(context.Background(), strings.NewReader(good))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Title, b.Tables[0].Rows[0].Unit)

	bad := `{"figures": [{"label": "甲类", "value": 60, "share": 60, "share_decimals": 9000000000000000000}]}`
	_, err = extract.ReadJSON(context.Background(), strings.NewReader(bad), extract.WithName("edited.json"))
	fmt.Println(errors.Is(err, extract.ErrLimit), err)
	// Output:
	// 3月份通报 烟草局
	// true edited.json: figures[0].share_decimals: limit exceeded: 9000000000000000000 decimals, more than 12
}
