// Package cputime reports the CPU time benchmarks spend, beside the wall
// time the testing package measures. The benchmark machines are shared by
// several jobs at once, which stretches wall time; the CPU a process uses
// (user and system, all its threads, the garbage collector included) is the
// figure that stays comparable between runs there.
package cputime

import "testing"

// Measure starts measuring the process's CPU time; the function it returns
// stops and reports it as the metric "cpu-ns/op", divided by b.N. Call it
// after the benchmark's setup:
//
//	defer cputime.Measure(b)()
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
