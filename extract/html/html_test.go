package html_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/html"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want string
	}{
		{"<!DOCTYPE html>\n<html>", html.HTML},
		{"<!doctype HTML PUBLIC \"-//W3C//DTD XHTML 1.0\">", html.HTML},
		{"\xef\xbb\xbf  <html lang=zh>", html.HTML},
		{"<HTML xmlns:v=\"urn:schemas-microsoft-com:vml\"\nxmlns:o=", html.HTML},
		{"<!-- saved from url=(0052)http://www.example.gov.cn/ -->\r\n<html>", html.HTML},
		{"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html><html>", html.HTML},
		{"<meta charset=\"gbk\"><p>正文</p>", html.HTML},
		{"<head><title>t</title>", html.HTML},
		{"<body>", html.HTML},
		{"<html", html.HTML},
		{"<htmlx>", ""},
		{"<p>一段话</p>", ""},
		{"3月份12345政务服务便民热线群众诉求事项办理情况通报\n<html>", ""},
		{"<!-- a comment that never ends", ""},
		{"From: <Saved by Blink>\r\nSnapshot-Content-Location: http://x/\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"b\"\r\n\r\n--b", html.MHT},
		{"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"----=_NextPart_01DA\"\n\n", html.MHT},
		{"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello", ""},
		{"Subject: 通报\nContent-Type: multipart/mixed; boundary=x", html.MHT},
		{"注：满意率\nContent-Type: multipart/related", ""},
		{"", ""},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, html.Sniff([]byte(tt.head)), "%q", tt.head)
	}
}

// dump prints a document's blocks compactly: "P text", "F label=value|…",
// "T" with one line per row of cells separated by " | " (a cell's spans
// as "(rows x cols)", a header row marked "H").
func dump(doc *block.Document) string {
	var b strings.Builder
	for _, blk := range doc.Blocks {
		switch x := blk.(type) {
		case *block.Paragraph:
			fmt.Fprintf(&b, "P %s\n", strings.ReplaceAll(x.Text, "\n", "⏎"))
		case *block.Fields:
			var fs []string
			for _, f := range x.Fields {
				fs = append(fs, f.Label+"="+f.Value)
			}
			fmt.Fprintf(&b, "F %s\n", strings.Join(fs, "|"))
		case *block.Table:
			b.WriteString("T\n")
			for _, r := range x.Rows {
				var cs []string
				for _, c := range r.Cells {
					s := strings.ReplaceAll(c.Text, "\n", "⏎")
					if c.RowSpan > 1 || c.ColSpan > 1 {
						s += fmt.Sprintf("(%dx%d)", max(c.RowSpan, 1), max(c.ColSpan, 1))
					}
					cs = append(cs, s)
				}
				mark := " "
				if r.Header {
					mark = "H"
				}
				fmt.Fprintf(&b, " %s %s\n", mark, strings.Join(cs, " | "))
			}
		}
	}
	return b.String()
}

func read(t *testing.T, page string) *block.Document {
	t.Helper()
	doc, err := html.Read(context.Background(), strings.NewReader(page), int64(len(page)), block.Limits{})
	require.NoError(t, err)
	return doc
}

// A site around an article, as the tests below vary it.
const (
	siteHead = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title>` +
		`<style>p{margin:0}</style><script>var x = "<p>不是正文</p>";</script></head><body>` +
		`<div class="top"><a href="/">首页</a> | <a href="/a">政务公开</a> | <a href="/b">办事服务</a> | <a href="/c">互动交流</a></div>` +
		`<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/a">政务公开</a> &gt; <a href="/a/t">通知公告</a></div>`
	siteFoot = `<div class="share"><a href="#" title="微信"></a><a href="#" title="微博"></a><script>share()</script></div>` +
		`<div class="foot"><p>主办单位：某区人民政府办公室</p><p>网站标识码：1234567890　京ICP备12345678号</p></div></body></html>`
	prose = `<p>今年以来全区共受理群众诉求1200件，其中电话诉求800件，网络诉求400件，按时办结率98.5%，群众满意率96.25%。</p>` +
		`<p>请各单位进一步压实责任，对重复诉求逐件跟踪回访，确保诉求件件有回音、事事有着落。</p>`
)

