package validate

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Channels. A bulletin that reports several intake channels says so in its
// prose ("电话诉求事项2364件…网民诉求296件") and in its table titles
// ("网民诉求事项办理情况"); these words tell them apart. Online words are
// looked for first: "12345热线网民留言" is online.
var channelWords = []struct {
	name  string
	words []string
}{
	{"online", []string{"网民", "网络", "网上", "网站", "在线", "微信", "微博", "政民互动", "留言", "信箱", "互联网", "APP", "小程序", "来信", "邮件"}},
	{"phone", []string{"电话", "来电", "话务", "热线", "语音"}},
}

// channelOf returns the channel a label names, or "".
func channelOf(s string) string {
	for _, ch := range channelWords {
		for _, w := range ch.words {
			if strings.Contains(s, w) {
				return ch.name
			}
		}
	}
	return ""
}

// itemUnit reports whether a counting word counts items (件, 宗, 次 …),
// not units (家, 个) or percentages.
func itemUnit(u string) bool {
	u = strings.TrimLeft(u, "万亿")
	switch u {
	case "件", "宗", "次", "条", "通", "封", "件次", "单", "个工单", "笔", "":
		return true
	}
	return false
}

// Unit types. A table of 区直部门 and one of 镇（街道） list different kinds
// of units; the prose counts each ("共涉及57家区直单位、13个镇（街道）").
var (
	directWords = []string{"区直", "县直", "市直", "旗直", "直属"}
	townWords   = []string{"镇", "乡", "街道", "街办", "办事处"}
	countyWords = []string{"县区", "区县", "县（市、区）", "县(市、区)", "县市区", "县（市）", "各县", "各区"}
	deptWords   = []string{"部门", "单位"}
)

// unitType classifies a label as naming departments ("dept"), towns
// ("town") or counties ("county"), or "".
func unitType(s string) string {
	switch {
	case containsAny(s, directWords):
		return "dept"
	case containsAny(s, townWords):
		return "town"
	case containsAny(s, countyWords):
		return "county"
	case containsAny(s, deptWords):
		return "dept"
	}
	return ""
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var unitWords = map[string]bool{"家": true, "个": true, "所": true, "类": false}

// normUnit normalises a unit name for comparison: white space removed.
func normUnit(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// adminPrefix matches what may stand before a unit's name in prose but not
// in its table row: 区, 县, 市, 偃师区, 全区 ….
var adminPrefix = regexp.MustCompile(`^(全?[区县市旗]|[\p{Han}]{1,4}[省市区县旗])$`)

// sameUnit reports whether a name in the prose means a table's unit:
// equal, or equal but for an administrative prefix (区烟草局 = 烟草局).
func sameUnit(mention, row string) bool {
	m, r := normUnit(mention), normUnit(row)
	if m == "" || r == "" {
		return false
	}
	if m == r {
		return true
	}
	long, short := m, r
	if len(short) > len(long) {
		long, short = short, long
	}
	if !strings.HasSuffix(long, short) || utf8.RuneCountInString(short) < 2 {
		return false
	}
	return adminPrefix.MatchString(strings.TrimSuffix(long, short))
}

// chineseNumber reads 1-99 in digits or Chinese numerals; 0 if it cannot.
func chineseNumber(s string) int {
	if v, err := strconv.Atoi(s); err == nil {
		return v
	}
	digit := map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit[rs[0]]
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digit[rs[1]]
	case len(rs) == 2 && rs[1] == '十':
		return digit[rs[0]] * 10
	case len(rs) == 3 && rs[1] == '十':
		return digit[rs[0]]*10 + digit[rs[2]]
	}
	return 0
}

// tableMonth reads the month a table title starts with: "3月份区直部门…",
// "2023年3月…", "三月份…"; ranges ("1-4月") are not read.
var tableMonth = regexp.MustCompile(`^(?:([0-9]{4})年)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})月`)
