package validate

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
)

// reportDigests holds the SHA-256 of the JSON of the report Check gives on
// each case of reportCases: bulletins generated in code (consistent,
// corrupted, and mutated with the oddities a program or a misreading may
// put into a bulletin) and the benchmark bulletins. They are built without
// the extractor, so only a change to Check can change them; the fixtures
// read through the extractor have their own .want.json goldens.
// A change that makes Check faster or leaner must leave every one of them
// as it is; a change meant to alter findings rewrites the file with
// `go test ./validate -run TestReportDigests -update` and says why.
const reportDigests = "../testdata/validate/reports.sha256"

// reportCase is one bulletin and the options Check is run with.
type reportCase struct {
	name string
	b    *model.Bulletin
	opts []Option
}

func reportCases(t *testing.T) []reportCase {
	var cases []reportCase
	add := func(name string, b *model.Bulletin, opts ...Option) {
		cases = append(cases, reportCase{name, b, opts})
	}
	var generated []*model.Bulletin
	for _, mode := range Modes {
		g := &gen{r: rand.New(rand.NewPCG(uint64(mode)+300, 11)), mode: mode}
		for i := range 40 {
			g.d, g.dropZeros = i%3, i%2 == 1
			add(fmt.Sprintf("table/%s/%d", mode, i), &model.Bulletin{Tables: []model.Table{g.table()}})
		}
		dg := &docGen{gen: &gen{r: rand.New(rand.NewPCG(uint64(mode)+400, 13)), mode: mode}}
		for i := range 60 {
			dg.d, dg.dropZeros = dg.r.IntN(3), i%2 == 1
			b := dg.document()
			if i%2 == 1 {
				dg.corrupt(b)
			}
			add(fmt.Sprintf("document/%s/%d", mode, i), b)
			generated = append(generated, b)
		}
		// Several documents' tables in one bulletin, with the first one's
		// prose: notes defined under one table apply to the others.
		for i := range 10 {
			dg.d = dg.r.IntN(3)
			b := dg.document()
			for range 1 + dg.r.IntN(4) {
				o := dg.document()
				if dg.r.IntN(2) == 0 {
					dg.corrupt(o)
				}
				b.Tables = append(b.Tables, o.Tables...)
			}
			add(fmt.Sprintf("tables/%s/%d", mode, i), b)
		}
	}
	r := rand.New(rand.NewPCG(500, 17))
	for i := range 400 {
		b := cloneBulletin(generated[r.IntN(len(generated))])
		mutate(r, b)
		add(fmt.Sprintf("mutated/%d", i), b)
	}
	big, large := benchBulletins()
	for name, b := range big {
		add("bench/"+name, b)
	}
	for name, b := range large {
		add("bench/"+name, b)
	}
	return cases
}

// benchBulletins builds the bulletins of BenchmarkCheck (but the seed) and
// BenchmarkCheckLarge.
func benchBulletins() (check, large map[string]*model.Bulletin) {
	g := &gen{r: rand.New(rand.NewPCG(1, 2)), mode: HalfUp, d: 2}
	big := g.table()
	for len(big.Rows) < 10_000 {
		t := g.table()
		for _, row := range t.Rows {
			if !row.Total && len(big.Rows) < 10_000 {
				row.Unit = fmt.Sprintf("单位%d", len(big.Rows)+1)
				big.Rows = append(big.Rows, row)
			}
		}
	}
	check = map[string]*model.Bulletin{"10000rows": {Tables: []model.Table{big}}}

	var figs []model.Figure
	for i := range 20000 {
		s := float64(i%97) / 10
		figs = append(figs, model.Figure{Label: "类", Value: float64(100 + i%1000), Unit: "件", Parent: -1,
			Kind: model.Count, Share: &s, ShareDecimals: 1})
		if i%10 == 0 {
			figs = append(figs,
				model.Figure{Label: "满意率", Value: 97.3, Unit: "%", Parent: len(figs) - 1, Kind: model.RateFigure, Decimals: 1},
				model.Figure{Label: "同比增长", Value: 3.3, Unit: "%", Parent: -1, Kind: model.Change, Decimals: 1})
		}
	}
	cols := []model.Column{{Header: "单位", Key: model.Unit}}
	for j := range 60 {
		k := model.Key(fmt.Sprintf("列%d数", j))
		cols = append(cols, model.Column{Header: string(k), Key: k})
	}
	cols = append(cols, model.Column{Header: "某率", Key: "某率"}, model.Column{Header: "另率", Key: "另率"})
	tb := model.Table{Columns: cols}
	for r := range 200 {
		row := model.Row{Unit: fmt.Sprintf("单位%d", r), Cells: map[model.Key]model.Cell{}}
		for j := range 60 {
			row.Cells[cols[j+1].Key] = countCellOf(int64(r*7 + j*13))
		}
		row.Cells["某率"] = rateCellOf(fmt.Sprintf("%.2f%%", float64(r%100)+0.37), 2)
		row.Cells["另率"] = rateCellOf(fmt.Sprintf("%.2f%%", float64(r%100)+0.53), 2)
		tb.Rows = append(tb.Rows, row)
	}
	large = map[string]*model.Bulletin{
		"prose22000":  {Figures: figs},
		"table60cols": {Tables: []model.Table{tb}},
	}
	return check, large
}

