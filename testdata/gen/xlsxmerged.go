//go:build ignore

// Command xlsxmerged writes the workbook testdata/office/merged-header.xlsx:
// a made-up table of five units under a two-level merged header, with the
// rates stored as fractions under percent formats and computed by
// formulas whose values are cached, one of them stale (cached 95.00%
// where its formula gives 95.83%), a 合计 row of SUM formulas, a note
// merged across the table, a hidden row and a hidden column, and a hidden
// second sheet. The sheet is named 附件1 and starts with the table, so its
// name is the table's caption.
//
//	go run testdata/gen/xlsxmerged.go OUT.xlsx
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run xlsxmerged.go OUT.xlsx")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func write(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "附件1"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	pct2, pct1 := "0.00%", "0.0%"
	s2, err := f.NewStyle(&excelize.Style{CustomNumFmt: &pct2})
	if err != nil {
		return err
	}
	s1, err := f.NewStyle(&excelize.Style{CustomNumFmt: &pct1})
	if err != nil {
		return err
	}
	set := func(cell string, v any) {
		if err == nil {
			err = f.SetCellValue(sh, cell, v)
		}
	}
	merge := func(a, b string) {
		if err == nil {
			err = f.MergeCell(sh, a, b)
		}
	}
	set("A1", "序号")
	set("B1", "单位名称")
	set("C1", "电话诉求")
	set("F1", "网民诉求")
	set("I1", "备注")
	merge("A1", "A2")
	merge("B1", "B2")
	merge("C1", "E1")
	merge("F1", "H1")
	for i, h := range []string{"办理数", "按时办结数", "按时办结率", "办理数", "按时办结数", "按时办结率"} {
		set(string(rune('C'+i))+"2", h)
	}
	units := []struct {
		name                       string
		phone, phoneOK, web, webOK int
	}{
		{"水务局", 36, 35, 7, 7},
		{"城管局", 58, 56, 12, 11},
		{"住建局", 24, 23, 9, 9},
		{"教育局", 41, 41, 6, 5},
		{"卫健委", 17, 16, 3, 3},
	}
	for i, u := range units {
		r := i + 3
		set(fmt.Sprintf("A%d", r), i+1)
		set(fmt.Sprintf("B%d", r), u.name)
		set(fmt.Sprintf("C%d", r), u.phone)
		set(fmt.Sprintf("D%d", r), u.phoneOK)
		set(fmt.Sprintf("F%d", r), u.web)
		set(fmt.Sprintf("G%d", r), u.webOK)
		phoneRate := float64(u.phoneOK) / float64(u.phone)
		if u.name == "住建局" {
			phoneRate = 0.95 // stale: the formula gives 23/24 = 95.83%
		}
		formula(f, sh, fmt.Sprintf("E%d", r), fmt.Sprintf("D%d/C%d", r, r), phoneRate, &err)
		formula(f, sh, fmt.Sprintf("H%d", r), fmt.Sprintf("G%d/F%d", r, r), float64(u.webOK)/float64(u.web), &err)
		set(fmt.Sprintf("I%d", r), "已核")
	}
	set("B8", "合计")
	totals := map[string]int{}
	for _, u := range units {
		totals["C"] += u.phone
		totals["D"] += u.phoneOK
		totals["F"] += u.web
		totals["G"] += u.webOK
	}
	for _, col := range []string{"C", "D", "F", "G"} {
		formula(f, sh, col+"8", fmt.Sprintf("SUM(%s3:%s7)", col, col), float64(totals[col]), &err)
	}
	formula(f, sh, "E8", "D8/C8", float64(totals["D"])/float64(totals["C"]), &err)
	formula(f, sh, "H8", "G8/F8", float64(totals["G"])/float64(totals["F"]), &err)
	set("A9", "注：按时办结率=按时办结数/办理数。")
	merge("A9", "I9")
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "E3", "E8", s2); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "H3", "H8", s1); err != nil {
		return err
	}
	if err := f.SetColVisible(sh, "I", false); err != nil {
		return err
	}
	if err := f.SetRowVisible(sh, 6, false); err != nil {
		return err
	}
	if _, err := f.NewSheet("说明"); err != nil {
		return err
	}
	if err := f.SetCellValue("说明", "A1", "内部核对用，不对外公布"); err != nil {
		return err
	}
	if err := f.SetSheetVisible("说明", false); err != nil {
		return err
	}
	if err := f.SaveAs(path); err != nil {
		return err
	}
	return numericCache(path)
}

// numericCache rewrites the saved worksheets so that a formula's numeric
// cached value is stored as a number, as spreadsheet programs save it
// (excelize marks every cached formula value as a string).
func numericCache(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	numeric := regexp.MustCompile(`(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="str"(><f>[^<]*</f><v>-?[0-9.Ee+-]+</v>)`)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			body = numeric.ReplaceAll(body, []byte("$1$2"))
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			return err
		}
		if _, err := w.Write(body); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// formula writes a formula with its cached value, as a spreadsheet program
// saves it.
func formula(f *excelize.File, sh, cell, expr string, cached float64, err *error) {
	if *err != nil {
		return
	}
	if *err = f.SetCellFormula(sh, cell, expr); *err != nil {
		return
	}
	*err = f.SetCellValue(sh, cell, cached)
	if *err == nil {
		*err = f.SetCellFormula(sh, cell, expr)
	}
}
