// Package cfbtest builds small OLE compound files for tests: version 3
// (512-byte sectors), one FAT sector at sector 0, the directory from sector
// 1, then each stream's sectors in order. Streams shorter than 4096 bytes
// are padded to 4096 with zeros and declared at that size, so that every
// stream lives in regular sectors and no mini stream is needed.
package cfbtest

import (
	"encoding/binary"
	"unicode/utf16"
)

// Stream is a stream of the root storage.
type Stream struct {
	Name string
	Data []byte
}

// Sector is the sector size of the files built.
const Sector = 512

// Build returns a compound file holding the streams. It panics when they
// need more than the 127 sectors one FAT sector maps.
func Build(streams ...Stream) []byte {
	le := binary.LittleEndian
	nDir := (len(streams) + 1 + 3) / 4
	sizes := make([]int, len(streams))
	starts := make([]int, len(streams))
	next := 1 + nDir
	for i, s := range streams {
		sizes[i] = len(s.Data)
		if sizes[i] > 0 && sizes[i] < 4096 {
			sizes[i] = 4096
		}
		starts[i] = next
		next += (sizes[i] + Sector - 1) / Sector
	}
	if next > Sector/4 {
		panic("cfbtest: streams too large for one FAT sector")
	}
	b := make([]byte, Sector*(1+next))
	copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(b[0x18:], 0x3E)
	le.PutUint16(b[0x1A:], 3)
	le.PutUint16(b[0x1C:], 0xFFFE)
	le.PutUint16(b[0x1E:], 9)
	le.PutUint16(b[0x20:], 6)
	le.PutUint32(b[0x2C:], 1)          // one FAT sector
	le.PutUint32(b[0x30:], 1)          // the directory starts at sector 1
	le.PutUint32(b[0x38:], 4096)       // mini stream cutoff
	le.PutUint32(b[0x3C:], 0xFFFFFFFE) // no mini FAT
	le.PutUint32(b[0x44:], 0xFFFFFFFE) // no DIFAT sectors
	for i := range 109 {
		le.PutUint32(b[0x4C+4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(b[0x4C:], 0) // FAT sector 0
	fat := b[Sector : 2*Sector]
	for i := range Sector / 4 {
		le.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(fat, 0xFFFFFFFD) // sector 0 is the FAT
	chain := func(first, n int) {
		for s := first; s < first+n; s++ {
			v := uint32(s + 1)
			if s == first+n-1 {
				v = 0xFFFFFFFE
			}
			le.PutUint32(fat[4*s:], v)
		}
	}
	chain(1, nDir)
	for i, s := range streams {
		n := (sizes[i] + Sector - 1) / Sector
		if n > 0 {
			chain(starts[i], n)
			copy(b[Sector*(1+starts[i]):], s.Data)
		}
	}
	names := append([]string{"Root Entry"}, make([]string, len(streams))...)
	for i, s := range streams {
		names[i+1] = s.Name
	}
	for i, name := range names {
		e := b[2*Sector+128*i : 2*Sector+128*(i+1)]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*(len(u)+1)))
		e[0x42] = 2 // stream
		if i == 0 {
			e[0x42] = 5 // root storage
		}
		le.PutUint32(e[0x44:], 0xFFFFFFFF)
		le.PutUint32(e[0x48:], 0xFFFFFFFF)
		le.PutUint32(e[0x4C:], 0xFFFFFFFF)
		if i+1 < len(names) && i > 0 {
			le.PutUint32(e[0x48:], uint32(i+1)) // the next stream is the right sibling
		}
		if i == 0 && len(names) > 1 {
			le.PutUint32(e[0x4C:], 1)
		}
		le.PutUint32(e[0x74:], 0xFFFFFFFE)
		if i > 0 && sizes[i-1] > 0 {
			le.PutUint32(e[0x74:], uint32(starts[i-1]))
			le.PutUint32(e[0x78:], uint32(sizes[i-1]))
		}
	}
	return b
}

// Names builds a compound file of empty streams with the names given.
func Names(names ...string) []byte {
	s := make([]Stream, len(names))
	for i, n := range names {
		s[i].Name = n
	}
	return Build(s...)
}
