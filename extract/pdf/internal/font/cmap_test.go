package font

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
)

func TestParseCMap(t *testing.T) {
	src := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <01> <0031> <02> <D840DC00> endbfchar
2 beginbfrange <41> <42> <4EFF> <50> <51> [<6708> <2F49>] endbfrange
1 beginbfrange <0100> <02FF> <4E00> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`
	m, err := ParseCMap([]byte(src), 1000, 1000, 10)
	require.NoError(t, err)
	for code, want := range map[uint32]string{
		0x01: "1", 0x02: "\U00020000",
		0x41: "仿", 0x42: "伀", // the range carries into the high byte
		0x50: "月", 0x51: "月", // a Kangxi radical folds to the ideograph
		0x0100: "一", 0x02FF: string(rune(0x4E00 + 0x1FF)),
	} {
		got, ok := m.Text(code)
		require.True(t, ok, "%x", code)
		require.Equal(t, want, got, "%x", code)
	}
	_, ok := m.Text(0x43)
	require.False(t, ok)
}

func TestParseCMapLimits(t *testing.T) {
	// A declared count is not trusted for allocation; one beyond the limit
	// (the crafted "50000000 beginbfchar") is refused before any entry.
	_, err := ParseCMap([]byte("5 beginbfchar <01> <0041> endbfchar"), 10, 100, 10)
	require.NoError(t, err)
	_, err = ParseCMap([]byte("50000000 beginbfchar <01> <0041> endbfchar"), 10, 100, 10)
	require.ErrorIs(t, err, block.ErrLimit)
	many := "100 beginbfchar " + strings.Repeat("<01> <0041> ", 100) + "endbfchar"
	_, err = ParseCMap([]byte(many), 10, 1000, 10)
	require.ErrorIs(t, err, block.ErrLimit)
	_, err = ParseCMap([]byte("1 beginbfrange <0000> <FFFF> [<41>] endbfrange 1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange"), 10, 1000, 10)
	require.NoError(t, err, "a large range is kept as a range, not expanded")
}

func TestSplitCodes(t *testing.T) {
	m, err := ParseCMap([]byte("2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange"), 10, 100, 10)
	require.NoError(t, err)
	s := []byte{0x41, 0x81, 0x40, 0xFF}
	var codes []uint32
	for len(s) > 0 {
		c, n := split(m.space, s)
		codes = append(codes, c)
		s = s[n:]
	}
	require.Equal(t, []uint32{0x41, 0x8140, 0xFF}, codes)
}
