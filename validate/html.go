package validate

import (
	"bufio"
	"cmp"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hotline12345/bulletin/model"
)

// The report page is made by html/template from the files under
// templates/, so that everything taken from a document (unit names,
// headers, notes, file names) is escaped for where it lands; the style
// sheet is inlined so that the page needs nothing else, offline or printed.
//
//go:embed templates/report.html.tmpl templates/report.css
var htmlFiles embed.FS

// htmlTemplates parses the page's templates when a page is first written,
// not when the program starts: most runs write none.
var htmlTemplates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"sevMark":  func(s Severity) string { return sevMarks[s] },
		"sevClass": func(s Severity) string { return "sev-" + string(s) },
		"plural":   plural,
	}).ParseFS(htmlFiles, "templates/report.html.tmpl"))
})

var reportCSS = func() template.CSS {
	b, err := htmlFiles.ReadFile("templates/report.css")
	if err != nil {
		panic(err)
	}
	return template.CSS(b)
}()

// sevMarks are the symbols shown beside the colour of a severity, so that
// colour is never the only signal (and a black-and-white print keeps it).
var sevMarks = map[Severity]string{Error: "✖", Warning: "▲", Info: "ℹ"}

// HTMLOption changes the page that [HTML], [HTMLAll] or [HTMLIndex] writes.
type HTMLOption func(*htmlConfig)

type htmlConfig struct {
	links       []Link
	attachments []Attachment
	charts      []Chart
}

// Link is a link shown at the top of a page, such as back to a form.
// Its URL is sanitised as html/template does (a javascript: URL becomes
// "#ZgotmplZ").
type Link struct {
	Text string
	URL  string
}

// Attachment is a file offered for download from the page. It is carried
// inside the page as a data: URL, so the page stays one self-contained file
// and whoever serves it keeps nothing.
type Attachment struct {
	// Label is the link's text; Name the file name it downloads as.
	Label, Name string
	// Type is the media type, e.g. "text/csv; charset=utf-8".
	Type string
	Data []byte
}

// Chart is a picture for an index page, such as a unit's rates by month.
// SVG is inline SVG markup that the caller vouches for: made by a template
// or a program that escapes what it takes from documents.
type Chart struct {
	Caption string
	SVG     template.HTML
}

// WithLinks adds links at the top of the page.
func WithLinks(links ...Link) HTMLOption {
	return func(c *htmlConfig) { c.links = append(c.links, links...) }
}

// WithAttachments adds download links for files carried in the page.
func WithAttachments(files ...Attachment) HTMLOption {
	return func(c *htmlConfig) { c.attachments = append(c.attachments, files...) }
}

// WithCharts adds charts after the list of files of an index page.
func WithCharts(charts ...Chart) HTMLOption {
	return func(c *htmlConfig) { c.charts = append(c.charts, charts...) }
}

// HTMLFile is one file of a page about several files ([HTMLAll]): its name
// and its bulletin with the report of [Check], or why it could not be read.
type HTMLFile struct {
	Name     string
	Bulletin *model.Bulletin
	Report   Report
	// Failed says why the file could not be read; Bulletin is nil then.
	Failed string
}

// IndexEntry is one line of an index page ([HTMLIndex]): a file, where its
// report is, and its findings counted by severity.
type IndexEntry struct {
	Name string
	// Href is the address of the file's report, relative to the index.
	Href   string
	Title  string
	Period string
	// Summary is the file's Report.Summary.
	Summary Summary
	// Failed says why the file could not be read (Href is empty then).
	Failed string
}

// HTML writes the report r of bulletin b as one self-contained HTML page:
// the masthead and a summary linking to every finding; the prose in full
// with each figure that has a finding marked in place (for a bulletin that
// records no paragraphs, its figures each in the phrase it was read from),
// and the unit mentions with those that have a finding marked; every
// table as printed (group headers, total rows) with each cell that has a
// finding marked by colour and a symbol, its message, published and
// expected value and basis shown on hover and keyboard focus, and listed
// under the table for print. The page has no scripts and loads nothing.
func HTML(w io.Writer, b *model.Bulletin, r Report, opts ...HTMLOption) error {
	p := newPage(opts)
	name := ""
	if b != nil {
		name = b.Source.Name
	}
	rep := buildHTMLReport("", name, b, r)
	p.Title = rep.Heading
	p.Reports = []*htmlReport{rep}
	return p.write(w)
}

