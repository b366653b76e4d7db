package interpret

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// tree prints the figures of a bulletin one per line, with what places
// them in the tree: "0 count 受理诉求 800件 ^-1", then as they apply " L1"
// (the list, numbered in order of first appearance), " 占20%", " of=0"
// (the figure a share is taken of), " num=1" (a rate's numerator),
// " cmp=同比", " base=1050", " pu=万件" (the printed unit).
func tree(figs []model.Figure) []string {
	lists := map[int]int{}
	out := make([]string, 0, len(figs))
	for i, f := range figs {
		s := fmt.Sprintf("%d %s %s %s%s ^%d", i, f.Kind, f.Label, strconv.FormatFloat(f.Value, 'f', -1, 64), f.Unit, f.Parent)
		if f.List != 0 {
			if _, ok := lists[f.List]; !ok {
				lists[f.List] = len(lists) + 1
			}
			s += fmt.Sprintf(" L%d", lists[f.List])
		}
		if f.Share != nil {
			s += fmt.Sprintf(" 占%g%%", *f.Share)
		}
		if f.ShareOf != nil {
			s += fmt.Sprintf(" of=%d", *f.ShareOf)
		}
		if f.Numerator != nil {
			s += fmt.Sprintf(" num=%d", *f.Numerator)
		}
		if f.Compare != "" {
			s += " cmp=" + f.Compare
		}
		if f.Base != nil {
			s += fmt.Sprintf(" base=%g", *f.Base)
		}
		if f.PrintedUnit != "" {
			s += " pu=" + f.PrintedUnit
		}
		out = append(out, s)
	}
	return out
}

// readProse interprets paragraphs of prose.
func readProse(paras ...string) *model.Bulletin {
	var blocks []block.Block
	for i, p := range paras {
		blocks = append(blocks, &block.Paragraph{Text: p, Pos: model.Pos{Line: i + 1}})
	}
	return Bulletin(&block.Document{Blocks: blocks})
}

// checkSpans checks that every figure's span holds the phrase it was read
// from: its Text with the layout's spaces.
func checkSpans(t testing.TB, b *model.Bulletin) {
	t.Helper()
	for i, f := range b.Figures {
		if f.Span == nil {
			t.Fatalf("figure %d %q has no span", i, f.Text)
		}
		phrase, ok := f.Span.Phrase(b.Paragraphs)
		if !ok || compactTitle(phrase) != f.Text || strings.TrimSpace(phrase) != phrase {
			t.Fatalf("figure %d %q: span %+v holds %q (ok %v)", i, f.Text, *f.Span, phrase, ok)
		}
	}
}

// figureCase is prose (paragraphs) and the figure tree it states.
type figureCase struct {
	name  string
	paras []string
	want  []string
}

func runFigureCases(t *testing.T, cases []figureCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := readProse(tc.paras...)
			assert.Equal(t, tc.want, tree(b.Figures), strings.Join(tc.paras, "\n"))
			checkSpans(t, b)
		})
	}
}

