package interpret

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

func fields(pairs ...string) *block.Fields {
	f := &block.Fields{}
	for i := 0; i+1 < len(pairs); i += 2 {
		f.Fields = append(f.Fields, block.Field{Label: pairs[i], Value: pairs[i+1]})
	}
	return f
}

// TestFieldMetadata: the fields around a document fill what its text
// leaves empty, the catalogue's before the page's, and never replace it.
func TestFieldMetadata(t *testing.T) {
	prose := &block.Paragraph{Text: "5月份，全区共受理群众诉求1200件，按时办结率98.5%。"}
	tests := []struct {
		name           string
		blocks         []block.Block
		issuer, issued string
		title, issueNo string
	}{
		{"the page's line", []block.Block{fields("发布时间", "2024-06-05 09:30", "来源", "某区12345热线工作专班"), prose},
			"某区12345热线工作专班", "2024-06-05", "", ""},
		{"the catalogue before the page", []block.Block{
			fields("ContentSource", "某区人民政府办公室", "PubDate", "2024-06-07"),
			fields("发布机构", "某区12345热线办", "成文日期", "2024/6/5", "文号", "某政办〔2024〕12号", "名称", "某区5月份热线通报"),
			prose},
			"某区12345热线办", "2024-06-05", "某区5月份热线通报", "某政办〔2024〕12号"},
		{"the text before the fields", []block.Block{fields("来源", "某区政务服务中心", "发布日期", "2024-06-09"),
			&block.Paragraph{Text: "某区5月份热线诉求办理情况通报"}, prose,
			&block.Paragraph{Text: "某区政务服务管理局"}, &block.Paragraph{Text: "2024年6月5日"}},
			"某区政务服务管理局", "2024-06-05", "某区5月份热线诉求办理情况通报", ""},
		{"a source that is no office", []block.Block{fields("来源", "本网", "发布时间", "2024年6月5日"), prose},
			"", "2024-06-05", "", ""},
		{"a news site", []block.Block{fields("信息来源", "某某日报", "日期", "June 5"), prose}, "", "", "", ""},
		{"traditional labels and a bad date", []block.Block{fields("發布機構", "某縣熱線辦", "成文日期", "2024-02-30"), prose},
			"某縣熱線辦", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Bulletin(&block.Document{Blocks: tt.blocks})
			require.Equal(t, tt.issuer, b.Issuer)
			require.Equal(t, tt.issued, b.Issued.String())
			require.Equal(t, tt.title, b.Title)
			require.Equal(t, tt.issueNo, b.IssueNo)
		})
	}
}

func TestFieldDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-06-05": "2024-06-05", "2024-6-5 17:01": "2024-06-05", "2024/06/05": "2024-06-05",
		"2024.6.5": "2024-06-05", "2024年6月5日": "2024-06-05", "２０２４－０６－０５": "2024-06-05",
		"24-06-05": "", "2024-13-01": "", "2024-06": "", "昨天": "",
	} {
		d, ok := fieldDate(in)
		require.Equal(t, want != "", ok, in)
		require.Equal(t, want, d.String(), in)
	}
}

// TestJoin: a page's bulletin completed by its attachments'.
func TestJoin(t *testing.T) {
	table := func(unit, handled string) model.Table {
		v := 1.0
		return model.Table{Label: "附件1", Columns: []model.Column{{Header: "单位", Key: "unit"}, {Header: "办理数", Key: model.Handled}},
			Rows: []model.Row{{Unit: unit, Cells: map[model.Key]model.Cell{model.Handled: {Text: handled, Value: &v}}}}}
	}
	page := &model.Bulletin{
		Title:      "某区通报",
		Source:     model.Source{Parts: []model.Part{{Name: "page.html"}, {Name: "fj1.docx"}, {Name: "fj2.pdf"}}},
		Paragraphs: []model.Paragraph{{Text: "区住建局办理较好。"}},
		Tables:     []model.Table{table("区城管局", "1")},
		Mentions:   []model.Mention{{Unit: "区住建局", Role: model.Praised, Matches: []model.UnitRef{}}},
	}
	fj1 := &model.Bulletin{Title: "附件", Issuer: "某区热线办", Issued: model.Date{Year: 2024, Month: 6, Day: 5},
		Paragraphs: []model.Paragraph{{Text: "本月受理3件。"}},
		Tables:     []model.Table{table("区城管局", "1"), table("住建局", "7")},
		Figures:    []model.Figure{{Label: "受理", Value: 3, Text: "受理3件", Span: &model.Span{Paragraph: 0, Start: 6, End: 16}}},
		Problems:   []model.Problem{{Message: "row 3 has 9 cells"}}}
	fj2 := &model.Bulletin{Tables: []model.Table{table("区民政局", "2")}, Figures: []model.Figure{{Label: "别的", Value: 4}}}
	Join(page, []*model.Bulletin{fj1, fj2})
	require.Equal(t, "某区通报", page.Title, "the page's own")
	require.Equal(t, "某区热线办", page.Issuer, "from the attachment")
	require.Equal(t, "2024-06-05", page.Issued.String())
	require.Len(t, page.Tables, 3, "the page's table is not repeated")
	require.Equal(t, []int{0, 1, 2}, []int{page.Tables[0].Part, page.Tables[1].Part, page.Tables[2].Part})
	require.Equal(t, []model.Figure{{Label: "受理", Value: 3, Text: "受理3件", Span: &model.Span{Paragraph: 1, Start: 6, End: 16}}}, page.Figures,
		"the first attachment's figures, located in its paragraphs after the page's")
	require.Equal(t, []model.Paragraph{{Text: "区住建局办理较好。"}, {Text: "本月受理3件。"}}, page.Paragraphs)
	require.Equal(t, &model.Span{Paragraph: 0, Start: 6, End: 16}, fj1.Figures[0].Span, "the attachment's own figure is left as it was")
	require.Equal(t, []model.UnitRef{{Table: 1, Row: 0, Unit: "住建局"}}, page.Mentions[0].Matches)
	require.Equal(t, "fj1.docx: row 3 has 9 cells", page.Problems[0].Message)
}

