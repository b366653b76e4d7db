package layout

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
)

func TestPageNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"— 3 —": true, "- 12 -": true, "第3页": true, "第 3 页 共 7 页": true, "3/7": true,
		"Page 2 of 9": true, "3": true, "-3-": true, "第3頁": true, "（3）": true,
		"附件3": false, "2023年": false, "——": false, "1 23 45": false, "3件": false,
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

// textPage is an empty page of the given size and a function that lays
// out a text on it with glyphs.
func textPage(width, height float64) (*geom.Page, func(x, y float64, s string)) {
	p := &geom.Page{Width: width, Height: height}
	return p, func(x, y float64, s string) { p.Glyphs = append(p.Glyphs, glyphs(x, y, s)...) }
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
	p, add := textPage(400, 400)
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

// TestFurnitureKey checks that page numbers inside a running line are
// left out of its key, and label numbers are not.
func TestFurnitureKey(t *testing.T) {
	require.Equal(t, furnitureKey("file:///tmp/a.html 1/5"), furnitureKey("file:///tmp/a.html 2/5"))
	require.NotEqual(t, furnitureKey("附件1"), furnitureKey("附件2"))
}

// TestWrappedParagraphs lays out 公文-style paragraphs: 15-point text at
// a pitch of more than two font sizes, first lines indented by two
// characters, numbers and their counting words broken over lines.
func TestWrappedParagraphs(t *testing.T) {
	p := &geom.Page{Width: 595, Height: 842}
	add := func(x, y float64, s string) {
		for _, r := range s {
			p.Glyphs = append(p.Glyphs, geom.Glyph{Text: string(r), X: x, Y: y, W: 15, Size: 15})
			x += 15
			if r < 0x80 {
				x -= 7 // Latin letters and digits are half as wide
			}
		}
	}
	// Full lines run from 71 to 461 (26 characters); first lines start
	// two characters in.
	add(101, 700, "本月全区共受理群众诉求事项，较上月有所增加，共计")
	add(71, 667.7, "2660件。其中电话诉求占多数，网络诉求较上月减少。")
	add(101, 635.4, "各单位要认真办理，确保诉求件件有回音，事事都有着")
	add(71, 603.1, "落，群众满意度稳步提升，办理质量进一步提高，请各单位")
	add(71, 570.8, "继续努力。")
	add(101, 538.5, "特此通报。")
	lp := Layout(p, 1)
	var got []string
	for _, b := range lp.Blocks {
		got = append(got, b.(*block.Paragraph).Text)
	}
	require.Equal(t, []string{
		"本月全区共受理群众诉求事项，较上月有所增加，共计2660件。其中电话诉求占多数，网络诉求较上月减少。",
		"各单位要认真办理，确保诉求件件有回音，事事都有着落，群众满意度稳步提升，办理质量进一步提高，请各单位继续努力。",
		"特此通报。",
	}, got)
}

// TestPageNumberUnderTable lays out a table that fills the page down to
// its page number, on a landscape page, and one that starts a page under
// a running head: both are furniture, not captions.
func TestPageNumberUnderTable(t *testing.T) {
	p, add := textPage(842, 595)
	for i := range 5 {
		y := 140 - float64(i)*20
		add(100, y, "单位甲")
		add(300, y, "12")
		add(500, y, "95%")
	}
	add(400, 45, "— 2 —") // 5 points under the last row
	lp := Layout(p, 2)
	last := lp.Blocks[len(lp.Blocks)-1].(*block.Paragraph)
	require.Equal(t, "— 2 —", last.Text)
	Furniture([]*Page{lp})
	require.Equal(t, block.Footer, last.Region)
	_, isTable := lp.Blocks[len(lp.Blocks)-2].(*block.Table)
	require.True(t, isTable)
}

// headerOf lays out a page and returns its table's rows as "text RxC".
func headerOf(t *testing.T, p *geom.Page, rows int) [][]string {
	t.Helper()
	lp := Layout(p, 1)
	for _, b := range lp.Blocks {
		tb, ok := b.(*block.Table)
		if !ok {
			continue
		}
		var out [][]string
		for _, r := range tb.Rows[:rows] {
			var row []string
			for _, c := range r.Cells {
				row = append(row, fmt.Sprintf("%s %dx%d", c.Text, max(c.RowSpan, 1), max(c.ColSpan, 1)))
			}
			out = append(out, row)
		}
		return out
	}
	t.Fatal("no table")
	return nil
}

// TestUnruledHeaders lays out two headers without rules over the same
// columns. In the first, a cell wrapped over two lines is centred like
// the cells beside it: one header row. In the second, a group name lies
// over the middle of three columns whose names are level with each
// other under it: a group spanning them.
func TestUnruledHeaders(t *testing.T) {
	cols := []float64{50, 150, 200, 250, 300}
	page := func(header func(add func(x, y float64, s string))) *geom.Page {
		p, add := textPage(400, 400)
		header(add)
		for i := range 4 {
			y := 250 - float64(i)*20
			add(cols[0], y, "甲乙局")
			for _, x := range cols[1:] {
				add(x, y, "12")
			}
		}
		return p
	}
	wrapped := page(func(add func(x, y float64, s string)) {
		add(cols[0], 286, "单位")
		add(cols[1], 286, "一数")
		add(cols[2], 293, "二数")
		add(cols[2], 279, "之和")
		add(cols[3], 286, "三数")
		add(cols[4], 286, "四数")
	})
	require.Equal(t, [][]string{{"单位 1x1", "一数 1x1", "二数\n之和 1x1", "三数 1x1", "四数 1x1"}}, headerOf(t, wrapped, 1))

	grouped := page(func(add func(x, y float64, s string)) {
		add(cols[0], 284, "单位")
		add(cols[2], 298, "分组")
		add(cols[1], 272, "一数")
		add(cols[2], 272, "二数")
		add(cols[3], 272, "三数")
		add(cols[4], 284, "四数")
	})
	require.Equal(t, [][]string{
		{"单位 2x1", "分组 1x3", "四数 2x1"},
		{"一数 1x1", "二数 1x1", "三数 1x1"},
	}, headerOf(t, grouped, 2))
}

// TestUnruledSectionHeadings lays out a table without rules whose units
// are grouped under section headings (（一）县直部门) that start in the
// narrow 序号 column and run into the unit column: each heading is a row
// of its own, neither the top of the next unit's name nor the end of the
// table.
func TestUnruledSectionHeadings(t *testing.T) {
	p, add := textPage(400, 400)
	add(50, 300, "序号")
	add(80, 300, "单位")
	add(200, 300, "办理数")
	add(280, 300, "办结率")
	add(80, 283, "合计")
	add(200, 283, "70")
	add(280, 283, "95.71%")
	add(50, 266, "（一）县直部门")
	for i, r := range [][3]string{{"1", "甲局", "20"}, {"2", "乙局", "15"}, {"", "", ""}, {"1", "丙镇", "25"}, {"2", "丁乡", "10"}} {
		y := 249 - 17*float64(i)
		if r[0] == "" {
			add(50, y, "（二）乡镇")
			continue
		}
		add(50, y, r[0])
		add(80, y, r[1])
		add(200, y, r[2])
		add(280, y, "96%")
	}
	lp := Layout(p, 1)
	require.Len(t, lp.Blocks, 1)
	tb := lp.Blocks[0].(*block.Table)
	var got []string
	for _, r := range tb.Rows {
		require.Len(t, r.Cells, 4)
		got = append(got, r.Cells[0].Text+"|"+r.Cells[1].Text)
	}
	require.Equal(t, []string{"序号|单位", "|合计", "|（一）县直部门", "1|甲局", "2|乙局", "|（二）乡镇", "1|丙镇", "2|丁乡"}, got)
}

// TestUnruledFirstLabelCentred lays out a borderless table with a
// two-level header whose first unit name wraps onto two lines centred on
// its row (one line above the values, one below): the top line is the
// row's, not a third header line.
func TestUnruledFirstLabelCentred(t *testing.T) {
	p, add := textPage(500, 400)
	cols := []float64{50, 100, 200, 250, 300, 350}
	add(cols[2], 320, "热线")
	add(cols[4], 320, "互动")
	add(cols[0], 310, "序号")
	add(cols[1], 310, "单位")
	for k, h := range []string{"交办", "办结", "交办", "办结"} {
		add(cols[2+k], 300, h)
	}
	// As LibreOffice sets it: the name's lines 15 apart around the row's
	// values, the rows 20 apart, the first 27 from the second.
	add(cols[1], 280.4, "区粮食和物")
	for i, u := range []string{"", "乙局", "丙镇", "丁乡"} {
		y := 272.8 - 27.1*min(float64(i), 1) - 19.6*max(float64(i)-1, 0)
		add(cols[0], y, []string{"1", "2", "3", "4"}[i])
		if u != "" {
			add(cols[1], y, u)
		}
		for _, x := range cols[2:] {
			add(x, y, "12")
		}
	}
	add(cols[1], 265.3, "资储备局")
	lp := Layout(p, 1)
	require.Len(t, lp.Blocks, 1)
	tb := lp.Blocks[0].(*block.Table)
	require.Len(t, tb.Rows, 6)
	require.Equal(t, "单位", tb.Rows[0].Cells[1].Text)
	require.Equal(t, "区粮食和物\n资储备局", tb.Rows[2].Cells[1].Text)
}

// TestUnruledSectionUnderHeader: a section heading right under the header
// of a table without rules is a row of the body, not a header line.
func TestUnruledSectionUnderHeader(t *testing.T) {
	p, add := textPage(400, 400)
	add(50, 300, "单位")
	add(200, 300, "办理数")
	add(280, 300, "办结率")
	add(50, 283, "一、甲镇")
	for i, u := range []string{"甲村", "乙村", "丙村"} {
		y := 266 - 17*float64(i)
		add(50, y, u)
		add(200, y, "20")
		add(280, y, "95%")
	}
	lp := Layout(p, 1)
	require.Len(t, lp.Blocks, 1)
	tb := lp.Blocks[0].(*block.Table)
	var got []string
	for _, r := range tb.Rows {
		got = append(got, r.Cells[0].Text)
	}
	require.Equal(t, []string{"单位", "一、甲镇", "甲村", "乙村", "丙村"}, got)
}
