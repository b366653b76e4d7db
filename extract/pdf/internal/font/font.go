// Package font decodes the strings a PDF page shows: it splits them into
// character codes, maps codes to text (ToUnicode first, then the font's
// encoding) and gives each code's advance width, from /Widths and
// /FontMatrix for simple and Type3 fonts and from /W and /DW for CID fonts.
// Fonts and CMaps are parsed once per document, cached by their
// dictionary and shared by the pages that use them, until [Cache.Sweep]
// finds them unused for a few pages; the predefined CMaps are unpacked
// once per process.
package font

import (
	"fmt"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/cache"
	"github.com/hotline12345/bulletin/extract/pdf/internal/object"
)

// Kind is a font's type.
type Kind uint8

// The font types.
const (
	Simple Kind = iota // Type1, TrueType, MMType1: one byte per code
	Type0              // a composite font with a CIDFont
	Type3              // glyphs drawn by content streams, sized by FontMatrix
)

// Font is a loaded font.
type Font struct {
	Kind Kind
	// Name is the /BaseFont, for messages.
	Name string
	// SizeScale multiplies the font size to give the glyphs' height: 1,
	// except for Type3 fonts whose FontMatrix is not the usual 1/1000.
	SizeScale float64
	// CJK is set when the font claims Chinese, Japanese or Korean glyphs
	// (a CJK character collection or CMap, or a CJK family name), so that
	// text that decodes to junk can be told from Latin text.
	CJK bool

	space     []codespace // nil: one byte per code
	toUnicode *CMap
	encoding  *CMap // Type0: code to CID; nil is Identity
	bytes     *[256]string
	loadBytes func() [256]string

	first   int       // simple: code of widths[0]
	widths  []float64 // simple: glyph widths from /Widths
	missing float64   // simple: width of codes outside /Widths
	cidW    map[uint32]float64
	dw      float64 // Type0: default width
	// cidText maps a CID to text for a Type0 font without a usable
	// ToUnicode map: the Adobe-GB1 table, or the inverted cmap table of
	// an embedded TrueType program.
	cidText func(cid uint32) (string, bool)
	scale   float64 // glyph space to text space: 0.001 or FontMatrix[0]
}

// Next returns the first code of the shown string s and its length in
// bytes. s must not be empty.
func (f *Font) Next(s []byte) (code uint32, n int) {
	if f.space == nil {
		return uint32(s[0]), 1
	}
	return split(f.space, s)
}

// Text returns the text a code stands for: from the ToUnicode map, else
// from a simple font's encoding, else U+FFFD.
func (f *Font) Text(code uint32) string {
	if f.toUnicode != nil {
		if s, ok := f.toUnicode.Text(code); ok {
			return s
		}
	}
	if f.Kind == Type0 && f.cidText != nil {
		if s, ok := f.cidText(f.cid(code)); ok {
			return s
		}
	}
	if f.Kind != Type0 && code < 256 {
		if f.bytes == nil {
			t := f.loadBytes()
			f.bytes = &t
		}
		if s := f.bytes[code]; s != "" {
			return s
		}
	}
	return "\uFFFD"
}

// Width returns a code's advance in text space units (before the font
// size is applied).
func (f *Font) Width(code uint32) float64 {
	switch f.Kind {
	case Type0:
		cid := f.cid(code)
		if w, ok := f.cidW[cid]; ok {
			return w * f.scale
		}
		return f.dw * f.scale
	default:
		i := int(code) - f.first
		if i >= 0 && i < len(f.widths) {
			return f.widths[i] * f.scale
		}
		return f.missing * f.scale
	}
}

// cid returns a Type0 font's CID for a code: through its encoding CMap,
// or the code itself for Identity-H/V. A code the CMap lacks is CID 0.
func (f *Font) cid(code uint32) uint32 {
	if f.encoding == nil {
		return code
	}
	if c, ok := f.encoding.CID(code); ok {
		return c
	}
	return 0
}

// Cache loads fonts and CMaps once per document and shares them, by
// reference, between the pages that use them.
type Cache struct {
	doc   *object.Doc
	lim   block.Limits
	fonts *cache.Aging[string, *Font]
	cmaps *cache.Aging[string, *CMap]
}

// NewCache returns an empty cache for doc.
func NewCache(doc *object.Doc, lim block.Limits) *Cache {
	return &Cache{doc: doc, lim: lim.WithDefaults(), fonts: cache.New[string, *Font](), cmaps: cache.New[string, *CMap]()}
}

