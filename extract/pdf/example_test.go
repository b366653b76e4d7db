package pdf_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf"
)

// Read a PDF into blocks: paragraphs in reading order, and tables whose
// merged cells carry their row and column spans. Lines wrapped inside a
// cell are joined with "\n" (printed here as "/").
func ExampleRead() {
	f, err := os.Open("../../testdata/pdf/merged-header.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := pdf.Read(context.Background(), f, st.Size(), block.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *block.Paragraph:
			fmt.Printf("page %d: %s\n", b.Pos.Page, b.Text)
		case *block.Table:
			for _, r := range append(b.Rows[:3:3], b.Rows[len(b.Rows)-1]) {
				var cells []string
				for _, c := range r.Cells {
					s := strings.ReplaceAll(c.Text, "\n", "/")
					if c.RowSpan > 1 || c.ColSpan > 1 {
						s += fmt.Sprintf(" (%d×%d)", c.RowSpan, c.ColSpan)
					}
					cells = append(cells, s)
				}
				fmt.Println(strings.Join(cells, " | "))
			}
		}
	}
	// Output:
	// page 1: 附件
	// page 1: 2023年3月份各单位群众诉求办理情况
	// 序号 (2×1) | 单位名称 (2×1) | 电话诉求 (1×3) | 网民诉求 (1×3)
	// 办理数 | 按时/办结数 | 按时/办结率 | 办理数 | 按时/办结数 | 按时/办结率
	// 1 | 烟草局 | 4 | 4 | 100% | 1 | 1 | 100%
	// 合计 (1×2) | 251 | 248 | 98.8% | 18 | 17 | 94.44%
	// page 1: 注：按时办结率=按时办结数/办理数。
}
