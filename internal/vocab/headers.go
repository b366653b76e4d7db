package vocab

// Header words that name no metric by themselves: under a group label
// that does (按时办结 over 件数 and 比率), they say whether the column
// counts the group's items or gives their rate. A single 数 or 率 is not
// among them: under a word it is most often the wrapped end of one header
// cell (承办件 / 数).

var (
	// GenericCountLabels head the count of the metric their group names.
	GenericCountLabels = newList("generic count labels", "件数", "数量", "工单数")
	// GenericRateLabels head the rate of the metric their group names.
	GenericRateLabels = newList("generic rate labels", "百分比", "比率", "比例", "占比")
)
