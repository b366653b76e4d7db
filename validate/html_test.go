package validate

import (
	"bytes"
	"encoding/json"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
)

// The report pages are compared with golden files in testdata/report; run
// `go test ./validate -run TestHTMLGolden -update` to rewrite them, then
// review the diff (and look at the pages in a browser).
const htmlGoldenDir = "../testdata/report"

// htmlCases are the planted-error fixtures whose report pages have golden
// files: rate, total, part and rank errors in tables, a two-level header,
// prose findings, a finding about the whole bulletin, untestable columns.
var htmlCases = []string{"rate_mismatch", "totals", "grouped", "narrative", "period", "rank", "closed", "unprinted_denominator"}

func renderHTML(t *testing.T, b *model.Bulletin, opts ...HTMLOption) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, b, Check(b), opts...))
	return buf.Bytes()
}

func TestHTMLGolden(t *testing.T) {
	t.Run("yanshi-2023-03", func(t *testing.T) {
		goldenHTML(t, "yanshi-2023-03", renderHTML(t, readSeed(t)))
	})
	for _, name := range htmlCases {
		t.Run(name, func(t *testing.T) {
			goldenHTML(t, name, renderHTML(t, loadFixture(t, name)))
		})
	}
	t.Run("several", func(t *testing.T) {
		var files []HTMLFile
		for _, name := range []string{"rate_mismatch", "grouped"} {
			b := loadFixture(t, name)
			files = append(files, HTMLFile{Name: name, Bulletin: b, Report: Check(b)})
		}
		files = slices.Insert(files, 1, HTMLFile{Name: "missing.docx", Failed: "open missing.docx: no such file or directory"})
		var buf bytes.Buffer
		require.NoError(t, HTMLAll(&buf, files))
		goldenHTML(t, "several", buf.Bytes())
	})
	t.Run("index", func(t *testing.T) {
		b := loadFixture(t, "totals")
		entries := []IndexEntry{
			{Name: "a/totals.txt", Href: "0001-totals.html", Title: "通报", Period: "4月份", Summary: Check(b).Summary},
			{Name: "a/broken.pdf", Failed: "malformed input: no cross-reference table"},
		}
		var buf bytes.Buffer
		chart := Chart{Caption: "甲局 by month", SVG: template.HTML(`<svg role="img" aria-label="甲局" width="10" height="10"></svg>`)}
		require.NoError(t, HTMLIndex(&buf, "archive", entries, WithCharts(chart)))
		goldenHTML(t, "index", buf.Bytes())
	})
}

func goldenHTML(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(htmlGoldenDir, name+".golden.html")
	if *bulletintest.Update {
		require.NoError(t, os.MkdirAll(htmlGoldenDir, 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run the test with -update to create it")
	if bytes.Equal(want, got) {
		return
	}
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			t.Fatalf("%s differs from the page made now (run with -update and review the diff); first at line %d:\n want %.300s\n  got %.300s", path, i+1, a, b)
		}
	}
}

var (
	anchorID     = regexp.MustCompile(`\bid="f([0-9]+)"`)
	markedFinds  = regexp.MustCompile(`data-findings="([0-9 ]+)"`)
	summaryLinks = regexp.MustCompile(`<a href="#f([0-9]+)">`)
)

// Every finding has exactly one anchor, and the summary links to each; the
// findings that mark a place (a cell, a header, a figure) are those whose
// place the bulletin has.
func TestHTMLPlacesEveryFinding(t *testing.T) {
	cases := map[string]*model.Bulletin{"seed": readSeed(t)}
	wants, err := filepath.Glob(filepath.Join(fixtureDir, "*.want.json"))
	require.NoError(t, err)
	for _, w := range wants {
		name := strings.TrimSuffix(filepath.Base(w), ".want.json")
		cases[name] = loadFixture(t, name)
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			rep := Check(b)
			out := string(renderHTML(t, b))
			anchors, links := []int{}, []int{}
			for _, m := range anchorID.FindAllStringSubmatch(out, -1) {
				anchors = append(anchors, mustAtoi(t, m[1]))
			}
			for _, m := range summaryLinks.FindAllStringSubmatch(out, -1) {
				links = append(links, mustAtoi(t, m[1]))
			}
			marked := []int{}
			for _, m := range markedFinds.FindAllStringSubmatch(out, -1) {
				for _, n := range strings.Fields(m[1]) {
					marked = append(marked, mustAtoi(t, n))
				}
			}
			all := make([]int, len(rep.Findings))
			placed := []int{}
			for i, f := range rep.Findings {
				all[i] = i + 1
				if f.Table >= 0 || f.Figure != nil || f.Mention != nil {
					placed = append(placed, i+1)
				}
			}
			slices.Sort(anchors)
			slices.Sort(marked)
			assert.Equal(t, all, anchors, "one anchor per finding")
			assert.Equal(t, all, links, "the summary links to every finding, in order")
			assert.Equal(t, placed, marked, "findings about tables and prose mark their place")
		})
	}
}

func mustAtoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	require.NoError(t, err)
	return n
}

// Whatever a document holds is shown as text, never as markup.
func TestHTMLEscapes(t *testing.T) {
	hostile := `<script>alert("x")</script><img src=x onerror=alert(1)>`
	v := 3.0
	d := 0
	b := &model.Bulletin{
		Source:     model.Source{Name: `"><svg onload=alert(1)>.txt`, Format: "text"},
		Title:      "</title>" + hostile,
		Issuer:     hostile,
		Period:     model.Period{Label: hostile},
		Paragraphs: []model.Paragraph{{Text: hostile + "3件" + hostile}},
		Figures: []model.Figure{{Label: hostile, Value: 3, Unit: "件", Text: hostile + "3件", Parent: -1, Kind: model.Count,
			Span: &model.Span{Paragraph: 0, Start: 0, End: len(hostile + "3件")}}},
		Mentions: []model.Mention{{Unit: hostile, Role: model.Praised, Context: hostile}},
		Tables: []model.Table{{
			Label: hostile, Title: hostile,
			Columns: []model.Column{{Header: "单位名称", Key: model.Unit}, {Header: `a"b/` + hostile, Key: model.Handled}, {Header: "按时办结率", Key: model.OnTimeRate}},
			Rows: []model.Row{{Unit: hostile, Cells: map[model.Key]model.Cell{
				model.Handled:      {Text: hostile, Value: &v},
				model.OnTimeRate:   {Text: "100" + hostile, Value: &v, Decimals: &d},
				model.Key(hostile): {Text: hostile},
			}}},
			Notes: []string{hostile},
		}},
		Problems: []model.Problem{{Message: hostile}},
	}
	r := Check(b)
	r.Findings = append(r.Findings, Finding{Severity: Error, Rule: RateMismatch, Table: 0, Row: 0, Column: model.Handled,
		Published: hostile, Expected: hostile, Hint: hostile, Basis: hostile, Message: hostile, Unit: hostile})
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, b, r, WithLinks(Link{Text: hostile, URL: "javascript:alert(1)"}),
		WithAttachments(Attachment{Label: hostile, Name: hostile, Type: `text/csv"><script>`, Data: []byte(hostile)})))
	out := buf.String()
	for _, bad := range []string{"<script", "<img", "<svg onload", `href="javascript:`, "</title><"} {
		assert.NotContains(t, out, bad)
	}
	assert.Contains(t, out, "&lt;script&gt;")
	assert.Contains(t, out, `href="#ZgotmplZ"`, "a javascript: link is defused")
}

