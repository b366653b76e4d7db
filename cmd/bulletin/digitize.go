package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/store"
)

func runDigitize(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	fs := newFlags("digitize", stderr)
	dbPath := fs.String("db", "", "SQLite archive to create or update")
	csvDir := fs.String("csv", "", "folder to write the archive's tables to as CSV files")
	jobs := fs.Int("jobs", runtime.NumCPU(), "files extracted at once")
	check := fs.Bool("check", false, "also recheck every bulletin's numbers and keep the findings")
	reportDir := fs.String("report", "", "folder to write an HTML report of every file to, with index.html and units' trends (every file is read again)")
	urlList := fs.String("urls", "", "file of web page URLs to digitize too, one a line")
	interval := fs.Duration("url-interval", digitize.DefaultURLInterval, "least time between two web requests")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bulletin digitize [-db FILE.sqlite] [-csv DIR] [-report DIR] [-jobs N] [-check] [-urls FILE] PATH...")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	cfg := digitize.Config{Jobs: *jobs, Check: *check, URLInterval: *interval}
	if *urlList != "" {
		f, err := os.Open(*urlList)
		if err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			return exitUnreadable
		}
		cfg.URLs, err = digitize.ReadURLs(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "bulletin: %s: %v\n", *urlList, err)
			return exitUnreadable
		}
	}
	if fs.NArg() == 0 && len(cfg.URLs) == 0 {
		fs.Usage()
		return exitFindings
	}
	var db *store.SQLite
	if *dbPath != "" {
		var err error
		if db, err = store.OpenSQLite(*dbPath); err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			return exitUnreadable
		}
		defer func() {
			if err := db.Close(); err != nil {
				fmt.Fprintf(stderr, "bulletin: closing %s: %v\n", *dbPath, err)
				code = exitUnreadable
			}
		}()
		if cfg.Known, err = db.Known(ctx); err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			return exitUnreadable
		}
		cfg.Sinks = append(cfg.Sinks, db)
	}
	var csvOut *store.CSV
	if *csvDir != "" && db == nil {
		// Without a database the CSV files are written as the files are
		// read; with one, they are exported from it at the end, so they
		// hold the files skipped as unchanged too.
		var err error
		if csvOut, err = store.CreateCSV(*csvDir); err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			return exitUnreadable
		}
		cfg.Sinks = append(cfg.Sinks, csvOut)
	}
	var report *store.HTMLReport
	if *reportDir != "" {
		var err error
		if report, err = store.CreateHTMLReport(*reportDir); err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			return exitUnreadable
		}
		// A report covers every file given, so none is skipped as
		// unchanged: the archive's rows are replaced by the same ones.
		cfg.Known = nil
		cfg.Sinks = append(cfg.Sinks, report)
	}
	progress := newProgress(rawWriter(stderr))
	cfg.Progress = progress.update
	sum, err := digitize.Run(ctx, cfg, fs.Args()...)
	progress.finish()
	if report != nil {
		if cerr := report.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	switch {
	case csvOut != nil && err == nil:
		// The files replace the previous ones only when written whole;
		// a full disk shows here at the latest.
		err = csvOut.Close()
	case csvOut != nil:
		csvOut.Abort()
	case db != nil && *csvDir != "" && err == nil:
		err = store.ExportCSV(ctx, db, *csvDir)
	}
	out := terminalSafe(stdout) // paths and reasons quote file names
	printSummary(out, sum)
	out.Flush()
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "bulletin: interrupted; run again to complete the archive")
		return exitUnreadable
	case err != nil:
		fmt.Fprintf(stderr, "bulletin: %v\n", err)
		return exitUnreadable
	case sum.Failed > 0:
		return exitUnreadable
	}
	return exitOK
}

func printSummary(w io.Writer, s digitize.Summary) {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.OK+s.Failed) / s.Elapsed.Seconds()
	}
	notRead := ""
	if s.NotRead > 0 {
		notRead = fmt.Sprintf(", %d not read", s.NotRead)
	}
	fmt.Fprintf(w, "%d files: %d ok, %d failed, %d unchanged (skipped)%s; %d tables, %d rows, %d cells; %.1fs, %.1f files/s\n",
		s.Found, s.OK, s.Failed, s.Skipped, notRead, s.Tables, s.Rows, s.Cells, s.Elapsed.Seconds(), rate)
	if s.Errors+s.Warnings > 0 {
		fmt.Fprintf(w, "check: %d errors, %d warnings in the files read\n", s.Errors, s.Warnings)
	}
	for _, f := range s.Failures {
		fmt.Fprintf(w, "failed: %s: %s\n", f.Path, f.Reason)
	}
	for _, f := range s.Unread {
		fmt.Fprintf(w, "not read: %s: %s\n", f.Path, f.Reason)
	}
}

// progress shows how a run goes: a bar redrawn in place on a terminal,
// a plain line every few seconds otherwise (a log, a pipe).
type progress struct {
	w        io.Writer
	terminal bool
	last     time.Time
	shown    bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) update(s digitize.Progress) {
	now := time.Now()
	interval := 5 * time.Second
	if p.terminal {
		interval = 100 * time.Millisecond
	}
	if now.Sub(p.last) < interval && !(s.Last != nil && s.Last.File.Status == store.StatusFailed && !p.terminal) {
		return
	}
	p.last = now
	rate := float64(s.Done-s.Skipped) / max(s.Elapsed.Seconds(), 1e-9)
	total := fmt.Sprintf("%d", s.Found)
	if s.Walking {
		total += "+"
	}
	line := fmt.Sprintf("%d/%s files, %.1f/s, %d failed, %d unchanged", s.Done, total, rate, s.Failed, s.Skipped)
	if !p.terminal {
		fmt.Fprintln(p.w, line)
		return
	}
	const width = 30
	filled := 0
	if s.Found > 0 {
		filled = width * s.Done / s.Found
	}
	bar := strings.Repeat("=", filled) + strings.Repeat(" ", width-filled)
	fmt.Fprintf(p.w, "\r[%s] %s\033[K", bar, line)
	p.shown = true
}

func (p *progress) finish() {
	if p.terminal && p.shown {
		fmt.Fprintln(p.w)
	}
}
