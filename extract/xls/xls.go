package xls

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/cfb"
	"github.com/hotline12345/bulletin/extract/internal/sheet"
	"github.com/hotline12345/bulletin/model"
)

// ctxEvery is how many records are read between checks of the context.
const ctxEvery = 4096

// maxColumns is the widest sheet BIFF8 allows (IV).
const maxColumns = 256

// maxFormatCode is the longest number format code Excel accepts.
const maxFormatCode = 255

// Read reads the Excel 97-2003 workbook in r (an OLE compound file with a
// BIFF8 Workbook stream, as Excel, WPS (.et) and LibreOffice write .xls),
// which holds size bytes, into blocks: each visible worksheet in workbook
// order, laid out as paragraphs and tables (see the package documentation).
//
// Every error is a *block.ParseError whose Pos names the sheet (and the
// cell where it matters) or the stream, and whose cause wraps a sentinel:
// [block.ErrFormat] for what is not a readable workbook (a record running
// past its stream, a sheet offset outside it), [block.ErrUnsupported] for
// an Excel 5/95 workbook or a compound file without a workbook stream,
// [block.ErrEncrypted] for a workbook protected with a password,
// [block.ErrLimit] when lim is exceeded, or the context's error when ctx
// ends (checked before each sheet and every few thousand records).
func Read(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
	lim, err := lim.CheckInput(ctx, size)
	if err != nil {
		return nil, err
	}
	f, err := cfb.Open(r, size, lim)
	if err != nil {
		return nil, err
	}
	name := "Workbook"
	if !f.Has(name) {
		if f.Has("Book") {
			return nil, block.At(model.Pos{Part: "Book"}, fmt.Errorf("%w: Excel 5/95 workbook; save it as .xlsx", block.ErrUnsupported))
		}
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: compound file without a Workbook stream; save it as .xlsx", block.ErrUnsupported))
	}
	stream, err := f.Stream(name)
	if err != nil {
		return nil, err
	}
	rd := &workbook{ctx: ctx, lim: lim, stream: stream, out: block.NewBuilder(lim), formats: map[int]string{}}
	if err := rd.globals(); err != nil {
		return nil, err
	}
	fm, err := newFormatter(rd.date1904)
	if err != nil {
		return nil, block.At(model.Pos{Part: name}, fmt.Errorf("%w: number formats: %w", block.ErrFormat, err))
	}
	defer fm.close()
	rd.fm = fm
	if err := rd.sheets(); err != nil {
		return nil, err
	}
	return rd.out.Document(), nil
}

// workbook reads one Workbook stream.
type workbook struct {
	ctx    context.Context
	lim    block.Limits
	stream []byte
	out    *block.Builder
	fm     *formatter

	sst      []string
	formats  map[int]string // custom number formats by id
	xfFormat []int          // the number format id of each XF
	date1904 bool
	bound    []boundSheet
}

type boundSheet struct {
	name        string
	offset      int
	state, kind byte
}

func (wb *workbook) fail(pos model.Pos, err error) error {
	return block.At(pos, fmt.Errorf("%w: %w", block.ErrFormat, err))
}

