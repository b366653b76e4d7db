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
	"path/filepath"

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
	if err := write(flag.Arg(0), *testdata, *n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func write(dir, testdata string, n int) error {
	tpl, err := os.ReadFile(filepath.Join(testdata, "templates", "bulletin-template.docx"))
	if err != nil {
		return err
	}
	pdfs, err := filepath.Glob(filepath.Join(testdata, "pdf", "seed-*.pdf"))
	if err != nil || len(pdfs) == 0 {
		return fmt.Errorf("no PDF fixtures under %s: %v", testdata, err)
	}
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
			if data, err = v.DOCX(tpl); err != nil {
				return err
			}
		case 2:
			name = fmt.Sprintf("bulletin-%04d.pdf", i)
			if data, err = os.ReadFile(pdfs[i/3%len(pdfs)]); err != nil {
				return err
			}
		}
		sub := filepath.Join(dir, fmt.Sprintf("%d", v.Year))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(sub, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
