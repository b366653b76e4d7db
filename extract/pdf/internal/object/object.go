// Package object is the PDF reader's access to a file's objects: opening
// the file, walking its page tree, reading values and decoding streams
// within budgets.
//
// It is the only package that imports the object store
// (github.com/ledongthuc/pdf), and [Guard] is the only place that recovers
// its panics. The rest of the reader sees [Value] and [Doc], so the store
// can be replaced (issue 5 may put its own object reader or pdfcpu's behind
// the same types) without touching the interpreter or the layout.
package object

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ledongthuc/pdf"

	"github.com/hotline12345/bulletin/extract/block"
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
// without an error check at every step. Methods may panic on a malformed
// file; call them under [Guard].
type Value struct {
	v pdf.Value
}

// Kind returns the value's kind.
func (v Value) Kind() Kind {
	switch v.v.Kind() {
	case pdf.Bool:
		return Bool
	case pdf.Integer:
		return Integer
	case pdf.Real:
		return Real
	case pdf.String:
		return String
	case pdf.Name:
		return Name
	case pdf.Dict:
		return Dict
	case pdf.Array:
		return Array
	case pdf.Stream:
		return Stream
	}
	return Null
}

// IsNull reports whether v is null (or missing).
func (v Value) IsNull() bool { return v.v.IsNull() }

// Key returns the entry of a dictionary (or a stream's dictionary).
func (v Value) Key(key string) Value { return Value{v.v.Key(key)} }

// Keys returns a dictionary's keys, sorted.
func (v Value) Keys() []string { return v.v.Keys() }

// Index returns an array element.
func (v Value) Index(i int) Value { return Value{v.v.Index(i)} }

// Len returns an array's length.
func (v Value) Len() int { return v.v.Len() }

// Name returns a name without its slash.
func (v Value) Name() string { return v.v.Name() }

// Int returns an integer, or a real truncated towards zero, clamped to
// ±2^31 so that callers can use it as a count without overflow.
func (v Value) Int() int {
	f := v.Float()
	switch {
	case f > 1<<31:
		return 1 << 31
	case f < -(1 << 31):
		return -(1 << 31)
	}
	return int(f)
}

// Float returns an integer or real as a float64.
func (v Value) Float() float64 { return v.v.Float64() }

// IsNumber reports whether v is an integer or a real.
func (v Value) IsNumber() bool { k := v.Kind(); return k == Integer || k == Real }

// Bytes returns the bytes of a string.
func (v Value) Bytes() string { return v.v.RawString() }

// ID identifies the value for caches: two values with the same ID are
// equal, because it is the value's own text with indirect references left
// unresolved ("<</Type /Font /ToUnicode 12 0 R>>"); a stream's ID adds its
// offset in the file. Values read from different objects but written the
// same are the same font or resource, so sharing their cache entry is
// correct.
func (v Value) ID() string { return v.v.String() }

// String formats the value for messages, shortened.
func (v Value) String() string {
	s := v.v.String()
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}

// Doc is an open PDF file.
type Doc struct {
	r      *pdf.Reader
	budget *Budget
}

// Open opens the PDF in r (size bytes). Decoded stream data is charged to
// budget. The caller must run Open under [Guard].
func Open(r io.ReaderAt, size int64, budget *Budget) (*Doc, error) {
	pr, err := pdf.NewReader(r, size)
	switch {
	case err == nil:
	case errors.Is(err, pdf.ErrInvalidPassword):
		return nil, fmt.Errorf("%w: %v", block.ErrEncrypted, err)
	case strings.Contains(err.Error(), "encryption"):
		// The store has no sentinel for an encryption it cannot handle
		// (RC4-40 is read wrongly, AES-256 is called malformed); its
		// messages name the encryption.
		return nil, fmt.Errorf("%w: %v", block.ErrUnsupported, err)
	default:
		return nil, fmt.Errorf("%w: %v", block.ErrFormat, err)
	}
	return &Doc{r: pr, budget: budget}, nil
}

// Trailer returns the trailer dictionary.
func (d *Doc) Trailer() Value { return Value{d.r.Trailer()} }

// Catalog returns the document catalog (the trailer's /Root).
func (d *Doc) Catalog() Value { return d.Trailer().Key("Root") }
