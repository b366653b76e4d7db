package validate

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Every word of the vocabulary lists the checker reads does its work here:
// each list has a test that builds a figure, a label or a table around each
// of its words and checks what the checker makes of it, and near-misses
// that it must not take for one. The interpreter's tests cover the lists it
// reads (extract/interpret's TestEveryVocabularyWord), and lists read by
// both are tested in both.

// checkerWordTests holds, per list, a test of one of its words.
var checkerWordTests = map[string]func(t *testing.T, w string){
	"change label words": func(t *testing.T, w string) {
		assert.True(t, isChange(&model.Figure{Kind: model.Count, Label: "受理诉求" + w, Unit: "件"}), w)
	},
	"change comparisons": func(t *testing.T, w string) {
		assert.True(t, isChange(&model.Figure{Kind: model.Count, Label: w + "年同期", Unit: "件"}), w)
	},
	"compare words": func(t *testing.T, w string) {
		assert.True(t, isChange(&model.Figure{Kind: model.Count, Label: "受理诉求" + w, Unit: "件"}), w)
	},
	"increase verbs": func(t *testing.T, w string) {
		// The words decide over the sign.
		assert.Equal(t, 1, direction(&model.Figure{Kind: model.Change, Label: "同比" + w, Value: -5}), w)
	},
	"decrease verbs": func(t *testing.T, w string) {
		assert.Equal(t, -1, direction(&model.Figure{Kind: model.Change, Label: "同比" + w, Value: 5}), w)
	},
	"residual words": func(t *testing.T, w string) {
		c := partsChecker("受理诉求", "城区诉求", w+"诉求")
		assert.Contains(t, c.completeList(0, []int{1, 2}), "residual part", w)
	},
	"sum markers": func(t *testing.T, w string) {
		c := partsChecker(w+"受理诉求", "城区诉求", "郊区诉求")
		assert.Contains(t, c.completeList(0, []int{1, 2}), w, w)
	},
	"parts count words": func(t *testing.T, w string) {
		assert.Equal(t, 3, countedParts("涉及三"+w+"问题"), w)
		assert.Equal(t, 12, countedParts("分为12"+w), w)
	},
	"dispatch words": func(t *testing.T, w string) {
		assert.True(t, dispatchLabel(w+"工单"), w)
	},
	"subset words": func(t *testing.T, w string) {
		assert.False(t, dispatchLabel("转办工单"+w), w)
	},
	"unit terms": func(t *testing.T, w string) {
		assert.Contains(t, commonUnitTerm("各"+w+"受理诉求", "3月份各"+w+"诉求办理情况"), w, w)
	},
	"unit count markers": func(t *testing.T, w string) {
		assert.True(t, statesAllUnits(&model.Figure{Kind: model.Count, Value: 57, Unit: "家", Text: w + "57家区直单位"}), w)
	},
	"generic unit names": func(t *testing.T, w string) {
		assert.False(t, unitLike(w), w)
	},
	"share labels": func(t *testing.T, w string) {
		assert.True(t, vocab.IsShareLabel(" "+w+" "), w)
		// Each read as the share of the count before it, of their total:
		// the three shares hold, as do the parts' sum.
		r := Check(shareBulletin(w, 60, 30, 10))
		assert.Empty(t, r.Findings, w)
		assert.Equal(t, 7, r.Summary.Consistent, w)
		assert.Zero(t, r.Summary.Untestable, w)
	},
	"count header endings": func(t *testing.T, w string) {
		assert.True(t, countHeader("受理工单"+w), w)
		assert.True(t, countHeader("电话诉求/受理工单"+w), "the group before / aside: %s", w)
		assert.False(t, countHeader("受理工单"+w+"率"), w)
	},
	"measure header marks": func(t *testing.T, w string) {
		assert.False(t, countHeader("快速"+w+"办结数"), w)
	},
	"overdue header words": func(t *testing.T, w string) {
		assert.True(t, countHeader(w+"件数"), w)
		assert.True(t, countHeader(w+"办结"), w)
	},
	"magnitudes": func(t *testing.T, w string) {
		f := &model.Figure{Kind: model.Count, Value: 9.67 * vocab.MagnitudeOf(w), Decimals: 2, Unit: "件", PrintedUnit: w + "件",
			Text: "受理诉求9.67" + w + "件"}
		assert.Equal(t, "9.67"+w+"件", magnitudeText(f), w)
		k, ok := figCount(f)
		assert.True(t, ok, w)
		assert.False(t, k.exact(), "a count in %s stands for a range", w)
		assert.True(t, unitsCompatible(w+"件", "件"), w)
		assert.False(t, unitsCompatible(w+"人", "件"), w)
	},
	"per-item words": func(t *testing.T, w string) {
		assert.True(t, perItem(&model.Figure{Kind: model.Count, Value: 1, Unit: "件", Text: "甲局、乙局、丙局" + w + "1件"}), w)
		assert.True(t, perItem(&model.Figure{Kind: model.Count, Value: 2, Unit: "件", Text: "甲局、乙局" + w + " 2件"}), w)
	},
	"tie words": func(t *testing.T, w string) {
		assert.Empty(t, rankListFindings("得分"+w+"前三名的单位"), w)
	},
	"overall places": func(t *testing.T, w string) {
		assert.Equal(t, []sumRelation{{whole: model.Key(w + "/handled"), parts: []model.Key{"城区/handled", "郊区/handled"}}},
			groupSumsOf(t, w), w)
	},
	"overall group words": func(t *testing.T, w string) {
		assert.Len(t, groupSumsOf(t, w), 1, w)
	},
	"overall group leads": func(t *testing.T, w string) {
		assert.Len(t, groupSumsOf(t, w+"合计"), 1, w)
	},
}

