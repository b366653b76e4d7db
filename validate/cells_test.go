package validate

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

func cellOf(text string, value float64, decimals ...int) model.Cell {
	c := model.Cell{Text: text, Value: &value}
	if len(decimals) > 0 {
		c.Decimals = &decimals[0]
	}
	return c
}

// textFlags are the facts a cell's text gives.
const textFlags = factPercent | factWan | factYi | factCountStray | factTwoNumbers |
	factNoPercent | factDoubledPercent | factRateStray

func TestReadFact(t *testing.T) {
	tests := []struct {
		name  string
		cell  model.Cell
		flags cellFlags
		count count
		isCnt bool
		rate  printed
		isPct bool
	}{
		{"count", cellOf("1234", 1234), factNoPercent, count{1234, 0}, true, printed{1234, 0}, true},
		{"rate", cellOf("87.50%", 87.5, 2), factPercent, count{}, false, printed{8750, 2}, true},
		{"rate read from its text", cellOf("87.50%", 87.5), factPercent, count{}, false, printed{8750, 2}, true},
		{"doubled", cellOf("98.5%%", 98.5, 1), factPercent | factDoubledPercent, count{}, false, printed{985, 1}, true},
		{"full-width percent", cellOf("98.5％", 98.5, 1), factPercent, count{}, false, printed{985, 1}, true},
		{"in 万", cellOf("9.67万", 96700, 2), factWan | factNoPercent, count{96700, 100}, true, printed{9670000, 2}, true},
		{"in 亿", cellOf("3亿", 3e8), factYi | factNoPercent, count{3e8, 1e8}, true, printed{3e8, 0}, true},
		{"stray mark", cellOf("12`3", 123), factCountStray | factNoPercent, count{123, 0}, true, printed{123, 0}, true},
		{"two numbers", cellOf("12 34", 12), factCountStray | factTwoNumbers | factNoPercent, count{12, 0}, true, printed{12, 0}, true},
		{"spaces at the ends", cellOf(" 87.23% ", 87.23), factPercent, count{}, false, printed{8723, 2}, true},
		{"fraction", cellOf("4.5", 4.5), factNoPercent, count{}, false, printed{45, 1}, true},
		{"negative", cellOf("-5", -5), factNoPercent, count{}, false, printed{-5, 0}, true},
		{"no value", model.Cell{Text: "—"}, factNoPercent, count{}, false, printed{}, false},
		{"too many decimals", cellOf("1%", 1, 200), factPercent, count{}, false, printed{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := readFact(&tt.cell)
			assert.Equal(t, tt.flags, f.flags&textFlags)
			n, ok := f.count()
			assert.Equal(t, tt.isCnt, ok)
			assert.Equal(t, tt.count, n)
			p, ok := f.rate()
			assert.Equal(t, tt.isPct, ok)
			assert.Equal(t, tt.rate, p)
		})
	}
}

// Texts of digits, points, commas, signs and percent signs are read by a
// single scan; it must read them as the general reading does.
func TestReadFactPlainTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	const plain = "0123456789.,+-%"
	for range 100_000 {
		b := make([]byte, r.IntN(9))
		for i := range b {
			b[i] = plain[r.IntN(len(plain))]
		}
		cell := model.Cell{Text: string(b)}
		if r.IntN(4) != 0 {
			v := r.Float64() * 200
			cell.Value = &v
		}
		if r.IntN(3) == 0 {
			d := r.IntN(20) - 3
			cell.Decimals = &d
		}
		// The facts of the cell but its text, then its text read the
		// general way.
		general := readFact(&model.Cell{Text: "\x00", Value: cell.Value, Decimals: cell.Decimals})
		general.flags &^= textFlags
		general.textDec = -1
		general = general.readText(cell.Text)
		require.Equal(t, general, readFact(&cell), "%q", cell.Text)
	}
}
