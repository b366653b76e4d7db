package digitize_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/internal/benchcpu"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/store"
)

// BenchmarkRun digitizes a mixed archive of 150 files into a new SQLite
// archive with two workers and the check, as `bulletin digitize -check
// -jobs 2` does; docs/s is per wall second, so compare it run against run
// on an idle machine, and cpu-ns/op under load.
func BenchmarkRun(b *testing.B) {
	const n = 150
	dir := b.TempDir()
	require.NoError(b, bulletintest.WriteMixedArchive(filepath.Join(dir, "in"), "../testdata", n))
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
