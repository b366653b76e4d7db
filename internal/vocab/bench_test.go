package vocab

import "testing"

// BenchmarkListIn measures the prefilter of a long list on short labels,
// the checker's most frequent question (is this figure a change?).
func BenchmarkListIn(b *testing.B) {
	labels := []string{"受理诉求", "比上年同期减少", "电话诉求", "按时办结率", "转办工单按时办结", "网民诉求事项", "其中", "同比增长"}
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range labels {
			ChangeLabelWords.In(l)
		}
	}
}
