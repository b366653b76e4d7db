package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver
)

// SQLite is an archive in a SQLite database. It is safe for one writer;
// open it once per process.
type SQLite struct {
	db *sql.DB
}

// OpenSQLite opens (creating it if need be) the archive at path.
func OpenSQLite(path string) (*SQLite, error) {
	dsn := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)"
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
			var id int64
			if err = tx.QueryRowContext(ctx, `SELECT id FROM files WHERE path = ?`, e.File.Path).Scan(&id); err != nil {
				return fmt.Errorf("store: %w", err)
			}
			e.File.ID = id
		}
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// insertRows writes an entry's rows of one table.
func insertRows(ctx context.Context, tx *sql.Tx, t table, e *Entry) error {
	rows := t.rows(e)
	if len(rows) == 0 {
		return nil
	}
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", t.name, strings.Join(t.columns, ", "),
		strings.TrimSuffix(strings.Repeat("?, ", len(t.columns)), ", "))
	stmt, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return fmt.Errorf("store: %s: %w", t.name, err)
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r...); err != nil {
			return fmt.Errorf("store: %s of %s: %w", t.name, e.File.Path, err)
		}
	}
	return nil
}
