// Command unit-trend prints one unit's rates month by month from an archive
// made by `bulletin digitize` (or examples/digitize-archive), or with -html
// draws them as an inline SVG chart in a self-contained HTML page:
//
//	go run ./cmd/bulletin digitize -db archive.sqlite testdata
//	go run ./examples/unit-trend archive.sqlite 烟草局
//	go run ./examples/unit-trend -html archive.sqlite 烟草局 > trend.html
//
// A unit printed as 区烟草局 in one bulletin and 烟草局 in another is the
// same row here only if printed alike; the query matches by LIKE.
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"html/template"
	"os"

	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/store"
	"github.com/hotline12345/bulletin/trend"
)

func main() {
	asHTML := flag.Bool("html", false, "write an HTML page with the rates drawn as an SVG chart")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: unit-trend [-html] ARCHIVE.sqlite UNIT")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *asHTML); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// record is one printed rate of the unit.
type record struct {
	period            model.Period
	label, key, text  string
	header, tableName string
	value             sql.NullFloat64
}

func run(archive, unit string, asHTML bool) error {
	db, err := store.OpenSQLite(archive)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.DB().Query(`
		SELECT period_start, period_label, table_label, table_title, key, header, text, value
		FROM unit_metrics
		WHERE unit LIKE '%' || ? AND total = 0
		  AND key IN ('handled', 'on_time_rate', 'satisfaction_rate', 'excellence_rate')
		ORDER BY period_start, tbl, key`, unit)
	if err != nil {
		return err
	}
	defer rows.Close()
	var recs []record
	for rows.Next() {
		var start, plabel, tlabel, title, key, header, text sql.NullString
		var r record
		if err := rows.Scan(&start, &plabel, &tlabel, &title, &key, &header, &text, &r.value); err != nil {
			return err
		}
		r.period.Start, _ = model.ParseDate(start.String)
		r.period.Label = plabel.String
		r.label, r.tableName, r.key, r.header, r.text = tlabel.String, title.String, key.String, header.String, text.String
		recs = append(recs, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if asHTML {
		return writeHTML(unit, recs)
	}
	fmt.Printf("%-10s  %-18s  %-8s  %s\n", "period", "metric", "printed", "table")
	for _, r := range recs {
		fmt.Printf("%-10s  %-18s  %-8s  %s\n", r.period.Start, r.key, r.text, r.tableName)
	}
	return nil
}

// writeHTML draws the unit's rates, one line per rate column of each table
// label (附件1 …), and lists every printed value below the chart.
func writeHTML(unit string, recs []record) error {
	chart := trend.Chart{Title: unit}
	index := map[string]int{}
	for _, r := range recs {
		if !model.Key(r.key).IsRate() || !r.value.Valid || r.period.Start.IsZero() {
			continue
		}
		name := r.header + " · " + r.label
		i, ok := index[name]
		if !ok {
			i = len(chart.Series)
			index[name] = i
			chart.Series = append(chart.Series, trend.Series{Name: name})
		}
		chart.Series[i].Points = append(chart.Series[i].Points, trend.Point{Period: r.period, Value: r.value.Float64, Text: r.text})
	}
	svg, err := chart.SVG()
	if err != nil {
		return err
	}
	return page.Execute(os.Stdout, struct {
		Unit    string
		SVG     template.HTML
		Records []record
	}{unit, svg, recs})
}

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"period": func(r record) string { return r.period.Start.String() },
	"label":  func(r record) string { return r.label },
	"header": func(r record) string { return r.header },
	"text":   func(r record) string { return r.text },
}).Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{.Unit}}: rates by month</title>
<style>
body { margin: 2rem auto; max-width: 44rem; font: 15px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
table { border-collapse: collapse; } th, td { border: 1px solid #c8c8c8; padding: .2rem .5rem; } td.num { text-align: right; }
svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>{{.Unit}}</h1>
<figure>{{.SVG}}<figcaption>Rates by month, one line per rate column of each table.</figcaption></figure>
<table>
<caption>Every value as printed</caption>
<thead><tr><th scope="col">period</th><th scope="col">table</th><th scope="col">column</th><th scope="col">printed</th></tr></thead>
<tbody>{{range .Records}}<tr><td>{{period .}}</td><td>{{label .}}</td><th scope="row">{{header .}}</th><td class="num">{{text .}}</td></tr>{{end}}</tbody>
</table>
</body>
</html>
`))
