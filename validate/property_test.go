package validate

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

// gen builds random tables that are consistent by construction: counts
// that respect their relations and rates printed from them under one
// rounding mode at one precision.
type gen struct {
	r         *rand.Rand
	mode      Mode
	d         int
	dropZeros bool // print 61.7% for 61.70%, 100% for 100.00%
}

func countCellOf(v int64) model.Cell {
	f := float64(v)
	return model.Cell{Text: strconv.FormatInt(v, 10), Value: &f}
}

// rateText prints a scaled value at d decimals, trailing zeros dropped when
// asked, as publishers do.
func rateText(scaled uint64, d int, dropZeros bool) (string, int) {
	s := formatFixed(scaled, d)
	if dropZeros && d > 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	dec := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		dec = len(s) - i - 1
	}
	return s + "%", dec
}

func rateCellOf(text string, dec int) model.Cell {
	v, err := strconv.ParseFloat(strings.TrimSuffix(text, "%"), 64)
	if err != nil {
		panic(err)
	}
	return model.Cell{Text: text, Value: &v, Decimals: &dec}
}

func (g *gen) rate(k, n int64) model.Cell {
	if n == 0 {
		switch g.r.IntN(4) {
		case 0:
			return model.Cell{Text: "—"}
		case 1:
			zero := 0
			v := 0.0
			return model.Cell{Text: "0", Value: &v, Decimals: &zero}
		case 2:
			return rateCellOf("100%", 0)
		default:
			return rateCellOf("0%", 0)
		}
	}
	v, ok := roundRate(uint64(k), uint64(n), g.d, g.mode)
	if !ok {
		panic("overflow")
	}
	text, dec := rateText(v, g.d, g.dropZeros)
	return rateCellOf(text, dec)
}

// denominator draws n in 0..5000, small ones more often, where rounding
// has the fewest values to choose from.
func (g *gen) denominator() int64 {
	switch g.r.IntN(10) {
	case 0, 1, 2, 3:
		return g.r.Int64N(21)
	case 4, 5, 6:
		return g.r.Int64N(301)
	default:
		return g.r.Int64N(5001)
	}
}

// below draws a count in [0, n], often n itself (most units do well).
func (g *gen) below(n int64) int64 {
	if n == 0 || g.r.IntN(3) == 0 {
		return n
	}
	return g.r.Int64N(n + 1)
}

type genRow struct{ handled, visited, onTime, satisfied, excellent int64 }

// table returns a random consistent table. Some tables have a visited
// column (satisfaction is then over it), some leave out the satisfied
// count (its rate is then tested by GRIM), some end in a 合计 row.
func (g *gen) table() model.Table {
	visited := g.r.IntN(4) == 0
	noSatisfied := g.r.IntN(6) == 0
	total := g.r.IntN(3) == 0
	cols := []model.Column{{Header: "单位名称", Key: model.Unit}, {Header: "办理数", Key: model.Handled}}
	if visited {
		cols = append(cols, model.Column{Header: "回访数", Key: model.Visited})
	}
	cols = append(cols,
		model.Column{Header: "按时办结数", Key: model.OnTime},
		model.Column{Header: "按时办结率", Key: model.OnTimeRate})
	if !noSatisfied {
		cols = append(cols, model.Column{Header: "满意数", Key: model.Satisfied})
	}
	cols = append(cols,
		model.Column{Header: "满意率", Key: model.SatisfactionRate},
		model.Column{Header: "优秀数", Key: model.Excellent},
		model.Column{Header: "优秀率", Key: model.ExcellenceRate})
	t := model.Table{Label: "附件1", Title: "测试", Columns: cols}
	nrows := 1 + g.r.IntN(12)
	var sum genRow
	addRow := func(unit string, isTotal bool, v genRow) {
		row := model.Row{Unit: unit, Total: isTotal, Cells: map[model.Key]model.Cell{}}
		row.Cells[model.Handled] = countCellOf(v.handled)
		satBase := v.handled
		if visited {
			row.Cells[model.Visited] = countCellOf(v.visited)
			satBase = v.visited
		}
		row.Cells[model.OnTime] = countCellOf(v.onTime)
		row.Cells[model.OnTimeRate] = g.rate(v.onTime, v.handled)
		if !noSatisfied {
			row.Cells[model.Satisfied] = countCellOf(v.satisfied)
		}
		row.Cells[model.SatisfactionRate] = g.rate(v.satisfied, satBase)
		row.Cells[model.Excellent] = countCellOf(v.excellent)
		row.Cells[model.ExcellenceRate] = g.rate(v.excellent, v.handled)
		t.Rows = append(t.Rows, row)
	}
	for i := range nrows {
		var v genRow
		v.handled = g.denominator()
		v.visited = v.handled
		if visited {
			v.visited = g.below(v.handled)
		}
		v.onTime = g.below(v.handled)
		if visited {
			v.satisfied = g.below(v.visited)
		} else {
			v.satisfied = g.below(v.handled)
		}
		v.excellent = g.below(min(v.onTime, v.satisfied))
		addRow(fmt.Sprintf("单位%d", i+1), false, v)
		sum.handled += v.handled
		sum.visited += v.visited
		sum.onTime += v.onTime
		sum.satisfied += v.satisfied
		sum.excellent += v.excellent
	}
	if total {
		addRow("合计", true, sum)
	}
	return t
}

func propertyRuns(t *testing.T) int {
	if testing.Short() {
		return 500
	}
	return 10_000
}

