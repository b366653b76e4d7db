package xlsx

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/ooxml"
	"github.com/hotline12345/bulletin/extract/internal/sheet"
	"github.com/hotline12345/bulletin/model"
)

// ctxEvery is how many cells are read between checks of the context.
const ctxEvery = 4096

// Read reads the XLSX workbook in r, which holds size bytes, into blocks:
// each visible worksheet in workbook order, laid out as paragraphs and
// tables (see the package documentation).
//
// Every error is a *block.ParseError whose Pos names the sheet (and the row
// and cell where it matters) or the package part, and whose cause wraps a
// sentinel: [block.ErrFormat] for what is not a readable workbook,
// [block.ErrUnsupported] for an OOXML package that is not a workbook,
// [block.ErrEncrypted] for an encrypted zip entry, [block.ErrLimit] when
// lim is exceeded, or the context's error when ctx ends (checked before
// each sheet and every few thousand cells or XML tokens).
func Read(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
	lim, err := lim.CheckInput(ctx, size)
	if err != nil {
		return nil, err
	}
	p, err := ooxml.Open(r, size, lim)
	if err != nil {
		return nil, err
	}
	main, err := p.MainPart(ctx)
	if err != nil {
		return nil, err
	}
	if main == "" && p.File("xl/workbook.xml") != nil {
		main = "xl/workbook.xml"
	}
	if main == "" || p.File(main) == nil {
		return nil, block.At(model.Pos{Part: "_rels/.rels"}, fmt.Errorf("%w: the package has no workbook", block.ErrFormat))
	}
	sheets, err := workbook(ctx, p, main)
	if err != nil {
		return nil, err
	}
	rd := &reader{ctx: ctx, lim: lim, out: block.NewBuilder(lim)}
	// The spreadsheet library inflates every entry of the package when it
	// opens it: check them all, from the central directory, first.
	if err := p.ReserveAll(); err != nil {
		return nil, err
	}
	// Survey every sheet that will be read, streaming, before the library
	// loads anything: this bounds what it will lay out, and reads each
	// sheet's part through archive/zip's checks (the library ignores a
	// part that inflates short).
	var todo []*sheetTodo
	for _, s := range sheets {
		switch {
		case s.kind != "worksheet" || p.File(s.part) == nil:
			if s.kind != "chartsheet" {
				rd.out.Note(model.Pos{Part: s.name}, "sheet is not a worksheet; not read")
			}
			continue
		case s.state == "hidden" || s.state == "veryHidden":
			rd.out.Note(model.Pos{Part: s.name}, "sheet is hidden in the workbook; not read")
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, block.At(model.Pos{Part: s.name}, err)
		}
		sv, err := surveySheet(ctx, p, s.part, s.name)
		if err != nil {
			return nil, err
		}
		todo = append(todo, &sheetTodo{name: s.name, survey: sv})
	}
	if err := drain(p, "xl/sharedStrings.xml"); err != nil {
		return nil, err
	}
	if err := checkStyles(ctx, p); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		// Everything stays in memory: the checks above bound it, and a
		// library reading a document must not write temporary files.
		UnzipSizeLimit:    lim.MaxTotalBytes,
		UnzipXMLSizeLimit: lim.MaxTotalBytes,
	})
	if err != nil {
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: %w", block.ErrFormat, err))
	}
	defer f.Close()
	rd.f = f
	for _, s := range todo {
		if err := rd.sheet(s); err != nil {
			return nil, err
		}
	}
	return rd.out.Document(), nil
}

// drain reads a part through to its end, so that archive/zip checks its
// size and checksum before the spreadsheet library, which ignores both,
// uses it.
func drain(p *ooxml.Package, name string) error {
	if p.File(name) == nil {
		return nil
	}
	rc, err := p.Part(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return block.At(model.Pos{Part: name}, fmt.Errorf("%w: %w", block.ErrFormat, err))
	}
	return nil
}

// maxFormatCode is the longest number format code Excel accepts.
const maxFormatCode = 255

