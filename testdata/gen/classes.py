#!/usr/bin/env python3
"""Write the flat ODF sources (.fodt) of the PDF layout-class fixtures.

usage: classes.py OUTDIR

Three made-up bulletins of an invented district (穆河区), each with the
table layout of one class the PDF reader must read as the DOCX reader does
(LibreOffice converts each .fodt to .docx and .pdf, see classes.sh):

  landscape-pages   portrait prose pages with 公文 paragraphs (first-line
                    indent, 28 pt line height), then landscape attachment
                    pages: a ruled 70-row table that runs over three pages
                    without its header repeated, and a second one with its
                    header repeated; "— N —" page numbers in the footer of
                    every page, portrait and landscape.
  borderless-wrapped  a table without any rule: unit names wrapped over two
                    or three lines in a narrow column, header cells wrapped
                    over two or three lines, the header repeated on the
                    next page; "第N页" page numbers.
  threeline-groups  a three-line table (a rule above the header, one under
                    it, one under the table) with a two-level header:
                    序号 and 单位 spanning both rows, the groups 电话渠道,
                    网络渠道 and 合计 over their sub-columns; header cells
                    centred vertically; a 合计 row; "- N -" page numbers.

The numbers come from a seeded generator and every rate is its count
divided by its base, rounded half up, so the documents are consistent.
Standard library only.
"""
import os
import random
import sys
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"

UNITS = [
    "区发展和改革局", "区教育局", "区科学技术局", "区公安分局", "区民政局", "区司法局", "区财政局",
    "区人力资源和社会保障局", "区自然资源和规划分局", "区生态环境分局", "区住房和城乡建设局",
    "区城市管理综合执法局", "区交通运输局", "区水务局", "区农业农村局", "区商务局",
    "区文化旅游体育局", "区卫生健康委员会", "区退役军人事务局", "区应急管理局",
    "区市场监督管理局", "区医疗保障局", "区信访局", "区数据资源管理局", "区税务局",
    "穆河供电公司", "穆河燃气有限公司", "穆河自来水公司", "区公交集团", "区邮政分公司",
    "河东街道", "河西街道", "桥北街道", "桥南街道", "新城街道", "老城街道", "北关街道",
    "南关街道", "柳林镇", "石门镇", "清泉镇", "白马镇", "龙潭镇", "三河口镇", "青石镇",
    "杨家庄镇", "马坊镇", "大王庄镇", "小营乡", "东岗乡", "西岗乡", "梨园乡", "枣林乡",
    "高新技术产业开发区管理委员会", "经济技术开发区管理委员会", "穆河港综合保税区管理局",
    "生态文化旅游度假区管理委员会", "区机关事务服务中心", "区融媒体中心", "区档案馆",
    "区图书馆", "区疾病预防控制中心", "区人民医院", "区中医院", "区妇幼保健院",
    "区第一中学", "区实验小学", "区职业教育中心", "区林业工作站", "区气象局",
]


