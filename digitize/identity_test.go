package digitize_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/store"
)

// recorder is a sink that notes the paths put, before the archive.
type recorder struct {
	next  digitize.Sink
	mu    sync.Mutex
	paths []string
}

func (r *recorder) Put(ctx context.Context, e *store.Entry) error {
	r.mu.Lock()
	r.paths = append(r.paths, filepath.Base(e.File.Path))
	r.mu.Unlock()
	return r.next.Put(ctx, e)
}

func (r *recorder) take() []string {
	p := r.paths
	r.paths = nil
	slices.Sort(p)
	return p
}

// archiveRun runs digitize over paths into db with what db knows.
func archiveRun(t *testing.T, db *store.SQLite, cfg digitize.Config, paths ...string) digitize.Summary {
	t.Helper()
	known, err := db.Known(context.Background())
	require.NoError(t, err)
	cfg.Known = known
	if cfg.Sinks == nil {
		cfg.Sinks = []digitize.Sink{db}
	}
	if cfg.Jobs == 0 {
		cfg.Jobs = 2
	}
	sum, err := digitize.Run(context.Background(), cfg, paths...)
	require.NoError(t, err)
	return sum
}

func number(t *testing.T, db *store.SQLite, q string, args ...any) int {
	t.Helper()
	var n int
	require.NoError(t, db.DB().QueryRow(q, args...).Scan(&n), q)
	return n
}

func copyFile(t *testing.T, from, to string) {
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(to), 0o755))
	require.NoError(t, os.WriteFile(to, data, 0o644))
}

