#!/usr/bin/env python3
"""Write made-up bulletins that every reader must read to the same records.

Each fixture is written as a flat ODF text document (NAME.fodt, which
multiformat.sh converts to DOCX, to PDF and to `pdftotext -layout` text)
and as two text copies written here from the same content:

  NAME.tab.txt   one table cell per TAB-prefixed line, rows apart by blank
                 lines, a merged cell printed once (the layout of a Word
                 table copied as text), the lines of a cell as lines
  NAME.pipe.txt  pipe rows "| a | b |", a merged cell's label in its first
                 position and the positions it covers empty

The fixtures, each made for the failure classes of issue 12:

  landscape    a 63-row table in a landscape section over several pages,
               page numbers "— N —" in the footer, the header printed once,
               序号 and 所属街道 before the unit column, one-decimal rates
               with trailing zeros, a 合计 row with an empty 序号 at the end
  grouped      a two-level header (电话渠道 / 网络渠道 / 总计 over 交办数,
               按期办结数, 满意率), 序号 and 单位 spanning both rows, the
               header repeated on every page of a landscape section, 合计
               on top, a note under it
  wrapped      a narrow unit column whose names wrap, header cells that
               wrap and one with an empty line inside, two adjacent rows
               whose 排名 is "—", rows of "—" values, a masthead whose
               issuer and date stand apart, widely spaced prose

Places, units and numbers are invented; rates are rounded half-up from
their counts.

usage: multiformat.py OUTDIR
"""
import os
import random
import sys
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape


def rate(num, den, places):
    if den == 0:
        return "—"
    q = Decimal(1).scaleb(-places)
    v = (Decimal(num) * 100 / Decimal(den)).quantize(q, rounding=ROUND_HALF_UP)
    return "%s%%" % v


# A fixture is a list of blocks: ("masthead", left, right), ("title", text),
# ("p", text), ("sign", text), ("caption", text), ("landscape",) (the rest
# on landscape pages), ("table", table), and a
# table is a dict: "header" (rows of cells), "rows", "widths" (cm),
# "repeat" (header repeated on each page). A cell is a string (lines apart
# by "\n") or a dict {"text", "cols", "rows"} for a merged cell.

def landscape():
    rnd = random.Random(1201)
    streets = {"临河街道": ["柳岸", "望江", "渡口", "青莲", "石桥", "观澜", "新村", "北湾", "杏林", "花园",
                         "滨河", "镜湖", "枫桥", "长堤", "月台", "沙洲", "锦绣", "泉水", "古渡", "西浦", "翠堤"],
               "云山镇": ["松风", "竹坪", "茶园", "云台", "雾溪", "鹰嘴", "梨花", "马头", "金竹", "清潭",
                       "龙井", "凉亭", "石门", "岩背", "桃岭", "樟树", "白沙", "下洋", "坑口", "峰下", "岭脚"],
               "东湖乡": ["东湖", "莲塘", "荷叶", "鱼池", "稻香", "芦苇", "菱角", "湖心", "堤下", "蚌湾",
                       "南垸", "北垸", "新垸", "老垸", "芙蓉", "红菱", "双港", "三汊", "四方", "五里", "六合"]}
    rows, tot = [], [0, 0]
    n = 0
    for street, names in streets.items():
        for name in names:
            n += 1
            handled = rnd.randint(3, 95)
            on_time = handled - (rnd.randint(1, 4) if rnd.random() < 0.3 else 0)
            suffix = "社区" if rnd.random() < 0.5 else "村"
            rows.append([str(n), street, name + suffix, str(handled), str(on_time), rate(on_time, handled, 1)])
            tot[0] += handled
            tot[1] += on_time
    rows.append(["", "", "合计", str(tot[0]), str(tot[1]), rate(tot[1], tot[0], 1)])
    table = {"header": [["序号", "所属街道", "社区（村）", "受理件数", "按期办结数", "按期办结率"]],
             "rows": rows, "widths": [2.0, 3.6, 4.2, 3.4, 3.4, 3.4], "repeat": False}
    return [
        ("title", "2025年1月溪南区村（社区）12345热线诉求办理情况通报"),
        ("p", "1月份，区12345热线共向各村（社区）派发诉求工单%d件，按期办结%d件，按期办结率%s。"
              "各街道、镇（乡）要逐条核对附件数据，对按期办结率低于95%%的村（社区）督促整改。"
         % (tot[0], tot[1], rate(tot[1], tot[0], 2))),
        ("p", "附件：2025年1月各村（社区）诉求办理情况"),
        ("sign", "溪南区政务服务便民热线管理中心"),
        ("sign", "2025年2月8日"),
        ("landscape",),
        ("caption", "附件"),
        ("caption", "2025年1月各村（社区）诉求办理情况"),
        ("table", table),
    ]


