// Command runstat runs commands many times, alternating between them, and
// prints for each the median CPU time (user + system, from the child's
// rusage) and the median peak RSS. CPU time rather than wall time, because
// the benchmark machines are shared: a loaded machine stretches wall time
// but hardly the CPU a process uses.
//
//	runstat [-runs N] LABEL CMD [ARG...] -- LABEL CMD [ARG...] ...
//
// Each command's standard output and error go to /dev/null; a command that
// fails is reported and stops the measurement. One warm-up run of each
// command comes first. The output has one line per command:
//
//	LABEL  CPU-MILLISECONDS  PEAK-RSS-KIB
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 11, "runs of each command")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: runstat [-runs N] LABEL CMD [ARG...] -- LABEL CMD [ARG...] ...")
		flag.PrintDefaults()
	}
	flag.Parse()
	cmds, err := split(flag.Args())
	if err != nil || *runs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	cpu := make([][]float64, len(cmds))
	rss := make([][]float64, len(cmds))
	for i := -1; i < *runs; i++ {
		for k, c := range cmds {
			ms, kib, err := run(c.argv)
			if err != nil {
				fmt.Fprintf(os.Stderr, "runstat: %s: %v\n", c.label, err)
				os.Exit(1)
			}
			if i >= 0 { // run -1 is the warm-up
				cpu[k] = append(cpu[k], ms)
				rss[k] = append(rss[k], kib)
			}
		}
	}
	for k, c := range cmds {
		fmt.Printf("%s\t%.2f\t%.0f\n", c.label, median(cpu[k]), median(rss[k]))
	}
}

type command struct {
	label string
	argv  []string
}

// split cuts the arguments at "--" into labelled commands.
func split(args []string) ([]command, error) {
	var out []command
	for len(args) > 0 {
		end := slices.Index(args, "--")
		if end < 0 {
			end = len(args)
		}
		if end < 2 {
			return nil, errors.New("a command needs a label and a program")
		}
		out = append(out, command{label: args[0], argv: args[1:end]})
		args = args[min(end+1, len(args)):]
	}
	if len(out) == 0 {
		return nil, errors.New("no command")
	}
	return out, nil
}

// run runs argv once and returns its CPU milliseconds and peak RSS in KiB.
func run(argv []string) (float64, float64, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	if err := cmd.Run(); err != nil {
		return 0, 0, err
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0, errors.New("no rusage on this system")
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return float64(cpu) / float64(time.Millisecond), float64(ru.Maxrss), nil
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
