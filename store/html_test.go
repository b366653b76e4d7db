package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/store"
)

// variantEntries reads made-up bulletins of consecutive months.
func variantEntries(t *testing.T, n int) []*store.Entry {
	var out []*store.Entry
	for i := range n {
		name := fmt.Sprintf("2020/%02d/bulletin.txt", i+1)
		b, err := extract.ExtractReader(context.Background(), strings.NewReader(string(bulletintest.NewVariant(i).Text())), extract.WithName("bulletin.txt"))
		require.NoError(t, err)
		out = append(out, &store.Entry{File: store.File{Path: name, Status: store.StatusOK}, Bulletin: b})
	}
	return out
}

func writeReport(t *testing.T, entries []*store.Entry) string {
	dir := filepath.Join(t.TempDir(), "report")
	r, err := store.CreateHTMLReport(dir)
	require.NoError(t, err)
	for _, e := range entries {
		require.NoError(t, r.Put(context.Background(), e))
	}
	require.NoError(t, r.Close())
	return dir
}

func TestHTMLReport(t *testing.T) {
	entries := append(variantEntries(t, 4), seedEntry(t, "seed/yanshi.txt"),
		&store.Entry{File: store.File{Path: "seed/scan.pdf", Status: store.StatusFailed, Reason: "unsupported input: a scanned PDF"}})
	dir := writeReport(t, entries)
	files, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, files, 5+1, "a page per file read, and the index")

	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	page := string(index)
	links := regexp.MustCompile(`<a href="([^"#]+\.html)">`).FindAllStringSubmatch(page, -1)
	require.Len(t, links, 5)
	for _, l := range links {
		_, err := os.Stat(filepath.Join(dir, l[1]))
		assert.NoError(t, err, "the index links to %s", l[1])
	}
	assert.Contains(t, page, "not read: unsupported input: a scanned PDF")
	assert.Less(t, strings.Index(page, "2020/01/bulletin.txt"), strings.Index(page, "2020/04/bulletin.txt"), "files in path order")
	assert.Contains(t, page, `<section class="charts" id="trends"`)
	assert.Greater(t, strings.Count(page, "<svg"), 0, "units in two or more months have a chart")

	seedPage, err := os.ReadFile(filepath.Join(dir, links[len(links)-1][1]))
	require.NoError(t, err)
	assert.Contains(t, string(seedPage), `<a href="index.html">`)
	assert.Contains(t, string(seedPage), "rate_precision")
}

// The report does not depend on the order files arrive in, which several
// workers make random.
func TestHTMLReportOrder(t *testing.T) {
	entries := variantEntries(t, 3)
	a := writeReport(t, entries)
	b := writeReport(t, []*store.Entry{entries[2], entries[0], entries[1]})
	ia, err := os.ReadFile(filepath.Join(a, "index.html"))
	require.NoError(t, err)
	ib, err := os.ReadFile(filepath.Join(b, "index.html"))
	require.NoError(t, err)
	assert.Equal(t, string(ia), string(ib))
}

// Two files of the same name in different folders get different pages,
// named from what file systems accept.
func TestHTMLReportPageNames(t *testing.T) {
	e := variantEntries(t, 1)[0]
	f := *e
	f.File.Path = "other/dir/bulletin.txt"
	g := *e
	g.File.Path = `odd/na:me*?<>|"` + strings.Repeat("长", 60) + ".txt"
	dir := writeReport(t, []*store.Entry{e, &f, &g})
	files, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, files, 4)
	for _, fi := range files {
		assert.NotContains(t, fi.Name(), ":")
		assert.LessOrEqual(t, len(fi.Name()), 80+len("-12345678.html"))
	}
}
