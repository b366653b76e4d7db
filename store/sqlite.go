package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver
)

// SQLite is an archive in a SQLite database. It is not safe for
// concurrent use: one goroutine writes (digitize's writer does).
type SQLite struct {
	db *sql.DB
	// unitNames caches, per issuer, the unit names the units table links,
	// so that only a bulletin bringing a new name relinks its issuer's.
	unitNames map[string]map[string]bool
}

// OpenSQLite opens (creating it if need be) the archive at path, and
// migrates an archive of an earlier schema version to [SchemaVersion]. The
// path is taken as it is: "#", "?" and "%" in it are characters of the
// file's name, not parts of a URI.
func OpenSQLite(path string) (*SQLite, error) {
	uri, err := fileURI(path)
	if err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", path, err)
	}
	// SQLite says no more than "unable to open database file" when the
	// folder takes no new files (the journal's among them).
	if err := checkWritable(filepath.Dir(path)); err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", path, err)
	}
	dsn := uri + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := migrate(context.Background(), db); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	return &SQLite{db: db, unitNames: map[string]map[string]bool{}}, nil
}

// checkWritable returns a clear error when no file can be created in dir.
func checkWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".bulletin-*.probe")
	if err != nil {
		return cannotCreate(dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// cannotCreate is the error for a folder in which a file could not be
// created, naming the folder rather than the file tried.
func cannotCreate(dir string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("cannot create files in %s: %w", dir, err)
}

// fileURI returns the SQLite URI of the file at path (https://sqlite.org/uri.html):
// the absolute path, percent-escaped, so that "?" cannot start the query
// and "#" a fragment, and "%" is itself.
func fileURI(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/…
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String(), nil
}

// DB returns the database, for queries.
func (s *SQLite) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

// Known returns the record of every file in the archive, by path, so that
// a re-run can tell the files to read again (changed, failed, missing, or
// read by an older version) from those to leave alone.
func (s *SQLite) Known(ctx context.Context) (map[string]File, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, path, sha256, size, format, status, reason, extractor, revision, processed_at FROM files`)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	known := map[string]File{}
	for rows.Next() {
		var f File
		var sum, format, reason, extractor, processed sql.NullString
		var size, revision sql.NullInt64
		if err := rows.Scan(&f.ID, &f.Path, &sum, &size, &format, &f.Status, &reason, &extractor, &revision, &processed); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		f.SHA256, f.Size, f.Format, f.Reason = sum.String, size.Int64, format.String, reason.String
		f.Extractor, f.Revision = extractor.String, int(revision.Int64)
		f.Processed, _ = time.Parse(time.RFC3339, processed.String)
		known[f.Path] = f
	}
	return known, rows.Err()
}

// Put stores one file in one transaction. The file keeps its id across
// runs; what it held before (its source link, its problems) is replaced.
// A bulletin read from it joins the bulletin of the same content when
// there is one, whose records are then replaced by this reading, and is
// added otherwise; the bulletin the file held before loses it as a source
// and is deleted with its last source. An entry of a missing file marks it
// missing, or with Prune removes it. Put sets e.File.ID and e.BulletinID.
func (s *SQLite) Put(ctx context.Context, e *Entry) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			e.File.ID, e.BulletinID = 0, 0
		}
	}()
	if e.File.Status == StatusMissing {
		err = s.putMissing(ctx, tx, e)
	} else {
		err = s.putRead(ctx, tx, e)
	}
	if err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// putRead stores a file that was read, ok or failed.
func (s *SQLite) putRead(ctx context.Context, tx *sql.Tx, e *Entry) error {
	fail := func(err error) error { return fmt.Errorf("store: %s: %w", e.File.Path, err) }
	f := tableNamed("files")
	cols := f.columns[1:] // the id stays
	row := f.rows(e)[0][1:]
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = c + " = excluded." + c
	}
	q := fmt.Sprintf("INSERT INTO files (%s) VALUES (%s) ON CONFLICT (path) DO UPDATE SET %s RETURNING id",
		strings.Join(cols, ", "), placeholders(len(cols)), strings.Join(set, ", "))
	if err := tx.QueryRowContext(ctx, q, row...).Scan(&e.File.ID); err != nil {
		return fail(err)
	}
	var old int64
	switch err := tx.QueryRowContext(ctx, `SELECT bulletin_id FROM sources WHERE file_id = ?`, e.File.ID).Scan(&old); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return fail(err)
	}
	for _, q := range []string{`DELETE FROM sources WHERE file_id = ?`, `DELETE FROM problems WHERE file_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, e.File.ID); err != nil {
			return fail(err)
		}
	}
	e.BulletinID = 0
	if e.File.Status == StatusOK && e.Bulletin != nil {
		if err := s.putBulletin(ctx, tx, e); err != nil {
			return fail(err)
		}
		for _, name := range []string{"sources", "problems"} {
			if err := insertRows(ctx, tx, tableNamed(name), e); err != nil {
				return err
			}
		}
	}
	if old != 0 && old != e.BulletinID {
		if err := leave(ctx, tx, old, e.File.ID); err != nil {
			return fail(err)
		}
	}
	if e.Bulletin != nil && e.BulletinID != 0 {
		if err := s.linkUnits(ctx, tx, e.Bulletin.Issuer, e); err != nil {
			return fail(err)
		}
	}
	return nil
}

