"""Render a probe case: the print HTML (source of the DOCX and Chromium PDF), the seed-style
text copy, and the CMS web page (Word-saved HTML inside one of four site templates)."""
import html
import random
import re

FW = str.maketrans("0123456789%", "０１２３４５６７８９％")


def esc(s):
    return html.escape(s, quote=False)


def cell_html(text):
    """A cell's printed text: inner runs of spaces kept, line breaks as <br>."""
    lines = text.split("\n")
    return "<br>".join(esc(l).replace("  ", "&nbsp;&nbsp;") for l in lines)


def physical_rows(t):
    """Header rows and body rows as printed, with side-by-side packing.
    Returns (header_rows, body_rows): header rows are lists of (text, colspan, rowspan); body
    rows are lists of str."""
    grid = t.header_grid()
    rows = [r for r, _ in t.ordered_rows()]
    n = t.side_by_side
    if n == 1 and getattr(t, "merge_lead", False):
        # the first column merged down over runs of equal values: the first row of a run
        # holds a Spanned cell, the others None where the merged cell covers them
        out = [list(r) for r in rows]
        i = 0
        while i < len(out):
            j = i + 1
            while j < len(out) and rows[j][0] == rows[i][0]:
                out[j][0] = None
                j += 1
            if j - i > 1:
                out[i][0] = Spanned(rows[i][0], j - i)
            i = j
        return grid, out
    if n == 1:
        if not t.sections:
            return grid, rows
        # section headings (one cell across the table) before their first rows
        out, i = [], 0
        for r, is_total in t.ordered_rows():
            if not is_total:
                if i in t.sections:
                    out.append(Section(t.sections[i]))
                i += 1
            out.append(r)
        return grid, out
    per = (len(rows) + n - 1) // n
    hdr = [sum([list(g) for _ in range(n)], []) for g in grid]
    body = []
    for i in range(per):
        out = []
        for k in range(n):
            j = k * per + i
            out += rows[j] if j < len(rows) else [""] * len(t.cols)
        body.append(out)
    return hdr, body


class Section(str):
    """A body row that is a section heading: one cell across the table."""


class Spanned(str):
    """A body cell merged down over n rows."""

    def __new__(cls, text, n):
        s = super().__new__(cls, text)
        s.n = n
        return s


def col_widths(t):
    w = []
    for c in t.cols:
        if c.kind == "unit":
            w.append(t.unit_width or 7)
        elif c.kind in ("seq", "rank"):
            w.append(2.5)
        elif c.kind == "text":
            w.append(5)
        else:
            w.append(max(3.5, min(6, len(c.header.replace("\n", "")) * 0.9)))
    return w * t.side_by_side


# ---------------------------------------------------------------------------
# print HTML
# ---------------------------------------------------------------------------

SERIF = "font-family:'Noto Serif CJK SC';"
SANS = "font-family:'Noto Sans CJK SC';"


def para(text, size=15, align="justify", indent=True, bold=False, extra="", font=SERIF):
    st = "%s font-size:%spt; text-align:%s; margin-top:0; margin-bottom:0; line-height:150%%;" % (font, size, align)
    if indent:
        st += " text-indent:30pt;"
    if bold:
        st += " font-weight:bold;"
    return '<p style="%s%s">%s</p>\n' % (st, extra, esc(text))