// The prose is shown in full with its figures in place: the marked ones
// are exactly those with findings, overlapping phrases each keep their
// number, and figures the paragraphs do not locate are listed apart.
func TestHTMLProseInPlace(t *testing.T) {
	text := "本月共受理诉求1000件同比增加50件，满意率99%。"
	span := func(phrase string, from int) *model.Span {
		i := from + strings.Index(text[from:], phrase)
		return &model.Span{Paragraph: 0, Start: i, End: i + len(phrase)}
	}
	b := &model.Bulletin{
		Paragraphs: []model.Paragraph{{Text: text, Pos: model.Pos{Line: 3}}, {Text: "各单位要认真办理。"}},
		Figures: []model.Figure{
			{Label: "受理诉求", Value: 1000, Unit: "件", Text: "共受理诉求1000件", Span: span("共受理诉求1000件", 0), Parent: -1, Kind: model.Count},
			// A change whose phrase takes in its count's.
			{Label: "同比增加", Value: 50, Unit: "件", Text: "共受理诉求1000件同比增加50件", Span: span("共受理诉求1000件同比增加50件", 0), Parent: 0, Kind: model.Change},
			{Label: "满意率", Value: 99, Unit: "%", Text: "满意率99%", Span: span("满意率99%", 0), Parent: 0, Kind: model.RateFigure},
			{Label: "回访", Value: 800, Unit: "件", Text: "回访800件", Span: &model.Span{Paragraph: 7, Start: 0, End: 3}, Parent: -1, Kind: model.Count},
			{Label: "转办", Value: 700, Unit: "件", Text: "转办700件", Parent: -1, Kind: model.Count},
		},
	}
	at := func(i int) *int { return &i }
	rep := Report{Findings: []Finding{
		{Severity: Error, Rule: ChangeMismatch, Table: -1, Row: -1, Figure: at(1), Published: "50件", Expected: "60件", Message: "change"},
		{Severity: Warning, Rule: RateMismatch, Table: -1, Row: -1, Figure: at(2), Published: "99%", Expected: "98%", Message: "rate"},
		{Severity: Warning, Rule: RateMismatch, Table: -1, Row: -1, Figure: at(3), Published: "800件", Message: "lost"},
	}}
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, b, rep))
	out := buf.String()
	text0 := regexp.MustCompile(`(?s)<p class="para" data-paragraph="0">(.*?)<span class="pos">line 3</span></p>`).FindStringSubmatch(out)
	require.NotNil(t, text0, out)
	// What reads as the paragraph: without the tips (a tip's last item
	// ends it with three closing tags), marks and finding numbers.
	shown := text0[1]
	for _, re := range []string{`<span class="tip".*?</span></span></span>`, `<span class="(?:sym|vh)"[^>]*>[^<]*</span>`, `<sup class="refs">[^<]*</sup>`, `<[^>]+>`} {
		shown = regexp.MustCompile(re).ReplaceAllString(shown, "")
	}
	assert.Equal(t, text, shown, "the paragraph is shown in full, as printed")
	assert.Contains(t, text0[1], `<span class="fig" data-figure="0">共受理诉求<b class="num">1000</b>件</span>`)
	assert.Regexp(t, `<span class="fig mk sev-error" id="f1"[^>]*data-figure="1">.*同比增加<b class="num">50</b>件<sup`, text0[1],
		"the change keeps its own number when its phrase takes in its count's")
	assert.Regexp(t, `<span class="fig mk sev-warning" id="f2"[^>]*data-figure="2">.*满意率<b class="num">99</b>%<sup`, text0[1])
	assert.Contains(t, out, `<p class="para" data-paragraph="1">各单位要认真办理。</p>`)
	notLocated := out[strings.Index(out, "Figures not located in the text"):]
	assert.Regexp(t, `<span class="fig mk sev-warning" id="f3"[^>]*data-figure="3">`, notLocated, "a span outside the paragraphs")
	assert.Contains(t, notLocated, `<span class="fig" data-figure="4">转办<b class="num">700</b>件</span>`, "a figure without a span")

	// Without paragraphs (a bulletin written before they were recorded)
	// every figure is listed in its phrase.
	b.Paragraphs = nil
	buf.Reset()
	require.NoError(t, HTML(&buf, b, rep))
	out = buf.String()
	assert.NotContains(t, out, "data-paragraph")
	assert.NotContains(t, out, "Figures not located")
	for i := range b.Figures {
		assert.Contains(t, out, `data-figure="`+strconv.Itoa(i)+`"`)
	}
}

