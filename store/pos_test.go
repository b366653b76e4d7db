package store

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hotline12345/bulletin/model"
)

// posJSON writes what json.Marshal writes, whatever the position.
func TestPosJSON(t *testing.T) {
	for _, p := range []model.Pos{
		{Line: 12},
		{Part: "word/document.xml", Block: 3, Row: 2, Col: 5},
		{Page: 2, X: 72, Y: 540.5},
		{Page: 1, X: -0.25, Y: 1e-7},
		{Page: 1, X: 1e21, Y: 123456789.125},
		{Page: 1, X: math.Copysign(0, -1), Y: 5e-324},
		{Line: 88, Path: "/html/body/div[2]/p[4]"},
		{Part: "表1", Row: 1},
		{Part: `a"b\c<d>&e`, Path: "x\ny"},
		{Part: "Sheet1", Row: -1, Col: math.MaxInt32, Line: math.MinInt32},
		{Page: 3, X: math.NaN()},
		{Page: 3, Y: math.Inf(-1)},
	} {
		want, err := json.Marshal(p)
		if err != nil {
			want = nil
		}
		assert.Equal(t, string(want), posJSON(p), "%#v", p)
	}
	assert.Nil(t, posJSON(model.Pos{}))
}

func FuzzPosJSON(f *testing.F) {
	f.Add("word/document.xml", 1, 2, 3, 4, 5, 72.5, 1e-9, "/html/body")
	f.Add("表<1>", 0, 0, 0, 0, 0, 0.0, 0.0, "")
	f.Fuzz(func(t *testing.T, part string, page, block, row, col, line int, x, y float64, path string) {
		p := model.Pos{Part: part, Page: page, Block: block, Row: row, Col: col, Line: line, X: x, Y: y, Path: path}
		want, err := json.Marshal(p)
		if p.IsZero() {
			if posJSON(p) != nil {
				t.Fatal("the zero position is not NULL")
			}
			return
		}
		if err != nil {
			want = nil
		}
		if got := posJSON(p); got != string(want) {
			t.Fatalf("%#v: got %v, json.Marshal %s", p, got, want)
		}
	})
}
