package interpret

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wordyHeader is a header of three rows of width columns holding words
// single words each.
func wordyHeader(width, words int) headerGrid {
	var rows [][]string
	for r := 0; r < 3; r++ {
		row := make([]string, width)
		for i := 0; i < words; i++ {
			row[i*width/words] = strings.Repeat("办", 1+i%3)
		}
		rows = append(rows, row)
	}
	g, _ := tbl(rows...).Grid()
	return toHeaderGrid(g, 3, width)
}

// The header repair search is bounded per header and per document: a
// header of many words is read as laid out, and many such headers cost no
// more than the document's budget.
func TestRepairBounded(t *testing.T) {
	budget := repairDocumentWork
	assert.Nil(t, wordyHeader(40, 12).repair(40, &budget), "13³ states × 40 columns is past the bound")
	assert.Equal(t, repairDocumentWork, budget, "a search not tried costs nothing")

	small := wordyHeader(8, 4)
	small.repair(8, &budget)
	require.Equal(t, repairDocumentWork-5*5*5*8, budget)

	budget = 100
	assert.Nil(t, small.repair(8, &budget), "past the document's budget")
	assert.Equal(t, 100, budget)
}

// BenchmarkRepairAtBound is the costliest header repair allowed.
func BenchmarkRepairAtBound(b *testing.B) {
	h := wordyHeader(11, 8) // 9³ states × 11 columns, just under repairMaxWork
	for b.Loop() {
		budget := repairDocumentWork
		h.repair(11, &budget)
	}
}