// Class 1: a change is read as a change, belongs to the figure it
// compares and is never the whole of a later list.
func TestFigureChanges(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"change before a 其中 list", []string{"本月共受理群众诉求3200件，比上年同期减少86件，同比下降2.6%。其中，来电2500件，网络留言700件。"},
			[]string{"0 count 受理群众诉求 3200件 ^-1", "1 change 比上年同期减少 -86件 ^0 cmp=比上年同期",
				"2 change 同比下降 -2.6% ^0 cmp=同比", "3 count 来电 2500件 ^0 L1", "4 count 网络留言 700件 ^0 L1"}},
		{"against the last issue", []string{"第二季度受理工单5120件，比上期增加240件，其中咨询类3000件、求助类2120件。"},
			[]string{"0 count 受理工单 5120件 ^-1", "1 change 比上期增加 240件 ^0 cmp=比上期",
				"2 count 咨询类 3000件 ^0 L1", "3 count 求助类 2120件 ^0 L1"}},
		{"fewer, in 万", []string{"热线共接听来电1.8万通，较上季度少37通。"},
			[]string{"0 count 接听来电 18000通 ^-1 pu=万通", "1 change 较上季度少 -37通 ^0 cmp=较上季度"}},
		{"points of a rate", []string{"办结率为96.5%，环比下降3个百分点。"},
			[]string{"0 rate 办结率 96.5% ^-1", "1 change 环比下降 -3个百分点 ^0 cmp=环比"}},
		{"two comparisons of one rate", []string{"满意率98.1%，同比提高1.2个百分点，较上月提升0.4个百分点。"},
			[]string{"0 rate 满意率 98.1% ^-1", "1 change 同比提高 1.2个百分点 ^0 cmp=同比",
				"2 change 较上月提升 0.4个百分点 ^0 cmp=较上月"}},
		{"base in brackets", []string{"全区受理诉求986件，较上月（1012件）减少26件。"},
			[]string{"0 count 全区受理诉求 986件 ^-1", "1 change 较上月（1012件）减少 -26件 ^0 cmp=较上月 base=1012"}},
		{"与…相比 and a relative change", []string{"本周受理量为650件，与上周相比增加45件，增幅7.4%。"},
			[]string{"0 count 受理量 650件 ^-1", "1 change 与上周相比增加 45件 ^0 cmp=与上周", "2 change 增幅 7.4% ^0"}},
		{"其中 in the next sentence skips the change", []string{"共受理诉求4400件，同比增加300件。其中城镇2600件，农村1800件。"},
			[]string{"0 count 受理诉求 4400件 ^-1", "1 change 同比增加 300件 ^0 cmp=同比",
				"2 count 城镇 2600件 ^0 L1", "3 count 农村 1800件 ^0 L1"}},
		{"change in 万", []string{"全年受理诉求12.4万件，比上年减少0.8万件。"},
			[]string{"0 count 受理诉求 124000件 ^-1 pu=万件", "1 change 比上年减少 -8000件 ^0 cmp=比上年 pu=万件"}},
		{"subject before the comparison", []string{"投诉类诉求720件，受理量同比减少120件。"},
			[]string{"0 count 投诉类诉求 720件 ^-1", "1 change 受理量同比减少 -120件 ^0 cmp=同比"}},
	})
}

// Class 2: total markers start a clause; 共 inside a word (公共, 共享)
// marks nothing.
func TestFigureTotalMarkers(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"公共 before 共", []string{"公共服务类诉求共210件，其中供水96件、供电114件。"},
			[]string{"0 count 公共服务类诉求 210件 ^-1", "1 count 供水 96件 ^0 L1", "2 count 供电 114件 ^0 L1"}},
		{"公共 in parts", []string{"本月受理诉求500件。", "其中，公共安全类85件，公共卫生类40件。"},
			[]string{"0 count 受理诉求 500件 ^-1", "1 count 公共安全类 85件 ^0 L1", "2 count 公共卫生类 40件 ^0 L1"}},
		{"共享 is a part", []string{"本月受理诉求600件，其中城区350件，共享单车类诉求250件。"},
			[]string{"0 count 受理诉求 600件 ^-1", "1 count 城区 350件 ^0 L1", "2 count 共享单车类诉求 250件 ^0 L1"}},
		{"其中 before a colon", []string{"全市合计受理诉求1500件，其中：市直部门900件，区县600件。"},
			[]string{"0 count 受理诉求 1500件 ^-1", "1 count 市直部门 900件 ^0 L1", "2 count 区县 600件 ^0 L1"}},
		{"a total marker ends the list", []string{"其中来电300件，网络100件，共涉及28家单位、6个镇。"},
			[]string{"0 count 来电 300件 ^-1", "1 count 网络 100件 ^-1", "2 count 单位 28家 ^-1", "3 count 镇 6个 ^-1"}},
		{"总计 with a subject", []string{"县热线总计受理来信来电880件。"},
			[]string{"0 count 受理来信来电 880件 ^-1"}},
		{"合计 and a colon list", []string{"今年共受理诉求9000件。投诉集中在两类，合计2100件：噪音1300件，油烟800件。"},
			[]string{"0 count 受理诉求 9000件 ^-1", "1 count 合计 2100件 ^-1", "2 count 噪音 1300件 ^1 L1", "3 count 油烟 800件 ^1 L1"}},
	})
}

