package store

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// CSV is an archive written as one CSV file per table (files.csv,
// bulletins.csv, cells.csv …) in a folder, with the columns of [Schema].
// Files get ids in the order they are put.
//
// The files are written beside their final names, as temporary files that
// [CSV.Close] renames into place once every one is written whole; a run
// killed or failing on the way (a full disk) leaves the files of the
// previous run as they were.
type CSV struct {
	dir     string
	temps   []tempFile
	writers []*csv.Writer
	nextID  int64
	done    bool
}

// tempFile is a file being written; *os.File is one.
type tempFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// createTemp creates a temporary file in dir; a test makes it fail.
var createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// CreateCSV starts writing the CSV files in dir, creating the folder if
// need be. Nothing in dir changes until Close.
func CreateCSV(dir string) (*CSV, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	c := &CSV{dir: dir}
	for _, t := range tables {
		f, err := createTemp(dir, "."+t.name+".csv.*.tmp")
		if err != nil {
			c.Abort()
			return nil, fmt.Errorf("store: writing CSV files: %w", cannotCreate(dir, err))
		}
		c.temps = append(c.temps, f)
		w := csv.NewWriter(f)
		c.writers = append(c.writers, w)
		if err := w.Write(t.columns); err != nil {
			c.Abort()
			return nil, fmt.Errorf("store: %s: %w", t.name, err)
		}
	}
	return c, nil
}

// Put writes one file's rows and sets e.File.ID.
func (c *CSV) Put(_ context.Context, e *Entry) error {
	c.nextID++
	e.File.ID = c.nextID
	for i, t := range tables {
		if e.Bulletin == nil && t.name != "files" {
			continue
		}
		w := c.writers[i]
		for _, r := range t.rows(e) {
			if err := w.Write(csvRecord(r)); err != nil {
				return fmt.Errorf("store: %s: %w", t.name, err)
			}
		}
		// A write error (a full disk) shows at the latest after a flush.
		if err := w.Error(); err != nil {
			return fmt.Errorf("store: %s: %w", t.name, err)
		}
	}
	return nil
}

// Close flushes the files, syncs them to disk and renames them into
// place, and returns the first error on the way, a full disk included.
// On error the temporary files are removed and the previous files left as
// they were. Close after Close or Abort does nothing.
func (c *CSV) Close() error {
	if c.done {
		return nil
	}
	var first error
	for i, w := range c.writers {
		w.Flush()
		if err := w.Error(); err != nil && first == nil {
			first = fmt.Errorf("store: %s: %w", tables[i].name, err)
		}
		if err := c.temps[i].Sync(); err != nil && first == nil {
			first = fmt.Errorf("store: %s: %w", tables[i].name, err)
		}
	}
	if first != nil {
		c.Abort()
		return first
	}
	c.done = true
	for i, f := range c.temps {
		if err := f.Close(); err != nil && first == nil {
			first = fmt.Errorf("store: %s: %w", tables[i].name, err)
		}
	}
	for i, f := range c.temps {
		if first != nil {
			os.Remove(f.Name())
			continue
		}
		// CreateTemp made the file private; the CSV files are not.
		err := os.Chmod(f.Name(), 0o644)
		if err == nil {
			err = os.Rename(f.Name(), filepath.Join(c.dir, tables[i].name+".csv"))
		}
		if err != nil {
			first = fmt.Errorf("store: %w", err)
			os.Remove(f.Name())
		}
	}
	return first
}

// Abort removes the temporary files, leaving the previous files as they
// were.
func (c *CSV) Abort() error {
	if c.done {
		return nil
	}
	c.done = true
	var first error
	for _, f := range c.temps {
		f.Close()
		if err := os.Remove(f.Name()); err != nil && first == nil {
			first = fmt.Errorf("store: %w", err)
		}
	}
	return first
}

func csvRecord(r []any) []string {
	out := make([]string, len(r))
	for i, v := range r {
		out[i] = csvField(v)
	}
	return out
}

func csvField(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []byte:
		return string(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// ExportCSV writes every table of the SQLite archive to CSV files in dir, in
// key order. The files replace those of a previous export only once all
// are written (see [CSV]).
func ExportCSV(ctx context.Context, s *SQLite, dir string) error {
	c, err := CreateCSV(dir)
	if err != nil {
		return err
	}
	for i, t := range tables {
		if err := exportTable(ctx, s.db, t, c.writers[i]); err != nil {
			c.Abort()
			return err
		}
	}
	return c.Close()
}

func exportTable(ctx context.Context, db *sql.DB, t table, w *csv.Writer) error {
	order := t.columns[0]
	if t.name != "files" {
		order = strings.Join(t.columns[:keyColumns(t)], ", ")
	}
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s ORDER BY %s", strings.Join(t.columns, ", "), t.name, order))
	if err != nil {
		return fmt.Errorf("store: exporting %s: %w", t.name, err)
	}
	defer rows.Close()
	vals := make([]any, len(t.columns))
	ptrs := make([]any, len(t.columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("store: exporting %s: %w", t.name, err)
		}
		if err := w.Write(csvRecord(vals)); err != nil {
			return fmt.Errorf("store: exporting %s: %w", t.name, err)
		}
	}
	return rows.Err()
}

// keyColumns is how many leading columns of a table form its key.
func keyColumns(t table) int {
	switch t.name {
	case "bulletins":
		return 1
	case "tables", "figures", "mentions", "problems", "findings":
		return 2
	case "rows", "definitions":
		return 3
	case "cells":
		return 4
	}
	return 1
}
