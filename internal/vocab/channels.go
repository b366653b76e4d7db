package vocab

// Intake channels. A bulletin that reports several channels says so in its
// prose (电话诉求事项2364件…网民诉求296件) and in its table titles
// (网民诉求事项办理情况).

// The channels.
const (
	Online = "online"
	Phone  = "phone"
)

var (
	// OnlineWords name online channels. They are looked for before the
	// phone words: 12345热线网民留言 is online.
	OnlineWords = newList("online channel words", "网民", "网络", "网上", "网站", "在线", "微信", "微博", "政民互动",
		"留言", "信箱", "互联网", "APP", "小程序", "来信", "邮件")
	// PhoneWords name the telephone channel.
	PhoneWords = newList("phone channel words", "电话", "来电", "话务", "热线", "语音")
)

// Channel returns the channel a label names (Online or Phone), or "".
func Channel(s string) string {
	switch {
	case OnlineWords.In(s):
		return Online
	case PhoneWords.In(s):
		return Phone
	}
	return ""
}
