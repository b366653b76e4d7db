package validate

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/model"
)

// docGen builds random bulletins that are consistent by construction:
// tables whose handled count is split into status counts (with an
// unrecognised 退回数 column closing the split), or whose status counts
// carry items over from earlier periods; unrelated extra count columns;
// notes defining a rate's denominator; total rows; and prose with a total,
// its parts (in brackets, or with shares), its changes, a prose rate with
// its counts, a 个百分点 change with both rates and the items passed on to
// the tables' units. Every rate and share is printed from its counts under
// the document's rounding mode.
type docGen struct {
	*gen
	para int // the current paragraph, as the line of its figures
	figs []model.Figure
	// note: the bulletin defines satisfaction over the closed count, under
	// each table that prints one (or under the first only).
	note, noteOnce bool
	notePrinted    bool
}

func (g *docGen) fig(f model.Figure) int {
	f.Pos = model.Pos{Line: g.para}
	g.figs = append(g.figs, f)
	return len(g.figs) - 1
}

// percent prints 100·k/n in the document's mode at d decimals, trailing
// zeros kept, as its value.
func (g *docGen) percent(k, n int64, d int) (float64, int) {
	v, _ := roundRate(uint64(k), uint64(n), d, g.mode)
	f, _ := strconv.ParseFloat(formatFixed(v, d), 64)
	return f, d
}

// tableSpec says what a generated table holds.
type tableSpec struct {
	partition   bool // handled = closed + open + 退回数
	carryOver   bool // closed and open printed, not a split of handled
	visited     bool
	noteClosed  bool // satisfaction over closed, defined in a note
	noSatisfied bool // the satisfied count not printed (GRIM)
	extra       bool // 督办数, an unrelated count
	total       bool
	rows        int
}

type docRow struct {
	handled, closed, open, back, visited, onTime, satisfied, excellent, extra int64
}

func (g *docGen) spec() tableSpec {
	s := tableSpec{rows: 1 + g.r.IntN(12), total: g.r.IntN(3) == 0, extra: g.r.IntN(3) == 0,
		visited: g.r.IntN(4) == 0, noSatisfied: g.r.IntN(6) == 0}
	switch g.r.IntN(4) {
	case 0:
		s.partition, s.rows = true, 5+g.r.IntN(10)
	case 1:
		s.carryOver = true
	}
	if (s.partition || s.carryOver) && g.note {
		s.noteClosed, s.noSatisfied = true, false
	}
	return s
}

