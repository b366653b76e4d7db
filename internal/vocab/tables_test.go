package vocab

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIsTotalRow(t *testing.T) {
	for _, w := range TotalRowWords.Words() {
		assert.True(t, IsTotalRow(w), w)
		for _, lead := range TotalRowLeads.Words() {
			assert.True(t, IsTotalRow(lead+w), lead+w)
			assert.True(t, IsTotalRow(lead), lead)
		}
	}
	for _, w := range TotalRowNames.Words() {
		assert.True(t, IsTotalRow(w), w)
	}
	// The subtotal of a kind of unit names no unit.
	for _, w := range SubtotalWords.Words() {
		assert.True(t, IsTotalRow("县直部门"+w), w)
		assert.True(t, IsTotalRow("镇街"+w), w)
		assert.False(t, IsTotalRow(w+"城关镇"), w)
		assert.False(t, IsTotalRow("3"+w), w) // a number before it is a cell's value, not a kind
	}
	for _, s := range []string{"", "合计数", "城关镇", "全区合计甲", "总体情况", "全部", "城关镇小计数"} {
		assert.False(t, IsTotalRow(s), s)
	}
}

func TestNotesAndCaptions(t *testing.T) {
	for _, w := range NoteLabels.Words() {
		assert.True(t, NoteStart.MatchString(w+"：满意率＝满意数÷回访数"), w)
		assert.True(t, NoteStart.MatchString(w+" :"), w)
		assert.False(t, NoteStart.MatchString(w+"意事项"), w)
	}
	assert.True(t, UnitsLine.MatchString(UnitsLabel+"：件"))
	assert.True(t, UnitsLine.MatchString(UnitsLabel+" :%"))
	assert.False(t, UnitsLine.MatchString(UnitsLabel+"名称"), "a header cell, not a units line")
	for _, w := range CaptionWords.Words() {
		m := CaptionLabel.FindStringSubmatch(w + "3：各单位办理情况")
		assert.Equal(t, []string{w + "3：各单位办理情况", w + "3", "各单位办理情况"}, m, w)
		assert.Nil(t, CaptionLabel.FindStringSubmatch(w+"格"), w)
	}
	for _, w := range AttachmentWords.Words() {
		assert.True(t, BareCaption.MatchString(w), w)
		assert.True(t, BareCaption.MatchString(w+"："), w)
		assert.False(t, BareCaption.MatchString(w+"：1．各单位办理情况"), w)
	}
}
