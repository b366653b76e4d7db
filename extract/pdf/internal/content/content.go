// Package content interprets a page's content streams: the graphics state
// with its transformation matrix, the text state and text matrix, the text
// showing operators with real glyph widths, form XObjects, and the path
// operators that draw ruling lines. It collects glyphs and candidate ruling
// segments in display coordinates ([geom.Page]); it does not lay them out.
//
// Malformed operators (wrong operand counts or kinds) are skipped as
// viewers skip them. Only exceeding a budget, or an object the page cannot
// do without, ends the page with an error.
package content

import (
	"fmt"
	"math"
	"sort"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/pdf/internal/cache"
	"github.com/hotline12345/bulletin/extract/pdf/internal/font"
	"github.com/hotline12345/bulletin/extract/pdf/internal/geom"
	"github.com/hotline12345/bulletin/extract/pdf/internal/lex"
	"github.com/hotline12345/bulletin/extract/pdf/internal/object"
)

// maxGStates bounds the q nesting that is honoured; deeper q operators are
// ignored (and so are their Q).
const maxGStates = 1024

// Interpreter interprets the pages of one document, keeping what pages
// share: the fonts loaded from a resource dictionary (pages of one file
// usually share theirs), and the buffers for glyphs and segments.
type Interpreter struct {
	doc    *object.Doc
	fonts  *font.Cache
	lim    block.Limits
	scopes *cache.Aging[string, *scope]
	page   geom.Page
}

// New returns an interpreter for doc's pages.
func New(doc *object.Doc, fonts *font.Cache, lim block.Limits) *Interpreter {
	return &Interpreter{doc: doc, fonts: fonts, lim: lim.WithDefaults(), scopes: cache.New[string, *scope]()}
}

// Page interprets page p and returns what it draws, with notes on what
// was skipped. The result is valid until the next call.
func (it *Interpreter) Page(p object.Page) (*geom.Page, []string, error) {
	w, h := p.Box[2]-p.Box[0], p.Box[3]-p.Box[1]
	out := &it.page
	*out = geom.Page{Width: w, Height: h, Glyphs: out.Glyphs[:0], Segments: out.Segments[:0]}
	base := geom.Matrix{1, 0, 0, 1, -p.Box[0], -p.Box[1]}
	switch p.Rotate {
	case 90:
		base = base.Mul(geom.Matrix{0, -1, 1, 0, 0, w})
		out.Width, out.Height = h, w
	case 180:
		base = base.Mul(geom.Matrix{-1, 0, 0, -1, w, h})
	case 270:
		base = base.Mul(geom.Matrix{0, 1, -1, 0, h, 0})
		out.Width, out.Height = h, w
	}
	in := &interp{doc: it.doc, fonts: it.fonts, lim: it.lim, out: out, notes: map[string]bool{}}
	data, err := contents(it.doc, p.Dict().Key("Contents"))
	if err != nil {
		if data == nil {
			return nil, nil, err
		}
		in.note(err.Error())
	}
	gs := gstate{ctm: base, hscale: 1}
	if err := in.run(data, it.scope(p.Resources()), gs, nil); err != nil {
		return out, in.noteList(), err
	}
	if err := checkEncoding(out.Glyphs, in.cjkFont); err != nil {
		return out, in.noteList(), err
	}
	return out, in.noteList(), nil
}

// Sweep drops what pages used (resource dictionaries with their fonts,
// parsed objects, CMaps) unless one of the last age pages used it; call it
// after each page.
func (it *Interpreter) Sweep(age int) {
	it.scopes.Sweep(age)
	it.fonts.Sweep(age)
	it.doc.Sweep(age)
}

// scope returns the scope of a page's resource dictionary, shared by the
// pages whose dictionaries are the same.
func (it *Interpreter) scope(res object.Value) *scope {
	id := res.ID()
	if sc, ok := it.scopes.Get(id); ok {
		return sc
	}
	sc := newScope(res)
	if it.scopes.Len() < 1024 {
		it.scopes.Put(id, sc)
	}
	return sc
}

