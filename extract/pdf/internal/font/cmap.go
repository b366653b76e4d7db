package font

import (
	"fmt"
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/lex"
)

// codespace is one codespace range: codes of n bytes whose every byte lies
// between the bytes of lo and hi.
type codespace struct {
	n      int
	lo, hi [4]byte
}

// CMap is a parsed CMap: a ToUnicode map (codes to text) or an encoding
// CMap (codes to CIDs), with the codespace that splits a shown string into
// codes.
type CMap struct {
	space []codespace
	// text maps a code to its text (ToUnicode); ranges too large to expand
	// stay in textRanges.
	text       map[uint32]string
	textRanges []textRange
	// cid maps a code to a CID (encoding CMaps).
	cid       map[uint32]uint32
	cidRanges []cidRange
	// use is the CMap this one modifies (a predefined -V CMap uses its -H
	// form); codes this one lacks are looked up there.
	use *CMap
}

type textRange struct {
	lo, hi uint32
	dst    []rune // the text of lo; later codes add to its last rune
}

type cidRange struct {
	lo, hi, cid uint32
}

// expandMax is the largest range expanded into the maps; larger ranges are
// kept as ranges and looked up by search.
const expandMax = 256

// ParseCMap parses a CMap stream's data. At most maxEntries mappings are
// kept (an expanded range counts each code), and at most maxOperands
// operands may stand before an operator; beyond either, or when a block
// declares more entries than maxEntries, the result is an error wrapping
// [block.ErrLimit]. Unknown operators and malformed entries
// are skipped, as viewers do.
func ParseCMap(data []byte, maxEntries, maxOperands, maxDepth int) (*CMap, error) {
	m := &CMap{text: map[uint32]string{}, cid: map[uint32]uint32{}}
	lx := lex.New(data, maxOperands, maxDepth)
	entries := 0
	count := func(n int) error {
		entries += n
		if entries > maxEntries {
			return block.Exceeded("CMap entries", int64(maxEntries))
		}
		return nil
	}
	var stack []lex.Operand
	for {
		op, ops, err := lx.Next(stack)
		stack = ops
		if err != nil {
			return nil, err
		}
		if op == nil {
			break
		}
		switch string(op) {
		case "begincodespacerange", "beginbfchar", "beginbfrange", "begincidchar", "begincidrange":
			// The count a block declares is not needed to read it, but a
			// count beyond the limit (a crafted "50000000 beginbfchar")
			// is a limit exceeded, reported before any entry is read.
			if n := len(ops); n > 0 && ops[n-1].Kind == lex.Number && ops[n-1].Num > float64(maxEntries) {
				return nil, fmt.Errorf("%s declares %.0f entries: %w", op, ops[n-1].Num, block.Exceeded("CMap entries", int64(maxEntries)))
			}
		case "endcodespacerange":
			for i := 0; i+1 < len(ops); i += 2 {
				lo, hi := ops[i].Str, ops[i+1].Str
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				cs := codespace{n: len(lo)}
				copy(cs.lo[:], lo)
				copy(cs.hi[:], hi)
				m.space = append(m.space, cs)
			}
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				if ops[i].Kind != lex.String || len(ops[i].Str) > 4 {
					continue
				}
				if err := count(1); err != nil {
					return nil, err
				}
				m.text[code(ops[i].Str)] = destination(ops[i+1])
			}
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				if err := m.bfrange(ops[i], ops[i+1], ops[i+2], count); err != nil {
					return nil, err
				}
			}
		case "endcidchar":
			for i := 0; i+1 < len(ops); i += 2 {
				if ops[i].Kind != lex.String || len(ops[i].Str) > 4 || ops[i+1].Kind != lex.Number {
					continue
				}
				if err := count(1); err != nil {
					return nil, err
				}
				m.cid[code(ops[i].Str)] = uint32(max(ops[i+1].Num, 0))
			}
		case "endcidrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, hi, dst := ops[i], ops[i+1], ops[i+2]
				if lo.Kind != lex.String || hi.Kind != lex.String || len(lo.Str) > 4 || len(hi.Str) > 4 || dst.Kind != lex.Number {
					continue
				}
				a, b := code(lo.Str), code(hi.Str)
				if b < a {
					continue
				}
				if err := count(1); err != nil {
					return nil, err
				}
				m.cidRanges = append(m.cidRanges, cidRange{a, b, uint32(max(dst.Num, 0))})
			}
		}
	}
	sort.Slice(m.textRanges, func(i, j int) bool { return m.textRanges[i].lo < m.textRanges[j].lo })
	sort.Slice(m.cidRanges, func(i, j int) bool { return m.cidRanges[i].lo < m.cidRanges[j].lo })
	return m, nil
}