def title_html(doc):
    m, lay = doc.meta, doc.layout
    out = ""
    style = lay.get("style")
    if style == "redhead":
        out += para(m["masthead"], 26, "center", False, True, " color:#d00000; margin-top:24pt; margin-bottom:24pt;")
        out += para(m["doc_number"], 15, "center", False, False,
                    " border-bottom:2.25pt solid #d00000; padding-bottom:6pt; margin-bottom:18pt;")
    if style == "jianbao":
        out += para(m["masthead"], 28, "center", False, True, " color:#d00000; margin-top:12pt; margin-bottom:12pt;")
        out += para(m["issue_line"], 15, "center", False, False, " margin-bottom:6pt;")
        out += para("%s　　　　%s" % (m["issuer"], m["issued_text"]), 14, "center", False, False,
                    " border-bottom:2.25pt solid #d00000; padding-bottom:6pt; margin-bottom:18pt;")
    if style == "topline":
        out += para("%s　　　　%s" % (m["issuer"], m["issued_text"]), 14, "left", False, False,
                    " margin-bottom:12pt;")
    if style == "brief":
        out += para(m["issue_line"], 15, "center", False, False, " margin-bottom:6pt;")
    for i, l in enumerate(m["title_lines"]):
        out += para(l, 20, "center", False, True, " margin-bottom:%spt;" % (12 if i == len(m["title_lines"]) - 1 else 0))
    if style == "weekly":
        out += para(m["issue_line"], 16, "center", False, False, " margin-bottom:6pt;")
        out += para("%s　　%s" % (m["issuer"], m["issued_text"]), 14, "center", False, False, " margin-bottom:12pt;")
    return out


def table_html(t, repeat):
    hdr, body = physical_rows(t)
    w = col_widths(t)
    tot = sum(w)
    fs = "font-size:%spt;" % t.font_pt
    s = '<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-collapse:collapse">\n<colgroup>'
    s += "".join('<col width="%d%%">' % round(100 * x / tot) for x in w) + "</colgroup>\n"
    hrows = ""
    for r in hdr:
        hrows += "<tr>" + "".join(
            '<td align="center" valign="middle"%s%s><span style="%s%s">%s</span></td>' % (
                ' colspan="%d"' % cs if cs > 1 else "", ' rowspan="%d"' % rs if rs > 1 else "", SANS, fs,
                cell_html(tx)) for tx, cs, rs in r) + "</tr>\n"
    brows = ""
    for r in body:
        if isinstance(r, Section):
            brows += '<tr><td colspan="%d" align="left" valign="middle"><span style="%s%s">%s</span></td></tr>\n' % (
                len(w), SANS, fs, cell_html(r))
            continue
        brows += "<tr>" + "".join('<td align="center" valign="middle"%s><span style="%s%s">%s</span></td>' % (
            ' rowspan="%d"' % x.n if isinstance(x, Spanned) else "", SERIF, fs, cell_html(x))
            for x in r if x is not None) + "</tr>\n"
    if repeat:
        s += "<thead>\n" + hrows + "</thead><tbody>\n" + brows + "</tbody></table>\n"
    else:
        s += "<tbody>\n" + hrows + brows + "</tbody></table>\n"
    return s


def print_html(doc):
    """The document as HTML for LibreOffice's HTML import, pandoc and Chromium."""
    out = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n<style>@page { size: 21cm 29.7cm; '
           'margin: 2.5cm 2.3cm 2.3cm 2.5cm; }\nbody { font-family: \'Noto Serif CJK SC\'; }</style></head><body>\n']
    lay = doc.layout
    first_label = True
    for b in doc.blocks:
        k = b[0]
        if k == "title":
            out.append(title_html(doc))
        elif k == "salutation":
            out.append(para(b[1], indent=False))
        elif k == "p":
            out.append(para(b[1]))
        elif k == "h":
            out.append(para(b[1], extra=" font-weight:bold;", font=SANS))
        elif k == "attach":
            for i, l in enumerate(b[1]):
                out.append(para(l, extra=(" margin-top: 12pt;" if i == 0 else " padding-left:45pt;")))
        elif k == "signature":
            out.append(para(doc.meta["issuer"], 15, "right", False, False, " margin-top: 30pt; margin-right: 30pt;"))
            out.append(para(doc.meta["issued_text"], 15, "right", False, False, " margin-right: 50pt;"))
        elif k == "label":
            brk = " page-break-before: always;" if (lay.get("attach_page_break", True) or not first_label) else ""
            first_label = False
            out.append(para(b[1], 16, "left", False, False, brk, SANS))
        elif k == "table":
            t = b[1]
            for i, l in enumerate(t.title_lines):
                out.append(para(l, 16, "center", False, True, " margin-bottom: %spt;" % (
                    10 if i == len(t.title_lines) - 1 else 0)))
            out.append(table_html(t, t.repeat_header))
            for n in t.notes:
                out.append(para(n, 12, "left", False, False, " margin-top: 4pt;"))
        elif k == "footer":
            for i, l in enumerate(b[1]):
                out.append(para(l, 14, "left", False, False,
                                " border-top: 1pt solid black;" + (" margin-top: 40pt;" if i == 0 else "")))
        else:
            raise ValueError(k)
    out.append("</body></html>\n")
    return "".join(out)


