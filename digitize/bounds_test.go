package digitize_test

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/store"
)

// gridBombDOCX is a 3 KB DOCX whose table is one row of 100 cells each
// spanning 1024 grid columns over 8,000 rows of one cell: laid out, an
// 819-million-position grid.
func gridBombDOCX(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	defer f.Close()
	zw := zip.NewWriter(f)
	for _, p := range []struct{ name, body string }{
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr>` +
			strings.Repeat(`<w:tc><w:tcPr><w:gridSpan w:val="1024"/></w:tcPr><w:p><w:r><w:t>办理数</w:t></w:r></w:p></w:tc>`, 100) + `</w:tr>` +
			strings.Repeat(`<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>`, 8000) + `</w:tbl></w:body></w:document>`},
	} {
		w, err := zw.Create(p.name)
		require.NoError(t, err)
		_, err = w.Write([]byte(p.body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
}

// TestGridBombFails checks that a DOCX whose spans make a huge grid is a
// failed file with the limit as its reason, not an ok one.
func TestGridBombFails(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.docx")
	gridBombDOCX(t, bomb)
	db, err := store.OpenSQLite(filepath.Join(dir, "archive.sqlite"))
	require.NoError(t, err)
	defer db.Close()
	sum, err := digitize.Run(context.Background(), digitize.Config{Sinks: []digitize.Sink{db}}, bomb)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Failed)
	var status, reason string
	require.NoError(t, db.DB().QueryRow(`SELECT status, reason FROM files`).Scan(&status, &reason))
	assert.Equal(t, store.StatusFailed, status)
	assert.Contains(t, reason, "limit exceeded")
	assert.Contains(t, reason, "grid cells in a table")
	var cells int
	require.NoError(t, db.DB().QueryRow(`SELECT count(*) FROM cells`).Scan(&cells))
	assert.Zero(t, cells)
}
