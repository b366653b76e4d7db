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

// What the archive of each earlier version holds after migration: it was
// written from the repository's root (testdata/gen/store-v*.sh), its
// relative paths are made absolute against the folder the archive is
// opened from.
var migrated = map[int]struct {
	files, bulletins, cells, findings int
}{
	// The seed under two spellings of its path (one file now), a DOCX with
	// a two-level header (41 cells), and a failed file.
	1: {files: 3, bulletins: 2, cells: 693 + 41, findings: 10},
}

// TestMigrateFromEveryVersion opens an archive of every earlier schema
// version, as that version's program wrote it, and checks what the
// migration made of it.
func TestMigrateFromEveryVersion(t *testing.T) {
	for v := 1; v < store.SchemaVersion; v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			want, ok := migrated[v]
			require.True(t, ok, "no expectations for version %d", v)
			path := copyArchive(t, v)
			s, err := store.OpenSQLite(path)
			require.NoError(t, err)
			defer s.Close()
			assert.Equal(t, store.SchemaVersion, query[int](t, s, `PRAGMA user_version`))
			assert.Equal(t, want.files, count(t, s, "files"))
			assert.Equal(t, want.bulletins, count(t, s, "bulletins"))
			assert.Equal(t, want.bulletins, count(t, s, "sources"))
			assert.Equal(t, want.cells, count(t, s, "cells"))
			assert.Equal(t, want.cells, count(t, s, "unit_metrics"))
			assert.Equal(t, want.findings, count(t, s, "findings"))
			assert.Zero(t, query[int](t, s, `SELECT count(*) FROM cells WHERE key LIKE '%/%'`), "two-level keys split")
			assert.Equal(t, 18, query[int](t, s, `SELECT count(*) FROM cells WHERE grp = '电话诉求'`))
			assert.Zero(t, query[int](t, s, `SELECT count(*) FROM files WHERE revision <> 0`), "every file to be read again")
			assert.NotZero(t, count(t, s, "units"))
			known, err := s.Known(context.Background())
			require.NoError(t, err)
			wd, err := os.Getwd()
			require.NoError(t, err)
			for p := range known {
				assert.True(t, filepath.IsAbs(p), p)
				assert.True(t, strings.HasPrefix(p, wd+string(filepath.Separator)), p)
			}
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
