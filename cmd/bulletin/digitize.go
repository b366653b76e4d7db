package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/store"
)

func runDigitize(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	fs := newFlags("digitize", stderr)
	dbPath := fs.String("db", "", "SQLite archive to create or update")
	csvDir := fs.String("csv", "", "folder to write the archive's tables to as CSV files")
	csvBOM := fs.Bool("csv-bom", true, "begin each CSV file with a UTF-8 byte order mark, which spreadsheet programs need to read UTF-8")
	jobs := fs.Int("jobs", runtime.NumCPU(), "files extracted at once (at least 1)")
	check := fs.Bool("check", false, "also recheck every bulletin's numbers and keep the findings")
	reportDir := fs.String("report", "", "folder to write an HTML report of every file to, with index.html and units' trends (every file is read again)")
	force := fs.Bool("force", false, "read every file again, changed or not")
	retryFailed := fs.Bool("retry-failed", true, "read again the files that failed before; with false their failures stand (and still count in the exit status)")
	prune := fs.Bool("prune", false, "remove the files that are gone from the archive, instead of marking them missing")
	urlList := fs.String("urls", "", "file of web page URLs to digitize too, one a line")
	interval := fs.Duration("url-interval", digitize.DefaultURLInterval, "least time between two web requests")
	batch := fs.Int("batch", digitize.DefaultBatchFiles, "most files written to the -db archive in one transaction (committed at least every 200ms too); a crash loses at most these")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bulletin digitize [-db FILE.sqlite] [-csv DIR] [-report DIR] [-jobs N] [-check] [-force] [-retry-failed=false] [-prune] [-urls FILE] [-url-interval D] [-batch N] PATH...")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() == 0 && *urlList == "":
		fs.Usage()
		return exitFindings
	case *dbPath == "" && *csvDir == "" && *reportDir == "":
		fmt.Fprintln(stderr, "bulletin digitize: no output named: give -db FILE.sqlite, -csv DIR or -report DIR")
		return exitFindings
	case *jobs < 1:
		fmt.Fprintf(stderr, "bulletin digitize: -jobs %d: must be at least 1\n", *jobs)
		return exitFindings
	case *prune && *dbPath == "":
		fmt.Fprintln(stderr, "bulletin digitize: -prune removes files from an archive: give -db FILE.sqlite")
		return exitFindings
	case *interval < 0:
		fmt.Fprintf(stderr, "bulletin digitize: -url-interval %v: must not be negative\n", *interval)
		return exitFindings
	case *batch < 1:
		fmt.Fprintf(stderr, "bulletin digitize: -batch %d: must be at least 1\n", *batch)
		return exitFindings
	}
	cfg := digitize.Config{Jobs: *jobs, Check: *check, Force: *force, SkipFailed: !*retryFailed, Prune: *prune, URLInterval: *interval,
		BatchFiles: *batch}
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
		if fs.NArg() == 0 && len(cfg.URLs) == 0 {
			fmt.Fprintf(stderr, "bulletin digitize: %s lists no URLs, and no PATH is given\n", *urlList)
			return exitFindings
		}
	}
	var csvOpts []store.CSVOption
	if !*csvBOM {
		csvOpts = append(csvOpts, store.WithoutBOM())
	}
	var db *store.SQLite
	if *dbPath != "" {
		var err error
		if db, err = store.OpenSQLite(*dbPath); err != nil {
			fmt.Fprintf(stderr, "bulletin: %v\n", err)
			return exitUnreadable
		}
		defer func() {
			// The last of the journal is written here: a full disk may
			// show only now.
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
		if csvOut, err = store.CreateCSV(*csvDir, csvOpts...); err != nil {
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
		cfg.Force = true
		cfg.Sinks = append(cfg.Sinks, report)
	}
	progress := newProgress(rawWriter(stderr)) // its own escapes draw the bar
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
		err = store.ExportCSV(ctx, db, *csvDir, csvOpts...)
	}
	out := terminalSafe(stdout) // paths and reasons quote file names
	printSummary(out, sum)
	if db != nil && err == nil {
		printArchive(ctx, out, *dbPath, db)
	}
	out.Flush()
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "bulletin: interrupted; run again to complete the archive")
		return exitUnreadable
	case err != nil:
		fmt.Fprintf(stderr, "bulletin: %v\n", err)
		return exitUnreadable
	case sum.Failed > 0 || len(sum.Standing) > 0:
		return exitUnreadable
	}
	return exitOK
}

func printSummary(w io.Writer, s digitize.Summary) {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.OK+s.Failed) / s.Elapsed.Seconds()
	}
	var extra strings.Builder
	if s.Reread > 0 {
		fmt.Fprintf(&extra, ", %d read again (older version or -force)", s.Reread)
	}
	if s.NotRead > 0 {
		fmt.Fprintf(&extra, ", %d not read", s.NotRead)
	}
	if s.Missing > 0 {
		fmt.Fprintf(&extra, ", %d missing", s.Missing)
		if s.Pruned > 0 {
			fmt.Fprintf(&extra, " (%d pruned)", s.Pruned)
		}
	}
	fmt.Fprintf(w, "%d files: %d ok, %d failed, %d unchanged (skipped)%s; %d tables, %d rows, %d cells; %.1fs, %.1f files/s\n",
		s.Found, s.OK, s.Failed, s.Skipped, extra.String(), s.Tables, s.Rows, s.Cells, s.Elapsed.Seconds(), rate)
	if s.Errors+s.Warnings > 0 {
		fmt.Fprintf(w, "check: %d errors, %d warnings in the files read\n", s.Errors, s.Warnings)
	}
	for _, f := range s.Failures {
		fmt.Fprintf(w, "failed: %s: %s\n", shownPath(f.Path), f.Reason)
	}
	for _, f := range s.Standing {
		fmt.Fprintf(w, "still failing (not retried): %s: %s\n", shownPath(f.Path), f.Reason)
	}
	for _, f := range s.Unread {
		fmt.Fprintf(w, "not read: %s: %s\n", shownPath(f.Path), f.Reason)
	}
}

// printArchive prints what the archive holds after the run.
func printArchive(ctx context.Context, w io.Writer, name string, db *store.SQLite) {
	var files, ok, failed, skipped, missing, bulletins int
	err := db.DB().QueryRowContext(ctx, `SELECT count(*), coalesce(sum(status = 'ok'), 0), coalesce(sum(status = 'failed'), 0),
		coalesce(sum(status = 'skipped'), 0), coalesce(sum(status = 'missing'), 0), (SELECT count(*) FROM bulletins) FROM files`).Scan(&files, &ok, &failed, &skipped, &missing, &bulletins)
	if err != nil {
		return
	}
	notRead := ""
	if skipped > 0 {
		notRead = fmt.Sprintf(", %d not read", skipped)
	}
	fmt.Fprintf(w, "%s: %d files (%d ok, %d failed%s, %d missing), %d bulletins\n", name, files, ok, failed, notRead, missing, bulletins)
}

// shownPath shows a path relative to the current folder when it is inside
// it, as a user would have typed it.
func shownPath(p string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(p) {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return rel
}
