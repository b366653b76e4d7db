package interpret

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

func d(y int, m time.Month, day int) model.Date { return model.Date{Year: y, Month: m, Day: day} }

// TestFindPeriod covers the ways bulletins print their period.
func TestFindPeriod(t *testing.T) {
	ref := d(2023, 4, 27)
	tests := []struct {
		text       string
		ref        model.Date
		start, end model.Date
		label      string
	}{
		{"3月份12345政务服务便民热线", ref, d(2023, 3, 1), d(2023, 3, 31), "3月份"},
		{"12月份群众诉求办理情况通报", d(2024, 1, 10), d(2023, 12, 1), d(2023, 12, 31), "12月份"},
		{"2023年3月份，区便民热线共受理", ref, d(2023, 3, 1), d(2023, 3, 31), "2023年3月份"},
		{"2023年1-4月累计受理", ref, d(2023, 1, 1), d(2023, 4, 30), "2023年1-4月"},
		{"1—4月，全市热线", d(2023, 5, 10), d(2023, 1, 1), d(2023, 4, 30), "1—4月"},
		{"1月至4月", d(2023, 5, 10), d(2023, 1, 1), d(2023, 4, 30), "1月至4月"},
		{"2024年第28周（7月8日—7月14日）热线运行情况", ref, d(2024, 7, 8), d(2024, 7, 14), "2024年第28周（7月8日—7月14日）"},
		{"2024年第28周（7月8日0时—7月14日24时）", ref, d(2024, 7, 8), d(2024, 7, 14), "2024年第28周（7月8日0时—7月14日24时）"},
		{"第28周", d(2024, 7, 20), d(2024, 7, 8), d(2024, 7, 14), "第28周"},
		{"第三季度全区热线", d(2023, 10, 15), d(2023, 7, 1), d(2023, 9, 30), "第三季度"},
		{"全区12345热线前三季度运行情况", d(2024, 10, 10), d(2024, 1, 1), d(2024, 9, 30), "前三季度"},
		{"2023年前两季度热线", d(2023, 7, 5), d(2023, 1, 1), d(2023, 6, 30), "2023年前两季度"},
		{"2022年第4季度", ref, d(2022, 10, 1), d(2022, 12, 31), "2022年第4季度"},
		{"2023年上半年", ref, d(2023, 1, 1), d(2023, 6, 30), "2023年上半年"},
		{"下半年", d(2024, 1, 5), d(2023, 7, 1), d(2023, 12, 31), "下半年"},
		{"2019年9月26日-2019年10月25日期间", ref, d(2019, 9, 26), d(2019, 10, 25), "2019年9月26日-2019年10月25日"},
		{"9月26日至10月25日", d(2019, 11, 1), d(2019, 9, 26), d(2019, 10, 25), "9月26日至10月25日"},
		{"2023年12月26日至2024年1月25日", ref, d(2023, 12, 26), d(2024, 1, 25), "2023年12月26日至2024年1月25日"},
		{"２０２３年３月份", ref, d(2023, 3, 1), d(2023, 3, 31), "２０２３年３月份"},
		{"二〇二四年一月份热线", ref, d(2024, 1, 1), d(2024, 1, 31), "二〇二四年一月份"},
		{"112年3月", ref, d(2023, 3, 1), d(2023, 3, 31), "112年3月"},
		{"2023年度", ref, d(2023, 1, 1), d(2023, 12, 31), "2023年度"},
	}
	for _, tt := range tests {
		p, ok := findPeriod(tt.text, tt.ref)
		require.True(t, ok, tt.text)
		assert.Equal(t, tt.start, p.Start, tt.text)
		assert.Equal(t, tt.end, p.End, tt.text)
		assert.Equal(t, tt.label, p.Label, tt.text)
	}
	for _, text := range []string{"4月27日", "12345热线", "共受理诉求2660件"} {
		_, ok := findPeriod(text, ref)
		assert.False(t, ok, text)
	}
}