// HTMLAll writes one self-contained page about several files: an index
// with a line per file (its findings by severity, or why it could not be
// read) linking to each file's report further down the page.
func HTMLAll(w io.Writer, files []HTMLFile, opts ...HTMLOption) error {
	p := newPage(opts)
	p.Title = fmt.Sprintf("%s: bulletin check", plural(len(files), "file"))
	p.ShowIndex = true
	for i, f := range files {
		e := IndexEntry{Name: f.Name, Failed: f.Failed}
		if f.Failed == "" {
			prefix := "r" + strconv.Itoa(i+1) + "-"
			rep := buildHTMLReport(prefix, f.Name, f.Bulletin, f.Report)
			p.Reports = append(p.Reports, rep)
			e.Href = "#" + prefix + "report"
			e.Title, e.Period, e.Summary = rep.Title, rep.PeriodText, f.Report.Summary
		}
		p.Index = append(p.Index, e)
	}
	return p.write(w)
}

// HTMLIndex writes an index page with a line per file (its findings by
// severity, or why it could not be read) linking to each file's report at
// the entry's Href, followed by any charts given WithCharts.
func HTMLIndex(w io.Writer, title string, entries []IndexEntry, opts ...HTMLOption) error {
	p := newPage(opts)
	p.Title = title
	p.ShowIndex, p.Index = true, entries
	return p.write(w)
}

// htmlPage is what the template renders: one report, several with an
// index, or an index alone.
type htmlPage struct {
	Title       string
	CSS         template.CSS
	Links       []Link
	Attachments []htmlAttachment
	ShowIndex   bool
	Index       []IndexEntry
	Reports     []*htmlReport
	Charts      []Chart
}

type htmlAttachment struct {
	Label, Name string
	URL         template.URL
}

func newPage(opts []HTMLOption) *htmlPage {
	var cfg htmlConfig
	for _, o := range opts {
		o(&cfg)
	}
	p := &htmlPage{CSS: reportCSS, Links: cfg.links, Charts: cfg.charts}
	for _, a := range cfg.attachments {
		typ := a.Type
		if typ == "" {
			typ = "application/octet-stream"
		}
		// The URL is built here from base64, which has no character that
		// could end the attribute, so it is safe to mark as a URL.
		url := "data:" + strings.ReplaceAll(typ, " ", "") + ";base64," + base64.StdEncoding.EncodeToString(a.Data)
		p.Attachments = append(p.Attachments, htmlAttachment{Label: a.Label, Name: a.Name, URL: template.URL(url)})
	}
	return p
}

func (p *htmlPage) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if err := htmlTemplates().ExecuteTemplate(bw, "page", p); err != nil {
		return err
	}
	return bw.Flush()
}

// htmlReport is the view of one bulletin's report.
type htmlReport struct {
	ID         string // prefix of every id in the report
	Name       string
	Heading    string
	Title      string
	Meta       []htmlMeta
	PeriodText string
	Summary    Summary
	Findings   []*htmlFinding
	// Document holds findings about the bulletin as a whole (its period);
	// Other those that point at no table, row, figure or mention it has.
	Document    []*htmlFinding
	Other       []*htmlFinding
	Conventions []htmlConvention
	// Text is the prose in full, its figures in place; Prose the figures
	// it does not locate (all of them for a bulletin without paragraphs),
	// each in the phrase it was read from.
	Text     []htmlText
	Prose    []htmlParagraph
	Mentions []htmlMentionGroup
	// ProseFindings are the findings marked on figures and mentions,
	// listed under the prose for print.
	ProseFindings []*htmlFinding
	Tables        []*htmlTable
	Problems      []model.Problem
}

type htmlMeta struct{ Name, Value string }

// htmlFinding is one finding, numbered from 1 in report order; ID is the
// anchor of the place it marks.
type htmlFinding struct {
	Finding
	N     int
	ID    string
	Where string
}

// htmlMark is what marks a place (a cell, a header, a figure): its
// findings, the worst severity among them, and the anchor of each.
type htmlMark struct {
	ID       string
	Severity Severity
	Findings []*htmlFinding
}

// Extra lists the findings after the first: their anchors sit inside the
// marked element.
func (m *htmlMark) Extra() []*htmlFinding { return m.Findings[1:] }

// Numbers lists the numbers of the mark's findings, "3 4".
func (m *htmlMark) Numbers() string {
	s := make([]string, len(m.Findings))
	for i, f := range m.Findings {
		s[i] = strconv.Itoa(f.N)
	}
	return strings.Join(s, " ")
}