// A page's 来源 names an issuer only when the name ends like an office's:
// the one list of office words, which the masthead reader uses too (the
// field reader's own list lacked 大厅 and 小组; the masthead's lacked 处,
// 科, 站, 厅, 部 and 工作组).
func TestFieldIssuerOfficeWords(t *testing.T) {
	for _, w := range vocab.OfficeWords.Words() {
		name := "城关区政务服务" + w
		got, ok := fieldIssuer(name, rankPage)
		assert.True(t, ok, name)
		assert.Equal(t, name, got)
	}
	for _, s := range []string{"城关区新闻网", "本网", "城关区融媒体"} {
		_, ok := fieldIssuer(s, rankPage)
		assert.False(t, ok, s)
	}
}

// fieldWordTests test every field label: printed with a colon, spaces and
// in upper case, the catalogue's before the page's.
var fieldWordTests = map[string]func(t *testing.T, w string){
	"catalogue issuer labels": func(t *testing.T, w string) {
		b := fieldBulletin("来源", "某区政务服务中心", printedLabel(w), "某区12345热线办")
		assert.Equal(t, "某区12345热线办", b.Issuer, w)
	},
	"page issuer labels": func(t *testing.T, w string) {
		assert.Equal(t, "某区政务服务中心", fieldBulletin(printedLabel(w), "某区政务服务中心").Issuer, w)
		assert.Equal(t, "", fieldBulletin(printedLabel(w), "本网").Issuer, "a page's source must end like an office: %s", w)
	},
	"catalogue date labels": func(t *testing.T, w string) {
		b := fieldBulletin("发布日期", "2024-06-09", printedLabel(w), "2024-06-05")
		assert.Equal(t, "2024-06-05", b.Issued.String(), w)
	},
	"page date labels": func(t *testing.T, w string) {
		assert.Equal(t, "2024-06-09", fieldBulletin(printedLabel(w), "2024-06-09").Issued.String(), w)
	},
	"catalogue title labels": func(t *testing.T, w string) {
		assert.Equal(t, "某区5月份热线通报", fieldBulletin("articletitle", "某区新闻网", printedLabel(w), "某区5月份热线通报").Title, w)
	},
	"page title labels": func(t *testing.T, w string) {
		assert.Equal(t, "某区5月份热线通报", fieldBulletin(printedLabel(w), "某区5月份热线通报").Title, w)
	},
	"catalogue issue number labels": func(t *testing.T, w string) {
		assert.Equal(t, "某政办〔2024〕12号", fieldBulletin(printedLabel(w), "某政办〔2024〕12号").IssueNo, w)
	},
}

// printedLabel prints a label as pages do: upper case, a space inside, a
// full-width colon after it.
func printedLabel(w string) string {
	r := []rune(strings.ToUpper(w))
	return string(r[:1]) + " " + string(r[1:]) + "："
}

func fieldBulletin(pairs ...string) *model.Bulletin {
	return Bulletin(&block.Document{Blocks: []block.Block{fields(pairs...),
		&block.Paragraph{Text: "5月份，全区共受理群众诉求1200件，按时办结率98.5%。"}}})
}

func TestFieldLabelNearMisses(t *testing.T) {
	b := fieldBulletin("联系电话", "12345", "发布人", "某区政务服务中心", "浏览次数", "2024-06-05", "索引号", "某政办〔2024〕12号")
	assert.Equal(t, "", b.Issuer)
	assert.True(t, b.Issued.IsZero())
	assert.Equal(t, "", b.IssueNo)
}
