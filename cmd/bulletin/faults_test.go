//go:build unix

package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/internal/fuzzcli"
	"github.com/hotline12345/bulletin/store"
)

// bulletins writes n made-up bulletins (text and DOCX) and one broken file
// under dir.
func bulletins(t *testing.T, dir string, n int) {
	t.Helper()
	tpl, err := os.ReadFile("../../testdata/templates/bulletin-template.docx")
	require.NoError(t, err)
	for i := range n {
		v := bulletintest.NewVariant(i)
		name, data := "b"+strconv.Itoa(i)+".txt", v.Text()
		if i%3 == 1 {
			v = bulletintest.NewTemplateVariant(i)
			name = "b" + strconv.Itoa(i) + ".docx"
			data, err = v.DOCX(tpl)
			require.NoError(t, err)
		}
		sub := filepath.Join(dir, strconv.Itoa(i%4))
		require.NoError(t, os.MkdirAll(sub, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(sub, name), data, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.pdf"), []byte("%PDF-1.7\n1 0 obj\n<<"), 0o644))
}

// archived is what an archive holds of one file: its status and how many
// cells.
type archived struct {
	status string
	cells  int
}

// contents reads an archive: every file's status and cell count, after
// SQLite's own integrity check.
func contents(t *testing.T, path string) map[string]archived {
	t.Helper()
	db, err := store.OpenSQLite(path)
	require.NoError(t, err)
	defer db.Close()
	var integrity string
	require.NoError(t, db.DB().QueryRow(`PRAGMA integrity_check`).Scan(&integrity))
	require.Equal(t, "ok", integrity)
	rows, err := db.DB().Query(`SELECT path, status, (SELECT count(*) FROM cells c JOIN sources s USING (bulletin_id) WHERE s.file_id = f.id) FROM files f`)
	require.NoError(t, err)
	defer rows.Close()
	out := map[string]archived{}
	for rows.Next() {
		var p string
		var a archived
		require.NoError(t, rows.Scan(&p, &a.status, &a.cells))
		out[p] = a
	}
	require.NoError(t, rows.Err())
	return out
}

// reference digitizes dir in this process, undisturbed, and returns what
// the archive holds and how long it took.
func reference(t *testing.T, dir string) (map[string]archived, time.Duration) {
	path := filepath.Join(t.TempDir(), "reference.sqlite")
	db, err := store.OpenSQLite(path)
	require.NoError(t, err)
	start := time.Now()
	_, err = digitize.Run(context.Background(), digitize.Config{Jobs: 2, Sinks: []digitize.Sink{db}}, dir)
	elapsed := time.Since(start)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	return contents(t, path), elapsed
}

// requireWhole checks that an archive holds only whole files: each file in
// it is as in the reference.
func requireWhole(t *testing.T, got, want map[string]archived, when string) {
	t.Helper()
	for p, a := range got {
		w, ok := want[p]
		require.True(t, ok, "%s: %s is not a file of the run", when, p)
		require.Equal(t, w, a, "%s: %s is not whole", when, p)
	}
}

// TestDigitizeKilled kills digitize at random points, with SIGKILL and
// with SIGINT (Ctrl-C): after each kill the archive passes SQLite's
// integrity check and holds only whole files, and a re-run completes it to
// what an undisturbed run gives.
func TestDigitizeKilled(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	bulletins(t, in, 20)
	want, _ := reference(t, in)
	require.Len(t, want, 21)
	// The kills land anywhere from the child's start to its end: a whole
	// run in a child sets the span.
	whole := fuzzcli.Run(context.Background(), child(t, "digitize", "-db", filepath.Join(dir, "whole.sqlite"), "-jobs", "2", in), fuzzcli.Budget{Timeout: 10 * time.Minute})
	require.Empty(t, whole.Problem)
	rng := rand.New(rand.NewPCG(11, 12))
	for k := range 8 {
		path := filepath.Join(dir, fmt.Sprintf("archive-%d.sqlite", k))
		cmd := child(t, "digitize", "-db", path, "-jobs", "2", in)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		require.NoError(t, cmd.Start())
		wait := time.Duration(rng.Int64N(int64(whole.Elapsed)))
		time.Sleep(wait)
		sig := os.Kill
		if k%3 == 2 {
			sig = os.Interrupt
		}
		cmd.Process.Signal(sig)
		cmd.Wait()
		held := 0
		if _, err := os.Stat(path); err == nil {
			got := contents(t, path)
			requireWhole(t, got, want, fmt.Sprintf("after kill %d (%v)", k, sig))
			held = len(got)
		}
		t.Logf("%v after %v: the archive holds %d of %d files", sig, wait.Round(time.Millisecond), held, len(want))

		r := fuzzcli.Run(context.Background(), child(t, "digitize", "-db", path, in), fuzzcli.Budget{Timeout: 10 * time.Minute})
		require.Empty(t, r.Problem)
		// Status 2 when the broken file is read in this run, 0 when the
		// killed run recorded it already.
		require.Contains(t, []int{exitOK, exitUnreadable}, r.ExitCode, r.Stderr)
		require.Equal(t, want, contents(t, path), "a re-run after kill %d completes the archive", k)
	}
}

// totals counts an archive's rows of each table that a file or a bulletin
// adds: a file or a bulletin stored twice, or half, shows here.
func totals(t *testing.T, path string) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	require.NoError(t, err)
	defer db.Close()
	out := map[string]int{}
	for _, table := range []string{"files", "bulletins", "sources", "tables", "rows", "cells", "figures", "findings", "problems"} {
		var n int
		require.NoError(t, db.QueryRow("SELECT count(*) FROM "+table).Scan(&n))
		out[table] = n
	}
	return out
}

// heldFiles is how many files the archive at path holds committed, read
// while a run writes it; -1 before it can be read.
func heldFiles(path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return -1
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM files`).Scan(&n); err != nil {
		return -1
	}
	return n
}

// TestDigitizeKilledMidBatch kills digitize with SIGKILL while it writes
// in batches of three files, once the archive holds a number of files
// committed that differs from kill to kill: the archive holds whole files
// only, and a re-run completes it to what an undisturbed run gives, no
// file and no bulletin twice. Copies of the files make bulletins of
// several sources, which a killed batch may have added to.
func TestDigitizeKilledMidBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	bulletins(t, in, 30)
	for i := range 6 {
		data, err := os.ReadFile(filepath.Join(in, strconv.Itoa(i%4), "b"+strconv.Itoa(i)+".txt"))
		if err != nil { // a DOCX one
			continue
		}
		require.NoError(t, os.WriteFile(filepath.Join(in, "copy-"+strconv.Itoa(i)+".txt"), data, 0o644))
	}
	want, _ := reference(t, in)
	// An undisturbed run of the child, in batches too, is the reference
	// of the tables' totals.
	whole := filepath.Join(dir, "whole.sqlite")
	r := fuzzcli.Run(context.Background(), child(t, "digitize", "-db", whole, "-batch", "3", "-jobs", "2", in), fuzzcli.Budget{Timeout: 10 * time.Minute})
	require.Empty(t, r.Problem)
	require.Equal(t, want, contents(t, whole))
	wantTotals := totals(t, whole)
	require.Less(t, wantTotals["bulletins"], wantTotals["sources"], "copies are sources of one bulletin")

	rng := rand.New(rand.NewPCG(19, 4))
	mid := 0
	for k := range 6 {
		path := filepath.Join(dir, fmt.Sprintf("archive-%d.sqlite", k))
		cmd := child(t, "digitize", "-db", path, "-batch", "3", "-jobs", "2", in)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		require.NoError(t, cmd.Start())
		// Killed once the archive holds at least this many files
		// committed: then a batch is being written, or about to be.
		target := 1 + rng.IntN(len(want)-4)
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		poll := time.NewTicker(2 * time.Millisecond)
	wait:
		for {
			select {
			case <-exited:
				break wait
			case <-poll.C:
				if heldFiles(path) >= target {
					cmd.Process.Signal(os.Kill)
					<-exited
					break wait
				}
			}
		}
		poll.Stop()
		got := contents(t, path)
		requireWhole(t, got, want, fmt.Sprintf("after kill %d", k))
		if len(got) < len(want) {
			mid++
		}
		t.Logf("killed with %d files or more committed: the archive holds %d of %d files", target, len(got), len(want))

		r := fuzzcli.Run(context.Background(), child(t, "digitize", "-db", path, in), fuzzcli.Budget{Timeout: 10 * time.Minute})
		require.Empty(t, r.Problem)
		require.Contains(t, []int{exitOK, exitUnreadable}, r.ExitCode, r.Stderr)
		require.Equal(t, want, contents(t, path), "a re-run after kill %d completes the archive", k)
		require.Equal(t, wantTotals, totals(t, path), "after kill %d and a re-run, nothing is stored twice", k)
	}
	require.NotZero(t, mid, "no kill landed before the end of the run")
}

// TestDigitizeFullDisk runs digitize with the size of the files it may
// write capped (RLIMIT_FSIZE: a write past it fails as on a full disk):
// it exits with status 2 and the store's error, the SQLite archive holds
// only whole files, and CSV files leave the previous export as it was.
func TestDigitizeFullDisk(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	bulletins(t, in, 12)
	want, _ := reference(t, in)

	for _, size := range []int64{8 << 10, 64 << 10, 256 << 10} {
		path := filepath.Join(dir, fmt.Sprintf("full-%d.sqlite", size))
		r := fuzzcli.Run(context.Background(), child(t, "digitize", "-db", path, in), fuzzcli.Budget{FileSize: size, Timeout: 5 * time.Minute})
		require.Empty(t, r.Problem)
		assert.Equal(t, exitUnreadable, r.ExitCode, "%d bytes of disk", size)
		assert.Contains(t, r.Stderr, "bulletin: store:", "%d bytes of disk: the store's error is reported", size)
		if _, err := os.Stat(path); err == nil {
			got := contents(t, path)
			requireWhole(t, got, want, fmt.Sprintf("%d bytes of disk", size))
			assert.Less(t, len(got), len(want), "%d bytes of disk cannot hold the archive", size)
		}
	}

	// CSV files: a full disk leaves the previous export whole.
	out := filepath.Join(dir, "csv")
	r := fuzzcli.Run(context.Background(), child(t, "digitize", "-csv", out, in), fuzzcli.Budget{Timeout: 5 * time.Minute})
	require.Empty(t, r.Problem)
	require.Equal(t, exitUnreadable, r.ExitCode, "the broken file fails: %s", r.Stderr)
	before := snapshot(t, out)
	// The export from an archive that holds every file already (a re-run
	// writes nothing to it) fails the same way.
	full := filepath.Join(dir, "full.sqlite")
	r = fuzzcli.Run(context.Background(), child(t, "digitize", "-db", full, in), fuzzcli.Budget{Timeout: 5 * time.Minute})
	require.Empty(t, r.Problem)
	for _, args := range [][]string{{"-csv", out}, {"-db", full, "-csv", out}} {
		r = fuzzcli.Run(context.Background(), child(t, append(append([]string{"digitize"}, args...), in)...), fuzzcli.Budget{FileSize: 32 << 10, Timeout: 5 * time.Minute})
		require.Empty(t, r.Problem)
		assert.Equal(t, exitUnreadable, r.ExitCode)
		assert.Contains(t, r.Stderr, "file too large", "%v: the write error is reported", args)
		assert.Equal(t, before, snapshot(t, out), "%v: the previous export is left as it was", args)
	}
}

// snapshot reads every file in dir.
func snapshot(t *testing.T, dir string) map[string]string {
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(data)
	}
	return out
}

// TestDigitizeReadOnlyOutput runs digitize into a folder it may not write:
// a clear error naming the folder, status 2, nothing written. As root,
// whom permissions do not stop, the child runs as nobody.
func TestDigitizeReadOnlyOutput(t *testing.T) {
	dir := shared(t)
	in := filepath.Join(dir, "in")
	bulletins(t, in, 2)
	ro := filepath.Join(dir, "read-only")
	require.NoError(t, os.MkdirAll(filepath.Join(ro, "csv"), 0o755))
	require.NoError(t, os.Chmod(filepath.Join(ro, "csv"), 0o555))
	require.NoError(t, os.Chmod(ro, 0o555))
	t.Cleanup(func() { os.Chmod(ro, 0o755); os.Chmod(filepath.Join(ro, "csv"), 0o755) })

	for _, tc := range []struct {
		args   []string
		folder string
	}{
		{[]string{"-db", filepath.Join(ro, "archive.sqlite")}, ro},
		{[]string{"-csv", filepath.Join(ro, "csv")}, filepath.Join(ro, "csv")},
		{[]string{"-csv", filepath.Join(ro, "new")}, filepath.Join(ro, "new")},
	} {
		cmd := asUnprivileged(t, dir, child(t, append(append([]string{"digitize"}, tc.args...), in)...))
		r := fuzzcli.Run(context.Background(), cmd, fuzzcli.Budget{Timeout: 5 * time.Minute})
		require.Empty(t, r.Problem, r.Stderr)
		assert.Equal(t, exitUnreadable, r.ExitCode, "%v", tc.args)
		assert.Contains(t, r.Stderr, tc.folder, "%v names the folder", tc.args)
		assert.Contains(t, r.Stderr, "permission denied", "%v", tc.args)
		entries, err := os.ReadDir(ro)
		require.NoError(t, err)
		assert.Len(t, entries, 1, "%v: nothing is written", tc.args)
	}
}

// shared returns a temporary folder that every user may enter and read,
// for a child run as another user.
func shared(t *testing.T) string {
	dir := t.TempDir()
	for d := dir; d != filepath.Dir(d) && d != os.TempDir(); d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			break
		}
	}
	return dir
}

// asUnprivileged makes cmd run as nobody when the test runs as root (for
// whom a read-only folder is writable), from a copy of the test binary
// that nobody may run.
func asUnprivileged(t *testing.T, dir string, cmd *exec.Cmd) *exec.Cmd {
	if os.Geteuid() != 0 {
		return cmd
	}
	exe, err := os.ReadFile(cmd.Path)
	require.NoError(t, err)
	cmd.Path = filepath.Join(dir, "bulletin.test")
	require.NoError(t, os.WriteFile(cmd.Path, exe, 0o755))
	require.NoError(t, os.Chmod(cmd.Path, 0o755))
	cmd.Args[0] = cmd.Path
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	return cmd
}
