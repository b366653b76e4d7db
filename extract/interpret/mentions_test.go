package interpret

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hotline12345/bulletin/internal/vocab"
)

// A list of amounts after a lead word is no list of units: 表扬 names a
// kind of call in "咨询、求助、表扬分别为…".
func TestMentionsAreNames(t *testing.T) {
	assertMentions(t, []string{}, "按诉求类型分，咨询、求助、表扬分别为120件、80件、6件，分别占58.25%、38.83%、2.91%。")
	assertMentions(t, []string{"ranked 甲镇", "ranked 乙镇"}, "受理量排名前两位的是甲镇(320件)、乙镇（210件）。")
}

// The interpreter links a prose name to a table row exactly when the
// checker's matcher calls them the same unit.
func TestUnitMatchersAgree(t *testing.T) {
	rows := []string{"烟草局", "市场监管局", "城关街道", "区财政局", "高新区管委会"}
	table := tbl(append([][]string{{"单位名称", "办理数"}}, func() [][]string {
		var out [][]string
		for _, r := range rows {
			out = append(out, []string{r, "1"})
		}
		return out
	}()...)...)
	b := Bulletin(docOf(table))
	ix := knownUnits(b.Tables)
	names := []string{"区烟草局", "本区烟草局", "我县烟草局", "偃师区烟草局", "洛阳市偃师区市场监管局", "市场监管局", "城关街道",
		"财政局", "县财政局", "经开区管委会", "高新区管委会", "管委会", "烟草", "交通烟草局"}
	for _, n := range names {
		for _, row := range rows {
			matched := false
			for _, r := range ix.lookup(n) {
				matched = matched || r.Unit == row
			}
			if ix.lookup(n) != nil && vocab.SameUnit(n, row) {
				assert.True(t, matched, "%s = %s", n, row)
			}
			if matched {
				assert.True(t, vocab.SameUnit(n, row), "%s linked to %s, which the checker calls another unit", n, row)
			}
		}
	}
	assert.Empty(t, ix.lookup("经开区管委会"), "two places' 管委会 are two units")
	assert.NotEmpty(t, ix.lookup("本区烟草局"))
	assert.NotEmpty(t, ix.lookup("偃师区烟草局"))
}
