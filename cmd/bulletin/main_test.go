package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seed = "../../testdata/yanshi-2023-03.txt"

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExtractJSON(t *testing.T) {
	code, out, _ := runCLI("extract", seed)
	require.Equal(t, exitOK, code)
	var one map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &one), "one file gives one object")
	assert.Len(t, one["tables"], 4)

	code, out, _ = runCLI("extract", "-format", "json", seed, seed)
	require.Equal(t, exitOK, code)
	var many []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &many), "several files give an array")
	assert.Len(t, many, 2)
}

func TestExtractCSV(t *testing.T) {
	code, out, _ := runCLI("extract", "-format", "csv", seed)
	require.Equal(t, exitOK, code)
	data, ok := strings.CutPrefix(out, "\ufeff")
	assert.True(t, ok, "a byte order mark first")
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"file", "issuer", "period_start", "period_end", "period_label", "table", "table_label", "table_title",
		"channel", "row", "unit", "total", "grp", "key", "header", "text", "value", "decimals"}, recs[0])
	// 99 unit rows of 7 value cells each.
	assert.Len(t, recs, 1+99*7)
	assert.Equal(t, []string{"yanshi-2023-03.txt", "洛阳市偃师区政务服务和大数据管理局", "2023-03-01", "2023-03-31", "3月份",
		"1", "附件2", "3月份各镇（街道）群众诉求事项办理情况", "", "5", "山化镇", "false", "", "satisfaction_rate", "群众满意率", "87.23%", "87.23", "2"},
		recs[1+(45+5)*7+4])

	code, out, _ = runCLI("extract", "-format", "csv", "-csv-bom=false", "../../testdata/docx/merged-header.docx")
	require.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(out, "file,"))
	recs, err = csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"phone", "0", "烟草局", "false", "电话诉求", "handled", "电话诉求/办理数"}, recs[2][8:15])
}

// TestExtractJSONL prints one bulletin a line.
func TestExtractJSONL(t *testing.T) {
	code, out, _ := runCLI("extract", "-format", "jsonl", seed, "../../testdata/docx/merged-header.docx")
	require.Equal(t, exitOK, code)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 2)
	for _, l := range lines {
		var b map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &b))
		assert.NotEmpty(t, b["tables"])
	}
}

func TestExtractUnreadable(t *testing.T) {
	code, out, errOut := runCLI("extract", "no-such-file.txt", seed)
	assert.Equal(t, exitUnreadable, code)
	assert.Contains(t, errOut, "no-such-file.txt")
	var many []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &many), "the readable file is still printed")
	assert.Len(t, many, 1)
}

func TestUsage(t *testing.T) {
	code, _, errOut := runCLI()
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, errOut, "usage")
	code, _, _ = runCLI("frobnicate")
	assert.Equal(t, exitFindings, code)
	code, _, _ = runCLI("extract", "-format", "xml", seed)
	assert.Equal(t, exitFindings, code)
	code, _, _ = runCLI("extract", "-h")
	assert.Equal(t, exitOK, code)
}

func TestBlocks(t *testing.T) {
	code, out, _ := runCLI("blocks", seed)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `T line 25: 46 rows`)
	assert.Contains(t, out, `"按  时⏎办结数"`)
}
