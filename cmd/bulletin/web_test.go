package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageServer serves the page of testdata/html/attach and its attachments.
func pageServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/zwgk/page.html", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "../../testdata/html/attach/page.html")
	})
	mux.HandleFunc("/zwgk/fj1.docx", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "../../testdata/html/attach/fj1.docx")
	})
	mux.HandleFunc("/u/cms/files/fj2.pdf", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "../../testdata/html/attach/fj2.pdf")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestExtractURL(t *testing.T) {
	srv := pageServer(t)
	code, out, errOut := runCLI("extract", srv.URL+"/zwgk/page.html")
	require.Equal(t, exitOK, code, errOut)
	var b struct {
		Source struct {
			URL   string `json:"url"`
			Parts []struct{ Name, Format, URL string }
		}
		Tables []struct{ Part int }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &b))
	assert.Equal(t, srv.URL+"/zwgk/page.html", b.Source.URL)
	require.Len(t, b.Source.Parts, 3)
	assert.Equal(t, "pdf", b.Source.Parts[2].Format)
	require.Len(t, b.Tables, 2)
	assert.Equal(t, 2, b.Tables[1].Part)

	code, _, errOut = runCLI("extract", srv.URL+"/zwgk/gone.html")
	assert.Equal(t, exitUnreadable, code)
	assert.Contains(t, errOut, "404")
}

func TestCheckWebPages(t *testing.T) {
	srv := pageServer(t)
	code, out, errOut := runCLI("check", "-format", "json", srv.URL+"/zwgk/page.html", "../../testdata/html/attach/page.html")
	require.NotEqual(t, exitUnreadable, code, errOut)
	var reps []struct{ File string }
	require.NoError(t, json.Unmarshal([]byte(out), &reps))
	require.Len(t, reps, 2)
}

func TestBlocksHTML(t *testing.T) {
	code, out, errOut := runCLI("blocks", "../../testdata/html/gbk.html")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "F line ")
	assert.Contains(t, out, "    发布机构: 柏川区政务服务管理局\n")
	assert.Contains(t, out, "T line ")
	code, out, _ = runCLI("blocks", "../../testdata/html/page.mht")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "T line ")
}

func TestDigitizeURLs(t *testing.T) {
	srv := pageServer(t)
	dir := t.TempDir()
	list := filepath.Join(dir, "urls.txt")
	require.NoError(t, os.WriteFile(list, []byte("# pages\n"+srv.URL+"/zwgk/page.html\n"), 0o644))
	code, out, errOut := runCLI("digitize", "-urls", list, "-url-interval", "1ms", "-db", filepath.Join(dir, "a.sqlite"))
	require.Equal(t, exitOK, code, errOut)
	assert.True(t, strings.HasPrefix(out, "1 files: 1 ok, 0 failed, 0 unchanged (skipped); 2 tables"), out)
}
