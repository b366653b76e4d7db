package extract_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/internal/bulletintest"
	"github.com/hotline12345/bulletin/model"
)

// TestSeedNarrative checks the seed's metadata, figures and mentions
// (issue 6's acceptance).
func TestSeedNarrative(t *testing.T) {
	b, err := extract.ExtractFile(context.Background(), seed)
	require.NoError(t, err)
	assert.Equal(t, "洛阳市偃师区政务服务和大数据管理局", b.Issuer)
	assert.Equal(t, model.Date{Year: 2023, Month: 4, Day: 27}, b.Issued)
	assert.Equal(t, model.Period{Start: model.Date{Year: 2023, Month: 3, Day: 1}, End: model.Date{Year: 2023, Month: 3, Day: 31}, Label: "3月份"}, b.Period)
	assert.Nil(t, b.TitlePeriod)
	assert.Equal(t, "3月份12345政务服务便民热线群众诉求事项办理情况通报", b.Title)

	type f struct {
		value  float64
		unit   string
		parent int
	}
	var figs []f
	for _, x := range b.Figures {
		figs = append(figs, f{x.Value, x.Unit, x.Parent})
	}
	assert.Equal(t, []f{{2660, "件", -1}, {2364, "件", 0}, {2329, "件", 1}, {35, "件", 1}, {296, "件", 0}, {57, "家", -1}, {13, "个", -1}}, figs)

	roles := map[string][]string{}
	for _, m := range b.Mentions {
		require.NotEmpty(t, m.Matches, "%s is linked to a table unit", m.Unit)
		roles[m.Role+" "+m.Context] = append(roles[m.Role+" "+m.Context], m.Unit)
	}
	assert.Equal(t, map[string][]string{
		"praised 电话诉求事项办理情况较好的单位": {"区烟草局", "先进制造业开发区", "联通公司", "供电公司", "交警大队", "高龙镇", "伊洛街道"},
		"praised 网民诉求事项办理情况较好的单位": {"区市场监管局", "民政局", "人社局", "交通局", "自然资源和规划局", "伊洛街道", "邙岭镇"},
		"criticised 有待改进提高的单位":    {"区财政局", "商城街道", "大口镇"},
	}, roles)

	// The notes define excellence by on-time closure and satisfaction.
	require.Len(t, b.Tables[0].Definitions, 3)
	assert.Equal(t, model.Definition{Key: model.Excellent, Implies: []model.Key{model.OnTime, model.Satisfied, model.Closed},
		Text: "交办事项按时限办理回复、诉求人未明确表示不满意、事项已彻底办结的为优秀件"}, b.Tables[0].Definitions[2])
}

// TestParagraphsLocateFigures reads the bulletins of testdata in every
// format and checks that their paragraphs locate each figure on the
// phrase it was read from.
func TestParagraphsLocateFigures(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"*.txt", "text/*.txt", "text/layouts/*.txt", "docx/*.docx", "docx/*.doc", "office/*",
		"pdf/seed-*.pdf", "pdf/merged-header.pdf", "html/*.htm*", "html/*.mht", "multiformat/*.*", "validate/*.txt"} {
		m, err := filepath.Glob(filepath.Join("../testdata", pattern))
		require.NoError(t, err)
		paths = append(paths, m...)
	}
	figures := 0
	for _, path := range paths {
		if strings.HasSuffix(path, ".json") {
			continue
		}
		t.Run(strings.TrimPrefix(path, "../testdata/"), func(t *testing.T) {
			b, err := extract.ExtractFile(context.Background(), path)
			if err != nil {
				return // a file made to be refused (a wrong password); its own tests say so
			}
			bulletintest.CheckSpans(t, b)
			figures += len(b.Figures)
		})
	}
	assert.Greater(t, figures, 400, "figures checked")
}
