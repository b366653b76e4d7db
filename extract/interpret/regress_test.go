package interpret

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Regressions where a prose pattern and its prefilter, kept in sync by
// hand, drifted apart. Both are now generated from one word list.

// A praise lead whose word (满意度高) was in the pattern but not in the
// prefilter yielded no mentions.
func TestRegressionPraiseLeadPrefilter(t *testing.T) {
	b := Bulletin(&block.Document{Blocks: []block.Block{
		&block.Paragraph{Text: "本季度回访中群众满意度高的单位是甲水务公司、乙街道。"},
	}})
	require.Len(t, b.Mentions, 2)
	assert.Equal(t, model.Praised, b.Mentions[0].Role)
	assert.Equal(t, "甲水务公司", b.Mentions[0].Unit)
	assert.Equal(t, "乙街道", b.Mentions[1].Unit)
}

// A traditional-character paragraph that breaks off after 為 ran on into
// the next only in simplified script: the run-on test looked at the
// printed last character, not the folded one.
func TestRegressionTraditionalRunOn(t *testing.T) {
	b := Bulletin(&block.Document{Blocks: []block.Block{
		&block.Paragraph{Text: "本月辦理情況較好的單位為", Pos: model.Pos{Line: 1}},
		&block.Paragraph{Text: "甲水務公司、乙街道。", Pos: model.Pos{Line: 2}},
	}})
	require.Len(t, b.Mentions, 2)
	assert.Equal(t, "甲水務公司", b.Mentions[0].Unit)
	assert.Equal(t, "乙街道", b.Mentions[1].Unit)
}
