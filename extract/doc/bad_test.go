package doc_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/doc"
	"github.com/hotline12345/bulletin/extract/internal/cfb/cfbtest"
	"github.com/hotline12345/bulletin/internal/bulletintest"
)

const (
	seedDOC   = "../../testdata/office/yanshi-2023-03.doc"
	mergedDOC = "../../testdata/docx/merged-header.doc"
	textAt    = 2048 // where buildDoc puts the text in the WordDocument stream
)

var le = binary.LittleEndian

// buildDoc makes a Word 97 document of text (paragraphs ended by "\r"),
// stored as one Unicode piece; edit may change the streams before they
// are packed.
func buildDoc(text string, edit func(word, table []byte) ([]byte, []byte)) []byte {
	u := utf16.Encode([]rune(text))
	word := make([]byte, textAt+2*len(u))
	le.PutUint16(word, 0xA5EC)
	le.PutUint16(word[2:], 193)       // nFib: Word 97 or later
	le.PutUint16(word[0x0A:], 0x0200) // the table stream is 1Table
	off := 32
	le.PutUint16(word[off:], 14) // csw
	off += 2 + 28
	le.PutUint16(word[off:], 22) // cslw
	off += 2
	le.PutUint32(word[off+4*3:], uint32(len(u))) // ccpText
	off += 88
	le.PutUint16(word[off:], 93) // cbRgFcLcb
	off += 2
	for i, c := range u {
		le.PutUint16(word[textAt+2*i:], c)
	}
	// The piece table: one Unicode piece of every character.
	table := []byte{0x02, 0, 0, 0, 0}
	le.PutUint32(table[1:], 4*2+8)
	table = le.AppendUint32(table, 0)
	table = le.AppendUint32(table, uint32(len(u)))
	table = append(table, 0, 0)
	table = le.AppendUint32(table, textAt)
	table = append(table, 0, 0)
	le.PutUint32(word[off+8*33:], 0)                    // fcClx
	le.PutUint32(word[off+8*33+4:], uint32(len(table))) // lcbClx
	if edit != nil {
		word, table = edit(word, table)
	}
	return cfbtest.Build(cfbtest.Stream{Name: "WordDocument", Data: word}, cfbtest.Stream{Name: "1Table", Data: table})
}

func read(data []byte, lim block.Limits) (*block.Document, error) {
	return doc.Read(context.Background(), bytes.NewReader(data), int64(len(data)), lim)
}

// TestBuiltDoc checks the document the hostile cases start from.
func TestBuiltDoc(t *testing.T) {
	d, err := read(buildDoc("第一段\r第二段\r", nil), block.Limits{})
	require.NoError(t, err)
	require.Len(t, d.Blocks, 2)
	require.Equal(t, "第二段", d.Blocks[1].(*block.Paragraph).Text)
}