func TestReadPage(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{{
		name: "the article without the site",
		page: siteHead + `<div class="art"><h1>某区诉求办理情况通报</h1><div class="body"><p>某区诉求办理情况通报</p>` + prose + `</div>` +
			`<div class="att">附件：<a href="/f/1.docx">附件1.docx</a></div></div>` + siteFoot,
		want: "P 某区诉求办理情况通报\nP 今年以来全区共受理群众诉求1200件，其中电话诉求800件，网络诉求400件，按时办结率98.5%，群众满意率96.25%。\n" +
			"P 请各单位进一步压实责任，对重复诉求逐件跟踪回访，确保诉求件件有回音、事事有着落。\n",
	}, {
		name: "a heading the article does not repeat is its first paragraph",
		page: siteHead + `<div class="art"><h1>某区诉求办理情况通报</h1><div class="info"><span>发布时间：2024-06-05 09:30</span><span>来源：某区热线办</span><span>浏览次数：<b>12</b></span></div>` +
			`<div class="body">` + prose + `</div></div>` + siteFoot,
		want: "P 某区诉求办理情况通报\nF 发布时间=2024-06-05 09:30|来源=某区热线办|浏览次数=12\n" +
			"P 今年以来全区共受理群众诉求1200件，其中电话诉求800件，网络诉求400件，按时办结率98.5%，群众满意率96.25%。\n" +
			"P 请各单位进一步压实责任，对重复诉求逐件跟踪回访，确保诉求件件有回音、事事有着落。\n",
	}, {
		name: "a catalogue box and an info line apart by wide space",
		page: siteHead + `<table class="xxgk"><tr><td>索&nbsp;引&nbsp;号：</td><td>000014349/2024-00417</td><td>发布机构：</td><td>某区热线办</td></tr>` +
			`<tr><td>成文日期：</td><td>2024-06-05</td><td>文　　号：</td><td></td></tr><tr><td colspan="4">主题分类：综合政务</td></tr></table>` +
			`<div class="t">某区诉求办理情况通报</div><div class="i">发布时间：2024-06-06&nbsp;&nbsp;&nbsp;&nbsp;来源：某区&nbsp;热线办&nbsp;&nbsp;字号：[<a href="#">大</a> <a href="#">小</a>]</div>` +
			`<div class="c">` + prose + `</div>` + siteFoot,
		want: "F 索引号=000014349/2024-00417|发布机构=某区热线办|成文日期=2024-06-05|文号=|主题分类=综合政务\n" +
			"P 某区诉求办理情况通报\nF 发布时间=2024-06-06|来源=某区 热线办|字号=大 小\n" +
			"P 今年以来全区共受理群众诉求1200件，其中电话诉求800件，网络诉求400件，按时办结率98.5%，群众满意率96.25%。\n" +
			"P 请各单位进一步压实责任，对重复诉求逐件跟踪回访，确保诉求件件有回音、事事有着落。\n",
	}, {
		name: "Word's HTML",
		page: `<html><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]--></head>` +
			`<body lang=ZH-CN><div class=WordSection1>` +
			"<p class=MsoNormal><span style='mso-spacerun:yes'>&nbsp;&nbsp;&nbsp;&nbsp;</span><span>共受理</span><span lang=EN-US\nstyle='font-family:\"Times New Roman\"'>1</span><span lang=EN-US>2</span><span>34</span><span>件，办结率</span><span>98.</span><span>5%</span><span style='display:none;mso-hide:all'>隐藏</span>。<o:p></o:p></p>" +
			"<p class=MsoNormal><span lang=EN-US><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></span></p>" +
			"<p class=MsoNormal>某区热线办<span style='mso-spacerun:yes'>&nbsp;&nbsp;&nbsp;&nbsp; </span>2024年6月5日</p>" +
			"<p class=MsoNormal>北湖区政务服务\n便民热线  管理中心 and\nWord</p></div></body></html>",
		want: "P 共受理1234件，办结率98.5%。\nP 某区热线办     2024年6月5日\nP 北湖区政务服务便民热线 管理中心 and Word\n",
	}, {
		name: "a table with spans, lines in cells, a header row, Word's width row",
		page: `<body><p>附件1</p><table border=1><thead><tr><th rowspan=2>单位</th><th colspan=2>电话</th></tr>` +
			`<tr><th>办理数</th><th>按时<br>办结率</th></tr></thead>` +
			`<tr><td><p>区市场监督</p><p>管理局</p></td><td><p><span>1</span><span>2</span></p></td><td>100%</td></tr>` +
			`<tr><td>区城管局</td><td>7</td><td>85.71%</td></tr>` +
			`<![if !supportMisalignedColumns]><tr height=0><td width=80 style='border:none'></td><td width=60 style='border:none'></td><td width=60></td></tr><![endif]>` +
			`</table></body>`,
		want: "P 附件1\nT\n H 单位(2x1) | 电话(1x2)\n H 办理数 | 按时⏎办结率\n   区市场监督⏎管理局 | 12 | 100%\n   区城管局 | 7 | 85.71%\n",
	}, {
		name: "tables nested in layout tables",
		page: `<body><table width=980><tr><td><a href="/">首页</a> <a href="/x">政务公开</a> <a href="/y">互动</a></td></tr></table>` +
			`<table width=980><tr><td width=200><table><tr><td><a href="/1">通知公告</a></td></tr><tr><td><a href="/2">工作动态</a></td></tr></table></td>` +
			`<td><table width="96%"><tr><td><b>某区通报</b></td></tr><tr><td>` + prose +
			`<table border=1><tr><td>单位</td><td>办理数</td></tr><tr><td>区城管局</td><td>7</td></tr></table></td></tr></table></td></tr></table></body>`,
		want: "P 某区通报\nP 今年以来全区共受理群众诉求1200件，其中电话诉求800件，网络诉求400件，按时办结率98.5%，群众满意率96.25%。\n" +
			"P 请各单位进一步压实责任，对重复诉求逐件跟踪回访，确保诉求件件有回音、事事有着落。\n" +
			"T\n   单位 | 办理数\n   区城管局 | 7\n",
	}, {
		name: "a comment box under the article",
		page: siteHead + `<div class="box"><div class="c">` + prose + `</div>` +
			`<div class="pl"><h3>网友评论</h3><p>网友甲：希望城管局加快处理小区门口占道经营的问题，已经反映了好几次，至今没有明显改善，请尽快解决。</p>` +
			`<p>网友乙：点赞热线，办事效率越来越高了，上次反映的路灯问题两天就修好了，感谢各位工作人员的辛苦付出。</p>` +
			`<form><textarea name="c"></textarea><input type="submit" value="提交"></form></div></div>` + siteFoot,
		want: "P 今年以来全区共受理群众诉求1200件，其中电话诉求800件，网络诉求400件，按时办结率98.5%，群众满意率96.25%。\n" +
			"P 请各单位进一步压实责任，对重复诉求逐件跟踪回访，确保诉求件件有回音、事事有着落。\n",
	}, {
		name: "implied ends, text misplaced in a table, a table of one column",
		page: `<body><p>第一段<p>第二段<ul><li>一<li>二</ul><table><tr><td>单列</td></tr><tr><td>表格</td></tr>漏出的文字</table><p>最后</body>`,
		want: "P 第一段\nP 第二段\nP 一\nP 二\nP 漏出的文字\nP 单列\nP 表格\nP 最后\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, dump(read(t, tt.page)))
		})
	}
}