// TestMetadata reads mastheads, signatures, dates and issue numbers.
func TestMetadata(t *testing.T) {
	tests := []struct {
		name    string
		paras   []string
		title   string
		issuer  string
		issued  model.Date
		issueNo string
	}{
		{"masthead", []string{"洛阳市偃师区政务服务和大数据管理局    2023年4月27日", "3月份12345政务服务便民热线", "群众诉求事项办理情况通报", "2023年3月份，共受理各类诉求2660件。"},
			"3月份12345政务服务便民热线群众诉求事项办理情况通报", "洛阳市偃师区政务服务和大数据管理局", d(2023, 4, 27), ""},
		{"issue number and signature", []string{"12345热线工作简报", "2023年第5期（总第74期）", "关于4月份12345热线诉求办理情况的通报", "4月份，热线共受理诉求1200件。", "某某县政务服务中心", "2023年5月8日"},
			"关于4月份12345热线诉求办理情况的通报", "某某县政务服务中心", d(2023, 5, 8), "2023年第5期（总第74期）"},
		{"chinese numeral date", []string{"〔2020〕第9期", "热线周报", "本周共受理诉求300件。", "二〇二四年一月十日"},
			"热线周报", "", d(2024, 1, 10), "〔2020〕第9期"},
		{"ROC date", []string{"市民热线服务中心  112年4月27日", "3月份热线办理情况通报"},
			"3月份热线办理情况通报", "市民热线服务中心", d(2023, 4, 27), ""},
		{"heading after the title", []string{"12345热线工作周报", "2024年第28期（总第156期）", "某某市政务服务和大数据管理局    2024年7月16日",
			"2024年第28周（7月8日—7月14日）全市12345热线运行情况通报", "一、总体情况", "本周共受理诉求12345件。"},
			"2024年第28周（7月8日—7月14日）全市12345热线运行情况通报", "某某市政务服务和大数据管理局", d(2024, 7, 16), "2024年第28期（总第156期）"},
		{"document number", []string{"城政数〔2024〕3号", "城关区政务服务和数据管理局关于2023年12月份热线办理情况的通报"},
			"城关区政务服务和数据管理局关于2023年12月份热线办理情况的通报", "城关区政务服务和数据管理局", model.Date{}, "城政数〔2024〕3号"},
		// The classes of metadata the interpreter used to miss: issuers
		// with digits, alone under the title or signing far from the end,
		// mastheads without an office word, traditional titles, and
		// bracketed title lines.
		{"issuer with digits in the signature",
			[]string{"11月份12345热线工单办理情况通报", "11月，县热线共受理诉求980件。", "各单位要认真办理。", "桃源县12345热线办", "二〇二三年十二月六日"},
			"11月份12345热线工单办理情况通报", "桃源县12345热线办", d(2023, 12, 6), ""},
		{"full-width digits in a masthead",
			[]string{"桃源县１２３４５热线服务中心    2024年3月4日", "桃源县１２３４５热线第9周工单办理通报", "本周共受理诉求210件。"},
			"桃源县１２３４５热线第9周工单办理通报", "桃源县１２３４５热线服务中心", d(2024, 3, 4), ""},
		{"issuer alone under the title",
			[]string{"关于5月份群众诉求办理情况的通报", "桃源县政务服务中心", "5月份，县热线共受理诉求1200件。", "2024年6月3日"},
			"关于5月份群众诉求办理情况的通报", "桃源县政务服务中心", d(2024, 6, 3), ""},
		{"signature far from the end, page numbers between",
			[]string{"6月份热线运行情况通报", "6月，全县热线共受理诉求700件。", "各单位要认真整改。", "桃源县政务服务中心", "— 2 —",
				"2024年7月2日", "— 3 —", "附件说明一。", "附件说明二。", "附件说明三。", "附件说明四。", "附件说明五。", "附件说明六。", "— 4 —"},
			"6月份热线运行情况通报", "桃源县政务服务中心", d(2024, 7, 2), ""},
		{"a news outlet's masthead",
			[]string{"桃源融媒记者站    2024年5月9日", "4月份桃源县12345热线运行情况", "4月，全县热线共受理诉求860件。"},
			"4月份桃源县12345热线运行情况", "桃源融媒记者站", d(2024, 5, 9), ""},
		{"title in traditional characters",
			[]string{"2023年第四季度12345熱線運行情況", "2023年第四季度，全縣熱線共受理訴求3300件。", "桃源縣12345熱線辦", "二〇二四年一月八日"},
			"2023年第四季度12345熱線運行情況", "桃源縣12345熱線辦", d(2024, 1, 8), ""},
		{"a bracketed line ends the title",
			[]string{"桃源区12345热线工单办理情况", "（截至9月10日）", "截至9月10日，今年以来全区热线共受理诉求9000件。", "桃源区热线管理中心", "2024年9月12日"},
			"桃源区12345热线工单办理情况（截至9月10日）", "桃源区热线管理中心", d(2024, 9, 12), ""},
		{"a periodical's bracketed line is its issue",
			[]string{"桃源区12345热线工单办理周报", "（2024年第12周）", "桃源区热线管理中心  2024年3月25日", "本周共受理诉求300件。"},
			"桃源区12345热线工单办理周报", "桃源区热线管理中心", d(2024, 3, 25), ""},
		{"a date alone is no table title",
			[]string{"9月份热线通报", "9月，全区热线共受理诉求400件。", "桃源区热线管理中心", "2024年10月8日"},
			"9月份热线通报", "桃源区热线管理中心", d(2024, 10, 8), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var blocks []block.Block
			for i, p := range tt.paras {
				blocks = append(blocks, &block.Paragraph{Text: p, Pos: model.Pos{Line: i + 1}})
			}
			b := Bulletin(&block.Document{Blocks: blocks})
			assert.Equal(t, tt.title, b.Title)
			assert.Equal(t, tt.issuer, b.Issuer)
			assert.Equal(t, tt.issued, b.Issued)
			assert.Equal(t, tt.issueNo, b.IssueNo)
		})
	}
}

