#!/usr/bin/env python3
"""Write the web-page fixtures of extract/html: one made-up bulletin (the
柏川区 May report below, names and numbers invented) as government sites
publish it, and the plain HTML its DOCX and PDF copies are made from.

The article is Word-saved HTML as a CMS editor keeps it: MsoNormal
paragraphs, runs split inside numbers and words, &nbsp; indents in
mso-spacerun spans, <o:p>, downlevel conditional comments, a hidden run,
tables of <td><p><span> with rowspan/colspan and width attributes, a <br>
in a header cell, a unit name in two <p>s of one cell, Word's trailing row
of empty width cells, tag lines wrapped between attributes. It is put in:

  gb2312.html        <meta charset="gb2312">, bytes in GBK (a traditional
                     character, 裏, exists only in GBK)
  gbk.html           <meta charset="gbk"> and a 信息公开 catalogue table
  utf8-equiv.html    UTF-8 declared only by <meta http-equiv>, HTML5
                     header/nav/main/aside/footer, a sidebar of links
  portal.html        an old portal: the article in the cell of a table in a
                     table in a table, <meta http-equiv> gb2312
  wordsave.htm       the article alone as Word saves a web page
  page.mht           utf8-equiv.html as a browser saves one file (MHTML:
                     quoted-printable page, a base64 image part)
  attach/page.html   a page with the prose only; its tables are in the
                     attachments it links, attach/fj1.docx and
                     attach/fj2.pdf (made by html.sh from plain-1.html and
                     plain-2.html)

plain.html, plain-1.html and plain-2.html are the plain HTML that html.sh
turns into bulletin.docx (the DOCX copy every page must read the same as),
fj1.docx and fj2.pdf with LibreOffice. They are removed afterwards.

usage: htmlpages.py OUTDIR
"""
import base64
import html
import os
import quopri
import random
import sys

rng = random.Random(15)

ISSUER = "柏川区政务服务管理局"
TITLE = "柏川区5月份12345热线诉求办理情况通报"
DATE = "2024年6月5日"
ISO_DATE = "2024-06-05"

PROSE = [
    "各街道办事处，区直各单位：",
    "5月份，区12345热线共受理群众诉求3862件，其中电话诉求2915件，网络诉求947件，分别占75.48%和24.52%。",
    "全月转办工单1534件，按时办结1498件，按时办结率97.65%；回访群众1120人次，满意1046人次，满意率93.39%。",
    "办理情况较好的单位是区住建局、区人社局；有待改进的单位是区城管局。",
    "附件：1．区直单位诉求办理情况",
    "2．各街道诉求办理情况",
]

# Table 1: one header row. Units, 转办数, 按时办结数, 满意数.
T1_HEADER = ["单位名称", "转办数", "按时<br>办结数", "按时<br>办结率", "满意数", "满意率"]
T1_ROWS = [
    ("区住建局", 212, 210, 201), ("区人社局", 168, 167, 160), ("区城管局", 305, 288, 262),
    (["区市场监督", "管理局"], 143, 141, 133), ("区教育局", 97, 97, 92), ("区卫健委", 121, 118, 111),
    ("区交通运输局", 88, 86, 80), ("区民政局", 64, 64, 61),
]
# Table 2: a two-level header. Streets, phone (受理, 办结), online (受理, 办结).
T2_ROWS = [
    ("青槐街道", 402, 396, 131, 129), ("白鹭裏社区", 118, 117, 40, 40), ("石桥街道", 356, 349, 122, 119),
    ("柳岸街道", 289, 286, 95, 95), ("望江街道", 331, 322, 104, 101), ("桂园街道", 270, 268, 88, 87),
]
NOTE = "注：按时办结率＝按时办结数÷转办数，满意率＝满意数÷转办数。"


