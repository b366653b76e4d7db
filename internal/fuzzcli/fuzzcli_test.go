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
// 16 MiB, come out the same from the same seed, and that a DOCX mutant is
// most often still a zip (the mutation reached inside).
func TestMutate(t *testing.T) {
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	w, err := zw.Create("word/document.xml")
	require.NoError(t, err)
	w.Write([]byte(`<w:document><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`))
	require.NoError(t, zw.Close())
	fixtures := map[string][]byte{
		"a.docx": docx.Bytes(),
		"a.txt":  []byte(strings.Repeat("受理诉求2660件，其中电话2364件。\n", 50)),
		"a.json": []byte(`{"figures": [{"value": 1, "share_decimals": 2}], "tables": [{"rows": [{"unit": "甲", "cells": {"handled": {"value": 1}}}]}]}`),
		"a.pdf":  []byte("%PDF-1.7\n1 0 obj\n<< /Length 12 >>\nstream\nBT (x) Tj ET\nendstream\nendobj\n"),
	}
	zips := 0
	for name, data := range fixtures {
		for i := range 200 {
			a := Mutate(rand.New(rand.NewPCG(uint64(i), 1)), name, data)
			b := Mutate(rand.New(rand.NewPCG(uint64(i), 1)), name, data)
			require.Equal(t, a, b, "%s: the same seed gives the same mutant", name)
			require.LessOrEqual(t, len(a), maxMutant)
			if name == "a.docx" {
				if _, err := zip.NewReader(bytes.NewReader(a), int64(len(a))); err == nil {
					zips++
				}
			}
		}
	}
	assert.Greater(t, zips, 100, "DOCX mutants that are still zips")
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
