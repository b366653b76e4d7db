package object

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/hotline12345/bulletin/extract/block"
)

// maxSections bounds the cross-reference sections of a /Prev chain; real
// files have one per incremental update.
const maxSections = 1000

// errXref is the cause of cross-reference data that cannot be used, which
// makes Open rebuild it by scanning.
var errXref = fmt.Errorf("%w: cross-reference", block.ErrFormat)

// readXref reads the cross-reference sections from the last startxref
// along the /Prev chain, newest first, following the /XRefStm of hybrid
// files. Every count and object number is checked against the file size
// and lim.MaxObjects before it is used.
func (d *Doc) readXref() error {
	sx := d.src.lastIndex([]byte("startxref"))
	if sx < 0 {
		return fmt.Errorf("%w: no startxref", errXref)
	}
	type number struct {
		v  int64
		ok bool
	}
	n, _ := parseFile(d, sx+len("startxref"), func(p *parser) (number, error) {
		p.skipSpace()
		v, ok := p.unsigned()
		return number{v, ok}, nil
	})
	off, ok := n.v, n.ok
	if !ok {
		return fmt.Errorf("%w: startxref at offset %d has no offset", errXref, sx)
	}
	d.xref = map[uint32]entry{}
	seen := map[int64]bool{}
	for next := off; next >= 0; {
		if seen[next] {
			return fmt.Errorf("%w: /Prev chain loops at offset %d", errXref, next)
		}
		if len(seen) >= maxSections {
			return fmt.Errorf("%w: more than %d sections", errXref, maxSections)
		}
		seen[next] = true
		trailer, err := d.section(int(next))
		if err != nil {
			return err
		}
		for k, v := range trailer {
			if _, ok := d.trailer[k]; !ok {
				if d.trailer == nil {
					d.trailer = dict{}
				}
				d.trailer[k] = v
			}
		}
		if xs, ok := trailer["XRefStm"].(int64); ok && !seen[xs] {
			// A hybrid file: the stream lists the objects in object
			// streams that the table leaves out.
			seen[xs] = true
			if _, err := d.section(int(xs)); err != nil {
				return err
			}
		}
		next = -1
		if prev, ok := trailer["Prev"].(int64); ok {
			next = prev
		}
	}
	if d.trailer["Root"] == nil {
		return fmt.Errorf("%w: the trailer has no /Root", errXref)
	}
	return nil
}

// section reads the table or stream at off and returns its trailer.
func (d *Doc) section(off int) (dict, error) {
	if off <= 0 || off >= d.src.size {
		return nil, fmt.Errorf("%w: section offset %d outside the file", errXref, off)
	}
	type object struct {
		x  any
		at int
	}
	// A table is read where it lies; a stream object is parsed there, and
	// read after (parseFile may parse twice, the stream is decoded once).
	var trailer dict
	obj, err := parseFile(d, off, func(p *parser) (object, error) {
		p.skipSpace()
		if bytes.HasPrefix(p.data[p.pos:], []byte("xref")) {
			p.pos += 4
			t, err := d.table(p)
			trailer = t
			return object{}, err
		}
		at := p.offset()
		save := p.pos
		n, ok := p.unsigned()
		if !ok {
			return object{at: at}, fmt.Errorf("%w: no table or stream at offset %d", errXref, at)
		}
		p.pos = save
		x, err := p.indirect(ref{num: uint32(n)})
		return object{x, at}, err
	})
	if trailer != nil || obj.x == nil && err != nil {
		return trailer, err
	}
	return d.xrefStream(obj.x, obj.at, err)
}

// set adds an entry unless a newer section has given the object already.
func (d *Doc) set(num uint32, e entry) {
	if _, ok := d.xref[num]; !ok {
		d.xref[num] = e
	}
}

// checkRange checks a subsection's object numbers against the limit.
func (d *Doc) checkRange(start, count int64, at int) error {
	if start < 0 || count < 0 || start+count > int64(d.lim.MaxObjects)+1 {
		return fmt.Errorf("cross-reference at offset %d: objects %d to %d: %w", at, start, start+count-1, block.Exceeded("object numbers", int64(d.lim.MaxObjects)))
	}
	return nil
}

