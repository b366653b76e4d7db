package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/hotline12345/bulletin/store"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", stderr)
	dbPath := fs.String("db", "", "the SQLite archive to export (made by digitize)")
	parquetDir := fs.String("parquet", "", "folder to write every table and the unit_metrics view to as Parquet files")
	csvDir := fs.String("csv", "", "folder to write every table to as CSV files")
	csvBOM := fs.Bool("csv-bom", true, "begin each CSV file with a UTF-8 byte order mark")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bulletin export -db FILE.sqlite [-parquet DIR] [-csv DIR] [-csv-bom=false]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "bulletin export: unexpected argument %q\n", fs.Arg(0))
		return exitFindings
	case *dbPath == "":
		fmt.Fprintln(stderr, "bulletin export: no archive named: give -db FILE.sqlite")
		return exitFindings
	case *parquetDir == "" && *csvDir == "":
		fmt.Fprintln(stderr, "bulletin export: no output named: give -parquet DIR or -csv DIR")
		return exitFindings
	}
	// An archive that is not there is an error, not a new empty one.
	if _, err := os.Stat(*dbPath); err != nil {
		fmt.Fprintf(stderr, "bulletin: %v\n", err)
		return exitUnreadable
	}
	db, err := store.OpenSQLite(*dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "bulletin: %v\n", err)
		return exitUnreadable
	}
	defer db.Close()
	if *parquetDir != "" {
		if err := store.ExportParquet(ctx, db, *parquetDir); err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			return exitUnreadable
		}
		fmt.Fprintf(stdout, "%s: %d Parquet files\n", *parquetDir, len(store.ParquetFiles))
	}
	if *csvDir != "" {
		var opts []store.CSVOption
		if !*csvBOM {
			opts = append(opts, store.WithoutBOM())
		}
		if err := store.ExportCSV(ctx, db, *csvDir, opts...); err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			return exitUnreadable
		}
		fmt.Fprintf(stdout, "%s: CSV files written\n", *csvDir)
	}
	return exitOK
}
