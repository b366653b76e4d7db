// Command genarchive writes an archive of bulletins for benchmarks: N files
// in mixed formats, one in three each as text (a made-up bulletin like the
// seed), DOCX (the template filled with another made-up bulletin) and PDF
// (a copy of one of the seed's PDF fixtures).
//
//	go run ./bench/genarchive -n 1000 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/hotline12345/bulletin/internal/bulletintest"
)

func main() {
	n := flag.Int("n", 100, "number of bulletins")
	testdata := flag.String("testdata", "testdata", "the repository's testdata folder")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: genarchive [-n N] [-testdata DIR] DIR")
		os.Exit(2)
	}
	if err := bulletintest.WriteMixedArchive(flag.Arg(0), *testdata, *n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