// Sweep drops the fonts and CMaps not used in the last age calls of Sweep
// (a reader calls it after each page): a long file made of several
// documents does not keep every document's fonts to its end.
func (c *Cache) Sweep(age int) {
	c.fonts.Sweep(age)
	c.cmaps.Sweep(age)
}

// Load returns the font of a font dictionary.
func (c *Cache) Load(v object.Value) (*Font, error) {
	if v.Kind() != object.Dict {
		return nil, fmt.Errorf("%w: font is %s, not a dictionary", block.ErrFormat, v)
	}
	id := v.ID()
	if f, ok := c.fonts.Get(id); ok {
		return f, nil
	}
	f, err := c.load(v)
	if err != nil {
		return nil, err
	}
	c.fonts.Put(id, f)
	return f, nil
}

func (c *Cache) load(v object.Value) (*Font, error) {
	f := &Font{Name: v.Key("BaseFont").Name(), SizeScale: 1, scale: 0.001, dw: 1000}
	f.loadBytes = func() [256]string { return byteEncoding(v) }
	if tu := v.Key("ToUnicode"); tu.Kind() == object.Stream {
		m, err := c.cmap(tu, "ToUnicode")
		if err != nil {
			return nil, err
		}
		f.toUnicode = m
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.Kind = Type0
		if err := c.loadType0(f, v); err != nil {
			return nil, err
		}
	case "Type3":
		f.Kind = Type3
		if m := v.Key("FontMatrix"); m.Len() == 6 {
			if a := m.Index(0).Float(); a != 0 && a > -1 && a < 1 {
				f.scale = abs(a)
			}
			if d := m.Index(3).Float(); d != 0 && d > -1 && d < 1 {
				f.SizeScale = abs(d) * 1000
			}
		}
		c.loadWidths(f, v)
	default:
		c.loadWidths(f, v)
		f.CJK = cjkName(f.Name)
	}
	return f, nil
}

// loadWidths reads /FirstChar and /Widths of a simple or Type3 font.
func (c *Cache) loadWidths(f *Font, v object.Value) {
	f.first = v.Key("FirstChar").Int()
	w := v.Key("Widths")
	n := min(w.Len(), 256)
	f.widths = make([]float64, n)
	for i := range n {
		f.widths[i] = w.Index(i).Float()
	}
	f.missing = v.Key("FontDescriptor").Key("MissingWidth").Float()
	if f.missing == 0 && n == 0 {
		// No metrics at all (one of the standard 14 fonts): half an em is
		// the average width of their Latin glyphs.
		f.missing = 500
	}
}

// loadType0 reads the encoding CMap and the CIDFont's widths.
func (c *Cache) loadType0(f *Font, v object.Value) error {
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case object.Name:
		name := enc.Name()
		// A vertical CMap (-V) is read like its horizontal form: the text
		// is laid out as if horizontal.
		var m *CMap
		if name != "Identity-H" && name != "Identity-V" {
			m = predefinedCMap(name) // unpacks the tables on first use
		}
		switch {
		case name == "Identity-H" || name == "Identity-V":
			f.space = identitySpace
		case m != nil:
			f.encoding, f.space = m, m.space
			f.CJK = true
		case f.toUnicode != nil && len(f.toUnicode.space) > 0:
			// A predefined CMap we have no table for (a Japanese, Korean
			// or traditional Chinese one): split codes by the ToUnicode
			// map's codespace.
			f.space = f.toUnicode.space
			f.CJK = true
		default:
			f.space = identitySpace
			f.CJK = true
		}
	case object.Stream:
		m, err := c.cmap(enc, "encoding CMap")
		if err != nil {
			return err
		}
		f.encoding = m
		f.space = m.space
		if len(f.space) == 0 {
			f.space = identitySpace
		}
	default:
		f.space = identitySpace
	}
	d := v.Key("DescendantFonts").Index(0)
	if d.Kind() != object.Dict {
		return nil
	}
	if dw := d.Key("DW"); dw.IsNumber() {
		f.dw = dw.Float()
	}
	if f.Name == "" {
		f.Name = d.Key("BaseFont").Name()
	}
	ordering := d.Key("CIDSystemInfo").Key("Ordering").Bytes()
	switch ordering {
	case "GB1", "CNS1", "Japan1", "Korea1":
		f.CJK = true
	}
	f.CJK = f.CJK || cjkName(f.Name) || cjkName(d.Key("BaseFont").Name())
	encName := enc.Name()
	switch {
	case ordering == "GB1" || (encName != "" && isGB1CMap(encName)):
		f.cidText = func(cid uint32) (string, bool) {
			r, ok := gb1Unicode(cid)
			return string(r), ok
		}
	case d.Key("Subtype").Name() == "CIDFontType2" && enc.Kind() != object.Stream:
		f.cidText = c.trueTypeText(d)
	}
	w, err := cidWidths(d.Key("W"), c.lim.MaxCMapEntries)
	if err != nil {
		return err
	}
	f.cidW = w
	return nil
}

