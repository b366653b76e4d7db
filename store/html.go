package store

import (
	"bufio"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/trend"
	"github.com/hotline12345/bulletin/validate"
)

// HTMLReport writes an archive as HTML pages in a folder: a report page
// per file read (see validate.HTML: the tables with the cells of the
// findings marked), and, at Close, index.html with a line per file (its
// findings by severity, or why it failed) linking to its page, followed by
// each unit's rates by month drawn as SVG charts. Every page is
// self-contained and works offline.
//
// Put checks each bulletin itself (validate.Check), since a page needs the
// whole report, not only the findings an entry may carry. HTMLReport keeps
// one index line per file and one number per unit, rate and period, not
// the bulletins.
type HTMLReport struct {
	dir     string
	entries []indexed
	trends  trend.Collector
}

type indexed struct {
	path  string
	entry validate.IndexEntry
}

// CreateHTMLReport makes the folder dir (if needed) for an HTML report.
func CreateHTMLReport(dir string) (*HTMLReport, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &HTMLReport{dir: dir}, nil
}

// Put writes the report page of a file read, or notes a failed file for
// the index.
func (h *HTMLReport) Put(ctx context.Context, e *Entry) error {
	if e.File.Status == StatusMissing {
		return nil // a file no longer there has no page
	}
	ie := validate.IndexEntry{Name: e.File.Path}
	if e.File.Status != StatusOK || e.Bulletin == nil {
		ie.Failed = cmp.Or(e.File.Reason, "not read")
		h.entries = append(h.entries, indexed{e.File.Path, ie})
		return nil
	}
	b := e.Bulletin
	rep := validate.Check(b)
	ie.Href = pageName(e.File.Path)
	ie.Title, ie.Summary = b.Title, rep.Summary
	if !b.Period.Start.IsZero() {
		ie.Period = cmp.Or(b.Period.Label, b.Period.Start.String())
	}
	if err := writeFile(filepath.Join(h.dir, ie.Href), func(w *bufio.Writer) error {
		return validate.HTML(w, b, rep, validate.WithLinks(validate.Link{Text: "↑ All files", URL: "index.html"}))
	}); err != nil {
		return err
	}
	h.trends.Add(e.File.Path, b)
	h.entries = append(h.entries, indexed{e.File.Path, ie})
	return nil
}

// Close writes index.html: the files in path order, then a chart for every
// unit with rates in at least two periods.
func (h *HTMLReport) Close() error {
	slices.SortStableFunc(h.entries, func(a, b indexed) int { return cmp.Compare(a.path, b.path) })
	entries := make([]validate.IndexEntry, len(h.entries))
	for i, e := range h.entries {
		entries[i] = e.entry
	}
	var charts []validate.Chart
	for _, ch := range h.trends.Charts(2) {
		svg, err := ch.SVG()
		if err != nil {
			return err
		}
		charts = append(charts, validate.Chart{Caption: ch.Title + ": rates by period, one line per rate column of each table", SVG: svg})
	}
	title := fmt.Sprintf("Archive report: %d files", len(entries))
	return writeFile(filepath.Join(h.dir, "index.html"), func(w *bufio.Writer) error {
		return validate.HTMLIndex(w, title, entries, validate.WithCharts(charts...))
	})
}

// pageName is the report page of a file: its base name, made safe for any
// file system, and a hash of its whole path, so two files of the same name
// in different folders get different pages and a re-run the same ones.
func pageName(path string) string {
	base := strings.Map(func(r rune) rune {
		switch {
		case r == '.' || r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			return r
		}
		return '_'
	}, filepath.Base(path))
	for len(base) > 80 {
		_, size := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-size]
	}
	sum := sha256.Sum256([]byte(path))
	return base + "-" + hex.EncodeToString(sum[:4]) + ".html"
}

// writeFile writes a file through a buffer, reporting the first error of
// writing, flushing or closing.
func writeFile(path string, write func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