func (g *docGen) table(ti int, s tableSpec) model.Table {
	cols := []model.Column{{Header: "单位名称", Key: model.Unit}, {Header: "办理数", Key: model.Handled}}
	add := func(h string, k model.Key) { cols = append(cols, model.Column{Header: h, Key: k}) }
	if s.partition || s.carryOver {
		add("办结数", model.Closed)
		add("未办结数", model.Open)
	}
	if s.partition {
		add("退回数", "退回数")
	}
	if s.visited {
		add("回访数", model.Visited)
	}
	add("按时办结数", model.OnTime)
	add("按时办结率", model.OnTimeRate)
	if !s.noSatisfied {
		add("满意数", model.Satisfied)
	}
	if g.note && !s.noteClosed {
		// Another measure than the note's: printed under another header.
		add("群众满意率", model.SatisfactionRate)
	} else {
		add("满意率", model.SatisfactionRate)
	}
	add("优秀数", model.Excellent)
	add("优秀率", model.ExcellenceRate)
	if s.extra {
		add("督办数", "督办数")
	}
	t := model.Table{Label: fmt.Sprintf("附件%d", ti+1), Title: "各单位工单办理情况", Columns: cols}
	if s.noteClosed && (!g.notePrinted || !g.noteOnce) {
		g.notePrinted = true
		t.Notes = []string{"满意率＝满意数÷办结数"}
		t.Definitions = []model.Definition{{Key: model.SatisfactionRate, Numerator: model.Satisfied,
			Denominator: model.Closed, Text: t.Notes[0]}}
	}
	var sum docRow
	addRow := func(unit string, total bool, v docRow) {
		row := model.Row{Unit: unit, Total: total, Cells: map[model.Key]model.Cell{}}
		set := func(k model.Key, n int64) { row.Cells[k] = countCellOf(n) }
		set(model.Handled, v.handled)
		satBase := v.handled
		if s.partition || s.carryOver {
			set(model.Closed, v.closed)
			set(model.Open, v.open)
		}
		if s.partition {
			set("退回数", v.back)
		}
		if s.visited {
			set(model.Visited, v.visited)
			satBase = v.visited
		}
		if s.noteClosed {
			satBase = v.closed
		}
		set(model.OnTime, v.onTime)
		row.Cells[model.OnTimeRate] = g.rate(v.onTime, v.handled)
		if !s.noSatisfied {
			set(model.Satisfied, v.satisfied)
		}
		row.Cells[model.SatisfactionRate] = g.rate(v.satisfied, satBase)
		set(model.Excellent, v.excellent)
		row.Cells[model.ExcellenceRate] = g.rate(v.excellent, v.handled)
		if s.extra {
			set("督办数", v.extra)
		}
		t.Rows = append(t.Rows, row)
	}
	for i := range s.rows {
		var v docRow
		v.handled = g.denominator()
		switch {
		case s.partition:
			v.open = g.r.Int64N(4)
			if g.r.IntN(2) == 0 {
				v.back = g.r.Int64N(3)
			}
			v.handled = max(v.handled, v.open+v.back+1)
			v.closed = v.handled - v.open - v.back
		case s.carryOver:
			// Items carried over: the counts never add up to handled.
			v.closed = g.below(v.handled)
			v.open = v.handled - v.closed + 1 + g.r.Int64N(5)
		}
		v.visited = g.below(v.handled)
		v.onTime = g.below(v.handled)
		base := v.handled
		switch {
		case s.noteClosed:
			base = v.closed
		case s.visited:
			base = v.visited
		}
		v.satisfied = g.below(base)
		v.excellent = g.below(min(v.onTime, v.satisfied))
		v.extra = g.below(v.handled)
		addRow(fmt.Sprintf("%s单位%d", []string{"东区", "西区"}[ti%2], i+1), false, v)
		sum.handled += v.handled
		sum.closed += v.closed
		sum.open += v.open
		sum.back += v.back
		sum.visited += v.visited
		sum.onTime += v.onTime
		sum.satisfied += v.satisfied
		sum.excellent += v.excellent
		sum.extra += v.extra
	}
	if s.total {
		addRow("合计", true, sum)
	}
	return t
}

// tableTotal is the handled count of a table: its total row, else its
// rows' sum.
func tableTotal(t *model.Table) int64 {
	var sum int64
	for _, row := range t.Rows {
		n, _ := row.Count(model.Handled)
		if row.Total {
			return n
		}
		sum += n
	}
	return sum
}

