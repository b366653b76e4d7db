package trend

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/model"
)

// Collector gathers the rates of units across bulletins, for one chart per
// unit. The zero value is ready to use. It holds one number per unit, rate
// column and period, not the bulletins.
type Collector struct {
	points  map[seriesKey]map[model.Date]sourced
	headers map[seriesKey]string
}

// seriesKey names one line: a unit's rate column in one table, tables
// being told apart by their label (附件1) across bulletins.
type seriesKey struct {
	unit, table string
	key         model.Key
}

type sourced struct {
	point  Point
	source string
}

// Add takes the rate of every unit row of b (total rows are left out: a
// 合计 of one table is not a unit) for b's period. A bulletin without a
// period start is skipped. source names the file; when two files give the
// same unit's rate for the same period, the one whose source sorts first is
// kept, so the charts do not depend on the order of calls.
func (c *Collector) Add(source string, b *model.Bulletin) {
	if b == nil || b.Period.Start.IsZero() {
		return
	}
	if c.points == nil {
		c.points = map[seriesKey]map[model.Date]sourced{}
		c.headers = map[seriesKey]string{}
	}
	for ti := range b.Tables {
		t := &b.Tables[ti]
		table := t.Label
		if table == "" {
			table = "table " + strconv.Itoa(ti+1)
		}
		for _, r := range t.Rows {
			unit := strings.TrimSpace(r.Unit)
			if r.Total || unit == "" {
				continue
			}
			for k, cell := range r.Cells {
				if !k.IsRate() || cell.Value == nil {
					continue
				}
				sk := seriesKey{unit, table, k}
				byPeriod := c.points[sk]
				if byPeriod == nil {
					byPeriod = map[model.Date]sourced{}
					c.points[sk] = byPeriod
					c.headers[sk] = t.HeaderOf(k)
				}
				if old, ok := byPeriod[b.Period.Start]; ok && old.source <= source {
					continue
				}
				byPeriod[b.Period.Start] = sourced{Point{Period: b.Period, Value: *cell.Value, Text: cell.Text}, source}
			}
		}
	}
}

// Charts returns one chart per unit that has rates for at least minPeriods
// periods, in the order of the units' names; each line is one rate column
// of one table ("按时办结率 · 附件1").
func (c *Collector) Charts(minPeriods int) []Chart {
	byUnit := map[string][]seriesKey{}
	for sk := range c.points {
		byUnit[sk.unit] = append(byUnit[sk.unit], sk)
	}
	units := make([]string, 0, len(byUnit))
	for u := range byUnit {
		units = append(units, u)
	}
	slices.Sort(units)
	var out []Chart
	for _, u := range units {
		keys := byUnit[u]
		slices.SortFunc(keys, func(a, b seriesKey) int {
			return cmp.Or(cmp.Compare(a.table, b.table), cmp.Compare(rateOrder(a.key), rateOrder(b.key)), cmp.Compare(a.key, b.key))
		})
		ch := Chart{Title: u}
		periods := map[model.Date]bool{}
		for _, sk := range keys {
			s := Series{Name: c.headers[sk] + " · " + sk.table}
			for d, p := range c.points[sk] {
				s.Points = append(s.Points, p.point)
				periods[d] = true
			}
			slices.SortFunc(s.Points, func(a, b Point) int { return compareDates(a.Period.Start, b.Period.Start) })
			ch.Series = append(ch.Series, s)
		}
		if len(periods) >= minPeriods {
			out = append(out, ch)
		}
	}
	return out
}

// rateOrder puts a table's rates in the order bulletins print them.
func rateOrder(k model.Key) int {
	if i := slices.Index(model.CanonicalKeys, k.Base()); i >= 0 {
		return i
	}
	return len(model.CanonicalKeys)
}
