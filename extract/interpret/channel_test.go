package interpret

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/hotline12345/bulletin/internal/vocab"
	"github.com/hotline12345/bulletin/model"
)

func TestChannelIn(t *testing.T) {
	tests := []struct {
		text, channel, printed string
	}{
		{"3月份区直部门网民诉求事项办理情况", model.ChannelOnline, "网民"},
		{"附件1 各镇（街道）电话诉求办理情况", model.ChannelPhone, "电话"},
		{"各單位電話訴求辦理情況", model.ChannelPhone, "電話"},
		{"群众来信办理情况", model.ChannelMail, "来信"},
		{"市长信箱及电子邮件办理情况", model.ChannelMail, "信箱、邮件"},
		{"網民留言辦理情況", model.ChannelOnline, "網民、留言"},
		{"电话和网络诉求办理情况", model.ChannelAll, "电话、网络"},
		{"微信、微博、网站留言办理情况", model.ChannelOnline, "微信、微博、网站、留言"},
		{"12345政务服务便民热线群众诉求事项办理情况", "", ""},
		{"各单位诉求办理情况", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		ch, printed := channelIn(tt.text)
		assert.Equal(t, tt.channel, ch, tt.text)
		assert.Equal(t, tt.printed, printed, tt.text)
	}
}

// The interpreter writes vocab's channels into the model's fields.
func TestChannelNamesAgree(t *testing.T) {
	assert.Equal(t, []string{model.ChannelOnline, model.ChannelMail, model.ChannelPhone, model.ChannelAll},
		[]string{vocab.Online, vocab.Mail, vocab.Phone, vocab.All})
}

func col(group string, metric model.Key) model.Column {
	key := metric
	if group != "" {
		key = model.Key(group + "/" + string(metric))
	}
	return model.Column{Header: string(key), Key: key, Group: group, Metric: metric}
}

func TestSetChannels(t *testing.T) {
	unit := col("", model.Unit)
	tests := []struct {
		name        string
		table       model.Table
		channel     string
		columns     []string // channel of each column
		channelText string
	}{
		{"title", model.Table{Title: "网民诉求办理情况", Columns: []model.Column{unit, col("", model.Handled)}},
			model.ChannelOnline, []string{"", ""}, "网民"},
		{"groups by channel and a total", model.Table{Title: "各单位诉求办理情况", Columns: []model.Column{unit,
			col("电话诉求", model.Handled), col("网民诉求", model.Handled), col("合计", model.Handled)}},
			"", []string{"", model.ChannelPhone, model.ChannelOnline, model.ChannelAll}, ""},
		{"the hotline against online", model.Table{Columns: []model.Column{unit,
			col("12345热线", model.OnTime), col("网络平台", model.OnTime)}},
			"", []string{"", model.ChannelPhone, model.ChannelOnline}, ""},
		{"the hotline alone names no channel", model.Table{Columns: []model.Column{unit,
			col("12345热线", model.OnTime), col("", model.Score)}},
			"", []string{"", "", ""}, ""},
		{"one channel's group over every metric", model.Table{Columns: []model.Column{unit,
			col("来电诉求", model.Handled), col("来电诉求", model.OnTime)}},
			model.ChannelPhone, []string{"", model.ChannelPhone, model.ChannelPhone}, "来电"},
		{"a metric outside the channel's group", model.Table{Columns: []model.Column{unit,
			col("来电诉求", model.Handled), col("", model.Score)}},
			"", []string{"", model.ChannelPhone, ""}, ""},
		{"groups of periods are no channels", model.Table{Columns: []model.Column{unit,
			col("本月", model.Handled), col("合计", model.Handled)}},
			"", []string{"", "", ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setChannels(&tt.table)
			assert.Equal(t, tt.channel, tt.table.Channel)
			assert.Equal(t, tt.channelText, tt.table.ChannelText)
			var got []string
			for _, c := range tt.table.Columns {
				got = append(got, c.Channel)
			}
			assert.Equal(t, tt.columns, got)
		})
	}
}
