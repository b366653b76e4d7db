package digitize_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hotline12345/bulletin/digitize"
	"github.com/hotline12345/bulletin/store"
)

// Digitizing a bulletin and folders of DOCX, legacy Word and spreadsheet
// files into a SQLite archive, with every bulletin's numbers checked. Each
// file's format is told by its content.
func ExampleRun() {
	dir, err := os.MkdirTemp("", "archive")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	db, err := store.OpenSQLite(filepath.Join(dir, "archive.sqlite"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()

	cfg := digitize.Config{Sinks: []digitize.Sink{db}, Check: true}
	sum, err := digitize.Run(context.Background(), cfg, "../testdata/yanshi-2023-03.txt", "../testdata/docx", "../testdata/office")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d files: %d ok, %d failed\n", sum.Found, sum.OK, sum.Failed)
	for _, f := range sum.Failures {
		fmt.Println("failed:", filepath.Base(f.Path), "-", f.Reason)
	}
	// The copies of the seed bulletin (text, DOCX, DOC, XLS, XLSX) are one
	// bulletin, stored once.
	var bulletins, sources int
	err = db.DB().QueryRow(`SELECT count(*), (SELECT count(*) FROM sources) FROM bulletins`).Scan(&bulletins, &sources)
	fmt.Println("bulletins:", bulletins, "sources:", sources, err)
	var rows int
	err = db.DB().QueryRow(`SELECT count(*) FROM unit_metrics
		WHERE unit = '山化镇' AND key = 'satisfaction_rate'`).Scan(&rows)
	fmt.Println("山化镇 satisfaction rates stored:", rows, err)
	// Output:
	// 14 files: 14 ok, 0 failed
	// bulletins: 3 sources: 14 <nil>
	// 山化镇 satisfaction rates stored: 2 <nil>
}
