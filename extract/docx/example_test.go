package docx_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/docx"
)

// ExampleRead reads a DOCX whose table has a two-level merged header and
// prints its blocks: paragraphs, and table rows with their spans.
func ExampleRead() {
	f, err := os.Open("../../testdata/docx/merged-header.docx")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		log.Fatal(err)
	}
	doc, err := docx.Read(context.Background(), f, st.Size(), block.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *block.Paragraph:
			fmt.Printf("%s: %s\n", b.Pos, b.Text)
		case *block.Table:
			fmt.Printf("%s: table\n", b.Pos)
			for _, r := range b.Rows[:3] {
				var cells []string
				for _, c := range r.Cells {
					cells = append(cells, fmt.Sprintf("%s(%dx%d)", strings.ReplaceAll(c.Text, "\n", ""), max(c.RowSpan, 1), max(c.ColSpan, 1)))
				}
				fmt.Println("  ", strings.Join(cells, " "))
			}
			fmt.Printf("   … %d rows\n", len(b.Rows))
		}
	}
	// Output:
	// word/document.xml block 1: 附件
	// word/document.xml block 2: 2023年3月份各单位群众诉求办理情况
	// word/document.xml block 3: table
	//    序号(2x1) 单位名称(2x1) 电话诉求(1x3) 网民诉求(1x3)
	//    办理数(1x1) 按时办结数(1x1) 按时办结率(1x1) 办理数(1x1) 按时办结数(1x1) 按时办结率(1x1)
	//    1(1x1) 烟草局(1x1) 4(1x1) 4(1x1) 100%(1x1) 1(1x1) 1(1x1) 100%(1x1)
	//    … 8 rows
	// word/document.xml block 4: 注：按时办结率=按时办结数/办理数。
}