// checkStyles reads the styles part through, as drain does, and refuses a
// number format code longer than Excel accepts: the library formats every
// cell under it in time growing with the square of the code's length
// (255 characters take 0.4 ms a cell, 8000 take 0.4 s).
func checkStyles(ctx context.Context, p *ooxml.Package) error {
	const name = "xl/styles.xml"
	if p.File(name) == nil {
		return nil
	}
	rc, err := p.Part(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	t := ooxml.NewTokens(ctx, name, rc, p.Limits())
	for {
		tok, err := t.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "numFmt" {
			code, _ := ooxml.Attr(se, "formatCode")
			if n := utf8.RuneCountInString(code); n > maxFormatCode {
				id, _ := ooxml.Attr(se, "numFmtId")
				return t.Fail(fmt.Errorf("%w: number format %s is %d characters long, more than the %d Excel allows",
					block.ErrFormat, id, n, maxFormatCode))
			}
		}
	}
}

type sheetTodo struct {
	name   string
	survey *survey
}

// reader reads one workbook.
type reader struct {
	ctx context.Context
	lim block.Limits
	f   *excelize.File
	out *block.Builder
}

// sheet reads the values of the cells the survey found and lays the sheet
// out.
func (rd *reader) sheet(s *sheetTodo) error {
	sv := s.survey
	sh := &sheet.Sheet{Name: s.name, Merges: sv.merges, HiddenRows: sv.hiddenRows}
	shown, stored, err := rd.values(s)
	if err != nil {
		return err
	}
	maxCol := 0
	formulas := newRecheck(rd, s.name, sv)
	for i, c := range sv.cells {
		if i%ctxEvery == 0 {
			if err := rd.ctx.Err(); err != nil {
				return block.At(model.Pos{Part: s.name, Row: c.row, Col: c.col}, err)
			}
		}
		text, value := at(shown, c), at(stored, c)
		if c.formula {
			if text, value, err = formulas.check(c, sheet.CellName(c.row, c.col), text, value); err != nil {
				return err
			}
		} else if value == "" && c.cached {
			// The library did not give a value the sheet holds (rows out
			// of order confuse its iterator): say so rather than lose it.
			rd.out.Note(model.Pos{Part: s.name, Row: c.row, Col: c.col}, "cell value not read (rows out of order?)")
		}
		cell := sheet.Cell{Row: c.row, Col: c.col, Text: text}
		if value != text {
			cell.Value = value
		}
		sh.Cells = append(sh.Cells, cell)
		maxCol = max(maxCol, c.col)
	}
	formulas.report()
	sh.HiddenCols = sv.hiddenColumns(maxCol)
	return sh.Blocks(rd.out, rd.out.Note)
}

// values reads the rows of a sheet that hold the surveyed cells, as shown
// and as stored, with the library's streaming row iterator: per-cell
// look-ups would search the merged ranges for every cell.
func (rd *reader) values(s *sheetTodo) (shown, stored map[int][]string, err error) {
	want := map[int]bool{}
	for _, c := range s.survey.cells {
		want[c.row] = true
	}
	shown, stored = map[int][]string{}, map[int][]string{}
	for _, raw := range []bool{false, true} {
		rows, err := rd.f.Rows(s.name)
		if err != nil {
			return nil, nil, block.At(model.Pos{Part: s.name}, fmt.Errorf("%w: %w", block.ErrFormat, err))
		}
		into := shown
		if raw {
			into = stored
		}
		for r := 1; rows.Next(); r++ {
			if r%ctxEvery == 0 {
				if err := rd.ctx.Err(); err != nil {
					rows.Close()
					return nil, nil, block.At(model.Pos{Part: s.name, Row: r}, err)
				}
			}
			cols, err := rows.Columns(excelize.Options{RawCellValue: raw})
			if err != nil {
				rows.Close()
				return nil, nil, block.At(model.Pos{Part: s.name, Row: r}, fmt.Errorf("%w: %w", block.ErrFormat, err))
			}
			if want[r] {
				into[r] = cols
			}
		}
		if err := rows.Close(); err != nil {
			return nil, nil, block.At(model.Pos{Part: s.name}, fmt.Errorf("%w: %w", block.ErrFormat, err))
		}
	}
	return shown, stored, nil
}

// at returns the value of a cell from the rows read.
func at(rows map[int][]string, c cellRef) string {
	if cols := rows[c.row]; c.col <= len(cols) {
		return cols[c.col-1]
	}
	return ""
}
