package xlsx

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/ooxml"
	"github.com/hotline12345/bulletin/extract/internal/sheet"
	"github.com/hotline12345/bulletin/model"
)

// maxColumns is the widest sheet SpreadsheetML allows (XFD).
const maxColumns = 16384

// workbookSheet is a sheet as the workbook part lists it.
type workbookSheet struct {
	name, state, part, kind string
}

// workbook reads the sheet list of the workbook part and resolves each
// sheet's part through the workbook's relationships.
func workbook(ctx context.Context, p *ooxml.Package, main string) ([]workbookSheet, error) {
	rels, err := p.Rels(ctx, main)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]ooxml.Rel, len(rels))
	for _, r := range rels {
		byID[r.ID] = r
	}
	if err := p.Reserve(main); err != nil {
		return nil, err
	}
	rc, err := p.Part(main)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	t := ooxml.NewTokens(ctx, main, rc, p.Limits())
	var sheets []workbookSheet
	root := true
	for {
		tok, err := t.Next()
		if err == io.EOF {
			return sheets, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root {
			if se.Name.Local != "workbook" {
				return nil, t.Fail(fmt.Errorf("%w: root element is {%s}%s, not a SpreadsheetML workbook",
					block.ErrUnsupported, se.Name.Space, se.Name.Local))
			}
			root = false
			continue
		}
		if se.Name.Local != "sheet" {
			continue
		}
		if len(sheets) >= p.Limits().MaxParts {
			return nil, t.Fail(block.Exceeded("sheets", int64(p.Limits().MaxParts)))
		}
		s := workbookSheet{}
		s.name, _ = ooxml.Attr(se, "name")
		s.state, _ = ooxml.Attr(se, "state")
		id, _ := ooxml.Attr(se, "id") // r:id
		if r, ok := byID[id]; ok && !r.External {
			s.part, s.kind = r.Target, r.Type
		}
		sheets = append(sheets, s)
	}
}

// survey is what a first, streaming pass over a worksheet part learns
// before the spreadsheet library loads it: the cells holding something,
// the merged ranges, the hidden rows and columns. The pass bounds the
// sheet: the library lays every row out up to its last cell, so that
// count, not the cells written, is checked against MaxSheetCells.
type survey struct {
	cells      []cellRef
	merges     []sheet.Range
	hiddenRows map[int]bool
	hiddenCols [][2]int // column ranges, 1-based inclusive
}

// cellRef is a cell that holds a value or a formula.
type cellRef struct {
	row, col int
	formula  bool // has an f element
	cached   bool // has a v or is element: a value to show
}

