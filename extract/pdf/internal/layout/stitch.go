package layout

import (
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
)

// Stitch repairs table rows split by a page break. When a page ends with a
// table and the following page starts with one of the same width, the first
// row of the second table after the rows that repeat the first table's
// leading rows (a repeated header) is the rest of the first table's last
// row if it fills fewer than half of the cells and spans nothing: its
// texts are appended to that row's cells and the row is removed. Joining
// the tables themselves is left to the interpreter.
func Stitch(pages []*Page) {
	for i := 1; i < len(pages); i++ {
		if pages[i].Num != pages[i-1].Num+1 {
			continue // a page between them could not be read
		}
		a := lastTable(pages[i-1])
		b := firstTable(pages[i])
		if a == nil || b == nil || len(a.Rows) == 0 {
			continue
		}
		last := &a.Rows[len(a.Rows)-1]
		width := len(last.Cells)
		if !plain(*last, width) {
			continue
		}
		h := 0
		for h < len(a.Rows)-1 && h < len(b.Rows) && sameTexts(a.Rows[h], b.Rows[h]) {
			h++
		}
		if h >= len(b.Rows) {
			continue
		}
		rest := b.Rows[h]
		if !plain(rest, width) {
			continue
		}
		filled := 0
		for _, c := range rest.Cells {
			if strings.TrimSpace(c.Text) != "" {
				filled++
			}
		}
		if filled == 0 || filled*2 >= width {
			continue
		}
		for k, c := range rest.Cells {
			if t := strings.TrimSpace(c.Text); t != "" {
				if last.Cells[k].Text != "" {
					last.Cells[k].Text += "\n"
				}
				last.Cells[k].Text += t
			}
		}
		b.Rows = append(b.Rows[:h], b.Rows[h+1:]...)
	}
}

// plain reports whether a row has width cells and no spans.
func plain(r block.Row, width int) bool {
	if len(r.Cells) != width {
		return false
	}
	for _, c := range r.Cells {
		if c.RowSpan > 1 || c.ColSpan > 1 {
			return false
		}
	}
	return true
}

func sameTexts(a, b block.Row) bool {
	if len(a.Cells) != len(b.Cells) {
		return false
	}
	for k := range a.Cells {
		if strings.Join(strings.Fields(a.Cells[k].Text), "") != strings.Join(strings.Fields(b.Cells[k].Text), "") {
			return false
		}
	}
	return true
}

// lastTable returns the page's last block if it is a table, ignoring the
// furniture candidates after it.
func lastTable(p *Page) *block.Table {
	for i := len(p.Blocks) - 1; i >= 0; i-- {
		if p.isCandidate(p.Blocks[i]) {
			continue
		}
		t, _ := p.Blocks[i].(*block.Table)
		return t
	}
	return nil
}

// firstTable returns the page's first block if it is a table, ignoring
// the furniture candidates before it.
func firstTable(p *Page) *block.Table {
	for _, b := range p.Blocks {
		if p.isCandidate(b) {
			continue
		}
		t, _ := b.(*block.Table)
		return t
	}
	return nil
}

func (p *Page) isCandidate(b block.Block) bool {
	for _, c := range p.candidates {
		if block.Block(c.p) == b {
			return true
		}
	}
	return false
}
