package validate

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/hotline12345/bulletin/model"
)

// BenchmarkCheck measures Check on the seed (99 unit rows in four tables,
// with its prose) and on one table of 10,000 rows, and reports rows per
// second.
func BenchmarkCheck(b *testing.B) {
	seed := readSeed(b)
	g := &gen{r: rand.New(rand.NewPCG(1, 2)), mode: HalfUp, d: 2}
	big := g.table()
	for len(big.Rows) < 10_000 {
		t := g.table()
		for _, row := range t.Rows {
			if !row.Total && len(big.Rows) < 10_000 {
				row.Unit = fmt.Sprintf("单位%d", len(big.Rows)+1)
				big.Rows = append(big.Rows, row)
			}
		}
	}
	cases := []struct {
		name string
		b    *model.Bulletin
	}{
		{"seed", seed},
		{"10000rows", &model.Bulletin{Tables: []model.Table{big}}},
	}
	for _, c := range cases {
		rows := 0
		for _, t := range c.b.Tables {
			rows += len(t.Rows)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Check(c.b)
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// BenchmarkCheckLarge measures Check on what a program may build: 22,000
// prose figures in one paragraph (shares, rates and changes among them),
// and a table of 200 rows with 60 unrecognised count columns and two rate
// columns whose headers name no base. The prose rules look at a bounded
// neighbourhood and the inference at a bounded number of columns, so both
// stay near linear.
func BenchmarkCheckLarge(b *testing.B) {
	var figs []model.Figure
	for i := range 20000 {
		s := float64(i%97) / 10
		figs = append(figs, model.Figure{Label: "类", Value: float64(100 + i%1000), Unit: "件", Parent: -1,
			Kind: model.Count, Share: &s, ShareDecimals: 1})
		if i%10 == 0 {
			figs = append(figs,
				model.Figure{Label: "满意率", Value: 97.3, Unit: "%", Parent: len(figs) - 1, Kind: model.RateFigure, Decimals: 1},
				model.Figure{Label: "同比增长", Value: 3.3, Unit: "%", Parent: -1, Kind: model.Change, Decimals: 1})
		}
	}
	cols := []model.Column{{Header: "单位", Key: model.Unit}}
	for j := range 60 {
		k := model.Key(fmt.Sprintf("列%d数", j))
		cols = append(cols, model.Column{Header: string(k), Key: k})
	}
	cols = append(cols, model.Column{Header: "某率", Key: "某率"}, model.Column{Header: "另率", Key: "另率"})
	tb := model.Table{Columns: cols}
	for r := range 200 {
		row := model.Row{Unit: fmt.Sprintf("单位%d", r), Cells: map[model.Key]model.Cell{}}
		for j := range 60 {
			row.Cells[cols[j+1].Key] = countCellOf(int64(r*7 + j*13))
		}
		row.Cells["某率"] = rateCellOf(fmt.Sprintf("%.2f%%", float64(r%100)+0.37), 2)
		row.Cells["另率"] = rateCellOf(fmt.Sprintf("%.2f%%", float64(r%100)+0.53), 2)
		tb.Rows = append(tb.Rows, row)
	}
	cases := []struct {
		name string
		b    *model.Bulletin
	}{
		{"prose22000", &model.Bulletin{Figures: figs}},
		{"table60cols", &model.Bulletin{Tables: []model.Table{tb}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Check(c.b)
			}
		})
	}
}
