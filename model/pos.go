package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Pos says where in the source file something was read. Which fields are set
// depends on the format: a text file gives Line; a DOCX or DOC file gives
// Part, Block and, inside tables, Row and Col; a spreadsheet gives the sheet
// name as Part, and Row and Col; a PDF gives Page and the X, Y
// coordinates of the text's baseline start (in points, origin at the page's
// lower left); a web page gives the Line its element starts on and the
// element's Path. All counters are 1-based; zero means unknown.
type Pos struct {
	// Part is the package part a DOCX block came from, e.g.
	// "word/document.xml" or "word/header1.xml"; the stream of a legacy
	// Word file ("WordDocument"); or a spreadsheet's sheet name.
	Part string `json:"part,omitempty"`
	// Page is the PDF page.
	Page int `json:"page,omitempty"`
	// Block is the index of the paragraph or table within its part.
	Block int `json:"block,omitempty"`
	// Row and Col locate a cell within its table as the source lays it out
	// (before header rows are interpreted).
	Row int `json:"row,omitempty"`
	Col int `json:"col,omitempty"`
	// Line is the line in a text file.
	Line int `json:"line,omitempty"`
	// X and Y are PDF coordinates in points.
	X float64 `json:"x,omitempty"`
	Y float64 `json:"y,omitempty"`
	// Path is the element of a web page a block was read from, as an XPath
	// of element names and 1-based indexes among same-named siblings:
	// "/html/body/div[2]/table[1]".
	Path string `json:"path,omitempty"`
}

// IsZero reports whether p carries no position at all.
func (p Pos) IsZero() bool { return p == Pos{} }

// String formats the position for messages, leaving out what is unknown:
// "line 120", "page 3 (x=72.0 y=540.5)", "word/document.xml table 2 row 5
// col 3", "line 88 /html/body/div[2]/p[4]".
func (p Pos) String() string {
	var parts []string
	add := func(name string, v int) {
		if v > 0 {
			parts = append(parts, name+" "+strconv.Itoa(v))
		}
	}
	if p.Part != "" {
		parts = append(parts, p.Part)
	}
	add("page", p.Page)
	add("block", p.Block)
	add("row", p.Row)
	add("col", p.Col)
	add("line", p.Line)
	if p.Path != "" {
		parts = append(parts, p.Path)
	}
	s := strings.Join(parts, " ")
	if p.X != 0 || p.Y != 0 {
		xy := fmt.Sprintf("(x=%.1f y=%.1f)", p.X, p.Y)
		if s == "" {
			return xy
		}
		s += " " + xy
	}
	return s
}
