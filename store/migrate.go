package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// ErrNewerSchema is returned by OpenSQLite for an archive written by a
// newer version, whose schema this one does not know.
var ErrNewerSchema = errors.New("the archive was written by a newer version of this program")

// An archive's schema version is its PRAGMA user_version. Version 1, the
// first schema, set none: an archive with the files table and
// user_version 0 is version 1. migrations[v] migrates version v to v+1
// inside one transaction, so a failed migration leaves the archive as it
// was; testdata/store holds an archive of every earlier version, written by
// the program of its time, for the tests to migrate.
//
// A migration that rebuilds tables creates them as the current Schema has
// them, so the steps after it add only what is still missing: a table is
// created if it is not there (Schema's statements say IF NOT EXISTS), a
// column added if the table lacks it.
var migrations = map[int]func(ctx context.Context, tx *sql.Tx) error{
	1: migrate1to2,
	2: migrate2to3,
}

// migrate creates the schema in a new database and brings an archive of
// an earlier version up to SchemaVersion.
func migrate(ctx context.Context, db *sql.DB) error {
	version, err := schemaVersion(ctx, db)
	if err != nil {
		return err
	}
	if version > SchemaVersion {
		return fmt.Errorf("schema version %d, this program knows %d: %w", version, SchemaVersion, ErrNewerSchema)
	}
	if version == 0 {
		return inTx(ctx, db, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, Schema); err != nil {
				return fmt.Errorf("creating the schema: %w", err)
			}
			return setVersion(ctx, tx, SchemaVersion)
		})
	}
	if version == SchemaVersion {
		return nil
	}
	// Tables are rebuilt: foreign keys are checked at the end, not as each
	// table is copied (the pragma cannot change inside a transaction).
	if _, err := db.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	defer db.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`)
	for ; version < SchemaVersion; version++ {
		step := migrations[version]
		err := inTx(ctx, db, func(tx *sql.Tx) error {
			if err := step(ctx, tx); err != nil {
				return err
			}
			if err := foreignKeysHold(ctx, tx); err != nil {
				return err
			}
			return setVersion(ctx, tx, version+1)
		})
		if err != nil {
			return fmt.Errorf("migrating schema version %d to %d: %w", version, version+1, err)
		}
	}
	return nil
}

// schemaVersion returns the archive's schema version, 0 for an empty
// database.
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, err
	}
	if v != 0 {
		return v, nil
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'files'`).Scan(&n); err != nil {
		return 0, err
	}
	if n > 0 {
		return 1, nil
	}
	return 0, nil
}

func setVersion(ctx context.Context, tx *sql.Tx, v int) error {
	_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v))
	return err
}

func inTx(ctx context.Context, db *sql.DB, f func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func foreignKeysHold(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return errors.New("foreign keys broken by the migration")
	}
	return rows.Err()
}