// fig is a figure in short: kind, label, value, unit, parent, share.
func fig(f model.Figure) string {
	s := fmt.Sprintf("%s %s %g%s ^%d", f.Kind, f.Label, f.Value, f.Unit, f.Parent)
	if f.Share != nil {
		s += fmt.Sprintf(" 占%g%%", *f.Share)
	}
	if f.Base != nil {
		s += fmt.Sprintf(" base %g", *f.Base)
	}
	return s
}

// TestFigures reads the forms of figures in bulletin prose.
func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"2023年3月份，区便民热线综合服务中心共受理各类诉求2660件。其中，电话诉求事项2364件（洛阳市转办2329件、偃师区自行受理35件）、网民诉求296件，共涉及57家区直单位、13个镇（街道），目前已全部办结。",
			[]string{"count 受理各类诉求 2660件 ^-1", "count 电话诉求事项 2364件 ^0", "count 洛阳市转办 2329件 ^1",
				"count 偃师区自行受理 35件 ^1", "count 网民诉求 296件 ^0", "count 区直单位 57家 ^-1", "count 镇（街道） 13个 ^-1"}},
		{"全年共受理群众诉求9.67万件。", []string{"count 受理群众诉求 96700件 ^-1"}},
		{"共接听来电3.2万通，其中转办工单1,234件。", []string{"count 接听来电 32000通 ^-1", "count 转办工单 1234件 ^0"}},
		{"抽查回访工单1699件，其中不满意41件，满意率97.59%。",
			[]string{"count 抽查回访工单 1699件 ^-1", "count 不满意 41件 ^0", "rate 满意率 97.59% ^0"}},
		{"其中不满意两件，满意率百分之百。", []string{"count 不满意 2件 ^-1", "rate 满意率 100% ^-1"}},
		{"受理群众诉求12,345件，其中咨询类5,678件，占46%；投诉类4,000件，占比32.4%；求助类2,667件，约占受理总量的21.6%。",
			[]string{"count 受理群众诉求 12345件 ^-1", "count 咨询类 5678件 ^0 占46%", "count 投诉类 4000件 ^0 占32.4%", "count 求助类 2667件 ^0 占21.6%"}},
		{"热线电话、网络平台、微信分别受理1200件、800件、500件，分别占48%、32%、20%。",
			[]string{"count 热线电话 1200件 ^-1 占48%", "count 网络平台 800件 ^-1 占32%", "count 微信 500件 ^-1 占20%"}},
		{"共受理诉求71297件，同比增加7181件，增幅11.2%。",
			[]string{"count 受理诉求 71297件 ^-1", "change 同比增加 7181件 ^0", "change 增幅 11.2% ^0"}},
		{"群众满意率为96.5%，环比下降0.16%。", []string{"rate 群众满意率 96.5% ^-1", "change 环比下降 -0.16% ^0"}},
		{"按时办结率98.2%，较上月提升3.67个百分点。", []string{"rate 按时办结率 98.2% ^-1", "change 较上月提升 3.67个百分点 ^0"}},
		{"本月受理1200件，较上月（1050件）增加150件。", []string{"count 受理 1200件 ^-1", "change 较上月（1050件）增加 150件 ^0 base 1050"}},
		{"县公安局受理287宗，居各单位之首。", []string{"count 县公安局受理 287宗 ^-1"}},
		{"本周受理诉求356件(次)。", []string{"count 受理诉求 356件（次） ^-1"}},
		{"共受理诉求800件，其中，城建类300件（供水120件、供电80件、燃气100件）、环保类200件。",
			[]string{"count 受理诉求 800件 ^-1", "count 城建类 300件 ^0", "count 供水 120件 ^1", "count 供电 80件 ^1", "count 燃气 100件 ^1", "count 环保类 200件 ^0"}},
		{"12345热线在3个工作日内完成回访，一次性办结率较高。", nil},
		{"各单位要第一时间处理，两个月内整改到位。", nil},
		{"办结率下降2个百分点。", []string{"change 办结率下降 -2个百分点 ^-1"}},
		{"受理量排名前三的县区是：城关区(2,345件)、高新区（1876件）。", []string{"count 城关区 2345件 ^-1", "count 高新区 1876件 ^-1"}},
	}
	for _, tt := range tests {
		b := Bulletin(&block.Document{Blocks: []block.Block{&block.Paragraph{Text: tt.text}}})
		var got []string
		for _, f := range b.Figures {
			got = append(got, fig(f))
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
}

func TestLostNumber(t *testing.T) {
	b := Bulletin(&block.Document{Blocks: []block.Block{&block.Paragraph{Text: "本月共受理…件，其中电话诉求××件。", Pos: model.Pos{Line: 9}}}})
	assert.Empty(t, b.Figures)
	require.NotEmpty(t, b.Problems)
	assert.Equal(t, 9, b.Problems[0].Pos.Line)
	assert.Contains(t, b.Problems[0].Message, "missing")
}

// TestMentions reads lists of praised, criticised and ranked units and
// links them to the tables.
func TestMentions(t *testing.T) {
	table := tbl(
		[]string{"单位名称", "办理数"},
		[]string{"烟草局", "4"}, []string{"交警大队", "72"}, []string{"高龙镇", "43"},
		[]string{"市场监管局", "119"}, []string{"自然资源和规划局", "106"}, []string{"财政局", "1"},
		[]string{"商城街道", "109"},
	)
	tests := []struct {
		text string
		want []string // role unit value -> matched table unit
	}{
		{"其中电话诉求事项办理情况较好的单位是区烟草局、交警大队和高龙镇，网民诉求事项办理情况较好的单位是区市场监管局、自然资源和规划局。",
			[]string{"praised 区烟草局 -> 烟草局", "praised 交警大队 -> 交警大队", "praised 高龙镇 -> 高龙镇",
				"praised 区市场监管局 -> 市场监管局", "praised 自然资源和规划局 -> 自然资源和规划局"}},
		{"有待改进提高的单位是区财政局和商城街道。存在的主要问题是按时办结率低。",
			[]string{"criticised 区财政局 -> 财政局", "criticised 商城街道 -> 商城街道"}},
		{"受理量排名前三的单位是：县公安局(287宗)、县住建局(156宗)、县人社局（98宗）。",
			[]string{"ranked 县公安局 287宗 -> ", "ranked 县住建局 156宗 -> ", "ranked 县人社局 98宗 -> "}},
		{"综合得分前三名的镇是南湖洲镇(100分)、茶园镇(98.5分)、花园镇(97分)、东山镇(97分)。",
			[]string{"ranked 南湖洲镇 100分 -> ", "ranked 茶园镇 98.5分 -> ", "ranked 花园镇 97分 -> ", "ranked 东山镇 97分 -> "}},
		{"对以下单位予以通报批评：区财政局、县水利局。",
			[]string{"criticised 区财政局 -> 财政局", "criticised 县水利局 -> "}},
	}
	for _, tt := range tests {
		b := Bulletin(&block.Document{Blocks: []block.Block{table, &block.Paragraph{Text: tt.text}}})
		var got []string
		for _, m := range b.Mentions {
			s := m.Role + " " + m.Unit
			if m.Value != nil {
				s += fmt.Sprintf(" %g%s", *m.Value, m.ValueUnit)
			}
			var units []string
			for _, r := range m.Matches {
				units = append(units, r.Unit)
			}
			got = append(got, s+" -> "+strings.Join(units, ","))
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
}

func TestDefinitions(t *testing.T) {
	tests := []struct {
		note string
		want model.Definition
	}{
		{"满意率＝满意数÷回访数×100%", model.Definition{Key: model.SatisfactionRate, Numerator: model.Satisfied, Denominator: model.Visited}},
		{"按时办结率=按时办结件数/办结件数", model.Definition{Key: model.OnTimeRate, Numerator: model.OnTime, Denominator: model.Closed}},
		{"交办事项按时限办理回复、诉求人未明确表示不满意、事项已彻底办结的为优秀件",
			model.Definition{Key: model.Excellent, Implies: []model.Key{model.OnTime, model.Satisfied, model.Closed}}},
		{"交办事项认真办理、按时限回复为按时办结", model.Definition{Key: model.OnTime}},
	}
	for _, tt := range tests {
		got, ok := definition(tt.note)
		require.True(t, ok, tt.note)
		tt.want.Text = tt.note
		assert.Equal(t, tt.want, got)
	}
	_, ok := definition("数据来源于12345热线平台")
	assert.False(t, ok)
}

// A mirror site's traditional-character copy reads as the simplified one;
// labels and names stay as printed.
func TestTraditional(t *testing.T) {
	b := Bulletin(&block.Document{Blocks: []block.Block{
		&block.Paragraph{Text: "洛陽市偃師區政務服務和大數據管理局    2023年4月27日"},
		&block.Paragraph{Text: "3月份12345政務服務便民熱線群眾訴求事項辦理情況通報"},
		&block.Paragraph{Text: "2023年3月份，區便民熱線共受理各類訴求2660件。其中，電話訴求事項2364件、網民訴求296件。"},
		&block.Paragraph{Text: "其中電話訴求事項辦理情況較好的單位是區煙草局、交警大隊。"},
		tbl([]string{"單位名稱", "辦理數", "按時辦結(jié)率"}, []string{"煙草局", "4", "100%"}, []string{"交警大隊", "72", "100%"}),
	}})
	assert.Equal(t, "洛陽市偃師區政務服務和大數據管理局", b.Issuer)
	assert.Equal(t, d(2023, 3, 1), b.Period.Start)
	var figs []string
	for _, f := range b.Figures {
		figs = append(figs, fig(f))
	}
	assert.Equal(t, []string{"count 受理各類訴求 2660件 ^-1", "count 電話訴求事項 2364件 ^0", "count 網民訴求 296件 ^0"}, figs)
	require.Len(t, b.Mentions, 2)
	assert.Equal(t, "煙草局", b.Mentions[0].Matches[0].Unit)
	assert.Equal(t, []model.Key{"unit", "handled", "on_time_rate"}, columnKeys(b.Tables[0]))
}

// TestParagraphs: the bulletin's paragraphs are the body's prose as the
// figures are read from it (the title, a table's caption and notes, page
// furniture and page numbers left out; a sentence broken over paragraphs
// joined; glosses dropped), and each figure's span is its phrase as
// printed there, full-width digits and layout spaces included.
func TestParagraphs(t *testing.T) {
	head := &block.Paragraph{Text: "桃源县热线办", Region: block.Header}
	b := Bulletin(doc(
		head,
		para("桃源县12345热线工单办理情况通报"),
		para("桃源县热线办    2024年5月6日"),
		para("  4月份，县热线共受理诉求 1200 件，其中电话诉求９００件、网络"),
		para("诉求300件。"),
		para("— 1 —"),
		para("办結(jié)率较上月提升0.5个百分点。"),
		para("附件1"),
		para("4月份各单位办理情况"),
		tbl([]string{"单位", "办理数"}, []string{"甲局", "5"}),
		para("注：办理数含转办件。"),
		para("桃源县热线办"),
	))
	var texts []string
	for _, p := range b.Paragraphs {
		texts = append(texts, p.Text)
	}
	assert.Equal(t, []string{
		"桃源县热线办    2024年5月6日",
		"4月份，县热线共受理诉求 1200 件，其中电话诉求９００件、网络诉求300件。",
		"办結率较上月提升0.5个百分点。",
		"桃源县热线办",
	}, texts)
	var phrases []string
	for _, f := range b.Figures {
		require.NotNil(t, f.Span, f.Text)
		phrase, ok := f.Span.Phrase(b.Paragraphs)
		require.True(t, ok, f.Text)
		phrases = append(phrases, fmt.Sprintf("%d %s|%s", f.Span.Paragraph, phrase, f.Text))
	}
	assert.Equal(t, []string{
		"1 共受理诉求 1200 件|共受理诉求1200件",
		"1 其中电话诉求９００件|其中电话诉求９００件",
		"1 网络诉求300件|网络诉求300件",
		"2 办結率较上月提升0.5个百分点|办結率较上月提升0.5个百分点",
	}, phrases)
}