// TestOneFolderManySpellings digitizes one folder by a relative path, its
// absolute path and ".", then with copies of a bulletin in other formats:
// one bulletin per content, a source per file, and no cell counted twice.
func TestOneFolderManySpellings(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	cells := 0
	for i := range 3 {
		v := bulletintest.NewVariant(i)
		require.NoError(t, os.MkdirAll(in, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(in, "variant-"+string(rune('a'+i))+".txt"), v.Text(), 0o644))
		cells += v.Cells()
	}
	copyFile(t, "../testdata/yanshi-2023-03.txt", filepath.Join(in, "seed.txt"))
	cells += 99 * 7
	seed, err := filepath.Abs("../testdata")
	require.NoError(t, err)
	db, err := store.OpenSQLite(filepath.Join(dir, "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()

	t.Chdir(dir)
	sum := archiveRun(t, db, digitize.Config{}, "in")
	assert.Equal(t, 4, sum.OK)
	sum = archiveRun(t, db, digitize.Config{}, in)
	assert.Equal(t, 4, sum.Skipped, "the same files by their absolute paths")
	t.Chdir(in)
	sum = archiveRun(t, db, digitize.Config{}, ".", "./seed.txt")
	assert.Equal(t, 5, sum.Found)
	assert.Equal(t, 5, sum.Skipped, "the same files from inside the folder")
	assert.Equal(t, 4, number(t, db, `SELECT count(*) FROM files`))
	assert.Equal(t, 4, number(t, db, `SELECT count(*) FROM bulletins`))
	assert.Equal(t, cells, number(t, db, `SELECT count(*) FROM unit_metrics`))

	// The seed as DOCX and PDF, and a copy of its text elsewhere in the
	// folder: three more sources of one bulletin.
	copyFile(t, filepath.Join(seed, "docx/yanshi-2023-03.pandoc.docx"), filepath.Join(in, "seed.docx"))
	copyFile(t, filepath.Join(seed, "pdf/seed-libreoffice.pdf"), filepath.Join(in, "seed.pdf"))
	copyFile(t, filepath.Join(seed, "yanshi-2023-03.txt"), filepath.Join(in, "old", "copy of seed.txt"))
	sum = archiveRun(t, db, digitize.Config{}, ".")
	assert.Equal(t, 3, sum.OK)
	assert.Equal(t, 4, sum.Skipped)
	assert.Equal(t, 7, number(t, db, `SELECT count(*) FROM files`))
	assert.Equal(t, 4, number(t, db, `SELECT count(*) FROM bulletins`))
	assert.Equal(t, 4, number(t, db, `SELECT count(*) FROM sources s JOIN files f ON f.id = s.file_id WHERE f.path LIKE '%seed%'`))
	assert.Equal(t, cells, number(t, db, `SELECT count(*) FROM unit_metrics`), "no cell counted twice")
	// The seed's 山化镇 is in two tables, once each, whichever of the
	// seed's four files the records were read from.
	assert.Equal(t, 2, number(t, db, `SELECT count(*) FROM unit_metrics WHERE unit = '山化镇' AND key = 'handled'
		AND bulletin_id = (SELECT bulletin_id FROM sources s JOIN files f ON f.id = s.file_id WHERE f.path = ?)`, filepath.Join(in, "seed.pdf")))
	known, err := db.Known(context.Background())
	require.NoError(t, err)
	for p := range known {
		assert.True(t, filepath.IsAbs(p) && filepath.Clean(p) == p, p)
	}
}

// TestReaderRevisionBump reads files with one reader revision, one more
// file with the next, then the folder with the next: exactly the files
// read by the older revision are read again.
func TestReaderRevisionBump(t *testing.T) {
	dir := t.TempDir()
	for i, name := range []string{"a.txt", "b.txt", "c.txt"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), bulletintest.NewVariant(i).Text(), 0o644))
	}
	db, err := store.OpenSQLite(filepath.Join(t.TempDir(), "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()
	rec := &recorder{next: db}
	old := extract.Version{Module: "(devel)", Revision: extract.ReaderRevision}
	next := extract.Version{Module: "(devel)", Revision: extract.ReaderRevision + 1}

	archiveRun(t, db, digitize.Config{Version: old, Sinks: []digitize.Sink{rec}}, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"))
	assert.Equal(t, []string{"a.txt", "b.txt"}, rec.take())
	archiveRun(t, db, digitize.Config{Version: next, Sinks: []digitize.Sink{rec}}, filepath.Join(dir, "c.txt"))
	assert.Equal(t, []string{"c.txt"}, rec.take())

	sum := archiveRun(t, db, digitize.Config{Version: next, Sinks: []digitize.Sink{rec}}, dir)
	assert.Equal(t, []string{"a.txt", "b.txt"}, rec.take(), "exactly the files of the older revision")
	assert.Equal(t, 2, sum.Reread)
	assert.Equal(t, 1, sum.Skipped)
	assert.Equal(t, 3, number(t, db, `SELECT count(*) FROM files WHERE revision = ?`, next.Revision))

	// Nothing is older now; an older program does not read them back.
	archiveRun(t, db, digitize.Config{Version: next, Sinks: []digitize.Sink{rec}}, dir)
	archiveRun(t, db, digitize.Config{Version: old, Sinks: []digitize.Sink{rec}}, dir)
	assert.Empty(t, rec.take())
	// Force reads everything.
	sum = archiveRun(t, db, digitize.Config{Version: next, Sinks: []digitize.Sink{rec}, Force: true}, dir)
	assert.Equal(t, []string{"a.txt", "b.txt", "c.txt"}, rec.take())
	assert.Equal(t, 3, sum.Reread)
	assert.Equal(t, 3, number(t, db, `SELECT count(*) FROM bulletins`))
}

// TestFailedRetried: a failed file is tried again on the next run, its
// failure counted again; with SkipFailed its failure stands; fixed on
// disk, it is read.
func TestFailedRetried(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.txt")
	require.NoError(t, os.WriteFile(path, []byte("这是一份说明文件，没有表格。\n"), 0o644))
	db, err := store.OpenSQLite(filepath.Join(t.TempDir(), "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()

	sum := archiveRun(t, db, digitize.Config{}, dir)
	assert.Equal(t, 1, sum.Failed)
	sum = archiveRun(t, db, digitize.Config{}, dir)
	assert.Equal(t, 1, sum.Failed, "tried again")
	require.Len(t, sum.Failures, 1)
	assert.Equal(t, path, sum.Failures[0].Path)
	sum = archiveRun(t, db, digitize.Config{SkipFailed: true}, dir)
	assert.Zero(t, sum.Failed)
	require.Len(t, sum.Standing, 1, "left alone, the failure stands")
	assert.Contains(t, sum.Standing[0].Reason, "no tables")

	require.NoError(t, os.WriteFile(path, bulletintest.NewVariant(3).Text(), 0o644))
	sum = archiveRun(t, db, digitize.Config{SkipFailed: true}, dir)
	assert.Equal(t, 1, sum.OK, "fixed on disk, read")
	assert.Empty(t, sum.Standing)
	assert.Equal(t, 1, number(t, db, `SELECT count(*) FROM files WHERE status = 'ok' AND reason = ''`))
}

// TestDeletedMissing: a deleted file is marked missing, its bulletin kept;
// -prune removes it.
func TestDeletedMissing(t *testing.T) {
	dir := t.TempDir()
	for i, name := range []string{"a.txt", "b.txt"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), bulletintest.NewVariant(i).Text(), 0o644))
	}
	other := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(other, "c.txt"), bulletintest.NewVariant(2).Text(), 0o644))
	db, err := store.OpenSQLite(filepath.Join(t.TempDir(), "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()
	archiveRun(t, db, digitize.Config{}, dir, other)
	require.NoError(t, os.Remove(filepath.Join(dir, "a.txt")))
	require.NoError(t, os.Remove(filepath.Join(other, "c.txt")))

	sum := archiveRun(t, db, digitize.Config{}, dir) // other is not walked
	assert.Equal(t, 1, sum.Missing)
	assert.Equal(t, "missing", queryString(t, db, `SELECT status FROM files WHERE path = ?`, filepath.Join(dir, "a.txt")))
	assert.Equal(t, "ok", queryString(t, db, `SELECT status FROM files WHERE path = ?`, filepath.Join(other, "c.txt")))
	assert.Equal(t, 3, number(t, db, `SELECT count(*) FROM bulletins`), "a missing file's bulletin is kept")

	sum = archiveRun(t, db, digitize.Config{}, dir)
	assert.Equal(t, 1, sum.Missing, "still missing")
	sum = archiveRun(t, db, digitize.Config{Prune: true}, dir)
	assert.Equal(t, 1, sum.Pruned)
	assert.Equal(t, 2, number(t, db, `SELECT count(*) FROM files`))
	assert.Equal(t, 2, number(t, db, `SELECT count(*) FROM bulletins`))

	// An interrupted run marks nothing missing.
	require.NoError(t, os.Remove(filepath.Join(dir, "b.txt")))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	known, err := db.Known(context.Background())
	require.NoError(t, err)
	_, err = digitize.Run(ctx, digitize.Config{Sinks: []digitize.Sink{db}, Known: known}, dir)
	require.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, number(t, db, `SELECT count(*) FROM files WHERE status = 'missing'`))
}

