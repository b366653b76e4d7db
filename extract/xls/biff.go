package xls

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"unicode/utf16"
)

// BIFF8 record types read.
const (
	recBOF         = 0x0809
	recEOF         = 0x000A
	recFilePass    = 0x002F
	recBoundSheet  = 0x0085
	recSST         = 0x00FC
	recContinue    = 0x003C
	recFormat      = 0x041E
	recXF          = 0x00E0
	recDateMode    = 0x0022
	recDimensions  = 0x0200
	recRow         = 0x0208
	recColInfo     = 0x007D
	recLabelSST    = 0x00FD
	recLabel       = 0x0204
	recNumber      = 0x0203
	recRK          = 0x027E
	recMulRK       = 0x00BD
	recBoolErr     = 0x0205
	recFormula     = 0x0006
	recString      = 0x0207
	recMergedCells = 0x00E5
)

// maxRecord is the largest record BIFF8 allows.
const maxRecord = 8224

var le = binary.LittleEndian

var errShort = errors.New("record too short")

// record is one BIFF record: its type, its data, and the data of the
// CONTINUE records that follow it, with where each continuation starts.
type record struct {
	typ    uint16
	off    int // offset of the record in the stream, for messages
	data   []byte
	breaks []int // offsets into data where a CONTINUE record's data starts
}

// records iterates the records of a stream from an offset.
type records struct {
	s   []byte
	pos int
}

// next returns the next record, joined with its CONTINUE records when
// join is set.
func (rs *records) next(join bool) (*record, error) {
	rec, err := rs.raw()
	if err != nil {
		return nil, err
	}
	for join && rs.pos+4 <= len(rs.s) && le.Uint16(rs.s[rs.pos:]) == recContinue {
		c, err := rs.raw()
		if err != nil {
			return nil, err
		}
		if len(rec.breaks) == 0 {
			// The data still lies in the stream: copy it before the first
			// append, then let it grow (copying it for every CONTINUE would
			// make a long shared string table quadratic).
			rec.data = slices.Clip(rec.data)
		}
		rec.breaks = append(rec.breaks, len(rec.data))
		rec.data = append(rec.data, c.data...)
	}
	return rec, nil
}

func (rs *records) raw() (*record, error) {
	if rs.pos+4 > len(rs.s) {
		return nil, fmt.Errorf("at byte %d: stream ends inside a record header", rs.pos)
	}
	typ, n := le.Uint16(rs.s[rs.pos:]), int(le.Uint16(rs.s[rs.pos+2:]))
	if n > maxRecord || rs.pos+4+n > len(rs.s) {
		return nil, fmt.Errorf("at byte %d: record %#04x of %d bytes runs past the stream", rs.pos, typ, n)
	}
	rec := &record{typ: typ, off: rs.pos, data: rs.s[rs.pos+4 : rs.pos+4+n]}
	rs.pos += 4 + n
	return rec, nil
}

// reader reads the fields of a record, across CONTINUE boundaries.
type reader struct {
	r   *record
	pos int
}

func (rd *reader) need(n int) error {
	if n < 0 || rd.pos+n > len(rd.r.data) {
		return fmt.Errorf("record %#04x at byte %d: %w", rd.r.typ, rd.r.off, errShort)
	}
	return nil
}

func (rd *reader) u8() (byte, error) {
	if err := rd.need(1); err != nil {
		return 0, err
	}
	rd.pos++
	return rd.r.data[rd.pos-1], nil
}

func (rd *reader) u16() (uint16, error) {
	if err := rd.need(2); err != nil {
		return 0, err
	}
	rd.pos += 2
	return le.Uint16(rd.r.data[rd.pos-2:]), nil
}

func (rd *reader) u32() (uint32, error) {
	if err := rd.need(4); err != nil {
		return 0, err
	}
	rd.pos += 4
	return le.Uint32(rd.r.data[rd.pos-4:]), nil
}

func (rd *reader) skip(n int) error {
	if err := rd.need(n); err != nil {
		return err
	}
	rd.pos += n
	return nil
}

// nextBreak returns the next CONTINUE boundary after the position, or the
// end of the data. The boundaries are searched, not scanned: a shared
// string table has thousands of them and a million strings.
func (rd *reader) nextBreak() int {
	i, at := slices.BinarySearch(rd.r.breaks, rd.pos)
	if at {
		i++
	}
	if i < len(rd.r.breaks) {
		return rd.r.breaks[i]
	}
	return len(rd.r.data)
}

// chars reads n characters, one byte each (Latin-1) or two (UTF-16LE) as
// high says. Where a CONTINUE record starts inside the characters, it
// begins with a new flags byte saying the width of the rest.
func (rd *reader) chars(n int, high bool) (string, error) {
	u := make([]uint16, 0, min(n, len(rd.r.data)))
	for len(u) < n {
		if _, at := slices.BinarySearch(rd.r.breaks, rd.pos); at {
			flags, err := rd.u8()
			if err != nil {
				return "", err
			}
			high = flags&0x01 != 0
		}
		end := rd.nextBreak()
		width := 1
		if high {
			width = 2
		}
		avail := (end - rd.pos) / width
		if avail == 0 {
			return "", fmt.Errorf("record %#04x at byte %d: string of %d characters: %w", rd.r.typ, rd.r.off, n, errShort)
		}
		for k := 0; k < avail && len(u) < n; k++ {
			if high {
				u = append(u, le.Uint16(rd.r.data[rd.pos:]))
			} else {
				u = append(u, uint16(rd.r.data[rd.pos]))
			}
			rd.pos += width
		}
	}
	return string(utf16.Decode(u)), nil
}

// unicodeString reads an XLUnicodeString (16-bit count) or, with rich,
// an XLUnicodeRichExtendedString, skipping its formatting runs and
// phonetic data.
func (rd *reader) unicodeString(rich bool) (string, error) {
	n, err := rd.u16()
	if err != nil {
		return "", err
	}
	flags, err := rd.u8()
	if err != nil {
		return "", err
	}
	runs, ext := 0, 0
	if rich && flags&0x08 != 0 {
		v, err := rd.u16()
		if err != nil {
			return "", err
		}
		runs = int(v)
	}
	if rich && flags&0x04 != 0 {
		v, err := rd.u32()
		if err != nil {
			return "", err
		}
		ext = int(int32(v))
	}
	s, err := rd.chars(int(n), flags&0x01 != 0)
	if err != nil {
		return "", err
	}
	if err := rd.skip(4 * runs); err != nil {
		return "", err
	}
	if err := rd.skip(ext); err != nil {
		return "", err
	}
	return s, nil
}

// shortString reads a ShortXLUnicodeString (8-bit count), as sheet names
// are stored.
func (rd *reader) shortString() (string, error) {
	n, err := rd.u8()
	if err != nil {
		return "", err
	}
	flags, err := rd.u8()
	if err != nil {
		return "", err
	}
	return rd.chars(int(n), flags&0x01 != 0)
}

// rk decodes an RK number: a 30-bit integer or the high 30 bits of a
// float64, optionally divided by 100.
func rk(v uint32) float64 {
	var f float64
	if v&0x02 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&0xFFFFFFFC) << 32)
	}
	if v&0x01 != 0 {
		f /= 100
	}
	return f
}
