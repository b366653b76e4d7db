package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// URL fetches the bulletin at rawURL, a web page (or a DOCX, PDF, text …
// file) on an http or https server, and reads it like Extract, with the
// attachments the page links to fetched too and their tables joined to
// the page's (Source.Parts). The fetch is bounded by the Limits: the body
// by MaxInputBytes (a Content-Length above it is refused before reading),
// redirects by MaxRedirects, the whole fetch by FetchTimeout. Errors are
// *ParseError values naming the URL, wrapping ErrFetch for a server that
// cannot be reached, answers with a status other than 200 or sends a
// content type that is not a format read (that one also wraps
// ErrUnsupported), ErrLimit, or the context's error (a timeout is
// context.DeadlineExceeded).
func URL(ctx context.Context, rawURL string, opts ...Option) (*model.Bulletin, error) {
	cfg := config{}
	for _, o := range opts {
		o(&cfg)
	}
	res, err := Fetch(ctx, rawURL, opts...)
	if err != nil {
		return nil, err
	}
	return res.Extract(ctx, opts...)
}

// Fetched is a page or file fetched from the web.
type Fetched struct {
	// URL is the address the body came from, after redirects.
	URL string
	// ContentType is the response's Content-Type.
	ContentType string
	Body        []byte
}

// Fetch GETs rawURL within the limits, as URL does, without reading what
// it fetched: a program that keeps an archive can hash the body and skip a
// page it already has before Fetched.Extract reads it and fetches its
// attachments. Errors are as URL's.
func Fetch(ctx context.Context, rawURL string, opts ...Option) (*Fetched, error) {
	cfg := config{}
	for _, o := range opts {
		o(&cfg)
	}
	res, err := fetch(ctx, cfg.page.client, rawURL, cfg.limits.WithDefaults())
	if err != nil {
		return nil, &ParseError{File: rawURL, Err: err}
	}
	return &Fetched{URL: res.url, ContentType: res.contentType, Body: res.body}, nil
}

// Extract reads the bulletin in a fetched body, as URL does: named after
// its URL, decoded by its Content-Type, with the attachments of a page
// fetched relative to its URL.
func (f *Fetched) Extract(ctx context.Context, opts ...Option) (*model.Bulletin, error) {
	opts = append([]Option{WithName(nameOf(f.URL)), WithContentType(f.ContentType)}, opts...)
	opts = append(opts, WithLocation(f.URL))
	b, err := Extract(ctx, bytes.NewReader(f.Body), int64(len(f.Body)), opts...)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = f.URL
	}
	return b, err
}

// nameOf returns the file name a URL's path ends in, or the URL.
func nameOf(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return u
	}
	if base := path.Base(pu.Path); base != "." && base != "/" && base != "" {
		if b, err := url.PathUnescape(base); err == nil {
			return b
		}
		return base
	}
	return pu.Host
}

// fetched is a response read whole.
type fetched struct {
	url         string // after redirects
	contentType string
	body        []byte
}

// userAgent names the program to the servers it fetches from.
const userAgent = "bulletin (12345-hotline bulletin reader; +https://github.com/hotline12345/bulletin)"

// fetch GETs rawURL within the limits.
func fetch(ctx context.Context, client *http.Client, rawURL string, lim Limits) (*fetched, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFetch, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %q is not an http or https URL", ErrFetch, rawURL)
	}
	c := http.Client{}
	if client != nil {
		c = *client
	}
	c.Timeout = 0 // the context below bounds the fetch
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > lim.MaxRedirects {
			return fmt.Errorf("%w: more than %d redirects (last to %s)", ErrLimit, lim.MaxRedirects, req.URL)
		}
		if client != nil && client.CheckRedirect != nil {
			return client.CheckRedirect(req, via)
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, lim.FetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFetch, err)
	}
	req.Header.Set("User-Agent", userAgent)
	resp, err := c.Do(req)
	if err != nil {
		return nil, fetchError(ctx, err, lim.FetchTimeout)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: %s answered %s", ErrFetch, final, resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	if !readableType(ct) {
		return nil, fmt.Errorf("%w: %w: %s is %s, not a web page or a document", ErrFetch, ErrUnsupported, final, ct)
	}
	if resp.ContentLength > lim.MaxInputBytes {
		return nil, fmt.Errorf("%w: %s declares %d bytes", block.Exceeded("input bytes", lim.MaxInputBytes), final, resp.ContentLength)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, lim.MaxInputBytes+1))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) && resp.ContentLength > 0 {
			return nil, fmt.Errorf("%w: %s ended after %d of the %d bytes it declared", ErrFetch, final, len(body), resp.ContentLength)
		}
		return nil, fetchError(ctx, err, lim.FetchTimeout)
	}
	if int64(len(body)) > lim.MaxInputBytes {
		return nil, fmt.Errorf("%w: %s sends more", block.Exceeded("input bytes", lim.MaxInputBytes), final)
	}
	return &fetched{url: final, contentType: ct, body: body}, nil
}

// fetchError classifies a failed request: the context's end (a timeout)
// wraps the context's error, a limit its sentinel, the rest ErrFetch.
func fetchError(ctx context.Context, err error, timeout time.Duration) error {
	switch {
	case errors.Is(err, ErrLimit):
		var ue *url.Error
		if errors.As(err, &ue) {
			return ue.Err // the redirect limit, without "Get …:"
		}
		return err
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("%w: no complete answer within %v: %w", ErrFetch, timeout, ctx.Err())
	case ctx.Err() != nil:
		return fmt.Errorf("%w: %w", ErrFetch, ctx.Err())
	}
	return fmt.Errorf("%w: %v", ErrFetch, err)
}

// readableType reports whether a response's Content-Type may be a format
// Extract reads (servers label documents loosely, so a generic binary type
// is let through to be detected from the content).
func readableType(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "multipart/related", "message/rfc822",
		"application/x-mimearchive", "application/pdf", "application/x-pdf", "application/msword",
		"application/vnd.ms-excel", "application/vnd.ms-word", "application/kswps", "application/wps-office.doc",
		"application/wps-office.docx", "application/vnd.ms-works", "application/zip", "application/x-zip-compressed",
		"application/octet-stream", "binary/octet-stream", "application/x-download", "application/force-download",
		"application/download", "application/unknown", "text/csv":
		return true
	}
	return strings.HasPrefix(mt, "application/vnd.openxmlformats-officedocument.") ||
		strings.HasPrefix(mt, "application/vnd.ms-excel.") || strings.HasPrefix(mt, "application/vnd.ms-word.")
}
