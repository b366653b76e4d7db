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
// bulletins.csv, cells.csv …) in a folder, with the columns of [Schema],
// except cells.csv: it carries with each cell the columns a spreadsheet
// needs to filter and join without the other files (the bulletin's path,
// issuer and period, the table's label, title and channel, the row's
// unit), the columns of the unit_metrics view. units.csv is written at
// Close. Files and bulletins get ids in the order they are put; a
// bulletin whose content was put before is written once, its other
// files are its sources.
//
// The files begin with a UTF-8 byte order mark unless WithoutBOM is
// given: without it, Excel and WPS on Chinese Windows read UTF-8 as the
// local code page.
//
// The files are written beside their final names, as temporary files that
// [CSV.Close] renames into place once every one is written whole; a run
// killed or failing while it writes (a full disk) leaves the files of the
// previous run as they were. The renames themselves are one per file and
// not atomic together: a failure among them (rare: the files are on one
// disk, written and synced) leaves the files renamed before it new and the
// rest old, and Close says which file failed.
type CSV struct {
	dir     string
	temps   []tempFile
	writers []*csv.Writer
	nextID  int64
	done    bool
	// bulletins maps the content of every bulletin written to its id.
	bulletins map[string]int64
	units     unitCollector
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

// CSVOption configures CreateCSV and ExportCSV.
type CSVOption func(*csvOptions)

type csvOptions struct{ noBOM bool }

// WithoutBOM leaves out the byte order mark at the start of each file.
func WithoutBOM() CSVOption { return func(o *csvOptions) { o.noBOM = true } }

// bom is the UTF-8 byte order mark.
const bom = "\ufeff"

// csvFile is one CSV file of an archive: a table, or the cells with their
// context.
type csvFile struct {
	name    string
	columns []string
}

// csvFiles lists the files of a CSV archive, in the order of tables, then
// units.csv.
var csvFiles = func() []csvFile {
	var out []csvFile
	for _, t := range tables {
		cols := t.columns
		if t.name == "cells" {
			cols = cellContextColumns
		}
		out = append(out, csvFile{t.name, cols})
	}
	return append(out, csvFile{"units", unitsColumns})
}()

// cellContextColumns are the columns of cells.csv: those of the
// unit_metrics view but linked_unit, which is in units.csv.
var cellContextColumns = []string{"bulletin_id", "path", "issuer", "period_start", "period_end", "period_label",
	"tbl", "table_label", "table_title", "channel", "row", "unit", "total", "grp", "key", "header", "text", "value", "decimals"}

// cellContextRows are an entry's rows of cells.csv.
func cellContextRows(e *Entry) [][]any {
	b := e.Bulletin
	var out [][]any
	for i := range b.Tables {
		t := &b.Tables[i]
		for j, r := range t.Rows {
			for _, k := range t.CellKeys(r) {
				c := r.Cells[k]
				group, metric := t.GroupMetric(k)
				out = append(out, []any{e.BulletinID, e.File.Path, b.Issuer, dateText(b.Period.Start), dateText(b.Period.End), b.Period.Label,
					i, t.Label, t.Title, t.ChannelOf(k), j, r.Unit, boolInt(r.Total), group, string(metric), t.HeaderOf(k),
					c.Text, floatOrNil(c.Value), intOrNil(c.Decimals)})
			}
		}
	}
	return out
}

// CreateCSV starts writing the CSV files in dir, creating the folder if
// need be. Nothing in dir changes until Close.
func CreateCSV(dir string, opts ...CSVOption) (*CSV, error) {
	var o csvOptions
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	c := &CSV{dir: dir, bulletins: map[string]int64{}}
	for _, t := range csvFiles {
		f, err := createTemp(dir, "."+t.name+".csv.*.tmp")
		if err != nil {
			c.Abort()
			return nil, fmt.Errorf("store: writing CSV files: %w", cannotCreate(dir, err))
		}
		c.temps = append(c.temps, f)
		w := csv.NewWriter(f)
		c.writers = append(c.writers, w)
		if !o.noBOM {
			if _, err := io.WriteString(f, bom); err != nil {
				c.Abort()
				return nil, fmt.Errorf("store: %s: %w", t.name, err)
			}
		}
		if err := w.Write(t.columns); err != nil {
			c.Abort()
			return nil, fmt.Errorf("store: %s: %w", t.name, err)
		}
	}
	return c, nil
}

// Put writes one file's rows, and its bulletin's when no file put before
// had the same content, and sets e.File.ID and e.BulletinID. An entry of a
// missing file is written as its files row.
func (c *CSV) Put(_ context.Context, e *Entry) error {
	c.nextID++
	e.File.ID = c.nextID
	e.BulletinID = 0
	newBulletin := false
	if e.File.Status == StatusOK && e.Bulletin != nil {
		if e.Content == "" {
			e.Content = ContentHash(e.Bulletin)
		}
		id, ok := c.bulletins[e.Content]
		if !ok {
			id = int64(len(c.bulletins) + 1)
			c.bulletins[e.Content] = id
			newBulletin = true
			c.units.add(e.Bulletin)
		}
		e.BulletinID = id
	}
	for i, t := range tables {
		switch {
		case t.name == "files":
		case e.BulletinID == 0:
			continue
		case t.bulletin && !newBulletin:
			continue
		}
		rows := t.rows(e)
		if t.name == "cells" {
			rows = cellContextRows(e)
		}
		w := c.writers[i]
		for _, r := range rows {
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

// Close writes units.csv, flushes the files, syncs them to disk and
// renames them into place, and returns the first error on the way, a full
// disk included. On an error before the renames the temporary files are
// removed and the previous files left as they were; see [CSV] for an
// error among the renames. Close after Close or Abort does nothing.
func (c *CSV) Close() error {
	if c.done {
		return nil
	}
	var first error
	if n := len(c.writers); n == len(csvFiles) {
		for _, r := range c.units.rows() {
			if err := c.writers[n-1].Write(csvRecord(r)); err != nil && first == nil {
				first = fmt.Errorf("store: units: %w", err)
			}
		}
	}
	for i, w := range c.writers {
		w.Flush()
		if err := w.Error(); err != nil && first == nil {
			first = fmt.Errorf("store: %s: %w", csvFiles[i].name, err)
		}
		if err := c.temps[i].Sync(); err != nil && first == nil {
			first = fmt.Errorf("store: %s: %w", csvFiles[i].name, err)
		}
	}
	if first != nil {
		c.Abort()
		return first
	}
	c.done = true
	for i, f := range c.temps {
		if err := f.Close(); err != nil && first == nil {
			first = fmt.Errorf("store: %s: %w", csvFiles[i].name, err)
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
			err = os.Rename(f.Name(), filepath.Join(c.dir, csvFiles[i].name+".csv"))
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
// key order, cells.csv from the unit_metrics view. The files replace those
// of a previous export only once all are written (see [CSV]).
func ExportCSV(ctx context.Context, s *SQLite, dir string, opts ...CSVOption) error {
	c, err := CreateCSV(dir, opts...)
	if err != nil {
		return err
	}
	c.units = unitCollector{} // units.csv is exported from the archive's table
	for i, t := range csvFiles {
		if err := exportTable(ctx, s.db, t, c.writers[i]); err != nil {
			c.Abort()
			return err
		}
	}
	return c.Close()
}

func exportTable(ctx context.Context, db *sql.DB, t csvFile, w *csv.Writer) error {
	from, order := t.name, exportOrder[t.name]
	if t.name == "cells" {
		from = "unit_metrics"
	}
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s ORDER BY %s", strings.Join(t.columns, ", "), from, order))
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

// exportOrder is the key each table is exported in.
var exportOrder = map[string]string{
	"files":       "id",
	"bulletins":   "id",
	"sources":     "file_id",
	"parts":       "bulletin_id, part",
	"tables":      "bulletin_id, tbl",
	"definitions": "bulletin_id, tbl, def",
	"rows":        "bulletin_id, tbl, row",
	"cells":       "bulletin_id, tbl, row, grp, key",
	"figures":     "bulletin_id, fig",
	"mentions":    "bulletin_id, mention",
	"findings":    "bulletin_id, finding",
	"problems":    "file_id, problem",
	"units":       "issuer, name",
}
