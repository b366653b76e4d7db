package interpret

import (
	"strings"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

var yearMention = lazyregexp.New(`(20[0-9]{2}|19[0-9]{2})\s*` + vocab.YearMark)

// prose reads the bulletin's metadata, period, figures and mentions from
// the paragraphs the tables did not take, and the definitions in the
// tables' notes. The paragraphs the figures and mentions are read from,
// the body's without the title, are the bulletin's Paragraphs.
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
		// Text that is no UTF-8 is mended first, so that a phrase's offsets
		// in the folded text map back to the printed one, and a span's
		// offsets hold in the JSON, which would mend it anyway.
		s := textSpan{text: strings.TrimSpace(withoutStrayMarks(withoutGlosses(strings.ToValidUTF8(strings.TrimSpace(p.Text), "\uFFFD")))), pos: p.Pos}
		// A page number the reader left in the flow ("— 3 —") is furniture
		// too: no part of the prose, nor of a sentence it falls inside.
		if p.Region == block.Body && !block.IsPageNumber(fold(s.text)) {
			body = append(body, s)
		} else {
			furniture = append(furniture, s)
		}
	}
	in.metadata(body, furniture)
	in.fieldMetadata()
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
	fr := newFigureReader(in.b, in.limits)
	known := knownUnits(in.b.Tables)
	// Sized once: the model keeps every paragraph of the prose, and a
	// list grown by append allocates several times its final size.
	in.b.Paragraphs = make([]model.Paragraph, 0, len(narrative))
	for _, s := range narrative {
		in.b.Paragraphs = append(in.b.Paragraphs, model.Paragraph{Text: s.text, Pos: s.pos})
		fr.paragraph(len(in.b.Paragraphs)-1, s.text, s.pos)
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
var pinyinGloss = lazyregexp.New(`[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]`)

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

// strayMark is a backtick typed into a number ("4`318件", a slip of the
// key beside 1): digits on both sides.
var strayMark = lazyregexp.New("([0-9０-９])[`｀]([0-9０-９])")

// withoutStrayMarks drops the backticks typed inside numbers, which would
// otherwise cut a number in two (4 and 318).
func withoutStrayMarks(s string) string {
	for strings.ContainsAny(s, "`｀") {
		t := strayMark.ReplaceAllString(s, "$1$2")
		if t == s {
			break
		}
		s = t // again, for a mark right after a joined one (1`2`3)
	}
	return s
}

// minWrappedRunes is the shortest line taken as prose wrapped onto the
// next line when it does not end a sentence.
const minWrappedRunes = 16

// clauseMarks are the marks between the clauses of a sentence.
const clauseMarks = "，,、；;"

// wrapsOnto reports whether a line of prose was wrapped onto the next one:
// a long line (runes long) with the commas of a sentence (marks) that does
// not end in 。！？, before a line that starts no heading, caption or note.
// Readers of layout text and PDF may give each printed line as a paragraph
// ("…其中热线电" / "话1725件、…"). text is trimmed, as the paragraphs of
// prose are.
func wrapsOnto(runes int, marks bool, text, next string) bool {
	if runes < minWrappedRunes || !marks {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(text); strings.ContainsRune("。！？!?", last) {
		return false
	}
	n := strings.TrimSpace(next)
	return n != "" && !matchFolded(headingNumber, n) && !matchFolded(vocab.CaptionLabel, n) && !matchFolded(vocab.NoteStart, n)
}

// joinRunOns joins a paragraph that breaks off mid-sentence, or a line
// of prose wrapped onto the next, with the next.
//
// It joins in place, reusing the backing array of spans, which the caller
// no longer needs, builds each joined text once, and keeps what wrapped
// asks of the text joined so far as it grows, so that a long run of such
// paragraphs costs time and memory in proportion to its length.
func joinRunOns(spans []textSpan) []textSpan {
	out := spans[:0]
	for i := 0; i < len(spans); {
		s := spans[i]
		var b strings.Builder
		b.WriteString(s.text)
		runes, marks := utf8.RuneCountInString(s.text), strings.ContainsAny(s.text, clauseMarks)
		j := i + 1
		for ; j < len(spans); j++ {
			joined, next := b.String(), spans[j].text
			if !runsOn(joined) && !wrapsOnto(runes, marks, joined, next) {
				break
			}
			b.WriteString(next)
			runes += utf8.RuneCountInString(next)
			marks = marks || strings.ContainsAny(next, clauseMarks)
		}
		if j > i+1 {
			s.text = b.String()
		}
		out = append(out, s)
		i = j
	}
	return out
}

// periodParagraphs is how many paragraphs of the prose are searched for
// the period it reports on.
const periodParagraphs = 10

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
	body, bodyOK := bodyPeriod(narrative, ref)
	if !bodyOK && !b.Issued.IsZero() {
		// 今年以来: from 1 January to the issue date.
		for _, s := range narrative[:min(len(narrative), periodParagraphs)] {
			text := opening(s.text)
			if i, w := vocab.SinceYearStartWords.Index(fold(text)); i >= 0 {
				body, bodyOK = sinceYearStart(text, i, w, b.Issued), true
				break
			}
		}
	}
	title, titleOK := findPeriod(b.Title, ref)
	openTitle := false
	if !titleOK {
		title, titleOK, openTitle = titleYearPeriod(b.Title, b.Issued)
	}
	if titleOK && bodyOK && body.Start.Year != title.Start.Year && title.Label != "" && !yearMention.MatchString(fold(title.Label)) {
		// The title left the year out; the body's year decides.
		title.Start.Year, title.End.Year = body.Start.Year, body.End.Year
	}
	switch {
	case titleOK && bodyOK:
		if title.Start == body.Start && (title.End == body.End || openTitle) {
			// The same period, or a title's 今年以来 that the body closes
			// (截至3月15日).
			b.Period = body
			if title.End == body.End {
				b.Period = title
			}
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

// bodyPeriod finds the period the opening of the prose reports on: the
// first period named in its first paragraphs, leaving out headings, issue
// numbers, addressee lines and sentences that tell of a meeting rather
// than of figures.
func bodyPeriod(narrative []textSpan, ref model.Date) (model.Period, bool) {
	for _, s := range narrative[:min(len(narrative), periodParagraphs)] {
		text := opening(strings.TrimSpace(s.text))
		n := utf8.RuneCountInString(text)
		switch {
		case n < 8,
			n <= 20 && matchFolded(headingNumber, text),
			findIssueNo(text) != "" && n <= utf8.RuneCountInString(findIssueNo(text))+4,
			strings.HasSuffix(text, "：") || strings.HasSuffix(text, ":"):
			continue
		}
		p, ok := findPeriod(text, ref)
		if !ok {
			continue
		}
		if sentence := sentenceAround(text, p.Label); vocab.MeetingWords.In(fold(sentence)) && len(amounts(fold(sentence))) == 0 {
			continue // "4月10日，召开全市热线工作会议…": news, not the report's period
		}
		return p, true
	}
	return model.Period{}, false
}

// sentenceAround returns the sentence of text that holds label.
func sentenceAround(text, label string) string {
	for _, s := range sentences(text) {
		if strings.Contains(s, label) {
			return s
		}
	}
	return text
}

// sinceYearStart is the period 今年以来 names: from 1 January of the
// issue date's year to the issue date.
func sinceYearStart(text string, i int, w string, issued model.Date) model.Period {
	f := fold(text)
	loc := mapOffsets(text, f, []int{i, i + len(w)})
	return model.Period{Start: model.Date{Year: issued.Year, Month: 1, Day: 1}, End: issued, Label: text[loc[0]:loc[1]]}
}

// titleYearPeriod reads the period of a title that names no month,
// quarter or week: a year of a report (2019年12345热线运行情况) is that
// year; 今年以来 runs from 1 January to the issue date, an end the body
// may state more exactly (open is true then).
func titleYearPeriod(title string, issued model.Date) (p model.Period, ok, open bool) {
	f := fold(title)
	if i, w := vocab.SinceYearStartWords.Index(f); i >= 0 && !issued.IsZero() {
		return sinceYearStart(title, i, w, issued), true, true
	}
	m := yearMention.FindStringSubmatchIndex(f)
	if m == nil || !vocab.YearReportWords.In(f) {
		return model.Period{}, false, false
	}
	y, _ := numeral(f[m[2]:m[3]])
	loc := mapOffsets(title, f, m[:2])
	return model.Period{Start: model.Date{Year: y, Month: 1, Day: 1}, End: model.Date{Year: y, Month: 12, Day: 31},
		Label: title[loc[0]:loc[1]]}, true, false
}
