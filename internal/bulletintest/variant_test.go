package bulletintest_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

// TestVariantFormats checks the generators: a made-up bulletin written as
// text and filled into the DOCX template gives the same records.
func TestVariantFormats(t *testing.T) {
	tpl, err := os.ReadFile("../../testdata/templates/bulletin-template.docx")
	require.NoError(t, err)
	for _, i := range []int{0, 7, 31} {
		v := bulletintest.NewTemplateVariant(i)
		d, err := v.DOCX(tpl)
		require.NoError(t, err)
		fromDOCX, err := extract.Extract(context.Background(), bytes.NewReader(d), int64(len(d)))
		require.NoError(t, err)
		require.Equal(t, "docx", fromDOCX.Source.Format)
		text := v.Text()
		fromText, err := extract.Extract(context.Background(), bytes.NewReader(text), int64(len(text)))
		require.NoError(t, err)
		bulletintest.Equal(t, bulletintest.Records(fromText), bulletintest.Records(fromDOCX))
		require.Len(t, fromText.Tables, 2)
	}
}
