package digitize_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/store"
)

// archive writes n bulletins under dir, in mixed formats: made-up ones as
// text and as DOCX filled from the template, and copies of the seed's PDF
// fixtures; then a few broken files. It returns how many table cells the
// files hold, how many of them an archive stores (the seed's copies are
// one bulletin, stored once), and the broken files.
func archive(t *testing.T, dir string, n int) (cells, stored int, broken []string) {
	t.Helper()
	tpl, err := os.ReadFile("../testdata/templates/bulletin-template.docx")
	require.NoError(t, err)
	pdf, err := os.ReadFile("../testdata/pdf/seed-libreoffice.pdf")
	require.NoError(t, err)
	const seedCells = (45 + 13 + 28 + 13) * 7
	for i := range n {
		v := bulletintest.NewVariant(i)
		name, data, c := "bulletin-"+strconv.Itoa(i)+".txt", v.Text(), v.Cells()
		switch i % 5 {
		case 1, 3:
			v = bulletintest.NewTemplateVariant(i)
			name, c = "bulletin-"+strconv.Itoa(i)+".docx", v.Cells()
			data, err = v.DOCX(tpl)
			require.NoError(t, err)
		case 4:
			name, data, c = "bulletin-"+strconv.Itoa(i)+".pdf", pdf, seedCells
		}
		sub := filepath.Join(dir, v.Issuer[:9], strconv.Itoa(v.Year))
		require.NoError(t, os.MkdirAll(sub, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(sub, name), data, 0o644))
		cells += c
		if i%5 != 4 || i == 4 {
			stored += c
		}
	}
	bad := map[string][]byte{
		"broken/binary.txt":    append([]byte("PK\x03\x04"), make([]byte, 64)...),
		"broken/empty.pdf":     {},
		"broken/notes.txt":     []byte("这是一份说明文件，没有表格。\n"),
		"broken/truncated.pdf": []byte("%PDF-1.7\n1 0 obj\n<<"),
	}
	for name, data := range bad {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
		broken = append(broken, p)
	}
	return cells, stored, broken
}

// TestArchive digitizes 300 bulletins and broken files into SQLite: every
// file is accounted for, the archive's cells are the cells extracted, and
// a second run changes nothing.
func TestArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 300-file archive")
	}
	dir := t.TempDir()
	wantCells, storedCells, broken := archive(t, filepath.Join(dir, "in"), 300)
	db, err := store.OpenSQLite(filepath.Join(dir, "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()

	ctx := context.Background()
	sum, err := digitize.Run(ctx, digitize.Config{Jobs: 2, Sinks: []digitize.Sink{db}, Check: true}, filepath.Join(dir, "in"))
	require.NoError(t, err)
	assert.Equal(t, 300+len(broken), sum.Found)
	// The made-up bulletins are consistent: checking them finds no errors
	// (the seed's PDF copies bring the seed's own five warnings).
	assert.Zero(t, sum.Errors)
	assert.Equal(t, 5*(300/5), sum.Warnings)
	assert.Equal(t, 300, sum.OK)
	assert.Equal(t, len(broken), sum.Failed)
	assert.Equal(t, wantCells, sum.Cells)

	var files, failed, cells, bulletins, sources int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*), sum(status = 'failed') FROM files`).Scan(&files, &failed))
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM cells`).Scan(&cells))
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM bulletins`).Scan(&bulletins))
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM sources`).Scan(&sources))
	assert.Equal(t, 300+len(broken), files)
	assert.Equal(t, len(broken), failed)
	// The 60 copies of the seed's PDF are one bulletin with 60 sources.
	assert.Equal(t, 300, sources)
	assert.Equal(t, 300-59, bulletins)
	assert.Equal(t, storedCells, cells)
	var reasons int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM files WHERE status = 'failed' AND reason <> ''`).Scan(&reasons))
	assert.Equal(t, len(broken), reasons, "every failure has its reason")

	// A second run skips every unchanged file, tries the failed ones
	// again, and changes nothing.
	known, err := db.Known(ctx)
	require.NoError(t, err)
	sum, err = digitize.Run(ctx, digitize.Config{Jobs: 2, Sinks: []digitize.Sink{db}, Known: known}, filepath.Join(dir, "in"))
	require.NoError(t, err)
	assert.Equal(t, 300, sum.Skipped)
	assert.Equal(t, len(broken), sum.Failed)
	assert.Equal(t, 300+len(broken), sum.Found)
	var cells2 int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM cells`).Scan(&cells2))
	assert.Equal(t, cells, cells2)
}

