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