func (m *htmlMark) add(f *htmlFinding) *htmlMark {
	if m == nil {
		m = &htmlMark{ID: f.ID, Severity: f.Severity}
	}
	if f.Severity.rank() < m.Severity.rank() {
		m.Severity = f.Severity
	}
	m.Findings = append(m.Findings, f)
	return m
}

type htmlConvention struct {
	Table, Column, Numerator, Denominator, Source string
	Decimals, Fits, Rows                          int
}

type htmlParagraph struct {
	Pos     string
	Figures []htmlFigure
}

// htmlText is a paragraph of the prose as printed, cut into runs of
// plain text and the figures read from it.
type htmlText struct {
	Index int
	Pos   string
	Runs  []htmlRun
}

// htmlRun is a figure's phrase when Figure is set, else plain Text.
type htmlRun struct {
	Text   string
	Figure *htmlFigure
}

type htmlFigure struct {
	Index              int
	Before, Num, After string
	Mark               *htmlMark
}

type htmlMentionGroup struct {
	Context, Role string
	Mentions      []htmlMention
}

type htmlMention struct {
	Unit string
	Mark *htmlMark
}

type htmlTable struct {
	Index    int
	ID       string
	Caption  string
	Mark     *htmlMark // findings about the whole table
	Cols     []htmlCol
	Head     [][]htmlHead
	Rows     []htmlRow
	Notes    []string
	Findings []*htmlFinding
}

type htmlCol struct {
	Key    model.Key
	Header string
}

type htmlHead struct {
	Text             string
	Scope            string
	ColSpan, RowSpan int
	Mark             *htmlMark
}

type htmlRow struct {
	Total bool
	Cells []htmlCell
}

type htmlCell struct {
	RowHeader bool
	Text      string
	Numeric   bool
	Mark      *htmlMark
}

// buildHTMLReport lays out bulletin b and its report for the template, placing
// every finding exactly once: on a cell, a row's unit, a column header or a
// table caption, a prose figure or unit mention, the document as a whole,
// or, when it points at nothing the bulletin has, in a list of its own.
func buildHTMLReport(prefix, name string, b *model.Bulletin, r Report) *htmlReport {
	if b == nil {
		b = &model.Bulletin{}
	}
	rep := &htmlReport{ID: prefix, Name: name, Title: b.Title, Summary: r.Summary, Problems: b.Problems}
	rep.Heading = htmlFirst(b.Title, name, "Bulletin check")
	rep.PeriodText = htmlPeriod(b.Period)
	rep.Meta = htmlMetaOf(name, b)

	tables := make([]*htmlTable, len(b.Tables))
	for ti := range b.Tables {
		tables[ti] = newHTMLTable(prefix, ti, &b.Tables[ti])
	}
	figMarks := map[int]*htmlMark{}
	menMarks := map[int]*htmlMark{}
	for i, f := range r.Findings {
		hf := &htmlFinding{Finding: f, N: i + 1, ID: prefix + "f" + strconv.Itoa(i+1)}
		hf.Where = htmlWhere(b, f)
		rep.Findings = append(rep.Findings, hf)
		switch {
		case f.Figure != nil:
			if *f.Figure < 0 || *f.Figure >= len(b.Figures) {
				rep.Other = append(rep.Other, hf)
				continue
			}
			figMarks[*f.Figure] = figMarks[*f.Figure].add(hf)
			rep.ProseFindings = append(rep.ProseFindings, hf)
		case f.Mention != nil:
			if *f.Mention < 0 || *f.Mention >= len(b.Mentions) {
				rep.Other = append(rep.Other, hf)
				continue
			}
			menMarks[*f.Mention] = menMarks[*f.Mention].add(hf)
			rep.ProseFindings = append(rep.ProseFindings, hf)
		case f.Table >= 0 && f.Table < len(tables):
			if !tables[f.Table].place(hf) {
				rep.Other = append(rep.Other, hf)
			}
		case f.Table < 0:
			rep.Document = append(rep.Document, hf)
		default:
			rep.Other = append(rep.Other, hf)
		}
	}
	rep.Tables = tables
	rep.Text, rep.Prose = htmlProse(b, figMarks)
	rep.Mentions = htmlMentions(b, menMarks)
	for _, c := range r.Conventions {
		hc := htmlConvention{Column: string(c.Column), Numerator: string(c.Numerator), Denominator: string(c.Denominator),
			Source: c.Source, Decimals: c.Decimals, Fits: c.Fits, Rows: c.Rows, Table: "table " + strconv.Itoa(c.Table+1)}
		if c.Table >= 0 && c.Table < len(b.Tables) {
			t := &b.Tables[c.Table]
			hc.Table = htmlFirst(t.Label, hc.Table)
			hc.Column = t.HeaderOf(c.Column)
			if c.Numerator != "" {
				hc.Numerator = t.HeaderOf(c.Numerator)
			}
			if c.Denominator != "" {
				hc.Denominator = t.HeaderOf(c.Denominator)
			}
		}
		rep.Conventions = append(rep.Conventions, hc)
	}
	return rep
}

