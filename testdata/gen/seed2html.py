#!/usr/bin/env python3
"""Render the seed text bulletin as HTML with real bordered tables.

The HTML is the common source of the DOCX and PDF fixtures: LibreOffice,
pandoc and Chromium turn it into documents the way a publisher's office
software would. Header cells keep the seed's wrapping as <br>.

usage: seed2html.py SEED.txt OUT.html [--thead] [--no-borders]
"""
import html
import sys


def parse(path):
    """Yield ('p', text) and ('table', header, rows) items from the seed."""
    lines = open(path, encoding="utf-8").read().split("\n")
    items, i = [], 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith("\t"):
            if line.strip():
                items.append(("p", line.strip()))
            i += 1
            continue
        # A table: TAB-prefixed cells, continuation lines, rows split by blank lines.
        rows, row, j = [], [], i
        while j < len(lines):
            l = lines[j]
            if l.startswith("\t"):
                row.append(l[1:].strip())
            elif l.strip() == "":
                k = j
                while k < len(lines) and lines[k].strip() == "":
                    k += 1
                if k < len(lines) and lines[k].startswith("\t"):
                    if row and k - j >= 1 and len(row) >= 8:
                        rows.append(row)
                        row = []
                    j = k
                    continue
                if k < len(lines) and not lines[k].startswith("\t") and k + 1 < len(lines) \
                        and lines[k + 1].startswith("\t") and len(row) < 8:
                    row[-1] += "\n" + lines[k].strip()
                    j = k + 1
                    continue
                break
            else:
                if len(row) < 8 and j + 1 < len(lines) and lines[j + 1].startswith("\t"):
                    row[-1] += "\n" + l.strip()
                elif len(row) < 8 and row:
                    row[-1] += "\n" + l.strip()
                else:
                    break
            j += 1
        if row:
            rows.append(row)
        items.append(("table", rows[0], rows[1:]))
        i = j
    return items


def main():
    src, out = sys.argv[1], sys.argv[2]
    thead = "--thead" in sys.argv
    border = "" if "--no-borders" in sys.argv else ' border="1" cellspacing="0" cellpadding="4"'
    items = parse(src)
    o = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
         '<title>群众诉求事项办理情况通报</title>',
         '<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12pt}'
         'table{border-collapse:collapse}td,th{text-align:center;font-size:10.5pt}'
         '.pb{page-break-before:always}</style></head><body>']
    for it in items:
        if it[0] == "p":
            text = it[1]
            cls = ' class="pb"' if text.startswith("附件") and text[2:].strip().isdigit() else ""
            o.append("<p%s>%s</p>" % (cls, html.escape(text)))
        else:
            header, rows = it[1], it[2]
            o.append("<table%s>" % border)
            cell = lambda t: html.escape(t).replace("\n", "<br>")
            hr = "<tr>" + "".join("<th>%s</th>" % cell(h) for h in header) + "</tr>"
            o.append("<thead>" + hr + "</thead>" if thead else hr)
            o.append("<tbody>" if thead else "")
            for r in rows:
                o.append("<tr>" + "".join("<td>%s</td>" % cell(c) for c in r) + "</tr>")
            o.append("</tbody>" if thead else "")
            o.append("</table>")
    o.append("</body></html>")
    open(out, "w", encoding="utf-8").write("\n".join(x for x in o if x) + "\n")


if __name__ == "__main__":
    main()
