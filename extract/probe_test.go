package extract

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Bulletins of the classes the probe corpus (testdata/gen/probe) found
// misread, made by testdata/gen/probe/fixtures.py: what each must give.
func TestProbeFixtures(t *testing.T) {
	tests := []struct {
		file                   string
		title, issuer, issued  string
		periodStart, periodEnd string
	}{
		{"title-without-title-word.txt", "桐溪县12345热线第20周工单办理得分", "桐溪县12345热线管理中心", "2024-05-21",
			"2024-05-13", "2024-05-19"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := ExtractFile(context.Background(), filepath.Join("..", "testdata", "probe", tt.file))
			require.NoError(t, err)
			assert.Equal(t, tt.title, b.Title)
			assert.Equal(t, tt.issuer, b.Issuer)
			assert.Equal(t, tt.issued, b.Issued.String())
			assert.Equal(t, tt.periodStart, b.Period.Start.String())
			assert.Equal(t, tt.periodEnd, b.Period.End.String())
		})
	}
}
