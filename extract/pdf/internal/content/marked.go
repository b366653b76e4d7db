package content

import (
	"math"
	"unicode/utf16"

	"github.com/hotline12345/bulletin/extract/pdf/internal/lex"
	"github.com/hotline12345/bulletin/extract/pdf/internal/object"
)

// maxMarked bounds the marked-content nesting that is tracked.
const maxMarked = 256

// marked is an open marked-content sequence (BMC or BDC ... EMC).
type marked struct {
	// actual is the /ActualText that replaces the text of the glyphs
	// shown inside, when hasActual is set.
	actual    string
	hasActual bool
	// first is the index of the first glyph shown inside.
	first int
	// pagination is set for /Artifact sequences of /Type /Pagination.
	pagination bool
}

// beginMarked opens a sequence. Its properties are an inline dictionary
// or the name of one in the resources' /Properties.
func (in *interp) beginMarked(sc *scope, args []lex.Operand) {
	m := marked{first: len(in.out.Glyphs)}
	if len(in.marked) >= maxMarked {
		in.markedOver++ // counted only, so that its EMC is matched
		return
	}
	tag := ""
	if len(args) >= 1 && args[0].Kind == lex.Name {
		tag = string(args[0].Str)
	}
	if len(args) == 2 {
		switch p := args[1]; p.Kind {
		case lex.Dict:
			if a, ok := p.Key("ActualText"); ok && a.Kind == lex.String {
				m.actual, m.hasActual = textString(a.Str), true
			}
			if ty, ok := p.Key("Type"); ok && ty.Kind == lex.Name {
				m.pagination = tag == "Artifact" && string(ty.Str) == "Pagination"
			}
		case lex.Name:
			v := sc.res.Key("Properties").Key(string(p.Str))
			if a := v.Key("ActualText"); a.Kind() == object.String {
				m.actual, m.hasActual = textString([]byte(a.Bytes())), true
			}
			m.pagination = tag == "Artifact" && v.Key("Type").Name() == "Pagination"
		}
	}
	// An /ActualText inside another one is ignored: the outer one replaces
	// all the text.
	for _, o := range in.marked {
		if o.hasActual {
			m.hasActual = false
		}
	}
	in.marked = append(in.marked, m)
}

// endMarked closes the innermost sequence. The glyphs of a sequence with
// an /ActualText become one glyph carrying that text and spanning them.
func (in *interp) endMarked() {
	if in.markedOver > 0 {
		in.markedOver--
		return
	}
	n := len(in.marked)
	if n == 0 {
		return
	}
	m := in.marked[n-1]
	in.marked = in.marked[:n-1]
	if !m.hasActual || m.first >= len(in.out.Glyphs) {
		return
	}
	gs := in.out.Glyphs[m.first:]
	first, last := gs[0], gs[len(gs)-1]
	first.Text = m.actual
	first.W = math.Hypot(last.X-first.X, last.Y-first.Y) + last.W
	in.out.Glyphs = append(in.out.Glyphs[:m.first], first)
}

// pagination reports whether glyphs shown now are pagination artifacts.
func (in *interp) pagination() bool {
	for _, m := range in.marked {
		if m.pagination {
			return true
		}
	}
	return false
}

// textString decodes a PDF text string: UTF-16BE after a byte order mark,
// else one byte per character.
func textString(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
