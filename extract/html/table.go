package html

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Tables. A <table> on a web page is one of three things:
//
//   - a layout table, which places the page's parts (an old portal puts its
//     whole article in the cell of a table inside a table): it holds
//     another table, says role="presentation", or has fewer than two rows
//     or columns. Its cells are read as running text, in order.
//   - a box of labels and values (索引号： … 发布机构： … 成文日期： …): every
//     cell is a label ending in a colon followed by its value cell, or
//     "label：value" in one cell. It becomes Fields.
//   - a data table, which becomes a Table: rows of cells with their row and
//     column spans, the text of a cell's paragraphs and <br> lines joined
//     with "\n".

type tableKind int

const (
	layoutTable tableKind = iota
	fieldTable
	dataTable
)

// tableRow is a <tr> with its cells.
type tableRow struct {
	tr     nodeID
	cells  []nodeID
	header bool // in <thead>
}

// rowsOf returns the rows of table n (not those of tables inside it) and
// its caption.
func (e *emitter) rowsOf(n nodeID) (rows []tableRow, caption nodeID) {
	t := e.t
	caption = none
	add := func(tr nodeID, header bool) {
		r := tableRow{tr: tr, header: header}
		for c := t.nodes[tr].first; c != none; c = t.nodes[c].next {
			if tag := t.nodes[c].tag; (tag == atom.Td || tag == atom.Th) && e.a.visible[c] {
				r.cells = append(r.cells, c)
			}
		}
		rows = append(rows, r)
	}
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		if !e.a.visible[c] {
			continue
		}
		switch t.nodes[c].tag {
		case atom.Tr:
			add(c, false)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := t.nodes[c].first; r != none; r = t.nodes[r].next {
				if t.nodes[r].tag == atom.Tr && e.a.visible[r] {
					add(r, t.nodes[c].tag == atom.Thead)
				}
			}
		case atom.Caption:
			if caption == none {
				caption = c
			}
		}
	}
	return rows, caption
}

// table emits table n.
func (e *emitter) table(n nodeID) error {
	e.read[n] = true
	rows, caption := e.rowsOf(n)
	kind := dataTable
	width := 0
	nonEmpty := 0
	for _, r := range rows {
		for _, c := range r.cells {
			if kind == dataTable && e.holdsTable(c) {
				kind = layoutTable
			}
		}
		if len(r.cells) > 0 {
			nonEmpty++
		}
		width = max(width, len(r.cells))
	}
	if e.t.nodes[n].flags&flagPresentation != 0 || nonEmpty < 2 || width < 2 {
		kind = layoutTable
	}
	var texts [][]string
	if kind == dataTable {
		texts = make([][]string, len(rows))
		for i, r := range rows {
			texts[i] = make([]string, len(r.cells))
			for j, c := range r.cells {
				var raw []byte
				e.collect(c, &raw)
				texts[i][j] = normalize(raw, false)
			}
		}
		if fields := labelledCells(texts, rows, e); fields != nil {
			e.add(item{blk: &block.Fields{Fields: fields, Pos: e.pos(n)}, zone: e.zone})
			return nil
		}
	}
	if kind == layoutTable {
		if caption != none {
			if err := e.walk(caption); err != nil {
				return err
			}
		}
		for _, r := range rows {
			for _, c := range r.cells {
				outer := e.container
				e.container = c
				for k := e.t.nodes[c].first; k != none; k = e.t.nodes[k].next {
					if err := e.walk(k); err != nil {
						return err
					}
				}
				e.flush()
				e.container = outer
			}
		}
		return nil
	}
	if caption != none {
		if err := e.walk(caption); err != nil {
			return err
		}
		e.flush()
	}
	path := e.t.path(n)
	tb := &block.Table{Pos: model.Pos{Line: int(e.t.nodes[n].line), Path: path}}
	for i, r := range rows {
		if len(r.cells) == 0 {
			continue
		}
		row := block.Row{Header: r.header, Pos: model.Pos{Line: int(e.t.nodes[r.tr].line), Row: len(tb.Rows) + 1, Path: path}}
		allTH, empty := true, true
		for j, c := range r.cells {
			nd := &e.t.nodes[c]
			allTH = allTH && nd.tag == atom.Th
			empty = empty && texts[i][j] == ""
			row.Cells = append(row.Cells, block.Cell{
				Text:    texts[i][j],
				RowSpan: int(nd.rowspan),
				ColSpan: int(nd.colspan),
				Pos:     model.Pos{Line: int(nd.line), Row: len(tb.Rows) + 1, Col: j + 1, Path: path},
			})
		}
		if empty && !spans(row) {
			// Word ends a table with a row of empty cells that only sets
			// the column widths; an empty row carries nothing.
			continue
		}
		row.Header = row.Header || allTH
		e.cells += len(row.Cells)
		if e.cells > e.lim.MaxCells {
			return block.At(row.Pos, block.Exceeded("table cells", int64(e.lim.MaxCells)))
		}
		tb.Rows = append(tb.Rows, row)
	}
	if len(tb.Rows) > 0 {
		e.add(item{blk: tb, zone: e.zone})
	}
	return nil
}

// spans reports whether a row has a cell spanning rows, which the rows
// below need for their grid.
func spans(r block.Row) bool {
	for _, c := range r.Cells {
		if c.RowSpan > 1 {
			return true
		}
	}
	return false
}

// holdsTable reports whether the subtree of n holds a visible table.
func (e *emitter) holdsTable(n nodeID) bool {
	t := e.t
	for c := t.nodes[n].first; c != none; c = t.nodes[c].next {
		if t.nodes[c].kind != elementNode || !e.a.visible[c] {
			continue
		}
		if t.nodes[c].tag == atom.Table || e.holdsTable(c) {
			return true
		}
	}
	return false
}

// labelledCells reads a table of labels and values, or returns nil when
// table is not one: every cell with text must be a label ending in a colon
// followed by its value cell, or a "label：value" cell, and there must be
// two fields at least.
func labelledCells(texts [][]string, rows []tableRow, e *emitter) []block.Field {
	var fields []block.Field
	for i, row := range texts {
		for j := 0; j < len(row); j++ {
			cell := row[j]
			if cell == "" {
				continue
			}
			pos := e.pos(rows[i].cells[j])
			if label, ok := labelCell(cell); ok {
				value := ""
				if j+1 < len(row) {
					if _, isLabel := labelCell(row[j+1]); !isLabel {
						value = strings.TrimSpace(strings.ReplaceAll(row[j+1], "\n", " "))
						j++
					}
				}
				fields = append(fields, block.Field{Label: label, Value: value, Pos: pos})
				continue
			}
			label, value, ok := splitLabel(strings.ReplaceAll(cell, "\n", " "))
			if !ok {
				return nil
			}
			fields = append(fields, block.Field{Label: label, Value: value, Pos: pos})
		}
	}
	if len(fields) < 2 {
		return nil
	}
	return fields
}

// labelCell reads a cell that is only a label: "发布机构：", "索 引 号：".
func labelCell(s string) (string, bool) {
	s = compact(s)
	var colon string
	switch {
	case strings.HasSuffix(s, "："):
		colon = "："
	case strings.HasSuffix(s, ":"):
		colon = ":"
	default:
		return "", false
	}
	label, _, ok := splitLabel(s)
	if !ok || len(label)+len(colon) != len(s) || utf8.RuneCountInString(label) > maxLabelRunes {
		return "", false
	}
	return label, true
}