// globals reads the workbook globals substream: sheets, shared strings,
// number formats and cell formats.
func (wb *workbook) globals() error {
	pos := model.Pos{Part: "Workbook"}
	rs := &records{s: wb.stream}
	bof, err := rs.raw()
	if err != nil {
		return wb.fail(pos, err)
	}
	if bof.typ != recBOF || len(bof.data) < 4 || le.Uint16(bof.data) != 0x0600 || le.Uint16(bof.data[2:]) != 0x0005 {
		return block.At(pos, fmt.Errorf("%w: the Workbook stream is not a BIFF8 workbook (Excel 97 or later); save it as .xlsx", block.ErrUnsupported))
	}
	for n := 0; ; n++ {
		if n%ctxEvery == 0 {
			if err := wb.ctx.Err(); err != nil {
				return block.At(pos, err)
			}
		}
		rec, err := rs.next(true)
		if err != nil {
			return wb.fail(pos, err)
		}
		rd := &reader{r: rec}
		switch rec.typ {
		case recEOF:
			return nil
		case recFilePass:
			return block.At(pos, fmt.Errorf("%w: the workbook is protected with a password", block.ErrEncrypted))
		case recDateMode:
			v, err := rd.u16()
			if err != nil {
				return wb.fail(pos, err)
			}
			wb.date1904 = v == 1
		case recBoundSheet:
			if len(wb.bound) >= wb.lim.MaxParts {
				return block.At(pos, block.Exceeded("sheets", int64(wb.lim.MaxParts)))
			}
			off, err := rd.u32()
			if err != nil {
				return wb.fail(pos, err)
			}
			state, err1 := rd.u8()
			kind, err2 := rd.u8()
			name, err3 := rd.shortString()
			if err := firstErr(err1, err2, err3); err != nil {
				return wb.fail(pos, err)
			}
			wb.bound = append(wb.bound, boundSheet{name: name, offset: int(off), state: state & 0x03, kind: kind})
		case recSST:
			if err := wb.readSST(rd); err != nil {
				return wb.fail(pos, err)
			}
		case recFormat:
			id, err := rd.u16()
			if err != nil {
				return wb.fail(pos, err)
			}
			code, err := rd.unicodeString(false)
			if err != nil {
				return wb.fail(pos, err)
			}
			if n := utf8.RuneCountInString(code); n > maxFormatCode {
				// The number-format engine takes time growing with the
				// square of the code's length, for every cell under it.
				wb.out.Note(pos, fmt.Sprintf("number format %d is %d characters long, more than the %d Excel allows; its cells show their General form",
					id, n, maxFormatCode))
				code = "General"
			}
			wb.formats[int(id)] = code
		case recXF:
			if err := rd.skip(2); err != nil {
				return wb.fail(pos, err)
			}
			id, err := rd.u16()
			if err != nil {
				return wb.fail(pos, err)
			}
			wb.xfFormat = append(wb.xfFormat, int(id))
		}
	}
}

// readSST reads the shared string table. Its count is not trusted for an
// allocation: strings are appended as they are read.
func (wb *workbook) readSST(rd *reader) error {
	if err := rd.skip(4); err != nil {
		return err
	}
	n, err := rd.u32()
	if err != nil {
		return err
	}
	for i := uint32(0); i < n; i++ {
		s, err := rd.unicodeString(true)
		if err != nil {
			return fmt.Errorf("shared string %d of %d: %w", i+1, n, err)
		}
		wb.sst = append(wb.sst, s)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sheets reads the worksheets in workbook order. Their substreams must lie
// in the stream, one after another without overlapping, so that no byte
// is read twice.
func (wb *workbook) sheets() error {
	order := make([]int, len(wb.bound))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return wb.bound[a].offset - wb.bound[b].offset })
	got := make([]*sheet.Sheet, len(wb.bound))
	end := 0
	for _, i := range order {
		b := wb.bound[i]
		pos := model.Pos{Part: b.name}
		if b.kind != 0 || b.state != 0 {
			continue
		}
		if b.offset < end || b.offset >= len(wb.stream) {
			return wb.fail(pos, fmt.Errorf("sheet starts at byte %d, outside the stream or inside another sheet", b.offset))
		}
		if err := wb.ctx.Err(); err != nil {
			return block.At(pos, err)
		}
		sh, stop, err := wb.sheet(b)
		if err != nil {
			return err
		}
		got[i], end = sh, stop
	}
	for i, b := range wb.bound {
		pos := model.Pos{Part: b.name}
		switch {
		case b.kind == 2:
			continue // a chart sheet: no cells
		case b.kind != 0:
			wb.out.Note(pos, "sheet is not a worksheet; not read")
			continue
		case b.state != 0:
			wb.out.Note(pos, "sheet is hidden in the workbook; not read")
			continue
		}
		if err := got[i].Blocks(wb.out, wb.out.Note); err != nil {
			return err
		}
	}
	return nil
}

