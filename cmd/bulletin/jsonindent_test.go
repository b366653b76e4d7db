package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// indentCases are compact JSON texts with what can trip an indenter:
// empty and nested containers, escaped quotes and backslashes, punctuation
// inside strings, numbers and literals at every position.
var indentCases = []string{
	`{}`, `[]`, `0`, `"x"`, `null`, `true`,
	`{"a":1,"b":[1,2,{"c":null}],"d":{}}`,
	`[[],{},[[]],[{}],{"":[]}]`,
	`{"q":"a \"quoted\" {word}, [x]: y","b":"\\","c":"\\\"","d":"\u003c\u2028"}`,
	`[-1.5e+10,0.25,1E-7,false,true,null,"end"]`,
	`{"中文":"数据：受理量, 办结率","n":{"m":{"k":[1,[2,[3]]]}}}`,
}

// TestAppendIndented checks appendIndented against json.Indent, with and
// without a prefix.
func TestAppendIndented(t *testing.T) {
	for _, src := range indentCases {
		for _, prefix := range []string{"", "  ", "\t>"} {
			var want bytes.Buffer
			if err := json.Indent(&want, []byte(src), prefix, "  "); err != nil {
				t.Fatalf("%s: %v", src, err)
			}
			if got := appendIndented([]byte("head"), []byte(src), prefix, "  "); string(got) != "head"+want.String() {
				t.Errorf("appendIndented(%s, %q):\n%s\nwant\n%s", src, prefix, got[4:], want.Bytes())
			}
		}
	}
}

// FuzzAppendIndented checks appendIndented against json.Indent on the
// compact form of any valid JSON.
func FuzzAppendIndented(f *testing.F) {
	for _, src := range indentCases {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		var compact, want bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		if err := json.Indent(&want, compact.Bytes(), "  ", "\t"); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, compact.Bytes(), "  ", "\t"); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("appendIndented(%s):\n%s\nwant\n%s", compact.Bytes(), got, want.Bytes())
		}
	})
}
