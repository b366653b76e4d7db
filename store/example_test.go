package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/store"
)

// Storing one bulletin and asking the archive for a metric across units.
func ExampleSQLite_Put() {
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

	ctx := context.Background()
	b, err := extract.ExtractFile(ctx, "../testdata/yanshi-2023-03.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	e := &store.Entry{File: store.File{Path: "yanshi-2023-03.txt", SHA256: b.Source.SHA256, Status: store.StatusOK}, Bulletin: b}
	if err := db.Put(ctx, e); err != nil {
		fmt.Println(err)
		return
	}
	rows, err := db.DB().QueryContext(ctx, `SELECT unit, text FROM unit_metrics
		WHERE key = 'satisfaction_rate' AND table_label = '附件2' ORDER BY value LIMIT 3`)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rows.Close()
	for rows.Next() {
		var unit, text string
		rows.Scan(&unit, &text)
		fmt.Println(unit, text)
	}
	// Output:
	// 首阳山街道 55.74%
	// 顾县镇 58.06%
	// 府店镇 63.24%
}
