// Command digitize-archive reads a folder of bulletins into a SQLite
// archive with the library, the way `bulletin digitize` does:
//
//	go run ./examples/digitize-archive testdata archive.sqlite
//
// It prints one line per file and a summary.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/store"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: digitize-archive FOLDER ARCHIVE.sqlite")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	db, err := store.OpenSQLite(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer db.Close()
	known, err := db.Known(ctx) // files already in the archive are skipped
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cfg := digitize.Config{
		Sinks: []digitize.Sink{db},
		Known: known,
		Progress: func(p digitize.Progress) {
			if p.Last != nil {
				fmt.Printf("%-6s %s %s\n", p.Last.File.Status, p.Last.File.Path, p.Last.File.Reason)
			}
		},
	}
	sum, err := digitize.Run(ctx, cfg, os.Args[1])
	fmt.Printf("%d ok, %d failed, %d unchanged; %d cells\n", sum.OK, sum.Failed, sum.Skipped, sum.Cells)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
