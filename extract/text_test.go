package extract_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
	"os"
)

func extractBytes(t *testing.T, data []byte) *model.Bulletin {
	t.Helper()
	b, err := extract.Extract(context.Background(), bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	return b
}

// TestLayouts reads the seed's first table written in each text layout
// (testdata/text/layouts, made by testdata/gen/layouts.py) and expects the
// golden's first table, caption, title and notes included.
func TestLayouts(t *testing.T) {
	want := bulletintest.Records(bulletintest.ReadGolden(t, "../testdata/yanshi-2023-03.golden.json")).Tables[0]
	files, err := filepath.Glob("../testdata/text/layouts/*.txt")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 6)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := extract.ExtractFile(context.Background(), f)
			require.NoError(t, err)
			got := bulletintest.Records(b).Tables
			require.Len(t, got, 1)
			bulletintest.Equal(t, want, got[0])
		})
	}
}

// TestTextCopies reads whole-bulletin text copies made by real tools
// (pdftotext -layout of LibreOffice's PDF, pandoc's plain text) and expects
// the golden's records: tables, metadata, figures and mentions.
func TestTextCopies(t *testing.T) {
	want := bulletintest.Records(bulletintest.ReadGolden(t, "../testdata/yanshi-2023-03.golden.json"))
	for _, f := range []string{"yanshi-2023-03.pdftotext.txt", "yanshi-2023-03.pandoc.txt"} {
		t.Run(f, func(t *testing.T) {
			b, err := extract.ExtractFile(context.Background(), filepath.Join("../testdata/text", f))
			require.NoError(t, err)
			bulletintest.Equal(t, want, bulletintest.Records(b))
		})
	}
}

// TestEncodings reads the seed in other encodings, line ends and with
// full-width digits, and expects the same records.
func TestEncodings(t *testing.T) {
	seedBytes, err := os.ReadFile(seed)
	require.NoError(t, err)
	want := bulletintest.Records(extractBytes(t, seedBytes))

	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(seedBytes)
	require.NoError(t, err)
	u16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(seedBytes)
	require.NoError(t, err)
	u16be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes(seedBytes)
	require.NoError(t, err)
	fullWidth := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r - '0' + '０'
		case r == '%':
			return '％'
		case r == '.':
			return '．'
		}
		return r
	}, string(seedBytes))

	u16leBare, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes(seedBytes)
	require.NoError(t, err)
	u16beBare, err := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes(seedBytes)
	require.NoError(t, err)

	cases := map[string][]byte{
		"UTF-16LE without BOM": u16leBare,
		"UTF-16BE without BOM": u16beBare,
		"GB18030":              gb,
		"GB18030 BOM":          append([]byte{0x84, 0x31, 0x95, 0x33}, gb...),
		"UTF-16LE BOM":         u16le,
		"UTF-16BE BOM":         u16be,
		"UTF-8 BOM":            append([]byte{0xEF, 0xBB, 0xBF}, seedBytes...),
		"CRLF":                 bytes.ReplaceAll(seedBytes, []byte("\n"), []byte("\r\n")),
		"CR":                   bytes.ReplaceAll(seedBytes, []byte("\n"), []byte("\r")),
		"full-width":           []byte(fullWidth),
		"full-width GBK":       must(simplifiedchinese.GBK.NewEncoder().Bytes([]byte(fullWidth))),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			got := extractBytes(t, data)
			bulletintest.Equal(t, want, bulletintest.Records(got))
		})
	}

	t.Run("full-width text kept as printed", func(t *testing.T) {
		got := extractBytes(t, []byte(fullWidth))
		var c model.Cell
		for _, r := range got.Tables[3].Rows {
			if r.Unit == "山化镇" {
				c = r.Cells[model.SatisfactionRate]
			}
		}
		require.Equal(t, "８３％", c.Text)
		require.NotNil(t, c.Value)
		require.Equal(t, 83.0, *c.Value)
	})
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
