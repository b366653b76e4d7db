package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("extract", stderr)
	format := fs.String("format", "json", "output format: json, jsonl (one bulletin a line) or csv (one cell a line)")
	bom := fs.Bool("csv-bom", true, "begin CSV with a UTF-8 byte order mark, which spreadsheet programs need to read UTF-8")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bulletin extract [-format json|jsonl|csv] [-csv-bom=false] FILE|URL...")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *format != "json" && *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(stderr, "bulletin extract: unknown format %q (want json, jsonl or csv)\n", *format)
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
	case "jsonl":
		err = writeJSONL(stdout, bulletins)
	case "csv":
		err = writeCSV(stdout, bulletins, *bom)
	}
	if err != nil {
		fmt.Fprintf(stderr, "bulletin: writing output: %v\n", err)
		return exitFindings
	}
	return code
}

// readBulletin extracts one file, a web page at an http(s) URL, or
// standard input for "-".
func readBulletin(ctx context.Context, path string) (*model.Bulletin, error) {
	switch {
	case path == "-":
		return extract.ExtractReader(ctx, os.Stdin, extract.WithName("-"))
	case extract.IsURL(path):
		return extract.URL(ctx, path)
	}
	return extract.ExtractFile(ctx, path)
}

// writeJSON prints one object for a single file, else an array.
func writeJSON(w io.Writer, bs []*model.Bulletin, single bool) error {
	bw := bufio.NewWriter(w)
	if single {
		if len(bs) == 0 {
			return nil
		}
		if err := writeBulletin(bw, bs[0], ""); err != nil {
			return err
		}
		bw.WriteString("\n")
		return bw.Flush()
	}
	bw.WriteString("[")
	for i, b := range bs {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  ")
		if err := writeBulletin(bw, b, "  "); err != nil {
			return err
		}
	}
	if len(bs) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// writeBulletin writes one bulletin as indented JSON, the same bytes an
// indenting json.Encoder gives, but a figure, mention, table row or
// problem at a time: a long bulletin is not held in memory again (compact
// and indented) while it is printed.
func writeBulletin(w *bufio.Writer, b *model.Bulletin, prefix string) error {
	head := *b
	head.Paragraphs = nil
	head.Figures, head.Mentions, head.Tables, head.Problems = []model.Figure{}, []model.Mention{}, []model.Table{}, []model.Problem{}
	var buf bytes.Buffer
	var rowBuf, line []byte // a row compact and indented
	item := func(v any, prefix string) error {
		buf.Reset()
		if err := indented(&buf, v, prefix); err != nil {
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	}
	return writeSpliced(w, &buf, &head, prefix, []splice{
		// The prose comes before the figures and is left out when empty.
		{field: "paragraphs", before: "figures", n: len(b.Paragraphs), item: func(i int, prefix string) error { return item(&b.Paragraphs[i], prefix) }},
		{"figures", "", len(b.Figures), func(i int, prefix string) error { return item(&b.Figures[i], prefix) }},
		{"mentions", "", len(b.Mentions), func(i int, prefix string) error { return item(&b.Mentions[i], prefix) }},
		{"tables", "", len(b.Tables), func(i int, prefix string) error {
			t := b.Tables[i]
			t.Rows = []model.Row{}
			rows := b.Tables[i].Rows
			var tbuf bytes.Buffer
			return writeSpliced(w, &tbuf, &t, prefix, []splice{
				{"rows", "", len(rows), func(j int, prefix string) error {
					compact, err := appendRow(rowBuf[:0], &rows[j])
					if err != nil {
						return err
					}
					rowBuf = compact
					line = appendIndented(line[:0], compact, prefix, "  ")
					_, err = w.Write(line)
					return err
				}},
			})
		}},
		{"problems", "", len(b.Problems), func(i int, prefix string) error { return item(&b.Problems[i], prefix) }},
	})
}

// splice is a list field written an item at a time.
type splice struct {
	field string
	// before, when set, names the field this one is written just before,
	// for a list the head leaves out when empty (omitempty): it is
	// written only when it has items, as the encoder would.
	before string
	n      int
	item   func(i int, prefix string) error
}

// items writes the list's items, each on a line of its own after prefix,
// separated by commas.
func (l splice) items(w *bufio.Writer, prefix string) error {
	for i := range l.n {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n" + prefix)
		if err := l.item(i, prefix); err != nil {
			return err
		}
	}
	return nil
}

// writeSpliced writes head as indented JSON after prefix, with each of its
// empty list fields `"field": []`, in the order they come, filled by the
// items its splice writes one at a time (each after its own prefix). buf
// is scratch space.
func writeSpliced(w *bufio.Writer, buf *bytes.Buffer, head any, prefix string, lists []splice) error {
	buf.Reset()
	if err := indented(buf, head, prefix); err != nil {
		return err
	}
	rest := buf.String()
	inner := prefix + "    "
	for _, l := range lists {
		if l.before != "" {
			next := `"` + l.before + `": []`
			before, after, ok := strings.Cut(rest, next)
			if !ok {
				return fmt.Errorf("encoding: no %s field", l.before)
			}
			w.WriteString(before)
			if l.n > 0 {
				w.WriteString(`"` + l.field + `": [`)
				if err := l.items(w, inner); err != nil {
					return err
				}
				w.WriteString("\n" + prefix + "  ],\n" + prefix + "  ")
			}
			rest = next + after
			continue
		}
		marker := `"` + l.field + `": []`
		before, after, ok := strings.Cut(rest, marker)
		if !ok {
			return fmt.Errorf("encoding: no %s field", l.field)
		}
		w.WriteString(before)
		w.WriteString(marker[:len(marker)-1])
		if err := l.items(w, inner); err != nil {
			return err
		}
		if l.n > 0 {
			w.WriteString("\n" + prefix + "  ")
		}
		w.WriteString("]")
		rest = after
	}
	_, err := w.WriteString(rest)
	return err
}

// indented marshals v as indented JSON after prefix, without HTML
// escaping: the bytes an indenting json.Encoder writes, without its
// newline.
func indented(buf *bytes.Buffer, v any, prefix string) error {
	compact := compactPool.Get().(*bytes.Buffer)
	defer compactPool.Put(compact)
	compact.Reset()
	enc := json.NewEncoder(compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	compact.Truncate(compact.Len() - 1) // Encode's newline
	buf.Write(appendIndented(buf.AvailableBuffer(), compact.Bytes(), prefix, "  "))
	return nil
}

// compactPool holds the buffers indented marshals into before indenting.
var compactPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeJSONL prints one bulletin a line, as compact JSON.
func writeJSONL(w io.Writer, bs []*model.Bulletin) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, b := range bs {
		if err := enc.Encode(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// csvColumns are the columns of extract's CSV: a line per table cell, with
// what it takes to filter and join the lines of many files (the issuer and
// period, the table's label, title and channel, the printed group above a
// column and the column's metric), as the archive's cells.csv has them.
var csvColumns = []string{"file", "issuer", "period_start", "period_end", "period_label", "table", "table_label", "table_title",
	"channel", "row", "unit", "total", "grp", "key", "header", "text", "value", "decimals"}

// writeCSV prints one line per table cell, after a byte order mark if bom.
func writeCSV(w io.Writer, bs []*model.Bulletin, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, b := range bs {
		for ti := range b.Tables {
			t := &b.Tables[ti]
			for ri, row := range t.Rows {
				for _, key := range t.CellKeys(row) {
					c := row.Cells[key]
					value, decimals := "", ""
					if c.Value != nil {
						value = strconv.FormatFloat(*c.Value, 'f', -1, 64)
					}
					if c.Decimals != nil {
						decimals = strconv.Itoa(*c.Decimals)
					}
					group, metric := t.GroupMetric(key)
					rec := []string{b.Source.Name, b.Issuer, dateString(b.Period.Start), dateString(b.Period.End), b.Period.Label,
						strconv.Itoa(ti), t.Label, t.Title, t.ChannelOf(key), strconv.Itoa(ri), row.Unit, strconv.FormatBool(row.Total),
						group, string(metric), t.HeaderOf(key), c.Text, value, decimals}
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

// dateString is a date as YYYY-MM-DD, or "" when unknown.
func dateString(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
