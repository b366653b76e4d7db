package font

import (
	"encoding/binary"
	"fmt"

	"github.com/hotline12345/bulletin/extract/block"
)

// maxCmapCodes bounds the character codes read from one TrueType cmap
// subtable (a format 12 group may claim the whole of Unicode).
const maxCmapCodes = 1 << 18

// trueTypeUnicode inverts the Unicode cmap subtable of a TrueType font
// program: it returns the code point of each glyph ID, the lowest one
// when several map to the same glyph. A subsetted font embedded with
// Identity-H and no ToUnicode map still has this table, which makes its
// text readable.
func trueTypeUnicode(font []byte) (map[uint16]rune, error) {
	bad := fmt.Errorf("%w: TrueType font without a readable cmap table", block.ErrFormat)
	if len(font) < 12 {
		return nil, bad
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	var cmap []byte
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil, bad
		}
		if string(font[rec:rec+4]) == "cmap" {
			off, ln := uint64(binary.BigEndian.Uint32(font[rec+8:])), uint64(binary.BigEndian.Uint32(font[rec+12:]))
			if off > uint64(len(font)) {
				return nil, bad
			}
			cmap = font[off:min(off+ln, uint64(len(font)))]
		}
	}
	if len(cmap) < 4 {
		return nil, bad
	}
	// Prefer full Unicode (format 12), then the BMP (format 4).
	best, bestRank := []byte(nil), 0
	for i := range int(binary.BigEndian.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform, enc := binary.BigEndian.Uint16(cmap[rec:]), binary.BigEndian.Uint16(cmap[rec+2:])
		off := binary.BigEndian.Uint32(cmap[rec+4:])
		if uint64(off)+4 > uint64(len(cmap)) {
			continue
		}
		sub := cmap[off:]
		rank := 0
		unicode := platform == 0 || (platform == 3 && (enc == 1 || enc == 10))
		switch format := binary.BigEndian.Uint16(sub); {
		case unicode && format == 12:
			rank = 2
		case unicode && format == 4:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = sub, rank
		}
	}
	out := map[uint16]rune{}
	add := func(r rune, gid uint32) {
		if gid == 0 || gid > 0xffff {
			return
		}
		if old, ok := out[uint16(gid)]; !ok || r < old {
			out[uint16(gid)] = r
		}
	}
	switch bestRank {
	case 2:
		if len(best) < 16 {
			return nil, bad
		}
		groups := int(binary.BigEndian.Uint32(best[12:]))
		codes := 0
		for g := range groups {
			rec := 16 + 12*g
			if rec+12 > len(best) {
				break
			}
			start, end, gid := binary.BigEndian.Uint32(best[rec:]), binary.BigEndian.Uint32(best[rec+4:]), binary.BigEndian.Uint32(best[rec+8:])
			if end < start || end > 0x10ffff {
				continue
			}
			codes += int(end-start) + 1
			if codes > maxCmapCodes {
				return nil, fmt.Errorf("TrueType cmap: %w", block.Exceeded("character codes", maxCmapCodes))
			}
			for c := start; c <= end; c++ {
				add(rune(c), gid+(c-start))
			}
		}
	case 1:
		if len(best) < 14 {
			return nil, bad
		}
		segs := int(binary.BigEndian.Uint16(best[6:])) / 2
		ends := 14
		starts := ends + 2*segs + 2
		deltas := starts + 2*segs
		offsets := deltas + 2*segs
		if offsets+2*segs > len(best) {
			return nil, bad
		}
		u16 := func(at int) uint16 {
			if at < 0 || at+2 > len(best) {
				return 0
			}
			return binary.BigEndian.Uint16(best[at:])
		}
		for s := range segs {
			end, start := u16(ends+2*s), u16(starts+2*s)
			delta, ro := u16(deltas+2*s), u16(offsets+2*s)
			if end < start {
				continue
			}
			for c := uint32(start); c <= uint32(end) && c < 0xffff; c++ {
				var gid uint16
				if ro == 0 {
					gid = uint16(c) + delta
				} else {
					at := offsets + 2*s + int(ro) + 2*int(c-uint32(start))
					if gid = u16(at); gid != 0 {
						gid += delta
					}
				}
				add(rune(c), uint32(gid))
			}
		}
	default:
		return nil, bad
	}
	return out, nil
}
