package validate

import (
	"testing"

	"github.com/hotline12345/bulletin/model"
)

// BenchmarkCheck measures Check on the seed (99 unit rows in four tables,
// with its prose) and on one table of 10,000 rows, and reports rows per
// second, of wall time and (where the process's CPU time can be read) of
// CPU time: on a loaded machine, run it with -cpu 1 and read cpu-ns/op and
// rows/cpu-s.
func BenchmarkCheck(b *testing.B) {
	check, _ := benchBulletins()
	cases := []struct {
		name string
		b    *model.Bulletin
	}{
		{"seed", readSeed(b)},
		{"10000rows", check["10000rows"]},
	}
	for _, c := range cases {
		rows := 0
		for _, t := range c.b.Tables {
			rows += len(t.Rows)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				Check(c.b)
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			if cpu = processCPU() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
				b.ReportMetric(float64(rows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
			}
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
	_, large := benchBulletins()
	for _, name := range []string{"prose22000", "table60cols"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Check(large[name])
			}
		})
	}
}
