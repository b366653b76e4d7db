package layout

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
)

func TestPageNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"— 3 —": true, "- 12 -": true, "第3页": true, "第 3 页 共 7 页": true, "3/7": true,
		"Page 2 of 9": true, "3": true, "附件3": false, "2023年": false, "——": false,
	} {
		require.Equal(t, want, pageNumber(s), s)
	}
}

// glyphs lays out text as 10-point glyphs of 10 points' advance.
func glyphs(x, y float64, text string) []geom.Glyph {
	var out []geom.Glyph
	for _, r := range text {
		out = append(out, geom.Glyph{Text: string(r), X: x, Y: y, W: 10, Size: 10})
		x += 10
	}
	return out
}

// TestRuledTable lays out a 3×3 grid whose top left cell spans two rows
// and whose top right cells are merged.
func TestRuledTable(t *testing.T) {
	p := &geom.Page{Width: 400, Height: 400}
	seg := func(x0, y0, x1, y1 float64) {
		p.Segments = append(p.Segments, geom.Segment{X0: x0, Y0: y0, X1: x1, Y1: y1})
	}
	// rows at y 300, 280, 260, 240; columns at x 100, 160, 220, 280
	seg(100, 300, 280, 300)
	seg(160, 280, 280.6, 280) // under the merged cell, not under the spanning one
	seg(100, 260, 190, 260)   // drawn in two pieces with a sub-point gap
	seg(190.4, 260, 280, 260)
	seg(100, 240, 280, 240)
	seg(100, 240, 100, 300)
	seg(160, 240, 160, 300)
	seg(220, 240, 220, 280) // the top row's right cells are merged
	seg(280, 240, 280, 300)
	p.Glyphs = append(p.Glyphs, glyphs(110, 275, "单位")...)
	p.Glyphs = append(p.Glyphs, glyphs(170, 285, "合并")...)
	p.Glyphs = append(p.Glyphs, glyphs(170, 265, "A")...)
	p.Glyphs = append(p.Glyphs, glyphs(230, 265, "B")...)
	p.Glyphs = append(p.Glyphs, glyphs(110, 245, "甲")...)
	p.Glyphs = append(p.Glyphs, glyphs(170, 245, "1")...)
	p.Glyphs = append(p.Glyphs, glyphs(230, 245, "2")...)
	lp := Layout(p, 1)
	require.Len(t, lp.Blocks, 1)
	tb := lp.Blocks[0].(*block.Table)
	var got [][]string
	for _, r := range tb.Rows {
		var row []string
		for _, c := range r.Cells {
			s := c.Text
			if c.RowSpan > 1 || c.ColSpan > 1 {
				s += "*"
			}
			row = append(row, s)
		}
		got = append(got, row)
	}
	require.Equal(t, [][]string{{"单位*", "合并*"}, {"A", "B"}, {"甲", "1", "2"}}, got)
	require.Equal(t, 2, tb.Rows[0].Cells[0].RowSpan)
	require.Equal(t, 2, tb.Rows[0].Cells[1].ColSpan)
}

// TestUnruledTable lays out columns without rules, with a unit name
// wrapped onto a second line, and checks the paragraph above the table.
func TestUnruledTable(t *testing.T) {
	p := &geom.Page{Width: 400, Height: 400}
	add := func(x, y float64, s string) { p.Glyphs = append(p.Glyphs, glyphs(x, y, s)...) }
	add(50, 350, "标题")
	add(50, 300, "单位")
	add(150, 300, "办理数")
	add(250, 300, "满意率")
	add(50, 280, "甲局")
	add(150, 280, "4")
	add(250, 280, "100%")
	add(50, 260, "乙公司分")
	add(150, 260, "12")
	add(250, 260, "91.67%")
	add(50, 247, "公司")
	add(50, 230, "丙镇")
	add(150, 230, "3")
	add(250, 230, "0%")
	lp := Layout(p, 1)
	require.Len(t, lp.Blocks, 2)
	require.Equal(t, "标题", lp.Blocks[0].(*block.Paragraph).Text)
	tb := lp.Blocks[1].(*block.Table)
	var units []string
	for _, r := range tb.Rows {
		require.Len(t, r.Cells, 3)
		units = append(units, r.Cells[0].Text)
	}
	require.Equal(t, []string{"单位", "甲局", "乙公司分\n公司", "丙镇"}, units)
}
