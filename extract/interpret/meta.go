package interpret

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/model"
)

var (
	// titleWord marks the last line of a title.
	titleWord = regexp.MustCompile(`(通报|情况|简报|报告|公告|通告|周报|月报|季报|年报|专报|快报|分析|统计|排名|排行|汇总)$`)
	// orgName is an issuing body: a name ending in an office word.
	orgName = regexp.MustCompile(`^[\p{Han}（）()]{3,40}?(?:管理局|服务局|局|委员会|委|办公室|办|中心|政府|指挥部|领导小组|热线|大厅|管委会)$`)
	// issueNoPat: 2023年第5期（总第74期）, 第9期, 〔2020〕第9期, 城政数〔2024〕3号.
	issueNoPat = regexp.MustCompile(`[\p{Han}]{0,8}[〔\[［(（][0-9]{4}[〕\]］)）]\s*第?\s*[0-9]+\s*[期号]|(?:[0-9]{4}\s*年\s*)?第\s*[0-9]+\s*期(?:\s*[（(]\s*总第\s*[0-9]+\s*期\s*[)）])?`)
	// headingNumber starts a numbered heading of the body.
	headingNumber = regexp.MustCompile(`^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、])`)
	// wideGap separates the parts of a masthead line.
	wideGap = regexp.MustCompile(`\s{2,}|\t`)
)

// maxTitleLineRunes is the longest line taken as part of a title.
const maxTitleLineRunes = 50

// metadata reads the title, issuer, issue date and number from the body
// paragraphs at the top and bottom and from running headers and footers.
func (in *interpreter) metadata(body []textSpan, furniture []textSpan) {
	b := in.b
	top := body[:min(len(body), 12)]
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
	// Title: a run of short lines that are not sentences, ending in a
	// title word. A publication's name (…工作简报, …周报) above an issue
	// number gives way to a title proper (…通报, 关于…) below it.
	bestScore := 0
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
			if !matchFolded(titleWord, t) {
				continue
			}
			score := 1
			if strings.HasPrefix(t, "关于") || strings.Contains(t, "关于") || strings.HasSuffix(t, "通报") || strings.HasSuffix(t, "情况") {
				score = 2
			}
			if score > bestScore {
				b.Title, in.titleSpans, bestScore = t, top[i:k], score
			}
			break
		}
		i = j
	}
	// Signature: an office and a date at the end.
	tail := body[max(0, len(body)-6):]
	for i := len(tail) - 1; i >= 0; i-- {
		text := strings.TrimSpace(tail[i].text)
		if d, ok := dateOnly(text); ok && b.Issued.IsZero() {
			b.Issued = d
			continue
		}
		if org, ok := office(text); ok && b.Issuer == "" {
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
		if i := strings.Index(b.Title, "关于"); i > 0 {
			if org, ok := office(b.Title[:i]); ok {
				b.Issuer = org
			}
		}
	}
}

// textSpan is a paragraph of the prose, or several joined where a sentence
// runs on into the next paragraph.
type textSpan struct {
	text string
	pos  model.Pos
}

// masthead reads "洛阳市偃师区政务服务和大数据管理局    2023年4月27日": an
// office, maybe a date, apart by wide space; or a line that is only an
// office followed by a date.
func masthead(text string) (org string, date model.Date, ok bool) {
	parts := wideGap.Split(strings.TrimSpace(text), -1)
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if o, isOrg := office(p); isOrg && org == "" {
			org = o
			continue
		}
		if d, isDate := dateOnly(p); isDate && date.IsZero() {
			date = d
		}
	}
	if len(parts) >= 2 && org != "" {
		return org, date, true
	}
	// Without a wide gap: "XX局2023年4月27日".
	if d, loc, found := findDate(text); found {
		if o, isOrg := office(strings.TrimSpace(text[:loc[0]])); isOrg && strings.TrimSpace(text[loc[1]:]) == "" {
			return o, d, true
		}
	}
	return "", model.Date{}, false
}

// office returns text when it is an office's name.
func office(text string) (string, bool) {
	t := compactTitle(text)
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
	for _, w := range []string{"印发日期", "发布日期", "日期", "印发", "发布", ":", "："} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	if strings.TrimSpace(rest) != "" {
		return model.Date{}, false
	}
	return d, true
}

// findIssueNo returns the first issue number printed in text.
func findIssueNo(text string) string {
	if !strings.ContainsAny(text, "期号") {
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
