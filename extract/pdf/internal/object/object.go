// Package object is the PDF reader's access to a file's objects: opening
// the file (with repair of a damaged cross-reference), walking its page
// tree, reading values and decoding and decrypting streams within budgets.
//
// It is our own object reader: the file is read on demand through an
// [io.ReaderAt], a few blocks of it cached, never whole; its
// cross-reference data (tables, streams, hybrid files, /Prev chains) is
// checked against the file and the limits before anything is allocated
// by it, objects are parsed on first use and cached while they are used
// (see [Doc.Sweep]), and a file whose cross-reference is missing or
// unusable is read by scanning for "n g obj" as poppler and MuPDF do. The
// rest of the reader sees [Value] and [Doc].
//
// Nothing here panics on malformed input: a value that cannot be read is
// null, and a limit exceeded while reading objects lazily is kept and
// reported by [Doc.Err].
package object

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/cache"
)

// Kind is the kind of a PDF value.
type Kind int

// The kinds of PDF values.
const (
	Null Kind = iota
	Bool
	Integer
	Real
	String
	Name
	Dict
	Array
	Stream
)

// Value is a PDF value. Indirect references are resolved when a value is
// taken out of a dictionary or array. Accessors return a zero result when
// the value is of another kind, so the reader can traverse a damaged file
// without an error check at every step.
type Value struct {
	d *Doc
	x any
	r ref // the indirect object x was read as; zero for a direct value
}

// Kind returns the value's kind.
func (v Value) Kind() Kind {
	switch v.x.(type) {
	case bool:
		return Bool
	case int64:
		return Integer
	case float64:
		return Real
	case str:
		return String
	case name:
		return Name
	case dict:
		return Dict
	case array:
		return Array
	case *stream:
		return Stream
	}
	return Null
}

// IsNull reports whether v is null (or missing).
func (v Value) IsNull() bool { return v.x == nil }

func (v Value) dict() dict {
	switch x := v.x.(type) {
	case dict:
		return x
	case *stream:
		return x.hdr
	}
	return nil
}

// Key returns the entry of a dictionary (or a stream's dictionary).
func (v Value) Key(key string) Value {
	d := v.dict()
	if d == nil {
		return Value{}
	}
	return v.d.value(d[name(key)])
}

// Keys returns a dictionary's keys, sorted.
func (v Value) Keys() []string {
	d := v.dict()
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	return keys
}

// Index returns an array element.
func (v Value) Index(i int) Value {
	a, _ := v.x.(array)
	if i < 0 || i >= len(a) {
		return Value{}
	}
	return v.d.value(a[i])
}

// Len returns an array's length.
func (v Value) Len() int {
	a, _ := v.x.(array)
	return len(a)
}

// Name returns a name without its slash.
func (v Value) Name() string {
	n, _ := v.x.(name)
	return string(n)
}

// Int returns an integer, or a real truncated towards zero, clamped to
// ±2^31 so that callers can use it as a count without overflow.
func (v Value) Int() int {
	f := v.Float()
	switch {
	case f > 1<<31:
		return 1 << 31
	case f < -(1 << 31):
		return -(1 << 31)
	case f != f: // NaN
		return 0
	}
	return int(f)
}