// TestPositions checks that blocks and cells keep their line and path.
func TestPositions(t *testing.T) {
	page := "<html>\n<body>\n<div>\n<p>甲</p>\n<p>\n\n乙</p>\n</div>\n<table>\n<tr><td>a</td><td>b</td></tr>\n<tr><td>c</td>\n<td>d</td></tr>\n</table>\n</body></html>"
	doc := read(t, page)
	require.Len(t, doc.Blocks, 3)
	p1 := doc.Blocks[0].(*block.Paragraph)
	require.Equal(t, 4, p1.Pos.Line)
	require.Equal(t, "/html/body/div[1]/p[1]", p1.Pos.Path)
	p2 := doc.Blocks[1].(*block.Paragraph)
	require.Equal(t, 7, p2.Pos.Line, "the line of the text, not of the tag")
	require.Equal(t, "/html/body/div[1]/p[2]", p2.Pos.Path)
	tb := doc.Blocks[2].(*block.Table)
	require.Equal(t, 9, tb.Pos.Line)
	require.Equal(t, "/html/body/table[1]", tb.Pos.Path)
	d := tb.Rows[1].Cells[1]
	require.Equal(t, 12, d.Pos.Line)
	require.Equal(t, 2, d.Pos.Row)
	require.Equal(t, 2, d.Pos.Col)
	require.Equal(t, "line 12 /html/body/table[1]", strings.Replace(d.Pos.String(), "row 2 col 2 ", "", 1))

	deep := "<body>" + strings.Repeat("<div>", 40) + "<p>深</p>" + strings.Repeat("</div>", 40) + "</body>"
	p := read(t, deep).Blocks[0].(*block.Paragraph)
	require.True(t, strings.HasPrefix(p.Pos.Path, "/html/body//div[1]/"), p.Pos.Path)
	require.Less(t, len(p.Pos.Path), 200)
}