// table reads a classic cross-reference table after its keyword, and the
// trailer dictionary after it.
func (d *Doc) table(p *parser) (dict, error) {
	for {
		p.skipSpace()
		if p.peekKeyword("trailer") {
			p.keyword()
			break
		}
		at := p.offset()
		start, ok1 := p.unsigned()
		p.skipSpace()
		count, ok2 := p.unsigned()
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%w: bad subsection header at offset %d", errXref, at)
		}
		if err := d.checkRange(start, count, at); err != nil {
			return nil, err
		}
		// An entry takes 20 bytes; a count the rest of the file cannot
		// hold is damage, found before anything is allocated for it.
		if count > int64(d.src.size-p.offset())/18 {
			return nil, fmt.Errorf("%w: subsection at offset %d claims %d entries", errXref, at, count)
		}
		for i := int64(0); i < count; i++ {
			p.skipSpace()
			o, ok1 := p.unsigned()
			p.skipSpace()
			_, ok2 := p.unsigned()
			p.skipSpace()
			kw := p.keyword()
			if !ok1 || !ok2 || len(kw) != 1 || (kw[0] != 'n' && kw[0] != 'f') {
				return nil, fmt.Errorf("%w: bad entry at offset %d", errXref, p.offset())
			}
			if kw[0] == 'n' && o > 0 && o < int64(d.src.size) {
				d.set(uint32(start+i), entry{off: int(o)})
			}
		}
	}
	p.skipSpace()
	v, err := p.object(0)
	t, ok := v.(dict)
	if !ok {
		if errors.Is(err, block.ErrLimit) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: no trailer dictionary", errXref)
	}
	if size, ok := t["Size"].(int64); ok {
		if err := d.checkRange(0, size, p.offset()); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// xrefStream reads the cross-reference stream x parsed at offset at (err
// is the parse's error).
func (d *Doc) xrefStream(x any, at int, err error) (dict, error) {
	s, ok := x.(*stream)
	if !ok {
		if errors.Is(err, block.ErrLimit) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: no cross-reference stream at offset %d", errXref, at)
	}
	h := s.hdr
	size, _ := h["Size"].(int64)
	if err := d.checkRange(0, size, at); err != nil {
		return nil, err
	}
	w, _ := h["W"].(array)
	var widths [3]int
	if len(w) != 3 {
		return nil, fmt.Errorf("%w: stream at offset %d has no /W of three widths", errXref, at)
	}
	row := 0
	for i := range widths {
		v, _ := w[i].(int64)
		if v < 0 || v > 8 {
			return nil, fmt.Errorf("%w: stream at offset %d has a /W width of %d", errXref, at, v)
		}
		widths[i] = int(v)
		row += int(v)
	}
	if row == 0 {
		return nil, fmt.Errorf("%w: stream at offset %d has /W [0 0 0]", errXref, at)
	}
	index := array{int64(0), size}
	if ix, ok := h["Index"].(array); ok {
		index = ix
	}
	data, err := d.readStream(s, "cross-reference stream", false)
	if err != nil {
		if errors.Is(err, block.ErrLimit) {
			return nil, fmt.Errorf("cross-reference stream at offset %d: %w", at, err)
		}
		if data == nil {
			return nil, fmt.Errorf("%w: stream at offset %d: %v", errXref, at, err)
		}
	}
	for i := 0; i+1 < len(index); i += 2 {
		start, _ := index[i].(int64)
		count, _ := index[i+1].(int64)
		if err := d.checkRange(start, count, at); err != nil {
			return nil, err
		}
		for k := int64(0); k < count && len(data) >= row; k++ {
			f := [3]int64{1, 0, 0} // the type defaults to 1
			for j, wj := range widths {
				if wj == 0 {
					continue
				}
				var v int64
				for _, b := range data[:wj] {
					v = v<<8 | int64(b)
				}
				data = data[wj:]
				f[j] = v
			}
			num := uint32(start + k)
			switch f[0] {
			case 1:
				if f[1] > 0 && f[1] < int64(d.src.size) {
					d.set(num, entry{off: int(f[1])})
				}
			case 2:
				if f[1] >= 0 && f[1] <= int64(d.lim.MaxObjects) && f[2] >= 0 && f[2] < 1<<31 {
					d.set(num, entry{off: int(f[1]), idx: int(f[2]), inObjStm: true})
				}
			}
		}
	}
	t := dict{}
	for _, k := range []name{"Root", "Encrypt", "Info", "ID", "Prev", "Size"} {
		if v, ok := h[k]; ok {
			t[k] = v
		}
	}
	return t, nil
}
