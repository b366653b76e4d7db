// Package cfb opens OLE compound files (MS-CFB: legacy .doc, .xls, WPS
// .wps and .et, and password-protected Office Open XML) within
// [block.Limits]. Streams are read with github.com/richardlehane/mscfb,
// after checks of our own that it does not make: before it allocates
// anything, the header's FAT and DIFAT counts are bounded by the file's
// sectors and the directory's sector chain is walked for loops and sectors
// out of range, with at most MaxParts entries; before a stream is read,
// its sector chain (in the FAT or the mini FAT) is walked the same way and
// must hold the stream's declared size, which is bounded by MaxPartBytes.
// mscfb itself follows a stream's chain blindly, so a loop would give
// repeated bytes instead of an error.
package cfb

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Signature starts every compound file.
var Signature = [8]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Sector markers and sizes.
const (
	freeSect    = 0xFFFFFFFF
	endOfChain  = 0xFFFFFFFE
	maxRegular  = 0xFFFFFFFA
	difatInHdr  = 109
	dirEntry    = 128
	miniSector  = 64
	miniCutoff  = 4096
	typeStream  = 2
	typeRoot    = 5
	headerBytes = 512
)

// entry is a stream or storage of the directory.
type entry struct {
	name   string
	stream bool
	start  uint32
	size   int64
}

// File is an opened compound file.
type File struct {
	r       io.ReaderAt
	lim     block.Limits
	hdr     [headerBytes]byte
	secSize int64
	sectors int64 // sectors the file holds: a bound on every chain
	entries []entry
	root    entry
	lib     *mscfb.Reader
	fat     map[uint32]uint32 // FAT sectors by index, read lazily
}

var le = binary.LittleEndian

// Open checks the compound file's header and directory and opens it. The
// errors wrap [block.ErrFormat] (not a compound file, a broken directory)
// or [block.ErrLimit].
func Open(r io.ReaderAt, size int64, lim block.Limits) (*File, error) {
	lim = lim.WithDefaults()
	f := &File{r: r, lim: lim, fat: map[uint32]uint32{}}
	if err := f.scan(size); err != nil {
		if errors.Is(err, block.ErrLimit) {
			return nil, block.At(model.Pos{}, err)
		}
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: unreadable OLE compound file: %w", block.ErrFormat, err))
	}
	lib, err := mscfb.New(r)
	if err != nil {
		return nil, block.At(model.Pos{}, fmt.Errorf("%w: unreadable OLE compound file: %w", block.ErrFormat, err))
	}
	f.lib = lib
	return f, nil
}

// Has reports whether the root storage holds a stream named name.
func (f *File) Has(name string) bool { return f.top(name) != nil }

// top returns the stream named name in the root storage, or nil.
func (f *File) top(name string) *mscfb.File {
	for _, lf := range f.lib.File {
		if lf.Name == name && len(lf.Path) == 0 && !lf.FileInfo().IsDir() {
			return lf
		}
	}
	return nil
}

