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

	_ "modernc.org/sqlite" // the pure-Go SQLite driver
)

// SQLite is an archive in a SQLite database. It is not safe for
// concurrent use: one goroutine writes (digitize's writer does).
type SQLite struct {
	db *sql.DB
}

// OpenSQLite opens (creating it if need be) the archive at path. The path
// is taken as it is: "#", "?" and "%" in it are characters of the file's
// name, not parts of a URI.
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
	if _, err := db.Exec(Schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: creating the schema in %s: %w", path, err)
	}
	return &SQLite{db: db}, nil
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

// Known returns the SHA-256 of every file in the archive, by path, so that
// a re-run can skip the files that have not changed.
func (s *SQLite) Known(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT path, sha256 FROM files`)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	known := map[string]string{}
	for rows.Next() {
		var path string
		var sum sql.NullString
		if err := rows.Scan(&path, &sum); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		known[path] = sum.String
	}
	return known, rows.Err()
}

// Put stores one file in one transaction, replacing what the archive held
// for its path. It sets e.File.ID.
func (s *SQLite) Put(ctx context.Context, e *Entry) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			e.File.ID = 0
		}
	}()
	if _, err = tx.ExecContext(ctx, `DELETE FROM files WHERE path = ?`, e.File.Path); err != nil {
		return fmt.Errorf("store: replacing %s: %w", e.File.Path, err)
	}
	e.File.ID = 0 // let SQLite choose
	for _, t := range tables {
		if e.Bulletin == nil && t.name != "files" {
			continue
		}
		if err = insertRows(ctx, tx, t, e); err != nil {
			return err
		}
		if t.name == "files" {
			// The child tables' rows start with the file's id.
			if err = tx.QueryRowContext(ctx, `SELECT id FROM files WHERE path = ?`, e.File.Path).Scan(&e.File.ID); err != nil {
				return fmt.Errorf("store: %w", err)
			}
		}
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// batchRows is how many rows one INSERT writes: a statement a row costs
// the driver more calls and allocations than SQLite spends storing it.
const batchRows = 64

// insertRows writes an entry's rows of one table, batchRows at a time.
func insertRows(ctx context.Context, tx *sql.Tx, t table, e *Entry) error {
	rows := t.rows(e)
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.columns)), ", ") + ")"
	prefix := fmt.Sprintf("INSERT INTO %s (%s) VALUES ", t.name, strings.Join(t.columns, ", "))
	args := make([]any, 0, batchRows*len(t.columns))
	for len(rows) > 0 {
		n := min(len(rows), batchRows)
		args = args[:0]
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		q := prefix + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("store: %s of %s: %w", t.name, e.File.Path, err)
		}
		rows = rows[n:]
	}
	return nil
}
