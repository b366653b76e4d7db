package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
	msdoc "github.com/hotline12345/bulletin/extract/doc"
	"github.com/hotline12345/bulletin/extract/docx"
	"github.com/hotline12345/bulletin/extract/html"
	"github.com/hotline12345/bulletin/extract/pdf"
	"github.com/hotline12345/bulletin/extract/text"
	"github.com/hotline12345/bulletin/extract/xls"
	"github.com/hotline12345/bulletin/extract/xlsx"
)

// runBlocks prints the blocks a reader produced, before interpretation.
func runBlocks(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("blocks", stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "usage: bulletin blocks FILE") }
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitFindings
	}
	path := fs.Arg(0)
	data, err := readInput(path)
	if err != nil {
		fmt.Fprintf(stderr, "bulletin: %v\n", err)
		return exitUnreadable
	}
	var doc *block.Document
	lim := block.Limits{}
	format, err := extract.Detect(ctx, bytes.NewReader(data), int64(len(data)), lim)
	in := bytes.NewReader(data)
	switch {
	case err != nil:
	case format == extract.DOCX:
		doc, err = docx.Read(ctx, in, int64(len(data)), lim)
	case format == extract.PDF:
		doc, err = pdf.Read(ctx, in, int64(len(data)), lim)
	case format == extract.XLSX:
		doc, err = xlsx.Read(ctx, in, int64(len(data)), lim)
	case format == extract.XLS:
		doc, err = xls.Read(ctx, in, int64(len(data)), lim)
	case format == extract.DOC:
		doc, err = msdoc.Read(ctx, in, int64(len(data)), lim)
	case format == extract.HTML:
		doc, err = html.Read(ctx, in, int64(len(data)), lim)
	case format == extract.MHT:
		var p *html.Page
		if p, err = html.ReadMHT(ctx, in, int64(len(data)), html.Options{Limits: lim}); err == nil {
			doc = p.Document
		}
	default:
		doc, err = text.ReadBytes(ctx, data, lim)
	}
	if err != nil {
		fmt.Fprintf(stderr, "bulletin: %s: %v\n", path, err)
		return exitUnreadable
	}
	out := terminalSafe(stdout) // the blocks are the document's text
	printBlocks(out, doc)
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "bulletin: writing output: %v\n", err)
		return exitFindings
	}
	return exitOK
}

func printBlocks(w io.Writer, doc *block.Document) {
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *block.Paragraph:
			region := ""
			if b.Region == block.Header {
				region = " [header]"
			} else if b.Region == block.Footer {
				region = " [footer]"
			}
			fmt.Fprintf(w, "P %s%s: %s\n", b.Pos, region, oneLine(b.Text))
		case *block.Fields:
			fmt.Fprintf(w, "F %s: %d fields\n", b.Pos, len(b.Fields))
			for _, f := range b.Fields {
				fmt.Fprintf(w, "    %s: %s\n", oneLine(f.Label), oneLine(f.Value))
			}
		case *block.Table:
			fmt.Fprintf(w, "T %s: %d rows\n", b.Pos, len(b.Rows))
			for i, r := range b.Rows {
				var cells []string
				for _, c := range r.Cells {
					s := fmt.Sprintf("%q", oneLine(c.Text))
					if c.ColSpan > 1 || c.RowSpan > 1 {
						s += fmt.Sprintf("(%dx%d)", max(c.RowSpan, 1), max(c.ColSpan, 1))
					}
					cells = append(cells, s)
				}
				mark := ""
				if r.Header {
					mark = " header"
				}
				fmt.Fprintf(w, "  %3d%s: %s\n", i+1, mark, strings.Join(cells, " "))
			}
		}
	}
	for _, p := range doc.Problems {
		fmt.Fprintf(w, "! %s: %s\n", p.Pos, p.Message)
	}
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "⏎") }