func TestHTMLAttachments(t *testing.T) {
	b := loadFixture(t, "rate_mismatch")
	out := string(renderHTML(t, b, WithLinks(Link{Text: "Check another file", URL: "/"}),
		WithAttachments(Attachment{Label: "CSV", Name: "甲.csv", Type: "text/csv; charset=utf-8", Data: []byte("\ufeffa,b\n")})))
	assert.Contains(t, out, `<a href="/">Check another file</a>`)
	assert.Contains(t, out, `<a href="data:text/csv;charset=utf-8;base64,77u/YSxiCg==" download="甲.csv">CSV</a>`)
}

// A bulletin with nothing in it, or none at all, still gives a page.
func TestHTMLEmpty(t *testing.T) {
	for _, b := range []*model.Bulletin{nil, {}} {
		var buf bytes.Buffer
		require.NoError(t, HTML(&buf, b, Check(b)))
		assert.Contains(t, buf.String(), "No findings")
		assert.True(t, strings.HasSuffix(buf.String(), "</html>\n"))
	}
	var buf bytes.Buffer
	require.NoError(t, HTMLIndex(&buf, "empty", nil))
	assert.Contains(t, buf.String(), "no files")
}

func TestHTMLHeadRows(t *testing.T) {
	cols := []htmlCol{{Key: "seq", Header: "序号"}, {Key: model.Unit, Header: "单位名称"},
		{Key: "a/handled", Header: "电话/办理数"}, {Key: "a/on_time", Header: "电话/按时办结数"},
		{Key: "score", Header: "得分"}, {Key: "b/handled", Header: "网络/办理数"}}
	head := htmlHeadRows(cols)
	require.Len(t, head, 2)
	var top []string
	for _, h := range head[0] {
		top = append(top, h.Text+"/"+h.Scope+"/"+strconv.Itoa(h.ColSpan)+"/"+strconv.Itoa(h.RowSpan))
	}
	assert.Equal(t, []string{"序号/col/0/2", "单位名称/col/0/2", "电话/colgroup/2/0", "得分/col/0/2", "网络/colgroup/1/0"}, top)
	require.Len(t, head[1], 3)
	ht := &htmlTable{Cols: cols, Head: head}
	for col, want := range []string{"序号", "单位名称", "办理数", "按时办结数", "得分", "办理数"} {
		assert.Equal(t, want, ht.headOf(col).Text, "column %d", col)
	}
	assert.Same(t, &head[1][2], ht.headOf(5))
}

// FuzzHTML writes the report page of bulletins decoded from arbitrary
// JSON (seeded like FuzzCheck), with a finding pointing at a place chosen
// by the input: the page must be written, give every finding one anchor,
// and carry no markup from the input.
func FuzzHTML(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	seeds = append(seeds, "../testdata/yanshi-2023-03.golden.json")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, 0, 1, -1)
		}
	}
	f.Add([]byte(`{"title":"<script>x</script>","tables":[{"columns":[{"header":"a/b/c","key":"k"}],"rows":[{"unit":"<b>","cells":{"z":{"text":"</td>"}}}]}]}`), 0, 0, 3)
	f.Fuzz(func(t *testing.T, data []byte, table, row, fig int) {
		var b model.Bulletin
		if json.Unmarshal(data, &b) != nil {
			return
		}
		fillValues(&b)
		rep := Check(&b)
		planted := Finding{Severity: Warning, Rule: Format, Table: table, Row: row, Column: "k", Message: "planted"}
		if fig >= 0 {
			planted.Figure = &fig
		}
		rep.Findings = append(rep.Findings, planted)
		var buf bytes.Buffer
		if err := HTML(&buf, &b, rep); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Contains(out, "<script") {
			t.Fatal("markup from the input in the page")
		}
		if n := len(anchorID.FindAllString(out, -1)); n != len(rep.Findings) {
			t.Fatalf("%d anchors for %d findings", n, len(rep.Findings))
		}
	})
}

// BenchmarkHTML measures the report page of the seed (99 unit rows, 10
// findings).
func BenchmarkHTML(b *testing.B) {
	seed := readSeed(b)
	rep := Check(seed)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := HTML(&buf, seed, rep); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
