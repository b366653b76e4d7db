package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
)

// TestReadJSONRoundTrip checks that ReadJSON reads the golden JSON into the
// same bulletin as encoding/json does.
func TestReadJSONRoundTrip(t *testing.T) {
	data, err := os.ReadFile("../testdata/yanshi-2023-03.golden.json")
	require.NoError(t, err)
	var want model.Bulletin
	require.NoError(t, json.Unmarshal(data, &want))
	got, err := extract.ReadJSON(context.Background(), bytes.NewReader(data))
	require.NoError(t, err)
	require.Equal(t, &want, got)

	// Keys are matched as encoding/json matches them, and unknown keys are
	// ignored.
	got, err = extract.ReadJSON(context.Background(), strings.NewReader(`{"Title": "t", "extra": {"x": [1]}, "TABLES": [{"Label": "附件", "ROWS": [{"unit": "甲局"}]}]}`))
	require.NoError(t, err)
	assert.Equal(t, "t", got.Title)
	require.Len(t, got.Tables, 1)
	assert.Equal(t, "附件", got.Tables[0].Label)
	assert.Equal(t, "甲局", got.Tables[0].Rows[0].Unit)
}

// TestReadJSONRefuses checks each value ReadJSON refuses, with the cause
// and the JSON path in the error.
func TestReadJSONRefuses(t *testing.T) {
	row := func(cells string) string { return `{"unit": "甲局", "cells": {` + cells + `}}` }
	rows := func(n int, cells string) string {
		r := make([]string, n)
		for i := range r {
			r[i] = row(cells)
		}
		return strings.Join(r, ",")
	}
	tests := []struct {
		name, json string
		lim        extract.Limits
		want       error
		path       string
	}{
		{"huge share_decimals", `{"figures": [{"label": "甲", "value": 1}, {"label": "乙", "value": 2, "share_decimals": 9000000000000000000}]}`, extract.Limits{}, extract.ErrLimit, "figures[1].share_decimals"},
		{"huge figure decimals", `{"figures": [{"value": 1, "decimals": 13}]}`, extract.Limits{}, extract.ErrLimit, "figures[0].decimals"},
		{"negative decimals", `{"figures": [{"value": 1, "decimals": -1}]}`, extract.Limits{}, extract.ErrFormat, "figures[0].decimals"},
		{"decimals past int64", `{"figures": [{"value": 1, "decimals": 1e30}]}`, extract.Limits{}, extract.ErrFormat, "figures"},
		{"huge cell decimals", `{"tables": [{"rows": [` + row(`"on_time_rate": {"text": "9%", "value": 9, "decimals": 100000}`) + `]}]}`, extract.Limits{}, extract.ErrLimit, "tables[0].rows[0].cells.on_time_rate.decimals"},
		{"rows", `{"tables": [{"rows": [` + rows(11, `"handled": {"text": "1", "value": 1}`) + `]}]}`, extract.Limits{MaxRows: 10}, extract.ErrLimit, "tables[0].rows"},
		{"cells", `{"tables": [{"rows": [` + rows(4, `"a": {}, "b": {}, "c": {}`) + `]}]}`, extract.Limits{MaxCells: 10}, extract.ErrLimit, "tables[0].rows[3]"},
		{"rows times columns", `{"tables": [{"columns": [` + strings.Repeat(`{"key": "x"},`, 999) + `{"key": "x"}], "rows": [` + rows(2000, "") + `]}]}`, extract.Limits{}, extract.ErrLimit, "tables[0]"},
		{"tables", `{"tables": [{}, {}, {}]}`, extract.Limits{MaxBlocks: 2}, extract.ErrLimit, "tables"},
		{"input bytes", `{"title": "` + strings.Repeat("x", 2000) + `"}`, extract.Limits{MaxInputBytes: 1000}, extract.ErrLimit, ""},
		{"not an object", `[1, 2]`, extract.Limits{}, extract.ErrFormat, "bulletin"},
		{"wrong type", `{"tables": [{"rows": [{"cells": []}]}]}`, extract.Limits{}, extract.ErrFormat, "tables[0].rows[0]"},
		{"truncated", `{"tables": [{"rows": [`, extract.Limits{}, extract.ErrFormat, "tables[0].rows"},
		{"more after the object", `{"title": "t"} {"title": "u"}`, extract.Limits{}, extract.ErrFormat, "bulletin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := extract.ReadJSON(context.Background(), strings.NewReader(tt.json), extract.WithLimits(tt.lim), extract.WithName("b.json"))
			require.Nil(t, b)
			require.ErrorIs(t, err, tt.want)
			var pe *extract.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "b.json", pe.File)
			assert.Contains(t, err.Error(), tt.path)
		})
	}
}

// bigJSON is the JSON of a bulletin with tables of rows of three cells,
// each row about 200 bytes.
func bigJSON(tables, rows int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"source": {"name": "big.json"}, "title": "各单位办理情况", "figures": [], "tables": [`)
	for ti := range tables {
		if ti > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"label": "附件%d", "columns": [{"header": "单位", "key": "unit"}, {"header": "办理数", "key": "handled"}, {"header": "按时办结数", "key": "on_time"}, {"header": "按时办结率", "key": "on_time_rate"}], "rows": [`, ti+1)
		for i := range rows {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"unit": "单位%d", "total": false, "cells": {"handled": {"text": "10", "value": 10}, "on_time": {"text": "9", "value": 9}, "on_time_rate": {"text": "90%%", "value": 90, "decimals": 0}}, "pos": {"line": %d}}`, i, i+3)
		}
		b.WriteString(`], "notes": []}`)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// TestReadJSONMemory checks that reading the JSON of 50,000 rows costs
// memory in proportion to it: what ReadJSON allocates, and what the
// bulletin holds, are bounded per input byte. (encoding/json over the whole
// input held the input, the bulletin and the decoder's copies at once.)
func TestReadJSONMemory(t *testing.T) {
	data := bigJSON(2, 25_000)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b, err := extract.ReadJSON(context.Background(), bytes.NewReader(data))
	require.NoError(t, err)
	runtime.GC()
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	perByte := float64(allocated) / float64(len(data))
	heldPerByte := float64(held) / float64(len(data))
	t.Logf("%d bytes of JSON: %.1f bytes allocated and %.1f held per input byte", len(data), perByte, heldPerByte)
	require.Len(t, b.Tables, 2)
	require.Len(t, b.Tables[1].Rows, 25_000)
	// The bulletin's maps of cells are most of it: a row of three cells
	// takes one 8-slot map group of about 1 KB.
	assert.Less(t, heldPerByte, 8.0)
	assert.Less(t, perByte, 14.0)
	runtime.KeepAlive(b)
}
