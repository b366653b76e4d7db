package doc

import (
	"fmt"
	"slices"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Paragraph property modifiers (sprms) read.
const (
	sprmPFInTable        = 0x2416
	sprmPFTtp            = 0x2417
	sprmPFInnerTableCell = 0x244B
	sprmPFInnerTtp       = 0x244C
	sprmPItap            = 0x6649
	sprmTDefTable        = 0xD608
	sprmPChgTabs         = 0xC615
	sprmPHugePapx        = 0x6646
)

const fkpSize = 512

// props are the properties of a paragraph that place it in a table.
type props struct {
	inTable   bool
	ttp       bool // the paragraph ends a table row
	itap      int  // table depth, 0 outside tables
	innerCell bool // ends a cell of a nested table
	innerTtp  bool // ends a row of a nested table
	cells     []tableCell
}

// tableCell is one cell of a row's definition: its left edge and how it
// merges.
type tableCell struct {
	left, right int  // in twips
	horzMerged  bool // merged into the cell before it
	vertCont    bool // continues the cell above it
}

// papxRun gives the properties of the paragraphs ending in [fc, fcEnd).
type papxRun struct {
	fc, fcEnd int
	props     props
}

// readPapx reads the paragraph properties: the PlcBtePapx in the table
// stream points to 512-byte pages (PapxFkp) in the WordDocument stream,
// each listing runs of paragraph ends with their property modifiers. The
// modifiers too large for a page (a wide row's definition) are in the Data
// stream, data.
func readPapx(table []byte, f *fib, word, data []byte) ([]papxRun, error) {
	pos := model.Pos{Part: f.tableStream}
	fc, lcb := int64(f.fcLcb[fcPlcfBtePapx][0]), int64(f.fcLcb[fcPlcfBtePapx][1])
	if lcb == 0 {
		return nil, nil
	}
	if fc+lcb > int64(len(table)) || lcb < 4 || (lcb-4)%8 != 0 {
		return nil, block.At(pos, fmt.Errorf("%w: paragraph property table at %d+%d in the %d-byte %s stream", block.ErrFormat, fc, lcb, len(table), f.tableStream))
	}
	plc := table[fc : fc+lcb]
	n := int((lcb - 4) / 8)
	var runs []papxRun
	for i := range n {
		pn := int64(le.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF)
		if (pn+1)*fkpSize > int64(len(word)) {
			return nil, block.At(pos, fmt.Errorf("%w: paragraph property page %d past the %d-byte WordDocument stream", block.ErrFormat, pn, len(word)))
		}
		page := word[pn*fkpSize : (pn+1)*fkpSize]
		crun := int(page[fkpSize-1])
		if 4*(crun+1)+13*crun > fkpSize-1 {
			return nil, block.At(pos, fmt.Errorf("%w: paragraph property page %d holds %d runs", block.ErrFormat, pn, crun))
		}
		for j := range crun {
			run := papxRun{fc: int(le.Uint32(page[4*j:])), fcEnd: int(le.Uint32(page[4*j+4:]))}
			if off := 2 * int(page[4*(crun+1)+13*j]); off != 0 {
				run.props = parsePapx(page, off, data)
			}
			runs = append(runs, run)
		}
	}
	slices.SortStableFunc(runs, func(a, b papxRun) int { return a.fc - b.fc })
	return runs, nil
}

// parsePapx reads the PapxInFkp at off of an FKP page. What cannot be read
// is left out: properties only place paragraphs in tables.
func parsePapx(page []byte, off int, data []byte) props {
	if off >= len(page)-1 {
		return props{}
	}
	start, size := off+1, 2*int(page[off])-1
	if page[off] == 0 {
		start, size = off+2, 2*int(page[off+1])
	}
	if size < 2 || start+size > len(page) {
		return props{}
	}
	return parseGrpprl(page[start+2:start+size], data) // after the style index
}

// parseGrpprl reads a list of property modifiers; data is the Data stream,
// where a huge list continues.
func parseGrpprl(g, data []byte) props {
	var p props
	for len(g) >= 2 {
		sprm := le.Uint16(g)
		g = g[2:]
		size := 0
		switch sprm >> 13 {
		case 0, 1:
			size = 1
		case 2, 4, 5:
			size = 2
		case 3:
			size = 4
		case 7:
			size = 3
		case 6:
			switch {
			case len(g) < 1:
				return p
			case sprm == sprmTDefTable:
				if len(g) < 2 {
					return p
				}
				size = 2 + int(le.Uint16(g)) - 1
			case sprm == sprmPChgTabs && g[0] == 255:
				return p // a size this reader does not compute; nothing after it is needed
			default:
				size = 1 + int(g[0])
			}
		}
		if size < 0 || size > len(g) {
			return p
		}
		op := g[:size]
		switch sprm {
		case sprmPFInTable:
			p.inTable = op[0] != 0
		case sprmPFTtp:
			p.ttp = op[0] != 0
		case sprmPFInnerTableCell:
			p.innerCell = op[0] != 0
		case sprmPFInnerTtp:
			p.innerTtp = op[0] != 0
		case sprmPItap:
			p.itap = int(int32(le.Uint32(op)))
		case sprmTDefTable:
			if len(op) >= 2 { // a declared size of 0 leaves no room for the size itself
				p.cells = tableDef(op[2:])
			}
		case sprmPHugePapx:
			// The modifiers are in the Data stream: a 2-byte size, then
			// the list. It cannot point further (data is nil inside).
			if off := int64(le.Uint32(op)); data != nil && off+2 <= int64(len(data)) {
				n := int64(le.Uint16(data[off:]))
				if off+2+n <= int64(len(data)) {
					huge := parseGrpprl(data[off+2:off+2+n], nil)
					p.inTable = p.inTable || huge.inTable
					p.ttp = p.ttp || huge.ttp
					p.innerCell = p.innerCell || huge.innerCell
					p.innerTtp = p.innerTtp || huge.innerTtp
					p.itap = max(p.itap, huge.itap)
					if huge.cells != nil {
						p.cells = huge.cells
					}
				}
			}
		}
		g = g[size:]
	}
	return p
}

// tableDef reads a row's cell edges and merges (TDefTableOperand after its
// size).
func tableDef(op []byte) []tableCell {
	if len(op) < 1 {
		return nil
	}
	n := int(op[0])
	if 1+2*(n+1) > len(op) {
		return nil
	}
	edges := op[1:]
	tcs := op[1+2*(n+1):]
	cells := make([]tableCell, n)
	for i := range n {
		cells[i] = tableCell{left: int(int16(le.Uint16(edges[2*i:]))), right: int(int16(le.Uint16(edges[2*i+2:])))}
		if len(tcs) >= 20*(i+1) {
			grf := le.Uint16(tcs[20*i:])
			cells[i].horzMerged = grf&0x3 >= 2
			cells[i].vertCont = (grf>>5)&0x3 == 1
		}
	}
	return cells
}

// propsAt returns the properties of the paragraph whose end mark is at
// byte fc of the WordDocument stream.
func propsAt(runs []papxRun, fc int) props {
	i, _ := slices.BinarySearchFunc(runs, fc, func(r papxRun, fc int) int {
		switch {
		case r.fcEnd <= fc:
			return -1
		case r.fc > fc:
			return 1
		}
		return 0
	})
	if i < len(runs) && runs[i].fc <= fc && fc < runs[i].fcEnd {
		return runs[i].props
	}
	return props{}
}