// cloneBulletin copies the parts of a bulletin mutate changes.
func cloneBulletin(b *model.Bulletin) *model.Bulletin {
	c := *b
	c.Figures = slices.Clone(b.Figures)
	c.Mentions = slices.Clone(b.Mentions)
	c.Tables = slices.Clone(b.Tables)
	for ti := range c.Tables {
		t := &c.Tables[ti]
		t.Columns = slices.Clone(t.Columns)
		t.Definitions = slices.Clone(t.Definitions)
		t.Rows = slices.Clone(t.Rows)
		for ri := range t.Rows {
			cells := make(map[model.Key]model.Cell, len(t.Rows[ri].Cells))
			for k, v := range t.Rows[ri].Cells {
				cells[k] = v
			}
			t.Rows[ri].Cells = cells
		}
	}
	return &c
}

// mutate plants a few oddities in a bulletin: cells with odd texts,
// values and decimals, missing and extra cells, total rows and units
// moved, odd columns, notes, and figures with odd values.
func mutate(r *rand.Rand, b *model.Bulletin) {
	texts := []string{"12 34", "1,234", "98.5%%", "98.5％", "98.5", " 87.23% ", "—", "1.2万", "3亿", "12`3",
		"-5", "0", "100%", "83%", "0.5", "12\u00a034", "7\u30008", "45.678%", "9.67万件", "", "一百", "1e3"}
	values := []float64{0, 1, -1, 2.5, 83, 83.33, 98.5, 100, 1234, 12000, 3e8, 1e20, -7e3, math.NaN(), math.Inf(1)}
	decimals := []int{-3, -1, 0, 1, 2, 3, 12, 13, 200}
	keys := []model.Key{model.Handled, model.OnTime, model.OnTimeRate, model.Satisfied, model.SatisfactionRate,
		model.Visited, model.Excellent, model.ExcellenceRate, model.Closed, model.Open, model.Overdue,
		model.Rank, model.Score, "退回数", "某率", "列#2", "a/b/c", "合计/handled", "热线/handled", "网络/handled"}
	for range 1 + r.IntN(6) {
		if len(b.Tables) == 0 || r.IntN(8) == 0 {
			mutateFigure(r, b, values)
			continue
		}
		t := &b.Tables[r.IntN(len(b.Tables))]
		switch r.IntN(10) {
		case 0, 1, 2, 3:
			if len(t.Rows) == 0 || len(t.Columns) == 0 {
				continue
			}
			row := &t.Rows[r.IntN(len(t.Rows))]
			k := t.Columns[r.IntN(len(t.Columns))].Key
			cell := row.Cells[k]
			switch r.IntN(3) {
			case 0:
				cell.Text = texts[r.IntN(len(texts))]
			case 1:
				v := values[r.IntN(len(values))]
				cell.Value = &v
			default:
				if r.IntN(3) == 0 {
					cell.Decimals = nil
				} else {
					d := decimals[r.IntN(len(decimals))]
					cell.Decimals = &d
				}
			}
			row.Cells[k] = cell
		case 4:
			if len(t.Rows) == 0 {
				continue
			}
			row := &t.Rows[r.IntN(len(t.Rows))]
			for _, k := range slices.Sorted(maps.Keys(row.Cells)) {
				if r.IntN(3) == 0 {
					delete(row.Cells, k)
				}
			}
			if r.IntN(2) == 0 {
				v := values[r.IntN(len(values))]
				row.Cells[keys[r.IntN(len(keys))]] = model.Cell{Text: texts[r.IntN(len(texts))], Value: &v}
			}
		case 5:
			if len(t.Rows) == 0 {
				continue
			}
			row := &t.Rows[r.IntN(len(t.Rows))]
			switch r.IntN(4) {
			case 0:
				row.Total = !row.Total
			case 1:
				row.Unit = t.Rows[r.IntN(len(t.Rows))].Unit
			case 2:
				row.Unit = "123"
			default:
				row.Unit = ""
			}
		case 6, 7:
			k := keys[r.IntN(len(keys))]
			t.Columns = append(t.Columns, model.Column{Header: string(k) + "数", Key: k})
			for ri := range t.Rows {
				if r.IntN(5) != 0 {
					v := float64(r.IntN(200))
					text := fmt.Sprint(v)
					if k.IsRate() || r.IntN(9) == 0 {
						v = float64(r.IntN(10000)) / 100
						text = fmt.Sprintf("%.2f%%", v)
					}
					t.Rows[ri].Cells[k] = model.Cell{Text: text, Value: &v}
				}
			}
		case 8:
			t.Definitions = append(t.Definitions, model.Definition{
				Key: keys[r.IntN(len(keys))], Numerator: keys[r.IntN(len(keys))], Denominator: keys[r.IntN(len(keys))],
				Implies: []model.Key{keys[r.IntN(len(keys))]}, Text: "满意率＝满意数÷回访数"})
			t.Notes = append(slices.Clone(t.Notes), "满意率＝满意数÷回访数")
		default:
			if len(t.Columns) > 1 {
				i, j := r.IntN(len(t.Columns)), r.IntN(len(t.Columns))
				t.Columns[i], t.Columns[j] = t.Columns[j], t.Columns[i]
			}
		}
	}
}