// cancelAfter is a sink that cancels the run after n entries, as Ctrl-C
// would.
type cancelAfter struct {
	next   digitize.Sink
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Put(ctx context.Context, e *store.Entry) error {
	if err := c.next.Put(ctx, e); err != nil {
		return err
	}
	if c.n--; c.n == 0 {
		c.cancel()
	}
	return nil
}

// TestInterrupted stops a run part way: the archive holds whole files only,
// and a re-run completes it.
func TestInterrupted(t *testing.T) {
	dir := t.TempDir()
	_, wantCells, broken := archive(t, filepath.Join(dir, "in"), 40)
	db, err := store.OpenSQLite(filepath.Join(dir, "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()

	ctx, cancel := context.WithCancel(context.Background())
	sink := &cancelAfter{next: db, n: 10, cancel: cancel}
	_, err = digitize.Run(ctx, digitize.Config{Jobs: 2, Sinks: []digitize.Sink{sink}}, filepath.Join(dir, "in"))
	require.ErrorIs(t, err, context.Canceled)

	// Every file in the archive is complete: its cells are all there.
	var files int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM files`).Scan(&files))
	assert.Equal(t, 10, files)
	var partial int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM files f JOIN sources s ON s.file_id = f.id WHERE status = 'ok' AND
		(SELECT count(*) FROM cells c WHERE c.bulletin_id = s.bulletin_id) = 0`).Scan(&partial))
	assert.Zero(t, partial)

	var written int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM files WHERE status = 'ok'`).Scan(&written))
	known, err := db.Known(context.Background())
	require.NoError(t, err)
	sum, err := digitize.Run(context.Background(), digitize.Config{Jobs: 2, Sinks: []digitize.Sink{db}, Known: known}, filepath.Join(dir, "in"))
	require.NoError(t, err)
	assert.Equal(t, written, sum.Skipped)
	var cells int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM cells`).Scan(&cells))
	assert.Equal(t, wantCells, cells)
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM files`).Scan(&files))
	assert.Equal(t, 40+len(broken), files)
}

// TestChangedFileReplaced re-reads a file whose content changed and keeps
// one copy of it.
func TestChangedFileReplaced(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.txt")
	require.NoError(t, os.WriteFile(path, bulletintest.NewVariant(1).Text(), 0o644))
	db, err := store.OpenSQLite(filepath.Join(dir, "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()
	ctx := context.Background()
	_, err = digitize.Run(ctx, digitize.Config{Sinks: []digitize.Sink{db}}, path)
	require.NoError(t, err)

	v := bulletintest.NewVariant(2)
	require.NoError(t, os.WriteFile(path, v.Text(), 0o644))
	known, err := db.Known(ctx)
	require.NoError(t, err)
	sum, err := digitize.Run(ctx, digitize.Config{Sinks: []digitize.Sink{db}, Known: known}, path)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.OK)
	var files, cells int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM files`).Scan(&files))
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM cells`).Scan(&cells))
	assert.Equal(t, 1, files)
	assert.Equal(t, v.Cells(), cells)

	// The unit_metrics view answers "a unit across months".
	var n int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM unit_metrics WHERE key = 'handled'`).Scan(&n))
	assert.Equal(t, v.Cells()/7, n)
}

// TestCSVMatchesSQLite writes the same run to SQLite and to CSV files and
// compares the cells.
func TestCSVMatchesSQLite(t *testing.T) {
	dir := t.TempDir()
	archive(t, filepath.Join(dir, "in"), 5)
	db, err := store.OpenSQLite(filepath.Join(dir, "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()
	csvDir := filepath.Join(dir, "csv")
	direct, err := store.CreateCSV(csvDir)
	require.NoError(t, err)
	_, err = digitize.Run(context.Background(), digitize.Config{Jobs: 1, Sinks: []digitize.Sink{db, direct}}, filepath.Join(dir, "in"))
	require.NoError(t, err)
	require.NoError(t, direct.Close())
	exported := filepath.Join(dir, "exported")
	require.NoError(t, store.ExportCSV(context.Background(), db, exported))
	for _, name := range []string{"cells.csv", "rows.csv", "figures.csv", "files.csv"} {
		a, err := os.ReadFile(filepath.Join(csvDir, name))
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(exported, name))
		require.NoError(t, err)
		assert.Equal(t, sortedLines(a), sortedLines(b), name)
	}
}

func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	slices.Sort(lines)
	return lines
}

// TestFindingsStored digitizes the seed with -check: its findings are in
// the archive.
func TestFindingsStored(t *testing.T) {
	dir := t.TempDir()
	db, err := store.OpenSQLite(filepath.Join(dir, "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()
	sum, err := digitize.Run(context.Background(), digitize.Config{Sinks: []digitize.Sink{db}, Check: true}, "../testdata/yanshi-2023-03.txt")
	require.NoError(t, err)
	assert.Equal(t, 5, sum.Warnings)
	rows, err := db.DB().Query(`SELECT rule, count(*) FROM findings GROUP BY rule ORDER BY rule`)
	require.NoError(t, err)
	defer rows.Close()
	got := map[string]int{}
	for rows.Next() {
		var rule string
		var n int
		require.NoError(t, rows.Scan(&rule, &n))
		got[rule] = n
	}
	assert.Equal(t, map[string]int{"format": 5, "rate_precision": 2, "table_vs_narrative": 2, "unit_count": 1}, got)
}
