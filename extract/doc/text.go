package doc

import (
	"context"
	"slices"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Special characters of the text stream.
const (
	chCell       = 0x07 // ends a table cell, or (as its own paragraph) a row
	chTab        = 0x09
	chLineBreak  = 0x0B
	chPageBreak  = 0x0C
	chPara       = 0x0D
	chFieldBegin = 0x13
	chFieldSep   = 0x14
	chFieldEnd   = 0x15
	chNBHyphen   = 0x1E
)

// ctxEvery is how many paragraphs are read between checks of the context.
const ctxEvery = 4096

// reader walks the main document's characters.
type reader struct {
	ctx    context.Context
	lim    block.Limits
	word   []byte
	pieces []piece
	papx   []papxRun
	out    *block.Builder

	blocks int // top-level blocks, for positions
	paras  int
	// fields holds the open fields, true once past their separator;
	// inInstr counts the false ones, so that each character asks one
	// number rather than the whole stack whether it is an instruction.
	fields  []bool
	inInstr int

	// the table being read
	rows  []docRow
	cell  []string // the paragraphs of the open cell
	cells []string // the cells of the open row
	nCell int
}

type docRow struct {
	cells []string
	def   []tableCell
}

// read reads the characters [0, ccpText): the main document.
func (rd *reader) read(ccpText int) error {
	var para strings.Builder
	for _, p := range rd.pieces {
		if p.cp >= ccpText {
			break
		}
		end := min(p.cpEnd, ccpText)
		for cp := p.cp; cp < end; cp++ {
			i := cp - p.cp
			var ch rune
			if p.compressed {
				ch = charmap.Windows1252.DecodeByte(rd.word[p.fc+i])
			} else {
				ch = rune(le.Uint16(rd.word[p.fc+2*i:]))
				if utf16.IsSurrogate(ch) && cp+1 < end {
					if r := utf16.DecodeRune(ch, rune(le.Uint16(rd.word[p.fc+2*i+2:]))); r != '\uFFFD' {
						para.WriteRune(r)
						cp++
						continue
					}
				}
			}
			switch ch {
			case chPara, chCell, chPageBreak:
				fc := p.fc + i
				if !p.compressed {
					fc = p.fc + 2*i
				}
				if err := rd.paragraph(para.String(), ch, fc); err != nil {
					return err
				}
				para.Reset()
				continue
			case chFieldBegin:
				rd.fields = append(rd.fields, false)
				rd.inInstr++
				continue
			case chFieldSep:
				if n := len(rd.fields); n > 0 && !rd.fields[n-1] {
					rd.fields[n-1] = true
					rd.inInstr--
				}
				continue
			case chFieldEnd:
				if n := len(rd.fields); n > 0 {
					if !rd.fields[n-1] {
						rd.inInstr--
					}
					rd.fields = rd.fields[:n-1]
				}
				continue
			}
			if rd.inInstr > 0 {
				continue // a field's instruction: only its result shows
			}
			switch {
			case ch == chTab:
				para.WriteByte('\t')
			case ch == chLineBreak:
				para.WriteByte('\n')
			case ch == chNBHyphen:
				para.WriteByte('-')
			case ch < 0x20, ch == 0x1F:
				// pictures, footnote and comment marks, soft hyphens
			default:
				para.WriteRune(ch)
			}
		}
	}
	if para.Len() > 0 {
		if err := rd.paragraph(para.String(), chPara, -1); err != nil {
			return err
		}
	}
	return rd.flushTable()
}

// paragraph takes a paragraph ended by mark, whose mark is at byte fc.
func (rd *reader) paragraph(text string, mark rune, fc int) error {
	if rd.paras++; rd.paras%ctxEvery == 0 {
		if err := rd.ctx.Err(); err != nil {
			return block.At(model.Pos{Part: wordStream, Block: rd.blocks}, err)
		}
	}
	var p props
	if fc >= 0 {
		p = propsAt(rd.papx, fc)
	}
	text = strings.TrimSpace(text)
	inTable := p.inTable || p.itap > 0
	switch {
	case inTable && p.ttp && mark == chCell:
		return rd.endRow(p.cells)
	case inTable && p.itap > 1 && p.innerTtp:
		rd.cell = append(rd.cell, "") // a nested table's row ends: its cells were lines
	case inTable && mark == chCell:
		rd.cell = append(rd.cell, text)
		return rd.endCell()
	case inTable:
		rd.cell = append(rd.cell, text)
	default:
		if err := rd.flushTable(); err != nil {
			return err
		}
		if text == "" {
			return nil
		}
		rd.blocks++
		return rd.out.Add(&block.Paragraph{Text: text, Pos: model.Pos{Part: wordStream, Block: rd.blocks}})
	}
	return nil
}

func (rd *reader) endCell() error {
	var lines []string
	for _, l := range rd.cell {
		if l != "" {
			lines = append(lines, l)
		}
	}
	rd.cells = append(rd.cells, strings.Join(lines, "\n"))
	rd.cell = rd.cell[:0]
	if rd.nCell++; rd.nCell > rd.lim.MaxCells {
		return block.At(model.Pos{Part: wordStream, Block: rd.blocks + 1, Row: len(rd.rows) + 1}, block.Exceeded("table cells", int64(rd.lim.MaxCells)))
	}
	return nil
}

func (rd *reader) endRow(def []tableCell) error {
	if len(rd.cell) > 0 {
		if err := rd.endCell(); err != nil {
			return err
		}
	}
	rd.rows = append(rd.rows, docRow{cells: rd.cells, def: def})
	rd.cells = nil
	if len(rd.rows) > rd.lim.MaxRows {
		return block.At(model.Pos{Part: wordStream, Block: rd.blocks + 1, Row: len(rd.rows)}, block.Exceeded("table rows", int64(rd.lim.MaxRows)))
	}
	return nil
}

// flushTable ends the table being read, if any, and adds its block.
func (rd *reader) flushTable() error {
	if len(rd.cell) > 0 || len(rd.cells) > 0 {
		// A row whose end mark is missing: keep its cells.
		rd.out.Note(model.Pos{Part: wordStream, Block: rd.blocks + 1, Row: len(rd.rows) + 1}, "table row without its end mark; kept")
		if err := rd.endRow(nil); err != nil {
			return err
		}
	}
	if len(rd.rows) == 0 {
		return nil
	}
	rd.blocks++
	t := layout(rd.rows, rd.blocks)
	rd.rows = nil
	return rd.out.Add(t)
}

// layout puts a table's rows on its grid: the columns are the cell edges
// of all rows together, a cell spans the columns between its edges, a
// cell merged into the one before it widens that one, and a cell
// continuing the one above it widens that one down. Rows whose definition
// does not match their cells are laid out one cell per column.
func layout(rows []docRow, blk int) *block.Table {
	var edges []int
	for _, r := range rows {
		if len(r.def) == len(r.cells) {
			for _, c := range r.def {
				edges = append(edges, c.left, c.right)
			}
		}
	}
	slices.Sort(edges)
	edges = slices.Compact(edges)
	col := func(x int) int { i, _ := slices.BinarySearch(edges, x); return i }

	t := &block.Table{Pos: model.Pos{Part: wordStream, Block: blk}}
	// origin[c] is the row and cell index of the cell starting at grid
	// column c in the rows above, for vertical merges.
	origin := map[int][2]int{}
	for ri, r := range rows {
		row := block.Row{Pos: model.Pos{Part: wordStream, Block: blk, Row: ri + 1}}
		defined := len(r.def) == len(r.cells)
		gc := 0
		for ci, text := range r.cells {
			cell := block.Cell{Text: text}
			span := 1
			if defined {
				d := r.def[ci]
				gc = col(d.left)
				span = max(col(d.right)-gc, 1)
				if d.horzMerged && len(row.Cells) > 0 {
					last := &row.Cells[len(row.Cells)-1]
					last.ColSpan = max(last.ColSpan, 1) + span
					if text != "" {
						last.Text = strings.TrimSpace(last.Text + "\n" + text)
					}
					continue
				}
				if o, ok := origin[gc]; ok && d.vertCont && o[0] < ri {
					above := &t.Rows[o[0]].Cells[o[1]]
					above.RowSpan = max(above.RowSpan, 1) + 1
					if text != "" {
						above.Text = strings.TrimSpace(above.Text + "\n" + text)
					}
					continue
				}
			}
			if span > 1 {
				cell.ColSpan = span
			}
			cell.Pos = model.Pos{Part: wordStream, Block: blk, Row: ri + 1, Col: gc + 1}
			origin[gc] = [2]int{ri, len(row.Cells)}
			row.Cells = append(row.Cells, cell)
			gc += span
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