# ---------------------------------------------------------------------------
# text copy in the seed's style
# ---------------------------------------------------------------------------

def text_copy(doc):
    """One table cell per TAB-prefixed line, rows apart by blank lines, merged cells printed
    once, a wrapped header cell's further lines after a blank line (as the seed prints them)."""
    rnd = random.Random(doc.case)
    m, lay = doc.meta, doc.layout
    out = []

    def gap():
        # the seed is not regular about blank lines between paragraphs
        out.append("" if rnd.random() < 0.8 else None)

    for b in doc.blocks:
        k = b[0]
        if k == "title":
            if lay.get("style") == "redhead":
                out += [m["masthead"], "", m["doc_number"], ""]
            if lay.get("style") == "jianbao":
                out += [m["masthead"], m["issue_line"], "%s    %s" % (m["issuer"], m["issued_text"]), ""]
            if lay.get("style") == "topline":
                out.append(" %s    %s" % (m["issuer"], m["issued_text"]))
            if lay.get("style") == "brief":
                out.append(m["issue_line"])
            out += m["title_lines"]
            if lay.get("style") == "weekly":
                out += [m["issue_line"], "%s  %s" % (m["issuer"], m["issued_text"])]
            out.append("")
        elif k in ("salutation", "p", "h"):
            out.append(b[1])
            gap()
        elif k == "attach":
            out.append(b[1][0])
            for l in b[1][1:]:
                out += ["", l]
            out.append("")
        elif k == "signature":
            out += ["", m["issuer"], m["issued_text"], ""]
        elif k == "label":
            out.append(b[1])
        elif k == "table":
            t = b[1]
            out += t.title_lines
            out.append("")
            hdr, body = physical_rows(t)
            for r in hdr:
                for tx, _, _ in r:
                    lines = tx.split("\n")
                    out.append("\t" + lines[0])
                    for l in lines[1:]:
                        out += ["", l]
                out.append("")
            for r in body:
                if isinstance(r, Section):
                    out += ["\t" + r, ""]
                    continue
                for x in r:
                    if x is not None:  # a merged cell is printed once
                        out.append("\t" + x)
                out.append("")
            out += t.notes
            if t.notes:
                out.append("")
        elif k == "footer":
            out += [""] + b[1]
    s = "\n".join(l for l in out if l is not None) + "\n"
    s = re.sub(r"\n{4,}", "\n\n\n", s)
    if doc.txt_fullwidth:
        s = s.translate(FW)
    return s


# ---------------------------------------------------------------------------
# Word-saved HTML (the CMS article body)
# ---------------------------------------------------------------------------

TNR = "font-family:\"Times New Roman\";mso-fareast-font-family:%s;mso-bidi-font-family:\"Times New Roman\""
EMPTY_P = "<p class=MsoNormal><span lang=EN-US><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></span></p>\n"


def word_runs(text, size, font, rnd, bold=False):
    """Text as Word's spans: CJK runs in the CJK font, digit runs in Times New Roman (lang=EN-US),
    and some digit runs split in two (<span>12</span><span>34</span>)."""
    parts = re.findall(r"[0-9.,%]+|[^0-9.,%]+", text)
    out = []
    for p in parts:
        if re.match(r"[0-9.,%]", p):
            pieces = [p]
            if len(p) >= 3 and rnd.random() < 0.4:
                k = rnd.randint(1, len(p) - 1)
                pieces = [p[:k], p[k:]]
            for q in pieces:
                out.append("<span lang=EN-US style='font-size:%s.0pt;%s'>%s</span>" % (size, TNR % font, esc(q)))
        else:
            q = esc(p).replace("  ", "&nbsp; ")
            if len(p) > 6 and rnd.random() < 0.3:
                k = rnd.randint(1, len(p) - 1)
                out.append("<span style='font-size:%s.0pt;font-family:%s'>%s</span><span style='font-size:%s.0pt;"
                           "font-family:%s;mso-font-kerning:0pt'>%s</span>" % (size, font, esc(p[:k]), size, font,
                                                                              esc(p[k:]).replace("  ", "&nbsp; ")))
            else:
                out.append("<span style='font-size:%s.0pt;font-family:%s'>%s</span>" % (size, font, q))
    s = "".join(out)
    if bold:
        s = "<b>" + s + "</b>"
    return s + "<span lang=EN-US style='font-size:%s.0pt'><o:p></o:p></span>" % size


