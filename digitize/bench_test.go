package digitize_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/internal/benchcpu"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/store"
)

// mixedArchive writes n files under dir as bench/genarchive does: one in
// three each a made-up text bulletin, a made-up DOCX bulletin and a copy of
// one of the seed's PDF fixtures (so the PDFs are few bulletins with many
// sources, as copies of one bulletin in an archive are).
func mixedArchive(b *testing.B, dir string, n int) {
	b.Helper()
	tpl, err := os.ReadFile("../testdata/templates/bulletin-template.docx")
	require.NoError(b, err)
	pdfs, err := filepath.Glob("../testdata/pdf/seed-*.pdf")
	require.NoError(b, err)
	require.NotEmpty(b, pdfs)
	for i := range n {
		v := bulletintest.NewVariant(i)
		var name string
		var data []byte
		switch i % 3 {
		case 0:
			name, data = fmt.Sprintf("bulletin-%04d.txt", i), v.Text()
		case 1:
			v = bulletintest.NewTemplateVariant(i)
			name = fmt.Sprintf("bulletin-%04d.docx", i)
			data, err = v.DOCX(tpl)
			require.NoError(b, err)
		case 2:
			name = fmt.Sprintf("bulletin-%04d.pdf", i)
			data, err = os.ReadFile(pdfs[i/3%len(pdfs)])
			require.NoError(b, err)
		}
		sub := filepath.Join(dir, fmt.Sprint(v.Year))
		require.NoError(b, os.MkdirAll(sub, 0o755))
		require.NoError(b, os.WriteFile(filepath.Join(sub, name), data, 0o644))
	}
}

// BenchmarkRun digitizes a mixed archive of 150 files into a new SQLite
// archive with two workers and the check, as `bulletin digitize -check
// -jobs 2` does; docs/s is per wall second, so compare it run against run
// on an idle machine, and cpu-ns/op under load.
func BenchmarkRun(b *testing.B) {
	const n = 150
	dir := b.TempDir()
	mixedArchive(b, filepath.Join(dir, "in"), n)
	ctx := context.Background()
	b.ReportAllocs()
	defer benchcpu.Measure(b)()
	k := 0
	for b.Loop() {
		k++
		db, err := store.OpenSQLite(filepath.Join(dir, fmt.Sprintf("archive-%d.sqlite", k)))
		require.NoError(b, err)
		sum, err := digitize.Run(ctx, digitize.Config{Jobs: 2, Check: true, Sinks: []digitize.Sink{db}}, filepath.Join(dir, "in"))
		require.NoError(b, err)
		require.Equal(b, n, sum.OK)
		require.NoError(b, db.Close())
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
}
