package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// The units family: numbers of units the prose states, and units it names,
// against the units the tables list. Both are warnings: a table may list
// only some units, and a name in the prose may be spelt otherwise.

// checkUnits runs the unit checks.
func (c *checker) checkUnits() {
	c.checkUnitCounts()
	c.checkMentions()
}

// statesAllUnits reports whether a count figure's text puts a total marker
// before its number: a count of all the units of that kind ("共涉及57家区直
// 单位"), not of some of them ("有3个镇按时办结率低于90%").
func statesAllUnits(f *model.Figure) bool {
	num := strconv.FormatFloat(f.Value, 'f', -1, 64)
	i := strings.Index(f.Text, num)
	if i < 0 {
		return false
	}
	return vocab.UnitCountMarkers.In(f.Text[:i])
}

// unitFigureType says which kind of units a count figure counts, if it
// counts units: its counting word is 家, 个 or 所 and its label (else the
// words printed right after or before its number) names a unit type.
func unitFigureType(f *model.Figure) string {
	if !isCountFigure(f) || vocab.CounterClass(f.Unit) != vocab.Entities || f.Value != float64(int64(f.Value)) {
		return ""
	}
	if t := unitType(f.Label); t != "" {
		return t
	}
	num := strconv.FormatFloat(f.Value, 'f', -1, 64) + f.Unit
	if i := strings.Index(f.Text, num); i >= 0 {
		after := f.Text[i+len(num):]
		// The kind of unit ends the clause: at a conjunction or a mark.
		if j := strings.IndexAny(after, "，,；;。"); j >= 0 {
			after = after[:j]
		}
		if j, _ := vocab.Conjunctions.Index(after); j >= 0 {
			after = after[:j]
		}
		if t := unitType(after); t != "" {
			return t
		}
	}
	return ""
}

// checkUnitCounts compares stated numbers of units with the distinct units
// the tables of that kind list.
func (c *checker) checkUnitCounts() {
	types := map[string][]int{}
	for ti := range c.b.Tables {
		t := &c.b.Tables[ti]
		if typ := unitType(t.Title); typ != "" && !vocab.IsPartialList(t.Title) {
			types[typ] = append(types[typ], ti)
		}
	}
	type kind struct {
		units  map[string]bool
		labels []string
	}
	kinds := map[string]*kind{}
	for fi := range c.b.Figures {
		f := &c.b.Figures[fi]
		typ := unitFigureType(f)
		tables := types[typ]
		if typ == "" || len(tables) == 0 || !statesAllUnits(f) {
			continue
		}
		k, ok := kinds[typ]
		if !ok {
			k = &kind{units: map[string]bool{}}
			for _, ti := range tables {
				t := &c.b.Tables[ti]
				for ri := range t.Rows {
					if !t.Rows[ri].Total && t.Rows[ri].Unit != "" {
						k.units[normUnit(t.Rows[ri].Unit)] = true
					}
				}
				k.labels = append(k.labels, cmpLabel(t, ti))
			}
			kinds[typ] = k
		}
		units, labels := k.units, k.labels
		if int64(len(units)) == int64(f.Value) {
			c.mark(figID(fi), stConsistent)
			continue
		}
		fd := c.figFinding(Warning, UnitCount, fi)
		fd.Expected = strconv.Itoa(len(units))
		fd.Message = fmt.Sprintf("the text states %s %s; the tables of that kind (%s) list %d distinct units",
			figText(f), f.Label, strings.Join(labels, ", "), len(units))
		fd.Basis = fmt.Sprintf("%q counts all %s units; %s list %d", f.Text, typ, strings.Join(labels, ", "), len(units))
		c.add(fd, figID(fi))
	}
}

func cmpLabel(t *model.Table, ti int) string {
	if t.Label != "" {
		return t.Label
	}
	return fmt.Sprintf("table %d", ti)
}

// checkMentions reports praised, criticised or ranked units that no table
// lists.
func (c *checker) checkMentions() {
	if len(c.b.Tables) == 0 {
		return
	}
	var names []string // the units of the tables, listed when a mention needs them
	for mi := range c.b.Mentions {
		m := &c.b.Mentions[mi]
		if len(m.Matches) > 0 || !unitLike(m.Unit) {
			continue
		}
		if names == nil {
			names = []string{}
			for ti := range c.b.Tables {
				for ri := range c.b.Tables[ti].Rows {
					if row := &c.b.Tables[ti].Rows[ri]; !row.Total {
						names = append(names, row.Unit)
					}
				}
			}
		}
		if slices.ContainsFunc(names, func(n string) bool { return sameUnit(m.Unit, n) }) {
			continue
		}
		i := mi
		f := Finding{Severity: Warning, Rule: MentionUnknownUnit, Table: -1, Row: -1, Unit: m.Unit,
			Published: m.Unit, Pos: m.Pos, Mention: &i}
		f.Message = fmt.Sprintf("%s, named as %s (%s), is in no table", m.Unit, m.Role, m.Context)
		f.Basis = fmt.Sprintf("no row of the %s is %s or differs from it by an administrative prefix", plural(len(c.b.Tables), "table"), m.Unit)
		c.add(f)
	}
}

// unitLike reports whether a name read from the prose reads as a unit's
// name: two to thirty characters, no digit, percent sign or clause
// punctuation (a list item "A，转办12件" or "分别占43.9%" is not a name), and
// not a single generic word.
func unitLike(name string) bool {
	name = normUnit(name)
	n := len([]rune(name))
	if n < 2 || n > 30 {
		return false
	}
	if strings.ContainsFunc(name, func(r rune) bool {
		return unicode.IsDigit(r) || strings.ContainsRune("%％，,；;：:。、!！?？", r)
	}) {
		return false
	}
	return !vocab.GenericUnitNames.Has(name)
}
