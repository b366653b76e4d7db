package vocab

import (
	"github.com/hotline12345/bulletin/internal/lazyregexp"
	"github.com/hotline12345/bulletin/model"
)

// Intake channels. A hotline takes complaints by telephone, online (web
// forms, WeChat, apps, messages left on a portal) and in writing (letters
// and mailboxes: 来信, 信件, 市长信箱, 邮件), and a bulletin that reports
// them apart says so in its prose (电话诉求事项2364件…网民诉求296件), in its
// table titles (网民诉求事项办理情况) and in the group headers of a table
// (电话诉求 | 网民诉求 | 合计). Letters and mailboxes are a channel of their
// own: bulletins list them beside the telephone and the web
// (通过电话、网站、微信、信件等渠道), and count them apart.
//
// The hotline's own name (12345热线, 便民热线) names no channel, since the
// hotline takes them all; only set against another channel, as a group
// header beside 网络平台, does it stand for the telephone.

// The channels, by the model's names for them.
const (
	Online = model.ChannelOnline
	Phone  = model.ChannelPhone
	Mail   = model.ChannelMail
	// All is every channel together: a text naming several, or a group
	// of totals beside the channels' groups (合计).
	All = model.ChannelAll
)

var (
	// OnlineWords name online channels: web forms, social media, apps.
	OnlineWords = newList("online channel words", "网民", "网络", "网上", "网站", "在线", "微信", "微博", "政民互动",
		"留言", "互联网", "APP", "小程序")
	// MailWords name written channels: letters and mailboxes, paper or
	// electronic (市长信箱, 电子邮件).
	MailWords = newList("mail channel words", "来信", "信件", "书信", "信箱", "邮件")
	// PhoneWords name the telephone channel.
	PhoneWords = newList("phone channel words", "电话", "来电", "话务", "语音")
	// HotlineWords name the hotline itself, which takes every channel.
	HotlineWords = newList("hotline words", "热线")
	// OverallWords make a group header stand for the channels beside it
	// together: 合计, 总计, 全渠道.
	OverallWords = newList("overall group words", "合计", "总计", "小计", "汇总", "总体", "全部", "整体", "总量", "全渠道")
	// OverallLeads may stand before an overall word: 全市合计, 各渠道汇总.
	OverallLeads = newList("overall group leads", "全市", "全区", "全县", "全省", "全部", "所有", "全", "各")
	// OverallPlaces stand alone for the whole of the place a bulletin
	// reports on, as a group header beside its parts (全市 | 城区 | 县区).
	OverallPlaces = newList("overall places", "全市", "全区", "全县", "全省")
)

// channelPattern finds the channel words of a text; the submatch that
// matched says which channel, in the order of channelOrder. Where words of
// two channels start at one place the online word is taken (网上信箱 is
// 网上, then 信箱).
var (
	channelPattern = lazyregexp.New(`(?i)(` + OnlineWords.Pattern() + `)|(` + MailWords.Pattern() + `)|(` +
		PhoneWords.Pattern() + `)`)
	channelOrder  = [...]string{Online, Mail, Phone}
	overallHeader = lazyregexp.New(`^(?:` + OverallLeads.Pattern() + `?(?:渠道)?` + OverallWords.Pattern() + `|` +
		OverallPlaces.Pattern() + `)$`)
)

// ChannelWord is a channel word found in a text.
type ChannelWord struct {
	Start, End int    // byte offsets in the text
	Channel    string // Online, Mail or Phone
}

// ChannelWords returns the channel words of s, in order.
func ChannelWords(s string) []ChannelWord {
	locs := channelPattern.FindAllStringSubmatchIndex(s, -1)
	out := make([]ChannelWord, 0, len(locs))
	for _, loc := range locs {
		for g, ch := range channelOrder {
			if loc[2+2*g] >= 0 {
				out = append(out, ChannelWord{Start: loc[0], End: loc[1], Channel: ch})
				break
			}
		}
	}
	return out
}

// Channel returns the channel a label or title names: Online, Mail or
// Phone when it names one, All when it names several (电话和网络诉求), ""
// when it names none (the hotline's name is none).
func Channel(s string) string {
	return ChannelOf(ChannelWords(s))
}

// ChannelOf returns the channel the words name: the one channel, All for
// several, "" for none.
func ChannelOf(words []ChannelWord) string {
	channel := ""
	for _, w := range words {
		switch channel {
		case "":
			channel = w.Channel
		case w.Channel:
		default:
			return All
		}
	}
	return channel
}

// IsOverallGroup reports whether a group header stands for all the
// groups beside it (channels, places): 合计, 全区总计, 全渠道, 全市.
func IsOverallGroup(header string) bool { return overallHeader.MatchString(header) }
