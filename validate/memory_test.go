package validate

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

// consistentTable returns a table of the given number of unit rows whose
// rates are printed from their counts, so that checking it finds nearly
// nothing: what Check holds of it is its working state, not its report.
func consistentTable(g *gen, label string, rows int) model.Table {
	t := model.Table{Label: label, Title: "测试", Columns: []model.Column{
		{Header: "单位名称", Key: model.Unit}, {Header: "办理数", Key: model.Handled},
		{Header: "按时办结数", Key: model.OnTime}, {Header: "按时办结率", Key: model.OnTimeRate},
		{Header: "满意数", Key: model.Satisfied}, {Header: "满意率", Key: model.SatisfactionRate},
		{Header: "优秀数", Key: model.Excellent}, {Header: "优秀率", Key: model.ExcellenceRate},
	}}
	for i := range rows {
		n := 1 + g.r.Int64N(3000)
		onTime, satisfied := g.below(n), g.below(n)
		excellent := g.below(min(onTime, satisfied))
		t.Rows = append(t.Rows, model.Row{Unit: fmt.Sprintf("%s单位%d", label, i+1), Cells: map[model.Key]model.Cell{
			model.Handled:   countCellOf(n),
			model.OnTime:    countCellOf(onTime),
			model.Satisfied: countCellOf(satisfied),
			model.Excellent: countCellOf(excellent),

			model.OnTimeRate:       g.rate(onTime, n),
			model.SatisfactionRate: g.rate(satisfied, n),
			model.ExcellenceRate:   g.rate(excellent, n),
		}})
	}
	return t
}

// checkPeak returns the most Check holds on the heap above what was live
// before it, sampled (after a collection) whenever it is done with a table
// and before it lets the table's state go.
func checkPeak(t *testing.T, b *model.Bulletin) uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	base, peak, samples := m.HeapAlloc, uint64(0), 0
	testHookTableDone = func() {
		runtime.GC()
		runtime.ReadMemStats(&m)
		if m.HeapAlloc > base {
			peak = max(peak, m.HeapAlloc-base)
		}
		samples++
	}
	defer func() { testHookTableDone = nil }()
	rep := Check(b)
	require.Zero(t, rep.Summary.Errors+rep.Summary.Warnings, "the tables are consistent")
	require.Equal(t, 2*len(b.Tables), samples, "one sample per table and pass")
	return peak
}

// TestCheckMemoryFollowsLargestTable: what Check holds while it works
// grows with the largest table, not with the document. A bulletin of 24
// tables of 1,500 rows makes it hold at most a few times what one such
// table does (the table being checked, the rates kept of the last one,
// and the report), not twenty-four times.
func TestCheckMemoryFollowsLargestTable(t *testing.T) {
	const rows, tables = 1500, 24
	g := &gen{r: rand.New(rand.NewPCG(21, 22)), mode: HalfUp, d: 2}
	one := &model.Bulletin{Tables: []model.Table{consistentTable(g, "附件1", rows)}}
	many := &model.Bulletin{}
	for i := range tables {
		many.Tables = append(many.Tables, consistentTable(g, fmt.Sprintf("附件%d", i+1), rows))
	}
	onePeak, manyPeak := checkPeak(t, one), checkPeak(t, many)
	t.Logf("peak held by Check: one table of %d rows %d KiB, %d tables %d KiB (%.1fx)",
		rows, onePeak>>10, tables, manyPeak>>10, float64(manyPeak)/float64(onePeak))
	require.Positive(t, onePeak)
	require.Less(t, manyPeak, 3*onePeak, "Check holds state of every table")
}
