package extract_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

// site serves the page of testdata/html/attach and its two attachments
// the way a CMS does: the page links fj1.docx relative to itself and the
// PDF by an absolute path; /go redirects to the page.
func site(t *testing.T) *httptest.Server {
	t.Helper()
	files := map[string]struct{ file, contentType string }{
		"/zwgk/tzgg/page.html": {"attach/page.html", "text/html; charset=utf-8"},
		"/zwgk/tzgg/fj1.docx":  {"attach/fj1.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		"/u/cms/files/fj2.pdf": {"attach/fj2.pdf", "application/octet-stream"},
	}
	mux := http.NewServeMux()
	for path, f := range files {
		data, err := os.ReadFile("../testdata/html/" + f.file)
		require.NoError(t, err)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", f.contentType)
			w.Write(data)
		})
	}
	mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/zwgk/tzgg/page.html", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestURLWithAttachments fetches a page whose tables are in a DOCX and a
// PDF it links: one bulletin comes out, with the records of the DOCX copy
// of the whole bulletin and every file listed in its source.
func TestURLWithAttachments(t *testing.T) {
	srv := site(t)
	ctx := context.Background()
	docx, err := extract.ExtractFile(ctx, "../testdata/html/bulletin.docx")
	require.NoError(t, err)
	b, err := extract.URL(ctx, srv.URL+"/go", extract.WithHTTPClient(srv.Client()))
	require.NoError(t, err)
	bulletintest.Equal(t, bulletintest.Records(docx), bulletintest.Records(b))
	page := srv.URL + "/zwgk/tzgg/page.html"
	require.Equal(t, page, b.Source.URL, "the URL after the redirect")
	require.Equal(t, "page.html", b.Source.Name)
	require.Len(t, b.Source.Parts, 3)
	require.Equal(t, page, b.Source.Parts[0].URL)
	require.Equal(t, "docx", b.Source.Parts[1].Format)
	require.Equal(t, srv.URL+"/zwgk/tzgg/fj1.docx", b.Source.Parts[1].URL)
	require.Equal(t, "pdf", b.Source.Parts[2].Format)
	require.Equal(t, srv.URL+"/u/cms/files/fj2.pdf", b.Source.Parts[2].URL)
	require.Len(t, b.Tables, 2)
	require.Equal(t, 1, b.Tables[0].Part)
	require.Equal(t, 2, b.Tables[1].Part)
	for _, m := range b.Mentions {
		require.NotEmpty(t, m.Matches, "mention %s is linked to the attachment's rows", m.Unit)
	}
}

// TestURLMissingAttachment: an attachment that cannot be fetched is a
// problem of the page's bulletin, not its failure.
func TestURLMissingAttachment(t *testing.T) {
	data, err := os.ReadFile("../testdata/html/attach/page.html")
	require.NoError(t, err)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/page.html" {
			http.NotFound(w, r)
			return
		}
		w.Write(data)
	}))
	defer srv.Close()
	b, err := extract.URL(context.Background(), srv.URL+"/page.html", extract.WithHTTPClient(srv.Client()))
	require.NoError(t, err)
	require.Empty(t, b.Tables)
	require.Empty(t, b.Source.Parts)
	var problems []string
	for _, p := range b.Problems {
		problems = append(problems, p.Message)
	}
	require.Len(t, problems, 2, "%q", problems)
	require.Contains(t, problems[0], "404")
}

// rawServer answers every connection with the given bytes, as a server
// that breaks HTTP would; it serves on the loopback only.
func rawServer(t *testing.T, response string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				r := bufio.NewReader(c)
				for { // the request's header
					line, err := r.ReadString('\n')
					if err != nil || line == "\r\n" {
						break
					}
				}
				io.WriteString(c, response)
			}()
		}
	}()
	return "http://" + l.Addr().String() + "/page.html"
}

// TestURLHostile: each misbehaving server ends in an error naming the URL,
// of the documented kind, within the limits. No wall clock is asserted:
// the slow server is stopped by the fetch's deadline.
func TestURLHostile(t *testing.T) {
	small := extract.Limits{MaxInputBytes: 64 << 10}
	page := `<html><body><p>` + strings.Repeat("正文", 10) + `</p></body></html>`
	tests := []struct {
		name    string
		handler http.HandlerFunc
		raw     string // or a raw response from a broken server
		lim     extract.Limits
		want    []error
	}{
		{name: "not found", handler: func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) },
			want: []error{extract.ErrFetch}},
		{name: "server error", handler: func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadGateway) },
			want: []error{extract.ErrFetch}},
		{name: "an image", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		}, want: []error{extract.ErrFetch, extract.ErrUnsupported}},
		{name: "redirect loop", handler: func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, r.URL.Path, http.StatusFound)
		}, want: []error{extract.ErrLimit}},
		{name: "slow server", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			<-r.Context().Done() // sends nothing more until the client gives up
		}, lim: extract.Limits{FetchTimeout: 100 * time.Millisecond}, want: []error{extract.ErrFetch, context.DeadlineExceeded}},
		{name: "larger than the limit", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for range 64 {
				w.Write([]byte(strings.Repeat("<p>正文</p>", 1000)))
				w.(http.Flusher).Flush() // chunked: no Content-Length
			}
		}, lim: small, want: []error{extract.ErrLimit}},
		{name: "a Content-Length above the limit", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(1<<30))
			w.Write([]byte(page))
		}, lim: small, want: []error{extract.ErrLimit}},
		{name: "a Content-Length longer than the body", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(len(page)+5000))
			w.Write([]byte(page)) // and the connection is closed
		}, want: []error{extract.ErrFetch}},
		{name: "a Content-Length shorter than the body",
			raw:  "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\nConnection: close\r\n\r\n" + page,
			want: []error{extract.ErrNotBulletin}},
		{name: "not HTTP", raw: "SSH-2.0-OpenSSH_9.6\r\n", want: []error{extract.ErrFetch}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var url string
			client := http.DefaultClient
			if tt.raw != "" {
				url = rawServer(t, tt.raw)
			} else {
				srv := httptest.NewServer(tt.handler)
				defer srv.Close()
				url, client = srv.URL+"/page.html", srv.Client()
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := extract.URL(context.Background(), url, extract.WithLimits(tt.lim), extract.WithHTTPClient(client))
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%.1f KiB allocated: %v", float64(alloc)/1024, err)
			require.Less(t, alloc, uint64(4<<20), "allocated")
			var pe *extract.ParseError
			require.True(t, errors.As(err, &pe), "want a *ParseError, got %v", err)
			require.True(t, strings.HasPrefix(pe.File, url[:strings.LastIndex(url, "/")]), "the error names the URL: %q", pe.File)
			for _, want := range tt.want {
				require.ErrorIs(t, err, want)
			}
		})
	}
}

func TestURLNotWeb(t *testing.T) {
	for _, u := range []string{"ftp://example.gov.cn/a.html", "file:///etc/passwd", "::"} {
		_, err := extract.URL(context.Background(), u)
		require.ErrorIs(t, err, extract.ErrFetch, u)
	}
}