func queryString(t *testing.T, db *store.SQLite, q string, args ...any) string {
	t.Helper()
	var s string
	require.NoError(t, db.DB().QueryRow(q, args...).Scan(&s), q)
	return s
}

// TestTrendBundle digitizes the made-up months of testdata/trend-made-up: one
// office printed four ways is one unit across the seven months, for each
// channel.
func TestTrendBundle(t *testing.T) {
	db, err := store.OpenSQLite(filepath.Join(t.TempDir(), "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()
	sum := archiveRun(t, db, digitize.Config{Check: true}, "../testdata/trend-made-up")
	assert.Equal(t, 7, sum.OK)
	assert.Zero(t, sum.Errors+sum.Warnings, "the made-up numbers are consistent")
	rows, err := db.DB().Query(`SELECT channel, count(DISTINCT period_start), count(DISTINCT unit) FROM unit_metrics
		WHERE linked_unit = '住房和城乡建设局' AND key = 'satisfaction_rate' GROUP BY channel ORDER BY channel`)
	require.NoError(t, err)
	defer rows.Close()
	var got [][3]any
	for rows.Next() {
		var ch string
		var months, spellings int
		require.NoError(t, rows.Scan(&ch, &months, &spellings))
		got = append(got, [3]any{ch, months, spellings})
	}
	assert.Equal(t, [][3]any{{"online", 7, 4}, {"phone", 7, 4}}, got)
}
