package interpret

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

var (
	// titleWord marks the last line of a title.
	titleWord = lazyregexp.New(vocab.TitleWords.Pattern() + `$`)
	// trailingBracket is a bracketed part at the end of a title:
	// "…办理情况（截至8月20日）".
	trailingBracket = lazyregexp.New(`[(（][^()（）]{1,24}[)）]$`)
	// orgName is an issuing body: a name ending in an office word. It may
	// hold digits (鹤原县12345热线办) but starts with a place.
	orgName = lazyregexp.New(`^\p{Han}{2}[\p{Han}0-9（）()]{1,38}?` + vocab.OfficeWords.Pattern() + `$`)
	// plainName is a name without an office word, as a masthead may print
	// one beside its date (a news outlet's local branch).
	plainName = lazyregexp.New(`^\p{Han}{2}[\p{Han}0-9（）()]{2,28}$`)
	// issueNoPat: 2023年第5期（总第74期）, 第9期, 〔2020〕第9期, 城政数〔2024〕3号.
	issueNoPat = lazyregexp.New(`[\p{Han}]{0,8}[〔\[［(（][0-9]{4}[〕\]］)）]\s*` + vocab.OrdinalPrefix + `?\s*[0-9]+\s*` + vocab.IssueNumberWords.Pattern() +
		`|(?:[0-9]{4}\s*` + vocab.YearMark + `\s*)?` + issueOrdinal + `(?:\s*[（(]\s*总` + issueOrdinal + `\s*[)）])?`)
	// issueOrdinal: 第5期.
	issueOrdinal = vocab.OrdinalPrefix + `\s*[0-9]+\s*` + vocab.IssueWord
	// headingNumber starts a numbered heading of the body; a decimal
	// (68.6%、22.9%…, a wrapped line of prose) is none.
	headingNumber = lazyregexp.New(`^([` + vocab.OrdinalNumerals + `]+、|[（(][` + vocab.OrdinalNumerals + `0-9]+[)）]|[0-9]+(?:[．、]|\.(?:[^0-9]|$)))`)
	// wideGap separates the parts of a masthead line.
	wideGap = lazyregexp.New(`\s{2,}|\t|\x{3000}`)
	// pageNumber is a page number printed on a line of its own: "— 2 —",
	// "-3-", "第2页", "2".
	pageNumber = lazyregexp.New(`^(?:[—–\-－]*\s*[0-9]{1,3}\s*[—–\-－]*|第\s*[0-9]{1,3}\s*页(?:\s*[,，/]?\s*共\s*[0-9]{1,3}\s*页)?|[0-9]{1,3}\s*/\s*[0-9]{1,3})$`)
)

// maxTitleLineRunes is the longest line taken as part of a title.
const maxTitleLineRunes = 50

// Where metadata is looked for: the top paragraphs, and at the end the
// paragraphs a signature may be among (page numbers and 抄送 lines do
// not count).
const (
	topParagraphs       = 12
	signatureParagraphs = 10
	signatureGap        = 3 // lines a signature's date may follow its office by
)

// metadata reads the title, issuer, issue date and number from the body
// paragraphs at the top and bottom and from running headers and footers.
func (in *interpreter) metadata(body []textSpan, furniture []textSpan) {
	b := in.b
	top := body[:min(len(body), topParagraphs)]
	used := map[int]bool{}
	// Masthead: an office and a date on one line, or an issue number.
	for i, p := range top {
		if no := findIssueNo(p.text); no != "" && b.IssueNo == "" {
			b.IssueNo = no
			if utf8.RuneCountInString(strings.TrimSpace(p.text)) <= utf8.RuneCountInString(no)+12 {
				used[i] = true
			}
		}
		if org, date, ok := masthead(p.text); ok {
			if b.Issuer == "" {
				b.Issuer = org
			}
			if b.Issued.IsZero() && !date.IsZero() {
				b.Issued = date
			}
			used[i] = true
		}
	}
	titleEnd := in.title(top, used)
	// Signature: an office and, a line or two below it, a date.
	if org, date := signature(body, titleEnd); b.Issuer == "" || b.Issued.IsZero() {
		if b.Issuer == "" {
			b.Issuer = org
		}
		if b.Issued.IsZero() {
			b.Issued = date
		}
	}
	// An office alone on a line under the title.
	for i := titleEnd; b.Issuer == "" && i < len(top) && i < titleEnd+3; i++ {
		if org, ok := office(top[i].text); ok && !used[i] {
			b.Issuer = org
		}
	}
	// Running headers and footers.
	for _, p := range furniture {
		if b.IssueNo == "" {
			b.IssueNo = findIssueNo(p.text)
		}
		if org, date, ok := masthead(p.text); ok {
			if b.Issuer == "" {
				b.Issuer = org
			}
			if b.Issued.IsZero() {
				b.Issued = date
			}
		}
	}
	// A title "X局关于…的通报" names its issuer.
	if b.Issuer == "" {
		if i, _ := vocab.SubjectLeads.Index(b.Title); i > 0 {
			if org, ok := office(b.Title[:i]); ok {
				b.Issuer = org
			}
		}
	}
}