def pct(n, d, dec=2):
    """n/d as a percent rounded half up at dec decimals, trailing zeros
    dropped: '97.5%', '100%'."""
    if d == 0:
        return "0%"
    scaled = (n * 100 * 10 ** dec * 2 + d) // (2 * d)  # half up
    s = "%d.%0*d" % (scaled // 10 ** dec, dec, scaled % 10 ** dec) if dec else str(scaled)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s + "%"


class Doc:
    def __init__(self, number_format):
        self.body = []
        self.styles = []
        self.number_format = number_format  # footer text around the page number
        self.ntable = 0

    def para(self, text, style="Body"):
        self.body.append('<text:p text:style-name="%s">%s</text:p>' % (style, escape(text)))

    def landscape(self, text, style="LandscapeStart"):
        """A paragraph that starts a landscape page."""
        self.para(text, style)

    def table(self, widths_cm, header, rows, border="grid", repeat=False, valign="top"):
        """header: rows of cells; a cell is text or (text, colspan, rowspan)."""
        self.ntable += 1
        name = "T%d" % self.ntable
        total = sum(widths_cm)
        self.styles.append('<style:style style:name="%s" style:family="table"><style:table-properties '
                           'style:width="%.2fcm" table:align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"/></style:style>'
                           % (name, total))
        for i, w in enumerate(widths_cm):
            self.styles.append('<style:style style:name="%s.C%d" style:family="table-column"><style:table-column-properties '
                               'style:column-width="%.2fcm"/></style:style>' % (name, i, w))
        cellstyle = {}

        def cs(kind):
            key = (name, kind)
            if key in cellstyle:
                return cellstyle[key]
            sname = "%s.%s" % (name, kind)
            cellstyle[key] = sname
            b = {"grid": 'fo:border="0.5pt solid #000000"', "none": 'fo:border="none"'}
            if border == "threeline":
                top = "1.5pt solid #000000" if kind in ("headtop", "headonly") else "none"
                bottom = {"headbottom": "0.75pt solid #000000", "headonly": "0.75pt solid #000000",
                          "last": "1.5pt solid #000000"}.get(kind, "none")
                props = 'fo:border-left="none" fo:border-right="none" fo:border-top="%s" fo:border-bottom="%s"' % (top, bottom)
            else:
                props = b[border]
            va = valign if kind.startswith("head") else "top"
            self.styles.append('<style:style style:name="%s" style:family="table-cell"><style:table-cell-properties '
                               '%s fo:padding="0.1cm" style:vertical-align="%s"/></style:style>' % (sname, props, va))
            return sname

        out = ['<table:table table:name="%s" table:style-name="%s">' % (name, name)]
        for i in range(len(widths_cm)):
            out.append('<table:table-column table:style-name="%s.C%d"/>' % (name, i))

        def cell(text, kind, colspan=1, rowspan=1):
            attrs = ""
            if colspan > 1:
                attrs += ' table:number-columns-spanned="%d"' % colspan
            if rowspan > 1:
                attrs += ' table:number-rows-spanned="%d"' % rowspan
            return ('<table:table-cell table:style-name="%s" office:value-type="string"%s><text:p text:style-name="Cell">%s</text:p></table:table-cell>'
                    % (cs(kind), attrs, escape(text)))

        # The header grid, with covered cells where spans reach.
        covered = set()
        hrows = []
        for r, hr in enumerate(header):
            cells, c = [], 0
            for item in hr:
                while (r, c) in covered:
                    cells.append('<table:covered-table-cell/>')
                    c += 1
                text, colspan, rowspan = (item, 1, 1) if isinstance(item, str) else item
                if len(header) == 1:
                    kind = "headonly"
                elif r + rowspan == len(header):
                    kind = "headbottom" if r > 0 else "headonly"
                else:
                    kind = "headtop"
                cells.append(cell(text, kind, colspan, rowspan))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if dr or dc:
                            covered.add((r + dr, c + dc))
                c += 1
                for _ in range(colspan - 1):
                    cells.append('<table:covered-table-cell/>')
                    c += 1
            while (r, c) in covered:
                cells.append('<table:covered-table-cell/>')
                c += 1
            hrows.append('<table:table-row>%s</table:table-row>' % "".join(cells))
        if repeat:
            out.append('<table:table-header-rows>%s</table:table-header-rows>' % "".join(hrows))
        else:
            out.extend(hrows)
        for i, row in enumerate(rows):
            kind = "last" if i == len(rows) - 1 else "body"
            out.append('<table:table-row>%s</table:table-row>' % "".join(cell(t, kind) for t in row))
        out.append('</table:table>')
        self.body.append("".join(out))

    def write(self, path, title):
        footer = '<text:p text:style-name="Footer">%s<text:page-number text:select-page="current">1</text:page-number>%s</text:p>' % tuple(
            escape(s) for s in self.number_format)
        doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{escape(title)}</dc:title></office:meta>
<office:font-face-decls>
<style:font-face style:name="{SERIF}" svg:font-family="'{SERIF}'"/>
<style:font-face style:name="{SANS}" svg:font-family="'{SANS}'"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/>
<style:text-properties style:font-name="{SERIF}" style:font-name-asian="{SERIF}" fo:font-size="12pt" style:font-size-asian="12pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
<style:text-properties style:font-name="{SANS}" style:font-name-asian="{SANS}" fo:font-size="20pt" style:font-size-asian="20pt"/></style:style>
<style:style style:name="Issuer" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
<style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"/>
<style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:line-height="28pt" fo:text-indent="32pt"/>
<style:text-properties style:font-name="{SANS}" style:font-name-asian="{SANS}" fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="Label" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.3cm"/>
<style:text-properties style:font-name="{SANS}" style:font-name-asian="{SANS}" fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="Caption" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>
<style:text-properties style:font-name="{SANS}" style:font-name-asian="{SANS}" fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="Note" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.2cm"/>
<style:text-properties fo:font-size="11pt" style:font-size-asian="11pt"/></style:style>
<style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:line-height="28pt" fo:margin-right="1cm"/>
<style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
<style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
<style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pmPortrait"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="3.7cm" fo:margin-bottom="2.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:page-layout style:name="pmLandscape"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="2.5cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:style style:name="LandscapeStart" style:family="paragraph" style:parent-style-name="Label" style:master-page-name="Landscape"/>
<style:style style:name="PortraitStart" style:family="paragraph" style:parent-style-name="Label" style:master-page-name="Standard"/>
{"".join(self.styles)}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pmPortrait"><style:footer>{footer}</style:footer></style:master-page>
<style:master-page style:name="Landscape" style:page-layout-name="pmLandscape"><style:footer>{footer}</style:footer></style:master-page>
</office:master-styles>
<office:body><office:text>
{chr(10).join(self.body)}
</office:text></office:body>
</office:document>
'''
        with open(path, "w", encoding="utf-8") as f:
            f.write(doc)


def counts(rng, units, big=False):
    rows = []
    for u in units:
        n = rng.randint(40, 400) if big else rng.randint(3, 160)
        on = n - rng.choice([0, 0, 0, 1, 2, 3])
        on = max(on, 0)
        v = max(n - rng.randint(0, n // 3 + 1), 0)
        s = v - rng.choice([0, 0, 1, 2, 4, 6]) if v > 6 else v
        rows.append((u, n, on, v, max(s, 0)))
    return rows


def prose(d, quarter_total, phone, web, on_time, visited, satisfied):
    d.para("穆河区12345政务服务便民热线2024年第三季度诉求办理情况通报", "Title")
    d.para("穆河区政务服务和数据管理局　2024年10月12日", "Issuer")
    d.para("一、总体情况", "Heading")
    d.para("2024年第三季度，区12345热线共受理群众诉求%d件，同比增加527件，增幅9.0%%。"
           "其中，电话诉求%d件，占%s；网络诉求%d件，占%s。全部诉求已按程序转交承办单位办理，"
           "按时办结%d件，按时办结率%s。" % (quarter_total, phone, pct(phone, quarter_total, 1), web,
                                     pct(web, quarter_total, 1), on_time, pct(on_time, quarter_total)))
    d.para("本季度共回访诉求人%d人次，其中表示满意的%d人次，满意率%s。从诉求内容看，城乡建设、"
           "社会保障和市场监管三类诉求较为集中，合计占受理总量的一半以上，各承办单位要对重复诉求"
           "逐件分析原因，对群众反映集中的问题及时研究解决办法，确保诉求件件有回音、事事有着落。"
           % (visited, satisfied, pct(satisfied, visited)))
    d.para("二、工作要求", "Heading")
    d.para("各承办单位要严格落实首接负责制，对交办的诉求在规定时限内办结并答复诉求人；"
           "对确因客观原因不能按时办结的诉求，要提前说明情况，防止超期。")


def opening(seed, units, number_format, web):
    """A document with the prose about the rows of units (their phone
    counts) and web more online; returns the generator, the rows and the
    document."""
    rng = random.Random(seed)
    rows = counts(rng, units)
    d = Doc(number_format)
    tot = [sum(r[i] for r in rows) for i in range(1, 5)]
    prose(d, tot[0] + web, tot[0], web, tot[1], tot[2], tot[3])
    return rng, rows, d


def landscape_pages(out):
    rng, rows, d = opening(20241012, UNITS[:70], ("— ", " —"), 812)
    d.para("穆河区政务服务和数据管理局", "Sign")
    d.para("2024年10月12日", "Sign")
    d.landscape("附件1")
    d.para("2024年第三季度各承办单位诉求办理情况", "Caption")
    header = [["序号", "承办单位", "受理件数", "按时办结件数", "按时办结率", "回访件数", "满意件数", "满意率"]]
    body = [[str(i + 1), u, str(n), str(on), pct(on, n), str(v), str(s), pct(s, v)] for i, (u, n, on, v, s) in enumerate(rows)]
    d.table([1.5, 6.5, 2.6, 2.8, 2.6, 2.6, 2.6, 2.6], header, body)
    d.para("注：按时办结率＝按时办结件数÷受理件数；满意率＝满意件数÷回访件数。", "Note")
    d.landscape("附件2")
    d.para("2024年第三季度各镇（街道）诉求办理情况", "Caption")
    rows2 = counts(rng, UNITS[30:53] + ["区直属机关", "开发区各部门", "其他单位"], big=True)
    body2 = [[u, str(n), str(on), pct(on, n)] for (u, n, on, v, s) in rows2]
    for _ in range(2):  # long enough to run on to the next page
        body2 += [[u + "（二）", b, c, e] for (u, b, c, e) in body2[:12]]
    d.table([7, 4, 4, 4], [["承办单位", "受理件数", "按时办结件数", "按时办结率"]], body2, repeat=True)
    d.write(os.path.join(out, "landscape-pages.fodt"), "穆河区12345热线2024年第三季度通报")


def borderless_wrapped(out):
    _, rows, d = opening(20241013, [u for u in UNITS if len(u) >= 6][:26] + UNITS[40:48], ("第", "页"), 640)
    d.para("附件", "Label")
    d.para("各承办单位诉求办理情况", "Caption")
    header = [["承办单位名称", "受理诉求件数", "按时办结诉求件数", "按时办结率", "回访诉求件数", "群众满意件数", "群众满意率"]]
    body = [[u, str(n), str(on), pct(on, n), str(v), str(s), pct(s, v)] for (u, n, on, v, s) in rows]
    d.table([2.3, 1.6, 1.7, 2.2, 1.6, 1.6, 2.2], header, body, border="none", repeat=True)
    d.para("注：群众满意率＝群众满意件数÷回访诉求件数。", "Note")
    d.write(os.path.join(out, "borderless-wrapped.fodt"), "穆河区12345热线2024年第三季度通报")


def threeline_groups(out):
    rng = random.Random(20241014)
    units = UNITS[:24]
    d = Doc(("- ", " -"))
    rows = []
    for u in units:
        p = rng.randint(20, 300)
        pc = p - rng.choice([0, 0, 1, 2])
        w = rng.randint(5, 90)
        wc = w - rng.choice([0, 0, 0, 1])
        rows.append((u, p, pc, w, wc))
    tp, tpc, tw, twc = (sum(r[i] for r in rows) for i in range(1, 5))
    prose(d, tp + tw, tp, tw, tpc + twc, tp + tw - 300, tp + tw - 340)
    d.landscape("附件")
    d.para("2024年第三季度各承办单位分渠道诉求办理情况", "Caption")
    header = [
        [("序号", 1, 2), ("承办单位", 1, 2), ("电话渠道", 3, 1), ("网络渠道", 3, 1), ("合计", 3, 1)],
        ["受理件数", "办结件数", "办结率", "受理件数", "办结件数", "办结率", "受理件数", "办结件数", "办结率"],
    ]
    body = []
    for i, (u, p, pc, w, wc) in enumerate(rows):
        body.append([str(i + 1), u, str(p), str(pc), pct(pc, p), str(w), str(wc), pct(wc, w),
                     str(p + w), str(pc + wc), pct(pc + wc, p + w)])
    body.append(["", "合计", str(tp), str(tpc), pct(tpc, tp), str(tw), str(twc), pct(twc, tw),
                 str(tp + tw), str(tpc + twc), pct(tpc + twc, tp + tw)])
    d.table([1.3, 5.2] + [2.1] * 9, header, body, border="threeline", valign="middle")
    d.para("注：办结率＝办结件数÷受理件数。", "Note")
    d.write(os.path.join(out, "threeline-groups.fodt"), "穆河区12345热线2024年第三季度通报")


if __name__ == "__main__":
    out = sys.argv[1]
    landscape_pages(out)
    borderless_wrapped(out)
    threeline_groups(out)
