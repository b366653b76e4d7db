package object

import (
	"fmt"

	"github.com/hotline12345/bulletin/extract/block"
)

// objStm is a decoded object stream: its data and where each object
// starts in it.
type objStm struct {
	data []byte
	nums []uint32
	offs []int
}

// objStm loads object stream num once. A stream that holds itself, or is
// reached again while it loads, resolves to null and is an error.
func (d *Doc) objStm(num uint32) (*objStm, error) {
	if st, ok := d.objStms.Get(num); ok {
		if st == nil {
			return nil, fmt.Errorf("%w: object stream %d cannot be read", block.ErrFormat, num)
		}
		return st, nil
	}
	d.objStms.Put(num, nil)
	x := d.resolve(ref{num: num})
	s, ok := x.(*stream)
	if !ok {
		return nil, fmt.Errorf("%w: object stream %d is not a stream", block.ErrFormat, num)
	}
	data, err := d.readStream(s, fmt.Sprintf("object stream %d", num), true)
	if err != nil && data == nil {
		return nil, err
	}
	n, _ := s.hdr["N"].(int64)
	first, _ := s.hdr["First"].(int64)
	// Each object takes at least two bytes of header ("n off").
	if n < 0 || first < 0 || first > int64(len(data)) || n > first/2+1 {
		return nil, fmt.Errorf("%w: object stream %d has /N %d and /First %d for %d bytes", block.ErrFormat, num, n, first, len(data))
	}
	st := &objStm{data: data, nums: make([]uint32, 0, n), offs: make([]int, 0, n)}
	p := d.parser(data[:first], 0)
	for range n {
		p.skipSpace()
		on, ok1 := p.unsigned()
		p.skipSpace()
		off, ok2 := p.unsigned()
		if !ok1 || !ok2 || on > int64(d.lim.MaxObjects) || first+off >= int64(len(data)) {
			break
		}
		st.nums = append(st.nums, uint32(on))
		st.offs = append(st.offs, int(first+off))
	}
	d.objStms.Put(num, st)
	return st, nil
}

// fromObjStm reads the idx-th object of object stream stm, which must be
// object r.
func (d *Doc) fromObjStm(stm uint32, idx int, r ref) (any, error) {
	if stm == r.num {
		return nil, fmt.Errorf("%w: object %d is said to be in itself", block.ErrFormat, r.num)
	}
	st, err := d.objStm(stm)
	if err != nil {
		return nil, err
	}
	if idx < 0 || idx >= len(st.nums) || st.nums[idx] != r.num {
		// The index is wrong: look the number up.
		idx = -1
		for i, n := range st.nums {
			if n == r.num {
				idx = i
				break
			}
		}
		if idx < 0 {
			return nil, fmt.Errorf("%w: object %d is not in object stream %d", block.ErrFormat, r.num, stm)
		}
	}
	p := d.parser(st.data, st.offs[idx])
	return p.object(0)
}
