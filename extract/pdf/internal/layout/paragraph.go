package layout

import (
	"sort"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// maxPitch is the widest line pitch, in font sizes, taken for lines of one
// paragraph; lines further apart are separate paragraphs.
const maxPitch = 2.0

// pitch estimates the distance between the baselines of consecutive lines
// of one paragraph: the smallest distance that occurs between lines of the
// same size (paragraph spacing only ever adds to it). It returns 0 when
// the page has too few lines to tell.
func pitch(lines []*line) float64 {
	var gaps []float64
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		gap := a.y - b.y
		if abs(a.size-b.size) <= 0.1*a.size && gap >= a.size && gap <= maxPitch*a.size {
			gaps = append(gaps, gap)
		}
	}
	if len(gaps) < 2 {
		return 0
	}
	sort.Float64s(gaps)
	// The smallest gap that at least two line pairs share.
	for i := 1; i < len(gaps); i++ {
		if gaps[i]-gaps[i-1] <= 0.5 {
			return gaps[i]
		}
	}
	return 0
}

// paragraphs groups consecutive lines into paragraphs: a line continues
// the paragraph when it has the same size, follows at the line pitch, and
// the line before it ran (nearly) to the right edge of the text.
func paragraphs(lines []*line, page int, lineStep, right float64) []*block.Paragraph {
	var out []*block.Paragraph
	var cur *block.Paragraph
	var prev *line
	for _, l := range lines {
		text := strings.TrimSpace(l.text())
		if text == "" {
			continue
		}
		if cur != nil && continues(prev, l, lineStep, right) {
			cur.Text = joinWrapped(cur.Text, text)
			prev = l
			continue
		}
		g := l.glyphs[0]
		for _, x := range l.glyphs {
			if !x.space {
				g = x
				break
			}
		}
		cur = &block.Paragraph{Text: text, Pos: model.Pos{Page: page, X: round(g.px), Y: round(g.py)}}
		out = append(out, cur)
		prev = l
	}
	return out
}

func continues(prev, l *line, lineStep, right float64) bool {
	if lineStep == 0 || abs(prev.size-l.size) > 0.1*prev.size {
		return false
	}
	if gap := prev.y - l.y; gap > lineStep*1.3 || gap < lineStep*0.7 {
		return false
	}
	return prev.x1 >= right-2*prev.size
}
