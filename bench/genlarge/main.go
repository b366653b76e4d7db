// Command genlarge writes the large and crafted inputs that bench/memory.sh
// measures the command's memory on:
//
//   - lines.txt: 2 MB of 10^6 one-character lines;
//   - sentences.txt: 22 MB of short Chinese sentences, one a line, with
//     counts, rates and unit lists among them;
//   - table50k.docx: a DOCX of about 150 KB whose table has 50,000 rows;
//   - rows200k.json: the JSON of a bulletin with 200,000 rows in two tables
//     of 100,000 (one table of 200,000 is past MaxRows);
//   - gridbomb.docx: a 3 KB DOCX whose spans lay a table out on 819
//     million grid positions;
//   - decimals.json: a 500-byte bulletin claiming 9e18 share decimals.
//
// Usage:
//
//	go run ./bench/genlarge DIR
package main

import (
	"archive/zip"
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genlarge DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	for name, write := range map[string]func(*bufio.Writer){
		"lines.txt":     lines,
		"sentences.txt": sentences,
		"rows200k.json": rows,
		"decimals.json": decimals,
	} {
		if err := writeFile(filepath.Join(dir, name), write); err != nil {
			fail(err)
		}
	}
	cell := func(s string) string { return "<w:tc><w:p><w:r><w:t>" + s + "</w:t></w:r></w:p></w:tc>" }
	var table strings.Builder
	table.WriteString("<w:p><w:r><w:t>附件1 各单位办理情况</w:t></w:r></w:p><w:tbl><w:tr>" + cell("单位") + cell("办理数") + cell("按时办结数") + cell("按时办结率") + "</w:tr>")
	for i := range 50_000 {
		fmt.Fprintf(&table, "<w:tr>%s%s%s%s</w:tr>", cell(fmt.Sprintf("单位%d", i)), cell("10"), cell("9"), cell("90%"))
	}
	table.WriteString("</w:tbl>")
	bomb := "<w:tbl><w:tr>" + strings.Repeat(`<w:tc><w:tcPr><w:gridSpan w:val="1024"/></w:tcPr>`+cell("x")[len("<w:tc>"):], 100) + "</w:tr>" +
		strings.Repeat("<w:tr>"+cell("1")+"</w:tr>", 8000) + "</w:tbl>"
	for name, body := range map[string]string{"table50k.docx": table.String(), "gridbomb.docx": bomb} {
		if err := writeDOCX(filepath.Join(dir, name), body); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genlarge:", err)
	os.Exit(1)
}

func writeFile(path string, write func(*bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	write(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func lines(w *bufio.Writer) {
	for range 1_000_000 {
		w.WriteString("a\n")
	}
}

func sentences(w *bufio.Writer) {
	s := []string{"本周受理群众诉求12件。", "办结率达到98.5%。", "较好的单位是甲局、乙局。", "群众满意。", "其中咨询类3件，占25%。", "各单位按时限回复。"}
	for i, n := 0, 0; n < 22_000_000; i++ {
		line := s[i%len(s)] + "\n"
		w.WriteString(line)
		n += len(line)
	}
}

func rows(w *bufio.Writer) {
	w.WriteString(`{"source": {"name": "rows200k.json"}, "title": "各单位办理情况", "figures": [], "tables": [`)
	for t := range 2 {
		if t > 0 {
			w.WriteString(",")
		}
		fmt.Fprintf(w, `{"label": "附件%d", "columns": [{"header": "单位", "key": "unit"}, {"header": "办理数", "key": "handled"}, {"header": "按时办结数", "key": "on_time"}, {"header": "按时办结率", "key": "on_time_rate"}], "rows": [`, t+1)
		for i := range 100_000 {
			if i > 0 {
				w.WriteString(",")
			}
			fmt.Fprintf(w, `{"unit": "单位%d", "total": false, "cells": {"handled": {"text": "10", "value": 10}, "on_time": {"text": "9", "value": 9}, "on_time_rate": {"text": "90%%", "value": 90, "decimals": 0}}, "pos": {"line": %d}}`, i, i+3)
		}
		w.WriteString(`], "notes": []}`)
	}
	w.WriteString("]}\n")
}

func decimals(w *bufio.Writer) {
	w.WriteString(`{"source": {"name": "decimals.json"}, "figures": [` +
		`{"label": "受理", "value": 100, "unit": "件", "text": "受理100件", "parent": -1, "share": null, "kind": "count"},` +
		`{"label": "甲类", "value": 60, "unit": "件", "text": "甲类60件，占60%", "parent": 0, "share": 60, "share_decimals": 9000000000000000000, "kind": "count"},` +
		`{"label": "乙类", "value": 30, "unit": "件", "text": "乙类30件，占40%", "parent": 0, "share": 40, "share_decimals": 9000000000000000000, "kind": "count"}], "tables": []}` + "\n")
}

func writeDOCX(path, body string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, p := range []struct{ name, data string }{
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`},
	} {
		w, err := zw.Create(p.name)
		if err != nil {
			f.Close()
			return err
		}
		if _, err := w.Write([]byte(p.data)); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
