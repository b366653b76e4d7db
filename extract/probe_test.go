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
		{"imprint-line-only.txt", "关于2024年3月份12345热线工单办理情况的通报", "桐溪县人民政府办公室", "2024-04-09",
			"2024-03-01", "2024-03-31"},
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

// TestProbeFixtureColumns: tables of the probe's fixtures and the headers,
// keys and unit rows they must get.
func TestProbeFixtureColumns(t *testing.T) {
	tests := []struct {
		file    string
		headers []string
		keys    []string
		units   []string
	}{
		{"layout-wrapped-unit-header.txt",
			[]string{"县（市、区）", "转办量", "退件登记次", "按时办结率", "回访量"},
			[]string{"unit", "handled", "退件登记次", "on_time_rate", "visited"},
			[]string{"桐溪县", "石坝县", "柳湾区", "梅岭区"}},
		{"section-rows.txt",
			[]string{"单位", "受理数", "办结数", "办结率"},
			[]string{"unit", "handled", "closed", "closure_rate"},
			[]string{"县水务局", "县林业局", "桐溪镇", "石坝乡", "合计"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := ExtractFile(context.Background(), filepath.Join("..", "testdata", "probe", tt.file))
			require.NoError(t, err)
			require.Len(t, b.Tables, 1)
			var headers, keys, units []string
			for _, c := range b.Tables[0].Columns {
				headers = append(headers, c.Header)
				keys = append(keys, string(c.Key))
			}
			for _, r := range b.Tables[0].Rows {
				units = append(units, r.Unit)
			}
			assert.Equal(t, tt.headers, headers)
			assert.Equal(t, tt.keys, keys)
			assert.Equal(t, tt.units, units)
		})
	}
}