// prose writes the prose of a bulletin whose tables pass on dispatched
// items.
func (g *docGen) prose(dispatched int64) {
	g.para = 1
	parts := 2 + g.r.IntN(4)
	vals := make([]int64, parts)
	var total int64
	for i := range vals {
		vals[i] = 1 + g.r.Int64N(3000)
		total += vals[i]
	}
	complete := g.r.IntN(3) != 0
	if !complete {
		// A 其中 list that is not exhaustive: what it leaves out shows in
		// its shares.
		total += total/10 + 1 + g.r.Int64N(500)
	}
	t := g.fig(model.Figure{Label: "受理群众诉求", Value: float64(total), Unit: "件", Text: fmt.Sprintf("共受理群众诉求%d件", total), Parent: -1, Kind: model.Count})
	// The change against last year.
	delta := 1 + g.r.Int64N(total/2+1)
	word, sign := "增加", int64(1)
	if g.r.IntN(2) == 0 {
		word, sign = "减少", -1
	}
	g.fig(model.Figure{Label: "比上年同期" + word, Value: float64(sign * delta), Unit: "件", Text: fmt.Sprintf("比上年同期%s%d件", word, delta), Parent: t, Kind: model.Change})
	p, d := g.percent(delta, total-sign*delta, 1)
	rel := "同比增长"
	if sign < 0 {
		rel = "同比下降"
	}
	g.fig(model.Figure{Label: rel, Value: float64(sign) * p, Unit: "%", Text: fmt.Sprintf("%s%s%%", rel, strconv.FormatFloat(p, 'f', d, 64)), Parent: t, Kind: model.Change, Decimals: d})
	// Its parts: a breakdown in brackets, or a list with shares.
	brackets := complete && g.r.IntN(2) == 0
	shareDec := 1 + g.r.IntN(2)
	names := []string{"咨询类", "求助类", "投诉类", "建议类", "其他类"}
	if !complete {
		names[4] = "表扬类" // a residual part would claim the list complete
	}
	for i, v := range vals {
		f := model.Figure{Label: names[i], Value: float64(v), Unit: "件", Text: fmt.Sprintf("%s%d件", names[i], v), Parent: t, Kind: model.Count, InBrackets: brackets}
		if !brackets {
			s, sd := g.percent(v, total, shareDec)
			f.Share, f.ShareDecimals = &s, sd
		}
		g.fig(f)
	}
	// The items passed on to units, which the tables list.
	g.para++
	if dispatched > 0 {
		g.fig(model.Figure{Label: "转办承办单位", Value: float64(dispatched), Unit: "件", Text: fmt.Sprintf("转办承办单位%d件", dispatched), Parent: -1, Kind: model.Count})
	}
	// A prose rate with its count and base.
	g.para++
	visited := 1 + g.r.Int64N(5000)
	satisfied := g.below(visited)
	vf := g.fig(model.Figure{Label: "回访群众", Value: float64(visited), Unit: "件", Text: fmt.Sprintf("回访群众%d件", visited), Parent: -1, Kind: model.Count})
	g.fig(model.Figure{Label: "满意", Value: float64(satisfied), Unit: "件", Text: fmt.Sprintf("其中满意%d件", satisfied), Parent: vf, Kind: model.Count})
	r, rd := g.percent(satisfied, visited, 2)
	rf := g.fig(model.Figure{Label: "满意率", Value: r, Unit: "%", Text: fmt.Sprintf("满意率%s%%", strconv.FormatFloat(r, 'f', rd, 64)), Parent: vf, Kind: model.RateFigure, Decimals: rd})
	// A change in points against both printed rates.
	before := float64(g.r.IntN(10000)) / 100
	diff := r - before
	word = "提升"
	if diff < 0 {
		word = "下降"
	}
	pts, _ := strconv.ParseFloat(strconv.FormatFloat(diff, 'f', 2, 64), 64)
	g.fig(model.Figure{Label: "较上月" + word, Value: pts, Unit: "个百分点", Text: fmt.Sprintf("较上月%s%.2f个百分点", word, abs(pts)), Parent: rf, Kind: model.Change, Decimals: 2, Base: &before})
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// document returns a consistent random bulletin.
func (g *docGen) document() *model.Bulletin {
	g.figs = nil
	g.note, g.noteOnce, g.notePrinted = g.r.IntN(3) == 0, g.r.IntN(2) == 0, false
	b := &model.Bulletin{}
	var dispatched int64
	for ti := range 1 + g.r.IntN(2) {
		t := g.table(ti, g.spec())
		dispatched += tableTotal(&t)
		b.Tables = append(b.Tables, t)
	}
	g.prose(dispatched)
	b.Figures = g.figs
	return b
}

// TestPropertyConsistentBulletins: random consistent bulletins, under each
// rounding mode, give no error.
func TestPropertyConsistentBulletins(t *testing.T) {
	runs := propertyRuns(t)
	for _, mode := range Modes {
		t.Run(mode.String(), func(t *testing.T) {
			g := &docGen{gen: &gen{r: rand.New(rand.NewPCG(uint64(mode)+100, 7)), mode: mode}}
			warnings := map[Rule]int{}
			for i := range runs {
				g.d = g.r.IntN(3)
				g.dropZeros = i%2 == 1
				b := g.document()
				rep := Check(b)
				for _, f := range rep.Findings {
					if f.Severity == Error {
						require.Failf(t, "error on a consistent bulletin", "run %d: %s\nbasis: %s\n%s", i, f.Error(), f.Basis, dumpDoc(b))
					}
					if f.Severity == Warning {
						warnings[f.Rule]++
					}
				}
			}
			t.Logf("%d bulletins: no error; warnings %v", runs, warnings)
		})
	}
}

// corruption is one planted fault and the places a report of it may be on.
type corruption struct {
	what  string
	cells []valueID // the corrupted value, and the values whose relation it breaks
}

// corrupt plants one fault in a consistent bulletin, if one of its kinds
// applies, and says where it must be reported.
func (g *docGen) corrupt(b *model.Bulletin) (corruption, bool) {
	type option func() (corruption, bool)
	var opts []option
	for ti := range b.Tables {
		tb := &b.Tables[ti]
		opts = append(opts, func() (corruption, bool) { return g.corruptRate(b, ti) })
		if tb.Has("退回数") {
			opts = append(opts, func() (corruption, bool) { return g.corruptSplit(b, ti) })
		}
		if len(tb.Rows) > 0 && tb.Rows[len(tb.Rows)-1].Total {
			opts = append(opts, func() (corruption, bool) { return g.corruptTotal(b, ti) })
		}
	}
	opts = append(opts, func() (corruption, bool) { return g.corruptFigure(b) })
	for range 4 {
		if c, ok := opts[g.r.IntN(len(opts))](); ok {
			return c, true
		}
	}
	return corruption{}, false
}

func cellAt(b *model.Bulletin, ti, ri int, k model.Key) valueID {
	return valueID{int32(ti), int32(ri), -1, int32(b.Tables[ti].Column(k))}
}

// corruptRate moves a rate cell whose counts are printed outside the
// interval of every rounding of them, or changes its numerator so that it
// no longer holds.
func (g *docGen) corruptRate(b *model.Bulletin, ti int) (corruption, bool) {
	tb := &b.Tables[ti]
	ri, rk, ok := corruptible(g.r, tb)
	if !ok {
		return corruption{}, false
	}
	row := &tb.Rows[ri]
	nk, _ := rk.CountKey()
	den := model.Handled
	if rk.Base() == model.SatisfactionRate {
		switch {
		case len(tb.Definitions) > 0 || (tb.Has(model.Closed) && tb.HeaderOf(rk) == "满意率" && g.note):
			den = model.Closed
		case tb.Has(model.Visited):
			den = model.Visited
		}
	}
	k, _ := row.Count(nk)
	n, okN := row.Count(den)
	p, _ := printedRate(row.Cells[rk])
	if !okN || n == 0 {
		return corruption{}, false
	}
	at := []valueID{cellAt(b, ti, ri, rk), cellAt(b, ti, ri, nk)}
	if g.r.IntN(2) == 0 {
		D := p.Decimals
		for range 100 {
			delta := g.r.Int64N(2*pow10i(D)*5+1) - pow10i(D)*5
			np := printed{p.Scaled + delta, D}
			if delta == 0 || np.Scaled < 0 || fits(uint64(k), uint64(n), np, D) != 0 {
				continue
			}
			text, dec := rateText(uint64(np.Scaled), D, false)
			row.Cells[rk] = rateCellOf(text, dec)
			return corruption{"rate " + string(rk), at}, true
		}
		return corruption{}, false
	}
	for range 100 {
		nkv := g.r.Int64N(n + 1)
		if fits(uint64(nkv), uint64(n), p, p.Decimals) == 0 {
			row.Cells[nk] = countCellOf(nkv)
			return corruption{"numerator " + string(nk), at}, true
		}
	}
	return corruption{}, false
}

// corruptSplit changes a row's handled count in a table split into status
// counts.
func (g *docGen) corruptSplit(b *model.Bulletin, ti int) (corruption, bool) {
	tb := &b.Tables[ti]
	ri := g.r.IntN(len(tb.Rows))
	if tb.Rows[ri].Total {
		return corruption{}, false
	}
	h, _ := tb.Rows[ri].Count(model.Handled)
	nh := h + 1 + g.r.Int64N(9)
	tb.Rows[ri].Cells[model.Handled] = countCellOf(nh)
	return corruption{"split", []valueID{cellAt(b, ti, ri, model.Handled)}}, true
}

// corruptTotal changes one count of a total row.
func (g *docGen) corruptTotal(b *model.Bulletin, ti int) (corruption, bool) {
	tb := &b.Tables[ti]
	ri := len(tb.Rows) - 1
	counts := newChecker(b).countColumns(ti)
	k := counts[g.r.IntN(len(counts))]
	v, _ := tb.Rows[ri].Count(k)
	tb.Rows[ri].Cells[k] = countCellOf(v + 1 + g.r.Int64N(20))
	return corruption{"total " + string(k), []valueID{cellAt(b, ti, ri, k)}}, true
}

// corruptFigure changes a share, a part of a complete list, a relative
// change, a change in points or a prose rate.
func (g *docGen) corruptFigure(b *model.Bulletin) (corruption, bool) {
	figs := b.Figures
	i := g.r.IntN(len(figs))
	f := &figs[i]
	at := []valueID{figID(i)}
	switch {
	case f.Share != nil:
		sp, _ := printedShare(f)
		tot := uint64(figs[f.Parent].Value)
		for range 100 {
			d := g.r.Int64N(41) - 20
			np := printed{sp.Scaled + d*pow10i(sp.Decimals-1), sp.Decimals}
			if d == 0 || np.Scaled < 0 || fits(uint64(f.Value), tot, np, np.Decimals) != 0 || otherShareReading(figs, i, np) {
				continue
			}
			v, _ := strconv.ParseFloat(formatFixed(uint64(np.Scaled), np.Decimals), 64)
			f.Share = &v
			return corruption{"share", at}, true
		}
	case f.InBrackets:
		var sum float64
		for _, o := range figs {
			if o.Parent == f.Parent && o.InBrackets {
				sum += o.Value
			}
		}
		add := float64(1 + g.r.IntN(50))
		for _, o := range figs {
			if o.Value == sum+add { // the new sum must be no other stated count
				return corruption{}, false
			}
		}
		f.Value += add
		// Nor may the first parts make the total: the others would read
		// as another list.
		var prefix float64
		for j := range figs {
			if figs[j].Parent == f.Parent && figs[j].InBrackets {
				prefix += figs[j].Value
				if prefix == figs[f.Parent].Value {
					f.Value -= add
					return corruption{}, false
				}
			}
		}
		f.Text = fmt.Sprintf("%s%d件", f.Label, int64(f.Value))
		return corruption{"bracketed part", append(at, figID(f.Parent))}, true
	case f.Kind == model.Change && f.Unit == "%":
		step := 0.1 * float64(2+g.r.IntN(30))
		if g.r.IntN(2) == 0 && abs(f.Value) > step {
			step = -step
		}
		nv, _ := strconv.ParseFloat(strconv.FormatFloat(abs(f.Value)+step, 'f', 1, 64), 64)
		if f.Value < 0 {
			nv = -nv
		}
		f.Value = nv
		return corruption{"relative change", at}, true
	case f.Unit == "个百分点":
		step := 0.05 + float64(g.r.IntN(300))/100
		if f.Value < 0 {
			step = -step
		}
		f.Value += step
		f.Value, _ = strconv.ParseFloat(strconv.FormatFloat(f.Value, 'f', 2, 64), 64)
		return corruption{"change in points", at}, true
	case f.Kind == model.RateFigure:
		n := figs[f.Parent].Value
		for range 100 {
			nv := float64(g.r.IntN(10001)) / 100
			p, _ := toPrinted(nv, 2)
			if s, _, _ := grim(uint64(n), p); s == 0 || g.r.IntN(2) == 0 {
				// Out of GRIM, or a value some other k gives: either way
				// not the printed count's.
				k := uint64(figs[i-1].Value)
				if fits(k, uint64(n), p, 2) == 0 && fits(uint64(n)-k, uint64(n), p, 2) == 0 && nv != 100 && nv != 0 {
					f.Value, f.Decimals = nv, 2
					return corruption{"prose rate", at}, true
				}
			}
		}
	}
	return corruption{}, false
}

// otherShareReading reports whether a share value is another part's share
// of the total, or the part's share of another count of its paragraph: a
// reading the checker takes for the extractor's slip, not a wrong share.
func otherShareReading(figs []model.Figure, i int, p printed) bool {
	f := &figs[i]
	tot := uint64(figs[f.Parent].Value)
	for j, o := range figs {
		if j == i || o.Pos != f.Pos || o.Kind != model.Count {
			continue
		}
		if fits(uint64(o.Value), tot, p, p.Decimals) != 0 {
			return true
		}
		if o.Value >= f.Value && o.Value > 0 && fits(uint64(f.Value), uint64(o.Value), p, p.Decimals) != 0 {
			return true
		}
	}
	return false
}

// TestPropertyBulletinCorruptions: one fault planted in a consistent random
// bulletin is reported on its cell or figure (or on the value whose
// relation it breaks).
func TestPropertyBulletinCorruptions(t *testing.T) {
	runs := propertyRuns(t)
	for _, mode := range Modes {
		t.Run(mode.String(), func(t *testing.T) {
			g := &docGen{gen: &gen{r: rand.New(rand.NewPCG(uint64(mode)+200, 9)), mode: mode}}
			kinds, asErrors := map[string]int{}, map[string]int{}
			done := 0
			for i := 0; done < runs; i++ {
				g.d = g.r.IntN(3)
				g.dropZeros = i%2 == 1
				b := g.document()
				cor, ok := g.corrupt(b)
				if !ok {
					continue
				}
				done++
				kind := strings.Fields(cor.what)[0]
				kinds[kind]++
				rep := Check(b)
				var found *Finding
				for fi, f := range rep.Findings {
					if f.Severity == Info {
						continue
					}
					if id, ok := findingID(b, f); ok && contains(cor.cells, id) {
						found = &rep.Findings[fi]
						if f.Severity == Error {
							break
						}
					}
				}
				require.NotNil(t, found, "run %d: %s not reported\n%s\nfindings: %v", i, cor.what, dumpDoc(b), rep.Findings)
				if found.Severity == Error {
					asErrors[kind]++
				}
			}
			t.Logf("%d corruptions %v all reported, as errors %v", done, kinds, asErrors)
		})
	}
}

// findingID names the value a finding is about.
func findingID(b *model.Bulletin, f Finding) (valueID, bool) {
	switch {
	case f.Figure != nil:
		return figID(*f.Figure), true
	case f.Table >= 0 && f.Row >= 0:
		return valueID{int32(f.Table), int32(f.Row), -1, int32(b.Tables[f.Table].Column(f.Column))}, true
	}
	return valueID{}, false
}

func contains(ids []valueID, id valueID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// dumpDoc prints a bulletin's tables and figures for failure messages.
func dumpDoc(b *model.Bulletin) string {
	var sb strings.Builder
	sb.WriteString(dump(b))
	for _, t := range b.Tables {
		for _, d := range t.Definitions {
			sb.WriteString("note: " + d.Text + "\n")
		}
	}
	for i, f := range b.Figures {
		share := ""
		if f.Share != nil {
			share = fmt.Sprintf(" 占%v%%", *f.Share)
		}
		base := ""
		if f.Base != nil {
			base = fmt.Sprintf(" base %v", *f.Base)
		}
		fmt.Fprintf(&sb, "fig %d: %s %v%s parent %d %s%s%s line %d\n", i, f.Label, f.Value, f.Unit, f.Parent, f.Kind, share, base, f.Pos.Line)
	}
	return sb.String()
}
