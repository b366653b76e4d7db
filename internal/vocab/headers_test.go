package vocab

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hotline12345/bulletin/model"
)

// Every header name reads as its key, and as nothing else.
func TestEveryHeaderName(t *testing.T) {
	seen := map[string]model.Key{}
	for k, l := range HeaderNames {
		for _, w := range l.Words() {
			got, ok := HeaderKey(w)
			assert.True(t, ok, w)
			assert.Equal(t, k, got, w)
			assert.NotContains(t, seen, w, "a name of two keys")
			seen[w] = k
		}
	}
}

func TestHeaderKeyNearMisses(t *testing.T) {
	for _, h := range []string{"快速办结率", "数据完整得分", "平均时长", "群众优秀数", "备注", "", "满意率率", "工单数工单",
		"按期办结工单率", "诉求人", "群众"} {
		_, ok := HeaderKey(h)
		assert.False(t, ok, h)
	}
	got, ok := HeaderKey("诉求人满意率")
	assert.True(t, ok)
	assert.Equal(t, model.SatisfactionRate, got, "诉求人 is tried before 诉求")
	got, ok = HeaderKey("结案件数")
	assert.True(t, ok)
	assert.Equal(t, model.Closed, got)
}
