package digitize_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/store"
)

func TestReadURLs(t *testing.T) {
	urls, err := digitize.ReadURLs(strings.NewReader("# 2024\nhttps://a.example/1.html\n\n  https://a.example/2.html  \r\n#x\n"))
	require.NoError(t, err)
	require.Equal(t, []string{"https://a.example/1.html", "https://a.example/2.html"}, urls)
}

// collect is a sink that keeps the entries.
type collect struct {
	mu      sync.Mutex
	entries map[string]*store.Entry
}

func (c *collect) Put(_ context.Context, e *store.Entry) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]*store.Entry{}
	}
	c.entries[e.File.Path] = e
	return nil
}

// TestURLs digitizes web pages from a list: a page with its attachments
// is one entry with all its tables, a page that is not a bulletin and a
// missing one are failed entries, and a second run skips the pages whose
// content is unchanged. (The requests' spacing is TestPacer's.)
func TestURLs(t *testing.T) {
	files := map[string]string{
		"/tz/page.html":        "../testdata/html/attach/page.html",
		"/tz/fj1.docx":         "../testdata/html/attach/fj1.docx",
		"/u/cms/files/fj2.pdf": "../testdata/html/attach/fj2.pdf",
		"/tz/gbk.html":         "../testdata/html/gbk.html",
	}
	var mu sync.Mutex
	var requests []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests = append(requests, r.URL.Path)
		mu.Unlock()
		if r.URL.Path == "/tz/news.html" {
			w.Write([]byte("<html><head><title>区领导调研</title></head><body><p>区领导一行到社区调研基层治理工作。</p></body></html>"))
			return
		}
		f, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, f)
	}))
	defer srv.Close()
	urls := []string{srv.URL + "/tz/page.html", srv.URL + "/tz/gbk.html", srv.URL + "/tz/news.html", srv.URL + "/tz/gone.html"}
	var sink collect
	cfg := digitize.Config{Jobs: 2, URLs: urls, URLInterval: time.Millisecond, HTTPClient: srv.Client(), Sinks: []digitize.Sink{&sink}}
	sum, err := digitize.Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Equal(t, 4, sum.Found)
	require.Equal(t, 2, sum.OK)
	require.Equal(t, 2, sum.Failed)
	page := sink.entries[urls[0]]
	require.Equal(t, store.StatusOK, page.File.Status)
	require.Len(t, page.Bulletin.Tables, 2)
	require.Len(t, page.Bulletin.Source.Parts, 3)
	require.Contains(t, sink.entries[urls[2]].File.Reason, "not a bulletin")
	require.Contains(t, sink.entries[urls[3]].File.Reason, "404")
	require.Len(t, requests, 7, "4 pages, the 2 attachments of one, the missing attachment of another")

	require.NotEmpty(t, page.Content, "a page's bulletin is its content, as a file's")
	require.Equal(t, page.Content, store.ContentHash(page.Bulletin))

	known := map[string]store.File{}
	for u, e := range sink.entries {
		known[u] = e.File
	}
	cfg.Known = known
	sum, err = digitize.Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Equal(t, 2, sum.Skipped, "the pages read ok are unchanged")
	require.Equal(t, 2, sum.Failed, "the failed pages are tried again: the news item and the missing page")
	require.Zero(t, sum.Missing, "a URL is never missing")

	cfg.SkipFailed = true
	sum, err = digitize.Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Equal(t, 3, sum.Skipped, "the news item, unchanged, is left failed")
	require.Len(t, sum.Standing, 1)
	require.Equal(t, urls[2], sum.Standing[0].Path)
	require.Equal(t, 1, sum.Failed, "the missing page has no content to compare: it is asked for again")

	// An older version read the pages: they are read again.
	cfg.SkipFailed = false
	cfg.Version = extract.Version{Module: extract.CurrentVersion().Module, Revision: extract.CurrentVersion().Revision + 1}
	sum, err = digitize.Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Equal(t, 2, sum.OK)
	require.Equal(t, 2, sum.Reread, "the two pages read ok by an older version (failed ones are tried again anyway)")
}

// TestURLsWithFolder digitizes URLs with a folder: the URLs come first,
// keep their spelling, and are never marked missing when the folder is
// walked again.
func TestURLsWithFolder(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir("../testdata/html/attach")))
	defer srv.Close()
	dir := t.TempDir()
	data, err := os.ReadFile("../testdata/yanshi-2023-03.txt")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), data, 0o644))
	url := srv.URL + "/page.html"
	var order []string
	var sink collect
	cfg := digitize.Config{Jobs: 1, URLs: []string{url}, URLInterval: time.Millisecond, HTTPClient: srv.Client(),
		Sinks: []digitize.Sink{&sink}, Progress: func(p digitize.Progress) {
			if p.Last != nil {
				order = append(order, p.Last.File.Path)
			}
		}}
	sum, err := digitize.Run(context.Background(), cfg, dir)
	require.NoError(t, err)
	require.Equal(t, 2, sum.OK, "%v", sum.Failures)
	require.Equal(t, []string{url, filepath.Join(dir, "a.txt")}, order, "the URLs first, as given")

	known := map[string]store.File{}
	for p, e := range sink.entries {
		known[p] = e.File
	}
	cfg.Known, cfg.URLs, cfg.Prune = known, nil, true
	sum, err = digitize.Run(context.Background(), cfg, dir)
	require.NoError(t, err)
	require.Equal(t, 1, sum.Skipped)
	require.Zero(t, sum.Missing, "a URL not listed this time is not a missing file of the folder")
}

// TestSavedPages digitizes a folder of saved pages: a page with its
// attachments next to it, an MHT file and a page named .txt.
func TestSavedPages(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(from, to string) {
		data, err := os.ReadFile(from)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, to), data, 0o644))
	}
	copyFile("../testdata/html/attach/page.html", "page.html")
	copyFile("../testdata/html/attach/fj1.docx", "fj1.docx")
	copyFile("../testdata/html/attach/fj2.pdf", "fj2.pdf")
	copyFile("../testdata/html/page.mht", "saved.mht")
	copyFile("../testdata/html/portal.html", "portal.txt")
	var sink collect
	sum, err := digitize.Run(context.Background(), digitize.Config{Jobs: 1, Sinks: []digitize.Sink{&sink}}, dir)
	require.NoError(t, err)
	require.Equal(t, 5, sum.OK, "%v", sum.Failures)
	page := sink.entries[filepath.Join(dir, "page.html")].Bulletin
	require.Len(t, page.Tables, 2, "the attachments next to the page")
	require.Equal(t, "mht", sink.entries[filepath.Join(dir, "saved.mht")].File.Format)
	require.Equal(t, "html", sink.entries[filepath.Join(dir, "portal.txt")].File.Format)
}