def wp(text, rnd, size=16, font="仿宋_GB2312", align=None, indent=True, bold=False, style_extra=""):
    st = "line-height:28.0pt;mso-line-height-rule:exactly" + style_extra
    a = ""
    if align:
        a = " align=%s" % align
        st = "text-align:%s;" % align + st
    lead = ""
    if indent:
        lead = "<span style='font-size:%s.0pt;font-family:%s'><span style='mso-spacerun:yes'>" \
               "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span></span>" % (size, font)
    return "<p class=MsoNormal%s style='%s'>%s%s</p>\n" % (a, st, lead, word_runs(text, size, font, rnd, bold))


def word_table(t, rnd):
    hdr, body = physical_rows(t)
    w = col_widths(t)
    px = [int(x * 15) for x in w]
    s = ("<div align=center><table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=%d\n"
         " style='width:%.1fpt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
         "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n") % (sum(px), sum(px) * 0.75)
    bd = "border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt"
    irow = 0

    def td(text, width, cs=1, rs=1, bold=False):
        lines = text.split("\n")
        ps = "".join("<p class=MsoNormal align=center style='text-align:center;line-height:14.0pt;"
                     "mso-line-height-rule:exactly'>%s</p>" % word_runs(l, "10.5" if False else 10, "宋体", rnd, bold)
                     for l in lines)
        return "<td width=%d%s%s valign=middle style='width:%.1fpt;%s'>\n%s</td>\n" % (
            width, " colspan=%d" % cs if cs > 1 else "", " rowspan=%d" % rs if rs > 1 else "", width * 0.75, bd, ps)

    for r in hdr:
        s += "<tr style='mso-yfti-irow:%d;%s'>\n" % (irow, "mso-yfti-firstrow:yes;" if irow == 0 else "")
        irow += 1
        col = 0
        for tx, cs, rs in r:
            s += td(tx, sum(px[col:col + cs]) if col < len(px) else 60, cs, rs, True)
            col += cs
        s += "</tr>\n"
    for r in body:
        s += "<tr style='mso-yfti-irow:%d;height:19.85pt'>\n" % irow
        irow += 1
        if isinstance(r, Section):
            s += td(r, sum(px), len(px))
        else:
            s += "".join(td(x, px[i], 1, x.n if isinstance(x, Spanned) else 1)
                         for i, x in enumerate(r) if x is not None)
        s += "</tr>\n"
    return s + "</table></div>\n"


