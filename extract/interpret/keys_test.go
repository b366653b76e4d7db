package interpret

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// TestCanonicalKey maps header spellings seen in real bulletins
// (variations.md) to their keys.
func TestCanonicalKey(t *testing.T) {
	tests := []struct {
		header string
		want   model.Key
	}{
		{"单位名称", model.Unit},
		{"责任单位", model.Unit},
		{"乡镇（街道）", model.Unit},
		{"办理数", model.Handled},
		{"交办总量", model.Handled},
		{"总工单数", model.Handled},
		{"工单总数", model.Handled},
		{"办件数量", model.Handled},
		{"受理案件数", model.Handled},
		{"受理件数(件)", model.Handled},
		{"承办件数", model.Handled},
		{"派遣案件总数", model.Handled},
		{"转派工单", model.Handled},
		{"转办工单", model.Handled},
		{"派发工单数", model.Handled},
		{"按时办结数", model.OnTime},
		{"按  时\n办结数", model.OnTime},
		{"按期办结率", model.OnTimeRate},
		{"按时结案率", model.OnTimeRate},
		{"按时办结率(%)", model.OnTimeRate},
		{"按時辦結率", model.OnTimeRate},
		{"辦結(jié)率", model.ClosureRate},
		{"群众满意率", model.SatisfactionRate},
		{"满意率", model.SatisfactionRate},
		{"满意占比", model.SatisfactionRate},
		{"群  众满意数", model.Satisfied},
		{"回访满意率", model.SatisfactionRate},
		{"不满意数", model.Dissatisfied},
		{"不满意率", model.DissatisfactionRate},
		{"解决率", model.ResolutionRate},
		{"问题解决率", model.ResolutionRate},
		{"回复率", model.ReplyRate},
		{"回访率", model.VisitRate},
		{"结案率", model.ClosureRate},
		{"办结率", model.ClosureRate},
		{"超期", model.Overdue},
		{"超时办结", model.Overdue},
		{"未办结", model.Open},
		{"在办", model.Open},
		{"优秀数", model.Excellent},
		{"优秀率", model.ExcellenceRate},
		{"得分", model.Score},
		{"综合得分", model.Score},
		{"排名", model.Rank},
		{"序号", model.Seq},
		{"按期办结工单数", model.OnTime},
		{"不满意件数", model.Dissatisfied},
		{"ＮＯ．", model.Seq},
		{"受理工单", model.Handled},
		{"按时办结工单", model.OnTime},
		{"受理案件", model.Handled},
		{"按时回复", model.Replied},
		{"按时回复率", model.ReplyRate},
		{"及时回复数", model.Replied},
		{"未办结量", model.Open},
		{"超期量", model.Overdue},
	}
	for _, tt := range tests {
		got, ok := canonicalKey(tt.header)
		assert.True(t, ok, "%q not recognised", tt.header)
		assert.Equal(t, tt.want, got, "%q", tt.header)
	}
}

// TestUnknownHeaders keeps headers that name no canonical metric, and does
// not stretch a qualifier onto a metric it does not go with.
func TestUnknownHeaders(t *testing.T) {
	for _, h := range []string{"快速办结率(≥80%达标)", "数据完整得分", "平均时长(秒)", "群众优秀数", "按时满意率", "工单", "数量量", "备注", ""} {
		_, ok := canonicalKey(h)
		assert.False(t, ok, "%q", h)
	}
}

func TestNormalizeHeader(t *testing.T) {
	assert.Equal(t, "按时办结率", normalizeHeader("按 時\u3000辦結率（％）"))
	assert.Equal(t, "快速办结率", normalizeHeader("快速办结率(≥80%达标)"))
	assert.Equal(t, "件", normalizeHeader("（件）"))
}

// headerWordTests test every header name of the vocabulary as tables print
// it: with white space inside, a unit or a percent sign in brackets.
func headerWordTests() map[string]func(t *testing.T, w string) {
	tests := map[string]func(t *testing.T, w string){
		"header qualifiers": func(t *testing.T, q string) {
			keys := vocab.HeaderQualifiers[q]
			require.NotEmpty(t, keys, q)
			for _, k := range keys {
				name := vocab.HeaderNames[k].Words()[0]
				got, ok := canonicalKey(q + " " + name)
				assert.True(t, ok && got == k, "%s%s: got %q", q, name, got)
			}
			require.NotContains(t, keys, model.Excellent)
			_, ok := canonicalKey(q + "优秀数")
			assert.False(t, ok, "%s goes with no count of excellent items", q)
		},
		"header counted nouns": func(t *testing.T, n string) {
			got, ok := canonicalKey("按期办结" + n + "数")
			assert.True(t, ok, n)
			assert.Equal(t, model.OnTime, got, n)
			_, ok = canonicalKey("按期办结" + n + "率")
			assert.False(t, ok, "a rate names no count: %s", n)
		},
		"header bare counted nouns": func(t *testing.T, n string) {
			got, ok := canonicalKey("受理" + n)
			assert.True(t, ok, n)
			assert.Equal(t, model.Handled, got, n)
			got, ok = canonicalKey("满意" + n)
			assert.True(t, ok, n)
			assert.Equal(t, model.Satisfied, got, n)
			_, ok = canonicalKey("某" + n)
			assert.False(t, ok, "a noun after one character names nothing: %s", n)
		},
		"header count suffixes": func(t *testing.T, s string) {
			got, ok := canonicalKey("按时办结工单" + s)
			assert.True(t, ok, s)
			assert.Equal(t, model.OnTime, got, s)
			_, ok = canonicalKey("按时办结工单" + s + "率")
			assert.False(t, ok, s)
		},
	}
	for k, l := range vocab.HeaderNames {
		tests[l.Name()] = func(t *testing.T, w string) {
			spaced := strings.Join(strings.Split(w, ""), " ")
			for _, h := range []string{w, spaced, w + "（件）", w + "(%)", " " + strings.ToUpper(w) + "\u3000"} {
				got, ok := canonicalKey(h)
				assert.True(t, ok, "%q", h)
				assert.Equal(t, k, got, "%q", h)
			}
		}
	}
	return tests
}
