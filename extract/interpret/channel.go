package interpret

import (
	"strings"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

// Intake channels (see internal/vocab for the words and why each names
// its channel). A table's channel is read from its caption and title, and
// each grouped column's from its group header, in folded text; the words
// are kept as printed.

// channelIn returns the channel the text names and the words as printed:
// one channel, or ChannelAll when it names several ("电话和网络诉求"). It
// returns "" when the text names none.
func channelIn(text string) (channel, printed string) {
	f := fold(text)
	found := vocab.ChannelWords(f)
	if len(found) == 0 {
		return "", ""
	}
	var words []string
	for _, w := range found {
		m := mapOffsets(text, f, []int{w.Start, w.End})
		if p := text[m[0]:m[1]]; !containsString(words, p) {
			words = append(words, p)
		}
	}
	return vocab.ChannelOf(found), strings.Join(words, "、")
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
		case vocab.IsOverallGroup(f):
			groups[g] = model.ChannelAll
		case vocab.HotlineWords.In(f) && (others[model.ChannelOnline] || others[model.ChannelMail]) && !others[model.ChannelPhone]:
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
