package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckHTML(t *testing.T) {
	code, out, _ := runCLI("check", "-format", "html", seed)
	require.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(out, "<!DOCTYPE html>"))
	assert.Equal(t, 1, strings.Count(out, "<article"), "one file, one report, no index")
	assert.NotContains(t, out, `id="index"`)
	assert.Contains(t, out, `data-findings="9"`, "山化镇's 群众满意率 is marked")

	code, out, errOut := runCLI("check", "-format", "html", "no-such-file.txt", seed, "../../testdata/validate/rate_mismatch.txt")
	assert.Equal(t, exitUnreadable, code, "an unreadable file still gives exit 2")
	assert.Contains(t, errOut, "no-such-file.txt")
	assert.Equal(t, 2, strings.Count(out, "<article"))
	assert.Contains(t, out, `id="index"`)
	i, j, k := strings.Index(out, "no-such-file.txt"), strings.Index(out, `<a href="#r2-report">yanshi-2023-03.txt</a>`), strings.Index(out, `<a href="#r3-report">rate_mismatch.txt</a>`)
	assert.True(t, i >= 0 && i < j && j < k, "the index lists the files in the order given, the unreadable one with its reason")
	assert.Contains(t, out, "not read: open no-such-file.txt")
}

func TestDigitizeReport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	db := filepath.Join(t.TempDir(), "a.sqlite")
	code, _, _ := runCLI("digitize", "-db", db, seed)
	require.Equal(t, exitOK, code)
	// With -report the unchanged file is read again, so the report has it.
	code, out, _ := runCLI("digitize", "-db", db, "-report", dir, seed)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "1 ok")
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	assert.Contains(t, string(index), "yanshi-2023-03.txt</a>")
	pages, err := filepath.Glob(filepath.Join(dir, "yanshi-2023-03.txt-*.html"))
	require.NoError(t, err)
	assert.Len(t, pages, 1)
}