def word_body(doc):
    rnd = random.Random("cms" + doc.case)
    m, lay = doc.meta, doc.layout
    out = ["<div class=WordSection1 style='layout-grid:15.6pt'>\n"]
    for b in doc.blocks:
        k = b[0]
        if k == "title":
            if lay.get("style") == "redhead":
                out.append(wp(m["masthead"], rnd, 22, "方正小标宋简体", "center", False, True))
                out.append(EMPTY_P)
                out.append(wp(m["doc_number"], rnd, 16, "仿宋_GB2312", "center", False, False,
                              ";border-bottom:solid red 2.25pt;padding:0cm 0cm 6.0pt 0cm"))
            if lay.get("style") == "jianbao":
                out.append(wp(m["masthead"], rnd, 26, "方正小标宋简体", "center", False, True))
                out.append(wp(m["issue_line"], rnd, 16, "仿宋_GB2312", "center", False))
                out.append(wp("%s　　　　%s" % (m["issuer"], m["issued_text"]), rnd, 14, "仿宋_GB2312", "center", False,
                              False, ";border-bottom:solid red 2.25pt;padding:0cm 0cm 6.0pt 0cm"))
            if lay.get("style") == "topline":
                out.append(wp("%s　　　　%s" % (m["issuer"], m["issued_text"]), rnd, 14, "仿宋_GB2312", None, False))
            if lay.get("style") == "brief":
                out.append(wp(m["issue_line"], rnd, 16, "仿宋_GB2312", "center", False))
            for l in m["title_lines"]:
                out.append(wp(l, rnd, 22, "方正小标宋简体", "center", False))
            if lay.get("style") == "weekly":
                out.append(wp(m["issue_line"], rnd, 16, "楷体_GB2312", "center", False))
                out.append(wp("%s　　%s" % (m["issuer"], m["issued_text"]), rnd, 14, "仿宋_GB2312", "center", False))
            out.append(EMPTY_P)
        elif k == "salutation":
            out.append(wp(b[1], rnd, indent=False))
        elif k == "p":
            out.append(wp(b[1], rnd))
        elif k == "h":
            out.append(wp(b[1], rnd, 16, "黑体"))
        elif k == "attach":
            for i, l in enumerate(b[1]):
                out.append(wp(l, rnd, indent=(i == 0), style_extra=(";margin-left:48.0pt" if i else "")))
        elif k == "signature":
            out.append(EMPTY_P)
            out.append(wp(m["issuer"], rnd, 16, "仿宋_GB2312", "right", False, False, ";margin-right:32.0pt"))
            out.append(wp(m["issued_text"], rnd, 16, "仿宋_GB2312", "right", False, False, ";margin-right:48.0pt"))
        elif k == "label":
            out.append("<span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312'><br clear=all "
                       "style='page-break-before:always'></span>\n")
            out.append(wp(b[1], rnd, 16, "黑体", None, False))
        elif k == "table":
            t = b[1]
            for l in t.title_lines:
                out.append(wp(l, rnd, 18, "方正小标宋简体", "center", False))
            out.append(word_table(t, rnd))
            for n in t.notes:
                out.append(wp(n, rnd, 12, "仿宋_GB2312", None, False))
        elif k == "footer":
            for l in b[1]:
                out.append(wp(l, rnd, 14, "仿宋_GB2312", None, False, False,
                              ";border-top:solid windowtext 1.0pt;padding:1.0pt 0cm 0cm 0cm"))
    out.append("</div>\n")
    return "".join(out)


# ---------------------------------------------------------------------------
# the four CMS templates
# ---------------------------------------------------------------------------

def site_of(doc):
    """The site's name: the place in the issuer (…区/县/市) + 人民政府."""
    m = re.match(r"^(.+?[市县縣区區])", doc.meta["issuer"])
    return (m.group(1) if m else doc.meta["issuer"][:3]) + "人民政府"


def attachments_list(doc):
    rnd = random.Random("att" + doc.case)
    items = []
    for b in doc.blocks:
        if b[0] == "table" and b[1].label:
            ext = rnd.choice([".xls", ".xlsx", ".doc"])
            items.append('<li><a href="/attach/%d/%x%s" target="_blank">%s：%s%s</a></li>' % (
                rnd.randint(1, 9), rnd.getrandbits(64), ext, b[1].label, b[1].title, ext))
    if not items:
        return ""
    return '<div class="fujian"><p>附件下载：</p><ul>\n%s\n</ul></div>\n' % "\n".join(items)


SHARE = ('<div class="share">分享到：<div class="bdsharebuttonbox"><a href="#" class="bds_weixin" data-cmd="weixin"></a>'
         '<a href="#" class="bds_tsina" data-cmd="tsina"></a></div>\n<script>window._bd_share_config={"common":'
         '{"bdSnsKey":{},"bdText":"","bdMini":"2","bdStyle":"0","bdSize":"16"},"share":{}};with(document)0[('
         'getElementsByTagName(\'head\')[0]||body).appendChild(createElement(\'script\')).src=\'/static/api/js/'
         'share.js?cdnversion=\'+~(-new Date()/36e5)];</script></div>\n')


