package main

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/validate"
)

// The serve page is one embedded template with its style inline; the
// server has no other files and never opens one.
//
//go:embed serve.html
var serveFiles embed.FS

var serveForm = template.Must(template.ParseFS(serveFiles, "serve.html"))

// serveConfig bounds what one request may cost. The zero value of a field
// means its default (see withDefaults).
type serveConfig struct {
	// MaxUpload bounds the bytes of one uploaded file.
	MaxUpload int64
	// Timeout bounds reading a request (ReadTimeout) and checking its file.
	Timeout time.Duration
	// Jobs is the number of files read and checked at once; a request
	// holds a slot while its file is uploaded and checked, so at most
	// Jobs uploads are in memory.
	Jobs int
	// QueueWait is how long a request waits for a free slot before it is
	// refused with 503.
	QueueWait time.Duration
	// LocalOnly refuses requests whose Host is not a loopback name, so a
	// web page elsewhere cannot reach the server by DNS rebinding.
	LocalOnly bool
	// Limits bounds each extraction.
	Limits extract.Limits
}

const (
	defaultMaxUpload = 32 << 20
	defaultTimeout   = 60 * time.Second
	// multipartSlack is what a form may add to the file: boundaries, part
	// headers and the small fields.
	multipartSlack = 64 << 10
)

func (c serveConfig) withDefaults() serveConfig {
	if c.MaxUpload <= 0 {
		c.MaxUpload = defaultMaxUpload
	}
	if c.Timeout <= 0 {
		c.Timeout = defaultTimeout
	}
	if c.Jobs <= 0 {
		c.Jobs = runtime.NumCPU()
	}
	if c.QueueWait <= 0 {
		c.QueueWait = c.Timeout / 2
	}
	return c
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; the default answers this machine only")
	maxMB := fs.Int64("max-upload", defaultMaxUpload>>20, "largest file accepted, in MiB")
	timeout := fs.Duration("timeout", defaultTimeout, "longest time to upload and check one file")
	jobs := fs.Int("jobs", runtime.NumCPU(), "files checked at once")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bulletin serve [-addr 127.0.0.1:8080] [-max-upload MiB] [-timeout 60s] [-jobs N]")
		fmt.Fprintln(stderr, "Serves a page where a bulletin file is uploaded and its report shown; nothing is kept.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 || *maxMB <= 0 || *maxMB > 1<<20 {
		fs.Usage()
		return exitFindings
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "bulletin: %v\n", err)
		return exitFindings
	}
	cfg := serveConfig{MaxUpload: *maxMB << 20, Timeout: *timeout, Jobs: *jobs, LocalOnly: isLoopback(ln.Addr())}
	srv := newServeServer(cfg)
	fmt.Fprintf(stdout, "bulletin serve: open http://%s/ in a browser; Ctrl-C stops\n", ln.Addr())
	if !cfg.LocalOnly {
		fmt.Fprintf(stderr, "bulletin serve: listening on %s: anyone who can reach it can upload files\n", ln.Addr())
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	err = srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		<-done
		return exitOK
	}
	fmt.Fprintf(stderr, "bulletin: %v\n", err)
	return exitFindings
}

// isLoopback reports whether a listening address answers this machine only.
func isLoopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// newServeServer returns the HTTP server of `bulletin serve` with its
// timeouts: a slow or stalled client is cut off after cfg.Timeout.
func newServeServer(cfg serveConfig) *http.Server {
	cfg = cfg.withDefaults()
	return &http.Server{
		Handler:           newServeHandler(cfg),
		ReadHeaderTimeout: min(cfg.Timeout, 10*time.Second),
		ReadTimeout:       cfg.Timeout,
		WriteTimeout:      2*cfg.Timeout + cfg.QueueWait,
		IdleTimeout:       2 * cfg.Timeout,
		MaxHeaderBytes:    64 << 10,
	}
}

type serveHandler struct {
	cfg   serveConfig
	slots chan struct{}
}

