package layout

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Line pitch bounds, in font sizes: lines of one paragraph are at least
// minPitch and at most maxPitch apart (double spacing, as 公文 set with a
// fixed 28–33 pt line height, is about 2.1); without two line pairs to
// measure the pitch on, lines up to unmeasuredPitch apart may continue.
const (
	minPitch        = 0.8
	maxPitch        = 3.0
	unmeasuredPitch = 2.5
)

// textFrame is what paragraph rebuilding measures on the page's running
// text: its left and right edges and the line pitch of each font size.
type textFrame struct {
	left, right float64
	pitches     []sizePitch
	// indents is set when paragraphs on the page begin with a first-line
	// indent, so that a line at the left edge after a full line continues
	// the paragraph even after a full stop.
	indents bool
}

type sizePitch struct{ size, pitch float64 }

// measureText measures the text frame of lines (the page's lines outside
// tables, top to bottom).
func measureText(lines []*line) *textFrame {
	f := &textFrame{left: 1e9, right: -1e9}
	gaps := map[float64][]float64{}
	var sizes []float64
	for i, l := range lines {
		f.left = min(f.left, l.x0)
		f.right = max(f.right, l.x1)
		if i == 0 {
			continue
		}
		a := lines[i-1]
		gap := a.y - l.y
		if sameSize(a.size, l.size) && gap >= minPitch*l.size && gap <= maxPitch*l.size {
			k := sizeClass(l.size)
			if gaps[k] == nil {
				sizes = append(sizes, k)
			}
			gaps[k] = append(gaps[k], gap)
		}
	}
	for _, l := range lines {
		if d := l.x0 - f.left; d >= 1.5*l.size && d <= 2.5*l.size && l.x1 >= f.right-l.size {
			f.indents = true // a full line indented by two characters
		}
	}
	for _, k := range sizes {
		g := gaps[k]
		sort.Float64s(g)
		// The smallest gap that at least two line pairs share: paragraph
		// spacing only ever adds to it.
		for i := 1; i < len(g); i++ {
			if g[i]-g[i-1] <= 0.5 {
				f.pitches = append(f.pitches, sizePitch{k, g[i]})
				break
			}
		}
	}
	return f
}

// sizeClass rounds a font size to half a point.
func sizeClass(s float64) float64 { return float64(int(s*2+0.5)) / 2 }

func sameSize(a, b float64) bool { return abs(a-b) <= 0.1*max(a, b) }

// pitch returns the measured line pitch of the size, or 0.
func (f *textFrame) pitch(size float64) float64 {
	k := sizeClass(size)
	for _, p := range f.pitches {
		if p.size == k {
			return p.pitch
		}
	}
	return 0
}

// paragraphs groups consecutive lines into paragraphs (see continues).
// With a nil frame every line is a paragraph of its own.
func paragraphs(lines []*line, page int, f *textFrame) []*block.Paragraph {
	var out []*block.Paragraph
	var cur *block.Paragraph
	var text strings.Builder // the current paragraph's text
	var prev *line
	for _, l := range lines {
		s := strings.TrimSpace(l.text())
		if s == "" {
			continue
		}
		if cur != nil && f != nil && f.continues(prev, l) {
			if wrapSpace(text.String(), s) {
				text.WriteByte(' ')
			}
			text.WriteString(s)
			prev = l
			continue
		}
		if cur != nil {
			cur.Text = text.String()
		}
		text.Reset()
		text.WriteString(s)
		g := l.glyphs[0]
		for _, x := range l.glyphs {
			if !x.space {
				g = x
				break
			}
		}
		cur = &block.Paragraph{Pos: model.Pos{Page: page, X: round(g.px), Y: round(g.py)}}
		out = append(out, cur)
		prev = l
	}
	if cur != nil {
		cur.Text = text.String()
	}
	return out
}

// continues reports whether line l continues the paragraph whose last
// line is prev: it has the same size and follows at the line pitch; prev
// ran to the right edge of the text (the first word of l would not have
// fitted after it); and l starts at the left edge, not indented as a
// paragraph's first line is.
func (f *textFrame) continues(prev, l *line) bool {
	if !sameSize(prev.size, l.size) {
		return false
	}
	gap := prev.y - l.y
	if p := f.pitch(l.size); p > 0 {
		if gap > p*1.3 || gap < p*0.7 {
			return false
		}
	} else if gap > unmeasuredPitch*l.size || gap < minPitch*l.size {
		return false
	}
	if prev.x1+leadWidth(l) < f.right-l.size {
		return false // a short last line
	}
	if l.x0 > f.left+0.5*l.size {
		return false // indented: a new paragraph
	}
	// Without indents, a full line that ends a sentence may end its
	// paragraph as well; the next one is taken as a new paragraph.
	return f.indents || !endsSentence(prev)
}

// endsSentence reports whether the line's text ends with a full stop, a
// question or exclamation mark, or a colon.
func endsSentence(l *line) bool {
	for i := len(l.glyphs) - 1; i >= 0; i-- {
		if g := l.glyphs[i]; !g.space {
			r, _ := utf8.DecodeLastRuneInString(g.text)
			return strings.ContainsRune("。！？：.!?:", r)
		}
	}
	return false
}

// leadWidth is the width of the first unbreakable piece of a line: a run
// of Latin letters and digits (a number, a word) or one CJK character,
// with the punctuation that may not begin a line after it.
func leadWidth(l *line) float64 {
	gs := l.glyphs
	i := 0
	for i < len(gs) && gs[i].space {
		i++
	}
	if i == len(gs) {
		return 0
	}
	start := gs[i].x0
	end := gs[i].x1
	if wordRune(gs[i].text) {
		for i+1 < len(gs) && !gs[i+1].space && wordRune(gs[i+1].text) {
			i++
			end = gs[i].x1
		}
	}
	for i+1 < len(gs) && !gs[i+1].space && noLineStart(gs[i+1].text) {
		i++
		end = gs[i].x1
	}
	return end - start
}

// wordRune reports whether s starts with a character that a line break
// does not split from its neighbours of the same kind: a Latin letter or
// a digit, or the point, comma and percent sign inside a number.
func wordRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return latin(s) || strings.ContainsRune(".,%", r)
}

// noLineStart reports whether s is punctuation that may not begin a line
// (closing brackets, commas, stops), which line breaking keeps with the
// character before it.
func noLineStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("，。、；：？！）》」』】〕”’%％…—,.;:?!)]", r) || unicode.Is(unicode.Pe, r)
}