// TestBadInput feeds compound files and Word streams built to be broken
// or to exhaust the reader. Each must be refused with a positioned error
// wrapping the expected sentinel, within the allocation budget.
func TestBadInput(t *testing.T) {
	seed, err := os.ReadFile(seedDOC)
	require.NoError(t, err)
	fatEntry := func(b []byte, sector int, v uint32) []byte { // sets a FAT entry of a cfbtest file
		le.PutUint32(b[cfbtest.Sector+4*sector:], v)
		return b
	}
	tests := []struct {
		name  string
		input func() []byte
		lim   block.Limits
		want  error
		part  string
	}{
		{"not a compound file", func() []byte { return []byte("单位名称\t办理数\n") }, block.Limits{}, block.ErrFormat, ""},
		{"compound signature, then garbage", func() []byte {
			return append(append([]byte(nil), cfbtest.Names()[:8]...), bytes.Repeat([]byte{0xFF}, 600)...)
		}, block.Limits{}, block.ErrFormat, ""},
		{"no WordDocument stream (an early WPS file)", func() []byte { return cfbtest.Names("WpsContent") }, block.Limits{}, block.ErrUnsupported, ""},
		{"CFB: directory sector chain loops", func() []byte {
			return fatEntry(cfbtest.Names("WordDocument", "1Table"), 1, 1)
		}, block.Limits{}, block.ErrFormat, ""},
		{"CFB: WordDocument sector chain loops", func() []byte {
			b := buildDoc("正文\r", nil)
			return fatEntry(b, 3, 2) // the stream starts at sector 2: 2 → 3 → 2
		}, block.Limits{}, block.ErrFormat, "WordDocument"},
		{"CFB: FAT chain points out of the file", func() []byte {
			b := buildDoc("正文\r", nil)
			return fatEntry(b, 3, 5000)
		}, block.Limits{}, block.ErrFormat, "WordDocument"},
		{"CFB: header declares 4 billion FAT sectors", func() []byte {
			b := buildDoc("正文\r", nil)
			le.PutUint32(b[0x2C:], 0xFFFFFFF0)
			return b
		}, block.Limits{}, block.ErrFormat, ""},
		{"CFB: stream declares more than MaxPartBytes", func() []byte { return buildDoc(strings.Repeat("字", 5000)+"\r", nil) }, block.Limits{MaxPartBytes: 8192}, block.ErrLimit, "WordDocument"},
		{"piece table points past the WordDocument stream", func() []byte {
			return buildDoc("正文\r", func(w, tb []byte) ([]byte, []byte) {
				le.PutUint32(tb[5+8+2:], 1<<20) // the piece's fc
				return w, tb
			})
		}, block.Limits{}, block.ErrFormat, "1Table"},
		{"piece table covers more characters than the stream holds", func() []byte {
			return buildDoc("正文\r", func(w, tb []byte) ([]byte, []byte) {
				le.PutUint32(tb[5+4:], 1<<30) // the last CP
				return w, tb
			})
		}, block.Limits{}, block.ErrFormat, "1Table"},
		{"piece table past the table stream", func() []byte {
			return buildDoc("正文\r", func(w, tb []byte) ([]byte, []byte) {
				le.PutUint32(w[32+30+2+88+2+8*33+4:], 1<<20) // lcbClx
				return w, tb
			})
		}, block.Limits{}, block.ErrFormat, "1Table"},
		{"piece table declares more pieces than it holds", func() []byte {
			return buildDoc("正文\r", func(w, tb []byte) ([]byte, []byte) {
				le.PutUint32(tb[1:], 1<<20)
				return w, tb
			})
		}, block.Limits{}, block.ErrFormat, "1Table"},
		{"truncated file information block", func() []byte {
			return buildDoc("正文\r", func(w, tb []byte) ([]byte, []byte) {
				le.PutUint16(w[32:], 0x7FFF) // csw pushes everything past the stream
				return w, tb
			})
		}, block.Limits{}, block.ErrFormat, "WordDocument"},
		{"Word 6/95 document", func() []byte {
			return buildDoc("正文\r", func(w, tb []byte) ([]byte, []byte) {
				le.PutUint16(w[2:], 101-1)
				return w, tb
			})
		}, block.Limits{}, block.ErrUnsupported, "WordDocument"},
		{"encrypted document", func() []byte {
			return buildDoc("正文\r", func(w, tb []byte) ([]byte, []byte) {
				le.PutUint16(w[0x0A:], 0x0200|0x0100)
				return w, tb
			})
		}, block.Limits{}, block.ErrEncrypted, "WordDocument"},
		{"paragraphs over MaxBlocks", func() []byte { return buildDoc(strings.Repeat("段\r", 100), nil) }, block.Limits{MaxBlocks: 10}, block.ErrLimit, "WordDocument"},
		{"table rows over MaxRows", func() []byte { return seed }, block.Limits{MaxRows: 10}, block.ErrLimit, "WordDocument"},
		{"table cells over MaxCells", func() []byte { return seed }, block.Limits{MaxCells: 100}, block.ErrLimit, "WordDocument"},
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
	seed, err := os.ReadFile(seedDOC)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = doc.Read(ctx, bytes.NewReader(seed), int64(len(seed)), block.Limits{})
	require.ErrorIs(t, err, context.Canceled)
}

// TestShortTableDefinition gives a paragraph a row definition
// (sprmTDefTable) whose declared size is 0, too short to hold the size
// itself: the property is left out, and the paragraph read, without a
// panic.
func TestShortTableDefinition(t *testing.T) {
	const fcLcbAt = 154 // where buildDoc's FibRgFcLcb97 starts
	data := buildDoc("正文\r", func(w, tb []byte) ([]byte, []byte) {
		for len(w)%512 != 0 {
			w = append(w, 0)
		}
		pn := len(w) / 512
		// One paragraph property page (PapxFkp): one run over the text,
		// its PapxInFkp at byte 0x100: cb 4, the style index, then
		// sprmTDefTable with a size of 0.
		page := make([]byte, 512)
		le.PutUint32(page[0:], textAt)
		le.PutUint32(page[4:], textAt+6)
		page[8] = 0x100 / 2
		copy(page[0x100:], []byte{4, 0, 0, 0x08, 0xD6, 0, 0, 0})
		page[511] = 1 // crun
		w = append(w, page...)
		// The PlcBtePapx pointing to it, at the end of the table stream.
		fc := len(tb)
		tb = le.AppendUint32(tb, textAt)
		tb = le.AppendUint32(tb, textAt+6)
		tb = le.AppendUint32(tb, uint32(pn))
		le.PutUint32(w[fcLcbAt+8*13:], uint32(fc))
		le.PutUint32(w[fcLcbAt+8*13+4:], 12)
		return w, tb
	})
	d, err := read(data, block.Limits{})
	require.NoError(t, err)
	require.Len(t, d.Blocks, 1)
	require.Equal(t, "正文", d.Blocks[0].(*block.Paragraph).Text)
}
