package xls_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/internal/cfb/cfbtest"
	"github.com/hotline12345/bulletin/extract/xls"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

const (
	seedXLS   = "../../testdata/office/yanshi-2023-03.xls"
	mergedXLS = "../../testdata/office/merged-header.xls"
)

var le = binary.LittleEndian

// rec is one BIFF record.
func rec(typ uint16, data ...[]byte) []byte {
	body := bytes.Join(data, nil)
	out := le.AppendUint16(nil, typ)
	out = le.AppendUint16(out, uint16(len(body)))
	return append(out, body...)
}

func u16(v int) []byte { return le.AppendUint16(nil, uint16(v)) }
func u32(v int) []byte { return le.AppendUint32(nil, uint32(v)) }

// str8 is a string of one byte a character (the high bytes are zero).
func str8(s string) []byte { return append(append(u16(len(s)), 0), s...) }

func bof(kind int) []byte { return rec(0x0809, u16(0x0600), u16(kind), make([]byte, 12)) }

var eof = rec(0x000A)

// cell starts a cell record's data: row, column, XF.
func cell(row, col int) []byte { return append(append(u16(row), u16(col)...), u16(0)...) }

// workbook builds a Workbook stream of one visible sheet named 表, with the
// shared strings sst (already encoded) and the sheet's records.
func workbook(sst []byte, sheet ...[]byte) []byte {
	bound := func(off int) []byte {
		return rec(0x0085, u32(off), []byte{0, 0, 1, 1}, u16(0x8868)) // 表, UTF-16
	}
	head := bof(5)
	tail := append(sst, eof...)
	off := len(head) + len(bound(0)) + len(tail)
	globals := append(append(head, bound(off)...), tail...)
	body := append(bof(0x10), bytes.Join(sheet, nil)...)
	return append(append(globals, body...), eof...)
}

// sst encodes a shared string table of one-byte strings.
func sst(strs ...string) []byte {
	var b []byte
	for _, s := range strs {
		b = append(b, str8(s)...)
	}
	return rec(0x00FC, u32(len(strs)), u32(len(strs)), b)
}

func xlsOf(stream []byte) []byte {
	return cfbtest.Build(cfbtest.Stream{Name: "Workbook", Data: stream})
}

func read(data []byte, lim block.Limits) (*block.Document, error) {
	return xls.Read(context.Background(), bytes.NewReader(data), int64(len(data)), lim)
}

// TestBuiltWorkbook checks the records this file builds, and a shared
// string that switches from one to two bytes a character where a CONTINUE
// record starts.
func TestBuiltWorkbook(t *testing.T) {
	// "ab" + "办理" : 4 characters, the first two in the SST record, the
	// rest in a CONTINUE record that starts with the flags byte 1.
	split := append(rec(0x00FC, u32(1), u32(1), u16(4), []byte{0}, []byte("ab")),
		rec(0x003C, []byte{1}, u16(0x529E), u16(0x7406))...)
	stream := workbook(split,
		rec(0x00FD, cell(0, 0), u32(0)),
		rec(0x0203, cell(0, 1), le.AppendUint64(nil, math.Float64bits(0.5))),
		rec(0x027E, cell(0, 2), u32(4<<2|2)), // RK integer 4
		rec(0x00BD, u16(0), u16(3), u16(0), u32(7<<2|2), u16(0), u32(8<<2|2), u16(4)))
	d, err := read(xlsOf(stream), block.Limits{})
	require.NoError(t, err)
	require.Len(t, d.Blocks, 2)
	require.Equal(t, "表", d.Blocks[0].(*block.Paragraph).Text)
	var got []string
	for _, c := range d.Blocks[1].(*block.Table).Rows[0].Cells {
		got = append(got, c.Text)
	}
	require.Equal(t, []string{"ab办理", "0.5", "4", "7", "8"}, got)
}