def grouped():
    rnd = random.Random(1202)
    units = ["区发展和改革局", "区教育局", "区科学技术局", "区公安分局", "区民政局", "区司法局", "区财政局",
             "区人力资源和社会保障局", "区自然资源分局", "区生态环境分局", "区住房和城乡建设局", "区城市管理局",
             "区交通运输局", "区水利局", "区农业农村局", "区商务局", "区文化和旅游局", "区卫生健康局",
             "区退役军人事务局", "区应急管理局", "区市场监督管理局", "区医疗保障局", "区供电公司", "区自来水公司",
             "区燃气公司", "区公交公司", "区邮政公司", "区电信公司", "区移动公司", "南山街道", "北岭街道",
             "西关街道", "东城街道", "梅园镇", "柳林镇", "杏花乡"]
    rows, tot = [], [[0, 0, 0] for _ in range(3)]
    for i, u in enumerate(units):
        cells = [str(i + 1), u]
        both = [0, 0, 0]
        for g in range(2):
            handled = rnd.randint(4, 160) if g == 0 else rnd.randint(0, 40)
            on_time = handled - (rnd.randint(1, 3) if handled and rnd.random() < 0.3 else 0)
            sat = on_time - rnd.randint(0, max(0, on_time // 8))
            cells += [str(handled), str(on_time), rate(sat, on_time, 2) if on_time else "—"]
            both = [both[0] + handled, both[1] + on_time, both[2] + sat]
            tot[g] = [tot[g][0] + handled, tot[g][1] + on_time, tot[g][2] + sat]
        cells += [str(both[0]), str(both[1]), rate(both[2], both[1], 2)]
        rows.append(cells)
    tot[2] = [tot[0][k] + tot[1][k] for k in range(3)]
    total = ["", "合计"]
    for g in range(3):
        total += [str(tot[g][0]), str(tot[g][1]), rate(tot[g][2], tot[g][1], 2)]
    sub = ["交办数", "按期办结数", "满意率"]
    header = [[{"text": "序号", "rows": 2}, {"text": "单位", "rows": 2},
               {"text": "电话渠道", "cols": 3}, {"text": "网络渠道", "cols": 3}, {"text": "总计", "cols": 3}],
              sub * 3]
    table = {"header": header, "rows": [total] + rows,
             "widths": [1.2, 4.6] + [2.0] * 9, "repeat": True}
    return [
        ("title", "关于2025年2月12345热线交办件办理情况的通报"),
        ("p", "各镇（街道），区直各单位："),
        ("p", "2月份，区12345热线共向各承办单位交办诉求%d件，其中电话渠道%d件，网络渠道%d件；按期办结%d件，"
              "按期办结率%s。现将各单位办理情况通报如下。"
         % (tot[2][0], tot[0][0], tot[1][0], tot[2][1], rate(tot[2][1], tot[2][0], 2))),
        ("sign", "南川区12345热线办公室"),
        ("sign", "2025年3月5日"),
        ("landscape",),
        ("caption", "附件"),
        ("caption", "2025年2月各单位交办件办理情况"),
        ("table", table),
        ("p", "注：满意率＝满意数÷按期办结数。"),
    ]


def wrapped():
    rnd = random.Random(1203)
    units = ["县发展和改革局", "县人力资源和社会保障局", "县住房和城乡建设局", "县市场监督管理局",
             "县经济技术开发区管理委员会", "县城市管理综合行政执法局", "石坪镇", "溪口镇", "县教育体育局",
             "县自然资源和规划局", "县农业农村局", "高岭生态旅游度假区管理委员会", "县卫生健康局", "县档案馆",
             "县地方志编纂中心"]
    data = []
    for u in units:
        if u in ("县档案馆", "县地方志编纂中心"):
            data.append((u, 0, 0, 0, 0))
            continue
        handled = rnd.randint(6, 220)
        on_time = handled - (rnd.randint(1, 5) if rnd.random() < 0.4 else 0)
        visited = rnd.randint(handled // 2, handled)
        sat = visited - rnd.randint(0, max(0, visited // 7))
        data.append((u, handled, on_time, visited, sat))
    # Ranked by on-time rate; units with nothing to rank get "—".
    ranked = sorted([d for d in data if d[1]], key=lambda d: -d[2] / d[1])
    rows = []
    for i, (u, h, o, v, s) in enumerate(ranked):
        rows.append([str(i + 1), u, str(h), str(o), rate(o, h, 2), str(v), str(s), rate(s, v, 2)])
    for u, h, o, v, s in data:
        if not h:
            rows.append(["—", u, "0", "0", "—", "0", "0", "—"])
    total = [sum(d[k] for d in data) for k in range(1, 5)]
    header = [["排名", "单位名称", "受理\n件数", "按期\n办结数", "按期\n办结率", "回访数", "满意数", "满意率\n\n（%）"]]
    table = {"header": header, "rows": rows, "widths": [1.3, 3.0, 1.7, 1.7, 2.1, 1.7, 1.7, 2.1], "repeat": False}
    return [
        ("masthead", "清河县12345热线办公室", "2025年4月3日"),
        ("title", "3月份12345热线工单办理情况"),
        ("p", "3月份，县12345热线共受理群众诉求%d件，同比增加214件，增幅6.37%%。其中派发承办单位工单%d件，"
              "按期办结%d件，按期办结率%s；回访%d件，群众满意%d件，满意率%s。"
         % (total[0] + 1523, total[0], total[1], rate(total[1], total[0], 2), total[2], total[3],
            rate(total[3], total[2], 2))),
        ("p", "县档案馆、县地方志编纂中心本月无交办工单，不参加排名。请各单位对超期工单逐件说明原因，"
              "于4月10日前报县12345热线办公室。"),
        ("caption", "附件"),
        ("caption", "3月份各承办单位工单办理情况"),
        ("table", table),
    ]


FIXTURES = {"landscape": landscape, "grouped": grouped, "wrapped": wrapped}


# ---------------------------------------------------------------------------
# flat ODF

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')

FONT = "Noto Serif CJK SC"


def text_props(size):
    return ('<style:text-properties style:font-name="%s" fo:font-size="%s" style:font-name-asian="%s" '
            'style:font-size-asian="%s"/>' % (FONT, size, FONT, size))


def page_layout(name, w, h):
    return ('<style:page-layout style:name="%s"><style:page-layout-properties fo:page-width="%scm" '
            'fo:page-height="%scm" style:print-orientation="%s" fo:margin-top="2.5cm" fo:margin-bottom="2cm" '
            'fo:margin-left="2.6cm" fo:margin-right="2.6cm"/><style:footer-style><style:header-footer-properties '
            'fo:min-height="0.8cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>'
            % (name, w, h, "portrait" if w < h else "landscape"))


def master(name, layout):
    return ('<style:master-page style:name="%s" style:page-layout-name="%s"><style:footer>'
            '<text:p text:style-name="PageNo">— <text:page-number text:select-page="current">1</text:page-number> —'
            '</text:p></style:footer></style:master-page>' % (name, layout))


def cell_paras(text, style):
    return "".join('<text:p text:style-name="%s">%s</text:p>' % (style, escape(line)) if line
                   else '<text:p text:style-name="%s"/>' % style for line in text.split("\n"))


def fodt_table(n, t):
    width = sum(t["widths"])
    out = ['<table:table table:name="Table%d" table:style-name="Tbl%d">' % (n, n)]
    styles = ['<style:style style:name="Tbl%d" style:family="table"><style:table-properties style:width="%scm" '
              'table:align="center"/></style:style>' % (n, width)]
    for c, w in enumerate(t["widths"]):
        styles.append('<style:style style:name="Tbl%d.C%d" style:family="table-column">'
                      '<style:table-column-properties style:column-width="%scm"/></style:style>' % (n, c, w))
        out.append('<table:table-column table:style-name="Tbl%d.C%d"/>' % (n, c))
    ncols = len(t["widths"])

    def row_xml(cells, head, covered_below):
        xml = ["<table:table-row>"]
        col = 0
        for cell in cells:
            while col in covered_below:
                xml.append("<table:covered-table-cell/>")
                col += 1
            if isinstance(cell, dict):
                attrs = ""
                if cell.get("cols", 1) > 1:
                    attrs += ' table:number-columns-spanned="%d"' % cell["cols"]
                if cell.get("rows", 1) > 1:
                    attrs += ' table:number-rows-spanned="%d"' % cell["rows"]
                xml.append('<table:table-cell table:style-name="Cell"%s office:value-type="string">%s</table:table-cell>'
                           % (attrs, cell_paras(cell["text"], "Head" if head else "Body")))
                xml.extend(["<table:covered-table-cell/>"] * (cell.get("cols", 1) - 1))
                col += cell.get("cols", 1)
            else:
                xml.append('<table:table-cell table:style-name="Cell" office:value-type="string">%s</table:table-cell>'
                           % cell_paras(cell, "Head" if head else "Body"))
                col += 1
        while col < ncols:
            xml.append("<table:covered-table-cell/>")
            col += 1
        xml.append("</table:table-row>")
        return "".join(xml)

    head = []
    covered = set()
    for r, cells in enumerate(t["header"]):
        head.append(row_xml(cells, True, covered if r > 0 else set()))
        covered = set()
        col = 0
        for cell in cells:
            span = cell.get("cols", 1) if isinstance(cell, dict) else 1
            if isinstance(cell, dict) and cell.get("rows", 1) > 1:
                covered.add(col)
            col += span
    if t["repeat"]:
        out.append("<table:table-header-rows>" + "".join(head) + "</table:table-header-rows>")
    else:
        out.extend(head)
    for row in t["rows"]:
        out.append(row_xml(row, False, set()))
    out.append("</table:table>")
    return "".join(out), "".join(styles)


def fodt(blocks):
    body, auto = [], []
    tables = 0
    for b in blocks:
        kind = b[0]
        if kind == "masthead":
            body.append('<text:p text:style-name="Masthead">%s<text:s text:c="12"/>%s</text:p>'
                        % (escape(b[1]), escape(b[2])))
        elif kind == "title":
            body.append('<text:p text:style-name="Title">%s</text:p>' % escape(b[1]))
        elif kind == "p":
            body.append('<text:p text:style-name="Text">%s</text:p>' % escape(b[1]))
        elif kind == "sign":
            body.append('<text:p text:style-name="Sign">%s</text:p>' % escape(b[1]))
        elif kind == "caption":
            body.append('<text:p text:style-name="Caption">%s</text:p>' % escape(b[1]))
        elif kind == "landscape":
            body.append('<text:p text:style-name="ToLandscape"/>')
        elif kind == "table":
            tables += 1
            xml, st = fodt_table(tables, b[1])
            body.append(xml)
            auto.append(st)
    styles = (
        '<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="28pt"/>'
        + text_props("15pt") + '</style:default-style>'
        '<style:style style:name="Text" style:family="paragraph"><style:paragraph-properties '
        'fo:text-indent="1.1cm" fo:text-align="justify" fo:line-height="200%"/></style:style>'
        '<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="center" fo:margin-bottom="0.4cm"/>' + text_props("20pt") + '</style:style>'
        '<style:style style:name="Masthead" style:family="paragraph"/>'
        '<style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="end"/></style:style>'
        '<style:style style:name="Caption" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="center"/></style:style>'
        '<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties '
        'fo:line-height="100%" fo:text-align="center"/>' + text_props("11pt") + '</style:style>'
        '<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties '
        'fo:line-height="100%" fo:text-align="center"/>' + text_props("11pt") + '</style:style>'
        '<style:style style:name="PageNo" style:family="paragraph"><style:paragraph-properties '
        'fo:line-height="100%" fo:text-align="center"/>' + text_props("12pt") + '</style:style>'
        '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties '
        'style:vertical-align="middle" fo:padding="0.05cm" fo:border="0.5pt solid #000000"/></style:style>')
    automatic = (
        page_layout("pmPortrait", 21, 29.7) + page_layout("pmLandscape", 29.7, 21)
        + '<style:style style:name="ToLandscape" style:family="paragraph" style:parent-style-name="Text" '
          'style:master-page-name="Landscape"><style:paragraph-properties fo:line-height="100%"/></style:style>'
        + "".join(auto))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:font-face-decls><style:font-face style:name="%s" svg:font-family="&apos;%s&apos;"/>'
            '</office:font-face-decls><office:styles>%s</office:styles>'
            '<office:automatic-styles>%s</office:automatic-styles><office:master-styles>%s%s</office:master-styles>'
            '<office:body><office:text>%s</office:text></office:body></office:document>\n'
            % (NS, FONT, FONT, styles, automatic, master("Standard", "pmPortrait"),
               master("Landscape", "pmLandscape"), "".join(body)))


# ---------------------------------------------------------------------------
# text copies

def prose_lines(blocks):
    for b in blocks:
        kind = b[0]
        if kind == "masthead":
            yield b[1] + " " * 8 + b[2]
        elif kind in ("title", "p", "sign", "caption"):
            yield b[1]


def cell_text(cell):
    return cell["text"] if isinstance(cell, dict) else cell


def tab_copy(blocks):
    out = []
    for b in blocks:
        if b[0] == "table":
            t = b[1]
            for row in t["header"] + t["rows"]:
                for cell in row:
                    lines = cell_text(cell).split("\n")
                    out.append("\t" + lines[0])
                    out.extend(lines[1:])
                out.append("")
            continue
        out.extend(prose_lines([b]))
        out.append("")
    return "\n".join(out) + "\n"


def pipe_copy(blocks):
    out = []
    for b in blocks:
        if b[0] != "table":
            out.extend(prose_lines([b]))
            out.append("")
            continue
        t = b[1]
        ncols = len(t["widths"])
        below = {}  # column -> label spanning down into the next row
        for r, row in enumerate(t["header"] + t["rows"]):
            cells, col = [], 0
            carried = below
            below = {}
            for cell in row:
                while col in carried:
                    cells.append("")
                    col += 1
                text = "".join(x for x in cell_text(cell).split("\n") if x)
                span = cell.get("cols", 1) if isinstance(cell, dict) else 1
                if isinstance(cell, dict) and cell.get("rows", 1) > 1:
                    below[col] = text
                cells.append(text)
                cells.extend([""] * (span - 1))
                col += span
            while len(cells) < ncols:
                cells.append("")
            out.append("| " + " | ".join(cells) + " |")
            if r == len(t["header"]) - 1:
                out.append("|" + "---|" * ncols)
        out.append("")
    return "\n".join(out) + "\n"


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for name, make in FIXTURES.items():
        blocks = make()
        with open(os.path.join(outdir, name + ".fodt"), "w", encoding="utf-8") as f:
            f.write(fodt(blocks))
        with open(os.path.join(outdir, name + ".tab.txt"), "w", encoding="utf-8") as f:
            f.write(tab_copy(blocks))
        with open(os.path.join(outdir, name + ".pipe.txt"), "w", encoding="utf-8") as f:
            f.write(pipe_copy(blocks))


if __name__ == "__main__":
    main()
