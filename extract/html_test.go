package extract_test

import (
	"context"
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
