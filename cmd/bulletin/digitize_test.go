package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDigitizeFlags: a run that would write nowhere, with no worker, with
// a negative interval between requests, or with nothing to read, is
// refused before any file is read.
func TestDigitizeFlags(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	require.NoError(t, os.WriteFile(empty, []byte("# no pages yet\n"), 0o644))
	for _, args := range [][]string{
		{"digitize", seed},
		{"digitize", "-jobs", "0", "-db", filepath.Join(dir, "a.sqlite"), seed},
		{"digitize", "-jobs", "-1", "-db", filepath.Join(dir, "a.sqlite"), seed},
		{"digitize", "-prune", "-csv", filepath.Join(dir, "csv"), seed},
		{"digitize", "-urls", filepath.Join(dir, "none.txt")},
		{"digitize", "-urls", filepath.Join(dir, "none.txt"), "-jobs", "0", "-db", filepath.Join(dir, "a.sqlite")},
		{"digitize", "-urls", empty, "-db", filepath.Join(dir, "a.sqlite")},
		{"digitize", "-url-interval", "-1s", "-db", filepath.Join(dir, "a.sqlite"), seed},
		{"export", "-parquet", filepath.Join(dir, "p")},
		{"export", "-db", filepath.Join(dir, "a.sqlite")},
	} {
		code, _, errOut := runCLI(args...)
		assert.Equal(t, exitFindings, code, "%q", args)
		assert.NotEmpty(t, errOut, "%q", args)
	}
	_, err := os.Stat(filepath.Join(dir, "a.sqlite"))
	assert.ErrorIs(t, err, os.ErrNotExist, "nothing written")
	code, _, errOut := runCLI("export", "-db", filepath.Join(dir, "none.sqlite"), "-parquet", filepath.Join(dir, "p"))
	assert.Equal(t, exitUnreadable, code)
	assert.Contains(t, errOut, "none.sqlite")
}

// TestDigitizeRuns digitizes a folder twice, then exports it: the exit
// status reports failures of the run and failures still standing, the CSV
// files open with their BOM and join columns, the Parquet files are there.
func TestDigitizeRuns(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	require.NoError(t, os.MkdirAll(in, 0o755))
	data, err := os.ReadFile(seed)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(in, "seed.txt"), data, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, "copy.txt"), data, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, "notes.txt"), []byte("没有表格的说明。\n"), 0o644))
	db := filepath.Join(dir, "a.sqlite")
	csvDir := filepath.Join(dir, "csv")

	code, out, _ := runCLI("digitize", "-db", db, "-csv", csvDir, "-jobs", "1", in)
	assert.Equal(t, exitUnreadable, code, out)
	assert.Contains(t, out, "3 files: 2 ok, 1 failed, 0 unchanged (skipped)")
	assert.Contains(t, out, "failed: "+filepath.Join(in, "notes.txt")+": no tables or figures found")
	assert.Contains(t, out, "a.sqlite: 3 files (2 ok, 1 failed, 0 missing), 1 bulletins")

	code, out, _ = runCLI("digitize", "-db", db, "-retry-failed=false", in)
	assert.Equal(t, exitUnreadable, code, "a failure still standing is still a failure")
	assert.Contains(t, out, "3 files: 0 ok, 0 failed, 3 unchanged (skipped)")
	assert.Contains(t, out, "still failing (not retried): ")

	require.NoError(t, os.Remove(filepath.Join(in, "notes.txt")))
	code, out, _ = runCLI("digitize", "-db", db, in)
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "1 missing")
	code, out, _ = runCLI("digitize", "-db", db, "-prune", in)
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "1 missing (1 pruned)")
	assert.Contains(t, out, "a.sqlite: 2 files (2 ok, 0 failed, 0 missing), 1 bulletins")

	raw, err := os.ReadFile(filepath.Join(csvDir, "cells.csv"))
	require.NoError(t, err)
	body, ok := bytes.CutPrefix(raw, []byte("\ufeff"))
	require.True(t, ok, "cells.csv begins with a BOM")
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "bulletin_id,path,issuer,period_start,period_end,period_label,tbl,table_label,table_title,channel,row,unit,total,grp,key,header,text,value,decimals",
		strings.Join(recs[0], ","))
	assert.Len(t, recs, 1+99*7, "the two copies' cells once")

	pq := filepath.Join(dir, "parquet")
	code, out, errOut := runCLI("export", "-db", db, "-parquet", pq, "-csv", filepath.Join(dir, "csv2"), "-csv-bom=false")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "Parquet files")
	for _, name := range []string{"cells", "unit_metrics", "units", "files", "sources"} {
		_, err := os.Stat(filepath.Join(pq, name+".parquet"))
		assert.NoError(t, err, name)
	}
	raw, err = os.ReadFile(filepath.Join(dir, "csv2", "files.csv"))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(raw, []byte("id,path,")))
}
