package object

import (
	"github.com/hotline12345/bulletin/extract/pdf/internal/scan"

	"bytes"
	"errors"
	"fmt"
	"sort"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/cache"
)

// scan finds every "n g obj" in the file, once; a later definition of an
// object number wins, as incremental updates append. Object numbers
// beyond lim.MaxObjects are ignored.
func (d *Doc) scan() {
	if d.found != nil {
		return
	}
	d.found = map[uint32]int{}
	d.src.scan(0, func(off int, data []byte, from, to int) bool {
		for i := from; i < to; {
			j := bytes.Index(data[i:], []byte("obj"))
			if j < 0 || i+j >= to {
				break
			}
			k := i + j
			i = k + 3
			if k+3 < len(data) && scan.IsRegular(data[k+3]) {
				continue
			}
			// Backwards over "n g ".
			q := k
			spaces := func() int {
				s := q
				for q > 0 && scan.IsSpace(data[q-1]) {
					q--
				}
				return s - q
			}
			digits := func() (int64, bool) {
				end := q
				for q > 0 && data[q-1] >= '0' && data[q-1] <= '9' && end-q < 10 {
					q--
				}
				if q == end {
					return 0, false
				}
				var v int64
				for _, c := range data[q:end] {
					v = v*10 + int64(c-'0')
				}
				return v, true
			}
			if spaces() == 0 {
				continue
			}
			if _, ok := digits(); !ok || spaces() == 0 {
				continue
			}
			num, ok := digits()
			if !ok || num > int64(d.lim.MaxObjects) || (q > 0 && scan.IsRegular(data[q-1])) {
				continue
			}
			d.found[uint32(num)] = off + q
		}
		return true
	})
}

// rebuild replaces the cross-reference by the objects found by scanning,
// and the trailer by the trailer dictionaries found (later ones win), or
// the cross-reference streams' dictionaries, or else a dictionary made
// around the last /Catalog object.
func (d *Doc) rebuild() error {
	d.rebuilt = true
	d.scan()
	d.xref = make(map[uint32]entry, len(d.found))
	for n, off := range d.found {
		d.xref[n] = entry{off: off}
	}
	d.cache = cache.New[uint32, any]()
	d.objStms = cache.New[uint32, *objStm]()
	d.trailer = dict{}
	merge := func(t dict) {
		for _, k := range []name{"Root", "Encrypt", "Info", "ID"} {
			if v, ok := t[k]; ok {
				d.trailer[k] = v
			}
		}
	}
	var trailers []int
	d.src.scan(0, func(off int, data []byte, from, to int) bool {
		for i := from; i < to; {
			j := bytes.Index(data[i:], []byte("trailer"))
			if j < 0 || i+j >= to {
				break
			}
			trailers = append(trailers, off+i+j+len("trailer"))
			i += j + len("trailer")
		}
		return true
	})
	for _, off := range trailers {
		if t, ok := d.ignoreErr(parseFile(d, off, func(p *parser) (any, error) { return p.object(0) })).(dict); ok {
			merge(t)
		}
	}
	if d.trailer["Root"] == nil || d.err != nil {
		// Cross-reference streams carry the trailer's entries; failing
		// that, the catalog is an object of /Type /Catalog.
		var catalog ref
		for _, o := range d.objectsByOffset() {
			ext, _ := d.src.window(o.off, 2048)
			isXRef := bytes.Contains(ext, []byte("/XRef"))
			isCatalog := bytes.Contains(ext, []byte("/Catalog"))
			if !isXRef && !isCatalog {
				continue
			}
			x := d.ignoreErr(d.parseAt(o.off, ref{num: o.num}))
			var h dict
			switch x := x.(type) {
			case dict:
				h = x
			case *stream:
				h = x.hdr
			}
			switch {
			case h["Type"] == name("XRef"):
				merge(h)
			case h["Type"] == name("Catalog"):
				catalog = ref{num: o.num}
			}
		}
		if d.trailer["Root"] == nil && catalog != (ref{}) {
			d.trailer["Root"] = catalog
		}
	}
	if d.err != nil {
		return d.err
	}
	if d.trailer["Root"] == nil {
		return fmt.Errorf("%w: no document catalog found", block.ErrFormat)
	}
	return nil
}

// ignoreErr keeps what was parsed and drops a syntax error (a damaged
// file has them where it is damaged); a limit error is recorded.
func (d *Doc) ignoreErr(x any, err error) any {
	if err != nil && errors.Is(err, block.ErrLimit) {
		d.fail(ref{}, err)
	}
	return x
}

type located struct {
	num uint32
	off int
}

// objectsByOffset returns the scanned objects in file order.
func (d *Doc) objectsByOffset() []located {
	out := make([]located, 0, len(d.found))
	for n, off := range d.found {
		out = append(out, located{n, off})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].off < out[j].off })
	return out
}

// findObjStms adds the objects held in object streams to a rebuilt
// cross-reference, where no object of the same number was found directly.
// It runs once, on the first object the scan did not find.
func (d *Doc) findObjStms() {
	d.stmsFound = true
	for _, o := range d.objectsByOffset() {
		ext, _ := d.src.window(o.off, 2048)
		if !bytes.Contains(ext, []byte("/ObjStm")) {
			continue
		}
		st, err := d.objStm(o.num)
		if err != nil {
			d.fail(ref{num: o.num}, err)
			if d.err != nil {
				return
			}
			continue
		}
		for i, n := range st.nums {
			if _, ok := d.xref[n]; !ok {
				d.xref[n] = entry{off: int(o.num), idx: i, inObjStm: true}
			}
		}
	}
}
