package text

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	utf16pkg "unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/hotline12345/bulletin/extract/block"
)

func read(t *testing.T, s string) *block.Document {
	t.Helper()
	doc, err := ReadBytes(context.Background(), []byte(s), block.Limits{})
	require.NoError(t, err)
	return doc
}

// tables returns the texts of the document's tables, row by row.
func tables(doc *block.Document) [][][]string {
	var out [][][]string
	for _, b := range doc.Blocks {
		if t, ok := b.(*block.Table); ok {
			var rows [][]string
			for _, r := range t.Rows {
				var cells []string
				for _, c := range r.Cells {
					cells = append(cells, c.Text)
				}
				rows = append(rows, cells)
			}
			out = append(out, rows)
		}
	}
	return out
}

func paragraphs(doc *block.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if p, ok := b.(*block.Paragraph); ok {
			out = append(out, p.Text)
		}
	}
	return out
}

func TestDecode(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("办理数 按时办结率")
	require.NoError(t, err)
	tests := []struct {
		name string
		in   []byte
		enc  string
		want string
	}{
		{"utf8", []byte("办理数"), UTF8, "办理数"},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "办理数"...), UTF8, "办理数"},
		{"utf16le", []byte{0xFF, 0xFE, 0x9E, 0x52, 0x06, 0x74}, UTF16LE, "办理"},
		{"utf16be", []byte{0xFE, 0xFF, 0x52, 0x9E, 0x74, 0x06}, UTF16BE, "办理"},
		{"gbk", []byte(gbk), GB18030, "办理数 按时办结率"},
		// Without a byte order mark, UTF-16 is told by where its zero
		// bytes fall: the high bytes of digits, spaces and line ends.
		{"utf16le without bom", utf16(binary.LittleEndian, "办理数 47\n按时办结率 100%\n"), UTF16LE, "办理数 47\n按时办结率 100%\n"},
		{"utf16be without bom", utf16(binary.BigEndian, "办理数 47\n按时办结率 100%\n"), UTF16BE, "办理数 47\n按时办结率 100%\n"},
		{"utf16le ascii without bom", utf16(binary.LittleEndian, "total 47"), UTF16LE, "total 47"},
		{"utf16be, one line end in 40 characters", utf16(binary.BigEndian, strings.Repeat("办", 40)+"\n"), UTF16BE, strings.Repeat("办", 40) + "\n"},
	}
	for _, tt := range tests {
		got, enc, err := Decode(tt.in)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got, tt.name)
		assert.Equal(t, tt.enc, enc, tt.name)
	}
}

func TestDecodeRejectsBinary(t *testing.T) {
	bin := append([]byte("line one\nline two\n"), bytes.Repeat([]byte{0x00, 0x01, 0xFF, 0x80}, 50)...)
	_, _, err := Decode(bin)
	require.ErrorIs(t, err, block.ErrFormat)
	var pe *block.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Pos.Line)
}

func TestLimits(t *testing.T) {
	ctx := context.Background()
	_, err := ReadBytes(ctx, []byte("short\n"+strings.Repeat("x", 100)), block.Limits{MaxLineBytes: 50})
	require.ErrorIs(t, err, block.ErrLimit)
	var pe *block.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 2, pe.Pos.Line)

	_, err = Read(ctx, strings.NewReader(strings.Repeat("a\n", 100)), block.Limits{MaxInputBytes: 10})
	require.ErrorIs(t, err, block.ErrLimit)

	many := "单位\t办理数\n" + strings.Repeat("甲\t1\n", 20)
	_, err = ReadBytes(ctx, []byte(many), block.Limits{MaxRows: 10})
	require.ErrorIs(t, err, block.ErrLimit)
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ReadBytes(ctx, []byte(strings.Repeat("一行文字。\n", 3000)), block.Limits{})
	require.ErrorIs(t, err, context.Canceled)
}

// The reader reads through any io.Reader, however it delivers bytes.
func TestAwkwardReaders(t *testing.T) {
	src := []byte("单位\t办理数\n甲\t1\n乙\t2\n")
	want := read(t, string(src))
	readers := map[string]io.Reader{
		"one byte": iotest.OneByteReader(bytes.NewReader(src)),
		"half":     iotest.HalfReader(bytes.NewReader(src)),
		"data+EOF": iotest.DataErrReader(bytes.NewReader(src)),
	}
	for name, r := range readers {
		got, err := Read(context.Background(), r, block.Limits{})
		require.NoError(t, err, name)
		assert.Equal(t, want, got, name)
	}
	boom := errors.New("disk on fire")
	_, err := Read(context.Background(), iotest.ErrReader(boom), block.Limits{})
	require.ErrorIs(t, err, boom)
	var pe *block.ParseError
	require.ErrorAs(t, err, &pe)
}