// TestBadInput feeds workbooks built to be broken or to exhaust the
// reader. Each must be refused with a positioned error wrapping the
// expected sentinel, within the allocation budget.
func TestBadInput(t *testing.T) {
	seed, err := os.ReadFile(seedXLS)
	require.NoError(t, err)
	many := func(n int) [][]byte { // MULRK records of 100 cells each
		var recs [][]byte
		for r := range n / 100 {
			data := append(u16(r), u16(0)...)
			for range 100 {
				data = append(append(data, u16(0)...), u32(1<<2|2)...)
			}
			recs = append(recs, rec(0x00BD, data, u16(99)))
		}
		return recs
	}
	tests := []struct {
		name  string
		input func() []byte
		lim   block.Limits
		want  error
		part  string
	}{
		{"no Workbook stream", func() []byte { return cfbtest.Names("Other") }, block.Limits{}, block.ErrUnsupported, ""},
		{"Excel 5/95 workbook (Book stream)", func() []byte { return cfbtest.Names("Book") }, block.Limits{}, block.ErrUnsupported, "Book"},
		{"BIFF5 records in a Workbook stream", func() []byte {
			return xlsOf(append(rec(0x0809, u16(0x0500), u16(5), make([]byte, 4)), eof...))
		}, block.Limits{}, block.ErrUnsupported, "Workbook"},
		{"encrypted workbook", func() []byte { return xlsOf(append(append(bof(5), rec(0x002F, u16(1))...), eof...)) }, block.Limits{}, block.ErrEncrypted, "Workbook"},
		{"record runs past the stream", func() []byte {
			return xlsOf(append(bof(5), 0xFC, 0x00, 0x00, 0x20)) // an SST of 8192 bytes, none there
		}, block.Limits{}, block.ErrFormat, "Workbook"},
		{"shared string table declares 2^31 strings", func() []byte {
			return xlsOf(workbook(rec(0x00FC, u32(1<<31), u32(1<<31), str8("a"))))
		}, block.Limits{}, block.ErrFormat, "Workbook"},
		{"shared string longer than its records", func() []byte {
			return xlsOf(workbook(rec(0x00FC, u32(1), u32(1), u16(60000), []byte{1}, []byte("ab"))))
		}, block.Limits{}, block.ErrFormat, "Workbook"},
		{"shared string index out of range", func() []byte {
			return xlsOf(workbook(sst("a"), rec(0x00FD, cell(4, 2), u32(7))))
		}, block.Limits{}, block.ErrFormat, "表"},
		{"sheet offset outside the stream", func() []byte {
			s := workbook(sst("a"))
			le.PutUint32(s[len(bof(5))+4:], 1<<30)
			return xlsOf(s)
		}, block.Limits{}, block.ErrFormat, "表"},
		{"sheet without its end", func() []byte {
			s := workbook(sst("a"), rec(0x00FD, cell(0, 0), u32(0)))
			return xlsOf(s[:len(s)-len(eof)])
		}, block.Limits{}, block.ErrFormat, "表"},
		{"10^7 declared cells: values at A1 and IV65536", func() []byte {
			return xlsOf(workbook(sst("a"), rec(0x0200, u32(0), u32(10_000_000), u16(0), u16(256), u16(0)),
				rec(0x00FD, cell(0, 0), u32(0)), rec(0x00FD, cell(65535, 255), u32(0))))
		}, block.Limits{}, block.ErrLimit, "表"},
		{"cells over MaxSheetCells", func() []byte { return xlsOf(workbook(sst("a"), many(2000)...)) }, block.Limits{MaxSheetCells: 1000}, block.ErrLimit, "表"},
		{"column beyond IV", func() []byte { return xlsOf(workbook(sst("a"), rec(0x00FD, cell(0, 300), u32(0)))) }, block.Limits{}, block.ErrFormat, "表"},
		{"CFB: Workbook sector chain loops", func() []byte {
			b := xlsOf(workbook(sst("a")))
			le.PutUint32(b[cfbtest.Sector+4*3:], 2) // the stream starts at sector 2: 2 → 3 → 2
			return b
		}, block.Limits{}, block.ErrFormat, "Workbook"},
		{"input over MaxInputBytes", func() []byte { return seed }, block.Limits{MaxInputBytes: 1000}, block.ErrLimit, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := tt.input()
			pe := bulletintest.Refused(t, tt.want, func() (*block.Document, error) { return read(input, tt.lim) })
			require.Equal(t, tt.part, pe.Pos.Part)
		})
	}
}

// TestCancel checks that a cancelled context stops the reader.
func TestCancel(t *testing.T) {
	seed, err := os.ReadFile(seedXLS)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = xls.Read(ctx, bytes.NewReader(seed), int64(len(seed)), block.Limits{})
	require.ErrorIs(t, err, context.Canceled)
}

// TestFormulaTextMissing checks that a formula whose text result should
// follow in a STRING record, and does not, is reported rather than
// dropped: once before another cell, once before the sheet's end.
func TestFormulaTextMissing(t *testing.T) {
	// A FORMULA record: cell, the result (0xFFFF in its last two bytes
	// and 0 in its first: text in a STRING record), flags, chn, no tokens.
	textFormula := func(row, col int) []byte {
		return rec(0x0006, cell(row, col), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, u16(0), u32(0), u16(0))
	}
	stream := workbook(sst("a"),
		textFormula(0, 1),
		rec(0x00FD, cell(0, 0), u32(0)),
		textFormula(1, 1),
		rec(0x0207, str8("b")), // the second formula's STRING: read
		textFormula(2, 1))
	d, err := read(xlsOf(stream), block.Limits{})
	require.NoError(t, err)
	var at []string
	for _, p := range d.Problems {
		at = append(at, p.Pos.Part+":"+strconv.Itoa(p.Pos.Row)+":"+strconv.Itoa(p.Pos.Col))
	}
	require.Equal(t, []string{"表:1:2", "表:3:2"}, at)
	var got []string
	for _, b := range d.Blocks {
		if tb, ok := b.(*block.Table); ok {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					got = append(got, c.Text)
				}
			}
		}
	}
	require.Contains(t, got, "b")
}

// TestLongNumberFormat checks that a number format longer than Excel
// allows is reported and its cells shown in their General form, rather
// than run through the format engine, whose time grows with the square of
// the code's length, for every cell.
func TestLongNumberFormat(t *testing.T) {
	long := strings.Repeat("0", 300)
	format := rec(0x041E, u16(200), u16(len(long)), []byte{0}, []byte(long))
	xf := rec(0x00E0, u16(0), u16(200)) // XF 0 uses format 200
	stream := workbook(append(append(format, xf...), sst("a")...),
		rec(0x0203, cell(0, 0), le.AppendUint64(nil, math.Float64bits(1234.5))))
	d, err := read(xlsOf(stream), block.Limits{})
	require.NoError(t, err)
	require.Len(t, d.Problems, 1)
	require.Contains(t, d.Problems[0].Message, "number format 200 is 300 characters long")
	require.Len(t, d.Blocks, 1) // one cell: a paragraph after the sheet's default name
	require.Equal(t, "1234.5", d.Blocks[0].(*block.Paragraph).Text)
}