// Class 3: 其中 lists parts of the count that opened its statement, not
// of an add-on, an average or the last count before it.
func TestFigurePartsOfStatement(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"另有 opens its own statement", []string{"本月受理诉求2000件。另有175件工单为重复诉求，其中已合并120件。"},
			[]string{"0 count 受理诉求 2000件 ^-1", "1 count 工单 175件 ^-1", "2 count 已合并 120件 ^1 L1"}},
		{"an average is no whole", []string{"本周共受理诉求455件，日均65件，其中夜间诉求84件。"},
			[]string{"0 count 受理诉求 455件 ^-1", "1 average 日均 65件 ^-1", "2 count 夜间诉求 84件 ^0 L1"}},
		{"此外", []string{"本月受理诉求1800件。此外，受理咨询类诉求320件，其中政策咨询180件。"},
			[]string{"0 count 受理诉求 1800件 ^-1", "1 count 受理咨询类诉求 320件 ^-1", "2 count 政策咨询 180件 ^1 L1"}},
		{"其中 in the next paragraph", []string{"一季度全区共受理诉求3600件。", "其中，来电2400件，网络1200件。"},
			[]string{"0 count 受理诉求 3600件 ^-1", "1 count 来电 2400件 ^0 L1", "2 count 网络 1200件 ^0 L1"}},
		{"其中 skips an outcome", []string{"共受理诉求900件，已办结880件。其中，投诉类400件，建议类500件。"},
			[]string{"0 count 受理诉求 900件 ^-1", "1 count 已办结 880件 ^0 L1", "2 count 投诉类 400件 ^0 L2", "3 count 建议类 500件 ^0 L2"}},
		{"其中 after a semicolon", []string{"热线平台受理2100件，同比增加150件；其中转办1500件，直接答复600件。"},
			[]string{"0 count 热线平台受理 2100件 ^-1", "1 change 同比增加 150件 ^0 cmp=同比",
				"2 count 转办 1500件 ^0 L1", "3 count 直接答复 600件 ^0 L1"}},
		{"outcomes are subsets, each alone", []string{"交办工单700件，其中按时办结680件、超期办结20件。"},
			[]string{"0 count 交办工单 700件 ^-1", "1 count 按时办结 680件 ^0 L1", "2 count 超期办结 20件 ^0 L2"}},
		{"an outcome heads when nothing is above", []string{"办结206件工单，其中当日办结150件。"},
			[]string{"0 count 办结 206件 ^-1", "1 count 当日办结 150件 ^0 L1"}},
	})
}