// contents reads a page's content: one stream or an array of streams
// joined by white space.
func contents(doc *object.Doc, c object.Value) ([]byte, error) {
	switch c.Kind() {
	case object.Stream:
		return doc.ReadStream(c, "content stream")
	case object.Array:
		var all []byte
		var firstErr error
		for i := 0; i < c.Len(); i++ {
			s := c.Index(i)
			if s.Kind() != object.Stream {
				continue
			}
			data, err := doc.ReadStream(s, fmt.Sprintf("content stream %d", i+1))
			if err != nil {
				if data == nil {
					return all, err
				}
				firstErr = err
			}
			all = append(all, data...)
			all = append(all, '\n')
		}
		return all, firstErr
	case object.Null:
		return nil, nil // an empty page
	}
	return nil, fmt.Errorf("%w: page content is %s", block.ErrFormat, c)
}

// scope is a resource dictionary with the fonts loaded from it.
type scope struct {
	res   object.Value
	fonts map[string]*font.Font
}

func newScope(res object.Value) *scope { return &scope{res: res, fonts: map[string]*font.Font{}} }

// gstate is the part of the graphics state the reader needs.
type gstate struct {
	ctm geom.Matrix
	// text state
	font                               *font.Font
	size, charSpace, wordSpace, hscale float64
	leading, rise                      float64
	// painting
	fillWhite, strokeWhite bool
}

type interp struct {
	doc   *object.Doc
	fonts *font.Cache
	lim   block.Limits
	out   *geom.Page
	items int
	notes map[string]bool
	// marked is the stack of open marked-content sequences.
	marked     []marked
	markedOver int // sequences opened beyond maxMarked
	forms      int // form XObjects run on this page
	// cjkFont names the first font on the page that claims CJK glyphs.
	cjkFont string
}

func (in *interp) note(s string) { in.notes[s] = true }