// Float returns an integer or real as a float64.
func (v Value) Float() float64 {
	switch x := v.x.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

// IsNumber reports whether v is an integer or a real.
func (v Value) IsNumber() bool { k := v.Kind(); return k == Integer || k == Real }

// Bytes returns the bytes of a string.
func (v Value) Bytes() string {
	s, _ := v.x.(str)
	return string(s)
}

// ID identifies the value for caches: an indirect object by its object
// number ("12 0 R"), a direct value by its own text with references left
// unresolved ("<</Type /Font /ToUnicode 12 0 R>>"). Values written the
// same are the same font or resource, so sharing a cache entry is correct.
func (v Value) ID() string {
	if v.r != (ref{}) {
		return fmt.Sprintf("%d %d R", v.r.num, v.r.gen)
	}
	var b bytes.Buffer
	format(&b, v.x)
	return b.String()
}

// String formats the value for messages, shortened.
func (v Value) String() string {
	var b bytes.Buffer
	format(&b, v.x)
	s := b.String()
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}

// value wraps a parsed value, resolving a reference.
func (d *Doc) value(x any) Value {
	if r, ok := x.(ref); ok && d != nil {
		return Value{d: d, x: d.resolve(r), r: r}
	}
	return Value{d: d, x: x}
}

// entry is a cross-reference entry: an object at an offset (inObjStm
// false) or the idx-th object of object stream stm.
type entry struct {
	off      int // offset, or the object stream's number
	idx      int
	inObjStm bool
}

// Doc is an open PDF file.
type Doc struct {
	src     source
	lim     block.Limits
	budget  *Budget
	xref    map[uint32]entry
	trailer dict
	cache   *cache.Aging[uint32, any]
	busy    map[uint32]bool
	objStms *cache.Aging[uint32, *objStm]
	crypt   *crypt
	// encRef is the /Encrypt dictionary's object, which is not encrypted.
	encRef ref
	parsed int // values parsed, bounded by maxValues
	err    error
	notes  []string
	// found holds the objects found by scanning the file, once scanned.
	found     map[uint32]int
	rebuilt   bool
	stmsFound bool
	inflater  inflater
	stack     []any // the parsers' array stack
}

// maxValuesPerByte bounds the values parsed in a document relative to
// its size: every value takes at least one byte, and decoded object
// streams can hold more than the file, so a small multiple is generous.
const maxValuesPerByte = 4

// maxNotes bounds the repair notes kept for one document.
const maxNotes = 20

// Open opens the PDF file in r, of size bytes, which is read as objects
// are needed. Decoded stream data is charged to a budget made from lim,
// object numbers are bounded by lim.MaxObjects, nesting by lim.MaxDepth. A
// file that needs a user password fails with an error wrapping
// [block.ErrEncrypted]; one that exceeds a limit with [block.ErrLimit];
// one that is not a PDF or has no readable document catalog with
// [block.ErrFormat]; one that cannot be read with r's error.
func Open(r io.ReaderAt, size int64, lim block.Limits) (*Doc, error) {
	lim = lim.WithDefaults()
	if size < 0 || size > int64(int(^uint(0)>>1)) {
		return nil, fmt.Errorf("%w: file size %d", block.ErrFormat, size)
	}
	head := source{r: r, size: int(size)}
	start, _ := head.window(0, 1024)
	if head.err != nil {
		return nil, head.err
	}
	hdr := bytes.Index(start, []byte("%PDF-"))
	if hdr < 0 {
		return nil, fmt.Errorf("%w: no %%PDF header in the first 1024 bytes", block.ErrFormat)
	}
	d := &Doc{
		src:     source{r: r, base: int64(hdr), size: int(size) - hdr},
		lim:     lim,
		budget:  NewBudget(lim),
		cache:   cache.New[uint32, any](),
		busy:    map[uint32]bool{},
		objStms: cache.New[uint32, *objStm](),
	}
	if hdr > 0 {
		d.note(fmt.Sprintf("%d bytes before the %%PDF header skipped", hdr))
	}
	err := d.open()
	if d.src.err != nil {
		// What could not be read decides, not what it made look wrong.
		return nil, d.src.err
	}
	if err != nil {
		return nil, err
	}
	return d, nil
}

// open reads the cross-reference data, repairing it when it must, and
// sets up decryption.
func (d *Doc) open() error {
	if err := d.readXref(); err != nil {
		if errors.Is(err, block.ErrLimit) {
			return err
		}
		d.note(fmt.Sprintf("cross-reference data unusable (%v); objects found by scanning the file", err))
		if err := d.rebuild(); err != nil {
			return err
		}
	}
	if err := d.initCrypt(); err != nil {
		return err
	}
	if d.Catalog().Kind() != Dict && !d.rebuilt && d.err == nil {
		d.note("the cross-reference data does not lead to the document catalog; objects found by scanning the file")
		if err := d.rebuild(); err != nil {
			return err
		}
		if err := d.initCrypt(); err != nil {
			return err
		}
	}
	if d.err != nil {
		return d.err
	}
	if d.Catalog().Kind() != Dict {
		return fmt.Errorf("%w: no document catalog", block.ErrFormat)
	}
	return nil
}

// note records a repair or an object that could not be read.
func (d *Doc) note(s string) {
	if len(d.notes) < maxNotes {
		d.notes = append(d.notes, s)
	}
}

// Notes returns what was repaired or skipped while reading objects: junk
// before the header, a rebuilt cross-reference, objects that could not be
// parsed. They are problems of the document as a whole.
func (d *Doc) Notes() []string { return d.notes }

// Err returns the first limit exceeded while objects were read on demand
// (a value nested too deep, too many values), or the first error reading
// the file; either ends the read.
func (d *Doc) Err() error {
	if d.err == nil {
		d.err = d.src.err
	}
	return d.err
}

// fail records an error met while loading an object.
func (d *Doc) fail(r ref, err error) {
	if errors.Is(err, block.ErrLimit) {
		if d.err == nil {
			d.err = fmt.Errorf("object %d: %w", r.num, err)
		}
		return
	}
	d.note(fmt.Sprintf("object %d: %v", r.num, err))
}

// Trailer returns the trailer dictionary.
func (d *Doc) Trailer() Value { return Value{d: d, x: d.trailer} }

// Catalog returns the document catalog (the trailer's /Root).
func (d *Doc) Catalog() Value { return d.Trailer().Key("Root") }

// resolve returns the object r refers to, loading it on first use. A
// missing object is null, as the format says; so is one that refers back
// to itself while it is being loaded.
func (d *Doc) resolve(r ref) any {
	if x, ok := d.cache.Get(r.num); ok {
		return x
	}
	if d.busy[r.num] || d.err != nil {
		return nil
	}
	d.busy[r.num] = true
	defer delete(d.busy, r.num)
	x, err := d.load(r)
	if err != nil {
		d.fail(r, err)
	}
	// A reference to a reference is followed once more.
	if r2, ok := x.(ref); ok {
		x = d.resolve(r2)
	}
	d.cache.Put(r.num, x)
	return x
}

// Sweep drops the parsed objects and decoded object streams not used in
// the last age calls of Sweep. A reader calls it after each page, so that
// what a page alone used (its content streams' dictionaries, the fonts of
// a document appended to another) does not stay for the rest of the file,
// while what every page uses is parsed once.
func (d *Doc) Sweep(age int) {
	d.cache.Sweep(age)
	d.objStms.Sweep(age)
}

// load reads object r from the file.
func (d *Doc) load(r ref) (any, error) {
	e, ok := d.xref[r.num]
	if !ok {
		if d.rebuilt && !d.stmsFound {
			d.findObjStms()
			e, ok = d.xref[r.num]
		}
		if !ok {
			return nil, nil
		}
	}
	if e.inObjStm {
		return d.fromObjStm(uint32(e.off), e.idx, r)
	}
	x, err := d.parseAt(e.off, r)
	if err != nil && !errors.Is(err, block.ErrLimit) && !d.rebuilt {
		// The offset is wrong: look for the object where it really is.
		d.scan()
		if off, ok := d.found[r.num]; ok && off != e.off {
			if x2, err2 := d.parseAt(off, r); err2 == nil || x2 != nil {
				x, err = x2, err2
			}
		}
	}
	if x != nil && d.crypt != nil && r != d.encRef {
		x = d.crypt.decryptStrings(x, r)
	}
	return x, err
}

// parseAt parses the indirect object r at off. A partly readable object
// (a dictionary not closed before endobj) is returned with the error.
func (d *Doc) parseAt(off int, r ref) (any, error) {
	if off < 0 || off >= d.src.size {
		return nil, fmt.Errorf("%w: offset %d outside the file", block.ErrFormat, off)
	}
	return parseFile(d, off, func(p *parser) (any, error) { return p.indirect(r) })
}

// parseFile runs parse on a parser over the file from off. The parser
// works on a window of the file: when it stops near the window's end
// before the end of the file, what it read may have been cut short, and
// it runs again on a window four times as wide.
func parseFile[T any](d *Doc, off int, parse func(p *parser) (T, error)) (T, error) {
	for n := firstWindow; ; n *= 4 {
		win, last := d.src.window(off, n)
		parsed := d.parsed
		p := d.parser(win, 0)
		p.base = off
		x, err := parse(p)
		if last || p.pos+windowMargin <= len(win) {
			return x, err
		}
		d.parsed = parsed // the values are parsed again
	}
}

// parser returns a parser of data (the file's, or an object stream's)
// from pos.
func (d *Doc) parser(data []byte, pos int) *parser {
	return &parser{data: data, pos: pos, maxDepth: d.lim.MaxDepth, count: &d.parsed, maxCount: max(maxValuesPerByte*d.src.size, 1<<16), stack: &d.stack}
}
