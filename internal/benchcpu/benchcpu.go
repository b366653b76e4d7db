// Package benchcpu reports the CPU time benchmarks spend, beside the wall
// time the testing package measures. The benchmark machines are shared by
// several jobs at once, which stretches wall time; the CPU a process uses
// (user and system, all its threads, the garbage collector included) is the
// figure that stays comparable between runs there.
package benchcpu

import (
	"os"
	"path/filepath"
	"testing"
)

// Measure starts measuring the process's CPU time; the function it returns
// stops and reports it as the metric "cpu-ns/op", divided by b.N. Call it
// after the benchmark's setup:
//
//	defer benchcpu.Measure(b)()
//
// On a system without rusage nothing is reported.
func Measure(b *testing.B) func() {
	start, ok := used()
	return func() {
		end, ok2 := used()
		if ok && ok2 && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// Files runs read on the contents of each file as a sub-benchmark named
// after the file, reporting its CPU time, allocations and bytes per
// second.
func Files(b *testing.B, files []string, read func(b *testing.B, data []byte)) {
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			defer Measure(b)()
			for b.Loop() {
				read(b, data)
			}
		})
	}
}
