package vocab

import (
	"strings"

	"github.com/hotline12345/bulletin/internal/lazyregexp"
)

// The words by which the checker tells what a figure of the prose claims:
// that it is a change, a residual part, the items passed on to units, a
// count of all units of a kind, a share. The checker reads the labels as
// printed (a label is not folded), so the few words a mirror site prints
// in traditional characters are listed in both forms.

var (
	// ChangeComparisons name the earlier period a change is against, in a
	// figure's label: 比上年同期减少512件 has 比上.
	ChangeComparisons = newList("change comparisons", "比上", "较上", "比去年", "较去年", "比同期", "较同期")
	// ChangeLabelWords make a figure a change against an earlier period
	// even when it was read as a count (比上年同期减少512件): a change is
	// never a total with parts. They are the compare words, the
	// comparisons with a named period, the increase and decrease verbs of
	// two characters or more (多 and 少 alone are also degree words: 较多的
	// 单位) and the comparatives 多出, 少于.
	ChangeLabelWords = newList("change label words", changeLabelWords()...)

	// ResidualWords name a part that holds whatever the others do not:
	// 其他诉求, 其余事项. A list that ends in one claims to be complete.
	ResidualWords = newList("residual words", "其他", "其它", "其余")
	// SumMarkers make a count the sum of the counts it lists: 合计受理6093件.
	SumMarkers = newList("sum markers", "合计")
	// PartsCountWords follow the number of parts a total says it has:
	// 三个方面, 5大类, 四项.
	PartsCountWords = newList("parts count words", "个方面", "大类", "类", "项", "种")

	// SubsetWords in a count's label make it a subset of the items passed
	// on (those closed, on time, satisfied, visited …), not all of them:
	// the outcome verbs and the words of being on time, and 未办.
	SubsetWords = newList("subset words", append(append(OutcomeVerbs.Words(), OnTimeConditions.Words()...), "未办")...)

	// UnitTerms are the words of a kind of unit that a table's title and a
	// prose label may share (承办单位, 村（社区）): the unit kinds of list
	// leads and the shorter words of places and bodies.
	UnitTerms = newList("unit terms", append(UnitKinds.Words(), "乡", "县", "区", "开发区", "管委会", "企业", "公司", "中心")...)
	// UnitCountMarkers before the number of a count of units make it a
	// count of all the units of that kind (共涉及57家区直单位), not of some
	// of them (有3个镇按时办结率低于90%): the total markers and the verbs
	// of covering all.
	UnitCountMarkers = newList("unit count markers", append(TotalMarkers.Words(), "涉及", "全部", "所有", "覆盖")...)
	// GenericUnitNames are words a list of units may hold that name no
	// unit: …的单位是以上单位, 其他部门.
	GenericUnitNames = newList("generic unit names", "单位", "部门", "其他", "其它", "以上", "上述", "相关单位", "有关单位")

	// PerItemWords before a count make it a count of each of the items
	// named before it, not their sum: 甲、乙、丙各1件, 均为2件.
	PerItemWords = newList("per-item words", "各", "均")
	// TieWords mark a place shared with another unit (5（并列）, 并列第5名),
	// so a rank list may name more units than its size: 并列第三名.
	TieWords = newList("tie words", "并列")

	// ShareLabels are the whole labels of a percentage that is a share,
	// not a rate (占25.42%, 约占, 分别占), as printed, in simplified and
	// traditional characters.
	ShareLabels = newList("share labels", "占", "佔", "约占", "約佔", "占比", "佔比", "分别占", "分別佔")
)

// changeLabelWords builds ChangeLabelWords from the lists it joins.
func changeLabelWords() []string {
	words := append(CompareWords.Words(), ChangeComparisons.Words()...)
	for _, l := range []*List{IncreaseVerbs, DecreaseVerbs} {
		for _, w := range l.words {
			if len([]rune(w)) >= 2 {
				words = append(words, w)
			}
		}
	}
	return append(words, "多出", "少于")
}

// partsCount matches the number of parts a total says it has: 三个方面.
var partsCount = lazyregexp.New(`(` + SmallNumberPattern + `)` + PartsCountWords.Pattern())

// PartsCount reads the number of parts a total's text says it has
// (三个方面 3, 5类 5, 四项 4), or 0.
func PartsCount(text string) int {
	if !PartsCountWords.In(text) {
		return 0
	}
	m := partsCount.FindStringSubmatch(text)
	if m == nil {
		return 0
	}
	n, _ := Number(m[1])
	return n
}

// Direction says whether a change's label states an increase (+1) or a
// decrease (−1), or 0 when it states neither. Decrease words are looked
// for first: 增幅 and 减幅 differ only in their first character, and
// 减少 holds 少 but no increase word.
func Direction(label string) int {
	switch {
	case DecreaseVerbs.In(label):
		return -1
	case IncreaseVerbs.In(label):
		return 1
	}
	return 0
}

// IsShareLabel reports whether a percentage's whole label (white space
// around it aside) makes it a share: 占, 约占, 分别占.
func IsShareLabel(label string) bool { return ShareLabels.Has(strings.TrimSpace(label)) }
