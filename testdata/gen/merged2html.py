#!/usr/bin/env python3
"""Write a small bulletin whose table has a two-level merged header.

The header's first row has 序号 and 单位名称 spanning two rows and two
groups (电话诉求, 网民诉求) spanning three columns each; the last row is a
合计 row whose label spans two columns. LibreOffice turns the spans into
w:vMerge restart/continue and w:gridSpan.

usage: merged2html.py OUT.html
"""
import sys

ROWS = [
    ("1", "烟草局", "4", "4", "100%", "1", "1", "100%"),
    ("2", "供电公司", "23", "23", "100%", "5", "4", "80%"),
    ("3", "交警大队", "72", "70", "97.22%", "8", "8", "100%"),
    ("4", "人社局", "150", "150", "100%", "3", "3", "100%"),
    ("5", "文物局", "2", "1", "50%", "1", "1", "100%"),
]
TOTAL = ("251", "248", "98.8%", "18", "17", "94.44%")


def main():
    o = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8"><title>通报</title>',
         '<style>table{border-collapse:collapse}td,th{text-align:center}</style></head><body>',
         '<p>附件</p>', '<p>2023年3月份各单位群众诉求办理情况</p>',
         '<table border="1" cellspacing="0" cellpadding="4">',
         '<tr><th rowspan="2">序号</th><th rowspan="2">单位名称</th>'
         '<th colspan="3">电话诉求</th><th colspan="3">网民诉求</th></tr>',
         '<tr>' + '<th>办理数</th><th>按时<br>办结数</th><th>按时<br>办结率</th>' * 2 + '</tr>']
    for r in ROWS:
        o.append("<tr>" + "".join("<td>%s</td>" % c for c in r) + "</tr>")
    o.append('<tr><td colspan="2">合计</td>' + "".join("<td>%s</td>" % c for c in TOTAL) + "</tr>")
    o += ['</table>', '<p>注：按时办结率=按时办结数/办理数。</p>', '</body></html>']
    open(sys.argv[1], "w", encoding="utf-8").write("\n".join(o) + "\n")


if __name__ == "__main__":
    main()
