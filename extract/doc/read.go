package doc

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/cfb"
	"github.com/hotline12345/bulletin/model"
)

// The streams a Word document keeps its text and its tables of offsets in.
const (
	wordStream = "WordDocument"
	dataStream = "Data"
)

// FIB offsets and flags.
const (
	fibIdent      = 0xA5EC
	fibMinNFib    = 101 // Word 97; earlier versions use another layout
	flagWhichTbl  = 0x0200
	flagEncrypted = 0x0100
	fibBaseSize   = 32
	// indexes into FibRgLw97 and FibRgFcLcb97
	lwCcpText      = 3
	fcPlcfBtePapx  = 13
	fcClx          = 33
	fcLcbPairsUsed = 34
)

var le = binary.LittleEndian

// Read reads the Word 97-2003 document in r (an OLE compound file, as Word,
// WPS and LibreOffice write .doc and .wps files), which holds size bytes,
// into blocks: the main document's paragraphs and tables.
//
// Every error is a *block.ParseError whose Pos names the stream (and the
// paragraph where it matters) and whose cause wraps a sentinel:
// [block.ErrFormat] for what is not a readable Word document (a broken
// compound file, a piece table pointing outside its stream),
// [block.ErrUnsupported] for a compound file without a WordDocument stream
// (an early WPS or Works file) or a Word 6/95 document, [block.ErrEncrypted]
// for a document protected with a password, [block.ErrLimit] when lim is
// exceeded, or the context's error when ctx ends (checked before each
// stream and every few thousand paragraphs).
func Read(ctx context.Context, r io.ReaderAt, size int64, lim block.Limits) (*block.Document, error) {
	lim, err := lim.CheckInput(ctx, size)
	if err != nil {
		return nil, err
	}
	f, err := cfb.Open(r, size, lim)
	if err != nil {
		return nil, err
	}
	if !f.Has(wordStream) {
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: compound file without a WordDocument stream "+
			"(an early WPS or Works document?); save it as .docx", block.ErrUnsupported))
	}
	word, err := f.Stream(wordStream)
	if err != nil {
		return nil, err
	}
	fib, err := readFIB(word)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, block.At(model.Pos{Part: wordStream}, err)
	}
	table, err := f.Stream(fib.tableStream)
	if err != nil {
		return nil, err
	}
	pieces, err := readPieces(table, fib, word)
	if err != nil {
		return nil, err
	}
	var data []byte
	if f.Has(dataStream) {
		if data, err = f.Stream(dataStream); err != nil {
			return nil, err
		}
	}
	papx, err := readPapx(table, fib, word, data)
	if err != nil {
		return nil, err
	}
	rd := &reader{ctx: ctx, lim: lim, word: word, pieces: pieces, papx: papx, out: block.NewBuilder(lim)}
	if err := rd.read(fib.ccpText); err != nil {
		return nil, err
	}
	return rd.out.Document(), nil
}

// fib is what is read of the File Information Block.
type fib struct {
	tableStream string
	ccpText     int
	fcLcb       [fcLcbPairsUsed][2]uint32
}

func readFIB(w []byte) (*fib, error) {
	pos := model.Pos{Part: wordStream}
	bad := func(what string) error {
		return block.At(pos, fmt.Errorf("%w: file information block: %s", block.ErrFormat, what))
	}
	if len(w) < fibBaseSize+2 {
		return nil, bad("too short")
	}
	if le.Uint16(w) != fibIdent {
		return nil, bad(fmt.Sprintf("identifier %#04x", le.Uint16(w)))
	}
	if nFib := le.Uint16(w[2:]); nFib < fibMinNFib {
		return nil, block.At(pos, fmt.Errorf("%w: Word 6/95 document (format %d); save it as .docx", block.ErrUnsupported, nFib))
	}
	flags := le.Uint16(w[0x0A:])
	if flags&flagEncrypted != 0 {
		return nil, block.At(pos, fmt.Errorf("%w: the document is protected with a password", block.ErrEncrypted))
	}
	f := &fib{tableStream: "0Table"}
	if flags&flagWhichTbl != 0 {
		f.tableStream = "1Table"
	}
	off := fibBaseSize
	csw := int(le.Uint16(w[off:]))
	off += 2 + 2*csw
	if off+2 > len(w) {
		return nil, bad("truncated after FibRgW")
	}
	cslw := int(le.Uint16(w[off:]))
	off += 2
	if cslw <= lwCcpText || off+4*cslw+2 > len(w) {
		return nil, bad("truncated FibRgLw")
	}
	ccp := int32(le.Uint32(w[off+4*lwCcpText:]))
	if ccp < 0 {
		return nil, bad(fmt.Sprintf("negative text length %d", ccp))
	}
	f.ccpText = int(ccp)
	off += 4 * cslw
	cb := int(le.Uint16(w[off:]))
	off += 2
	if cb < fcLcbPairsUsed || off+8*fcLcbPairsUsed > len(w) {
		return nil, bad("truncated FibRgFcLcb")
	}
	for i := range f.fcLcb {
		f.fcLcb[i] = [2]uint32{le.Uint32(w[off+8*i:]), le.Uint32(w[off+8*i+4:])}
	}
	return f, nil
}

