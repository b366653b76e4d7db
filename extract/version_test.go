package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVersionOlder(t *testing.T) {
	tests := []struct {
		v, w  Version
		older bool
	}{
		{Version{"(devel)", 1}, Version{"(devel)", 2}, true},
		{Version{"(devel)", 2}, Version{"(devel)", 2}, false},
		{Version{"(devel)", 3}, Version{"(devel)", 2}, false},
		{Version{"v1.2.0", 2}, Version{"v1.3.0", 2}, true},
		{Version{"v1.3.0", 2}, Version{"v1.2.0", 2}, false},
		{Version{"v1.10.0", 2}, Version{"v1.9.0", 2}, false},
		{Version{"v1.3.0-rc.1", 2}, Version{"v1.3.0", 2}, true},
		{Version{"v1.3.0-rc.2", 2}, Version{"v1.3.0-rc.10", 2}, true},
		{Version{"v1.3.0", 2}, Version{"v1.3.0+dirty", 2}, false},
		// Builds of commits are told apart by revision only.
		{Version{"v0.0.0-20260101000000-abcdefabcdef", 2}, Version{"v0.0.0-20260201000000-abcdefabcdef", 2}, false},
		{Version{"v1.2.0", 2}, Version{"(devel)", 2}, false},
		{Version{"v1.9.0", 1}, Version{"v1.2.0", 2}, true},
		{Version{"", 0}, Version{"(devel)", 1}, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.older, tt.v.Older(tt.w), "%v older than %v", tt.v, tt.w)
	}
	v := CurrentVersion()
	assert.Equal(t, ReaderRevision, v.Revision)
	assert.NotEmpty(t, v.Module)
}
