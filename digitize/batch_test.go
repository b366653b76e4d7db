package digitize_test

import (
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/store"
)

// committed counts the files the archive at path holds committed, from a
// connection of its own, as another process would see them.
func committed(t *testing.T, path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	require.NoError(t, err)
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM files`).Scan(&n); err != nil {
		return 0 // not created yet
	}
	return n
}

// TestSlowStreamCommitted digitizes a page read at once and then one
// whose server answers only once the first page is in the archive,
// committed: a batch far from full is committed after BatchInterval, so
// finished work does not wait for a slow stream.
func TestSlowStreamCommitted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "archive.sqlite")
	db, err := store.OpenSQLite(path)
	require.NoError(t, err)
	defer db.Close()
	seen := make(chan bool, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/first.html":
			http.ServeFile(w, r, "../testdata/html/gbk.html")
			return
		case "/slow.html":
		default: // the first page's attachment
			http.NotFound(w, r)
			return
		}
		// The slow page: it waits for the first page to be committed,
		// ten seconds at most.
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			if committed(t, path) == 1 {
				seen <- true
				http.NotFound(w, r)
				return
			}
		}
		seen <- false
		http.NotFound(w, r)
	}))
	defer srv.Close()
	cfg := digitize.Config{Jobs: 1, URLs: []string{srv.URL + "/first.html", srv.URL + "/slow.html"}, URLInterval: time.Millisecond,
		HTTPClient: srv.Client(), Sinks: []digitize.Sink{db}, BatchFiles: 1000, BatchInterval: 20 * time.Millisecond}
	sum, err := digitize.Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.OK)
	assert.Equal(t, 1, sum.Failed)
	assert.True(t, <-seen, "the first page was committed while the second was being fetched")
	assert.Equal(t, 2, committed(t, path))
}