def rate(n, d):
    """Half-up percentage at two decimals, trailing zeros dropped."""
    v = (n * 10000 * 2 + d) // (2 * d)
    s = "%d.%02d" % (v // 100, v % 100)
    return s.rstrip("0").rstrip(".") + "%"


def t1_body():
    rows = []
    for unit, h, o, s in T1_ROWS:
        rows.append([unit, str(h), str(o), rate(o, h), str(s), rate(s, h)])
    return rows


def t2_body():
    rows = []
    tot = [0, 0, 0, 0]
    for street, ph, pc, oh, oc in T2_ROWS:
        rows.append([street, str(ph), str(pc), rate(pc, ph), str(oh), str(oc), rate(oc, oh)])
        for i, v in enumerate((ph, pc, oh, oc)):
            tot[i] += v
    rows.append(["合计", str(tot[0]), str(tot[1]), rate(tot[1], tot[0]), str(tot[2]), str(tot[3]), rate(tot[3], tot[2])])
    return rows


# ---- plain HTML (the source of the DOCX and PDF copies) ----

def plain_cell(c, tag="td", attrs=""):
    if isinstance(c, list):
        inner = "".join("<p>%s</p>" % html.escape(x) for x in c)
    else:
        inner = c if "<br>" in c else html.escape(c)
    return "<%s%s>%s</%s>" % (tag, attrs, inner, tag)


def plain_table1():
    out = ['<table border="1" cellspacing="0" cellpadding="4">']
    out.append("<tr>" + "".join(plain_cell(h, "td") for h in T1_HEADER) + "</tr>")
    for r in t1_body():
        out.append("<tr>" + "".join(plain_cell(c) for c in r) + "</tr>")
    out.append("</table>")
    return out


def plain_table2():
    out = ['<table border="1" cellspacing="0" cellpadding="4">']
    out.append('<tr><td rowspan="2">街道</td><td colspan="3">电话诉求</td><td colspan="3">网络诉求</td></tr>')
    out.append("<tr>" + "".join("<td>%s</td>" % h for h in ["受理数", "办结数", "办结率"] * 2) + "</tr>")
    for r in t2_body():
        out.append("<tr>" + "".join(plain_cell(c) for c in r) + "</tr>")
    out.append("</table>")
    return out


def plain_doc(parts):
    head = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
            '<style>body{font-family:"Noto Serif CJK SC",serif;font-size:12pt}table{border-collapse:collapse}'
            'td{text-align:center;font-size:10.5pt}</style></head><body>']
    return "\n".join(head + parts + ["</body></html>"]) + "\n"


def plain_all():
    out = ["<p>%s</p>" % TITLE] + ["<p>%s</p>" % html.escape(p) for p in PROSE]
    out += ["<p>%s</p>" % ISSUER, "<p>%s</p>" % DATE]
    out += ["<p>附件1</p>", "<p>区直单位诉求办理情况</p>"] + plain_table1()
    out += ["<p>附件2</p>", "<p>各街道诉求办理情况</p>"] + plain_table2() + ["<p>%s</p>" % NOTE]
    return plain_doc(out)


def plain_attachment(n):
    if n == 1:
        return plain_doc(["<p>附件1</p>", "<p>区直单位诉求办理情况</p>"] + plain_table1())
    return plain_doc(["<p>附件2</p>", "<p>各街道诉求办理情况</p>"] + plain_table2() + ["<p>%s</p>" % NOTE])


# ---- Word-saved HTML ----

def wrap_tag(name, attrs):
    """A start tag whose attributes Word may wrap onto the next line."""
    s = "<" + name
    for a in attrs:
        s += ("\n" if rng.random() < 0.3 else " ") + a
    return s + ">"


def runs(text, font="仿宋_GB2312", size="16.0pt"):
    """Text as Word's runs, split at random places, digits inside numbers
    too, each digit run in a Times New Roman span."""
    pieces, cur = [], ""
    for ch in text:
        if cur and (ch.isdigit() != cur[-1].isdigit() or rng.random() < 0.12):
            pieces.append(cur)
            cur = ""
        cur += ch
    if cur:
        pieces.append(cur)
    out = []
    for p in pieces:
        if p[0].isdigit():
            out.append(wrap_tag("span", ["lang=EN-US", "style='font-size:%s;font-family:\"Times New Roman\";mso-fareast-font-family:%s'" % (size, font)]))
        else:
            out.append(wrap_tag("span", ["style='font-size:%s;font-family:%s'" % (size, font)]))
        out.append(html.escape(p, quote=False) + "</span>")
    return "".join(out)


