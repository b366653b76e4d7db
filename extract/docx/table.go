package docx

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/ooxml"
	"github.com/hotline12345/bulletin/model"
)

// Merge states of w:vMerge and w:hMerge.
const (
	noMerge = iota
	restart
	continues
)

// rawCell is a w:tc as read, before merges are resolved.
type rawCell struct {
	span           int // grid columns (w:gridSpan)
	col            int // 0-based grid column
	vMerge, hMerge int
	content        []block.Block
	pos            model.Pos
	text           *string // cellText, once computed
}

// rawRow is a w:tr as read.
type rawRow struct {
	cells  []rawCell
	header bool
	before int // empty grid columns before the first cell (w:gridBefore)
	pos    model.Pos
}

// table reads a w:tbl just opened and appends it to out: as one
// block.Table, or, when it is a one-column frame around nested tables, as
// the blocks of its cells.
func (p *partReader) table(out *[]block.Block) error {
	pos := p.Pos
	if err := p.rd.countBlock(pos); err != nil {
		return err
	}
	var rows []rawRow
	n := 0     // w:tr elements seen, for positions
	cells := 0 // cells of the row before, the room the next is given
	d := p.Depth()
	for p.Depth() >= d {
		tok, err := p.Next()
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) {
			continue
		}
		switch se.Name.Local {
		case "tr":
			n++
			if len(rows) >= p.rd.lim.MaxRows {
				return block.At(p.cellPos(n, 0), block.Exceeded("table rows", int64(p.rd.lim.MaxRows)))
			}
			row, keep, err := p.row(n, cells)
			if err != nil {
				return err
			}
			cells = len(row.cells)
			if keep {
				rows = append(rows, row)
			}
		case "p", "tbl", "tc":
			// Out of place in a table: skip.
			err = p.Skip()
		default:
			if dropped[se.Name.Local] {
				err = p.Skip()
			}
		}
		if err != nil {
			return err
		}
	}
	return p.build(out, pos, rows)
}

// row reads a w:tr just opened, with room for the cells a row is expected
// to have. keep is false for a row deleted as a tracked change.
func (p *partReader) row(n, cells int) (row rawRow, keep bool, err error) {
	row.pos = p.cellPos(n, 0)
	row.cells = make([]rawCell, 0, cells)
	deleted := false
	width := 0 // grid columns of the cells read so far
	d := p.Depth()
	for p.Depth() >= d {
		tok, err := p.Next()
		if err != nil {
			return row, false, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) {
			continue
		}
		switch se.Name.Local {
		case "trPr":
			err = p.props(func(se xml.StartElement) {
				switch se.Name.Local {
				case "tblHeader":
					row.header = onOff(se)
				case "gridBefore":
					row.before = intVal(se, 0)
				case "del":
					deleted = true
				}
			})
		case "tc":
			var c rawCell
			if c, keep, err = p.cell(n, len(row.cells)+1); err == nil && keep {
				row.cells = append(row.cells, c)
				// A row wider than a whole table's grid may be stops
				// here, before its cells are all read.
				if width += c.span; width > p.rd.lim.MaxGridCells {
					err = block.At(c.pos, block.GridExceeded(p.rd.lim.MaxGridCells))
				}
			}
		case "tr", "tbl", "p":
			err = p.Skip()
		default:
			if dropped[se.Name.Local] {
				err = p.Skip()
			}
		}
		if err != nil {
			return row, false, err
		}
	}
	return row, !deleted, nil
}

// cell reads a w:tc just opened (the i-th cell of source row n). keep is
// false for a cell deleted as a tracked change.
func (p *partReader) cell(n, i int) (c rawCell, keep bool, err error) {
	c = rawCell{span: 1, pos: p.cellPos(n, i)}
	if err := p.rd.countCell(c.pos); err != nil {
		return c, false, err
	}
	deleted := false
	p.level++
	err = p.body(&c.content, func(se xml.StartElement) (bool, error) {
		switch se.Name.Local {
		case "tcPr":
			return true, p.props(func(se xml.StartElement) {
				switch se.Name.Local {
				case "gridSpan":
					c.span = intVal(se, 1)
				case "vMerge":
					c.vMerge = mergeVal(se)
				case "hMerge":
					c.hMerge = mergeVal(se)
				case "cellDel":
					deleted = true
				}
			})
		case "tc", "tr":
			return true, p.Skip()
		}
		return false, nil
	})
	p.level--
	return c, !deleted, err
}

// props calls f for each WordprocessingML child of the property element
// just opened, and consumes it.
func (p *partReader) props(f func(xml.StartElement)) error {
	d := p.Depth()
	for p.Depth() >= d {
		tok, err := p.Next()
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if isW(se.Name) && p.Depth() == d+1 {
				f(se)
			}
			if err := p.Skip(); err != nil {
				return err
			}
		}
	}
	return nil
}

// intVal reads a w:val count, clamped to [def, block.MaxSpan].
func intVal(se xml.StartElement, def int) int {
	v, _ := ooxml.Attr(se, "val")
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < def {
		return def
	}
	return min(n, block.MaxSpan)
}

