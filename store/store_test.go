package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/benchcpu"
	"github.com/hotline12345/bulletin/store"
	"github.com/hotline12345/bulletin/validate"
)

func seedEntry(t testing.TB, path string) *store.Entry {
	b, err := extract.ExtractFile(context.Background(), "../testdata/yanshi-2023-03.txt")
	require.NoError(t, err)
	return &store.Entry{
		File:     store.File{Path: path, SHA256: b.Source.SHA256, Format: "text", Status: store.StatusOK, Processed: time.Now()},
		Bulletin: b,
		Findings: validate.Check(b).Findings,
	}
}

// pageEntry is a saved web page read with its two attachments (附件), the
// bulletin's parts, and checked.
func pageEntry(t testing.TB, path string) *store.Entry {
	b, err := extract.ExtractFile(context.Background(), "../testdata/html/attach/page.html")
	require.NoError(t, err)
	require.Len(t, b.Source.Parts, 3)
	return &store.Entry{
		File:     store.File{Path: path, SHA256: b.Source.SHA256, Format: b.Source.Format, Status: store.StatusOK, Processed: time.Now()},
		Bulletin: b,
		Findings: validate.Check(b).Findings,
	}
}

func count(t testing.TB, s *store.SQLite, table string) int {
	var n int
	require.NoError(t, s.DB().QueryRow("SELECT count(*) FROM "+table).Scan(&n))
	return n
}

func TestPutAndReplace(t *testing.T) {
	s, err := store.OpenSQLite(filepath.Join(t.TempDir(), "a.sqlite"))
	require.NoError(t, err)
	defer s.Close()
	ctx := context.Background()
	e := seedEntry(t, "seed.txt")
	require.NoError(t, s.Put(ctx, e))
	assert.NotZero(t, e.File.ID)
	assert.Equal(t, 99*7, count(t, s, "cells"))
	assert.Equal(t, 99, count(t, s, "rows"))
	assert.Equal(t, 4, count(t, s, "tables"))
	assert.Equal(t, 7, count(t, s, "figures"))
	assert.Equal(t, 17, count(t, s, "mentions"))
	assert.Equal(t, 10, count(t, s, "findings"))

	// Putting the same path again replaces it whole.
	require.NoError(t, s.Put(ctx, seedEntry(t, "seed.txt")))
	assert.Equal(t, 1, count(t, s, "files"))
	assert.Equal(t, 99*7, count(t, s, "cells"))

	// A failed file has its record and nothing else.
	require.NoError(t, s.Put(ctx, &store.Entry{File: store.File{Path: "bad.pdf", Status: store.StatusFailed, Reason: "malformed input"}}))
	known, err := s.Known(ctx)
	require.NoError(t, err)
	assert.Len(t, known, 2)
	var reason string
	require.NoError(t, s.DB().QueryRow(`SELECT reason FROM files WHERE path = 'bad.pdf'`).Scan(&reason))
	assert.Equal(t, "malformed input", reason)

	// A cell's value, printed text and decimals, by unit and key.
	var text string
	var value float64
	var decimals int
	require.NoError(t, s.DB().QueryRow(`SELECT text, value, decimals FROM unit_metrics
		WHERE unit = '山化镇' AND key = 'satisfaction_rate' AND tbl = 3`).Scan(&text, &value, &decimals))
	assert.Equal(t, "83%", text)
	assert.Equal(t, 83.0, value)
	assert.Equal(t, 0, decimals)
}

// BenchmarkPut writes the seed bulletin (693 cells, 10 findings) as one
// file per iteration, in a transaction each: "new" a bulletin of another
// content each time (every record written), "copy" the same bulletin under
// another path each time (one more source of it, its records kept).
func BenchmarkPut(b *testing.B) {
	for _, kind := range []string{"new", "copy"} {
		b.Run(kind, func(b *testing.B) {
			s, err := store.OpenSQLite(filepath.Join(b.TempDir(), "a.sqlite"))
			require.NoError(b, err)
			defer s.Close()
			e := seedEntry(b, "seed.txt")
			e.Content = store.ContentHash(e.Bulletin) // as digitize's workers do
			ctx := context.Background()
			b.ReportAllocs()
			defer benchcpu.Measure(b)()
			i := 0
			for b.Loop() {
				i++
				e.File.Path = "seed-" + itoa(i) + ".txt"
				if kind == "new" {
					e.Content = "content-" + itoa(i)
				}
				if err := s.Put(ctx, e); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBatch writes the seed bulletin as a new bulletin per iteration,
// 64 to a transaction, as digitize does: the statements are prepared once
// a batch and the commit is shared.
func BenchmarkBatch(b *testing.B) {
	s, err := store.OpenSQLite(filepath.Join(b.TempDir(), "a.sqlite"))
	require.NoError(b, err)
	defer s.Close()
	e := seedEntry(b, "seed.txt")
	ctx := context.Background()
	b.ReportAllocs()
	defer benchcpu.Measure(b)()
	var batch *store.Batch
	i := 0
	for b.Loop() {
		i++
		if batch == nil {
			if batch, err = s.Begin(ctx); err != nil {
				b.Fatal(err)
			}
		}
		e.File.Path, e.Content = "seed-"+itoa(i)+".txt", "content-"+itoa(i)
		if err := batch.Put(ctx, e); err != nil {
			b.Fatal(err)
		}
		if batch.Len() == 64 {
			if err := batch.Commit(); err != nil {
				b.Fatal(err)
			}
			batch = nil
		}
	}
	if batch != nil {
		require.NoError(b, batch.Commit())
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// TestPathCharacters checks that "#", "?", "%" and other characters that
// mean something in a URI are characters of the archive's file name: the
// archive is created at exactly the path given, and nowhere else.
func TestPathCharacters(t *testing.T) {
	for _, name := range []string{"reports#2024.sqlite", "a?mode=ro.sqlite", "100%25 done.sqlite", "x&y=z;w@v:1.sqlite", "通报 2024年.sqlite", "file:name.sqlite"} {
		dir := t.TempDir()
		path := filepath.Join(dir, name)
		s, err := store.OpenSQLite(path)
		require.NoError(t, err, name)
		require.NoError(t, s.Put(context.Background(), seedEntry(t, "seed.txt")), name)
		require.NoError(t, s.Close())
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		assert.Contains(t, names, name, "the archive is at the path given")
		for _, n := range names {
			assert.True(t, strings.HasPrefix(n, name), "%s: stray file %q", name, n)
		}
		// Opened again by the same path, it holds what was written.
		s, err = store.OpenSQLite(path)
		require.NoError(t, err)
		assert.Equal(t, 1, count(t, s, "files"))
		s.Close()
	}
}

// BenchmarkContentHash hashes the seed bulletin's records (693 cells), as
// digitize's workers do for every bulletin read.
func BenchmarkContentHash(b *testing.B) {
	e := seedEntry(b, "seed.txt")
	b.ReportAllocs()
	for b.Loop() {
		store.ContentHash(e.Bulletin)
	}
}