// checkerNearMisses are texts of each list's kind that hold none of its
// words, or hold one inside a word of another meaning.
var checkerNearMisses = map[string]func(t *testing.T){
	"change label words": func(t *testing.T) {
		for _, l := range []string{"受理诉求", "诉求较多的单位", "按时办结", "群众满意"} {
			assert.False(t, isChange(&model.Figure{Kind: model.Count, Label: l, Unit: "件"}), l)
		}
	},
	"direction": func(t *testing.T) {
		assert.Equal(t, 0, direction(&model.Figure{Kind: model.RateFigure, Label: "满意率"}))
		assert.Equal(t, 1, direction(&model.Figure{Kind: model.Change, Label: "增幅", Value: -3}), "the word decides over the sign")
		assert.Equal(t, -1, direction(&model.Figure{Kind: model.Change, Label: "变化", Value: -3}), "no word: the sign decides")
		assert.Equal(t, -1, direction(&model.Figure{Kind: model.Change, Label: "减幅", Value: 3}), "减幅 holds 幅, not 增幅")
	},
	"count header endings": func(t *testing.T) {
		for _, h := range []string{"平均时长", "得分数", "排名", "备注", "超时率", "办结时长(天)", "单位名称"} {
			assert.False(t, countHeader(h), h)
		}
	},
	"parts count words": func(t *testing.T) {
		for _, s := range []string{"三个月", "两次", "五天", "共受理300件"} {
			assert.Equal(t, 0, countedParts(s), s)
		}
	},
	"dispatch words": func(t *testing.T) {
		for _, l := range []string{"转接", "派出所", "受理诉求", "直接答复"} {
			assert.False(t, dispatchLabel(l), l)
		}
	},
	"unit terms": func(t *testing.T) {
		assert.Equal(t, "", commonUnitTerm("各类诉求", "3月份各类诉求办理情况"))
	},
	"unit count markers": func(t *testing.T) {
		for _, s := range []string{"有57家区直单位", "其中57家区直单位", "公共服务57家"} {
			f := &model.Figure{Kind: model.Count, Value: 57, Unit: "家", Text: s}
			if s == "公共服务57家" {
				// 共 inside 公共 is taken, as the checker always took it: a
				// count of units in a 公共服务 sentence names all of them.
				assert.True(t, statesAllUnits(f), s)
				continue
			}
			assert.False(t, statesAllUnits(f), s)
		}
	},
	"generic unit names": func(t *testing.T) {
		for _, s := range []string{"城关镇", "区住建局", "相关单位办公室"} {
			assert.True(t, unitLike(s), s)
		}
	},
	"per-item words": func(t *testing.T) {
		for _, s := range []string{"甲局、乙局共3件", "甲局3件", "各类诉求3件"} {
			assert.False(t, perItem(&model.Figure{Kind: model.Count, Value: 3, Unit: "件", Text: s}), s)
		}
	},
	"tie words": func(t *testing.T) {
		assert.NotEmpty(t, rankListFindings("得分前三名的单位"), "four units in a list of three, no tie")
	},
	"share labels": func(t *testing.T) {
		assert.Equal(t, 3, Check(shareBulletin("满意率", 60, 30, 10)).Summary.Untestable, "a rate is no share")
		for _, s := range []string{"满意率", "占用", "占比率", "约", ""} {
			assert.False(t, vocab.IsShareLabel(s), s)
		}
	},
	"overall group": func(t *testing.T) {
		for _, g := range []string{"全市各", "城区合计数", "本月", "电话诉求"} {
			assert.Empty(t, groupSumsOf(t, g), g)
		}
	},
}

