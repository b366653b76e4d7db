package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"github.com/hotline12345/bulletin/store"
)

// copyArchive copies an archive of testdata/store to a temporary folder,
// as the migration changes it.
func copyArchive(t *testing.T, version int) string {
	data, err := os.ReadFile(fmt.Sprintf("../testdata/store/v%d.sqlite", version))
	require.NoError(t, err, "every earlier schema version needs an archive written by its program in testdata/store (testdata/gen)")
	path := filepath.Join(t.TempDir(), "archive.sqlite")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return path
}

// What the archive of each earlier version holds after migration, as
// testdata/gen/store-v*.sh wrote it from the repository's root.
var migrated = map[int]struct {
	files, bulletins, sources, cells, findings int
	// check checks what is particular to the version.
	check func(t *testing.T, s *store.SQLite)
}{
	// The seed under two spellings of its path (one file now), a DOCX with
	// a two-level header (41 cells), and a failed file. Relative paths are
	// made absolute against the folder the archive is opened from.
	1: {files: 3, bulletins: 2, sources: 2, cells: 693 + 41, findings: 10, check: func(t *testing.T, s *store.SQLite) {
		assert.Zero(t, query[int](t, s, `SELECT count(*) FROM cells WHERE key LIKE '%/%'`), "two-level keys split")
		assert.Equal(t, 18, query[int](t, s, `SELECT count(*) FROM cells WHERE grp = '电话诉求'`))
		assert.Zero(t, query[int](t, s, `SELECT count(*) FROM files WHERE revision <> 0`), "every file to be read again")
		known, err := s.Known(context.Background())
		require.NoError(t, err)
		wd, err := os.Getwd()
		require.NoError(t, err)
		for p := range known {
			assert.True(t, filepath.IsAbs(p), p)
			assert.True(t, strings.HasPrefix(p, wd+string(filepath.Separator)), p)
		}
	}},
	// The seed and its DOCX copy (one bulletin, two sources), a DOCX with
	// a two-level header by channel, a made-up month, a failed .doc; all
	// checked. Records, channels and units are kept as they were.
	2: {files: 5, bulletins: 3, sources: 4, cells: 866, findings: 10, check: func(t *testing.T, s *store.SQLite) {
		assert.Equal(t, 5, query[int](t, s, `SELECT count(*) FROM files WHERE revision = 1`),
			"read by reader revision 1: older than this program's, so read again by the next run")
		assert.Equal(t, 84, query[int](t, s, `SELECT count(*) FROM cells WHERE channel = 'phone'`))
		assert.Equal(t, 79, count(t, s, "units"))
		assert.Equal(t, 1, query[int](t, s, `SELECT count(*) FROM files WHERE status = 'failed'`))
	}},
}

// TestMigrateFromEveryVersion opens an archive of every earlier schema
// version, as that version's program wrote it, and checks what the
// migration made of it: the version's records, in tables and columns
// exactly as a new archive has them.
func TestMigrateFromEveryVersion(t *testing.T) {
	fresh, err := store.OpenSQLite(filepath.Join(t.TempDir(), "new.sqlite"))
	require.NoError(t, err)
	defer fresh.Close()
	for v := 1; v < store.SchemaVersion; v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			want, ok := migrated[v]
			require.True(t, ok, "no expectations for version %d", v)
			path := copyArchive(t, v)
			s, err := store.OpenSQLite(path)
			require.NoError(t, err)
			defer s.Close()
			assert.Equal(t, store.SchemaVersion, query[int](t, s, `PRAGMA user_version`))
			assert.Equal(t, schemaOf(t, fresh), schemaOf(t, s), "tables and columns as a new archive's")
			assert.Equal(t, want.files, count(t, s, "files"))
			assert.Equal(t, want.bulletins, count(t, s, "bulletins"))
			assert.Equal(t, want.sources, count(t, s, "sources"))
			assert.Equal(t, want.cells, count(t, s, "cells"))
			assert.Equal(t, want.cells, count(t, s, "unit_metrics"))
			assert.Equal(t, want.findings, count(t, s, "findings"))
			assert.NotZero(t, count(t, s, "units"))
			// Schema 3: a bulletin of one file has no parts, its tables are
			// part 0; findings of before have no basis.
			assert.Zero(t, count(t, s, "parts"))
			assert.Zero(t, query[int](t, s, `SELECT count(*) FROM tables WHERE part <> 0`))
			assert.Equal(t, want.findings, query[int](t, s, `SELECT count(*) FROM findings WHERE basis IS NULL`))
			want.check(t, s)
			var fk sql.NullString
			err = s.DB().QueryRow(`PRAGMA foreign_key_check`).Scan(&fk)
			assert.ErrorIs(t, err, sql.ErrNoRows)
			assert.Equal(t, 1, query[int](t, s, `PRAGMA foreign_keys`))
			require.NoError(t, s.Close())

			// Opening it again changes nothing.
			s, err = store.OpenSQLite(path)
			require.NoError(t, err)
			assert.Equal(t, want.cells, count(t, s, "cells"))
		})
	}
}

// schemaOf lists an archive's tables and views with their columns, in
// order: what the exports write.
func schemaOf(t *testing.T, s *store.SQLite) []string {
	rows, err := s.DB().Query(`SELECT m.name, p.name, p.type, p."notnull", coalesce(p.dflt_value, ''), p.pk
		FROM sqlite_schema m JOIN pragma_table_info(m.name) p WHERE m.type IN ('table', 'view') ORDER BY m.name, p.cid`)
	require.NoError(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var table, col, typ, def string
		var notNull, pk int
		require.NoError(t, rows.Scan(&table, &col, &typ, &notNull, &def, &pk))
		out = append(out, fmt.Sprintf("%s.%s %s notnull=%d default=%s pk=%d", table, col, typ, notNull, def, pk))
	}
	require.NoError(t, rows.Err())
	return out
}

// A failed migration leaves the archive as it was.
func TestMigrationAtomic(t *testing.T) {
	path := copyArchive(t, 1)
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	// A table of the new schema's name in the way breaks the migration.
	_, err = db.Exec(`CREATE TABLE sources (x)`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	_, err = store.OpenSQLite(path)
	require.Error(t, err)
	db, err = sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	var n, v int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM cells`).Scan(&n))
	require.NoError(t, db.QueryRow(`PRAGMA user_version`).Scan(&v))
	assert.Equal(t, 1427, n)
	assert.Zero(t, v)
}

// An archive of a newer version is refused, not changed.
func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.sqlite")
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	_, err = db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, store.SchemaVersion+1))
	require.NoError(t, err)
	require.NoError(t, db.Close())
	_, err = store.OpenSQLite(path)
	assert.ErrorIs(t, err, store.ErrNewerSchema)
}