// surveySheet reads the worksheet part of the sheet named name.
func surveySheet(ctx context.Context, p *ooxml.Package, part, name string) (*survey, error) {
	lim := p.Limits()
	rc, err := p.Part(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	t := ooxml.NewTokens(ctx, part, rc, lim)
	t.Pos = model.Pos{Part: name}
	s := &survey{hiddenRows: map[int]bool{}}
	// The library lays out every row up to the last row number seen, and
	// each row up to its last cell: laidOut counts the cells of the rows
	// ended, rows the rows.
	laidOut, rows := 0, 0
	maxRow, maxCol := 0, 0 // the extent of the cells holding something
	row, col, rowLast := 0, 0, 0
	var cell *cellRef
	for {
		tok, err := t.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tt := tok.(type) {
		case xml.StartElement:
			switch tt.Name.Local {
			case "row":
				r := row + 1
				if v, ok := ooxml.Attr(tt, "r"); ok {
					if r, err = strconv.Atoi(v); err != nil || r < 1 || r > excelize.TotalRows {
						return nil, t.Fail(fmt.Errorf("%w: row number %q", block.ErrFormat, v))
					}
				}
				row, col, rowLast = r, 0, 0
				rows = max(rows, r)
				t.Pos.Row, t.Pos.Col = row, 0
				if v, _ := ooxml.Attr(tt, "hidden"); v == "1" || v == "true" {
					s.hiddenRows[row] = true
				}
			case "c":
				c, r := col+1, max(row, 1)
				if v, ok := ooxml.Attr(tt, "r"); ok {
					if c, r, err = excelize.CellNameToCoordinates(v); err != nil {
						return nil, t.Fail(fmt.Errorf("%w: cell reference %q", block.ErrFormat, v))
					}
				}
				col, t.Pos.Row, t.Pos.Col = c, r, c
				rowLast, rows = max(rowLast, c), max(rows, r)
				if laidOut+rowLast+rows > lim.MaxSheetCells {
					return nil, t.Fail(block.Exceeded("cells in a sheet", int64(lim.MaxSheetCells)))
				}
				s.cells = append(s.cells, cellRef{row: r, col: c})
				cell = &s.cells[len(s.cells)-1]
			case "f":
				if cell != nil {
					cell.formula = true
				}
			case "v", "is":
				if cell != nil {
					cell.cached = true
				}
			case "col":
				lo, _ := strconv.Atoi(attrOr(tt, "min", "0"))
				hi, _ := strconv.Atoi(attrOr(tt, "max", "0"))
				if v, _ := ooxml.Attr(tt, "hidden"); (v == "1" || v == "true") && lo >= 1 && hi >= lo {
					if len(s.hiddenCols) >= maxColumns {
						return nil, t.Fail(fmt.Errorf("%w: more than %d column definitions", block.ErrFormat, maxColumns))
					}
					s.hiddenCols = append(s.hiddenCols, [2]int{lo, min(hi, maxColumns)})
				}
			case "mergeCell":
				ref, _ := ooxml.Attr(tt, "ref")
				m, ok := parseRange(ref)
				if !ok {
					return nil, t.Fail(fmt.Errorf("%w: merged range %q", block.ErrFormat, ref))
				}
				if len(s.merges) >= lim.MaxSheetCells {
					return nil, t.Fail(block.Exceeded("merged ranges in a sheet", int64(lim.MaxSheetCells)))
				}
				s.merges = append(s.merges, m)
			}
		case xml.EndElement:
			switch tt.Name.Local {
			case "row":
				laidOut += rowLast
			case "c":
				if cell != nil && (cell.formula || cell.cached) {
					maxRow, maxCol = max(maxRow, cell.row), max(maxCol, cell.col)
				} else if cell != nil {
					s.cells = s.cells[:len(s.cells)-1] // formatting only
				}
				cell = nil
			}
		}
		if maxRow > 0 && maxRow*maxCol > lim.MaxSheetCells {
			return nil, t.Fail(fmt.Errorf("%w: cells span %d rows × %d columns, more than %d cells in a sheet",
				block.ErrLimit, maxRow, maxCol, lim.MaxSheetCells))
		}
	}
	return s, nil
}

func attrOr(se xml.StartElement, name, def string) string {
	if v, ok := ooxml.Attr(se, name); ok {
		return v
	}
	return def
}

// parseRange reads "A1:H2" (or a single "A1").
func parseRange(ref string) (sheet.Range, bool) {
	a, b, found := strings.Cut(ref, ":")
	if !found {
		b = a
	}
	c0, r0, err0 := excelize.CellNameToCoordinates(a)
	c1, r1, err1 := excelize.CellNameToCoordinates(b)
	if err0 != nil || err1 != nil {
		return sheet.Range{}, false
	}
	return sheet.Range{FirstRow: min(r0, r1), FirstCol: min(c0, c1), LastRow: max(r0, r1), LastCol: max(c0, c1)}, true
}

// hiddenColumns unites the hidden column ranges and lists the columns up
// to last.
func (s *survey) hiddenColumns(last int) map[int]bool {
	out := map[int]bool{}
	slices.SortFunc(s.hiddenCols, func(a, b [2]int) int { return a[0] - b[0] })
	next := 1 // columns before next are marked already
	for _, r := range s.hiddenCols {
		for c := max(r[0], next); c <= min(r[1], last); c++ {
			out[c] = true
		}
		next = max(next, r[1]+1)
	}
	return out
}
