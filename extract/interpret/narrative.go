package interpret

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

var yearMention = regexp.MustCompile(`(20[0-9]{2}|19[0-9]{2})\s*年`)

// prose reads the bulletin's metadata, period, figures and mentions from
// the paragraphs the tables did not take, and the definitions in the
// tables' notes.
func (in *interpreter) prose() {
	var body, furniture []textSpan
	n := 0
	for _, blk := range in.doc.Blocks {
		if _, ok := blk.(*block.Paragraph); ok {
			n++
		}
	}
	// Sized once: a list grown by append over a long text file costs
	// several times its final size.
	body = make([]textSpan, 0, n)
	for i, blk := range in.doc.Blocks {
		p, ok := blk.(*block.Paragraph)
		if !ok || in.used[i] || strings.TrimSpace(p.Text) == "" {
			continue
		}
		s := textSpan{text: strings.TrimSpace(p.Text), pos: p.Pos}
		if p.Region == block.Body {
			body = append(body, s)
		} else {
			furniture = append(furniture, s)
		}
	}
	in.metadata(body, furniture)
	narrative := joinRunOns(in.withoutTitle(body))
	in.period(narrative)
	for ti := range in.b.Tables {
		t := &in.b.Tables[ti]
		for _, note := range t.Notes {
			if d, ok := definition(note); ok {
				t.Definitions = append(t.Definitions, d)
			}
		}
	}
	fs := &figureScanner{b: in.b, total: -1, maxCandidates: in.limits.MaxFigureCandidates, maxFigures: in.limits.MaxFigures}
	known := knownUnits(in.b.Tables)
	for _, s := range narrative {
		fs.pos = s.pos
		fs.paragraph(s.text)
		in.mentions(s.text, s.pos, known)
	}
}

// withoutTitle drops the title's lines from the body.
func (in *interpreter) withoutTitle(body []textSpan) []textSpan {
	if len(in.titleSpans) == 0 {
		return body
	}
	out := make([]textSpan, 0, len(body))
	for _, s := range body {
		skip := false
		for _, t := range in.titleSpans {
			if t.pos == s.pos && t.text == s.text {
				skip = true
			}
		}
		if !skip {
			out = append(out, s)
		}
	}
	return out
}

// runsOn reports whether a paragraph breaks off mid-sentence ("…较好的单位是"
// / "区烟草局、…"): it ends in a verb of listing or a comma.
func runsOn(text string) bool {
	last, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune("是为有:：,，、", last)
}

// joinRunOns joins a paragraph that breaks off mid-sentence with the next.
//
// It joins in place, reusing the backing array of spans, which the caller
// no longer needs, and builds each joined text once, so that a long run of
// such paragraphs costs time and memory in proportion to its length.
func joinRunOns(spans []textSpan) []textSpan {
	out := spans[:0]
	for i := 0; i < len(spans); {
		s := spans[i]
		j := i + 1
		for j < len(spans) && runsOn(spans[j-1].text) {
			j++
		}
		if j > i+1 {
			n := 0
			for _, t := range spans[i:j] {
				n += len(t.text)
			}
			var b strings.Builder
			b.Grow(n)
			for _, t := range spans[i:j] {
				b.WriteString(t.text)
			}
			s.text = b.String()
		}
		out = append(out, s)
		i = j
	}
	return out
}

// maxOpeningBytes is how much of a paragraph the period is looked for in:
// a bulletin states its period in its opening words, and the period's
// patterns need not run over a paragraph of megabytes.
const maxOpeningBytes = 4096

// opening returns the first maxOpeningBytes of s, cut at a character.
func opening(s string) string {
	if len(s) <= maxOpeningBytes {
		return s
	}
	end := maxOpeningBytes
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end]
}

// period sets the bulletin's period from its title and from the opening of
// its prose; when they disagree, the prose's is the period and the title's
// is kept beside it.
func (in *interpreter) period(narrative []textSpan) {
	b := in.b
	ref := b.Issued
	if ref.IsZero() {
		// Without an issue date, months take the first year printed.
		for _, s := range narrative {
			if m := yearMention.FindStringSubmatch(fold(s.text)); m != nil {
				y, _ := numeral(m[1])
				ref = model.Date{Year: y, Month: 12, Day: 31}
				break
			}
		}
	}
	var body model.Period
	bodyOK := false
	for _, s := range narrative[:min(len(narrative), 3)] {
		if utf8.RuneCountInString(s.text) < 8 {
			continue
		}
		if p, ok := findPeriod(opening(s.text), ref); ok {
			body, bodyOK = p, true
			break
		}
	}
	title, titleOK := findPeriod(b.Title, ref)
	if titleOK && bodyOK && body.Start.Year != title.Start.Year && title.Label != "" && !yearMention.MatchString(fold(title.Label)) {
		// The title left the year out; the body's year decides.
		title.Start.Year, title.End.Year = body.Start.Year, body.End.Year
	}
	switch {
	case titleOK && bodyOK:
		if title.Start == body.Start && title.End == body.End {
			b.Period = title
		} else {
			b.Period = body
			b.TitlePeriod = &title
		}
	case titleOK:
		b.Period = title
	case bodyOK:
		b.Period = body
	}
}
