// Command gendocx writes a copy of a DOCX whose first table is lengthened to
// a number of rows, for benchmarks of the DOCX reader on long tables: the
// table's rows after its first (the header) are repeated in turn until the
// table has ROWS rows under its header. Every other part is copied as is.
//
//	go run ./bench/gendocx -rows 500 IN.docx OUT.docx
package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	rows := flag.Int("rows", 500, "rows of the first table, under its header")
	flag.Parse()
	if flag.NArg() != 2 || *rows < 1 {
		fmt.Fprintln(os.Stderr, "usage: gendocx [-rows N] IN.docx OUT.docx")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *rows); err != nil {
		fmt.Fprintln(os.Stderr, "gendocx:", err)
		os.Exit(1)
	}
}

func run(in, out string, rows int) error {
	zr, err := zip.OpenReader(in)
	if err != nil {
		return err
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if f.Name == "word/document.xml" {
			if data, err = lengthen(data, rows); err != nil {
				return err
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// lengthen rewrites the first w:tbl of a main document part to rows rows
// under its first row. The table must hold no nested table.
func lengthen(doc []byte, rows int) ([]byte, error) {
	start := bytes.Index(doc, []byte("<w:tbl>"))
	end := bytes.Index(doc, []byte("</w:tbl>"))
	if start < 0 || end < start {
		return nil, errors.New("no table in word/document.xml")
	}
	table := doc[start:end]
	var trs [][]byte
	for rest := table; ; {
		i := bytes.Index(rest, []byte("<w:tr>"))
		if i < 0 {
			break
		}
		j := bytes.Index(rest[i:], []byte("</w:tr>"))
		if j < 0 {
			return nil, errors.New("a table row is not closed")
		}
		trs = append(trs, rest[i:i+j+len("</w:tr>")])
		rest = rest[i+j+len("</w:tr>"):]
	}
	if len(trs) < 2 {
		return nil, errors.New("the first table has no row under its header")
	}
	first := bytes.Index(table, trs[0])
	var out bytes.Buffer
	out.Write(doc[:start])
	out.Write(table[:first+len(trs[0])])
	for i := range rows {
		out.Write(trs[1+i%(len(trs)-1)])
	}
	out.Write(doc[end:])
	return out.Bytes(), nil
}
