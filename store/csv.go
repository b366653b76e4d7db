package store

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// CSV is an archive written as one CSV file per table (files.csv,
// bulletins.csv, cells.csv …) in a folder, with the columns of [Schema].
// Files get ids in the order they are put.
type CSV struct {
	dir     string
	files   []*os.File
	writers []*csv.Writer
	nextID  int64
}

// CreateCSV creates (or truncates) the CSV files in dir.
func CreateCSV(dir string) (*CSV, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	c := &CSV{dir: dir}
	for _, t := range tables {
		f, err := os.Create(filepath.Join(dir, t.name+".csv"))
		if err != nil {
			c.Close()
			return nil, fmt.Errorf("store: %w", err)
		}
		w := csv.NewWriter(f)
		if err := w.Write(t.columns); err != nil {
			f.Close()
			c.Close()
			return nil, fmt.Errorf("store: %w", err)
		}
		c.files = append(c.files, f)
		c.writers = append(c.writers, w)
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
		for _, r := range t.rows(e) {
			if err := c.writers[i].Write(csvRecord(r)); err != nil {
				return fmt.Errorf("store: %s: %w", t.name, err)
			}
		}
	}
	return nil
}

// Close flushes and closes the files.
func (c *CSV) Close() error {
	var first error
	for i, w := range c.writers {
		w.Flush()
		if err := w.Error(); err != nil && first == nil {
			first = err
		}
		if err := c.files[i].Close(); err != nil && first == nil {
			first = err
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
// key order.
func ExportCSV(ctx context.Context, s *SQLite, dir string) error {
	c, err := CreateCSV(dir)
	if err != nil {
		return err
	}
	for i, t := range tables {
		if err := exportTable(ctx, s.db, t, c.writers[i]); err != nil {
			c.Close()
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
