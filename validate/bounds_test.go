package validate

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

// shareList is a total with two parts that fall short of it, each with a
// printed share at the given decimals.
func shareList(decimals int) *model.Bulletin {
	share := func(v float64) *float64 { return &v }
	return &model.Bulletin{Figures: []model.Figure{
		{Label: "受理", Value: 100, Unit: "件", Text: "受理100件", Parent: -1, Kind: model.Count},
		{Label: "甲类", Value: 60, Unit: "件", Text: "甲类60件，占60%", Parent: 0, Share: share(60), ShareDecimals: decimals, Kind: model.Count},
		{Label: "乙类", Value: 30, Unit: "件", Text: "乙类30件，占40%", Parent: 0, Share: share(40), ShareDecimals: decimals, Kind: model.Count},
	}}
}

// TestHugeDecimals checks that decimals taken from the input do not count
// a loop: a bulletin built by a program claiming 2^63-1 share decimals is
// checked like one claiming one more than the arithmetic handles. (Before,
// Check looped up to the claimed number and never returned.)
func TestHugeDecimals(t *testing.T) {
	want := Check(shareList(maxDecimals + 1))
	require.NotEmpty(t, want.Findings)
	for _, d := range []int{math.MaxInt, math.MaxInt32, 1_000_000_000} {
		got := Check(shareList(d))
		require.Len(t, got.Findings, len(want.Findings), "share_decimals %d", d)
		for i := range got.Findings {
			assert.Equal(t, want.Findings[i].Rule, got.Findings[i].Rule)
			assert.Equal(t, want.Findings[i].Severity, got.Findings[i].Severity)
		}
	}
}

// TestOrphanShareLookback checks that the total of a run of shares is
// looked for among at most 4*proseWindow figures before it, which bounds
// the work of a long prose of shares without totals: a total further back
// is not taken, one within the bound is.
func TestOrphanShareLookback(t *testing.T) {
	build := func(gap int) *model.Bulletin {
		v := 50.0
		b := &model.Bulletin{Figures: []model.Figure{{Label: "受理", Value: 1000, Unit: "件", Parent: -1, Kind: model.Count}}}
		for range gap {
			b.Figures = append(b.Figures, model.Figure{Label: "满意率", Value: 99, Unit: "%", Parent: -1, Kind: model.RateFigure})
		}
		b.Figures = append(b.Figures, model.Figure{Label: "甲类", Value: 300, Unit: "件", Parent: -1, Share: &v, Kind: model.Count})
		return b
	}
	shareFindings := func(b *model.Bulletin) int {
		n := 0
		for _, f := range Check(b).Findings {
			if f.Rule == ShareMismatch || f.Rule == ShareBase {
				n++
			}
		}
		return n
	}
	assert.Equal(t, 1, shareFindings(build(4*proseWindow-2)), "300 of 1000 is not 50%%: the total within the bound is taken")
	assert.Equal(t, 0, shareFindings(build(4*proseWindow+10)), "a total further back than the bound is not looked for")
}
