package interpret

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// A signature's date stays the bulletin's, not the title of the table
// printed after it.
func TestSignatureDateBeforeATable(t *testing.T) {
	b := Bulletin(docOf("9月份热线通报", "9月，全区热线共受理诉求400件。", "桃源区热线管理中心", "二〇二四年十月八日",
		"9月份各单位办理情况", tbl([]string{"单位名称", "办理数"}, []string{"甲局", "4"})))
	assert.Equal(t, d(2024, 10, 8), b.Issued)
	assert.Equal(t, "9月份各单位办理情况", b.Tables[0].Title)
}

// The periods the interpreter used to miss or take from the wrong place.
func TestPeriodClasses(t *testing.T) {
	tests := []struct {
		name       string
		paras      []string
		start, end model.Date
		titleDiff  bool // the title names another period
	}{
		{"issue number and headings before the period",
			[]string{"热线工作简报", "（2023年第5期）", "桃源区热线管理中心  2023年6月5日", "一、总体情况", "（一）受理情况", "二、", "5月份，全区热线共受理诉求1200件。"},
			d(2023, 5, 1), d(2023, 5, 31), false},
		{"a year alone opens the prose",
			[]string{"桃源区12345热线年度通报", "桃源区热线管理中心  2020年1月15日", "2019年，全区热线共受理诉求52000件，全年办结率99.1%。"},
			d(2019, 1, 1), d(2019, 12, 31), false},
		{"a year's report in the title",
			[]string{"2019年桃源区12345热线运行情况", "桃源区热线管理中心  2020年1月15日", "全区热线共受理诉求52000件。"},
			d(2019, 1, 1), d(2019, 12, 31), false},
		{"a meeting does not name the period",
			[]string{"3月份12345热线诉求办理情况通报", "桃源区热线管理中心  2024年4月8日", "4月2日，区政府召开热线工作推进会，部署二季度工作。", "3月份，全区热线共受理诉求1500件。"},
			d(2024, 3, 1), d(2024, 3, 31), false},
		{"今年以来 with the issue date",
			[]string{"今年以来12345热线工单办理情况", "桃源区热线管理中心  2024年5月20日", "今年以来，全区热线共受理诉求6000件。"},
			d(2024, 1, 1), d(2024, 5, 20), false},
		{"截至 runs from 1 January",
			[]string{"桃源区12345热线工单办理情况", "桃源区热线管理中心  2024年8月23日", "截至8月20日，全区热线共受理诉求16000件。"},
			d(2024, 1, 1), d(2024, 8, 20), false},
		{"a title's 今年以来 closed by the body's 截至",
			[]string{"桃源縣12345熱線今年以來工單辦理情況通報", "桃源縣政務服務中心  2024年3月18日", "截至2024年3月15日，今年以來全縣熱線共受理訴求2400件。"},
			d(2024, 1, 1), d(2024, 3, 15), false},
		{"title and body disagree",
			[]string{"3月份热线通报", "桃源区热线管理中心  2024年5月6日", "4月份，全区热线共受理诉求1300件。"},
			d(2024, 4, 1), d(2024, 4, 30), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := readProse(tt.paras...)
			assert.Equal(t, tt.start, b.Period.Start)
			assert.Equal(t, tt.end, b.Period.End)
			assert.Equal(t, tt.titleDiff, b.TitlePeriod != nil)
		})
	}
}

// docOf builds a document of paragraphs (strings) and tables, in order.
func docOf(items ...any) *block.Document {
	var blocks []block.Block
	for i, it := range items {
		switch v := it.(type) {
		case string:
			blocks = append(blocks, &block.Paragraph{Text: v, Pos: model.Pos{Line: i + 1}})
		case block.Block:
			blocks = append(blocks, v)
		}
	}
	return &block.Document{Blocks: blocks}
}
