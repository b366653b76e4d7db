package interpret

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

var yearMention = regexp.MustCompile(`(20[0-9]{2}|19[0-9]{2})\s*年`)

// prose reads the bulletin's metadata, period, figures and mentions from
// the paragraphs the tables did not take, and the definitions in the
// tables' notes.
func (in *interpreter) prose() {
	var body, furniture []textSpan
	for i, blk := range in.doc.Blocks {
		p, ok := blk.(*block.Paragraph)
		if !ok || in.used[i] || strings.TrimSpace(p.Text) == "" {
			continue
		}
		s := textSpan{text: withoutGlosses(strings.TrimSpace(p.Text)), pos: p.Pos}
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
	fr := newFigureReader(in.b)
	known := knownUnits(in.b.Tables)
	for _, s := range narrative {
		fr.paragraph(s.text, s.pos)
		in.mentions(s.text, s.pos, known)
	}
}

// withoutTitle drops the title's lines from the body.
func (in *interpreter) withoutTitle(body []textSpan) []textSpan {
	if len(in.titleSpans) == 0 {
		return body
	}
	var out []textSpan
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
// / "区烟草局、…"): it ends in a verb that opens a list (vocab.ListVerbs)
// or in a comma, in any script (為 is 为).
func runsOn(text string) bool {
	tail := text[max(0, len(text)-16):]
	for !utf8.ValidString(tail) {
		tail = tail[1:]
	}
	tail = fold(tail)
	last, _ := utf8.DecodeLastRuneInString(tail)
	return strings.ContainsRune(",，、", last) || vocab.ListVerbs.Suffix(tail) != ""
}

// pinyinGloss matches a pinyin reading in brackets, as some mirror sites
// print them after a character: 辦結(jié)率, 熱線(xiàn).
var pinyinGloss = regexp.MustCompile(`[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]`)

// toneMarks are the vowels with a tone mark; a gloss has one, a bracketed
// word such as (app) has none.
const toneMarks = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

// withoutGlosses drops pinyin glosses: they annotate the text and are no
// part of what it says.
func withoutGlosses(s string) string {
	if !strings.ContainsAny(s, "(（") || !strings.ContainsAny(s, toneMarks) {
		return s
	}
	return pinyinGloss.ReplaceAllStringFunc(s, func(g string) string {
		if strings.ContainsAny(g, toneMarks) {
			return ""
		}
		return g
	})
}

// joinRunOns joins a paragraph that breaks off mid-sentence with the next.
func joinRunOns(spans []textSpan) []textSpan {
	var out []textSpan
	for _, s := range spans {
		if n := len(out); n > 0 && runsOn(out[n-1].text) {
			out[n-1].text += s.text
			continue
		}
		out = append(out, s)
	}
	return out
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
		if p, ok := findPeriod(s.text, ref); ok {
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