// Class 4: a list after a clause naming an earlier figure (X中, X包括)
// is a breakdown of that figure, not of the outer total.
func TestFigureNestedBreakdowns(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"X中", []string{"共受理诉求5000件，其中转办工单3200件，直接答复1800件。转办工单中，城区2000件、郊区1200件。"},
			[]string{"0 count 受理诉求 5000件 ^-1", "1 count 转办工单 3200件 ^0 L1", "2 count 直接答复 1800件 ^0 L1",
				"3 count 城区 2000件 ^1 L2", "4 count 郊区 1200件 ^1 L2"}},
		{"X中 in the same sentence", []string{"全年受理诉求1.2万件。其中，民生类诉求7000件，民生类诉求中，教育2500件、医疗4500件。"},
			[]string{"0 count 受理诉求 12000件 ^-1 pu=万件", "1 count 民生类诉求 7000件 ^0 L1",
				"2 count 教育 2500件 ^1 L2", "3 count 医疗 4500件 ^1 L2"}},
		{"X事项包括", []string{"共受理诉求800件，其中城建类300件。城建类事项包括：供水120件、供电80件、燃气100件。"},
			[]string{"0 count 受理诉求 800件 ^-1", "1 count 城建类 300件 ^0 L1",
				"2 count 供水 120件 ^1 L2", "3 count 供电 80件 ^1 L2", "4 count 燃气 100件 ^1 L2"}},
		{"a dimension opens a list of the main total", []string{"本月受理诉求2100件。按渠道分，来电1500件，网络600件。"},
			[]string{"0 count 受理诉求 2100件 ^-1", "1 count 来电 1500件 ^0 L1", "2 count 网络 600件 ^0 L1"}},
		{"two breakdowns of one total", []string{"本月共受理2100件，其中来电1500件，网络600件。从诉求类型看，咨询类900件，投诉类700件，求助类500件。"},
			[]string{"0 count 受理 2100件 ^-1", "1 count 来电 1500件 ^0 L1", "2 count 网络 600件 ^0 L1",
				"3 count 咨询类 900件 ^0 L2", "4 count 投诉类 700件 ^0 L2", "5 count 求助类 500件 ^0 L2"}},
		{"分别 list of a named part", []string{"共受理诉求3000件，其中派转各镇1800件。派转工单中，东镇、西镇、南镇分别为800件、600件、400件。"},
			[]string{"0 count 受理诉求 3000件 ^-1", "1 count 派转各镇 1800件 ^0 L1",
				"2 count 东镇 800件 ^1 L2", "3 count 西镇 600件 ^1 L2", "4 count 南镇 400件 ^1 L2"}},
		{"the total, not a sub-part of the same verb", []string{"共受理各类诉求1000件，其中来电800件（市级转办780件、本级受理20件）。受理群众诉求中，咨询类450件，求助类300件。"},
			[]string{"0 count 受理各类诉求 1000件 ^-1", "1 count 来电 800件 ^0 L1", "2 count 市级转办 780件 ^1 L2",
				"3 count 本级受理 20件 ^1 L2", "4 count 咨询类 450件 ^0 L3", "5 count 求助类 300件 ^0 L3"}},
	})
}

// Class 5: a share is of its count's whole, of a whole it names, or of
// the bulletin's main total.
func TestFigureShares(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"shares in a dimension list", []string{"共受理诉求2000件。从受理渠道看，来电1500件，占75%；网络500件，占25%。"},
			[]string{"0 count 受理诉求 2000件 ^-1", "1 count 来电 1500件 ^0 L1 占75%", "2 count 网络 500件 ^0 L1 占25%"}},
		{"named base that is the parent", []string{"本月共受理诉求2000件，其中城区诉求1200件，约占受理总量的60%。"},
			[]string{"0 count 受理诉求 2000件 ^-1", "1 count 城区诉求 1200件 ^0 L1 占60%"}},
		{"named base other than the parent", []string{"全年共受理诉求10000件。热点集中，合计4200件：住房1600件，交通1400件，教育1200件，分别约占受理总量的16%、14%、12%。"},
			[]string{"0 count 受理诉求 10000件 ^-1", "1 count 合计 4200件 ^-1", "2 count 住房 1600件 ^1 L1 占16% of=0",
				"3 count 交通 1400件 ^1 L1 占14% of=0", "4 count 教育 1200件 ^1 L1 占12% of=0"}},
		{"a named whole makes a part", []string{"本月共受理诉求1000件。城区受理诉求300件，占全部诉求的30%。"},
			[]string{"0 count 受理诉求 1000件 ^-1", "1 count 城区受理诉求 300件 ^0 L1 占30%"}},
		{"a share without a whole is of the main total", []string{"本月共受理诉求1000件。投诉类诉求240件，占24%。"},
			[]string{"0 count 受理诉求 1000件 ^-1", "1 count 投诉类诉求 240件 ^0 L1 占24%"}},
		{"分别占 joined by 和", []string{"共受理诉求1000件，其中来电820件，网络180件，分别占82%和18%。"},
			[]string{"0 count 受理诉求 1000件 ^-1", "1 count 来电 820件 ^0 L1 占82%", "2 count 网络 180件 ^0 L1 占18%"}},
		{"side-by-side counts keep their shares", []string{"热线电话、网站、微信分别受理600件、300件、100件，分别占60%、30%、10%。"},
			[]string{"0 count 热线电话 600件 ^-1 占60%", "1 count 网站 300件 ^-1 占30%", "2 count 微信 100件 ^-1 占10%"}},
		{"占比", []string{"共受理诉求400件，其中求助类100件，占比25%。"},
			[]string{"0 count 受理诉求 400件 ^-1", "1 count 求助类 100件 ^0 L1 占25%"}},
	})
}