var identitySpace = []codespace{{n: 2, lo: [4]byte{0, 0}, hi: [4]byte{0xff, 0xff}}}

// cidWidths reads a /W array: "c [w1 w2 ...]" and "cfirst clast w" entries.
func cidWidths(w object.Value, maxEntries int) (map[uint32]float64, error) {
	out := map[uint32]float64{}
	n := w.Len()
	for i := 0; i < n; {
		first := w.Index(i)
		next := w.Index(i + 1)
		if !first.IsNumber() {
			i++
			continue
		}
		c := first.Int()
		switch {
		case next.Kind() == object.Array:
			for k := 0; k < next.Len(); k++ {
				if c+k >= 0 {
					out[uint32(c+k)] = next.Index(k).Float()
				}
				if len(out) > maxEntries {
					return nil, block.Exceeded("CID widths", int64(maxEntries))
				}
			}
			i += 2
		case next.IsNumber() && i+2 < n:
			last := next.Int()
			width := w.Index(i + 2).Float()
			if last-c > maxEntries-len(out) {
				return nil, block.Exceeded("CID widths", int64(maxEntries))
			}
			for k := max(c, 0); k <= last; k++ {
				out[uint32(k)] = width
			}
			i += 3
		default:
			i++
		}
	}
	return out, nil
}

// cmap parses a CMap stream, once per document.
func (c *Cache) cmap(s object.Value, what string) (*CMap, error) {
	id := s.ID()
	if m, ok := c.cmaps.Get(id); ok {
		return m, nil
	}
	data, err := c.doc.ReadStream(s, what)
	if err != nil && data == nil {
		return nil, err
	}
	m, err := ParseCMap(data, c.lim.MaxCMapEntries, c.lim.MaxOperands, c.lim.MaxDepth)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	c.cmaps.Put(id, m)
	return m, nil
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// trueTypeText returns the text lookup of a CIDFontType2 from its
// embedded font program's cmap table through /CIDToGIDMap. The program is
// read on the first lookup, as fonts with a ToUnicode map never need it.
func (c *Cache) trueTypeText(d object.Value) func(cid uint32) (string, bool) {
	var (
		loaded bool
		byGID  map[uint16]rune
		cidMap []byte
	)
	identity := d.Key("CIDToGIDMap").Kind() != object.Stream
	return func(cid uint32) (string, bool) {
		if !loaded {
			loaded = true
			prog, err := c.doc.ReadStream(d.Key("FontDescriptor").Key("FontFile2"), "TrueType font program")
			if err != nil && prog == nil {
				return "", false
			}
			byGID, _ = trueTypeUnicode(prog)
			if !identity {
				cidMap, _ = c.doc.ReadStream(d.Key("CIDToGIDMap"), "CIDToGIDMap")
			}
		}
		gid := cid
		if !identity {
			if int(2*cid+1) >= len(cidMap) {
				return "", false
			}
			gid = uint32(cidMap[2*cid])<<8 | uint32(cidMap[2*cid+1])
		}
		if gid > 0xffff {
			return "", false
		}
		r, ok := byGID[uint16(gid)]
		if !ok {
			return "", false
		}
		return FoldRadicals(string(r)), true
	}
}

// cjkFamilies are lower-case parts of the names of common Chinese,
// Japanese and Korean font families.
var cjkFamilies = []string{
	"song", "simsun", "simhei", "hei", "kai", "fang", "ming", "cjk", "wenquanyi", "wqy",
	"yahei", "dengxian", "pingfang", "hiragino", "sourcehan", "source han", "gothic",
	"mincho", "batang", "gulim", "dotum", "stsong", "stheiti", "msung", "mhei",
}

// cjkName reports whether a font name claims a CJK family: it contains
// one of cjkFamilies, or bytes outside ASCII (a name such as 宋体 written
// in GBK).
func cjkName(n string) bool {
	if i := strings.IndexByte(n, '+'); i == 6 {
		n = n[i+1:] // the subset tag
	}
	for i := 0; i < len(n); i++ {
		if n[i] >= 0x80 {
			return true
		}
	}
	l := strings.ToLower(n)
	for _, f := range cjkFamilies {
		if strings.Contains(l, f) {
			return true
		}
	}
	return false
}
