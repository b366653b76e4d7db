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