// newServeHandler routes GET / to the form and POST /check to the check of
// an uploaded file; every other path is 404: no file of the machine is
// ever served.
func newServeHandler(cfg serveConfig) http.Handler {
	cfg = cfg.withDefaults()
	return (&serveHandler{cfg: cfg, slots: make(chan struct{}, cfg.Jobs)}).routes()
}

func (h *serveHandler) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.form)
	mux.HandleFunc("POST /check", h.check)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h.fail(w, http.StatusNotFound, "There is no page %q here: the only pages are the form and its report.", r.URL.Path)
	})
	return h.guard(mux)
}

// guard sets the headers every answer carries and refuses foreign hosts.
func (h *serveHandler) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		// Pages have inline styles and data: links, nothing else: no
		// script, no request to anywhere.
		hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cache-Control", "no-store")
		if h.cfg.LocalOnly && !loopbackHost(r.Host) {
			h.fail(w, http.StatusForbidden, "This server answers only to localhost, not to %q.", r.Host)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// formPage is what serve.html shows.
type formPage struct {
	Error     string
	MaxUpload string
}

func (h *serveHandler) form(w http.ResponseWriter, r *http.Request) {
	h.page(w, http.StatusOK, "")
}

// fail answers with the form and the reason the request failed.
func (h *serveHandler) fail(w http.ResponseWriter, code int, format string, args ...any) {
	h.page(w, code, fmt.Sprintf(format, args...))
}

func (h *serveHandler) page(w http.ResponseWriter, code int, msg string) {
	var buf bytes.Buffer
	if err := serveForm.Execute(&buf, formPage{Error: msg, MaxUpload: byteSize(h.cfg.MaxUpload)}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// upload is what the form sent: one file, held in memory only, and the
// output asked for. (When web pages can be read, a URL field is one more
// source here: readUpload gives the bytes whatever their origin.)
type upload struct {
	name   string
	data   []byte
	format string
}

var (
	errTooLarge = errors.New("file too large")
	errNoFile   = errors.New("no file chosen")
	errFormat   = errors.New("unknown output format")
)

// readUpload reads the multipart form part by part, keeping the file in
// memory up to max bytes; unlike ParseMultipartForm it never spills a part
// to a temporary file, so nothing of an upload touches the disk.
func readUpload(r *http.Request, max int64) (upload, error) {
	up := upload{format: "html"}
	mr, err := r.MultipartReader()
	if err != nil {
		return up, err
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return up, err
		}
		switch part.FormName() {
		case "file":
			data, err := io.ReadAll(io.LimitReader(part, max+1))
			if err != nil {
				return up, err
			}
			if int64(len(data)) > max {
				return up, errTooLarge
			}
			if part.FileName() == "" && len(data) == 0 {
				continue // the file field left empty
			}
			up.name, up.data = cleanName(part.FileName()), data
		case "format":
			v, err := io.ReadAll(io.LimitReader(part, 16))
			if err != nil {
				return up, err
			}
			up.format = string(v)
		default:
			if _, err := io.Copy(io.Discard, part); err != nil {
				return up, err
			}
		}
	}
	switch {
	case up.data == nil:
		return up, errNoFile
	case up.format != "html" && up.format != "csv" && up.format != "json":
		return up, errFormat
	}
	return up, nil
}

// cleanName keeps the base of an uploaded file's name, without control
// characters; it names the file in the report and the downloads.
func cleanName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "" || name == "." || name == "/" {
		return "upload"
	}
	return name
}

// check reads the uploaded file, extracts and checks it, and answers with
// the report page, or the records as CSV or JSON. Each failure is an HTTP
// error with the form and the reason: 400 a malformed form, 408 a client
// too slow to send its file, 413 a file over the limit, 422 a file that is
// not a readable bulletin, 503 no free slot or a check that ran out of
// time.
func (h *serveHandler) check(w http.ResponseWriter, r *http.Request) {
	maxBody := h.cfg.MaxUpload + multipartSlack
	if r.ContentLength > maxBody {
		h.fail(w, http.StatusRequestEntityTooLarge, "The file is larger than the limit of %s.", byteSize(h.cfg.MaxUpload))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)

	wait := time.NewTimer(h.cfg.QueueWait)
	defer wait.Stop()
	select {
	case h.slots <- struct{}{}:
		defer func() { <-h.slots }()
	case <-wait.C:
		w.Header().Set("Retry-After", "10")
		h.fail(w, http.StatusServiceUnavailable, "The server is busy checking %d files; try again in a moment.", h.cfg.Jobs)
		return
	case <-r.Context().Done():
		return // the client is gone
	}

	up, err := readUpload(r, h.cfg.MaxUpload)
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
	case errors.Is(err, errTooLarge) || errors.As(err, &tooBig):
		h.fail(w, http.StatusRequestEntityTooLarge, "The file is larger than the limit of %s.", byteSize(h.cfg.MaxUpload))
		return
	case errors.Is(err, os.ErrDeadlineExceeded):
		h.fail(w, http.StatusRequestTimeout, "The file did not arrive within %s.", h.cfg.Timeout)
		return
	case errors.Is(err, errNoFile):
		h.fail(w, http.StatusBadRequest, "Choose a bulletin file first.")
		return
	default:
		h.fail(w, http.StatusBadRequest, "The form could not be read: %v.", err)
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), h.cfg.Timeout)
	defer cancel()
	b, err := extract.Extract(ctx, bytes.NewReader(up.data), int64(len(up.data)),
		extract.WithName(up.name), extract.WithLimits(h.cfg.Limits))
	switch {
	case ctx.Err() != nil && r.Context().Err() == nil:
		h.fail(w, http.StatusServiceUnavailable, "Reading %s took longer than %s.", up.name, h.cfg.Timeout)
		return
	case err != nil:
		h.fail(w, http.StatusUnprocessableEntity, "%s could not be read as a bulletin: %v", up.name, err)
		return
	case len(b.Tables) == 0 && len(b.Figures) == 0:
		h.fail(w, http.StatusUnprocessableEntity, "No tables or figures were found in %s: is it a bulletin?", up.name)
		return
	}
	body, ctype, err := h.render(up, b)
	if err != nil {
		h.fail(w, http.StatusInternalServerError, "The report could not be made: %v", err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	if up.format != "html" {
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": downloadName(up.name, up.format)}))
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// render makes the answer to an upload: the report page with the records
// as downloads inside it, or the CSV (with a BOM, for spreadsheet programs)
// or JSON alone.
func (h *serveHandler) render(up upload, b *model.Bulletin) (body []byte, contentType string, err error) {
	var csvBuf, jsonBuf bytes.Buffer
	if err := writeCSV(&csvBuf, []*model.Bulletin{b}, true); err != nil {
		return nil, "", err
	}
	switch up.format {
	case "csv":
		return csvBuf.Bytes(), "text/csv; charset=utf-8", nil
	}
	if err := writeJSON(&jsonBuf, []*model.Bulletin{b}, true); err != nil {
		return nil, "", err
	}
	if up.format == "json" {
		return jsonBuf.Bytes(), "application/json", nil
	}
	var page bytes.Buffer
	err = validate.HTML(&page, b, validate.Check(b),
		validate.WithLinks(validate.Link{Text: "← Check another file", URL: "/"}),
		validate.WithAttachments(
			validate.Attachment{Label: "Download the records as CSV", Name: downloadName(up.name, "csv"), Type: "text/csv; charset=utf-8", Data: csvBuf.Bytes()},
			validate.Attachment{Label: "Download the records as JSON", Name: downloadName(up.name, "json"), Type: "application/json", Data: jsonBuf.Bytes()},
		))
	return page.Bytes(), "text/html; charset=utf-8", err
}

// downloadName is the uploaded name with the extension of the download.
func downloadName(name, ext string) string {
	if e := path.Ext(name); e != "" && len(e) < len(name) {
		name = strings.TrimSuffix(name, e)
	}
	return name + "." + ext
}