func TestEveryCheckerVocabularyWord(t *testing.T) {
	lists := map[string]*vocab.List{}
	for _, l := range vocab.Lists() {
		lists[l.Name()] = l
	}
	for name, test := range checkerWordTests {
		l := lists[name]
		require.NotNil(t, l, "a test for %q, which is no list", name)
		for _, w := range l.Words() {
			t.Run(name+"/"+w, func(t *testing.T) { test(t, w) })
		}
	}
	for name, test := range checkerNearMisses {
		t.Run("near misses/"+name, test)
	}
}

// partsChecker builds a checker over a total and its parts, each of
// 100件 but the total, which is their sum.
func partsChecker(total string, parts ...string) *checker {
	b := &model.Bulletin{Figures: []model.Figure{{Kind: model.Count, Label: total, Text: total + "200件", Value: 200, Unit: "件", Parent: -1}}}
	for _, p := range parts {
		b.Figures = append(b.Figures, model.Figure{Kind: model.Count, Label: p, Text: p + "100件", Value: 100, Unit: "件", Parent: 0})
	}
	return newChecker(b)
}

// groupSumsOf reads the group sums of a table whose handled counts are
// grouped under the given group and 城区 and 郊区.
func groupSumsOf(t *testing.T, group string) []sumRelation {
	t.Helper()
	tb := model.Table{Columns: []model.Column{
		{Key: model.Unit, Header: "单位"},
		{Key: model.Key(group + "/handled"), Header: "受理量", Group: group, Metric: model.Handled},
		{Key: "城区/handled", Header: "受理量", Group: "城区", Metric: model.Handled},
		{Key: "郊区/handled", Header: "受理量", Group: "郊区", Metric: model.Handled},
	}}
	for i, n := range []float64{30, 20, 40, 10} {
		tb.Rows = append(tb.Rows, model.Row{Unit: string(rune('甲' + i)), Cells: map[model.Key]model.Cell{
			model.Key(group + "/handled"): countCell(n * 2), "城区/handled": countCell(n), "郊区/handled": countCell(n),
		}})
	}
	c := newChecker(&model.Bulletin{Tables: []model.Table{tb}})
	c.prepareTables()
	c.readColumns(0)
	rels := c.groupSums(0)
	for i := range rels {
		rels[i].sup, rels[i].about = support{}, ""
	}
	return rels
}

func countCell(v float64) model.Cell {
	return model.Cell{Text: strconv.FormatFloat(v, 'f', -1, 64), Value: &v}
}

// shareBulletin states 1000 complaints, 600 by telephone, 300 online and
// 100 by letter, each part with a percentage labelled label.
func shareBulletin(label string, pcts ...float64) *model.Bulletin {
	b := &model.Bulletin{Figures: []model.Figure{{Kind: model.Count, Label: "受理诉求", Value: 1000, Unit: "件", Parent: -1, Text: "受理诉求1000件"}}}
	for i, part := range []struct {
		label string
		n     float64
	}{{"来电", 600}, {"网络", 300}, {"来信", 100}} {
		n := strconv.FormatFloat(part.n, 'f', -1, 64)
		b.Figures = append(b.Figures,
			model.Figure{Kind: model.Count, Label: part.label, Value: part.n, Unit: "件", Parent: 0, Text: part.label + n + "件"},
			model.Figure{Kind: model.RateFigure, Label: label, Value: pcts[i], Unit: "%", Parent: 0,
				Text: label + strconv.FormatFloat(pcts[i], 'f', -1, 64) + "%"})
	}
	return b
}

// rankListFindings checks four units listed under a context naming the
// top three.
func rankListFindings(context string) []Finding {
	b := &model.Bulletin{}
	for _, u := range []string{"甲局", "乙局", "丙局", "丁局"} {
		b.Mentions = append(b.Mentions, model.Mention{Unit: u, Role: "ranked", Context: context, Matches: []model.UnitRef{}})
	}
	return Check(b).Findings
}
