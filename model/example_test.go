package model_test

import (
	"fmt"

	"github.com/hotline12345/bulletin/model"
)

// Reading the canonical metrics of a row, whatever the published headers
// were.
func ExampleRow_Rate() {
	handled, satisfied, rate := 6.0, 5.0, 83.0
	zero := 0
	row := model.Row{Unit: "山化镇", Cells: map[model.Key]model.Cell{
		model.Handled:          {Text: "6", Value: &handled},
		model.Satisfied:        {Text: "5", Value: &satisfied},
		model.SatisfactionRate: {Text: "83%", Value: &rate, Decimals: &zero},
	}}
	n, _ := row.Count(model.Handled)
	s, _ := row.Count(model.Satisfied)
	r, _ := row.Rate(model.SatisfactionRate)
	fmt.Printf("%s: %d of %d satisfied, printed as %s (%d decimals)\n", row.Unit, s, n, r, r.Decimals)
	// Output: 山化镇: 5 of 6 satisfied, printed as 83% (0 decimals)
}

func ExampleKey_RateKey() {
	k := model.Key("12345热线/on_time")
	rate, _ := k.RateKey()
	fmt.Println(k.Group(), k.Base(), rate)
	// Output: 12345热线 on_time 12345热线/on_time_rate
}

// The parts of one total printed in two lists, by channel and by type, are
// two breakdowns of it.
func ExamplePartLists() {
	figs := []model.Figure{
		{Label: "受理诉求", Value: 2100, Parent: -1},
		{Label: "来电", Value: 1500, Parent: 0, List: 1},
		{Label: "网络", Value: 600, Parent: 0, List: 1},
		{Label: "咨询类", Value: 1200, Parent: 0, List: 2},
		{Label: "投诉类", Value: 900, Parent: 0, List: 2},
	}
	for _, list := range model.PartLists(figs, []int{1, 2, 3, 4}) {
		sum := 0.0
		for _, k := range list {
			sum += figs[k].Value
		}
		fmt.Println(list, sum)
	}
	// Output:
	// [1 2] 2100
	// [3 4] 2100
}

// A figure's span finds its phrase in the prose as printed, with the
// spaces a layout put in it that the figure's Text leaves out.
func ExampleSpan_Phrase() {
	paras := []model.Paragraph{{Text: "本月共受理诉求 2660 件，同比增加 181 件。"}}
	f := model.Figure{Label: "受理诉求", Value: 2660, Unit: "件", Text: "共受理诉求2660件",
		Span: &model.Span{Paragraph: 0, Start: 6, End: 30}}
	phrase, ok := f.Span.Phrase(paras)
	fmt.Printf("%q %v\n", phrase, ok)
	_, ok = model.Span{Paragraph: 0, Start: 7, End: 30}.Phrase(paras) // inside 共
	fmt.Println(ok)
	// Output:
	// "共受理诉求 2660 件" true
	// false
}
