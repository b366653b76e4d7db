package font

//go:generate go run gen_cmaps.go -src /usr/share/poppler/cMap/Adobe-GB1 -o cmaps_gen.go

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"io"
	"sort"
	"strings"
	"sync"
)

// gb1 holds the predefined Adobe-GB1 CMaps and the CID-to-Unicode map,
// unpacked from gb1Packed on first use: most files never need them.
var gb1 struct {
	once    sync.Once
	cmaps   map[string]*CMap
	unicode []cidRange // CID ranges to code points, sorted
}

// predefinedCMap returns the predefined CMap of that name (GBK-EUC-H,
// GB-EUC-H, UniGB-UCS2-H, UniGB-UTF16-H and their -V forms), or nil.
func predefinedCMap(name string) *CMap {
	gb1.once.Do(unpackGB1)
	return gb1.cmaps[name]
}

// gb1Unicode returns the code point of an Adobe-GB1 CID.
func gb1Unicode(cid uint32) (rune, bool) {
	gb1.once.Do(unpackGB1)
	u := gb1.unicode
	i := sort.Search(len(u), func(i int) bool { return u[i].hi >= cid })
	if i < len(u) && u[i].lo <= cid && cid != 0 {
		return rune(u[i].cid + cid - u[i].lo), true
	}
	return 0, false
}

// isGB1CMap reports whether a CMap name is one of the Adobe-GB1 CMaps,
// whose CIDs are Adobe-GB1 CIDs.
func isGB1CMap(name string) bool {
	return strings.HasPrefix(name, "GB") || strings.HasPrefix(name, "UniGB")
}

// unpackGB1 decodes the generated tables. They are our own constant, so
// a decoding error is a bug of the generator; it leaves the tables
// empty, which reads such text as U+FFFD.
func unpackGB1() {
	gb1.cmaps = map[string]*CMap{}
	z, err := base64.StdEncoding.DecodeString(gb1Packed)
	if err != nil {
		return
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
	if err != nil {
		return
	}
	r := &packed{b: raw}
	uses := map[string]string{}
	for range r.uint() {
		name := r.str()
		use := r.str()
		m := &CMap{}
		for range r.uint() {
			n := int(r.uint())
			lo, hi := r.uint(), r.uint()
			cs := codespace{n: n}
			for i := 0; i < n && i < 4; i++ {
				shift := 8 * (n - 1 - i)
				cs.lo[i] = byte(lo >> shift)
				cs.hi[i] = byte(hi >> shift)
			}
			m.space = append(m.space, cs)
		}
		m.cidRanges = r.ranges()
		gb1.cmaps[name] = m
		uses[name] = use
	}
	for name, use := range uses {
		if u := gb1.cmaps[use]; u != nil {
			m := gb1.cmaps[name]
			m.use = u
			if len(m.space) == 0 {
				m.space = u.space
			}
		}
	}
	gb1.unicode = r.ranges()
	if r.bad {
		gb1.cmaps, gb1.unicode = map[string]*CMap{}, nil
	}
}

// packed reads the varints of the generated tables.
type packed struct {
	b   []byte
	bad bool
}

func (p *packed) uint() uint64 {
	v, n := binary.Uvarint(p.b)
	if n <= 0 {
		p.bad = true
		p.b = nil
		return 0
	}
	p.b = p.b[n:]
	return v
}

func (p *packed) int() int64 {
	v, n := binary.Varint(p.b)
	if n <= 0 {
		p.bad = true
		p.b = nil
		return 0
	}
	p.b = p.b[n:]
	return v
}

func (p *packed) str() string {
	n := p.uint()
	if n > uint64(len(p.b)) {
		p.bad = true
		return ""
	}
	s := string(p.b[:n])
	p.b = p.b[n:]
	return s
}

func (p *packed) ranges() []cidRange {
	n := p.uint()
	out := make([]cidRange, 0, min(n, uint64(len(p.b))))
	var lo uint32
	var dst int64
	for range n {
		if p.bad {
			break
		}
		lo += uint32(p.uint())
		hi := lo + uint32(p.uint())
		dst += p.int()
		out = append(out, cidRange{lo, hi, uint32(dst)})
	}
	return out
}