def word_p(text, align=None, indent=True, hidden=None):
    attrs = ["class=MsoNormal"]
    if align:
        attrs.append("align=" + align)
    attrs.append("style='line-height:28.0pt;mso-line-height-rule:exactly'")
    body = ""
    if indent:
        body += "<span style='font-size:16.0pt'><span style='mso-spacerun:yes'>%s</span></span>" % ("&nbsp;" * 8)
    body += runs(text)
    if hidden:
        body += "<span style='display:none;mso-hide:all'>%s</span>" % hidden
    return wrap_tag("p", attrs) + body + "<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>"


EMPTY_P = "<p class=MsoNormal><span lang=EN-US><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></span></p>"


def word_td(content, width, rowspan=1, colspan=1, bold=False):
    attrs = ["width=%d" % width]
    if rowspan > 1:
        attrs.append("rowspan=%d" % rowspan)
    if colspan > 1:
        attrs.append("colspan=%d" % colspan)
    attrs.append("valign=middle style='width:%.1fpt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'" % (width * 0.75))
    lines = content if isinstance(content, list) else [content]
    ps = []
    for line in lines:
        segs = line.split("<br>")
        inner = "<br>\n".join(runs(s, "宋体", "10.5pt") for s in segs)
        if bold:
            inner = "<b>" + inner + "</b>"
        ps.append("<p class=MsoNormal align=center style='text-align:center'>%s<span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span></p>" % inner)
    return wrap_tag("td", attrs) + "\n" + "".join(ps) + "</td>"


def word_table(header_rows, body, widths):
    out = ["<div align=center>",
           "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=%d\n style='width:%.1fpt;border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>" % (sum(widths), sum(widths) * 0.75)]
    for i, row in enumerate(header_rows):
        out.append("<tr style='mso-yfti-irow:%d;mso-yfti-firstrow:yes'>" % i)
        out += row
        out.append("</tr>")
    for i, r in enumerate(body):
        out.append("<tr style='mso-yfti-irow:%d;height:19.85pt'>" % (i + len(header_rows)))
        out += [word_td(c, widths[j]) for j, c in enumerate(r)]
        out.append("</tr>")
    out.append("<![if !supportMisalignedColumns]>")
    out.append("<tr height=0>" + "".join("<td width=%d style='border:none'></td>" % w for w in widths) + "</tr>")
    out.append("<![endif]>")
    out.append("</table>")
    out.append("</div>")
    return out


def word_sections():
    """The article's Word HTML: the prose section, then the tables'."""
    s1 = ["<div class=WordSection1 style='layout-grid:15.6pt'>",
          word_p(TITLE, align="center", indent=False), EMPTY_P]
    for i, p in enumerate(PROSE):
        hidden = "（初稿）" if i == 2 else None
        s1.append(word_p(p, indent=i > 0, hidden=hidden))
    s1 += [EMPTY_P, word_p(ISSUER, align="right", indent=False), word_p(DATE, align="right", indent=False), "</div>"]
    brk = "<span lang=EN-US style='font-size:16.0pt'><br clear=all style='page-break-before:always;mso-break-type:section-break'>\n</span>"
    w1 = [120, 64, 64, 72, 64, 72]
    t1 = word_table([[word_td(h, w1[i], bold=True) for i, h in enumerate(T1_HEADER)]], t1_body(), w1)
    w2 = [96, 60, 60, 70, 60, 60, 70]
    t2_head = [[word_td("街道", w2[0], rowspan=2, bold=True), word_td("电话诉求", 190, colspan=3, bold=True),
                word_td("网络诉求", 190, colspan=3, bold=True)],
               [word_td(h, w2[1 + i], bold=True) for i, h in enumerate(["受理数", "办结数", "办结率"] * 2)]]
    t2 = word_table(t2_head, t2_body(), w2)
    s2 = ["<div class=WordSection2 style='layout-grid:15.6pt'>", word_p("附件1", indent=False),
          word_p("区直单位诉求办理情况", align="center", indent=False)] + t1 + [
        EMPTY_P, word_p("附件2", indent=False), word_p("各街道诉求办理情况", align="center", indent=False)] + t2 + [
        word_p(NOTE, indent=False), "</div>"]
    return s1 + [brk] + s2


