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
	"sync"
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
	// A transaction is written whole or not at all, a crash or not: in
	// WAL mode a commit is the frames appended to the write-ahead log,
	// the last one marking it committed, checksummed; a log cut short is
	// read up to its last whole commit. With synchronous=NORMAL the
	// commit returns once the frames are written, not synced (the log is
	// synced when it is copied into the database): a killed process loses
	// nothing committed, as what it wrote is the kernel's; a power cut may
	// lose the last transactions committed, whole, never part of one.
	// Either way an archive holds whole files only, and a re-run reads
	// again those it does not hold. temp_store=MEMORY keeps a statement's
	// undo pages (a multi-row INSERT may have to be undone alone) off the
	// disk: they are few and live as long as the statement.
	dsn := uri + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)"
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

// Put stores one file in one transaction (a batch of one entry, see
// [Batch.Put]). Put sets e.File.ID and e.BulletinID.
func (s *SQLite) Put(ctx context.Context, e *Entry) error {
	b, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	if err := b.Put(ctx, e); err != nil {
		b.Rollback()
		return err
	}
	return b.Commit()
}

// Batch is one transaction of the archive that stores several entries:
// they are all in the archive once Commit returns nil (a power cut may
// still take the last batches committed, whole), and none of them
// otherwise, a crash before the commit included, so an entry is never
// half written. A
// batch prepares each statement it runs once and runs it again for every
// entry, where one transaction an entry would prepare them all for each.
// While a batch is open it holds the archive's only connection: other
// queries of the archive wait for its end. It is not safe for concurrent
// use.
type Batch struct {
	s   *SQLite
	t   *txn
	n   int
	err error // the first error of Put: the batch can only be rolled back
}

// Begin opens a batch. The context bounds the transaction: when it ends
// before Commit the batch is rolled back, so a writer that is to commit
// what it holds after a cancellation passes a context that is not
// cancelled (context.WithoutCancel).
func (s *SQLite) Begin(ctx context.Context) (*Batch, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return &Batch{s: s, t: &txn{tx: tx, stmts: map[string]*sql.Stmt{}}}, nil
}

// Put stores one file in the batch. The file keeps its id across runs;
// what it held before (its source link, its problems) is replaced. A
// bulletin read from it joins the bulletin of the same content when there
// is one, as one more source of it, and is added otherwise; the bulletin's
// records stay those of the source they were read from (bulletins.file_id)
// unless this file is that source, read again, or the bulletin has no such
// source any more: then this reading replaces them. The bulletin the file
// held before loses it as a source and is deleted with its last source. An
// entry of a missing file marks it missing, or with Prune removes it. Put
// sets e.File.ID and e.BulletinID. After an error the batch holds part of
// the entry and can only be rolled back: Commit refuses it.
func (b *Batch) Put(ctx context.Context, e *Entry) (err error) {
	if b.err != nil {
		return b.err
	}
	defer func() {
		if err != nil {
			b.err = err
			e.File.ID, e.BulletinID = 0, 0
		}
	}()
	if e.File.Status == StatusMissing {
		err = b.s.putMissing(ctx, b.t, e)
	} else {
		err = b.s.putRead(ctx, b.t, e)
	}
	if err == nil {
		b.n++
	}
	return err
}

// Len returns the number of entries in the batch.
func (b *Batch) Len() int { return b.n }

