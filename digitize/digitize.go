// Package digitize reads folders of bulletins, and lists of web pages, into
// an archive: it walks files and folders, counting them first, extracts
// every file (and fetches every page) on a bounded pool of workers and
// hands each result, ok or failed, to the archive's writers one file at a
// time, so memory stays flat whatever the number of files (but for the
// list of their paths).
//
// Every path found ends as one entry: with its bulletin, failed with the
// reason, or not read with the reason (status skipped). Symbolic links to
// files and folders are followed, a link looping back to a folder it is
// in is not; only regular files are opened, so a named pipe or a device
// neither blocks nor feeds a run forever. A file is its cleaned absolute
// path, whatever spelling of it was given. A file the archive holds ok,
// with the same content, read by a version no older than this one, is
// skipped; a changed file, one read by an older version (see
// extract.Version), and, unless SkipFailed, one that failed before are
// read again. Files the archive holds under the folders walked that are
// gone are marked missing, or removed with Prune.
//
// A SQLite archive (a sink with transactions, see [Sink]) gets the
// entries in batches: one transaction holds the files written since the
// last commit, and is committed once it holds Config.BatchFiles files or
// the first of them has waited Config.BatchInterval, whichever comes
// first, and at the end of the run. What a crash loses is the files in
// flight: those being read and those of the open batch, at most
// BatchFiles files or BatchInterval of a slow stream's work. It never
// leaves a file half written, nor a file twice: an entry is in the
// archive whole, committed, or not at all, and a re-run reads the files
// the archive does not hold. Cancelling the context stops the run between
// files (and a file's hashing or extraction as it goes) and commits the
// files finished, so a re-run completes an interrupted one.
package digitize

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/store"
	"github.com/hotline12345/bulletin/validate"
)

// Sink receives the entries of a run, one at a time, from one goroutine.
// *store.SQLite and *store.CSV are sinks. A sink that has transactions,
// a method Begin(context.Context) (*store.Batch, error) as *store.SQLite
// has, gets the entries in batches (see Config.BatchFiles), through the
// batch and not through Put.
type Sink interface {
	Put(ctx context.Context, e *store.Entry) error
}

// batcher is a sink with transactions.
type batcher interface {
	Begin(ctx context.Context) (*store.Batch, error)
}

// The batches of a sink with transactions, when Config leaves them zero.
const (
	DefaultBatchFiles    = 64
	DefaultBatchInterval = 200 * time.Millisecond
)

// Config configures a run. The zero value extracts with one worker per CPU
// and writes nowhere (useful to count and time).
type Config struct {
	// Jobs is the number of files extracted at once; 0 means
	// runtime.NumCPU().
	Jobs int
	// Limits bounds each extraction.
	Limits extract.Limits
	// Sinks receive every entry, in the order given.
	Sinks []Sink
	// Known is the archive's record of every file it holds, by path
	// (SQLite.Known): it decides which files are read again, and which are
	// missing.
	Known map[string]store.File
	// Check runs validate.Check on every bulletin read, and the archive
	// keeps its findings.
	Check bool
	// Version is the extractor version recorded with every file read, and
	// against which the archive's records are judged older; the zero value
	// means extract.CurrentVersion().
	Version extract.Version
	// Force reads every file again, whatever the archive holds.
	Force bool
	// SkipFailed leaves alone the files that failed before and have not
	// changed: their failures stand (Summary.Standing) instead of being
	// tried again.
	SkipFailed bool
	// Prune removes the files found missing from the archive, and a
	// bulletin with its last source, instead of marking them missing.
	Prune bool
	// BatchFiles is the most files a sink with transactions (store.SQLite)
	// gets in one; 0 means DefaultBatchFiles, 1 a transaction a file.
	BatchFiles int
	// BatchInterval is the longest the first file of a transaction waits
	// for its commit; 0 means DefaultBatchInterval.
	BatchInterval time.Duration
	// Progress, when set, is called after each file, and while the files
	// are counted.
	Progress func(Progress)
	// URLs are web pages to digitize besides the files, each with the
	// attachments it links to. The entry's path is the URL as given.
	URLs []string
	// URLInterval is the least time between two requests of the run
	// (pages and attachments); 0 means DefaultURLInterval.
	URLInterval time.Duration
	// HTTPClient fetches the URLs; nil means a client with
	// http.DefaultTransport.
	HTTPClient *http.Client

	client *http.Client // HTTPClient, paced
}