// Class 6: a rate's numerator is the count of its own stem, its base that
// count's whole or the base it names.
func TestFigureRates(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"numerator in the next sentence's head", []string{"本月受理3152件。", "本月办结3127件，办结率99.21%。"},
			[]string{"0 count 受理 3152件 ^-1", "1 count 办结 3127件 ^0 L1", "2 rate 办结率 99.21% ^0 num=1"}},
		{"numerator and base in one sentence", []string{"转办工单1850件，按时办结1802件，按时办结率97.41%。"},
			[]string{"0 count 转办工单 1850件 ^-1", "1 count 按时办结 1802件 ^0 L1", "2 rate 按时办结率 97.41% ^0 num=1"}},
		{"satisfaction of the callers asked", []string{"回访群众1200人次，满意1140人次，满意率95%。"},
			[]string{"0 count 回访群众 1200人次 ^-1", "1 count 满意 1140人次 ^0 L1", "2 rate 满意率 95% ^0 num=1"}},
		{"complement, no numerator", []string{"抽样回访工单1200件，其中不满意15件，满意率98.75%。"},
			[]string{"0 count 抽样回访工单 1200件 ^-1", "1 count 不满意 15件 ^0 L1", "2 rate 满意率 98.75% ^0"}},
		{"a named base", []string{"共受理诉求2600件，办结2580件，满意2400件，满意率93.02%（以办结数为基数）。"},
			[]string{"0 count 受理诉求 2600件 ^-1", "1 count 办结 2580件 ^0 L1", "2 count 满意 2400件 ^0 L2",
				"3 rate 满意率 93.02% ^1 num=2"}},
		{"subject names a part", []string{"共受理诉求1000件，其中电话诉求850件、网络诉求150件。电话诉求按时办结840件，按时办结率98.82%。"},
			[]string{"0 count 受理诉求 1000件 ^-1", "1 count 电话诉求 850件 ^0 L1", "2 count 网络诉求 150件 ^0 L1",
				"3 count 电话诉求按时办结 840件 ^1 L2", "4 rate 按时办结率 98.82% ^1 num=3"}},
		{"a partition of statuses", []string{"共受理诉求500件，按期办结480件，超期办结15件，未办结5件，按期办结率96%。"},
			[]string{"0 count 受理诉求 500件 ^-1", "1 count 按期办结 480件 ^0 L1", "2 count 超期办结 15件 ^0 L2",
				"3 count 未办结 5件 ^0 L3", "4 rate 按期办结率 96% ^0 num=1"}},
		{"a rate alone", []string{"群众满意度为97.3%。"},
			[]string{"0 rate 群众满意度 97.3% ^-1"}},
		{"outcome of the dispatched part", []string{"本月受理诉求3000件，其中直接答复1200件，转办1800件，按时办结1750件，按时办结率97.22%。"},
			[]string{"0 count 受理诉求 3000件 ^-1", "1 count 直接答复 1200件 ^0 L1", "2 count 转办 1800件 ^0 L1",
				"3 count 按时办结 1750件 ^2 L2", "4 rate 按时办结率 97.22% ^2 num=3"}},
		{"a rate's own count is no base", []string{"共受理诉求2400件，其中派转工单1600件。派转工单按时办结1570件，按时办结率98.13%；群众满意1490件，满意率93.13%。"},
			[]string{"0 count 受理诉求 2400件 ^-1", "1 count 派转工单 1600件 ^0 L1", "2 count 派转工单按时办结 1570件 ^1 L2",
				"3 rate 按时办结率 98.13% ^1 num=2", "4 count 群众满意 1490件 ^1 L3", "5 rate 满意率 93.13% ^1 num=4"}},
		{"visited base after a semicolon", []string{"交办工单900件，按时办结880件，按时办结率97.78%；回访600件，群众满意570件，满意率95%。"},
			[]string{"0 count 交办工单 900件 ^-1", "1 count 按时办结 880件 ^0 L1", "2 rate 按时办结率 97.78% ^0 num=1",
				"3 count 回访 600件 ^0 L2", "4 count 群众满意 570件 ^3 L3", "5 rate 满意率 95% ^3 num=4"}},
		{"a threshold is no figure", []string{"对满意率低于90%的单位进行约谈。"}, []string{}},
	})
}

