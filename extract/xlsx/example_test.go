package xlsx_test

import (
	"context"
	"fmt"
	"os"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/xlsx"
)

// Reading a workbook: a rate stored as a fraction reads as the
// spreadsheet shows it, with the stored value beside it.
func ExampleRead() {
	f, err := os.Open("../../testdata/office/merged-header.xlsx")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, _ := f.Stat()
	doc, err := xlsx.Read(context.Background(), f, st.Size(), block.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Blocks[0].(*block.Paragraph).Text)
	cell := doc.Blocks[1].(*block.Table).Rows[3].Cells[4]
	fmt.Printf("%s: %s (stored %s)\n", cell.Pos, cell.Text, cell.Value)
	// Output:
	// 附件1
	// 附件1 row 4 col 5: 96.55% (stored 0.965517241379310)
}