func (in *interp) noteList() []string {
	var out []string
	for s := range in.notes {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// count charges n glyphs or segments against the page's budget.
func (in *interp) count(n int) error {
	in.items += n
	if in.items > in.lim.MaxPageItems {
		return block.Exceeded("glyphs and lines on a page", int64(in.lim.MaxPageItems))
	}
	return nil
}

// run interprets one content stream (the page's or a form's) in a scope.
// forms holds the IDs of the forms being run, to stop a form drawing
// itself.
func (in *interp) run(data []byte, sc *scope, gs gstate, forms []string) error {
	lx := lex.New(data, in.lim.MaxOperands, in.lim.MaxDepth)
	var stack []gstate
	var t textState
	var path pathState
	var ops []lex.Operand
	for {
		op, args, err := lx.Next(ops)
		ops = args
		if err != nil {
			return err
		}
		if op == nil {
			return nil
		}
		if len(path.lines) >= in.lim.MaxPageItems {
			return block.Exceeded("path segments on a page", int64(in.lim.MaxPageItems))
		}
		switch string(op) {
		// graphics state
		case "q":
			if len(stack) < maxGStates {
				stack = append(stack, gs)
			}
		case "Q":
			if n := len(stack); n > 0 {
				gs = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if m, ok := matrix(args); ok {
				gs.ctm = m.Mul(gs.ctm)
			}
		case "g", "rg", "k":
			gs.fillWhite = white(args, string(op))
		case "G", "RG", "K":
			gs.strokeWhite = white(args, string(op))
		case "sc", "scn":
			gs.fillWhite = white(args, "")
		case "SC", "SCN":
			gs.strokeWhite = white(args, "")
		case "cs":
			gs.fillWhite = false
		case "CS":
			gs.strokeWhite = false

		// text objects and state
		case "BT":
			t.tm, t.tlm = geom.Identity, geom.Identity
		case "ET":
		case "Tc":
			num(args, 0, &gs.charSpace)
		case "Tw":
			num(args, 0, &gs.wordSpace)
		case "Tz":
			var z float64
			if num(args, 0, &z) {
				gs.hscale = z / 100
			}
		case "TL":
			num(args, 0, &gs.leading)
		case "Ts":
			num(args, 0, &gs.rise)
		case "Tf":
			if len(args) == 2 && args[0].Kind == lex.Name && args[1].Kind == lex.Number {
				f, err := in.font(sc, string(args[0].Str))
				if err != nil {
					return err
				}
				gs.font = f
				gs.size = args[1].Num
			}
		case "Td":
			var tx, ty float64
			if num(args, 0, &tx) && num(args, 1, &ty) {
				t.newLine(tx, ty)
			}
		case "TD":
			var tx, ty float64
			if num(args, 0, &tx) && num(args, 1, &ty) {
				gs.leading = -ty
				t.newLine(tx, ty)
			}
		case "Tm":
			if m, ok := matrix(args); ok {
				t.tm, t.tlm = m, m
			}
		case "T*":
			t.newLine(0, -gs.leading)

		// text showing
		case "Tj":
			if len(args) == 1 && args[0].Kind == lex.String {
				if err := in.show(&t, &gs, args[0].Str); err != nil {
					return err
				}
			}
		case "'":
			t.newLine(0, -gs.leading)
			if len(args) == 1 && args[0].Kind == lex.String {
				if err := in.show(&t, &gs, args[0].Str); err != nil {
					return err
				}
			}
		case "\"":
			if len(args) == 3 && args[2].Kind == lex.String {
				num(args, 0, &gs.wordSpace)
				num(args, 1, &gs.charSpace)
				t.newLine(0, -gs.leading)
				if err := in.show(&t, &gs, args[2].Str); err != nil {
					return err
				}
			}
		case "TJ":
			if len(args) == 1 && args[0].Kind == lex.Array {
				for _, e := range args[0].Elems {
					switch e.Kind {
					case lex.String:
						if err := in.show(&t, &gs, e.Str); err != nil {
							return err
						}
					case lex.Number:
						t.advance(-e.Num / 1000 * gs.size * gs.hscale)
					}
				}
			}

		// paths
		case "m":
			var x, y float64
			if num(args, 0, &x) && num(args, 1, &y) {
				path.moveTo(gs.ctm, x, y)
			}
		case "l":
			var x, y float64
			if num(args, 0, &x) && num(args, 1, &y) {
				path.lineTo(gs.ctm, x, y)
			}
		case "c", "v", "y":
			if n := len(args); n >= 4 && args[n-1].Kind == lex.Number && args[n-2].Kind == lex.Number {
				path.curveTo(gs.ctm, args[n-2].Num, args[n-1].Num)
			}
		case "h":
			path.close()
		case "re":
			var x, y, w, h float64
			if num(args, 0, &x) && num(args, 1, &y) && num(args, 2, &w) && num(args, 3, &h) {
				path.rect(gs.ctm, x, y, w, h)
			}
		case "S", "s":
			if op[0] == 's' {
				path.close()
			}
			if err := in.paint(&path, !gs.strokeWhite, false); err != nil {
				return err
			}
		case "f", "F", "f*":
			if err := in.paint(&path, false, !gs.fillWhite); err != nil {
				return err
			}
		case "B", "B*", "b", "b*":
			if op[0] == 'b' {
				path.close()
			}
			if err := in.paint(&path, !gs.strokeWhite, !gs.fillWhite); err != nil {
				return err
			}
		case "n":
			path.reset()

		// external objects and inline images
		case "Do":
			if len(args) == 1 && args[0].Kind == lex.Name {
				if err := in.do(sc, gs, string(args[0].Str), forms); err != nil {
					return err
				}
			}
		case "ID":
			lx.SkipInlineImage()
			in.out.Images++

		// marked content
		case "BMC":
			in.beginMarked(sc, args)
		case "BDC":
			in.beginMarked(sc, args)
		case "EMC":
			in.endMarked()
		}
	}
}

// font returns the font a Tf operator names, loading it once per scope.
func (in *interp) font(sc *scope, name string) (*font.Font, error) {
	if f, ok := sc.fonts[name]; ok {
		return f, nil
	}
	v := sc.res.Key("Font").Key(name)
	if v.Kind() != object.Dict {
		in.note(fmt.Sprintf("font /%s is missing; its text is skipped", name))
		sc.fonts[name] = nil
		return nil, nil
	}
	f, err := in.fonts.Load(v)
	if err != nil {
		return nil, fmt.Errorf("font /%s: %w", name, err)
	}
	sc.fonts[name] = f
	return f, nil
}

// do runs a form XObject; images and unknown objects are skipped.
func (in *interp) do(sc *scope, gs gstate, name string, forms []string) error {
	x := sc.res.Key("XObject").Key(name)
	if x.Kind() == object.Stream && x.Key("Subtype").Name() == "Image" {
		in.out.Images++
		return nil
	}
	if x.Kind() != object.Stream || x.Key("Subtype").Name() != "Form" {
		return nil
	}
	if len(forms) >= in.lim.MaxDepth {
		return fmt.Errorf("form XObject /%s: %w", name, block.Exceeded("nested form XObjects", int64(in.lim.MaxDepth)))
	}
	id := x.ID()
	for _, f := range forms {
		if f == id {
			in.note(fmt.Sprintf("form XObject /%s draws itself; skipped", name))
			return nil
		}
	}
	in.forms++
	if in.forms > in.lim.MaxPageItems/100 {
		return fmt.Errorf("form XObject /%s: %w", name, block.Exceeded("form XObjects run on a page", int64(in.lim.MaxPageItems/100)))
	}
	data, err := in.doc.ReadStream(x, "form XObject /"+name)
	if err != nil {
		if data == nil {
			return err
		}
		in.note(err.Error())
	}
	if m, ok := matrixValue(x.Key("Matrix")); ok {
		gs.ctm = m.Mul(gs.ctm)
	}
	inner := sc
	if res := x.Key("Resources"); res.Kind() == object.Dict {
		inner = newScope(res)
	}
	return in.run(data, inner, gs, append(forms, id))
}

// num stores the i'th operand in dst if it is a finite number.
func num(args []lex.Operand, i int, dst *float64) bool {
	if i >= len(args) || args[i].Kind != lex.Number || math.IsInf(args[i].Num, 0) || math.IsNaN(args[i].Num) {
		return false
	}
	*dst = args[i].Num
	return true
}

func matrix(args []lex.Operand) (geom.Matrix, bool) {
	var m geom.Matrix
	if len(args) != 6 {
		return m, false
	}
	for i := range m {
		if !num(args, i, &m[i]) {
			return m, false
		}
	}
	return m, m.Finite()
}

func matrixValue(v object.Value) (geom.Matrix, bool) {
	var m geom.Matrix
	if v.Kind() != object.Array || v.Len() != 6 {
		return m, false
	}
	for i := range m {
		e := v.Index(i)
		if !e.IsNumber() {
			return m, false
		}
		m[i] = e.Float()
	}
	return m, m.Finite()
}

// white reports whether a colour operator's operands are white: gray 1,
// RGB 1 1 1 or CMYK 0 0 0 0. For sc/scn the number of operands decides.
func white(args []lex.Operand, op string) bool {
	vals := make([]float64, 0, 4)
	for _, a := range args {
		if a.Kind != lex.Number {
			return false
		}
		vals = append(vals, a.Num)
	}
	if op == "k" || op == "K" || (op == "" && len(vals) == 4) {
		return len(vals) == 4 && vals[0] == 0 && vals[1] == 0 && vals[2] == 0 && vals[3] == 0
	}
	if len(vals) != 1 && len(vals) != 3 {
		return false
	}
	for _, v := range vals {
		if v < 0.99 {
			return false
		}
	}
	return true
}