// Class 7: counts without a counting word, or with their noun after the
// number.
func TestFigureBareCounts(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"a count noun and a bare number", []string{"本周受理工单 418，其中来电 300 件，网络 118 件。"},
			[]string{"0 count 受理工单 418 ^-1", "1 count 来电 300件 ^0 L1", "2 count 网络 118件 ^0 L1"}},
		{"noun after the number", []string{"另有175件工单为重复来电。"},
			[]string{"0 count 工单 175件 ^-1"}},
		{"为 before a bare number", []string{"诉求量为1,203；其中投诉类503件。"},
			[]string{"0 count 诉求量 1203 ^-1", "1 count 投诉类 503件 ^0 L1"}},
		{"thousands and a space before the comma", []string{"接到来电 2,460 ，其中有效来电2,100件。"},
			[]string{"0 count 接到来电 2460 ^-1", "1 count 有效来电 2100件 ^0 L1"}},
		{"a bare number at the end", []string{"本月受理量 906。"},
			[]string{"0 count 受理量 906 ^-1"}},
		{"the hotline's number is no count", []string{"12345热线持续优化服务流程。"}, []string{}},
		{"a week number is no count", []string{"第45周工单情况如下。"}, []string{}},
	})
}

// Class 8 and the rest: magnitudes keep their printed unit; decreases keep
// their sign; averages, entities and names in brackets.
func TestFigureAmounts(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"万 in a total and a part", []string{"全年共受理群众诉求9.67万件，其中来电6.2万件。"},
			[]string{"0 count 受理群众诉求 96700件 ^-1 pu=万件", "1 count 来电 62000件 ^0 L1 pu=万件"}},
		{"亿", []string{"全省累计受理诉求1.05亿件。"},
			[]string{"0 count 受理诉求 105000000件 ^-1 pu=亿件"}},
		{"a fall in percent", []string{"受理量1200件，同比下降3.5%。"},
			[]string{"0 count 受理量 1200件 ^-1", "1 change 同比下降 -3.5% ^0 cmp=同比"}},
		{"a daily average", []string{"日均受理诉求65件。"},
			[]string{"0 average 日均受理诉求 65件 ^-1"}},
		{"entities count beside each other", []string{"共涉及32家单位、9个乡镇。"},
			[]string{"0 count 单位 32家 ^-1", "1 count 乡镇 9个 ^-1"}},
		{"names before counts in brackets", []string{"城关镇(320件)、新城街道（210件）居受理量前两位。"},
			[]string{"0 count 城关镇 320件 ^-1", "1 count 新城街道 210件 ^-1"}},
		{"counts in brackets after a list's lead with 较 as an adverb", []string{"诉求量较多的单位是县水务局（287件）、石坝乡（153件）。"},
			[]string{"0 count 县水务局 287件 ^-1", "1 count 石坝乡 153件 ^-1"}},
		{"a wrapped line that opens with a decimal is no heading", []string{"本月受理诉求1000件。电话、网络分别为686件、314件，分别占", "68.6%、31.4%。"},
			[]string{"0 count 受理诉求 1000件 ^-1", "1 count 电话 686件 ^0 L1 占68.6%", "2 count 网络 314件 ^0 L1 占31.4%"}},
		{"a backtick typed inside a number", []string{"本月受理诉求3`046件，其中来电2410件。"},
			[]string{"0 count 受理诉求 3046件 ^-1", "1 count 来电 2410件 ^0 L1"}},
		{"Chinese numerals", []string{"其中不满意两件，满意率百分之百。"},
			[]string{"0 count 不满意 2件 ^-1", "1 rate 满意率 100% ^-1"}},
		{"a time word leads the label", []string{"2024年第一季度受理诉求1500件。"},
			[]string{"0 count 受理诉求 1500件 ^-1"}},
		{"people counted in 人次", []string{"共接待来访群众36人次。"},
			[]string{"0 count 接待来访群众 36人次 ^-1"}},
	})
}