// sheet reads one worksheet substream and returns where it ends.
func (wb *workbook) sheet(b boundSheet) (*sheet.Sheet, int, error) {
	sh := &sheet.Sheet{Name: b.name, HiddenRows: map[int]bool{}, HiddenCols: map[int]bool{}}
	pos := model.Pos{Part: b.name}
	rs := &records{s: wb.stream, pos: b.offset}
	bof, err := rs.raw()
	if err != nil {
		return nil, 0, wb.fail(pos, err)
	}
	if bof.typ != recBOF {
		return nil, 0, wb.fail(pos, fmt.Errorf("sheet at byte %d does not start with a BOF record", b.offset))
	}
	maxRow, maxCol := 0, 0
	add := func(row, col int, text, value string) error {
		cpos := model.Pos{Part: b.name, Row: row + 1, Col: col + 1}
		if col >= maxColumns {
			return wb.fail(cpos, fmt.Errorf("column %d beyond the %d a sheet has", col+1, maxColumns))
		}
		if len(sh.Cells) >= wb.lim.MaxSheetCells {
			return block.At(cpos, block.Exceeded("cells in a sheet", int64(wb.lim.MaxSheetCells)))
		}
		if text == "" {
			return nil
		}
		maxRow, maxCol = max(maxRow, row+1), max(maxCol, col+1)
		if maxRow*maxCol > wb.lim.MaxSheetCells {
			return block.At(cpos, fmt.Errorf("%w: cells span %d rows × %d columns, more than %d cells in a sheet",
				block.ErrLimit, maxRow, maxCol, wb.lim.MaxSheetCells))
		}
		if value == text {
			value = ""
		}
		sh.Cells = append(sh.Cells, sheet.Cell{Row: row + 1, Col: col + 1, Text: text, Value: value})
		return nil
	}
	// pending is a formula cell (row, column) whose text result follows
	// in a STRING record; a cell or the sheet's end coming first means the
	// result is missing, which is reported rather than dropped.
	var pending *[2]int
	dropPending := func() {
		if pending != nil {
			wb.out.Note(model.Pos{Part: b.name, Row: pending[0] + 1, Col: pending[1] + 1},
				"formula's text result missing (no STRING record follows it); cell left empty")
			pending = nil
		}
	}
	for n := 0; ; n++ {
		if n%ctxEvery == 0 {
			if err := wb.ctx.Err(); err != nil {
				return nil, 0, block.At(pos, err)
			}
		}
		rec, err := rs.next(rsJoins(rs))
		if err != nil {
			return nil, 0, wb.fail(pos, err)
		}
		rd := &reader{r: rec}
		var row, col, xf uint16
		if isCell(rec.typ) || rec.typ == recEOF {
			dropPending()
		}
		if isCell(rec.typ) {
			var err1, err2, err3 error
			row, err1 = rd.u16()
			col, err2 = rd.u16()
			xf, err3 = rd.u16()
			if err := firstErr(err1, err2, err3); err != nil {
				return nil, 0, wb.fail(pos, err)
			}
		}
		var text, value string
		switch rec.typ {
		case recEOF:
			return sh, rs.pos, nil
		case recBOF:
			return nil, 0, wb.fail(pos, fmt.Errorf("record at byte %d: a substream inside the sheet", rec.off))
		case recRow:
			r, err := rd.u16()
			if err != nil || rd.skip(10) != nil {
				return nil, 0, wb.fail(pos, fmt.Errorf("ROW record at byte %d: %w", rec.off, errShort))
			}
			flags, _ := rd.u16()
			if flags&0x0020 != 0 {
				sh.HiddenRows[int(r)+1] = true
			}
			continue
		case recColInfo:
			first, err1 := rd.u16()
			last, err2 := rd.u16()
			err3 := rd.skip(4)
			flags, err4 := rd.u16()
			if firstErr(err1, err2, err3, err4) != nil {
				return nil, 0, wb.fail(pos, fmt.Errorf("COLINFO record at byte %d: %w", rec.off, errShort))
			}
			if flags&0x0001 != 0 {
				for c := int(first); c <= min(int(last), maxColumns-1); c++ {
					sh.HiddenCols[c+1] = true
				}
			}
			continue
		case recMergedCells:
			k, err := rd.u16()
			if err != nil {
				return nil, 0, wb.fail(pos, err)
			}
			for range k {
				r0, e1 := rd.u16()
				r1, e2 := rd.u16()
				c0, e3 := rd.u16()
				c1, e4 := rd.u16()
				if err := firstErr(e1, e2, e3, e4); err != nil {
					return nil, 0, wb.fail(pos, err)
				}
				if len(sh.Merges) >= wb.lim.MaxSheetCells {
					return nil, 0, block.At(pos, block.Exceeded("merged ranges in a sheet", int64(wb.lim.MaxSheetCells)))
				}
				sh.Merges = append(sh.Merges, sheet.Range{FirstRow: int(min(r0, r1)) + 1, FirstCol: int(min(c0, c1)) + 1,
					LastRow: int(max(r0, r1)) + 1, LastCol: int(max(c0, c1)) + 1})
			}
			continue
		case recLabelSST:
			i, err := rd.u32()
			if err != nil {
				return nil, 0, wb.fail(pos, err)
			}
			if int(i) >= len(wb.sst) {
				return nil, 0, wb.fail(model.Pos{Part: b.name, Row: int(row) + 1, Col: int(col) + 1},
					fmt.Errorf("shared string %d of %d", i, len(wb.sst)))
			}
			text = wb.sst[i]
		case recLabel:
			if text, err = rd.unicodeString(false); err != nil {
				return nil, 0, wb.fail(pos, err)
			}
		case recNumber:
			if err := rd.need(8); err != nil {
				return nil, 0, wb.fail(pos, err)
			}
			text, value = wb.number(math.Float64frombits(le.Uint64(rec.data[6:])), xf)
		case recRK:
			v, err := rd.u32()
			if err != nil {
				return nil, 0, wb.fail(pos, err)
			}
			text, value = wb.number(rk(v), xf)
		case recMulRK:
			// row, first column, then (XF, RK) pairs, then the last column;
			// the XF read above is the first pair's.
			rd.pos = 4
			for c := int(col); rd.pos+6 <= len(rec.data)-2; c++ {
				x, _ := rd.u16()
				v, _ := rd.u32()
				t, val := wb.number(rk(v), x)
				if err := add(int(row), c, t, val); err != nil {
					return nil, 0, err
				}
			}
			continue
		case recBoolErr:
			v, err1 := rd.u8()
			isErr, err2 := rd.u8()
			if firstErr(err1, err2) != nil {
				return nil, 0, wb.fail(pos, fmt.Errorf("BOOLERR record at byte %d: %w", rec.off, errShort))
			}
			text = boolErr(v, isErr != 0)
		case recFormula:
			if err := rd.need(8); err != nil {
				return nil, 0, wb.fail(pos, err)
			}
			res := rec.data[6:14]
			if le.Uint16(res[6:]) != 0xFFFF {
				text, value = wb.number(math.Float64frombits(le.Uint64(res)), xf)
				break
			}
			switch res[0] {
			case 0: // a string, in the STRING record that follows
				pending = &[2]int{int(row), int(col)}
			case 1:
				text = boolErr(res[2], false)
			case 2:
				text = boolErr(res[2], true)
			}
		case recString:
			if pending == nil {
				continue
			}
			s, err := rd.unicodeString(false)
			if err != nil {
				return nil, 0, wb.fail(pos, err)
			}
			row, col, text = uint16(pending[0]), uint16(pending[1]), s
			pending = nil
		default:
			continue
		}
		if err := add(int(row), int(col), text, value); err != nil {
			return nil, 0, err
		}
	}
}

// rsJoins says whether the record at the reader's position carries
// CONTINUE records to join: only strings do (a STRING record's).
func rsJoins(rs *records) bool {
	return rs.pos+2 <= len(rs.s) && le.Uint16(rs.s[rs.pos:]) == recString
}

func isCell(typ uint16) bool {
	switch typ {
	case recLabelSST, recLabel, recNumber, recRK, recMulRK, recBoolErr, recFormula:
		return true
	}
	return false
}

// boolErr writes a BOOLERR value as a spreadsheet shows it.
func boolErr(v byte, isErr bool) string {
	if !isErr {
		if v != 0 {
			return "TRUE"
		}
		return "FALSE"
	}
	switch v {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#ERROR"
}

// number formats a number under the cell's format, and returns the stored
// value beside it.
func (wb *workbook) number(v float64, xf uint16) (string, string) {
	stored := strconv.FormatFloat(v, 'f', -1, 64)
	id := 0
	if int(xf) < len(wb.xfFormat) {
		id = wb.xfFormat[xf]
	}
	return wb.fm.format(v, id, wb.formats[id]), stored
}
