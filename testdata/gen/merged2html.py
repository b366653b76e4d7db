#!/usr/bin/env python3
"""Write a small bulletin whose table has a two-level merged header.

单位名称 spans two header rows; 电话诉求 and 网民诉求 each span three
sub-columns (办理数 / 按时办结数 / 按时办结率). The last row is a 合计 row.
Used for the PDF fixture with row and column spans.

usage: merged2html.py OUT.html
"""
import sys

ROWS = [
    ("烟草局", 4, 4, "100%", 2, 2, "100%"),
    ("工信局", 3, 3, "100%", 1, 1, "100%"),
    ("医保局", 30, 29, "96.67%", 6, 5, "83.33%"),
    ("交通局", 52, 50, "96.15%", 9, 9, "100%"),
    ("合计", 89, 86, "96.63%", 18, 17, "94.44%"),
]

def main():
    o = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
         '<style>body{font-family:"Noto Serif CJK SC",serif;font-size:12pt}'
         'table{border-collapse:collapse}td,th{text-align:center;font-size:10.5pt}</style>',
         '</head><body>',
         '<p>附件1</p>', '<p>3月份各单位群众诉求事项办理情况</p>',
         '<table border="1" cellspacing="0" cellpadding="4">',
         '<tr><th rowspan="2">单位名称</th><th colspan="3">电话诉求</th><th colspan="3">网民诉求</th></tr>',
         '<tr>' + '<th>办理数</th><th>按时办结数</th><th>按时办结率</th>' * 2 + '</tr>']
    for r in ROWS:
        o.append('<tr>' + ''.join('<td>%s</td>' % c for c in r) + '</tr>')
    o += ['</table>', '<p>注：按时办结率为按时办结数占办理数的比例。</p>', '</body></html>']
    open(sys.argv[1], 'w', encoding='utf-8').write('\n'.join(o) + '\n')

if __name__ == '__main__':
    main()
