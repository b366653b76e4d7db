package text_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/text"
)

// A table printed over two pages by pdftotext -layout: the page number
// between them is furniture, and the table is one.
func ExampleRead() {
	src := "" +
		"   单位名称      办理数     按时办结率\n" +
		"   甲镇           12        91.67%\n" +
		"   乙镇            3         100%\n" +
		"\n" +
		"                    — 1 —\n" +
		"\f   丙镇        5     80%\n" +
		"   丁镇        7     100%\n"
	doc, err := text.Read(context.Background(), strings.NewReader(src), block.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *block.Table:
			for _, r := range b.Rows {
				var cells []string
				for _, c := range r.Cells {
					cells = append(cells, c.Text)
				}
				fmt.Println(strings.Join(cells, " | "))
			}
		case *block.Paragraph:
			if b.Region == block.Footer {
				fmt.Println("footer:", b.Text)
			}
		}
	}
	// Output:
	// 单位名称 | 办理数 | 按时办结率
	// 甲镇 | 12 | 91.67%
	// 乙镇 | 3 | 100%
	// 丙镇 | 5 | 80%
	// 丁镇 | 7 | 100%
	// footer: — 1 —
}
