package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

// pages are the web-page fixtures of testdata/html (see
// testdata/gen/htmlpages.py): one bulletin as sites publish it.
var pages = []struct {
	file, format string
	parts        int // files read: the page and its attachments
}{
	{"gb2312.html", "html", 0},
	{"gbk.html", "html", 0},
	{"utf8-equiv.html", "html", 0},
	{"portal.html", "html", 0},
	{"wordsave.htm", "html", 0},
	{"page.mht", "mht", 0},
	{"attach/page.html", "html", 3},
}

// TestPagesReadLikeTheirDOCX checks that every page gives the records of
// the DOCX made from the same bulletin.
func TestPagesReadLikeTheirDOCX(t *testing.T) {
	ctx := context.Background()
	docx, err := extract.ExtractFile(ctx, "../testdata/html/bulletin.docx")
	require.NoError(t, err)
	want := bulletintest.Records(docx)
	require.Len(t, want.Tables, 2)
	for _, p := range pages {
		t.Run(p.file, func(t *testing.T) {
			b, err := extract.ExtractFile(ctx, "../testdata/html/"+p.file)
			require.NoError(t, err)
			require.Equal(t, p.format, b.Source.Format)
			require.Len(t, b.Source.Parts, p.parts)
			bulletintest.Equal(t, want, bulletintest.Records(b), p.file)
		})
	}
}

// TestNotABulletin: a page with no tables or figures of a bulletin is an
// error that says what the page is, not an empty success.
func TestNotABulletin(t *testing.T) {
	for name, page := range map[string]string{
		"a news item":   `<html><head><title>区领导调研基层治理</title></head><body><h1>区领导调研基层治理</h1><p>区领导一行到社区调研，听取基层治理工作汇报。</p></body></html>`,
		"a list page":   `<html><head><title>通知公告</title></head><body><ul><li><a href="/1.html">5月份通报</a></li><li><a href="/2.html">4月份通报</a></li></ul></body></html>`,
		"an empty page": `<!DOCTYPE html><html><head><title></title></head><body></body></html>`,
	} {
		_, err := extract.Extract(context.Background(), strings.NewReader(page), int64(len(page)), extract.WithName("p.html"))
		require.ErrorIs(t, err, extract.ErrNotBulletin, name)
		var pe *extract.ParseError
		require.ErrorAs(t, err, &pe)
		require.Equal(t, "p.html", pe.File)
		require.Contains(t, err.Error(), "a web page", name)
	}
}

// TestSavedPageWithoutAttachments: a saved page whose attachments are not
// next to it is read, and the attachments it could not read are problems.
func TestSavedPageWithoutAttachments(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../testdata/html/attach/page.html")
	require.NoError(t, err)
	path := filepath.Join(dir, "page.txt") // saved under any name
	require.NoError(t, os.WriteFile(path, data, 0o644))
	b, err := extract.ExtractFile(context.Background(), path)
	require.NoError(t, err)
	require.Equal(t, "html", b.Source.Format)
	require.Empty(t, b.Tables)
	require.Len(t, b.Problems, 2)
	require.Contains(t, b.Problems[0].Message, "not found next to the page")
}