// Progress is the state of a run after a file.
type Progress struct {
	// Skipped counts the files left as the archive holds them; NotRead
	// the paths found but not read (see Summary.NotRead).
	Done, OK, Failed, Skipped, NotRead int
	// Found is the number of files found so far; Walking is true while
	// the files are being counted, before any is read. After that Found is
	// the total.
	Found   int
	Walking bool
	Elapsed time.Duration
	// Last is the entry just written (nil for a skipped file); a sink
	// with transactions commits it with its batch.
	Last *store.Entry
}

// Summary is what a run did. Found is OK + Failed + Skipped + NotRead of a
// run that ends; the files written count once committed (a batch rolled
// back after a sink's error is not).
type Summary struct {
	// Skipped counts the files left as the archive holds them. NotRead
	// counts the paths found but not read, which the archive holds with
	// status skipped and the reason: what is not a regular file (a named
	// pipe, a device, a socket), a symbolic link that loops or leads
	// nowhere, a folder reached again through a link, a hidden file or
	// folder.
	Found, OK, Failed, Skipped, NotRead int
	// Reread counts the files read again because an older version had
	// read them (or Force); they are among OK and Failed.
	Reread int
	// Missing counts the files of the archive under the folders walked
	// that are gone; Pruned those of them removed.
	Missing, Pruned int
	// Tables, Rows and Cells count what was extracted from the files read
	// in this run; Errors and Warnings the findings of the check.
	Tables, Rows, Cells int
	Errors, Warnings    int
	Elapsed             time.Duration
	// Failures lists the files that failed in this run with their
	// reasons; Standing the files that failed before and were left alone
	// (SkipFailed), with the reasons recorded then; Unread the paths not
	// read, with theirs.
	Failures []store.File
	Standing []store.File
	Unread   []store.File
}

