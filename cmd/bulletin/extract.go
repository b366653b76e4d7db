package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("extract", stderr)
	format := fs.String("format", "json", "output format: json or csv")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bulletin extract [-format json|csv] FILE...")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *format != "json" && *format != "csv" {
		fmt.Fprintf(stderr, "bulletin extract: unknown format %q (want json or csv)\n", *format)
		return exitFindings
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitFindings
	}
	code := exitOK
	var bulletins []*model.Bulletin
	for _, path := range fs.Args() {
		b, err := readBulletin(ctx, path)
		if err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			code = exitUnreadable
			continue
		}
		bulletins = append(bulletins, b)
	}
	var err error
	switch *format {
	case "json":
		err = writeJSON(stdout, bulletins, fs.NArg() == 1)
	case "csv":
		err = writeCSV(stdout, bulletins)
	}
	if err != nil {
		fmt.Fprintf(stderr, "bulletin: writing output: %v\n", err)
		return exitFindings
	}
	return code
}

// readBulletin extracts one file, or standard input for "-".
func readBulletin(ctx context.Context, path string) (*model.Bulletin, error) {
	if path == "-" {
		return extract.ExtractReader(ctx, os.Stdin, extract.WithName("-"))
	}
	return extract.ExtractFile(ctx, path)
}

// writeJSON prints one object for a single file, else an array.
func writeJSON(w io.Writer, bs []*model.Bulletin, single bool) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if single {
		if len(bs) == 0 {
			return nil
		}
		return enc.Encode(bs[0])
	}
	if bs == nil {
		bs = []*model.Bulletin{}
	}
	return enc.Encode(bs)
}

// writeCSV prints one line per table cell:
// file,table,row,unit,key,header,text,value.
func writeCSV(w io.Writer, bs []*model.Bulletin) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"file", "table", "row", "unit", "key", "header", "text", "value"}); err != nil {
		return err
	}
	for _, b := range bs {
		for ti, t := range b.Tables {
			for ri, row := range t.Rows {
				for _, key := range t.CellKeys(row) {
					c := row.Cells[key]
					value := ""
					if c.Value != nil {
						value = strconv.FormatFloat(*c.Value, 'f', -1, 64)
					}
					rec := []string{b.Source.Name, strconv.Itoa(ti), strconv.Itoa(ri), row.Unit, string(key), t.HeaderOf(key), c.Text, value}
					if err := cw.Write(rec); err != nil {
						return err
					}
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
