package interpret

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseCN(t *testing.T) {
	tests := map[string]int64{
		"二〇二四": 2024, "一九九八": 1998, "十": 10, "十三": 13, "二十": 20, "二十七": 27,
		"两": 2, "一百零五": 105, "一千二百": 1200, "三万五千": 35000, "九万六千七百": 96700,
		"一百": 100, "百": 100, "一亿二千万": 120000000, "零": 0,
	}
	for s, want := range tests {
		got, ok := parseCN(s)
		assert.True(t, ok, s)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"", "十a", "一点五"} {
		_, ok := parseCN(s)
		assert.False(t, ok, s)
	}
}