// putBulletin stores the entry's bulletin: under the id of the bulletin of
// the same content, its records replaced by this reading, or as a new one.
func (s *SQLite) putBulletin(ctx context.Context, tx *sql.Tx, e *Entry) error {
	if e.Content == "" {
		e.Content = ContentHash(e.Bulletin)
	}
	switch err := tx.QueryRowContext(ctx, `SELECT id FROM bulletins WHERE content = ?`, e.Content).Scan(&e.BulletinID); {
	case errors.Is(err, sql.ErrNoRows):
		e.BulletinID = 0
	case err != nil:
		return err
	default:
		// The same bulletin from another source, or read again: this
		// reading's records replace the stored ones.
		if err := deleteRecords(ctx, tx, e.BulletinID); err != nil {
			return err
		}
	}
	b := tableNamed("bulletins")
	row := b.rows(e)[0]
	row[0] = nil // a new bulletin's id is assigned by the archive
	set := make([]string, 0, len(b.columns))
	for _, c := range b.columns[2:] {
		set = append(set, c+" = excluded."+c)
	}
	// An update in place, not a replace: deleting the row would take its
	// sources with it.
	q := fmt.Sprintf("INSERT INTO bulletins (%s) VALUES (%s) ON CONFLICT (content) DO UPDATE SET %s RETURNING id",
		strings.Join(b.columns, ", "), placeholders(len(b.columns)), strings.Join(set, ", "))
	if err := tx.QueryRowContext(ctx, q, row...).Scan(&e.BulletinID); err != nil {
		return err
	}
	for _, t := range tables {
		if t.bulletin && t.name != "bulletins" {
			if err := insertRows(ctx, tx, t, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// deleteRecords deletes a bulletin's records; its row and sources stay.
func deleteRecords(ctx context.Context, tx *sql.Tx, bulletin int64) error {
	for _, t := range tables {
		if t.bulletin && t.name != "bulletins" {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t.name+" WHERE bulletin_id = ?", bulletin); err != nil {
				return err
			}
		}
	}
	return nil
}

// leave removes the file's claim on a bulletin it no longer holds: the
// bulletin is deleted with its last source; if its records were read from
// this file, another source's reading is needed for their positions, so
// that source is marked to be read again (revision 0) and named the
// bulletin's file in the meantime.
func leave(ctx context.Context, tx *sql.Tx, bulletin, file int64) error {
	var other sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT min(file_id) FROM sources WHERE bulletin_id = ?`, bulletin).Scan(&other); err != nil {
		return err
	}
	if !other.Valid {
		_, err := tx.ExecContext(ctx, `DELETE FROM bulletins WHERE id = ?`, bulletin)
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE bulletins SET file_id = ? WHERE id = ? AND (file_id = ? OR file_id IS NULL)`, other.Int64, bulletin, file)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		_, err = tx.ExecContext(ctx, `UPDATE files SET revision = 0 WHERE id = ?`, other.Int64)
	}
	return err
}

// putMissing marks a file missing, or removes it with Prune.
func (s *SQLite) putMissing(ctx context.Context, tx *sql.Tx, e *Entry) error {
	fail := func(err error) error { return fmt.Errorf("store: %s: %w", e.File.Path, err) }
	var old sql.NullInt64
	switch err := tx.QueryRowContext(ctx, `SELECT f.id, s.bulletin_id FROM files f LEFT JOIN sources s ON s.file_id = f.id WHERE f.path = ?`,
		e.File.Path).Scan(&e.File.ID, &old); {
	case errors.Is(err, sql.ErrNoRows):
		return nil // not in the archive
	case err != nil:
		return fail(err)
	}
	if !e.Prune {
		_, err := tx.ExecContext(ctx, `UPDATE files SET status = ?, missing_since = COALESCE(missing_since, ?) WHERE id = ?`,
			StatusMissing, time.Now().UTC().Format(time.RFC3339), e.File.ID)
		if err != nil {
			return fail(err)
		}
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM files WHERE id = ?`, e.File.ID); err != nil {
		return fail(err)
	}
	if old.Valid {
		if err := leave(ctx, tx, old.Int64, e.File.ID); err != nil {
			return fail(err)
		}
	}
	return nil
}

// batchRows is how many rows one INSERT writes: a statement a row costs
// the driver more calls and allocations than SQLite spends storing it.
const batchRows = 64

// insertRows writes an entry's rows of one table, batchRows at a time.
func insertRows(ctx context.Context, tx *sql.Tx, t table, e *Entry) error {
	return insertValues(ctx, tx, t.name, t.columns, t.rows(e))
}

// insertValues writes rows into the named table, batchRows at a time.
func insertValues(ctx context.Context, tx *sql.Tx, name string, columns []string, rows [][]any) error {
	row := "(" + placeholders(len(columns)) + ")"
	prefix := fmt.Sprintf("INSERT INTO %s (%s) VALUES ", name, strings.Join(columns, ", "))
	args := make([]any, 0, batchRows*len(columns))
	for len(rows) > 0 {
		n := min(len(rows), batchRows)
		args = args[:0]
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		q := prefix + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("store: %s: %w", name, err)
		}
		rows = rows[n:]
	}
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
