package pdf_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/extract/block"
)

// TestWildErrors checks the fixtures of issue 5 that must not give text:
// a user password, and fonts whose codes cannot be mapped.
func TestWildErrors(t *testing.T) {
	for _, tc := range []struct {
		file, msg string
		want      error
		page      int
	}{
		{"userpw-aes256.pdf", "user password", block.ErrEncrypted, 0},
		{"merged-userpw.pdf", "user password", block.ErrEncrypted, 0},
		{"garbage-no-tounicode.pdf", "unsupported font encoding", block.ErrUnsupported, 1},
	} {
		t.Run(tc.file, func(t *testing.T) {
			_, err := extract.ExtractFile(context.Background(), "../../testdata/pdf/"+tc.file)
			var pe *block.ParseError
			require.ErrorAs(t, err, &pe)
			require.ErrorIs(t, err, tc.want)
			require.Equal(t, tc.page, pe.Pos.Page)
			require.Contains(t, err.Error(), tc.msg)
		})
	}
}

// TestRepairNotes checks that the damaged fixtures are read by repair and
// say so, while the hybrid and encrypted ones are read through their
// cross-reference data as it is (no repair note).
func TestRepairNotes(t *testing.T) {
	for file, note := range map[string]string{
		"seed-junk-before.pdf":           "before the %PDF header",
		"seed-startxref-wrong.pdf":       "scanning",
		"seed-xref-damaged.pdf":          "scanning",
		"seed-xref-missing.pdf":          "scanning",
		"seed-junk-after.pdf":            "",
		"seed-pdf20.pdf":                 "",
		"seed-hybrid-xrefstm.pdf":        "",
		"seed-rc4-40.pdf":                "",
		"seed-aes256-r6.pdf":             "",
		"seed-filter-lzw.pdf":            "",
		"seed-cmap-gbk-euc-h.pdf":        "",
		"seed-type3-glyphnames.pdf":      "",
		"seed-truetype-no-tounicode.pdf": "",
	} {
		t.Run(file, func(t *testing.T) {
			doc := readFile(t, "../../testdata/pdf/"+file)
			var notes []string
			for _, p := range doc.Problems {
				if p.Pos.Page == 0 {
					notes = append(notes, p.Message)
				}
			}
			if note == "" {
				require.Empty(t, notes)
				return
			}
			require.Contains(t, strings.Join(notes, "\n"), note)
		})
	}
}
