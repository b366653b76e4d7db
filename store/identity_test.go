package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/store"
)

// The same bulletin in every format reads to the same content: its
// identity in the archive.
func TestContentHashAcrossFormats(t *testing.T) {
	var first string
	for _, p := range []string{
		"../testdata/yanshi-2023-03.txt",
		"../testdata/docx/yanshi-2023-03.libreoffice.docx",
		"../testdata/docx/yanshi-2023-03.pandoc.docx",
		"../testdata/pdf/seed-libreoffice.pdf",
		"../testdata/pdf/seed-chromium.pdf",
	} {
		b, err := extract.ExtractFile(context.Background(), p)
		require.NoError(t, err, p)
		h := store.ContentHash(b)
		if first == "" {
			first = h
		}
		assert.Equal(t, first, h, p)
	}
	// One changed number is another bulletin.
	b, err := extract.ExtractFile(context.Background(), "../testdata/yanshi-2023-03.txt")
	require.NoError(t, err)
	c := b.Tables[0].Rows[0].Cells["handled"]
	v := *c.Value + 1
	c.Value = &v
	b.Tables[0].Rows[0].Cells["handled"] = c
	assert.NotEqual(t, first, store.ContentHash(b))
}

func open(t *testing.T) *store.SQLite {
	s, err := store.OpenSQLite(filepath.Join(t.TempDir(), "a.sqlite"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func query[T any](t *testing.T, s *store.SQLite, q string, args ...any) T {
	var v T
	require.NoError(t, s.DB().QueryRow(q, args...).Scan(&v), q)
	return v
}

// Copies of one bulletin are one bulletin with a source each; its records
// are stored once, from the copy read first, and a copy read after it only
// adds its source.
func TestSourcesOfOneBulletin(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	a, b := seedEntry(t, "/in/a.txt"), seedEntry(t, "/in/copy/a.txt")
	require.NoError(t, s.Put(ctx, a))
	// The copy's reading differs in where things are printed only: its
	// positions are not stored, the records keep the first copy's.
	b.Bulletin.Tables[0].Rows[0].Pos.Line += 1000
	require.NoError(t, s.Put(ctx, b))
	assert.Equal(t, a.BulletinID, b.BulletinID)
	assert.NotEqual(t, a.File.ID, b.File.ID)
	assert.Equal(t, 2, count(t, s, "files"))
	assert.Equal(t, 1, count(t, s, "bulletins"))
	assert.Equal(t, 2, count(t, s, "sources"))
	assert.Equal(t, 99*7, count(t, s, "cells"))
	assert.Equal(t, 99*7, count(t, s, "unit_metrics"))
	assert.Equal(t, "/in/a.txt", query[string](t, s, `SELECT f.path FROM bulletins b JOIN files f ON f.id = b.file_id`))
	firstLine := a.Bulletin.Tables[0].Rows[0].Pos.Line
	assert.Equal(t, firstLine, query[int](t, s, `SELECT json_extract(pos, '$.line') FROM rows WHERE tbl = 0 AND row = 0`))

	// The copy the records were read from, read again, replaces them.
	a.Bulletin.Tables[0].Rows[0].Pos.Line += 2000
	require.NoError(t, s.Put(ctx, a))
	assert.Equal(t, firstLine+2000, query[int](t, s, `SELECT json_extract(pos, '$.line') FROM rows WHERE tbl = 0 AND row = 0`))
	assert.Equal(t, 99*7, count(t, s, "cells"))
	assert.Equal(t, 2, count(t, s, "sources"))

	// The copy the records were read from changes: it leaves the
	// bulletin, whose records are the other copy's again once that is
	// read again.
	c := seedEntry(t, "/in/a.txt")
	c.Bulletin.Title = "另一份通报"
	require.NoError(t, s.Put(ctx, c))
	assert.Equal(t, a.File.ID, c.File.ID, "a file keeps its id")
	assert.Equal(t, 2, count(t, s, "bulletins"))
	assert.Equal(t, 2*99*7, count(t, s, "cells"))
	assert.Equal(t, "/in/copy/a.txt", query[string](t, s, `SELECT f.path FROM bulletins b JOIN files f ON f.id = b.file_id WHERE b.id = ?`, a.BulletinID))
	assert.Equal(t, 0, query[int](t, s, `SELECT revision FROM files WHERE path = '/in/copy/a.txt'`), "read again for its positions")

	// Read again, the copy's reading replaces the records.
	require.NoError(t, s.Put(ctx, b))
	assert.Equal(t, firstLine+1000, query[int](t, s, `SELECT json_extract(pos, '$.line') FROM rows WHERE bulletin_id = ? AND tbl = 0 AND row = 0`, b.BulletinID))

	// A failed reading leaves its bulletin, which goes with its last source.
	require.NoError(t, s.Put(ctx, &store.Entry{File: store.File{Path: "/in/a.txt", Status: store.StatusFailed, Reason: "broken"}}))
	assert.Equal(t, 1, count(t, s, "bulletins"))
	assert.Equal(t, 99*7, count(t, s, "cells"))
}

// A missing file is marked, its bulletin kept; pruned, it goes, and its
// bulletin with its last source.
func TestMissingAndPruned(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	require.NoError(t, s.Put(ctx, seedEntry(t, "/in/a.txt")))
	require.NoError(t, s.Put(ctx, seedEntry(t, "/in/b.txt")))
	require.NoError(t, s.Put(ctx, &store.Entry{File: store.File{Path: "/in/a.txt", Status: store.StatusMissing}}))
	known, err := s.Known(ctx)
	require.NoError(t, err)
	assert.Equal(t, store.StatusMissing, known["/in/a.txt"].Status)
	assert.Equal(t, 1, query[int](t, s, `SELECT count(*) FROM files WHERE missing_since IS NOT NULL`))
	assert.Equal(t, 1, count(t, s, "bulletins"))
	assert.Equal(t, 2, count(t, s, "sources"))

	require.NoError(t, s.Put(ctx, &store.Entry{File: store.File{Path: "/in/a.txt", Status: store.StatusMissing}, Prune: true}))
	assert.Equal(t, 1, count(t, s, "files"))
	assert.Equal(t, 1, count(t, s, "bulletins"))
	require.NoError(t, s.Put(ctx, &store.Entry{File: store.File{Path: "/in/b.txt", Status: store.StatusMissing}, Prune: true}))
	assert.Equal(t, 0, count(t, s, "files"))
	for _, table := range []string{"bulletins", "sources", "cells", "rows", "tables", "figures", "findings", "problems"} {
		assert.Zero(t, count(t, s, table), table)
	}
	// A missing file the archive never had is nothing to do.
	require.NoError(t, s.Put(ctx, &store.Entry{File: store.File{Path: "/in/c.txt", Status: store.StatusMissing}}))
	assert.Equal(t, 0, count(t, s, "files"))
}

// Known gives each file's version, for a run to re-read older ones.
func TestKnownVersions(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	e := seedEntry(t, "/in/a.txt")
	e.File.Extractor, e.File.Revision, e.File.Processed = "v1.2.0", 7, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	require.NoError(t, s.Put(ctx, e))
	known, err := s.Known(ctx)
	require.NoError(t, err)
	f := known["/in/a.txt"]
	assert.Equal(t, "v1.2.0", f.Extractor)
	assert.Equal(t, 7, f.Revision)
	assert.Equal(t, e.File.SHA256, f.SHA256)
	assert.Equal(t, e.File.Processed, f.Processed)
	assert.Equal(t, e.File.ID, f.ID)
}

// Groups and channels: a two-level header is a group and a metric, never
// a joined key, and each cell has its channel.
func TestGroupsAndChannels(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	b, err := extract.ExtractFile(ctx, "../testdata/docx/merged-header.docx")
	require.NoError(t, err)
	require.NoError(t, s.Put(ctx, &store.Entry{File: store.File{Path: "/in/m.docx", Status: store.StatusOK}, Bulletin: b}))
	rows, err := s.DB().Query(`SELECT grp, channel, count(*) FROM unit_metrics WHERE key = 'handled' AND unit = '烟草局' GROUP BY grp, channel ORDER BY grp`)
	require.NoError(t, err)
	defer rows.Close()
	var got [][3]any
	for rows.Next() {
		var grp, channel string
		var n int
		require.NoError(t, rows.Scan(&grp, &channel, &n))
		got = append(got, [3]any{grp, channel, n})
	}
	assert.Equal(t, [][3]any{{"电话诉求", "phone", 1}, {"网民诉求", "online", 1}}, got)
	assert.Zero(t, query[int](t, s, `SELECT count(*) FROM cells WHERE key LIKE '%/%'`))
}

// The units table links a unit's spellings over the bulletins of one
// issuer, and unit_metrics names each row's linked unit.
func TestUnitsLinked(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	for i, name := range []string{"区文广新局", "文广新局", "区文化广电新闻出版局"} {
		e := seedEntry(t, filepath.Join("/in", name+".txt"))
		e.Bulletin.Tables[0].Rows[0].Unit = name
		e.Bulletin.Period.Start.Month += time.Month(i)
		require.NoError(t, s.Put(ctx, e))
	}
	var unit, rule, evidence string
	require.NoError(t, s.DB().QueryRow(`SELECT unit, rule, evidence FROM units WHERE name = '区文广新局'`).Scan(&unit, &rule, &evidence))
	assert.Equal(t, "文化广电新闻出版局", unit)
	assert.Equal(t, "prefix+abbreviation", rule)
	assert.Contains(t, evidence, "文广新局 abbreviates 文化广电新闻出版局")
	rows, err := s.DB().Query(`SELECT unit FROM unit_metrics WHERE linked_unit = '文化广电新闻出版局' AND key = 'handled' ORDER BY period_start`)
	require.NoError(t, err)
	defer rows.Close()
	var printed []string
	for rows.Next() {
		var u string
		require.NoError(t, rows.Scan(&u))
		printed = append(printed, u)
	}
	assert.Equal(t, []string{"区文广新局", "文广新局", "区文化广电新闻出版局"}, printed)
	var unlinked sql.NullString
	require.NoError(t, s.DB().QueryRow(`SELECT linked_unit FROM unit_metrics WHERE unit = '山化镇' LIMIT 1`).Scan(&unlinked))
	assert.Equal(t, "山化镇", unlinked.String)
}

// A batch stores its entries all at once on Commit, none on Rollback, and
// after a failed Put none either: Commit refuses it.
func TestBatch(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	b, err := s.Begin(ctx)
	require.NoError(t, err)
	for _, p := range []string{"/in/a.txt", "/in/b.txt", "/in/c.txt"} {
		require.NoError(t, b.Put(ctx, seedEntry(t, p)))
	}
	assert.Equal(t, 3, b.Len())
	require.NoError(t, b.Rollback())
	assert.Zero(t, count(t, s, "files"))
	assert.Zero(t, count(t, s, "cells"))

	b, err = s.Begin(ctx)
	require.NoError(t, err)
	require.NoError(t, b.Put(ctx, seedEntry(t, "/in/a.txt")))
	require.NoError(t, b.Put(ctx, seedEntry(t, "/in/b.txt")))
	require.NoError(t, b.Commit())
	assert.Equal(t, 2, count(t, s, "files"))
	assert.Equal(t, 1, count(t, s, "bulletins"))

	b, err = s.Begin(ctx)
	require.NoError(t, err)
	require.NoError(t, b.Put(ctx, seedEntry(t, "/in/c.txt")))
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	e := seedEntry(t, "/in/d.txt")
	require.Error(t, b.Put(cancelled, e))
	assert.Zero(t, e.File.ID, "a failed entry has no id")
	require.Error(t, b.Put(ctx, seedEntry(t, "/in/e.txt")), "a batch that failed takes no more")
	require.Error(t, b.Commit(), "a batch that failed is rolled back")
	assert.Equal(t, 2, count(t, s, "files"), "nothing of the failed batch is stored")
	assert.Equal(t, 99*7, count(t, s, "cells"))
}
