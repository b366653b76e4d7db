package fuzzcli

import (
	"archive/zip"
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMutate checks that mutants differ from their fixture, stay within
// 16 MiB, come out the same from the same seed, and that a DOCX or XLSX
// mutant is most often still a zip (the mutation reached inside).
func TestMutate(t *testing.T) {
	zipOf := func(name, part string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.Create(name)
		require.NoError(t, err)
		w.Write([]byte(part))
		require.NoError(t, zw.Close())
		return buf.Bytes()
	}
	ole := make([]byte, 4096)
	copy(ole, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	fixtures := map[string][]byte{
		"a.docx": zipOf("word/document.xml", `<w:document><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`),
		"a.xlsx": zipOf("xl/worksheets/sheet1.xml", `<worksheet><dimension ref="A1:B1"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c></row></sheetData></worksheet>`),
		"a.html": []byte(`<html><body><p>受理诉求2660件。</p><table><tr><td colspan="2">单位</td></tr><tr><td>甲</td><td>1</td></tr></table></body></html>`),
		"a.xls":  ole,
		"a.txt":  []byte(strings.Repeat("受理诉求2660件，其中电话2364件。\n", 50)),
		"a.json": []byte(`{"figures": [{"value": 1, "share_decimals": 2}], "tables": [{"rows": [{"unit": "甲", "cells": {"handled": {"value": 1}}}]}]}`),
		"a.pdf":  []byte("%PDF-1.7\n1 0 obj\n<< /Length 12 >>\nstream\nBT (x) Tj ET\nendstream\nendobj\n"),
	}
	zips := map[string]int{}
	for name, data := range fixtures {
		changed := 0
		for i := range 200 {
			a := Mutate(rand.New(rand.NewPCG(uint64(i), 1)), name, data)
			b := Mutate(rand.New(rand.NewPCG(uint64(i), 1)), name, data)
			require.Equal(t, a, b, "%s: the same seed gives the same mutant", name)
			require.LessOrEqual(t, len(a), maxMutant)
			if !bytes.Equal(a, data) {
				changed++
			}
			if strings.HasSuffix(name, "x") {
				if _, err := zip.NewReader(bytes.NewReader(a), int64(len(a))); err == nil {
					zips[name]++
				}
			}
		}
		assert.Greater(t, changed, 180, "%s: mutants that differ from the fixture", name)
	}
	assert.Greater(t, zips["a.docx"], 100, "DOCX mutants that are still zips")
	assert.Greater(t, zips["a.xlsx"], 100, "XLSX mutants that are still zips")
}

// TestCapped checks that a child's output is counted whole and kept only
// in part, io.Copy included.
func TestCapped(t *testing.T) {
	c := &capped{max: 10}
	n, err := c.Write([]byte("0123456789abcdef"))
	require.NoError(t, err)
	assert.Equal(t, 16, n)
	assert.Equal(t, "0123456789", c.String())
	assert.Equal(t, int64(16), c.n)
}