// mergeVal reads w:vMerge or w:hMerge: "restart", or (the default)
// "continue".
func mergeVal(se xml.StartElement) int {
	if v, _ := ooxml.Attr(se, "val"); v == "restart" {
		return restart
	}
	return continues
}

// build turns the rows read into blocks. A row wider than the table's
// grid may be (MaxGridCells over its rows) fails with ErrLimit before the
// merge bookkeeping, which is as wide as the row, is allocated.
func (p *partReader) build(out *[]block.Block, pos model.Pos, rows []rawRow) error {
	if len(rows) == 0 {
		return nil
	}
	maxWidth := p.rd.lim.MaxGridCells / len(rows)
	if isFrame(rows) {
		for _, r := range rows {
			for _, c := range r.cells {
				*out = append(*out, c.content...)
			}
		}
		return nil
	}
	t := &block.Table{Pos: pos, Rows: make([]block.Row, 0, len(rows))}
	var above, here []origin // the cell starting at each grid column of the previous / this row
	for r := range rows {
		src := &rows[r]
		p.hMerge(src)
		row := block.Row{Header: src.header, Pos: src.pos, Cells: make([]block.Cell, 0, len(src.cells)+1)}
		col := src.before
		if src.before > 0 {
			row.Cells = append(row.Cells, block.Cell{ColSpan: spanOrZero(src.before), Pos: withCol(src.pos, 1)})
		}
		here = here[:0]
		for i := range src.cells {
			c := &src.cells[i]
			c.col = col
			if col += c.span; col > maxWidth {
				return block.At(c.pos, block.GridExceeded(p.rd.lim.MaxGridCells))
			}
			if c.vMerge == continues {
				if o, ok := at(above, c.col); ok && o.span == c.span {
					oc := &t.Rows[o.row].Cells[o.cell]
					oc.RowSpan = max(oc.RowSpan, 1) + 1
					here = put(here, c.col, o)
					if p.cellText(c) != "" {
						p.rd.problem(c.pos, "text of a vertically merged cell continuation is not shown; dropped")
					}
					continue
				}
			}
			row.Cells = append(row.Cells, block.Cell{Text: p.cellText(c), ColSpan: spanOrZero(c.span), Pos: withCol(c.pos, c.col+1)})
			here = put(here, c.col, origin{row: r, cell: len(row.Cells) - 1, span: c.span, ok: true})
		}
		t.Rows = append(t.Rows, row)
		above, here = here, above
	}
	*out = append(*out, t)
	return nil
}

// origin locates the block cell that starts at a grid column.
type origin struct {
	row, cell, span int
	ok              bool
}

func at(s []origin, col int) (origin, bool) {
	if col < len(s) && s[col].ok {
		return s[col], true
	}
	return origin{}, false
}

func put(s []origin, col int, o origin) []origin {
	for len(s) <= col {
		s = append(s, origin{})
	}
	s[col] = o
	return s
}

// hMerge joins legacy horizontally merged cells (w:hMerge) into the cell
// that starts the merge.
func (p *partReader) hMerge(r *rawRow) {
	out := r.cells[:0]
	for i := range r.cells {
		c := r.cells[i]
		if c.hMerge == continues && len(out) > 0 {
			prev := &out[len(out)-1]
			prev.span = min(prev.span+c.span, block.MaxSpan)
			if p.cellText(&c) != "" {
				p.rd.problem(c.pos, "text of a horizontally merged cell continuation is not shown; dropped")
			}
			continue
		}
		out = append(out, c)
	}
	r.cells = out
}

// isFrame reports whether a table is a one-column frame around nested
// tables: every row holds one cell and some cell holds a table. Such
// tables lay a page out; their content is read as blocks.
func isFrame(rows []rawRow) bool {
	nested := false
	for _, r := range rows {
		if len(r.cells) != 1 || r.before > 0 {
			return false
		}
		for _, b := range r.cells[0].content {
			if _, ok := b.(*block.Table); ok {
				nested = true
			}
		}
	}
	return nested
}

// cellText is a cell's text: its paragraphs, trimmed, one per line. A
// nested table is flattened into lines of tab-separated cells.
func (p *partReader) cellText(c *rawCell) string {
	if c.text != nil {
		return *c.text
	}
	var lines []string
	for _, b := range c.content {
		switch b := b.(type) {
		case *block.Paragraph:
			if s := strings.TrimSpace(b.Text); s != "" {
				lines = append(lines, s)
			}
		case *block.Table:
			p.rd.problem(c.pos, "nested table read as the cell's text")
			for _, r := range b.Rows {
				var cells []string
				for _, nc := range r.Cells {
					cells = append(cells, strings.ReplaceAll(nc.Text, "\n", " "))
				}
				if s := strings.TrimSpace(strings.Join(cells, "\t")); s != "" {
					lines = append(lines, s)
				}
			}
		}
	}
	s := strings.Join(lines, "\n")
	c.text = &s
	return s
}

func spanOrZero(n int) int {
	if n <= 1 {
		return 0
	}
	return n
}

func withCol(pos model.Pos, col int) model.Pos {
	pos.Col = col
	return pos
}
