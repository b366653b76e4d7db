package interpret

import (
	"regexp"
	"strings"

	"github.com/hotline12345/bulletin/model"
)

// Intake channels. A hotline takes complaints by telephone, online (web
// forms, WeChat, messages) and by letter, and bulletins often report them
// apart: 附件1 电话诉求… beside 附件3 网民诉求…, or one table with the
// groups 电话诉求 | 网民诉求 | 合计 over the same metrics. The channel is
// read from the words that name it; the hotline's own name (12345热线,
// 便民热线) names no channel, since the hotline takes them all.

// channelWords matches the words naming a channel in folded text; the
// submatch that matched says which: online, mail, phone.
var channelWords = regexp.MustCompile(`(?i)(网民|网络|网上|网站|在线|微信|微博|政民互动|留言|互联网|app|小程序|邮件|信箱)|(来信|信件|书信)|(电话|来电|话务|语音)`)

// channelsInOrder lists the channels in the order of channelWords'
// submatches.
var channelsInOrder = [...]string{model.ChannelOnline, model.ChannelMail, model.ChannelPhone}

// hotlineWord names the hotline itself; only as a group header set against
// an online or mail group does it mean the telephone.
var hotlineWord = regexp.MustCompile(`热线`)

// overallWords matches a group header standing for all the channels beside
// it: 合计, 总计, 全部, 汇总.
var overallWords = regexp.MustCompile(`^(全[市区县省]?|全部|所有|各)?(渠道)?(合计|总计|小计|汇总|总体|全部|整体|总量|全渠道)$`)

// channelIn returns the channel the text names and the words as printed:
// one channel, or ChannelAll when it names several ("电话和网络诉求"). It
// returns "" when the text names none.
func channelIn(text string) (channel, printed string) {
	f := fold(text)
	locs := channelWords.FindAllStringSubmatchIndex(f, -1)
	if locs == nil {
		return "", ""
	}
	var words []string
	seen := map[string]bool{}
	for _, loc := range locs {
		for g, ch := range channelsInOrder {
			if loc[2+2*g] >= 0 {
				if !seen[ch] {
					seen[ch] = true
					if channel == "" {
						channel = ch
					} else {
						channel = model.ChannelAll
					}
				}
				break
			}
		}
		m := mapOffsets(text, f, loc[:2])
		if w := text[m[0]:m[1]]; !containsString(words, w) {
			words = append(words, w)
		}
	}
	return channel, strings.Join(words, "、")
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// channels sets the channel of every table and of its grouped columns.
func (in *interpreter) channels() {
	for i := range in.b.Tables {
		setChannels(&in.b.Tables[i])
	}
}

// setChannels reads a table's channel from its caption and title, and each
// grouped column's from its group header. Where the title names none, the
// groups decide: one channel over all of them is the table's. A group of
// totals (合计) beside channel groups is all of them together, and the
// hotline's name (12345热线) set against an online group is the telephone.
func setChannels(t *model.Table) {
	t.Channel, t.ChannelText = channelIn(t.Label + " " + t.Title)
	groups := map[string]string{} // group header -> channel
	named := false                // some group names a channel by its words
	for _, c := range t.Columns {
		if c.Group == "" {
			continue
		}
		if _, ok := groups[c.Group]; !ok {
			ch, _ := channelIn(c.Group)
			groups[c.Group] = ch
			named = named || ch != ""
		}
	}
	if !named {
		return
	}
	others := map[string]bool{} // channels named by words
	for _, ch := range groups {
		if ch != "" {
			others[ch] = true
		}
	}
	for g, ch := range groups {
		if ch != "" {
			continue
		}
		f := compactHeader(fold(g))
		switch {
		case overallWords.MatchString(f):
			groups[g] = model.ChannelAll
		case hotlineWord.MatchString(f) && (others[model.ChannelOnline] || others[model.ChannelMail]) && !others[model.ChannelPhone]:
			groups[g] = model.ChannelPhone
		}
	}
	var one string
	mixed, ungrouped := false, false
	for k := range t.Columns {
		c := &t.Columns[k]
		c.Channel = groups[c.Group]
		switch {
		case c.Group == "" && c.Metric != model.Unit && c.Metric.Base() != model.Seq && c.Metric != model.Rank:
			ungrouped = true
		case c.Channel == "":
		case one == "":
			one = c.Channel
		case one != c.Channel:
			mixed = true
		}
	}
	if t.Channel == "" && one != "" && !mixed && !ungrouped {
		// One channel's group over every metric: the table's channel.
		t.Channel = one
		for g, ch := range groups {
			if ch == one {
				_, t.ChannelText = channelIn(g)
				if t.ChannelText == "" {
					t.ChannelText = g
				}
				break
			}
		}
	}
}

// model is the column as the bulletin records it: its printed header, its
// key, and the key's parts, the printed group and the metric.
func (c column) model() model.Column {
	metric := c.key
	if c.group != "" {
		metric = model.Key(strings.TrimPrefix(string(c.key), c.group+"/"))
	}
	return model.Column{Header: c.header(), Key: c.key, Group: c.group, Metric: metric}
}

// columnOf is a column of an earlier table taken over by its continuation.
func columnOf(c model.Column) column {
	label := c.Header
	if c.Group != "" {
		label = strings.TrimPrefix(label, c.Group+"/")
	}
	return column{group: c.Group, label: label, key: c.Key, known: c.Key.IsCanonical()}
}
