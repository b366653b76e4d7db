//go:build unix

package digitize_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/store"
)

// fileRecords is a sink that keeps every entry's file record by path.
type fileRecords map[string]store.File

func (c fileRecords) Put(_ context.Context, e *store.Entry) error {
	c[e.File.Path] = e.File
	return nil
}

// tree makes a folder of bulletins with symbolic links (to a file, to a
// sibling folder, back to a folder above, to nothing), a named pipe, a
// link to a device and a hidden file; and a link to the folder beside it.
func tree(t *testing.T) (root string) {
	t.Helper()
	dir := t.TempDir()
	seed, err := os.ReadFile("../testdata/yanshi-2023-03.txt")
	require.NoError(t, err)
	docs := filepath.Join(dir, "docs")
	require.NoError(t, os.MkdirAll(filepath.Join(docs, "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "a.txt"), seed, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "sub", "b.txt"), seed, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(docs, ".notes.txt"), seed, 0o644))
	require.NoError(t, os.Symlink("../a.txt", filepath.Join(docs, "sub", "link.txt")))
	require.NoError(t, os.Symlink("..", filepath.Join(docs, "sub", "loop")))
	require.NoError(t, os.Symlink("sub", filepath.Join(docs, "sub-again")))
	require.NoError(t, os.Symlink("nowhere.txt", filepath.Join(docs, "dangling.txt")))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(docs, "zero.txt")))
	require.NoError(t, syscall.Mkfifo(filepath.Join(docs, "pipe.txt"), 0o644))
	require.NoError(t, os.Symlink("docs", filepath.Join(dir, "linked-docs")))
	return dir
}

// TestWalkFollowsLinksAndAccountsForAll digitizes the tree through a link
// to its folder: the files reached through links are read, and everything
// else found is in the archive as not read, with the reason; the named
// pipe does not block the run (were it opened, the test would hang).
func TestWalkFollowsLinksAndAccountsForAll(t *testing.T) {
	dir := tree(t)
	root := filepath.Join(dir, "linked-docs")
	got := fileRecords{}
	sum, err := digitize.Run(context.Background(), digitize.Config{Jobs: 2, Sinks: []digitize.Sink{got}}, root, filepath.Join(dir, "docs", "pipe.txt"))
	require.NoError(t, err)

	want := map[string]struct{ status, reason string }{
		"a.txt":            {store.StatusOK, ""},
		"sub/b.txt":        {store.StatusOK, ""},
		"sub/link.txt":     {store.StatusOK, ""},
		".notes.txt":       {store.StatusSkipped, "hidden file"},
		"sub/loop":         {store.StatusSkipped, "symbolic link loop: leads back to a folder it is in"},
		"sub-again":        {store.StatusSkipped, "folder already read as " + filepath.Join(root, "sub")},
		"dangling.txt":     {store.StatusSkipped, "symbolic link to nothing readable: no such file or directory"},
		"zero.txt":         {store.StatusSkipped, "not a regular file: a character device"},
		"pipe.txt":         {store.StatusSkipped, "not a regular file: a named pipe (FIFO)"},
		"../docs/pipe.txt": {store.StatusSkipped, "not a regular file: a named pipe (FIFO)"},
	}
	var paths []string
	for p := range got {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	require.Len(t, got, len(want), "entries: %v", paths)
	for rel, w := range want {
		f, ok := got[filepath.Join(root, rel)]
		require.True(t, ok, "%s missing among %v", rel, paths)
		assert.Equal(t, w.status, f.Status, rel)
		assert.Equal(t, w.reason, f.Reason, rel)
	}
	assert.Equal(t, 3, sum.OK)
	assert.Equal(t, 7, sum.NotRead)
	assert.Len(t, sum.Unread, 7)
	assert.Equal(t, sum.Found, sum.OK+sum.Failed+sum.Skipped+sum.NotRead)
}

// TestNotReadInArchive checks that the paths not read are rows of the
// archive's files table, and stay so on a re-run.
func TestNotReadInArchive(t *testing.T) {
	dir := tree(t)
	db, err := store.OpenSQLite(filepath.Join(dir, "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()
	for range 2 {
		known, err := db.Known(context.Background())
		require.NoError(t, err)
		_, err = digitize.Run(context.Background(), digitize.Config{Sinks: []digitize.Sink{db}, Known: known}, filepath.Join(dir, "docs"))
		require.NoError(t, err)
		var reason string
		require.NoError(t, db.DB().QueryRow(`SELECT reason FROM files WHERE status = 'skipped' AND path = ?`,
			filepath.Join(dir, "docs", "pipe.txt")).Scan(&reason))
		assert.Equal(t, "not a regular file: a named pipe (FIFO)", reason)
		var skipped int
		require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM files WHERE status = 'skipped'`).Scan(&skipped))
		assert.Equal(t, 6, skipped)
	}
}

// TestCancelDuringWalk cancels a run before it starts: it returns the
// context's error with nothing written, whatever the tree holds.
func TestCancelDuringWalk(t *testing.T) {
	dir := tree(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got := fileRecords{}
	_, err := digitize.Run(ctx, digitize.Config{Sinks: []digitize.Sink{got}}, filepath.Join(dir, "docs"))
	require.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, got)
}