// TestLinks checks the links reported for attachments: those of the
// article and of the list after it, not the navigation's or the footer's.
func TestLinks(t *testing.T) {
	page := siteHead + `<div class="art"><div class="body">` + prose + `<p>附件：<a href="f/2.xlsx">附件2.xlsx</a></p></div>` +
		`<div class="att"><a href="/f/1.docx">附件1.docx</a></div></div>` + siteFoot
	p, err := html.ReadPage(context.Background(), strings.NewReader(page), int64(len(page)), html.Options{})
	require.NoError(t, err)
	var got []string
	for _, l := range p.Links {
		got = append(got, fmt.Sprintf("%s %s %v", l.Href, l.Text, l.InArticle))
	}
	require.Equal(t, []string{"f/2.xlsx 附件2.xlsx true", "/f/1.docx 附件1.docx false"}, got)
	require.Equal(t, "T", p.Title)
	require.Equal(t, "UTF-8 (<meta charset=utf-8>)", p.Charset)
}

func TestReadMHT(t *testing.T) {
	data, err := os.ReadFile("../../testdata/html/page.mht")
	require.NoError(t, err)
	p, err := html.ReadMHT(context.Background(), bytes.NewReader(data), int64(len(data)), html.Options{})
	require.NoError(t, err)
	require.Equal(t, "https://www.baichuan.example.gov.cn/zwgk/tzgg/202406/t20240605_9.html", p.Location)
	utf8, err := os.ReadFile("../../testdata/html/utf8-equiv.html")
	require.NoError(t, err)
	require.Equal(t, dump(read(t, string(utf8))), dump(p.Document))

	bad := []struct {
		name, mht string
		want      error
	}{
		{"not multipart", "MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<p>x</p>", block.ErrFormat},
		{"no page", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n", block.ErrFormat},
		{"too many parts", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n" +
			strings.Repeat("--b\r\nContent-Type: image/png\r\n\r\nxx\r\n", 20) + "--b--\r\n", block.ErrLimit},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := html.ReadMHT(context.Background(), strings.NewReader(tt.mht), int64(len(tt.mht)), html.Options{Limits: block.Limits{MaxParts: 10}})
			require.ErrorIs(t, err, tt.want)
			var pe *block.ParseError
			require.ErrorAs(t, err, &pe)
		})
	}
}

// TestTablesLeftOut: a table of figures outside the article is named in the
// problems, not dropped without a trace; layout tables and menus are not.
func TestTablesLeftOut(t *testing.T) {
	page := siteHead + `<div class="art">` + prose + prose + `</div>` +
		`<div class="side"><table><tr><td>本月来电</td><td>1234</td></tr><tr><td>本月来信</td><td>56</td></tr></table></div>` +
		`<table><tr><td><a href="/1">通知</a></td><td><a href="/2">公告</a></td></tr><tr><td><a href="/3">动态</a></td><td><a href="/4">2024</a></td></tr></table>` + siteFoot
	doc := read(t, page)
	require.Len(t, doc.Problems, 1, "%v", doc.Problems)
	require.Equal(t, "a table of 2 rows outside the article was left out", doc.Problems[0].Message)
	require.Equal(t, "/html/body/div[4]/table[1]", doc.Problems[0].Pos.Path)
}