def footer_html(doc, rnd):
    return ('<div class="footer"><p>主办单位：%s办公室&nbsp;&nbsp;承办单位：%s大数据中心</p>\n'
            '<p><a href="https://beian.miit.gov.cn/">%sICP备%08d号-1</a>&nbsp;&nbsp;网站标识码：%010d</p></div>\n') % (
        site_of(doc), site_of(doc)[:-4], rnd.choice("湘鄂赣皖苏浙闽粤桂黔滇川"), rnd.randint(10**7, 10**8 - 1),
        rnd.randint(10**9, 10**10 - 1))


def cms_page(doc):
    """(bytes, declared charset) of the CMS page in the case's template."""
    rnd = random.Random("site" + doc.case)
    m = doc.meta
    kind = doc.layout.get("cms", "gbk")
    title = m["title"]
    pub = doc.layout.get("cms_published", m["issued"])
    site = site_of(doc)
    body = word_body(doc)
    views = rnd.randint(200, 9000)
    if kind == "gb2312":
        page = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="gb2312">
<title>%(title)s_通知公告_%(site)s</title>
<meta name="SiteName" content="%(site)s">
<meta name="ArticleTitle" content="%(title)s">
<meta name="PubDate" content="%(pub)s 09:%(mm)02d">
<script type="text/javascript">function doZoom(size){var z=document.getElementById('zoom');z.style.fontSize=size+'px';}</script>
</head>
<body>
<div class="top"><div class="logo"><a href="/"><img src="/images/logo.png" alt="%(site)s"></a></div>
<div class="search"><form action="/search/" method="get"><input type="text" name="q" value="请输入关键字"><input type="submit" value="搜索"></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;&gt;&nbsp;<a href="/zwgk/tzgg/">通知公告</a></div>
<div class="article">
<h1 class="title">%(title)s</h1>
<div class="info">发布时间：%(pub)s 09:%(mm)02d&nbsp;&nbsp;来源：%(issuer)s&nbsp;&nbsp;浏览次数：<span id="hits">%(views)d</span>&nbsp;&nbsp;字号：[<a href="javascript:doZoom(18)">大</a>&nbsp;<a href="javascript:doZoom(16)">中</a>&nbsp;<a href="javascript:doZoom(14)">小</a>]</div>
<div class="TRS_Editor" id="zoom">
%(body)s</div>
%(att)s%(share)s</div>
%(footer)s</body>
</html>
"""
        charset = "gbk"
    elif kind == "gbk":
        page = """<!DOCTYPE html>