func TestDebrisIsNoted(t *testing.T) {
	doc := read(t, "\t单位\n\t办理数\n||||\n\n\t甲\n\t1\n\n\t乙\n\t2\n\n\t丙\n\t3\n")
	require.Len(t, tables(doc), 1)
	require.Len(t, doc.Problems, 1)
	assert.Equal(t, 3, doc.Problems[0].Pos.Line)
	assert.Contains(t, doc.Problems[0].Message, "debris")
}

// Narrative is not mistaken for a table, whatever its numbers.
func TestProseStaysProse(t *testing.T) {
	prose := `2023年3月份，共受理各类诉求2660件。

其中，电话诉求2364件，网民诉求296件。

共涉及57家区直单位、13个镇（街道）。

注：1．交办事项认真办理为按时办结；
2．回访时未明确表示不满意的按满意计算。
`
	doc := read(t, prose)
	assert.Empty(t, tables(doc))
	assert.Len(t, paragraphs(doc), 5)
}

// Lines hard-wrapped at a fixed width are joined into paragraphs; short
// lines and new items are not.
func TestHardWrappedParagraphs(t *testing.T) {
	line := strings.Repeat("热线", 20)
	src := line + "\n" + line + "\n结束了。\n\n" + line + "\n" + line + "\n1．新的一项\n短行\n" + line + "\n"
	doc := read(t, src)
	assert.Equal(t, []string{line + line + "结束了。", line + line, "1．新的一项", "短行", line}, paragraphs(doc))
}

func TestLayoutsWithoutHints(t *testing.T) {
	want := [][]string{{"单位名称", "办理数", "满意率"}, {"甲局", "12", "91.67%"}, {"乙局", "3", "100%"}, {"丙局", "0", "—"}}
	tests := map[string]string{
		"tsv":                "单位名称\t办理数\t满意率\n甲局\t12\t91.67%\n乙局\t3\t100%\n丙局\t0\t—\n",
		"pipe":               "| 单位名称 | 办理数 | 满意率 |\n|---|---|---|\n| 甲局 | 12 | 91.67% |\n| 乙局 | 3 | 100% |\n| 丙局 | 0 | — |\n",
		"full-width pipe":    "｜单位名称｜办理数｜满意率｜\n｜甲局｜12｜91.67%｜\n｜乙局｜3｜100%｜\n｜丙局｜0｜—｜\n",
		"tab cells":          "\t单位名称\n\t办理数\n\t满意率\n\n\t甲局\n\t12\n\t91.67%\n\n\t乙局\n\t3\n\t100%\n\n\t丙局\n\t0\n\t—\n",
		"tab cells unbroken": "\t单位名称\n\t办理数\n\t满意率\n\t甲局\n\t12\n\t91.67%\n\t乙局\n\t3\n\t100%\n\t丙局\n\t0\n\t—\n",
		"bar cells":          "单位名称 |\n办理数 |\n满意率 |\n\n甲局 |\n12 |\n91.67% |\n\n乙局 |\n3 |\n100% |\n\n丙局 |\n0 |\n— |\n",
		"blank separated":    "单位名称\n\n办理数\n\n满意率\n\n甲局\n\n12\n\n91.67%\n\n乙局\n\n3\n\n100%\n\n丙局\n\n0\n\n—\n",
		"aligned":            "单位名称    办理数    满意率\n\n甲局        12      91.67%\n乙局         3        100%\n丙局         0          —\n",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			got := tables(read(t, src))
			require.Len(t, got, 1)
			assert.Equal(t, want, got[0])
		})
	}
}

// Debris a recognizer looks at and gives back is noted once: here the pipe
// recognizer reads two lines and debris, finds one row, and returns them.
func TestDebrisNotedOnce(t *testing.T) {
	doc := read(t, "| 甲 | 1 |\n||||\n\n正文一行。\n")
	require.Len(t, doc.Problems, 1)
	assert.Equal(t, 2, doc.Problems[0].Pos.Line)
}

// utf16 encodes s as UTF-16 in the given byte order, without a byte order
// mark.
func utf16(order binary.AppendByteOrder, s string) []byte {
	var out []byte
	for _, u := range utf16pkg.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}
