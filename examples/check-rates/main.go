// Command check-rates reports every inconsistency in a folder of bulletins:
// it extracts each file, rechecks its numbers with validate.Check and
// prints the errors and warnings, file by file.
//
//	go run ./examples/check-rates testdata
package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/validate"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: check-rates FOLDER")
		os.Exit(2)
	}
	ctx := context.Background()
	var files, errs, warnings int
	err := filepath.WalkDir(os.Args[1], func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := extract.ExtractFile(ctx, path)
		if err != nil {
			fmt.Printf("%s: not read: %v\n", path, err)
			return nil
		}
		if len(b.Tables) == 0 {
			return nil // not a bulletin
		}
		files++
		report := validate.Check(b)
		for _, f := range report.Findings {
			if f.Severity == validate.Info {
				continue
			}
			if f.Severity == validate.Error {
				errs++
			} else {
				warnings++
			}
			fmt.Printf("%s: %s %s: %s\n", path, f.Severity, f.Rule, f.Message)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d bulletins checked: %d errors, %d warnings\n", files, errs, warnings)
}
