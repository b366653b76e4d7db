#!/usr/bin/env python3
"""Minimal reproducers of two PDF reader failures the probe corpus found: a borderless table
(no rules at all, a gap after every fifth row) with a two-level header (two channel groups
over three columns each).

usage: repro_pdf.py OUTDIR

Writes OUTDIR/borderless-two-level{,-wrapped}.pdf (LibreOffice): the second with a unit name
that wraps in the first row, its two lines centred on the row's values. `bulletin blocks`
once showed the group row and the sub-header row read as one row, and, in the second, the
first row's name split between the header and the row; both now read as two header rows
over whole rows (TestUnruledFirstLabelCentred in extract/pdf/internal/layout keeps the
second's geometry).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import office  # noqa: E402
import plant as P  # noqa: E402
from docmodel import Doc, Table  # noqa: E402
import render  # noqa: E402


def case(name, first_unit):
    doc = Doc(name)
    doc.meta = {"title_lines": ["测试区5月份工单办理情况"], "title": "测试区5月份工单办理情况", "issuer": "测试区热线办",
                "issued": "2024-06-07", "issued_text": "2024年6月7日",
                "period": {"start": "2024-05-01", "end": "2024-05-31", "label": "5月"}}
    doc.layout.update(style="plain", signature=False, attach_page_break=False)
    cols = [P.seq(), P.unit("单位")]
    for g in ("12345热线", "政民互动"):
        cols += [P.cnt("handled", "交办件数", g), P.cnt("on_time", "按期办结", g),
                 P.rate("on_time_rate", "按期办结率", "on_time", "handled", dec=2, group=g)]
    t = Table("", ["各单位工单办理情况"], cols)
    units = [first_unit, "区公安分局", "区财政局", "区统计局", "区商务局", "桐溪街道", "石坝街道"]
    for i, u in enumerate(units):
        t.add({"seq": i + 1, "unit": u, "12345热线/handled": 40 + i, "12345热线/on_time": 38 + i,
               "政民互动/handled": 10 + i, "政民互动/on_time": 9 + i})
    t.render()
    doc.blocks = [("title",), ("table", t)]
    doc.tables = [t]
    return doc


def main():
    out = os.path.abspath(sys.argv[1])
    os.makedirs(out, exist_ok=True)
    prof = os.path.join(out, ".lo-profile")
    for name, first in (("borderless-two-level", "区教育局"), ("borderless-two-level-wrapped", "区粮食和物资储备局")):
        doc = case(name, first)
        html = os.path.join(out, name + ".html")
        with open(html, "w", encoding="utf-8") as f:
            f.write(render.print_html(doc).replace("width=\"25%\"", "width=\"12%\""))
        office.soffice(prof, out, "docx:MS Word 2007 XML", [html], "HTML (StarWriter)")
        docx = os.path.join(out, name + ".docx")
        office.threeline_docx(docx, docx, doc, "borderless")
        office.soffice(prof, out, "pdf:writer_pdf_Export", [docx])
        print("wrote", os.path.join(out, name + ".pdf"))


if __name__ == "__main__":
    main()
