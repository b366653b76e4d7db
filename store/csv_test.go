package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

// fullDisk is a file that takes room bytes and then fails as a full disk
// does.
type fullDisk struct {
	*os.File
	room *int
}

func (f fullDisk) Write(p []byte) (int, error) {
	if len(p) > *f.room {
		n, _ := f.File.Write(p[:*f.room])
		*f.room = 0
		return n, syscall.ENOSPC
	}
	*f.room -= len(p)
	return f.File.Write(p)
}

// withDiskRoom makes the CSV files created until the test ends share room
// bytes of disk.
func withDiskRoom(t *testing.T, room int) {
	saved := createTemp
	t.Cleanup(func() { createTemp = saved })
	createTemp = func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		return fullDisk{f, &room}, nil
	}
}

// entry is a file at path read ok, whose bulletin (its own: the title
// names the path) has a table of rows rows.
func entry(path string, rows int) *Entry {
	b := &model.Bulletin{Title: "各单位办理情况 " + path, Tables: []model.Table{{Label: "附件1"}}}
	for i := range rows {
		v := float64(i)
		b.Tables[0].Rows = append(b.Tables[0].Rows, model.Row{Unit: "单位", Cells: map[model.Key]model.Cell{model.Handled: {Text: "1", Value: &v}}})
	}
	return &Entry{File: File{Path: path, Status: StatusOK}, Bulletin: b}
}

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// TestCSVFullDisk checks that a disk filling up while CSV files are
// written is an error, from Put or at the latest from Close, and leaves the
// previous export as it was, with no temporary file behind.
func TestCSVFullDisk(t *testing.T) {
	dir := t.TempDir()
	prev, err := CreateCSV(dir)
	require.NoError(t, err)
	require.NoError(t, prev.Put(context.Background(), entry("old.txt", 3)))
	require.NoError(t, prev.Close())
	before := map[string][]byte{}
	for _, n := range files(t, dir) {
		before[n], err = os.ReadFile(filepath.Join(dir, n))
		require.NoError(t, err)
	}

	for _, room := range []int{0, 100, 5000, 50_000} {
		withDiskRoom(t, room)
		c, err := CreateCSV(dir)
		if err == nil {
			for i := 0; i < 20 && err == nil; i++ {
				err = c.Put(context.Background(), entry(fmt.Sprintf("new%d.txt", i), 200))
			}
			if err == nil {
				err = c.Close()
			} else {
				c.Abort()
			}
		}
		require.ErrorIs(t, err, syscall.ENOSPC, "room for %d bytes", room)
		for n, data := range before {
			got, err := os.ReadFile(filepath.Join(dir, n))
			require.NoError(t, err)
			assert.Equal(t, data, got, "room for %d bytes: %s changed", room, n)
		}
		assert.Len(t, files(t, dir), len(before), "room for %d bytes: a temporary file is left", room)
	}
}

// TestCSVReplacesWhole checks that Close puts the new files in place of the
// old, and that Abort leaves the old ones.
func TestCSVReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	read := func() string {
		data, err := os.ReadFile(filepath.Join(dir, "files.csv"))
		require.NoError(t, err)
		return string(data)
	}
	c, err := CreateCSV(dir)
	require.NoError(t, err)
	require.NoError(t, c.Put(context.Background(), entry("one.txt", 1)))
	require.NoError(t, c.Close())
	assert.Contains(t, read(), "one.txt")
	info, err := os.Stat(filepath.Join(dir, "files.csv"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())

	c, err = CreateCSV(dir)
	require.NoError(t, err)
	require.NoError(t, c.Put(context.Background(), entry("two.txt", 1)))
	assert.Contains(t, read(), "one.txt", "nothing changes before Close")
	require.NoError(t, c.Abort())
	assert.Contains(t, read(), "one.txt")
	assert.NotContains(t, read(), "two.txt")
	assert.Len(t, files(t, dir), len(csvFiles))

	c, err = CreateCSV(dir)
	require.NoError(t, err)
	require.NoError(t, c.Put(context.Background(), entry("two.txt", 1)))
	require.NoError(t, c.Close())
	assert.NotContains(t, read(), "one.txt")
	assert.Contains(t, read(), "two.txt")
	require.NoError(t, c.Close(), "a second Close does nothing")
	assert.False(t, errors.Is(c.Abort(), os.ErrNotExist), "Abort after Close does nothing")
}
