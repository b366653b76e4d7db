package digitize

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/store"
	"github.com/hotline12345/bulletin/validate"
)

// Web pages are digitized like files: a URL is an entry whose path is the
// URL as listed (never made absolute, never marked missing) and whose hash
// is that of the page fetched, so a re-run fetches each page again but
// reads only those whose content changed, or that an older version read.
// Requests (pages and their attachments) are spaced by Config.URLInterval
// over all workers, to be gentle with the servers.

// ReadURLs reads a list of URLs, one a line; blank lines and lines starting
// with # are skipped.
func ReadURLs(r io.Reader) ([]string, error) {
	var urls []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		urls = append(urls, line)
	}
	return urls, sc.Err()
}

// DefaultURLInterval is the least time between two requests when
// Config.URLInterval is zero.
const DefaultURLInterval = time.Second

// pacer spaces the start of requests.
type pacer struct {
	mu    sync.Mutex
	every time.Duration
	next  time.Time
}

// wait blocks until the next request may start.
func (p *pacer) wait(ctx context.Context) error {
	p.mu.Lock()
	now := time.Now()
	at := p.next
	if at.Before(now) {
		at = now
	}
	p.next = at.Add(p.every)
	p.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// pacedTransport waits for the pacer before each request.
type pacedTransport struct {
	pace *pacer
	base http.RoundTripper
}

func (t *pacedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.pace.wait(req.Context()); err != nil {
		return nil, err
	}
	return t.base.RoundTrip(req)
}

// httpClient returns the client a run fetches with: the configured one (or
// a default) with its requests paced.
func (cfg *Config) httpClient() *http.Client {
	c := &http.Client{}
	if cfg.HTTPClient != nil {
		*c = *cfg.HTTPClient
	}
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	every := cfg.URLInterval
	if every == 0 {
		every = DefaultURLInterval
	}
	c.Transport = &pacedTransport{pace: &pacer{every: max(every, 0)}, base: base}
	return c
}

// processURL fetches and reads one web page into entry.
func processURL(ctx context.Context, url string, cfg Config, r *result) {
	entry := r.entry
	opts := []extract.Option{extract.WithLimits(cfg.Limits), extract.WithHTTPClient(cfg.client)}
	f, err := extract.Fetch(ctx, url, opts...)
	if err != nil {
		if ctx.Err() != nil {
			r.interrupted = true
		}
		entry.File.Reason = reason(err)
		return
	}
	sum := sha256.Sum256(f.Body)
	entry.File.SHA256 = hex.EncodeToString(sum[:])
	entry.File.Size = int64(len(f.Body))
	entry.File.Format = string(extract.Sniff(f.Body[:min(len(f.Body), 1024)]))
	if cfg.leave(url, entry.File.SHA256, r) {
		return
	}
	b, err := f.Extract(ctx, opts...)
	if err != nil {
		if ctx.Err() != nil {
			r.interrupted = true
		}
		entry.File.Reason = reason(err)
		return
	}
	entry.File.Format = b.Source.Format
	if len(b.Tables) == 0 && len(b.Figures) == 0 {
		entry.File.Reason = "no tables or figures found; not a bulletin?"
		return
	}
	entry.File.Status = store.StatusOK
	entry.Bulletin = b
	entry.Content = store.ContentHash(b)
	if cfg.Check {
		entry.Findings = validate.Check(b).Findings
	}
}

// reason is an error's message without the file, which the entry names.
func reason(err error) string {
	var pe *extract.ParseError
	if errors.As(err, &pe) {
		pe.File = ""
	}
	return fmt.Sprint(err)
}
