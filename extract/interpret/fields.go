package interpret

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Labelled values a reader found around the document (block.Fields): a web
// page's <meta> tags, the 信息公开 box of a government portal (索引号,
// 发布机构, 成文日期), the line under a page's heading (发布时间, 来源).
// They complete what the document's own text leaves out; they never
// replace it, since the text is what the issuer printed (a portal's 来源
// may be the office that runs the site, its 发布日期 the day the page went
// up). The catalogue's entries for the document (发布机构, 成文日期) come
// before the page's (来源, 发布时间).

// fieldRank orders a label's claim: 1 is the document's own catalogue
// entry, 2 the page's.
type fieldRank int

const (
	rankDocument fieldRank = 1
	rankPage     fieldRank = 2
)

var (
	issuerLabels  = rankedLabels(vocab.CatalogueIssuerLabels, vocab.PageIssuerLabels)
	dateLabels    = rankedLabels(vocab.CatalogueDateLabels, vocab.PageDateLabels)
	titleLabels   = rankedLabels(vocab.CatalogueTitleLabels, vocab.PageTitleLabels)
	issueNoLabels = rankedLabels(vocab.CatalogueIssueNoLabels, nil)
)

// rankedLabels ranks the catalogue's labels and the page's.
func rankedLabels(catalogue, page *vocab.List) map[string]fieldRank {
	m := map[string]fieldRank{}
	for _, l := range []struct {
		list *vocab.List
		rank fieldRank
	}{{catalogue, rankDocument}, {page, rankPage}} {
		if l.list == nil {
			continue
		}
		for w := range l.list.All() {
			m[w] = l.rank
		}
	}
	return m
}

// fieldMetadata fills the title, issuer, issue date and number the text
// left empty from the documents' fields.
func (in *interpreter) fieldMetadata() {
	var fields []block.Field
	for _, blk := range in.doc.Blocks {
		if f, ok := blk.(*block.Fields); ok {
			fields = append(fields, f.Fields...)
		}
	}
	if len(fields) == 0 {
		return
	}
	b := in.b
	for _, rank := range []fieldRank{rankDocument, rankPage} {
		for _, f := range fields {
			label := fieldLabel(f.Label)
			value := strings.TrimSpace(f.Value)
			if value == "" {
				continue
			}
			if r, ok := issuerLabels[label]; ok && r == rank && b.Issuer == "" {
				if org, ok := fieldIssuer(value, rank); ok {
					b.Issuer = org
				}
			}
			if r, ok := dateLabels[label]; ok && r == rank && b.Issued.IsZero() {
				if d, ok := fieldDate(value); ok {
					b.Issued = d
				}
			}
			if r, ok := titleLabels[label]; ok && r == rank && b.Title == "" && utf8.RuneCountInString(value) <= 2*maxTitleLineRunes {
				b.Title = compactTitle(value)
			}
			if r, ok := issueNoLabels[label]; ok && r == rank && b.IssueNo == "" {
				b.IssueNo = findIssueNo(value)
			}
		}
	}
}

// fieldLabel folds a label for lookup: no white space, no colon,
// simplified characters, lower-case letters.
func fieldLabel(s string) string {
	s = fold(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == ':' || r == '：' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// fieldDate reads a date as catalogues print it: "2024-08-23",
// "2024-08-23 17:01", "2024/8/23", "2024.08.23", or as prose does
// ("2024年8月23日").
func fieldDate(s string) (model.Date, bool) {
	if d, ok := dateOnly(s); ok {
		return d, true
	}
	s = fold(s)
	if i := strings.IndexAny(s, " T"); i >= 0 {
		s = s[:i] // the time of day
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 || len(parts[0]) != 4 {
		return model.Date{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return model.Date{}, false
		}
		n[i] = v
	}
	d := model.Date{Year: n[0], Month: time.Month(n[1]), Day: n[2]}
	if !d.Valid() {
		return model.Date{}, false
	}
	return d, true
}

// fieldIssuer reads the issuing body a field names. Under a catalogue's
// label (发布机构) any name will do; a page's 来源 also names news sites and
// "本网", so there the name must end like an office's.
func fieldIssuer(value string, rank fieldRank) (string, bool) {
	if org, ok := office(value); ok {
		return org, true
	}
	name := compactTitle(value)
	n := utf8.RuneCountInString(name)
	if n < 3 || n > 40 || strings.IndexFunc(name, isHan) < 0 {
		return "", false
	}
	for _, r := range name {
		if !isHan(r) && !unicode.IsDigit(r) && !strings.ContainsRune("（）()·", r) {
			return "", false
		}
	}
	if rank == rankDocument {
		return name, true
	}
	if vocab.OfficeWords.Suffix(fold(name)) != "" {
		return name, true
	}
	return "", false
}