func htmlFirst(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func htmlPeriod(p model.Period) string {
	var span string
	switch {
	case !p.Start.IsZero() && !p.End.IsZero():
		span = p.Start.String() + " – " + p.End.String()
	case !p.Start.IsZero():
		span = p.Start.String()
	}
	switch {
	case p.Label != "" && span != "":
		return p.Label + " (" + span + ")"
	case p.Label != "":
		return p.Label
	}
	return span
}

func htmlMetaOf(name string, b *model.Bulletin) []htmlMeta {
	var m []htmlMeta
	add := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			m = append(m, htmlMeta{k, v})
		}
	}
	add("issuer", b.Issuer)
	if !b.Issued.IsZero() {
		add("issued", b.Issued.String())
	}
	add("issue no.", b.IssueNo)
	add("period", htmlPeriod(b.Period))
	if b.TitlePeriod != nil {
		add("period in the title", htmlPeriod(*b.TitlePeriod))
	}
	file := htmlFirst(b.Source.Name, name)
	if b.Source.Format != "" {
		file += " (" + b.Source.Format + ")"
	}
	add("file", file)
	add("SHA-256", b.Source.SHA256)
	return m
}

// htmlWhere names the place of a finding in the bulletin's own words: "附件4
// 山化镇 · 群众满意率", "figure 2 电话诉求事项" (counting from 1, as people
// do).
func htmlWhere(b *model.Bulletin, f Finding) string {
	switch {
	case f.Figure != nil:
		if *f.Figure >= 0 && *f.Figure < len(b.Figures) && b.Figures[*f.Figure].Label != "" {
			return "prose · " + b.Figures[*f.Figure].Label
		}
		return "prose · figure " + strconv.Itoa(*f.Figure)
	case f.Mention != nil:
		if f.Unit != "" {
			return "prose · " + f.Unit
		}
		return "prose · mention " + strconv.Itoa(*f.Mention)
	case f.Table < 0:
		return "document"
	}
	var parts []string
	col := string(f.Column)
	if f.Table < len(b.Tables) {
		t := &b.Tables[f.Table]
		parts = append(parts, htmlFirst(t.Label, "table "+strconv.Itoa(f.Table+1)))
		if f.Column != "" {
			col = t.HeaderOf(f.Column)
		}
	} else {
		parts = append(parts, "table "+strconv.Itoa(f.Table+1))
	}
	switch {
	case f.Unit != "":
		parts = append(parts, f.Unit)
	case f.Row >= 0:
		parts = append(parts, "row "+strconv.Itoa(f.Row+1))
	}
	s := strings.Join(parts, " ")
	if col != "" {
		s += " · " + col
	}
	return s
}