// title finds the title among the top paragraphs: a run of short lines
// that are not sentences, ending in a title word (maybe followed by a
// bracketed part). A publication's name (…工作简报, …周报) above an issue
// number gives way to a title proper (…通报, 关于…) below it. It returns
// the index of the first paragraph after the title (0 without one).
func (in *interpreter) title(top []textSpan, used map[int]bool) int {
	b := in.b
	bestScore, end := 0, 0
	for i := 0; i < len(top); i++ {
		if used[i] || !titleLike(top[i].text) {
			continue
		}
		j := i
		for j < len(top) && !used[j] && titleLike(top[j].text) {
			j++
		}
		for k := j; k > i; k-- {
			var parts []string
			for _, p := range top[i:k] {
				parts = append(parts, strings.TrimSpace(p.text))
			}
			t := compactTitle(strings.Join(parts, ""))
			if !isTitle(t) {
				continue
			}
			score := 1
			f := fold(t)
			if vocab.SubjectLeads.In(f) || vocab.StrongTitleWords.Suffix(strings.TrimSpace(trailingBracket.ReplaceAllString(f, ""))) != "" {
				score = 2
			}
			if score > bestScore {
				b.Title, in.titleSpans, bestScore, end = t, top[i:k], score, k
			}
			break
		}
		i = j
	}
	if bestScore == 0 {
		end = in.untitledTitle(top, used)
	}
	return end
}

// untitledTitle takes for the title, when no line ends in a title word
// (…工单办理得分), the first run of title-like lines on top if it names
// the hotline: a bulletin has a title, and its first short lines without
// sentence punctuation that speak of 12345 or 热线 are it. It returns the
// index of the first paragraph after it (0 without one).
func (in *interpreter) untitledTitle(top []textSpan, used map[int]bool) int {
	for i := 0; i < len(top); i++ {
		if used[i] {
			continue
		}
		if !titleLike(top[i].text) {
			return 0
		}
		j := i
		var parts []string
		for j < len(top) && !used[j] && titleLike(top[j].text) {
			parts = append(parts, strings.TrimSpace(top[j].text))
			j++
		}
		t := compactTitle(strings.Join(parts, ""))
		if f := fold(t); strings.Contains(f, vocab.HotlineNumber) || vocab.HotlineWords.In(f) {
			in.b.Title, in.titleSpans = t, top[i:j]
			return j
		}
		return 0
	}
	return 0
}

// isTitle reports whether t ends like a title: in a title word, or in a
// title word and a bracketed part ("…办理情况（截至8月20日）") unless the
// title word names a periodical, whose bracketed line is its issue
// ("…周报（2024年第45周）").
func isTitle(t string) bool {
	f := fold(t)
	if titleWord.MatchString(f) {
		return true
	}
	loc := trailingBracket.FindStringIndex(f)
	if loc == nil {
		return false
	}
	before := strings.TrimSpace(f[:loc[0]])
	return titleWord.MatchString(before) && vocab.PeriodicalWords.Suffix(before) == ""
}

// signature finds the office and date that sign a bulletin: an office
// alone on a line with a date alone on a line just below it, the last such
// pair after the title; else the last office and the last date alone on
// their lines among the last paragraphs. Page numbers and 抄送 lines
// between them are skipped.
func signature(body []textSpan, from int) (org string, date model.Date) {
	// The body after the title, without page furniture, looked at in
	// place: a copy of a long body's lines would cost more than the rest.
	body = body[min(from, len(body)):]
	line := func(k int) (string, bool) {
		t := strings.TrimSpace(body[k].text)
		return t, len(t) > 24 || !pageNumber.MatchString(fold(t))
	}
	for i := len(body) - 1; i >= 0; i-- {
		t, ok := line(i)
		if !ok {
			continue
		}
		o, ok := office(t)
		if !ok {
			continue
		}
		for j, n := i+1, 0; j < len(body) && n < signatureGap; j++ {
			if t, ok := line(j); ok {
				n++
				if d, ok := dateOnly(t); ok {
					return o, d
				}
			}
		}
	}
	n := 0
	for i := len(body) - 1; i >= 0 && n < signatureParagraphs; i-- {
		t, ok := line(i)
		if !ok || vocab.SendingWords.Prefix(fold(t)) != "" {
			continue
		}
		n++
		if d, ok := dateOnly(t); ok && date.IsZero() {
			date = d
			continue
		}
		if o, ok := office(t); ok && org == "" {
			org = o
		}
	}
	return org, date
}

