package main

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/hotline12345/bulletin/model"
)

// TestRowFields fails when Row, Cell or Pos gain or change a field:
// appendRow writes their fields by hand and must be taught the new one.
func TestRowFields(t *testing.T) {
	for _, c := range []struct {
		v    any
		want []string
	}{
		{model.Row{}, []string{`Unit json:"unit"`, `Total json:"total"`, `Cells json:"cells"`, `Pos json:"pos"`}},
		{model.Cell{}, []string{`Text json:"text"`, `Value json:"value"`, `Decimals json:"decimals,omitempty"`, `Pos json:"pos,omitzero"`, `Stored json:"stored,omitempty"`}},
		{model.Pos{}, []string{`Part json:"part,omitempty"`, `Page json:"page,omitempty"`, `Block json:"block,omitempty"`, `Row json:"row,omitempty"`,
			`Col json:"col,omitempty"`, `Line json:"line,omitempty"`, `X json:"x,omitempty"`, `Y json:"y,omitempty"`, `Path json:"path,omitempty"`}},
	} {
		typ := reflect.TypeOf(c.v)
		var got []string
		for i := range typ.NumField() {
			f := typ.Field(i)
			got = append(got, f.Name+" "+string(f.Tag))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s fields changed: appendRow writes\n%q\nthe type has\n%q", typ, c.want, got)
		}
	}
}

// rowCases are rows with what the encoder must get right: nil, empty and
// many cells, strings to escape (quotes, backslashes, control characters,
// invalid UTF-8, U+2028, HTML's <>&), floats in both notations and
// negative zero, and every optional field set and unset.
func rowCases() []model.Row {
	f := func(v float64) *float64 { return &v }
	d := func(v int) *int { return &v }
	return []model.Row{
		{},
		{Unit: "空", Cells: map[model.Key]model.Cell{}, Pos: model.Pos{Page: 2, Row: 3}},
		{Unit: "区\"直\"\\单位<&>", Total: true, Cells: map[model.Key]model.Cell{
			"handled":       {Text: "2,660", Value: f(2660)},
			"rate_resolved": {Text: "98.25%", Value: f(98.25), Decimals: d(2), Stored: "0.9825"},
			"a<b>":          {Text: "x\u2028y\u2029z\x01\x1f\t\n\r\b\f", Value: f(-0.0)},
			"\xff列\t":       {Text: "bad \xff\xfe utf8", Value: f(1e-7), Pos: model.Pos{Part: "word/document.xml", Block: 4, Col: 1}},
			"big":           {Value: f(1e21), Decimals: d(0), Pos: model.Pos{X: 12.5, Y: -3, Line: 7, Path: "a/b"}},
			"small":         {Value: f(-1.5e-10), Pos: model.Pos{Page: 1}},
			"int":           {Value: f(123456789012345678)},
		}, Pos: model.Pos{Part: "p", Page: 1, Block: 2, Row: 3, Col: 4, Line: 5, X: 0.25, Y: 1e-9, Path: "/x"}},
	}
}

// marshalRow is what encoding/json writes for a row, without HTML
// escaping and without the encoder's newline.
func marshalRow(t testing.TB, r *model.Row) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// TestRowJSON checks appendRow against encoding/json.
func TestRowJSON(t *testing.T) {
	for _, r := range rowCases() {
		got, err := appendRow(nil, &r)
		if err != nil {
			t.Fatal(err)
		}
		if want := marshalRow(t, &r); !bytes.Equal(got, want) {
			t.Errorf("appendRow:\n%s\nwant\n%s", got, want)
		}
	}
	nan := math.NaN()
	if _, err := appendRow(nil, &model.Row{Cells: map[model.Key]model.Cell{"x": {Value: &nan}}}); err == nil {
		t.Error("NaN was written")
	}
}

// FuzzRowJSON checks appendRow against encoding/json on rows made of any
// strings and numbers.
func FuzzRowJSON(f *testing.F) {
	f.Add("单位", "handled", "2,660", 2660.0, 2, "word/document.xml", 3, 1.5)
	f.Add("\xff\"\\", "a\u2028", "\x00\x7f<", -1e-7, -1, "", 0, 1e21)
	f.Fuzz(func(t *testing.T, unit, key, text string, value float64, decimals int, part string, page int, x float64) {
		if math.IsInf(value, 0) || math.IsNaN(value) || math.IsInf(x, 0) || math.IsNaN(x) {
			return
		}
		r := model.Row{Unit: unit, Total: decimals%2 == 0, Pos: model.Pos{Part: part, Page: page, X: x}, Cells: map[model.Key]model.Cell{
			model.Key(key):  {Text: text, Value: &value, Decimals: &decimals, Pos: model.Pos{Path: text, Y: value}, Stored: unit},
			model.Key(text): {Text: key},
		}}
		got, err := appendRow(nil, &r)
		if err != nil {
			t.Fatal(err)
		}
		if want := marshalRow(t, &r); !bytes.Equal(got, want) {
			t.Errorf("appendRow:\n%s\nwant\n%s", got, want)
		}
	})
}