def article():
    return "\n".join(word_sections())


WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>%s</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>bgs</o:Author>
  <o:Pages>3</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;font-family:"Times New Roman";}
@page WordSection1 {size:595.3pt 841.9pt;}
div.WordSection1 {page:WordSection1;}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
""" % TITLE

SHARE = """<script type="text/javascript">var shareCfg = {title: document.title, sites: ['weixin', 'weibo']};
document.write('<div class="share-box"></div>');</script>"""


def footer_lines():
    return ["主办单位：柏川区人民政府办公室　承办：柏川区大数据中心",
            "网站标识码：4409990015　粤ICP备20240515号-2　粤公网安备 44099902000515号"]


def page_gb2312():
    return "\n".join([
        "<!DOCTYPE html>", "<html>", "<head>", '<meta charset="gb2312">',
        "<title>%s_通知公告_柏川区人民政府</title>" % TITLE,
        '<meta name="ArticleTitle" content="%s">' % TITLE,
        '<meta name="PubDate" content="%s 09:30">' % ISO_DATE,
        '<link rel="stylesheet" href="/css/site.css">', "</head>", "<body>",
        '<div class="hd"><div class="logo"><img src="/img/logo.png" alt="柏川区人民政府"></div>',
        '<ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>',
        '<div class="loc">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>',
        '<div class="art">',
        "<h1>%s</h1>" % TITLE,
        '<p class="meta"><span>发布时间：%s 09:30</span><span>来源：%s</span><span>阅读次数：<script>document.write(812)</script></span><span>字号：<a href="javascript:setSize(18)">大</a> <a href="javascript:setSize(16)">中</a> <a href="javascript:setSize(14)">小</a></span></p>' % (ISO_DATE, ISSUER),
        '<div class="art-body">', article(), "</div>",
        '<div class="files"><strong>附件下载：</strong><a href="/files/2024/06/bc0605a.docx">区直单位诉求办理情况.docx</a> <a href="/files/2024/06/bc0605b.pdf">各街道诉求办理情况.pdf</a></div>',
        '<div class="share">分享到：', SHARE, "</div>",
        '<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>',
        "</div>",
        '<div class="ft">' + "".join("<p>%s</p>" % l for l in footer_lines()) + "</div>",
        "</body>", "</html>", ""])


def page_gbk():
    box = [
        '<table class="gkml" width="100%" border="0" cellspacing="1" cellpadding="3">',
        '<tr><td width="12%"><b>索 引 号：</b></td><td width="38%">11440999MB2C01503X/2024-00417</td><td width="12%"><b>分　　类：</b></td><td>政务公开\\通知公告</td></tr>',
        "<tr><td><b>发布机构：</b></td><td>%s</td><td><b>成文日期：</b></td><td>%s</td></tr>" % (ISSUER, ISO_DATE),
        '<tr><td><b>标　　题：</b></td><td colspan="3">%s</td></tr>' % TITLE,
        "<tr><td>文　　号：</td><td></td><td>发布日期：</td><td>2024-06-06</td></tr>",
        "</table>"]
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="zh">', "<head>", '<meta charset="gbk">',
        "<title>%s</title>" % TITLE, '<meta name="ContentSource" content="%s">' % ISSUER,
        "</head>", "<body>",
        '<div class="top"><a href="/">柏川区人民政府门户网站</a> | <a href="/en/">English</a> | <a href="/old/">长者版</a></div>',
        '<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">政民互动</a></div>',
        '<div class="crumb">您所在的位置：<a href="/">首页</a> ＞ <a href="/zwgk/">政务公开</a> ＞ <a href="/zwgk/gzdt/">工作动态</a></div>',
        '<div class="main">'] + box + [
        '<div class="title-area"><h2>%s</h2>' % TITLE,
        '<div class="sub">发布日期：2024-06-06&nbsp;&nbsp;&nbsp;来源：%s&nbsp;&nbsp;&nbsp;浏览量：<span id="c">2231</span></div></div>' % ISSUER,
        '<div id="content">', "<!--content start-->", article(), "<!--content end-->", "</div>",
        '<div class="fj">相关附件：<ul><li><a href="/files/2024/06/bc0605a.docx">区直单位诉求办理情况.docx</a></li></ul></div>',
        '<div class="bshare">', SHARE, "</div>", "</div>",
        '<div class="footer">' + "<br>".join(footer_lines()) + "</div>",
        "</body>", "</html>", ""])


def page_utf8():
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="zh-CN">', "<head>",
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>%s - 柏川区人民政府</title>" % TITLE, '<link rel="stylesheet" href="/assets/app.css">', "</head>", "<body>",
        '<header class="g-head"><div class="brand">柏川区人民政府</div>',
        '<nav><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a></nav></header>',
        '<main class="g-main"><div class="bread"><a href="/">首页</a> / <a href="/zwgk/">政务公开</a> / <a href="/zwgk/tzgg/">通知公告</a></div>',
        '<article class="doc"><div class="doc-title">%s</div>' % TITLE,
        '<div class="doc-info"><span>发布时间：%s 16:02</span><span>信息来源：%s</span><span>访问量：<em id="pv"></em></span></div>' % (ISO_DATE, ISSUER),
        '<div class="doc-text" id="docText">', article(), "</div>",
        '<div class="doc-att"><p>附件：</p><p><a href="/files/2024/06/bc0605a.docx">区直单位诉求办理情况.docx</a></p><p><a href="/files/2024/06/bc0605b.pdf">各街道诉求办理情况.pdf</a></p></div>',
        "</article>",
        '<aside class="related"><h3>相关文章</h3><ul><li><a href="/zwgk/tzgg/202405/t20240506_1.html">柏川区4月份12345热线诉求办理情况通报</a></li><li><a href="/zwgk/tzgg/202404/t20240508_2.html">柏川区3月份12345热线诉求办理情况通报</a></li></ul></aside>',
        "</main>",
        '<footer class="g-foot">' + "".join("<p>%s</p>" % l for l in footer_lines()) + "</footer>",
        SHARE, "</body>", "</html>", ""])


def page_portal():
    return "\n".join([
        "<html>", "<head>", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
        "<title>%s</title>" % TITLE, "</head>", '<body topmargin="0" leftmargin="0">',
        '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">',
        '<tr><td><img src="/images/banner.jpg" width="980" height="110"></td></tr>',
        '<tr><td bgcolor="#1a5aa0" height="32"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bmfw/">便民服务</a> | <a href="/zxft/">在线访谈</a></td></tr>',
        "</table>",
        '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">',
        '<tr><td width="200" valign="top">',
        '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="lm">栏目导航</td></tr>',
        '<tr><td><a href="/zwgk/tzgg/">通知公告</a></td></tr><tr><td><a href="/zwgk/gzdt/">工作动态</a></td></tr><tr><td><a href="/zwgk/rsxx/">人事信息</a></td></tr></table>',
        '</td><td width="780" valign="top">',
        '<table width="100%" border="0" cellspacing="0" cellpadding="0">',
        '<tr><td height="28">&nbsp;当前位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a> &gt;&gt; <a href="/zwgk/tzgg/">通知公告</a></td></tr>',
        '<tr><td>', '<table width="94%" border="0" align="center" cellpadding="0" cellspacing="0">',
        '<tr><td height="56" align="center"><font size="5"><b>%s</b></font></td></tr>' % TITLE,
        '<tr><td align="center">日期：%s&nbsp;&nbsp;&nbsp;&nbsp;来源：%s&nbsp;&nbsp;&nbsp;&nbsp;点击：<font color="red">356</font></td></tr>' % (ISO_DATE, ISSUER),
        '<tr><td height="8"><hr size="1" noshade></td></tr>',
        '<tr><td valign="top">', article(), "</td></tr>",
        '<tr><td>附件：<a href="/files/2024/06/bc0605a.docx">区直单位诉求办理情况.docx</a></td></tr>',
        '<tr><td align="right"><a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></td></tr>',
        "</table>", "</td></tr>", "</table>", "</td></tr>", "</table>",
        '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td align="center">',
        "<br>".join(footer_lines()), "</td></tr></table>", "</body>", "</html>", ""])


def page_wordsave():
    return WORD_HEAD + article() + "\n</body>\n</html>\n"


def page_attach():
    prose = ["<div class=WordSection1 style='layout-grid:15.6pt'>", word_p(TITLE, align="center", indent=False)]
    prose += [word_p(p, indent=i > 0) for i, p in enumerate(PROSE)]
    prose += [word_p(ISSUER, align="right", indent=False), word_p(DATE, align="right", indent=False), "</div>"]
    return "\n".join([
        "<!DOCTYPE html>", "<html>", "<head>", '<meta charset="utf-8">', "<title>%s</title>" % TITLE, "</head>", "<body>",
        '<div class="menu"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>',
        '<div class="pos">位置：<a href="/">首页</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>',
        "<h1>%s</h1>" % TITLE,
        '<div class="info"><span>发布时间：%s</span><span>来源：%s</span></div>' % (ISO_DATE, ISSUER),
        '<div class="body">'] + prose + [
        "</div>",
        '<div class="att">附件：<br><a href="fj1.docx">附件1：区直单位诉求办理情况.docx</a><br>'
        '<a href="/u/cms/files/fj2.pdf">附件2：各街道诉求办理情况.pdf</a></div>',
        '<div class="foot">' + "<br>".join(footer_lines()) + "</div>",
        "</body>", "</html>", ""])


def mht(page_utf8_html):
    """The UTF-8 page as a browser's single-file save."""
    boundary = "----MultipartBoundary--bc0605pXy7Qe----"
    png = base64.b64encode(bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5f0000000049454e44ae426082")).decode()
    qp = quopri.encodestring(page_utf8_html.encode("utf-8")).decode("ascii")
    parts = [
        "From: <Saved by Blink>",
        "Snapshot-Content-Location: https://www.baichuan.example.gov.cn/zwgk/tzgg/202406/t20240605_9.html",
        "Subject: =?utf-8?Q?=E6=9F=8F=E5=B7=9D?=",
        "Date: Wed, 5 Jun 2024 16:30:00 +0800",
        "MIME-Version: 1.0",
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="%s"' % boundary,
        "", "",
        "--" + boundary,
        "Content-Type: text/html",
        "Content-ID: <frame-0B1F5E9A@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://www.baichuan.example.gov.cn/zwgk/tzgg/202406/t20240605_9.html",
        "", qp.replace("\n", "\r\n"), "",
        "--" + boundary,
        "Content-Type: image/png",
        "Content-Transfer-Encoding: base64",
        "Content-Location: https://www.baichuan.example.gov.cn/img/logo.png",
        "", png, "",
        "--" + boundary + "--", ""]
    return "\r\n".join(parts)


def write(path, text, encoding="utf-8"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode(encoding))


def main():
    out = sys.argv[1]
    write(os.path.join(out, "plain.html"), plain_all())
    write(os.path.join(out, "plain-1.html"), plain_attachment(1))
    write(os.path.join(out, "plain-2.html"), plain_attachment(2))
    write(os.path.join(out, "gb2312.html"), page_gb2312(), "gbk")
    write(os.path.join(out, "gbk.html"), page_gbk(), "gbk")
    utf8 = page_utf8()
    write(os.path.join(out, "utf8-equiv.html"), utf8)
    write(os.path.join(out, "portal.html"), page_portal(), "gbk")
    write(os.path.join(out, "wordsave.htm"), page_wordsave(), "gbk")
    write(os.path.join(out, "page.mht"), mht(utf8))
    write(os.path.join(out, "attach", "page.html"), page_attach())


if __name__ == "__main__":
    main()