func mutateFigure(r *rand.Rand, b *model.Bulletin, values []float64) {
	if len(b.Figures) == 0 {
		return
	}
	f := &b.Figures[r.IntN(len(b.Figures))]
	switch r.IntN(5) {
	case 0:
		f.Value = values[r.IntN(len(values))]
	case 1:
		f.Decimals = r.IntN(20) - 3
	case 2:
		f.Parent = r.IntN(len(b.Figures)+2) - 1
	case 3:
		s := values[r.IntN(len(values))]
		f.Share, f.ShareDecimals = &s, r.IntN(4)
	default:
		f.Unit = []string{"件", "万件", "%", "个百分点", "家", ""}[r.IntN(6)]
	}
}

func reportDigest(t *testing.T, c reportCase) string {
	data, err := json.Marshal(Check(c.b, c.opts...))
	require.NoError(t, err, c.name)
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// TestReportDigests: every case gives the report it gave when the digests
// were recorded, byte for byte.
func TestReportDigests(t *testing.T) {
	cases := reportCases(t)
	got := make(map[string]string, len(cases))
	for _, c := range cases {
		require.NotContains(t, got, c.name)
		got[c.name] = reportDigest(t, c)
	}
	if *bulletintest.Update {
		var sb strings.Builder
		for _, c := range cases {
			fmt.Fprintf(&sb, "%s  %s\n", got[c.name], c.name)
		}
		require.NoError(t, os.WriteFile(reportDigests, []byte(sb.String()), 0o644))
		return
	}
	f, err := os.Open(reportDigests)
	require.NoError(t, err, "run the test with -update to create it")
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		require.True(t, ok, "bad line %q", sc.Text())
		want[name] = sum
	}
	require.NoError(t, sc.Err())
	var differ []string
	for _, c := range cases {
		if w, ok := want[c.name]; !ok {
			differ = append(differ, c.name+" (not recorded)")
		} else if w != got[c.name] {
			differ = append(differ, c.name)
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			differ = append(differ, name+" (no longer made)")
		}
	}
	slices.Sort(differ)
	require.Empty(t, differ, "reports that changed; if that is meant, rerun with -update and say why")
}