// scan reads the header and walks the directory chain.
func (f *File) scan(size int64) error {
	if _, err := f.r.ReadAt(f.hdr[:], 0); err != nil {
		return fmt.Errorf("header: %w", err)
	}
	if [8]byte(f.hdr[:8]) != Signature {
		return errors.New("no compound file signature")
	}
	shift := le.Uint16(f.hdr[0x1E:])
	if shift != 9 && shift != 12 {
		return fmt.Errorf("sector shift %d", shift)
	}
	f.secSize = int64(1) << shift
	f.sectors = (size - headerBytes + f.secSize - 1) / f.secSize
	if nFAT, nDIFAT := int64(le.Uint32(f.hdr[0x2C:])), int64(le.Uint32(f.hdr[0x48:])); nFAT > f.sectors || nDIFAT > f.sectors {
		return fmt.Errorf("header declares %d FAT and %d DIFAT sectors, the file holds %d sectors", nFAT, nDIFAT, f.sectors)
	}
	if n := int64(le.Uint32(f.hdr[0x40:])); n > f.sectors {
		return fmt.Errorf("header declares %d mini FAT sectors, the file holds %d sectors", n, f.sectors)
	}
	buf := make([]byte, f.secSize)
	u := make([]uint16, 0, 32)
	err := f.chain(le.Uint32(f.hdr[0x30:]), false, func(s uint32) error {
		off, err := f.sectorAt(s)
		if err != nil {
			return err
		}
		if _, err := f.r.ReadAt(buf, off); err != nil {
			return fmt.Errorf("directory: %w", err)
		}
		for e := int64(0); e+dirEntry <= f.secSize; e += dirEntry {
			ent := buf[e : e+dirEntry]
			n, typ := int(le.Uint16(ent[0x40:])), ent[0x42]
			if typ == 0 || n < 2 || n > 64 {
				continue // unused entry
			}
			if len(f.entries) >= f.lim.MaxParts {
				return block.Exceeded("compound file entries", int64(f.lim.MaxParts))
			}
			u = u[:0]
			for i := 0; i < n/2-1; i++ { // without the terminating NUL
				u = append(u, le.Uint16(ent[2*i:]))
			}
			e := entry{name: string(utf16.Decode(u)), stream: typ == typeStream, start: le.Uint32(ent[0x74:]), size: int64(le.Uint64(ent[0x78:]))}
			if shift == 9 {
				e.size = int64(le.Uint32(ent[0x78:])) // version 3 files use only the low 32 bits
			}
			if typ == typeRoot {
				f.root = e
			}
			f.entries = append(f.entries, e)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if f.root.name == "" {
		return errors.New("no root entry")
	}
	return nil
}

// sectorAt returns the file offset of sector s.
func (f *File) sectorAt(s uint32) (int64, error) {
	if s > maxRegular || int64(s) >= f.sectors {
		return 0, fmt.Errorf("sector %d out of range (the file holds %d)", s, f.sectors)
	}
	return (int64(s) + 1) * f.secSize, nil
}

func (f *File) read32(off int64) (uint32, error) {
	var b [4]byte
	if _, err := f.r.ReadAt(b[:], off); err != nil {
		return 0, err
	}
	return le.Uint32(b[:]), nil
}

// fatSector returns the location of the i-th FAT sector, from the header's
// DIFAT or the DIFAT chain.
func (f *File) fatSector(i uint32) (uint32, error) {
	if s, ok := f.fat[i]; ok {
		return s, nil
	}
	perSec := uint32(f.secSize / 4)
	var s uint32
	if i < difatInHdr {
		s = le.Uint32(f.hdr[0x4C+4*i:])
	} else {
		j := i - difatInHdr
		d := le.Uint32(f.hdr[0x44:])
		nDIFAT := le.Uint32(f.hdr[0x48:])
		for hops := uint32(0); ; hops++ {
			if hops >= nDIFAT {
				return 0, errors.New("DIFAT chain too short")
			}
			off, err := f.sectorAt(d)
			if err != nil {
				return 0, err
			}
			if j < perSec-1 {
				v, err := f.read32(off + 4*int64(j))
				if err != nil {
					return 0, err
				}
				s = v
				break
			}
			j -= perSec - 1
			if d, err = f.read32(off + f.secSize - 4); err != nil {
				return 0, err
			}
		}
	}
	if len(f.fat) < 1<<16 {
		f.fat[i] = s
	}
	return s, nil
}

// next returns the sector after s in the FAT.
func (f *File) next(s uint32) (uint32, error) {
	perSec := uint32(f.secSize / 4)
	fs, err := f.fatSector(s / perSec)
	if err != nil {
		return 0, err
	}
	off, err := f.sectorAt(fs)
	if err != nil {
		return 0, fmt.Errorf("FAT: %w", err)
	}
	return f.read32(off + 4*int64(s%perSec))
}

// chain calls visit with every sector of the chain starting at s, in the
// FAT or (mini) in the mini FAT, and fails on a sector out of range or a
// loop.
func (f *File) chain(s uint32, mini bool, visit func(uint32) error) error {
	limit := f.sectors
	next := f.next
	if mini {
		limit = f.root.size / miniSector
		var miniFAT []uint32
		if err := f.chain(le.Uint32(f.hdr[0x3C:]), false, func(s uint32) error {
			miniFAT = append(miniFAT, s)
			return nil
		}); err != nil {
			return fmt.Errorf("mini FAT: %w", err)
		}
		perSec := uint32(f.secSize / 4)
		next = func(s uint32) (uint32, error) {
			if int(s/perSec) >= len(miniFAT) {
				return 0, fmt.Errorf("mini sector %d beyond the mini FAT", s)
			}
			off, err := f.sectorAt(miniFAT[s/perSec])
			if err != nil {
				return 0, err
			}
			return f.read32(off + 4*int64(s%perSec))
		}
	}
	seen := make(map[uint32]bool)
	for s != endOfChain && s != freeSect {
		if int64(s) >= limit {
			return fmt.Errorf("sector %d out of range (%d sectors)", s, limit)
		}
		if seen[s] {
			return fmt.Errorf("sector chain loops at sector %d", s)
		}
		seen[s] = true
		if err := visit(s); err != nil {
			return err
		}
		var err error
		if s, err = next(s); err != nil {
			return err
		}
	}
	return nil
}

// Stream reads the whole stream named name in the root storage. Its size
// is bounded by MaxPartBytes and by the file, and its sector chain is
// checked before it is read. The errors are *block.ParseErrors naming the
// stream.
func (f *File) Stream(name string) ([]byte, error) {
	pos := model.Pos{Part: name}
	lf := f.top(name)
	if lf == nil {
		return nil, block.At(pos, fmt.Errorf("%w: no %s stream", block.ErrFormat, name))
	}
	size := lf.Size
	if size > f.lim.MaxPartBytes {
		return nil, block.At(pos, fmt.Errorf("%w: stream declares %d bytes, more than %d", block.ErrLimit, size, f.lim.MaxPartBytes))
	}
	if size > f.sectors*f.secSize {
		return nil, block.At(pos, fmt.Errorf("%w: stream declares %d bytes, more than the file holds", block.ErrFormat, size))
	}
	mini := size < miniCutoff
	unit := f.secSize
	if mini {
		unit = miniSector
		if f.root.size > f.sectors*f.secSize {
			return nil, block.At(pos, fmt.Errorf("%w: mini stream declares %d bytes, more than the file holds", block.ErrFormat, f.root.size))
		}
		if err := f.chain(f.root.start, false, func(uint32) error { return nil }); err != nil {
			return nil, block.At(pos, fmt.Errorf("%w: mini stream: %w", block.ErrFormat, err))
		}
	}
	// The library does not say which directory entry it found; check the
	// chain of every entry it may be.
	for _, e := range f.entries {
		if !e.stream || e.name != name || e.size != size {
			continue
		}
		n := int64(0)
		if err := f.chain(e.start, mini, func(uint32) error { n++; return nil }); err != nil {
			return nil, block.At(pos, fmt.Errorf("%w: %w", block.ErrFormat, err))
		}
		if n*unit < size {
			return nil, block.At(pos, fmt.Errorf("%w: stream declares %d bytes, its sector chain holds %d", block.ErrFormat, size, n*unit))
		}
	}
	data := make([]byte, size)
	if size == 0 {
		return data, nil
	}
	if _, err := lf.ReadAt(data, 0); err != nil && !(err == io.EOF && lf.Size == size) {
		return nil, block.At(pos, fmt.Errorf("%w: %w", block.ErrFormat, err))
	}
	return data, nil
}
