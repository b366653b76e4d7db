// Command genarchive writes an archive of made-up bulletins for benchmarks:
// N text bulletins like the seed, with other months, units and numbers.
//
//	go run ./bench/genarchive -n 1000 DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hotline12345/bulletin/internal/bulletintest"
)

func main() {
	n := flag.Int("n", 100, "number of bulletins")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: genarchive [-n N] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	for i := range *n {
		v := bulletintest.NewVariant(i)
		sub := filepath.Join(dir, fmt.Sprintf("%d", v.Year))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("bulletin-%04d.txt", i)), v.Text(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