// bfrange adds one beginbfrange entry: a destination string for the first
// code, the rest following by incrementing it, or an array with one
// destination per code.
func (m *CMap) bfrange(lo, hi, dst lex.Operand, count func(int) error) error {
	if lo.Kind != lex.String || hi.Kind != lex.String || len(lo.Str) > 4 || len(hi.Str) > 4 {
		return nil
	}
	a, b := code(lo.Str), code(hi.Str)
	if b < a {
		return nil
	}
	switch dst.Kind {
	case lex.Array:
		for i, d := range dst.Elems {
			if uint64(a)+uint64(i) > uint64(b) {
				break
			}
			if err := count(1); err != nil {
				return err
			}
			m.text[a+uint32(i)] = destination(d)
		}
	case lex.String:
		base := []rune(destination(dst))
		if len(base) == 0 {
			return nil
		}
		if b-a >= expandMax {
			if err := count(1); err != nil {
				return err
			}
			m.textRanges = append(m.textRanges, textRange{a, b, base})
			return nil
		}
		if err := count(int(b-a) + 1); err != nil {
			return err
		}
		for c := a; ; c++ {
			m.text[c] = offsetText(base, c-a)
			if c == b {
				break
			}
		}
	}
	return nil
}

// offsetText is base with its last rune advanced by off: the increment
// carries into the higher bytes of the UTF-16 value, so <4EFF> + 1 is
// U+4F00 and not U+4E00 (the object package gets this wrong).
func offsetText(base []rune, off uint32) string {
	if off == 0 {
		return FoldRadicals(string(base))
	}
	r := make([]rune, len(base))
	copy(r, base)
	last := int64(r[len(r)-1]) + int64(off)
	if last > utf8.MaxRune || last < 0 {
		last = utf8.RuneError
	}
	r[len(r)-1] = rune(last)
	return FoldRadicals(string(r))
}

// destination decodes a bfchar or bfrange destination: UTF-16BE text, or a
// glyph name given as a name.
func destination(o lex.Operand) string {
	switch o.Kind {
	case lex.String:
		s := o.Str
		if len(s) == 1 {
			return string(rune(s[0]))
		}
		u := make([]uint16, 0, len(s)/2)
		for i := 0; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return FoldRadicals(string(utf16.Decode(u)))
	case lex.Name:
		if r, ok := glyphRune(string(o.Str)); ok {
			return string(r)
		}
	}
	return ""
}

// code reads a big-endian code of 1 to 4 bytes.
func code(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

// Text returns the text of a code, and whether the map has it.
func (m *CMap) Text(c uint32) (string, bool) {
	if s, ok := m.text[c]; ok {
		return s, true
	}
	i := sort.Search(len(m.textRanges), func(i int) bool { return m.textRanges[i].hi >= c })
	if i < len(m.textRanges) && m.textRanges[i].lo <= c {
		r := m.textRanges[i]
		return offsetText(r.dst, c-r.lo), true
	}
	return "", false
}

// CID returns the CID of a code, and whether the map has it.
func (m *CMap) CID(c uint32) (uint32, bool) {
	if v, ok := m.cid[c]; ok {
		return v, true
	}
	i := sort.Search(len(m.cidRanges), func(i int) bool { return m.cidRanges[i].hi >= c })
	if i < len(m.cidRanges) && m.cidRanges[i].lo <= c {
		r := m.cidRanges[i]
		return r.cid + (c - r.lo), true
	}
	if m.use != nil {
		return m.use.CID(c)
	}
	return 0, false
}

// split returns the first code of s and its length in bytes, using the
// codespace ranges; a byte sequence in no range is taken as one
// single-byte code, as viewers do.
func split(space []codespace, s []byte) (uint32, int) {
	for _, cs := range space {
		if cs.n > len(s) {
			continue
		}
		ok := true
		for i := 0; i < cs.n; i++ {
			if s[i] < cs.lo[i] || s[i] > cs.hi[i] {
				ok = false
				break
			}
		}
		if ok {
			return code(s[:cs.n]), cs.n
		}
	}
	return uint32(s[0]), 1
}

// String summarises the map's size, for debugging.
func (m *CMap) String() string {
	return fmt.Sprintf("CMap{%d codespaces, %d texts, %d text ranges, %d cids, %d cid ranges}",
		len(m.space), len(m.text), len(m.textRanges), len(m.cid), len(m.cidRanges))
}