// newHTMLTable lays out a table as printed: its columns, with any cells
// outside the header as extra columns at the end (keyed as in the model),
// a unit column first when the header has none, and group headers above
// the sub headers of a two-level header.
func newHTMLTable(prefix string, ti int, t *model.Table) *htmlTable {
	ht := &htmlTable{Index: ti, ID: prefix + "t" + strconv.Itoa(ti+1), Notes: t.Notes}
	ht.Caption = strings.TrimSpace(t.Label + " " + t.Title)
	if ht.Caption == "" {
		ht.Caption = "table " + strconv.Itoa(ti+1)
	}
	hasUnit := false
	seen := map[model.Key]bool{}
	for _, c := range t.Columns {
		if seen[c.Key] {
			continue // a repeated key holds one cell per row
		}
		seen[c.Key] = true
		hasUnit = hasUnit || c.Key == model.Unit
		ht.Cols = append(ht.Cols, htmlCol{Key: c.Key, Header: c.Header})
	}
	if !hasUnit {
		ht.Cols = append([]htmlCol{{Key: model.Unit, Header: "单位"}}, ht.Cols...)
	}
	var extra []model.Key
	for _, r := range t.Rows {
		for k := range r.Cells {
			if !seen[k] {
				seen[k] = true
				extra = append(extra, k)
			}
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		ht.Cols = append(ht.Cols, htmlCol{Key: k, Header: string(k)})
	}
	ht.Rows = make([]htmlRow, len(t.Rows))
	for ri, r := range t.Rows {
		cells := make([]htmlCell, len(ht.Cols))
		for ci, c := range ht.Cols {
			if c.Key == model.Unit {
				cells[ci] = htmlCell{RowHeader: true, Text: r.Unit}
				continue
			}
			cell, ok := r.Cells[c.Key]
			if ok {
				cells[ci] = htmlCell{Text: cell.Text, Numeric: cell.Value != nil}
			}
		}
		ht.Rows[ri] = htmlRow{Total: r.Total, Cells: cells}
	}
	ht.Head = htmlHeadRows(ht.Cols)
	return ht
}

// htmlHeadRows makes one header row, or two when some header is "group/sub":
// a group spans its sub headers, and a column without a group spans both
// rows.
func htmlHeadRows(cols []htmlCol) [][]htmlHead {
	group := func(c htmlCol) (g, sub string) {
		if i := strings.LastIndexByte(c.Header, '/'); i > 0 {
			return c.Header[:i], c.Header[i+1:]
		}
		return "", c.Header
	}
	twoLevel := false
	for _, c := range cols {
		if g, _ := group(c); g != "" {
			twoLevel = true
		}
	}
	if !twoLevel {
		row := make([]htmlHead, len(cols))
		for i, c := range cols {
			row[i] = htmlHead{Text: c.Header, Scope: "col"}
		}
		return [][]htmlHead{row}
	}
	var top, sub []htmlHead
	for i := 0; i < len(cols); {
		g, s := group(cols[i])
		if g == "" {
			top = append(top, htmlHead{Text: s, Scope: "col", RowSpan: 2})
			i++
			continue
		}
		j := i
		for j < len(cols) {
			if gj, _ := group(cols[j]); gj != g {
				break
			}
			_, sj := group(cols[j])
			sub = append(sub, htmlHead{Text: sj, Scope: "col"})
			j++
		}
		top = append(top, htmlHead{Text: g, Scope: "colgroup", ColSpan: j - i})
		i = j
	}
	return [][]htmlHead{top, sub}
}

// place marks the cell, row, column or caption a table finding is about;
// it reports false when the finding's row is not in the table.
func (ht *htmlTable) place(f *htmlFinding) bool {
	if f.Row >= len(ht.Rows) {
		return false
	}
	ht.Findings = append(ht.Findings, f)
	col := -1
	if f.Column != "" {
		col = slices.IndexFunc(ht.Cols, func(c htmlCol) bool { return c.Key == f.Column })
	}
	switch {
	case f.Row >= 0:
		if col < 0 { // about the row as a whole, or a cell it does not print
			col = slices.IndexFunc(ht.Cols, func(c htmlCol) bool { return c.Key == model.Unit })
		}
		cell := &ht.Rows[f.Row].Cells[col]
		cell.Mark = cell.Mark.add(f)
	case col >= 0:
		h := ht.headOf(col)
		h.Mark = h.Mark.add(f)
	default:
		ht.Mark = ht.Mark.add(f)
	}
	return true
}

// headOf returns the header cell of column col: the sub header of a
// two-level header, else the one spanning the header rows.
func (ht *htmlTable) headOf(col int) *htmlHead {
	last := ht.Head[len(ht.Head)-1]
	if len(ht.Head) == 1 {
		return &last[col]
	}
	// Walk the top row: a column without a group is there, a grouped one
	// is among the sub headers.
	pos, subPos := 0, 0
	for i := range ht.Head[0] {
		h := &ht.Head[0][i]
		if h.ColSpan == 0 {
			if pos == col {
				return h
			}
			pos++
			continue
		}
		if col < pos+h.ColSpan {
			return &last[subPos+col-pos]
		}
		pos += h.ColSpan
		subPos += h.ColSpan
	}
	return &last[len(last)-1]
}

// htmlProse lays out the prose: every paragraph in full, with the
// phrase of each figure it locates set apart (marked when the figure has
// a finding), and the figures it does not locate listed as before there
// were paragraphs: in document order, those read from the same paragraph
// together, each as the phrase it was read from with its number set apart.
//
// Phrases may overlap (a change printed in one clause with its count), so
// each figure takes its phrase from where the figure before it ends: a
// phrase ends with its own number, which it always keeps. A figure left
// with nothing of its phrase is listed with those not located.
func htmlProse(b *model.Bulletin, marks map[int]*htmlMark) ([]htmlText, []htmlParagraph) {
	located := make([][]int, len(b.Paragraphs)) // figures by paragraph
	var unlocated []int
	for i, f := range b.Figures {
		if f.Span == nil {
			unlocated = append(unlocated, i)
			continue
		}
		if _, ok := f.Span.Phrase(b.Paragraphs); !ok || f.Span.Start == f.Span.End {
			unlocated = append(unlocated, i)
			continue
		}
		located[f.Span.Paragraph] = append(located[f.Span.Paragraph], i)
	}
	text := make([]htmlText, len(b.Paragraphs))
	for pi, p := range b.Paragraphs {
		figs := located[pi]
		slices.SortStableFunc(figs, func(x, y int) int {
			a, c := b.Figures[x].Span, b.Figures[y].Span
			return cmp.Or(cmp.Compare(a.End, c.End), cmp.Compare(a.Start, c.Start))
		})
		ht := htmlText{Index: pi, Pos: p.Pos.String()}
		at := 0
		for _, i := range figs {
			sp := b.Figures[i].Span
			start := max(sp.Start, at)
			if start >= sp.End {
				unlocated = append(unlocated, i)
				continue
			}
			if start > at {
				ht.Runs = append(ht.Runs, htmlRun{Text: p.Text[at:start]})
			}
			f := b.Figures[i]
			f.Text = p.Text[start:sp.End]
			hf := &htmlFigure{Index: i, Mark: marks[i]}
			hf.Before, hf.Num, hf.After = htmlSplitNumber(f)
			ht.Runs = append(ht.Runs, htmlRun{Figure: hf})
			at = sp.End
		}
		if at < len(p.Text) {
			ht.Runs = append(ht.Runs, htmlRun{Text: p.Text[at:]})
		}
		text[pi] = ht
	}
	slices.Sort(unlocated)
	var out []htmlParagraph
	var last model.Pos
	for _, i := range unlocated {
		f := b.Figures[i]
		at := model.Pos{Part: f.Pos.Part, Page: f.Pos.Page, Block: f.Pos.Block, Line: f.Pos.Line}
		if len(out) == 0 || at != last || at.IsZero() {
			out = append(out, htmlParagraph{Pos: at.String()})
			last = at
		}
		hf := htmlFigure{Index: i, Mark: marks[i]}
		hf.Before, hf.Num, hf.After = htmlSplitNumber(f)
		p := &out[len(out)-1]
		p.Figures = append(p.Figures, hf)
	}
	return text, out
}

// htmlSplitNumber finds the figure's number in the phrase it was read from, to
// set it apart; a phrase where it cannot be found is kept whole.
func htmlSplitNumber(f model.Figure) (before, num, after string) {
	text := f.Text
	if text == "" {
		return "", strconv.FormatFloat(f.Value, 'f', -1, 64) + f.Unit, ""
	}
	printed := []string{strconv.FormatFloat(f.Value, 'f', -1, 64)}
	if f.Decimals > 0 && f.Decimals <= 20 { // a bulletin prints a few; a program may say anything
		printed = append([]string{strconv.FormatFloat(f.Value, 'f', f.Decimals, 64)}, printed...)
	}
	for _, n := range printed {
		if i := strings.LastIndex(text, n); i >= 0 {
			return text[:i], n, text[i+len(n):]
		}
	}
	return text, "", ""
}

// htmlMentions groups the unit mentions by the phrase that gives their role.
func htmlMentions(b *model.Bulletin, marks map[int]*htmlMark) []htmlMentionGroup {
	var out []htmlMentionGroup
	for i, m := range b.Mentions {
		if len(out) == 0 || out[len(out)-1].Context != m.Context || out[len(out)-1].Role != m.Role {
			out = append(out, htmlMentionGroup{Context: m.Context, Role: m.Role})
		}
		g := &out[len(out)-1]
		g.Mentions = append(g.Mentions, htmlMention{Unit: m.Unit, Mark: marks[i]})
	}
	return out
}
