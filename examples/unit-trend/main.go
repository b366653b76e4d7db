// Command unit-trend prints one unit's rates month by month from an archive
// made by `bulletin digitize` (or examples/digitize-archive):
//
//	go run ./cmd/bulletin digitize -db archive.sqlite testdata
//	go run ./examples/unit-trend archive.sqlite 烟草局
//
// A unit printed as 区烟草局 in one bulletin and 烟草局 in another is the
// same row here only if printed alike; the query matches by LIKE.
package main

import (
	"database/sql"
	"fmt"
	"os"

	"github.com/hotline12345/bulletin/store"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: unit-trend ARCHIVE.sqlite UNIT")
		os.Exit(2)
	}
	db, err := store.OpenSQLite(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer db.Close()
	rows, err := db.DB().Query(`
		SELECT period_start, table_title, key, text, value
		FROM unit_metrics
		WHERE unit LIKE '%' || ? AND key IN ('handled', 'on_time_rate', 'satisfaction_rate', 'excellence_rate')
		ORDER BY period_start, tbl, key`, os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer rows.Close()
	fmt.Printf("%-10s  %-18s  %-8s  %s\n", "period", "metric", "printed", "table")
	for rows.Next() {
		var period, title, key, text sql.NullString
		var value sql.NullFloat64
		if err := rows.Scan(&period, &title, &key, &text, &value); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%-10s  %-18s  %-8s  %s\n", period.String, key.String, text.String, title.String)
	}
	if err := rows.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
