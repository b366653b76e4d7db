package model

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDateJSON(t *testing.T) {
	p := Period{Start: Date{2023, 3, 1}, End: Date{2023, 3, 31}, Label: "3月份"}
	data, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"start":"2023-03-01","end":"2023-03-31","label":"3月份"}`, string(data))
	var back Period
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, p, back)

	data, err = json.Marshal(Period{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"start":"","end":"","label":""}`, string(data))
	require.Error(t, json.Unmarshal([]byte(`{"start":"2023-13-01"}`), &back))
	assert.False(t, Date{2023, 2, 30}.Valid())
	assert.True(t, Date{2024, 2, 29}.Valid())
}

func TestRowAccessors(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	d := func(n int) *int { return &n }
	row := Row{Unit: "山化镇", Cells: map[Key]Cell{
		Handled:          {Text: "6", Value: v(6)},
		SatisfactionRate: {Text: "83%", Value: v(83), Decimals: d(0)},
		OnTimeRate:       {Text: "87.23%", Value: v(87.23), Decimals: d(2)},
		Score:            {Text: "95.5", Value: v(95.5), Decimals: d(1)},
		Excellent:        {Text: "—"},
	}}
	n, ok := row.Count(Handled)
	assert.True(t, ok)
	assert.EqualValues(t, 6, n)
	_, ok = row.Count(Score)
	assert.False(t, ok, "95.5 is not a count")
	_, ok = row.Count(Excellent)
	assert.False(t, ok, "a dash is no number")
	_, ok = row.Count(Visited)
	assert.False(t, ok, "absent column")

	r, ok := row.Rate(OnTimeRate)
	assert.True(t, ok)
	assert.Equal(t, Rate{87.23, 2}, r)
	assert.EqualValues(t, 8723, r.Scaled())
	assert.Equal(t, "87.23%", r.String())
	r, _ = row.Rate(SatisfactionRate)
	assert.Equal(t, "83%", r.String())
}

func TestKeys(t *testing.T) {
	k := Key("12345热线/on_time")
	assert.Equal(t, "12345热线", k.Group())
	assert.Equal(t, OnTime, k.Base())
	assert.True(t, k.IsCanonical())
	assert.False(t, k.IsRate())
	rk, ok := k.RateKey()
	assert.True(t, ok)
	assert.Equal(t, Key("12345热线/on_time_rate"), rk)
	ck, ok := SatisfactionRate.CountKey()
	assert.True(t, ok)
	assert.Equal(t, Satisfied, ck)
	_, ok = Handled.RateKey()
	assert.False(t, ok)
	assert.False(t, Key("数据完整得分").IsCanonical())
}

func TestPosString(t *testing.T) {
	assert.Equal(t, "line 120", Pos{Line: 120}.String())
	assert.Equal(t, "page 3 (x=72.0 y=540.5)", Pos{Page: 3, X: 72, Y: 540.5}.String())
	assert.Equal(t, "word/document.xml block 2 row 5 col 3", Pos{Part: "word/document.xml", Block: 2, Row: 5, Col: 3}.String())
	assert.Equal(t, "", Pos{}.String())
	assert.True(t, Pos{}.IsZero())
}

func TestSpanPhrase(t *testing.T) {
	paras := []Paragraph{{Text: "受理2660件"}, {Text: "0%%%\x8c"}}
	for _, tt := range []struct {
		span Span
		want string
		ok   bool
	}{
		{Span{0, 0, 13}, "受理2660件", true},
		{Span{0, 6, 10}, "2660", true},
		{Span{0, 1, 10}, "", false},   // inside 受
		{Span{0, 6, 11}, "", false},   // inside 件
		{Span{0, 10, 6}, "", false},   // backwards
		{Span{0, 0, 14}, "", false},   // past the end
		{Span{2, 0, 1}, "", false},    // no such paragraph
		{Span{-1, 0, 1}, "", false},   // no such paragraph
		{Span{1, 0, 4}, "0%%%", true}, // before a stray byte of text that is no UTF-8
		{Span{1, 4, 5}, "\x8c", true},
	} {
		got, ok := tt.span.Phrase(paras)
		assert.Equal(t, tt.ok, ok, "%+v", tt.span)
		assert.Equal(t, tt.want, got, "%+v", tt.span)
	}
}