// Run digitizes the files and folders in paths. It returns an error only
// when a sink fails or the walk cannot start; files that cannot be read are
// failed entries, not errors. After cancellation it returns the context's
// error with the summary of what was written.
func Run(ctx context.Context, cfg Config, paths ...string) (Summary, error) {
	start := time.Now()
	jobs := cfg.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if cfg.Version == (extract.Version{}) {
		cfg.Version = extract.CurrentVersion()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	roots, err := absPaths(paths)
	if err != nil {
		return Summary{}, err
	}
	list, err := count(ctx, cfg, roots)
	if err != nil {
		return Summary{Found: len(list)}, err
	}

	files := make(chan found, jobs)
	results := make(chan result, jobs)
	if len(cfg.URLs) > 0 {
		cfg.client = cfg.httpClient()
	}
	go func() {
		defer close(files)
		for _, p := range list {
			select {
			case files <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range files {
				r := process(ctx, f, cfg)
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// sum counts what the archive holds; pend what the open batches hold,
	// counted in sum once committed.
	sum, pend := Summary{Found: len(list)}, Summary{}
	w := newWriter(ctx, cfg)
	commit := func() error {
		if err := w.commit(); err != nil {
			return err
		}
		sum.add(&pend)
		pend = Summary{}
		return nil
	}
	var sinkErr error
	fail := func(err error) {
		sinkErr = err
		w.abort()
		pend = Summary{}
		cancel()
	}
	for results != nil {
		var r result
		select {
		case r2, ok := <-results:
			if !ok {
				results = nil
				continue
			}
			r = r2
		case <-w.due:
			if err := commit(); err != nil {
				fail(err)
			}
			continue
		}
		if ctx.Err() != nil || r.interrupted {
			continue // not written: a re-run reads it
		}
		p := Progress{}
		switch {
		case r.standing != nil:
			sum.Skipped++
			sum.Standing = append(sum.Standing, *r.standing)
		case r.skipped:
			sum.Skipped++
		default:
			if err := w.put(r.entry); err != nil {
				fail(err)
				continue
			}
			p.Last = r.entry
			if r.reread {
				pend.Reread++
			}
			switch r.entry.File.Status {
			case store.StatusOK:
				pend.OK++
				pend.count(r.entry)
			case store.StatusSkipped:
				pend.NotRead++
				pend.Unread = append(pend.Unread, r.entry.File)
			default:
				pend.Failed++
				pend.Failures = append(pend.Failures, r.entry.File)
			}
			if w.full() {
				if err := commit(); err != nil {
					fail(err)
					continue
				}
			}
		}
		if cfg.Progress != nil {
			ok, failed, notRead := sum.OK+pend.OK, sum.Failed+pend.Failed, sum.NotRead+pend.NotRead
			p.Done, p.OK, p.Failed, p.Skipped, p.NotRead = ok+failed+sum.Skipped+notRead, ok, failed, sum.Skipped, notRead
			p.Found, p.Elapsed = sum.Found, time.Since(start)
			cfg.Progress(p)
		}
	}
	if sinkErr == nil && ctx.Err() == nil {
		// Only a whole walk tells which files are gone.
		if err := missing(cfg, roots, list, w.put, &pend); err != nil {
			fail(err)
		}
	}
	if sinkErr == nil {
		// Cancelled or not, the files written are whole: committed.
		if err := commit(); err != nil {
			fail(err)
		}
	}
	sum.Elapsed = time.Since(start)
	if sinkErr != nil {
		return sum, sinkErr
	}
	return sum, ctx.Err()
}

// add counts what d counts of the files written.
func (s *Summary) add(d *Summary) {
	s.OK += d.OK
	s.Failed += d.Failed
	s.NotRead += d.NotRead
	s.Reread += d.Reread
	s.Missing += d.Missing
	s.Pruned += d.Pruned
	s.Tables += d.Tables
	s.Rows += d.Rows
	s.Cells += d.Cells
	s.Errors += d.Errors
	s.Warnings += d.Warnings
	s.Failures = append(s.Failures, d.Failures...)
	s.Unread = append(s.Unread, d.Unread...)
}

// writer hands the entries to the sinks: to a sink with transactions in
// batches, to another one at a time.
type writer struct {
	ctx   context.Context // the run's
	sinks []Sink
	open  []*store.Batch // by sink: its open batch, if any
	// files is how many entries the open batches hold, most the most
	// they may; every the longest the first may wait.
	files, most int
	every       time.Duration
	timer       *time.Timer
	// due delivers when the open batches are to be committed; nil while
	// none is open.
	due <-chan time.Time
}

func newWriter(ctx context.Context, cfg Config) *writer {
	w := &writer{ctx: ctx, sinks: cfg.Sinks, open: make([]*store.Batch, len(cfg.Sinks)),
		most: cfg.BatchFiles, every: cfg.BatchInterval}
	if w.most <= 0 {
		w.most = DefaultBatchFiles
	}
	if w.every <= 0 {
		w.every = DefaultBatchInterval
	}
	return w
}

// put writes e to every sink.
func (w *writer) put(e *store.Entry) error {
	batched := false
	for i, s := range w.sinks {
		b, ok := s.(batcher)
		if !ok {
			if err := s.Put(w.ctx, e); err != nil {
				return err
			}
			continue
		}
		// A transaction not tied to the run's context: a cancelled run
		// commits the files it finished rather than losing them. Each
		// statement is short, so nothing waits long on it.
		ctx := context.WithoutCancel(w.ctx)
		if w.open[i] == nil {
			var err error
			if w.open[i], err = b.Begin(ctx); err != nil {
				return err
			}
		}
		if err := w.open[i].Put(ctx, e); err != nil {
			return err
		}
		batched = true
	}
	if batched {
		w.files++
		if w.files == 1 {
			w.startTimer()
		}
	}
	return nil
}

func (w *writer) startTimer() {
	if w.timer == nil {
		w.timer = time.NewTimer(w.every)
	} else {
		w.timer.Reset(w.every)
	}
	w.due = w.timer.C
}

// full reports whether the open batches hold as many files as they may.
func (w *writer) full() bool { return w.files >= w.most }

// commit commits the open batches.
func (w *writer) commit() error {
	w.stopTimer()
	var first error
	for i, b := range w.open {
		if b == nil {
			continue
		}
		if err := b.Commit(); err != nil && first == nil {
			first = err
		}
		w.open[i] = nil
	}
	w.files = 0
	return first
}

// abort rolls back the open batches.
func (w *writer) abort() {
	w.stopTimer()
	for i, b := range w.open {
		if b != nil {
			b.Rollback()
			w.open[i] = nil
		}
	}
	w.files = 0
}

func (w *writer) stopTimer() {
	if w.timer != nil {
		w.timer.Stop()
	}
	w.due = nil
}

// count walks the roots first, so that progress has a total: it returns
// the URLs and then the paths found, in the walk's order.
func count(ctx context.Context, cfg Config, roots []string) ([]found, error) {
	start := time.Now()
	list := make([]found, 0, len(cfg.URLs))
	for _, u := range cfg.URLs {
		list = append(list, found{path: u})
	}
	err := walk(ctx, roots, func(f found) {
		list = append(list, f)
		if cfg.Progress != nil && len(list)%countEvery == 0 {
			cfg.Progress(Progress{Found: len(list), Walking: true, Elapsed: time.Since(start)})
		}
	})
	return list, err
}

// countEvery is how many files the count reports progress after.
const countEvery = 500

func (s *Summary) count(e *store.Entry) {
	for _, f := range e.Findings {
		switch f.Severity {
		case validate.Error:
			s.Errors++
		case validate.Warning:
			s.Warnings++
		}
	}
	b := e.Bulletin
	s.Tables += len(b.Tables)
	for _, t := range b.Tables {
		s.Rows += len(t.Rows)
		for _, r := range t.Rows {
			s.Cells += len(r.Cells)
		}
	}
}

// found is a path the walk hands to the workers: a file to read, or, when
// skip is set, a path not to read and why.
type found struct {
	path, skip string
}

// walk gives emit every file under paths, in lexical order, following symbolic
// links to files and folders. What is not a regular file, a link that
// loops back to a folder it is in or leads nowhere, a folder already
// walked (reached again through a link) and hidden files and folders
// inside the folders given are given with the reason they are not read. A
// path that does not exist is given as is, to be reported as a failed
// file. The context is checked before each path.
func walk(ctx context.Context, paths []string, emit func(found)) error {
	w := &walker{ctx: ctx, emit: emit, walked: map[fileKey]string{}}
	for _, root := range paths {
		info, err := os.Stat(root) // a root that is a link to a folder is the folder
		if err != nil || !info.IsDir() {
			if err := w.send(found{path: root}); err != nil {
				return err
			}
			continue
		}
		if err := w.dir(root, info, nil); err != nil {
			return err
		}
	}
	return nil
}

// walker walks the folders of one run.
type walker struct {
	ctx  context.Context
	emit func(found)
	// walked maps each folder walked, by device and inode, to its path.
	walked map[fileKey]string
}

func (w *walker) send(f found) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	w.emit(f)
	return nil
}

// dir walks the folder at path; above are the folders it is in.
func (w *walker) dir(path string, info fs.FileInfo, above []fs.FileInfo) error {
	for _, a := range above {
		if os.SameFile(a, info) {
			return w.send(found{path: path, skip: "symbolic link loop: leads back to a folder it is in"})
		}
	}
	if key, ok := keyOf(info); ok {
		if first, seen := w.walked[key]; seen {
			return w.send(found{path: path, skip: "folder already read as " + first})
		}
		w.walked[key] = path
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		// An unreadable folder is a failed entry.
		return w.send(found{path: path})
	}
	above = append(above, info)
	for _, e := range entries {
		p := filepath.Join(path, e.Name())
		if strings.HasPrefix(e.Name(), ".") {
			what := "hidden file"
			if e.IsDir() {
				what = "hidden folder, not searched"
			}
			if err := w.send(found{path: p, skip: what}); err != nil {
				return err
			}
			continue
		}
		mode := e.Type()
		var info fs.FileInfo
		if mode&fs.ModeSymlink != 0 || mode.IsDir() {
			if info, err = os.Stat(p); err != nil {
				if err := w.send(found{path: p, skip: "symbolic link to nothing readable: " + pathErr(err)}); err != nil {
					return err
				}
				continue
			}
			mode = info.Mode()
		}
		switch {
		case mode.IsDir():
			err = w.dir(p, info, above)
		case mode.IsRegular():
			err = w.send(found{path: p})
		default:
			err = w.send(found{path: p, skip: notRegular(mode)})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// notRegular says what a file that is not a regular file is.
func notRegular(m fs.FileMode) string {
	what := "an irregular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a block device"
	}
	return "not a regular file: " + what
}

// pathErr is an error's message without the path, which the entry holds.
func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// result is a worker's outcome for one file.
type result struct {
	entry       *store.Entry
	skipped     bool
	interrupted bool
	// reread is set for a file read again because an older version read
	// it; standing for a failure left alone, with the archive's record.
	reread   bool
	standing *store.File
}

// process reads one file.
func process(ctx context.Context, fd found, cfg Config) (r result) {
	path := fd.path
	entry := &store.Entry{File: store.File{Path: path, Status: store.StatusFailed, Processed: time.Now(),
		Extractor: cfg.Version.Module, Revision: cfg.Version.Revision}}
	r.entry = entry
	if fd.skip != "" {
		entry.File.Status, entry.File.Reason = store.StatusSkipped, fd.skip
		return r
	}
	defer func() {
		// A bug in the extractors must not stop the batch: the file is
		// recorded as failed with the panic, to be reported and fixed.
		if p := recover(); p != nil {
			entry.Bulletin = nil
			entry.File.Status = store.StatusFailed
			entry.File.Reason = fmt.Sprintf("internal error (please report): %v", p)
		}
	}()
	if extract.IsURL(path) {
		processURL(ctx, path, cfg, &r)
		return r
	}
	// Only regular files are read: a named pipe would block the worker,
	// a device never end. The mode is looked at before the file is
	// opened, and again on the file opened.
	info, err := os.Stat(path)
	if err != nil {
		entry.File.Reason = err.Error()
		return r
	}
	if !info.Mode().IsRegular() {
		entry.File.Status, entry.File.Reason = store.StatusSkipped, notRegular(info.Mode())
		return r
	}
	f, err := openRegular(path)
	if err != nil {
		entry.File.Reason = err.Error()
		return r
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		entry.File.Reason = err.Error()
		return r
	}
	if !opened.Mode().IsRegular() || !os.SameFile(info, opened) {
		entry.File.Status, entry.File.Reason = store.StatusSkipped, "replaced while being read: "+notRegular(opened.Mode())
		return r
	}
	size := opened.Size()
	entry.File.Size = size
	// The format by content, for the record of a file that fails (an
	// image or an archive has none: its reason says what it is).
	if format, err := extract.Detect(ctx, f, size, cfg.Limits); err == nil {
		entry.File.Format = string(format)
	}
	// The hash covers the size read above, as extraction does, however
	// the file grows meanwhile; the context is checked as it goes.
	h := sha256.New()
	if _, err := io.Copy(h, &ctxReader{ctx: ctx, r: io.NewSectionReader(f, 0, size)}); err != nil {
		if ctx.Err() != nil {
			r.interrupted = true
		}
		entry.File.Reason = err.Error()
		return r
	}
	entry.File.SHA256 = hex.EncodeToString(h.Sum(nil))
	if cfg.leave(path, entry.File.SHA256, &r) {
		return r
	}
	b, err := extract.Extract(ctx, f, size, extract.WithName(filepath.Base(path)), extract.WithLimits(cfg.Limits),
		extract.WithLocation(path))
	if err != nil {
		if ctx.Err() != nil {
			r.interrupted = true
		}
		var pe *extract.ParseError
		if errors.As(err, &pe) {
			pe.File = "" // the path is in the entry already
		}
		entry.File.Reason = err.Error()
		return r
	}
	entry.File.Format = b.Source.Format
	if len(b.Tables) == 0 && len(b.Figures) == 0 {
		// Read, but nothing of a bulletin in it: say so rather than
		// count it as digitized.
		entry.File.Reason = "no tables or figures found; not a bulletin?"
		return r
	}
	entry.File.Status = store.StatusOK
	entry.Bulletin = b
	entry.Content = store.ContentHash(b) // here, on the worker, not in the writer
	if cfg.Check {
		entry.Findings = validate.Check(b).Findings
	}
	return r
}

// ctxReader reads r until ctx ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