// Commit stores the batch's entries. After an error of Put it rolls the
// batch back and returns that error.
func (b *Batch) Commit() error {
	if b.err != nil {
		b.Rollback()
		return b.err
	}
	b.t.close()
	if err := b.t.tx.Commit(); err != nil {
		b.s.unitNames = map[string]map[string]bool{}
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// Rollback leaves the archive as it was before the batch. Rolling back a
// batch that has ended already does nothing.
func (b *Batch) Rollback() error {
	b.t.close()
	err := b.t.tx.Rollback()
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	// The names cached may be those of the entries rolled back.
	b.s.unitNames = map[string]map[string]bool{}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// txn is a transaction with the statements it has prepared, each prepared
// once and run as often as the transaction needs it.
type txn struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (t *txn) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	t.stmts[q] = st
	return st, nil
}

// ExecContext runs q, prepared once per transaction.
func (t *txn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// scan runs q, prepared once per transaction, and scans its one row into
// dest; sql.ErrNoRows when there is none.
func (t *txn) scan(ctx context.Context, q string, args []any, dest ...any) error {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

func (t *txn) close() {
	for _, st := range t.stmts {
		st.Close()
	}
	clear(t.stmts)
}

// Statements of the writer, made once from the schema's tables.
var (
	upsertFileSQL     = upsertSQL("files", tableNamed("files").columns[1:], "path", tableNamed("files").columns[1:])
	upsertBulletinSQL = upsertSQL("bulletins", tableNamed("bulletins").columns, "content", tableNamed("bulletins").columns[2:])
)

// upsertSQL inserts a row of the columns, or updates the set columns of
// the row with the same key, and returns the row's id.
func upsertSQL(table string, columns []string, key string, set []string) string {
	assign := make([]string, len(set))
	for i, c := range set {
		assign[i] = c + " = excluded." + c
	}
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (%s) DO UPDATE SET %s RETURNING id",
		table, strings.Join(columns, ", "), placeholders(len(columns)), key, strings.Join(assign, ", "))
}

// putRead stores a file that was read, ok or failed.
func (s *SQLite) putRead(ctx context.Context, t *txn, e *Entry) error {
	fail := func(err error) error { return fmt.Errorf("store: %s: %w", e.File.Path, err) }
	row := tableNamed("files").rows(e)[0][1:] // the id stays
	if err := t.scan(ctx, upsertFileSQL, row, &e.File.ID); err != nil {
		return fail(err)
	}
	var old int64
	switch err := t.scan(ctx, `SELECT bulletin_id FROM sources WHERE file_id = ?`, []any{e.File.ID}, &old); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return fail(err)
	}
	for _, q := range []string{`DELETE FROM sources WHERE file_id = ?`, `DELETE FROM problems WHERE file_id = ?`} {
		if _, err := t.ExecContext(ctx, q, e.File.ID); err != nil {
			return fail(err)
		}
	}
	e.BulletinID = 0
	if e.File.Status == StatusOK && e.Bulletin != nil {
		if err := s.putBulletin(ctx, t, e); err != nil {
			return fail(err)
		}
		for _, name := range []string{"sources", "problems"} {
			if err := insertRows(ctx, t, tableNamed(name), e); err != nil {
				return err
			}
		}
	}
	if old != 0 && old != e.BulletinID {
		if err := leave(ctx, t, old, e.File.ID); err != nil {
			return fail(err)
		}
	}
	if e.Bulletin != nil && e.BulletinID != 0 {
		if err := s.linkUnits(ctx, t.tx, e.Bulletin.Issuer, e); err != nil {
			return fail(err)
		}
	}
	return nil
}

// putBulletin stores the entry's bulletin: as one more source of the
// bulletin of the same content, whose records stay; as its new reading
// when it is the file they were read from (or they have none); or as a new
// bulletin.
func (s *SQLite) putBulletin(ctx context.Context, t *txn, e *Entry) error {
	if e.Content == "" {
		e.Content = ContentHash(e.Bulletin)
	}
	var readFrom sql.NullInt64
	switch err := t.scan(ctx, `SELECT id, file_id FROM bulletins WHERE content = ?`, []any{e.Content}, &e.BulletinID, &readFrom); {
	case errors.Is(err, sql.ErrNoRows):
		e.BulletinID = 0
	case err != nil:
		return err
	case readFrom.Valid && readFrom.Int64 != e.File.ID:
		// The same bulletin from another source: the records say the
		// same (the content is theirs) and keep the positions of the
		// file they were read from. Writing them again would cost as
		// much as a new bulletin, for nothing.
		return nil
	default:
		// Read again from its own file: this reading's records replace
		// the stored ones.
		if err := deleteRecords(ctx, t, e.BulletinID); err != nil {
			return err
		}
	}
	row := tableNamed("bulletins").rows(e)[0]
	row[0] = nil // a new bulletin's id is assigned by the archive
	// An update in place, not a replace: deleting the row would take its
	// sources with it.
	if err := t.scan(ctx, upsertBulletinSQL, row, &e.BulletinID); err != nil {
		return err
	}
	for _, tb := range tables {
		if tb.bulletin && tb.name != "bulletins" {
			if err := insertRows(ctx, t, tb, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// execer runs statements: a transaction, or a txn that prepares each once.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// deleteRecords deletes a bulletin's records; its row and sources stay.
func deleteRecords(ctx context.Context, x execer, bulletin int64) error {
	for _, t := range tables {
		if t.bulletin && t.name != "bulletins" {
			if _, err := x.ExecContext(ctx, "DELETE FROM "+t.name+" WHERE bulletin_id = ?", bulletin); err != nil {
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
func leave(ctx context.Context, t *txn, bulletin, file int64) error {
	var other sql.NullInt64
	if err := t.scan(ctx, `SELECT min(file_id) FROM sources WHERE bulletin_id = ?`, []any{bulletin}, &other); err != nil {
		return err
	}
	if !other.Valid {
		_, err := t.ExecContext(ctx, `DELETE FROM bulletins WHERE id = ?`, bulletin)
		return err
	}
	res, err := t.ExecContext(ctx, `UPDATE bulletins SET file_id = ? WHERE id = ? AND (file_id = ? OR file_id IS NULL)`, other.Int64, bulletin, file)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		_, err = t.ExecContext(ctx, `UPDATE files SET revision = 0 WHERE id = ?`, other.Int64)
	}
	return err
}

// putMissing marks a file missing, or removes it with Prune.
func (s *SQLite) putMissing(ctx context.Context, t *txn, e *Entry) error {
	fail := func(err error) error { return fmt.Errorf("store: %s: %w", e.File.Path, err) }
	var old sql.NullInt64
	switch err := t.scan(ctx, `SELECT f.id, s.bulletin_id FROM files f LEFT JOIN sources s ON s.file_id = f.id WHERE f.path = ?`,
		[]any{e.File.Path}, &e.File.ID, &old); {
	case errors.Is(err, sql.ErrNoRows):
		return nil // not in the archive
	case err != nil:
		return fail(err)
	}
	if !e.Prune {
		_, err := t.ExecContext(ctx, `UPDATE files SET status = ?, missing_since = COALESCE(missing_since, ?) WHERE id = ?`,
			StatusMissing, time.Now().UTC().Format(time.RFC3339), e.File.ID)
		if err != nil {
			return fail(err)
		}
		return nil
	}
	if _, err := t.ExecContext(ctx, `DELETE FROM files WHERE id = ?`, e.File.ID); err != nil {
		return fail(err)
	}
	if old.Valid {
		if err := leave(ctx, t, old.Int64, e.File.ID); err != nil {
			return fail(err)
		}
	}
	return nil
}

// batchRows is how many rows one INSERT writes at most: a statement a row
// costs the driver more calls and allocations than SQLite spends storing
// it. Fewer rows are written by statements of 32, 16 ... 1 rows, so that a
// transaction prepares at most seven statements a table, each run again.
const batchRows = 64

// insertRows writes an entry's rows of one table, batchRows at a time.
func insertRows(ctx context.Context, x execer, t table, e *Entry) error {
	return insertValues(ctx, x, t.name, t.columns, t.rows(e))
}

// insertValues writes rows into the named table, batchRows at a time.
func insertValues(ctx context.Context, x execer, name string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	args := make([]any, 0, min(len(rows), batchRows)*len(columns))
	for len(rows) > 0 {
		n := batchRows
		for n > len(rows) {
			n /= 2
		}
		args = args[:0]
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := x.ExecContext(ctx, insertSQL(name, columns, n), args...); err != nil {
			return fmt.Errorf("store: %s: %w", name, err)
		}
		rows = rows[n:]
	}
	return nil
}

// insertSQLs caches the INSERT statements' text by table and row count.
var insertSQLs sync.Map // insertKey -> string

type insertKey struct {
	table string
	rows  int
}

// insertSQL is the statement inserting n rows of the columns into table.
func insertSQL(table string, columns []string, n int) string {
	k := insertKey{table, n}
	if q, ok := insertSQLs.Load(k); ok {
		return q.(string)
	}
	row := "(" + placeholders(len(columns)) + ")"
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", table, strings.Join(columns, ", "), strings.TrimSuffix(strings.Repeat(row+", ", n), ", "))
	insertSQLs.Store(k, q)
	return q
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