// A whole paragraph, as bulletins print it, with a bracketed breakdown,
// an outcome and its rate.
func TestFigureParagraph(t *testing.T) {
	runFigureCases(t, []figureCase{
		{"a quarter's opening paragraph", []string{
			"今年一至三月，县热线共受理群众诉求6420件，同比增长8.3%。其中，电话诉求5010件，网络诉求1410件（含微信780件、网站630件）。转办承办单位工单2980件，已办结2950件，办结率98.99%。"},
			[]string{"0 count 受理群众诉求 6420件 ^-1", "1 change 同比增长 8.3% ^0 cmp=同比", "2 count 电话诉求 5010件 ^0 L1",
				"3 count 网络诉求 1410件 ^0 L1", "4 count 微信 780件 ^3 L2", "5 count 网站 630件 ^3 L2",
				"6 count 转办承办单位工单 2980件 ^-1", "7 count 已办结 2950件 ^6 L3", "8 rate 办结率 98.99% ^6 num=7"}},
		{"subjects name their parts across sentences", []string{"本月共受理诉求3000件，其中来电诉求2200件、网络诉求800件。来电诉求按时办结2150件，网络诉求按时办结790件。"},
			[]string{"0 count 受理诉求 3000件 ^-1", "1 count 来电诉求 2200件 ^0 L1", "2 count 网络诉求 800件 ^0 L1",
				"3 count 来电诉求按时办结 2150件 ^1 L2", "4 count 网络诉求按时办结 790件 ^2 L3"}},
		{"a named base among outcomes", []string{"回访工单2000件。回访满意1890件，满意率94.5%（以回访数为基数）。"},
			[]string{"0 count 回访工单 2000件 ^-1", "1 count 回访满意 1890件 ^0 L1", "2 rate 满意率 94.5% ^0 num=1"}},
		{"traditional script with glosses", []string{"本季度全縣熱線(xiàn)共受理群眾訴(sù)求1200件，其中電話受理900件，網絡受理300件。"},
			[]string{"0 count 受理群眾訴求 1200件 ^-1", "1 count 電話受理 900件 ^0 L1", "2 count 網絡受理 300件 ^0 L1"}},
		{"wrapped lines of layout text", []string{"本月，区热线共向各社区派发工单1500件，其中热线电", "话1100件、网上留言400件。"},
			[]string{"0 count 向各社区派发工单 1500件 ^-1", "1 count 热线电话 1100件 ^0 L1", "2 count 网上留言 400件 ^0 L1"}},
	})
}

// The words of a figure are looked for within labelWindow bytes of its
// number, however long a clause runs without punctuation: the noun after
// a count of entities, and the words of a change before it. (Read to the
// clause's ends, a paragraph of such figures made labels as long as the
// paragraph, each.)
func TestFigureWordsWithinWindow(t *testing.T) {
	long := strings.Repeat("甲", 1000)
	b := readProse("涉及两家"+long+"。", long+"同比增加5件。")
	if !assert.Len(t, b.Figures, 2) {
		return
	}
	for _, f := range b.Figures {
		assert.LessOrEqual(t, len(f.Label), labelWindow+len("甲"), "label of %s %g%s", f.Kind, f.Value, f.Unit)
		assert.LessOrEqual(t, len(f.Text), labelWindow+len("同比增加5件"), "text of %s %g%s", f.Kind, f.Value, f.Unit)
	}
	assert.Equal(t, model.Change, b.Figures[1].Kind)
	assert.Equal(t, "同比", b.Figures[1].Compare)
}