// TestPropertyConsistentTables: random consistent tables, for each rounding
// mode and precision 0, 1, 2 with denominators 0 to 5000, give no error and
// no warning (so the inferred rounding mode and precisions explain every
// printed rate).
func TestPropertyConsistentTables(t *testing.T) {
	runs := propertyRuns(t)
	for _, mode := range Modes {
		for d := 0; d <= 2; d++ {
			t.Run(fmt.Sprintf("%s/%d", mode, d), func(t *testing.T) {
				g := &gen{r: rand.New(rand.NewPCG(uint64(mode), uint64(d))), mode: mode, d: d}
				var checked, untestable, moded int
				for i := range runs {
					g.dropZeros = i%2 == 1
					b := &model.Bulletin{Tables: []model.Table{g.table()}}
					rep := Check(b)
					for _, f := range rep.Findings {
						if f.Severity != Info {
							require.Failf(t, "finding on a consistent table", "run %d: %s\n%s", i, f.Error(), dump(b))
						}
					}
					checked += rep.Summary.Checked
					untestable += rep.Summary.Untestable
					// Half-up and half-even differ only on exact halves, so
					// the mode is often undetermined; no warning above means
					// the inferred one gives every printed value.
					if rep.Summary.RoundingEvidence > 0 && rep.Summary.Rounding == mode {
						moded++
					}
				}
				t.Logf("%d tables: %d values checked, %d untestable; the true mode inferred from evidence in %d tables",
					runs, checked, untestable, moded)
			})
		}
	}
}

// TestPropertyCorruptions: a single rate cell moved outside its interval,
// or a single numerator changed so that its rate no longer holds, is
// reported as an error on that cell.
func TestPropertyCorruptions(t *testing.T) {
	runs := propertyRuns(t)
	for _, mode := range Modes {
		for d := 0; d <= 2; d++ {
			t.Run(fmt.Sprintf("%s/%d", mode, d), func(t *testing.T) {
				g := &gen{r: rand.New(rand.NewPCG(uint64(mode)+10, uint64(d))), mode: mode, d: d}
				rates, counts := 0, 0
				for i := 0; rates+counts < runs; i++ {
					g.dropZeros = i%2 == 1
					tb := g.table()
					ri, rk, ok := corruptible(g.r, &tb)
					if !ok {
						continue
					}
					row := &tb.Rows[ri]
					nk, _ := rk.CountKey()
					if rk.Base() == model.SatisfactionRate && tb.Has(model.Visited) {
						nk = model.Satisfied
					}
					den := model.Handled
					if rk.Base() == model.SatisfactionRate && tb.Has(model.Visited) {
						den = model.Visited
					}
					k, _ := row.Count(nk)
					n, _ := row.Count(den)
					p, _ := printedRate(row.Cells[rk])
					wantCol := rk
					if i%2 == 0 {
						// Move the printed rate outside its interval.
						for {
							delta := g.r.Int64N(2*pow10i(d)*5+1) - pow10i(d)*5
							s := p.Scaled*pow10i(d-p.Decimals) + delta
							np := printed{s, d}
							if delta == 0 || s < 0 || fits(uint64(k), uint64(n), np, d) != 0 {
								continue
							}
							text, dec := rateText(uint64(s), d, false)
							row.Cells[rk] = rateCellOf(text, dec)
							break
						}
						rates++
					} else {
						// Change the numerator so that the rate no longer holds.
						var nkv int64
						for tries := 0; ; tries++ {
							nkv = g.r.Int64N(n + 1)
							if fits(uint64(nkv), uint64(n), p, p.Decimals) == 0 || tries > 100 {
								break
							}
						}
						if fits(uint64(nkv), uint64(n), p, p.Decimals) != 0 {
							continue
						}
						row.Cells[nk] = countCellOf(nkv)
						counts++
					}
					b := &model.Bulletin{Tables: []model.Table{tb}}
					rep := Check(b)
					found := false
					for _, f := range rep.Findings {
						if f.Severity == Error && f.Table == 0 && f.Row == ri && f.Column == wantCol && f.Rule == RateMismatch {
							found = true
						}
					}
					require.True(t, found, "run %d: corrupted %s of row %d (%s) not reported\n%s\nfindings: %v",
						i, rk, ri, row.Unit, dump(b), rep.Findings)
				}
				t.Logf("%d rate corruptions and %d numerator corruptions all reported on their cell", rates, counts)
			})
		}
	}
}

func pow10i(d int) int64 {
	if d < 0 {
		return 0
	}
	return int64(pow10[d])
}

// corruptible picks a row and a rate column whose numerator and
// denominator are printed and whose denominator is not 0.
func corruptible(r *rand.Rand, tb *model.Table) (int, model.Key, bool) {
	type pick struct {
		row int
		key model.Key
	}
	var picks []pick
	for ri, row := range tb.Rows {
		for _, rk := range []model.Key{model.OnTimeRate, model.SatisfactionRate, model.ExcellenceRate} {
			nk, _ := rk.CountKey()
			den := model.Handled
			if rk == model.SatisfactionRate && tb.Has(model.Visited) {
				den = model.Visited
			}
			_, okK := row.Count(nk)
			n, okN := row.Count(den)
			if _, okR := row.Rate(rk); okK && okN && okR && n > 0 {
				picks = append(picks, pick{ri, rk})
			}
		}
	}
	if len(picks) == 0 {
		return 0, "", false
	}
	p := picks[r.IntN(len(picks))]
	return p.row, p.key, true
}

// dump prints a table compactly for failure messages.
func dump(b *model.Bulletin) string {
	var sb strings.Builder
	for _, t := range b.Tables {
		for _, c := range t.Columns {
			sb.WriteString(c.Header + "\t")
		}
		sb.WriteString("\n")
		for _, row := range t.Rows {
			sb.WriteString(row.Unit + "\t")
			for _, c := range t.Columns[1:] {
				sb.WriteString(row.Cells[c.Key].Text + "\t")
			}
			sb.WriteString("\n")
		}
	}
	return sb.String()
}
