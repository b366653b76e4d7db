package validate

import "github.com/hotline12345/bulletin/model"

// Every family reads the same cells; each column's values are read from
// the cell maps once per table and kept by row.

// colCounts is one column's counts by row.
type colCounts struct {
	v   []count
	has []bool
}

// colRates is one column's printed rates by row.
type colRates struct {
	p   []printed
	has []bool
}

// counts returns the counts of column k of table ti, by row.
func (c *checker) counts(ti int, k model.Key) *colCounts {
	info := &c.tabs[ti]
	if v, ok := info.countCache[k]; ok {
		return v
	}
	t := &c.b.Tables[ti]
	v := &colCounts{v: make([]count, len(t.Rows)), has: make([]bool, len(t.Rows))}
	for ri := range t.Rows {
		v.v[ri], v.has[ri] = cellCount(&t.Rows[ri], k)
	}
	if info.countCache == nil {
		info.countCache = map[model.Key]*colCounts{}
	}
	info.countCache[k] = v
	return v
}

// rates returns the printed rates of column k of table ti, by row.
func (c *checker) rates(ti int, k model.Key) *colRates {
	info := &c.tabs[ti]
	if v, ok := info.rateCache[k]; ok {
		return v
	}
	t := &c.b.Tables[ti]
	v := &colRates{p: make([]printed, len(t.Rows)), has: make([]bool, len(t.Rows))}
	for ri := range t.Rows {
		if cell, ok := t.Rows[ri].Cells[k]; ok {
			v.p[ri], v.has[ri] = printedRate(cell)
		}
	}
	if info.rateCache == nil {
		info.rateCache = map[model.Key]*colRates{}
	}
	info.rateCache[k] = v
	return v
}

// countAt returns the count of row ri under key k in table ti.
func (c *checker) countAt(ti, ri int, k model.Key) (count, bool) {
	v := c.counts(ti, k)
	return v.v[ri], v.has[ri]
}

// sumCols is the columns of a sum, read once.
type sumCols []*colCounts

func (c *checker) sumCols(ti int, keys []model.Key) sumCols {
	cs := make(sumCols, len(keys))
	for i, k := range keys {
		cs[i] = c.counts(ti, k)
	}
	return cs
}

// at adds the counts of row ri, with their tolerances; ok is false when
// one is missing.
func (cs sumCols) at(ri int) (sum, tol int64, ok bool) {
	for _, col := range cs {
		if !col.has[ri] {
			return 0, 0, false
		}
		sum += col.v[ri].v
		tol += col.v[ri].tol
	}
	return sum, tol, true
}

// exactAt adds the counts of row ri when all are exact.
func (cs sumCols) exactAt(ri int) (int64, bool) {
	sum, tol, ok := cs.at(ri)
	return sum, ok && tol == 0
}