// piece is one entry of the piece table: the characters [cp, cpEnd) are
// stored at byte offset fc of the WordDocument stream, one byte each
// (compressed, Windows-1252) or two (UTF-16LE).
type piece struct {
	cp, cpEnd  int
	fc         int
	compressed bool
}

// readPieces reads the piece table (the Pcdt of the Clx) and checks every
// piece against the WordDocument stream.
func readPieces(table []byte, f *fib, word []byte) ([]piece, error) {
	pos := model.Pos{Part: f.tableStream}
	fc, lcb := int64(f.fcLcb[fcClx][0]), int64(f.fcLcb[fcClx][1])
	if lcb == 0 || fc+lcb > int64(len(table)) {
		return nil, block.At(pos, fmt.Errorf("%w: piece table at %d+%d outside the %d-byte %s stream", block.ErrFormat, fc, lcb, len(table), f.tableStream))
	}
	clx := table[fc : fc+lcb]
	// Skip the Prcs (property modifiers) before the Pcdt.
	for len(clx) > 0 && clx[0] == 0x01 {
		if len(clx) < 3 {
			return nil, block.At(pos, fmt.Errorf("%w: piece table: truncated property modifier", block.ErrFormat))
		}
		n := int(le.Uint16(clx[1:]))
		if 3+n > len(clx) {
			return nil, block.At(pos, fmt.Errorf("%w: piece table: property modifier past its end", block.ErrFormat))
		}
		clx = clx[3+n:]
	}
	if len(clx) < 5 || clx[0] != 0x02 {
		return nil, block.At(pos, fmt.Errorf("%w: piece table: no piece descriptors", block.ErrFormat))
	}
	plc := clx[5:]
	if n := int64(le.Uint32(clx[1:])); n > int64(len(plc)) {
		return nil, block.At(pos, fmt.Errorf("%w: piece table declares %d bytes, %d remain", block.ErrFormat, n, len(plc)))
	} else {
		plc = plc[:n]
	}
	if len(plc) < 4 || (len(plc)-4)%12 != 0 {
		return nil, block.At(pos, fmt.Errorf("%w: piece table of %d bytes", block.ErrFormat, len(plc)))
	}
	n := (len(plc) - 4) / 12
	pieces := make([]piece, 0, n)
	for i := range n {
		cp, cpEnd := int64(le.Uint32(plc[4*i:])), int64(le.Uint32(plc[4*i+4:]))
		raw := le.Uint32(plc[4*(n+1)+8*i+2:])
		p := piece{cp: int(cp), cpEnd: int(cpEnd), compressed: raw&0x40000000 != 0}
		width := int64(2)
		start := int64(raw & 0x3FFFFFFF)
		if p.compressed {
			start, width = start/2, 1
		}
		p.fc = int(start)
		if cpEnd < cp || cpEnd > int64(len(word)) {
			return nil, block.At(pos, fmt.Errorf("%w: piece %d covers characters %d to %d", block.ErrFormat, i+1, cp, cpEnd))
		}
		if start+(cpEnd-cp)*width > int64(len(word)) {
			return nil, block.At(pos, fmt.Errorf("%w: piece %d points past the %d-byte WordDocument stream (%d characters at byte %d)",
				block.ErrFormat, i+1, len(word), cpEnd-cp, start))
		}
		if i > 0 && p.cp != pieces[i-1].cpEnd {
			return nil, block.At(pos, fmt.Errorf("%w: piece %d does not follow piece %d", block.ErrFormat, i+1, i))
		}
		pieces = append(pieces, p)
	}
	return pieces, nil
}