<html>
<head>
<meta charset="gbk">
<title>%(site)s %(title)s</title>
<meta name="ArticleTitle" content="%(title)s">
<meta name="ContentSource" content="%(issuer)s">
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<div id="container">
<div class="main-header"><div class="topbar"><a href="/col/col1/">无障碍</a> | <a href="/col/col2/">长者模式</a></div>
<ul class="main-nav"><li><a href="/">首页</a></li><li><a href="/col/col10/">政务公开</a></li><li><a href="/col/col12/">政民互动</a></li></ul></div>
<div class="bt-position">您现在的位置：<a href="/">首页</a> &gt; <a href="/col/col10/">政务公开</a> &gt; <a href="/col/col1025/">通知公告</a></div>
<table class="xxgk_table" width="100%%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="t1">索&nbsp;引&nbsp;号：</td><td class="t2">%(idx)s</td><td class="t1">主题分类：</td><td class="t2">综合政务\\其他</td></tr>
<tr><td class="t1">发布机构：</td><td class="t2">%(issuer)s</td><td class="t1">成文日期：</td><td class="t2">%(issued)s</td></tr>
<tr><td class="t1">名&nbsp;&nbsp;&nbsp;&nbsp;称：</td><td class="t2" colspan="3">%(title)s</td></tr>
<tr><td class="t1">文&nbsp;&nbsp;&nbsp;&nbsp;号：</td><td class="t2">%(docno)s</td><td class="t1">有&nbsp;效&nbsp;性：</td><td class="t2">有效</td></tr>
</table>
<div class="article-box">
<div class="article-title"><h2>%(title)s</h2></div>
<div class="article-info"><span>发布日期：%(pub)s</span><span>信息来源：%(issuer)s</span><span>浏览次数：%(views)d</span><span>【字体：<a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> <a href="javascript:void(0)">小</a>】</span></div>
<div id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
%(body)s<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
%(att)s%(share)s</div>
%(footer)s</div>
</body>
</html>
"""
        charset = "gbk"
    elif kind == "utf8":
        page = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>%(title)s - %(site)s</title>
<link rel="stylesheet" href="/static/css/detail.css">
</head>
<body>
<header class="site-header"><div class="container"><a class="site-logo" href="/"><img src="/static/img/logo.svg" alt="%(site)s"></a>
<nav class="site-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">办事服务</a><a href="/hdjl/">互动交流</a></nav></div></header>
<main class="container">
<div class="crumbs"><a href="/">首页</a><span class="sep">&gt;</span><a href="/zwgk/">政务公开</a><span class="sep">&gt;</span><a href="/zwgk/tzgg/">通知公告</a></div>
<article class="detail">
<div class="detail-title">%(title)s</div>
<div class="detail-info"><span class="time">发布时间：%(pub)s 15:%(mm)02d</span><span class="source">来源：%(issuer)s</span><span class="views">浏览量：<i id="readcount"></i></span><span class="fontsize">字号：<a data-size="18">大</a><a data-size="16">中</a><a data-size="14">小</a></span></div>
<div class="detail-content" id="UCAP-CONTENT">
%(body)s</div>
%(att)s%(share)s</article>
</main>
%(footer)s</body>
</html>
"""
        charset = "utf-8"
    else:  # classic table-layout portal
        page = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>%(title)s</title>
<link href="/css/style.css" rel="stylesheet" type="text/css">
</head>
<body leftmargin="0" topmargin="0">
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="120"><img src="/images/top.jpg" width="1002" height="120" alt="%(site)s"></td></tr>
  <tr><td height="36" class="nav"><a href="/">首页</a>&nbsp;|&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;|&nbsp;<a href="/bsfw/">便民服务</a>&nbsp;|&nbsp;<a href="/gzhd/">公众互动</a></td></tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="30" class="weizhi">&nbsp;&nbsp;您的位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a> &gt;&gt; <a href="/zwgk/tzgg/">通知公告</a></td></tr>
  <tr><td valign="top">
    <table width="96%%" border="0" align="center" cellpadding="0" cellspacing="0">
      <tr><td height="60" align="center" class="biaoti"><strong>%(title)s</strong></td></tr>
      <tr><td height="30" align="center" class="xinxi">发布时间：%(pub)s&nbsp;&nbsp;&nbsp;&nbsp;来源：%(issuer)s&nbsp;&nbsp;&nbsp;&nbsp;点击数：<font color="red">%(views)d</font>&nbsp;&nbsp;&nbsp;&nbsp;字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></td></tr>
      <tr><td height="1" bgcolor="#CCCCCC"></td></tr>
      <tr><td class="neirong" valign="top">
<div id="zoom">
%(body)s</div>
      </td></tr>
      <tr><td>%(att)s</td></tr>
    </table>
  </td></tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td align="center" class="bottom">%(footer)s</td></tr></table>
</body>
</html>
"""
        charset = "gbk"
    text = page % {"title": esc(title), "site": site, "pub": pub, "mm": rnd.randint(0, 59), "issuer": esc(m["issuer"]),
                   "views": views, "body": body, "att": attachments_list(doc), "share": SHARE,
                   "footer": footer_html(doc, rnd), "issued": m["issued"],
                   "idx": "%08dK/%s-%05d" % (rnd.randint(10**7, 10**8 - 1), m["issued"][:4], rnd.randint(0, 99999)),
                   "docno": esc(m.get("doc_number", ""))}
    return text.encode(charset), charset
