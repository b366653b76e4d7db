package xls

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// maxStyles bounds the distinct number formats a workbook may use; cells
// under further formats show their General form.
const maxStyles = 4096

// formatter formats numbers as a spreadsheet shows them under a number
// format, with the same number-format engine the XLSX reader uses
// (excelize's), so that a workbook reads alike in both formats. It formats
// through one cell of a scratch workbook, with one style per format.
type formatter struct {
	f      *excelize.File
	styles map[string]int
}

const scratch = "Sheet1"

func newFormatter(date1904 bool) (*formatter, error) {
	f := excelize.NewFile()
	if date1904 {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			return nil, err
		}
	}
	return &formatter{f: f, styles: map[string]int{}}, nil
}

func (fm *formatter) close() { fm.f.Close() }

// format formats v under the built-in format id, or under code when the
// workbook defines the format.
func (fm *formatter) format(v float64, id int, code string) string {
	general := strconv.FormatFloat(v, 'G', 15, 64)
	if id == 0 && code == "" {
		return fm.general(v, general)
	}
	key := code
	if key == "" {
		key = "#" + strconv.Itoa(id)
	}
	style, ok := fm.styles[key]
	if !ok {
		if len(fm.styles) >= maxStyles {
			return fm.general(v, general)
		}
		st := &excelize.Style{NumFmt: id}
		if code != "" {
			st = &excelize.Style{CustomNumFmt: &code}
		}
		s, err := fm.f.NewStyle(st)
		if err != nil {
			s = 0 // a format the engine refuses shows as General
		}
		fm.styles[key] = s
		style = s
	}
	return fm.cell(v, style, general)
}

func (fm *formatter) general(v float64, fallback string) string {
	return fm.cell(v, 0, fallback)
}

// cell formats v through the scratch cell.
func (fm *formatter) cell(v float64, style int, fallback string) string {
	if fm.f.SetCellFloat(scratch, "A1", v, -1, 64) != nil || fm.f.SetCellStyle(scratch, "A1", "A1", style) != nil {
		return fallback
	}
	s, err := fm.f.GetCellValue(scratch, "A1")
	if err != nil {
		return fallback
	}
	return s
}
