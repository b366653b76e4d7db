package store

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// ParquetFiles lists the files ExportParquet writes, without their
// .parquet extension: every table of the schema, and the unit_metrics
// view.
var ParquetFiles = func() []string {
	var names []string
	for _, t := range tables {
		names = append(names, t.name)
	}
	return append(names, "units", "unit_metrics")
}()

// ExportParquet writes every table of the archive, and the unit_metrics
// view, to Parquet files in dir (files.parquet, cells.parquet …,
// unit_metrics.parquet), for pandas, DuckDB, Spark and the like. Columns
// keep the schema's names, order and types (INTEGER as INT64, REAL as
// DOUBLE, TEXT as UTF-8 strings), every column optional as SQL NULL
// allows; rows are in key order. Each file is written beside its name and
// renamed into place once whole.
func ExportParquet(ctx context.Context, s *SQLite, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	for _, name := range ParquetFiles {
		if err := exportParquet(ctx, s.db, name, dir); err != nil {
			return fmt.Errorf("store: exporting %s to Parquet: %w", name, err)
		}
	}
	return nil
}

// parquetKind is how a column is written.
type parquetKind int

const (
	parquetString parquetKind = iota
	parquetInt
	parquetDouble
)

// columnKinds reads a table's or view's columns and their kinds from the
// declared types.
func columnKinds(ctx context.Context, db *sql.DB, name string) ([]string, []parquetKind, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, type FROM pragma_table_info(?) ORDER BY cid`, name)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var cols []string
	var kinds []parquetKind
	for rows.Next() {
		var col, typ string
		if err := rows.Scan(&col, &typ); err != nil {
			return nil, nil, err
		}
		typ = strings.ToUpper(typ)
		k := parquetString
		switch {
		case strings.Contains(typ, "INT"):
			k = parquetInt
		case strings.Contains(typ, "REAL"), strings.Contains(typ, "FLOA"), strings.Contains(typ, "DOUB"):
			k = parquetDouble
		}
		cols = append(cols, col)
		kinds = append(kinds, k)
	}
	if len(cols) == 0 && rows.Err() == nil {
		return nil, nil, fmt.Errorf("no table %s", name)
	}
	return cols, kinds, rows.Err()
}

// parquetSchema is the schema of a file with the columns in their order:
// a Go struct type made for it, since a parquet.Group orders its fields by
// name.
func parquetSchema(name string, cols []string, kinds []parquetKind) *parquet.Schema {
	fields := make([]reflect.StructField, len(cols))
	for i, c := range cols {
		var t reflect.Type
		switch kinds[i] {
		case parquetInt:
			t = reflect.TypeFor[*int64]()
		case parquetDouble:
			t = reflect.TypeFor[*float64]()
		default:
			t = reflect.TypeFor[*string]()
		}
		fields[i] = reflect.StructField{Name: "F" + strconv.Itoa(i), Type: t, Tag: reflect.StructTag(`parquet:"` + c + `,optional"`)}
	}
	return parquet.NewSchema(name, parquet.SchemaOf(reflect.New(reflect.StructOf(fields)).Interface()))
}

// parquetBatch is how many rows are handed to the writer at once.
const parquetBatch = 512

func exportParquet(ctx context.Context, db *sql.DB, name, dir string) (err error) {
	cols, kinds, err := columnKinds(ctx, db, name)
	if err != nil {
		return err
	}
	order := exportOrder[name]
	if name == "unit_metrics" {
		order = exportOrder["cells"]
	}
	rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s ORDER BY %s", strings.Join(cols, ", "), name, order))
	if err != nil {
		return err
	}
	defer rows.Close()

	f, err := os.CreateTemp(dir, "."+name+".parquet.*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriter(f)
	w := parquet.NewGenericWriter[any](bw, parquetSchema(name, cols, kinds))
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	batch := make([]parquet.Row, 0, parquetBatch)
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		row := make(parquet.Row, len(cols))
		for i, v := range vals {
			row[i], err = parquetValue(v, kinds[i], i)
			if err != nil {
				return fmt.Errorf("column %s: %w", cols[i], err)
			}
		}
		batch = append(batch, row)
		if len(batch) == parquetBatch {
			if _, err := w.WriteRows(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := w.WriteRows(batch); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, name+".parquet"))
}

// parquetValue converts a value read from SQLite to the column's kind. A
// NULL is a null; SQLite's loose typing (an integer in a REAL column) is
// converted.
func parquetValue(v any, kind parquetKind, col int) (parquet.Value, error) {
	if v == nil {
		return parquet.NullValue().Level(0, 0, col), nil
	}
	var out parquet.Value
	switch kind {
	case parquetInt:
		switch x := v.(type) {
		case int64:
			out = parquet.Int64Value(x)
		case float64:
			if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
				return out, fmt.Errorf("%v in an INTEGER column", x)
			}
			out = parquet.Int64Value(int64(x))
		default:
			return out, fmt.Errorf("%T %v in an INTEGER column", v, v)
		}
	case parquetDouble:
		switch x := v.(type) {
		case float64:
			out = parquet.DoubleValue(x)
		case int64:
			out = parquet.DoubleValue(float64(x))
		default:
			return out, fmt.Errorf("%T %v in a REAL column", v, v)
		}
	default:
		switch x := v.(type) {
		case string:
			out = parquet.ByteArrayValue([]byte(x))
		case []byte:
			out = parquet.ByteArrayValue(x)
		default:
			out = parquet.ByteArrayValue([]byte(csvField(x)))
		}
	}
	return out.Level(0, 1, col), nil
}