// migrate1to2 moves schema 1 (records keyed by file, paths as given) to
// schema 2 (records keyed by bulletin, with sources, channels, groups,
// versions and units).
//
// Each old file's records become one bulletin with that file as its
// source. Its identity cannot be computed from the stored rows, so it is
// a placeholder, and every file is marked as read by no known version
// (revision 0): the next run reads them again, which gives each bulletin
// its identity and joins the copies. Paths stored relative (as given to
// that version) are made absolute against the current folder, as the
// runs that wrote them would have, and a file stored under two spellings
// of its path keeps its latest reading. A cell's two-level key
// ("电话诉求/handled") is split into its group and metric.
func migrate1to2(ctx context.Context, tx *sql.Tx) error {
	old := []string{"files", "bulletins", "tables", "definitions", "rows", "cells", "figures", "mentions", "findings", "problems"}
	stmts := []string{`DROP VIEW IF EXISTS unit_metrics`}
	for _, t := range old {
		stmts = append(stmts, fmt.Sprintf("ALTER TABLE %s RENAME TO v1_%s", t, t))
	}
	for _, ix := range []string{"findings_rule", "rows_unit", "cells_key", "bulletins_period", "bulletins_issuer"} {
		stmts = append(stmts, "DROP INDEX IF EXISTS "+ix)
	}
	stmts = append(stmts, Schema,
		`INSERT INTO files (id, path, sha256, size, format, status, reason, problems, extractor, revision, processed_at)
		 SELECT id, path, sha256, size, format, status, reason, problems, '', 0, processed_at FROM v1_files`,
		`INSERT INTO bulletins (id, content, file_id, title, issuer, issued, issue_no, period_start, period_end, period_label,
		        title_period_start, title_period_end, title_period_label)
		 SELECT b.file_id, 'schema1:' || b.file_id, b.file_id, title, issuer, issued, issue_no, period_start, period_end, period_label,
		        title_period_start, title_period_end, title_period_label FROM v1_bulletins b`,
		`INSERT INTO sources (file_id, bulletin_id) SELECT file_id, file_id FROM v1_bulletins`,
		`INSERT INTO tables (bulletin_id, tbl, label, title, channel, channel_text, columns, notes, pos)
		 SELECT file_id, tbl, label, title, '', '', columns, notes, pos FROM v1_tables`,
		`INSERT INTO definitions SELECT * FROM v1_definitions`,
		`INSERT INTO rows SELECT * FROM v1_rows`,
		// rtrim(key, replace(key, '/', '')) is the key up to its last '/'.
		`INSERT INTO cells (bulletin_id, tbl, row, grp, key, channel, header, text, value, decimals, pos)
		 SELECT file_id, tbl, row, rtrim(rtrim(key, replace(key, '/', '')), '/'),
		        substr(key, length(rtrim(key, replace(key, '/', ''))) + 1), '', header, text, value, decimals, pos FROM v1_cells`,
		`INSERT INTO figures SELECT * FROM v1_figures`,
		`INSERT INTO mentions SELECT * FROM v1_mentions`,
		`INSERT INTO findings (bulletin_id, finding, severity, rule, tbl, row, unit, column, figure, mention, published, expected,
		        hint, message, pos)
		 SELECT file_id, finding, severity, rule, tbl, row, unit, column, figure, mention, published, expected,
		        hint, message, pos FROM v1_findings`,
		`INSERT INTO problems SELECT * FROM v1_problems`,
	)
	for i := len(old) - 1; i >= 0; i-- {
		stmts = append(stmts, "DROP TABLE v1_"+old[i])
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%.60s…: %w", strings.Join(strings.Fields(q), " "), err)
		}
	}
	if err := absolutePaths(ctx, tx); err != nil {
		return err
	}
	return relinkAll(ctx, tx)
}

// absolutePaths makes the relative paths of files absolute against the
// current folder; of two rows that then name the same file, the one read
// last stays.
func absolutePaths(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, path FROM files ORDER BY processed_at DESC, id DESC`)
	if err != nil {
		return err
	}
	type file struct {
		id   int64
		path string
	}
	var files []file
	for rows.Next() {
		var f file
		if err := rows.Scan(&f.id, &f.path); err != nil {
			rows.Close()
			return err
		}
		files = append(files, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	taken := map[string]bool{}
	for _, f := range files {
		if filepath.IsAbs(f.path) || strings.Contains(f.path, "://") {
			taken[f.path] = true
		}
	}
	for _, f := range files {
		if filepath.IsAbs(f.path) || strings.Contains(f.path, "://") {
			continue
		}
		abs, err := filepath.Abs(f.path)
		if err != nil {
			return err
		}
		if taken[abs] {
			// A later reading of the same file stays; this one goes, with
			// the bulletin made of it (deleted by hand: foreign keys are
			// off during migrations).
			if err := deleteRecords(ctx, tx, f.id); err != nil { // schema 1: bulletin id = file id
				return err
			}
			for _, q := range []string{`DELETE FROM bulletins WHERE id = ?`, `DELETE FROM sources WHERE file_id = ?`,
				`DELETE FROM problems WHERE file_id = ?`, `DELETE FROM files WHERE id = ?`} {
				if _, err := tx.ExecContext(ctx, q, f.id); err != nil {
					return err
				}
			}
			continue
		}
		taken[abs] = true
		if _, err := tx.ExecContext(ctx, `UPDATE files SET path = ? WHERE id = ?`, abs, f.id); err != nil {
			return err
		}
	}
	return nil
}

// migrate2to3 moves schema 2 to schema 3, which keeps the files a web
// page's bulletin was read from (the parts table, tables.part) and the
// basis of each finding. A bulletin of schema 2 was read from one file:
// it has no parts, and its tables are part 0. Its findings have no basis;
// the files were read by reader revision 1, older than the program that
// writes schema 3, so the next run reads them again and fills it.
func migrate2to3(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, Schema); err != nil { // the parts table
		return fmt.Errorf("creating the new tables: %w", err)
	}
	if err := addColumn(ctx, tx, "tables", "part", "INTEGER NOT NULL DEFAULT 0"); err != nil {
		return err
	}
	return addColumn(ctx, tx, "findings", "basis", "TEXT")
}

// addColumn adds a column to a table unless the table has it.
func addColumn(ctx context.Context, tx *sql.Tx, table, column, decl string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info(?) WHERE name = ?`, table, column).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s %s", table, column, decl)); err != nil {
		return fmt.Errorf("adding %s.%s: %w", table, column, err)
	}
	return nil
}
