package interpret

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		text     string
		ok       bool
		present  bool
		value    float64
		decimals int
		percent  bool
	}{
		{"4", true, true, 4, 0, false},
		{" 1,234 ", true, true, 1234, 0, false},
		{"12,345.6", true, true, 12345.6, 1, false},
		{"91.3%", true, true, 91.3, 1, true},
		{"100.00%", true, true, 100, 2, true},
		{"99.80%%", true, true, 99.8, 2, true},
		{"40 %", true, true, 40, 0, true},
		{"9`8.5%", true, true, 98.5, 1, true},
		{"１００％", true, true, 100, 0, true},
		{"８７．２３％", true, true, 87.23, 2, true},
		{"9.67万", true, true, 96700, 2, false},
		{"-3", true, true, -3, 0, false},
		{"0", true, true, 0, 0, false},
		{"—", true, false, 0, 0, false},
		{"/", true, false, 0, 0, false},
		{"", true, false, 0, 0, false},
		{"无", true, false, 0, 0, false},
		{"1,2", false, false, 0, 0, false},
		{"暂停办理", false, false, 0, 0, false},
		{"1e5", false, false, 0, 0, false},
		{".5", false, false, 0, 0, false},
		{"NaN", false, false, 0, 0, false},
	}
	for _, tt := range tests {
		n, ok := parseNumber(tt.text)
		assert.Equal(t, tt.ok, ok, "%q ok", tt.text)
		assert.Equal(t, tt.present, n.present, "%q present", tt.text)
		if tt.present {
			assert.InDelta(t, tt.value, n.value, 1e-9, "%q value", tt.text)
			assert.Equal(t, tt.decimals, n.decimals, "%q decimals", tt.text)
			assert.Equal(t, tt.percent, n.percent, "%q percent", tt.text)
		}
	}
}
