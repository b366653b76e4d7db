// Command unit-trend prints one unit's rates month by month from an archive
// made by `bulletin digitize` (or examples/digitize-archive), or with -html
// draws them as an inline SVG chart in a self-contained HTML page. On the
// seven made-up monthly bulletins of testdata/trend-made-up:
//
//	go run ./cmd/bulletin digitize -db trend.sqlite testdata/trend-made-up
//	go run ./examples/unit-trend trend.sqlite 住建局
//	go run ./examples/unit-trend -html trend.sqlite 住建局 > trend.html
//
// A unit is found under any of its spellings: the archive's units table
// links 县住建局, 住建局 and 县住房和城乡建设局 of one issuer to one unit,
// and the query asks for that unit (unit_metrics.linked_unit), so each
// month counts whatever the bulletin printed.
package main

import (
	"cmp"
	"database/sql"
	"errors"
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
	metric := flag.String("metric", "", "only this metric (satisfaction_rate, handled …); default: handled and the rates")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: unit-trend [-html] [-metric KEY] ARCHIVE.sqlite UNIT")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *metric, *asHTML); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// record is one printed value of the unit.
type record struct {
	period                   model.Period
	label, key, text         string
	header, tableName, group string
	channel, printed         string
	value                    sql.NullFloat64
}

func run(archive, unit, metric string, asHTML bool) error {
	db, err := store.OpenSQLite(archive)
	if err != nil {
		return err
	}
	defer db.Close()
	// The unit the name stands for, under whichever spelling was asked.
	var linked string
	err = db.DB().QueryRow(`SELECT linked_unit FROM unit_metrics WHERE unit = ? OR linked_unit = ?
		GROUP BY linked_unit ORDER BY count(*) DESC LIMIT 1`, unit, unit).Scan(&linked)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: no unit printed as %s", archive, unit)
	}
	if err != nil {
		return err
	}
	rows, err := db.DB().Query(`
		SELECT period_start, period_label, table_label, table_title, channel, grp, key, header, unit, text, value
		FROM unit_metrics
		WHERE linked_unit = ? AND total = 0
		  AND (key = ? OR ? = '' AND key IN ('handled', 'on_time_rate', 'satisfaction_rate', 'excellence_rate'))
		ORDER BY period_start, tbl, key`, linked, metric, metric)
	if err != nil {
		return err
	}
	defer rows.Close()
	var recs []record
	for rows.Next() {
		var start, plabel, tlabel, title, channel, group, key, header, printed, text sql.NullString
		var r record
		if err := rows.Scan(&start, &plabel, &tlabel, &title, &channel, &group, &key, &header, &printed, &text, &r.value); err != nil {
			return err
		}
		r.period.Start, _ = model.ParseDate(start.String)
		r.period.Label = plabel.String
		r.label, r.tableName, r.key, r.header, r.text = tlabel.String, title.String, key.String, header.String, text.String
		r.channel, r.group, r.printed = channel.String, group.String, printed.String
		recs = append(recs, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if asHTML {
		return writeHTML(linked, recs)
	}
	fmt.Printf("%s (%s)\n", linked, unit)
	fmt.Printf("%-10s  %-7s  %-18s  %-8s  %s\n", "period", "channel", "metric", "printed", "as")
	for _, r := range recs {
		fmt.Printf("%-10s  %-7s  %-18s  %-8s  %s\n", r.period.Start, cmp.Or(r.channel, "-"), r.key, r.text, r.printed)
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
		name := r.header + " · " + cmp.Or(r.channel, r.label)
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
<figure>{{.SVG}}<figcaption>Rates by month, one line per rate column of each channel or table.</figcaption></figure>
<table>
<caption>Every value as printed</caption>
<thead><tr><th scope="col">period</th><th scope="col">table</th><th scope="col">column</th><th scope="col">printed</th></tr></thead>
<tbody>{{range .Records}}<tr><td>{{period .}}</td><td>{{label .}}</td><th scope="row">{{header .}}</th><td class="num">{{text .}}</td></tr>{{end}}</tbody>
</table>
</body>
</html>
`))
