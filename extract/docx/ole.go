package docx

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// oleSignature starts an OLE compound file (MS-CFB): a legacy .doc, or an
// Office Open XML document encrypted with a password, which Office stores
// as the streams EncryptionInfo and EncryptedPackage of a compound file.
var oleSignature = [8]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// OLE sector markers.
const (
	oleFree       = 0xFFFFFFFF
	oleEndOfChain = 0xFFFFFFFE
	oleMaxRegular = 0xFFFFFFFA
	oleDIFATInHdr = 109
	oleDirEntry   = 128
)

// oleError reads the directory of an OLE compound file and says what the
// file is: [block.ErrEncrypted] for an encrypted OOXML package (it has an
// EncryptionInfo stream), [block.ErrUnsupported] for a legacy Word document
// (a WordDocument stream) or any other compound file, [block.ErrFormat]
// when the directory cannot be read. It reads only the header, the FAT
// entries of the directory chain and the directory sectors, and at most
// maxEntries directory entries.
func oleError(r io.ReaderAt, size int64, maxEntries int) error {
	var found string
	err := oleScan(r, size, maxEntries, func(name string) bool {
		if name == "EncryptionInfo" || name == "EncryptedPackage" || name == "WordDocument" {
			found = name
		}
		return name == "EncryptionInfo" // decisive; WordDocument may sit beside it in no real file
	})
	switch {
	case found == "EncryptionInfo" || found == "EncryptedPackage":
		return block.At(model.Pos{Part: found}, fmt.Errorf("%w: the document is protected with a password", block.ErrEncrypted))
	case found == "WordDocument":
		return block.At(model.Pos{Part: found}, fmt.Errorf("%w: legacy Word 97-2003 (.doc) document; save it as .docx", block.ErrUnsupported))
	case errors.Is(err, block.ErrLimit):
		return block.At(model.Pos{}, err)
	case err != nil:
		return block.At(model.Pos{}, fmt.Errorf("%w: unreadable OLE compound file: %w", block.ErrFormat, err))
	}
	return block.At(model.Pos{}, fmt.Errorf("%w: OLE compound file that is not a Word document", block.ErrUnsupported))
}

// oleScan calls f with the name of each entry of a compound file's
// directory until f returns true.
func oleScan(r io.ReaderAt, size int64, maxEntries int, f func(string) bool) error {
	var hdr [512]byte
	if _, err := r.ReadAt(hdr[:], 0); err != nil {
		return fmt.Errorf("header: %w", err)
	}
	le := binary.LittleEndian
	shift := le.Uint16(hdr[0x1E:])
	if shift != 9 && shift != 12 {
		return fmt.Errorf("sector shift %d", shift)
	}
	secSize := int64(1) << shift
	nSectors := (size - 512 + secSize - 1) / secSize // an upper bound on any chain's length
	perFAT := uint32(secSize / 4)
	difatFirst := le.Uint32(hdr[0x44:])
	nDIFAT := le.Uint32(hdr[0x48:])

	sectorAt := func(s uint32) (int64, error) {
		if s > oleMaxRegular || int64(s) >= nSectors {
			return 0, fmt.Errorf("sector %d out of range", s)
		}
		return (int64(s) + 1) * secSize, nil
	}
	read32 := func(off int64) (uint32, error) {
		var b [4]byte
		if _, err := r.ReadAt(b[:], off); err != nil {
			return 0, err
		}
		return le.Uint32(b[:]), nil
	}
	// fatSector returns the location of the i-th FAT sector, from the
	// header's DIFAT or the DIFAT chain.
	fatSector := func(i uint32) (uint32, error) {
		if i < oleDIFATInHdr {
			return le.Uint32(hdr[0x4C+4*i:]), nil
		}
		i -= oleDIFATInHdr
		s := difatFirst
		for hops := uint32(0); ; hops++ {
			if hops >= nDIFAT || int64(hops) > nSectors {
				return 0, fmt.Errorf("DIFAT chain too short")
			}
			off, err := sectorAt(s)
			if err != nil {
				return 0, err
			}
			if i < perFAT-1 {
				return read32(off + 4*int64(i))
			}
			i -= perFAT - 1
			if s, err = read32(off + secSize - 4); err != nil {
				return 0, err
			}
		}
	}
	nextSector := func(s uint32) (uint32, error) {
		fs, err := fatSector(s / perFAT)
		if err != nil {
			return 0, err
		}
		off, err := sectorAt(fs)
		if err != nil {
			return 0, err
		}
		return read32(off + 4*int64(s%perFAT))
	}

	buf := make([]byte, secSize)
	u := make([]uint16, 0, 32)
	entries := 0
	s := le.Uint32(hdr[0x30:])
	for hops := int64(0); s != oleEndOfChain && s != oleFree; hops++ {
		if hops > nSectors {
			return fmt.Errorf("directory chain loops")
		}
		off, err := sectorAt(s)
		if err != nil {
			return err
		}
		if _, err := r.ReadAt(buf, off); err != nil {
			return fmt.Errorf("directory: %w", err)
		}
		for e := int64(0); e+oleDirEntry <= secSize; e += oleDirEntry {
			ent := buf[e : e+oleDirEntry]
			n := int(le.Uint16(ent[0x40:]))
			if ent[0x42] == 0 || n < 2 || n > 64 {
				continue // unused entry
			}
			if entries++; entries > maxEntries {
				return block.Exceeded("compound file entries", int64(maxEntries))
			}
			u = u[:0]
			for i := 0; i < n/2-1; i++ { // without the terminating NUL
				u = append(u, le.Uint16(ent[2*i:]))
			}
			if f(string(utf16.Decode(u))) {
				return nil
			}
		}
		if s, err = nextSector(s); err != nil {
			return err
		}
	}
	return nil
}