// textSpan is a paragraph of the prose, or several joined where a sentence
// runs on into the next paragraph.
type textSpan struct {
	text string
	pos  model.Pos
}

// masthead reads "洛阳市偃师区政务服务和大数据管理局    2023年4月27日": an
// office, maybe a date, apart by wide space; a name that is no office
// beside a date (某某日报社城关分社    2024年3月1日); or a line that is only an
// office followed by a date.
func masthead(text string) (org string, date model.Date, ok bool) {
	parts := wideGap.Split(strings.TrimSpace(text), -1)
	name := ""
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if o, isOrg := office(p); isOrg && org == "" {
			org = o
			continue
		}
		if d, isDate := dateOnly(p); isDate && date.IsZero() {
			date = d
			continue
		}
		if name == "" {
			name = p
		}
	}
	if len(parts) >= 2 && org != "" {
		return org, date, true
	}
	if len(parts) == 2 && !date.IsZero() && name != "" && isPlainName(name) {
		return compactTitle(name), date, true
	}
	// Without a wide gap: "XX局2023年4月27日", "XX办公室 2024年10月12日印发".
	if d, loc, found := findDate(text); found {
		if _, dateRest := dateOnly(text[loc[0]:]); dateRest {
			if o, isOrg := office(strings.TrimSpace(text[:loc[0]])); isOrg {
				return o, d, true
			}
		}
	}
	return "", model.Date{}, false
}

// isPlainName reports whether a masthead's text beside a date is a name
// without an office word: short, without punctuation, not a title, not a
// period or a number.
func isPlainName(s string) bool {
	f := fold(compactTitle(s))
	if !plainName.MatchString(f) || isTitle(f) || findIssueNo(s) != "" {
		return false
	}
	_, ok := findPeriod(f, model.Date{Year: 2000, Month: 12, Day: 31})
	return !ok
}

// office returns text when it is an office's name.
func office(text string) (string, bool) {
	t := compactTitle(text)
	if utf8.RuneCountInString(t) > 44 || vocab.OfficeWords.Suffix(fold(t[max(0, len(t)-12):])) == "" {
		return "", false // no office word at its end: the pattern cannot match
	}
	if matchFolded(orgName, t) && !strings.ContainsAny(t, "，。；：") {
		return t, true
	}
	return "", false
}

// dateOnly reads a line that holds a date and nothing else (but brackets
// or 印发/发布 words).
func dateOnly(text string) (model.Date, bool) {
	d, loc, ok := findDate(text)
	if !ok {
		return model.Date{}, false
	}
	rest := strings.TrimSpace(text[:loc[0]] + text[loc[1]:])
	rest = strings.Trim(rest, "（）()[]【】 ")
	for _, w := range vocab.DateLabels.Words() {
		rest = strings.ReplaceAll(rest, w, "")
	}
	rest = strings.ReplaceAll(rest, "：", "")
	if strings.TrimSpace(rest) != "" {
		return model.Date{}, false
	}
	return d, true
}

// findIssueNo returns the first issue number printed in text.
func findIssueNo(text string) string {
	if !hasFolded(vocab.IssueNumberWords, text) {
		return "" // the pattern is costly; most lines cannot match
	}
	m := findFolded(issueNoPat, text)
	if m == nil {
		return ""
	}
	return compactTitle(text[m[0]:m[1]])
}

// titleLike: a short line without sentence punctuation or a date, that
// is not a numbered heading (一、总体情况).
func titleLike(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || utf8.RuneCountInString(t) > maxTitleLineRunes || strings.ContainsAny(fold(t), ",;:。") {
		return false
	}
	if matchFolded(headingNumber, t) {
		return false
	}
	if _, _, ok := findDate(t); ok {
		return false
	}
	return strings.IndexFunc(t, isHan) >= 0
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
