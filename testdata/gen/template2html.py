#!/usr/bin/env python3
"""Write the HTML of a DOCX template for made-up bulletins.

The template has the seed's shape (masthead, title, a narrative sentence,
two tables with the seed's wrapped header and notes) with placeholders
where a bulletin's names and numbers go: ISSUERq, DATEq, MONTHq, YEARq,
TOTALq, PHONEq, WEBq, and per table t (1, 2) and row r (01..): Ut_rq (unit),
Ht_rq (handled), Ot_rq / OPt_rq (on time, its rate), St_rq / SPt_rq
(satisfied, its rate), Et_rq / EPt_rq (excellent, its rate).
internal/bulletintest fills it with github.com/nguyenthenguyen/docx.

usage: template2html.py OUT.html
"""
import sys

ROWS = {1: 20, 2: 13}
TITLES = {1: "MONTHq月份区直部门及公共服务单位群众诉求事项办理情况", 2: "MONTHq月份各镇（街道）群众诉求事项办理情况"}
HEADER = ["单位名称", "办理数", "按  时<br>办结数", "按  时<br>办结率", "群  众<br>满意数", "群  众<br>满意率", "优秀数", "优秀率"]

out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
       '<style>body{font-family:"Noto Serif CJK SC",serif;font-size:12pt}table{border-collapse:collapse}'
       'td,th{text-align:center;font-size:10.5pt}</style></head><body>',
       '<p>ISSUERq    DATEq</p>', '<p>MONTHq月份12345政务服务便民热线</p>', '<p>群众诉求事项办理情况通报</p>',
       '<p>YEARq年MONTHq月份，区便民热线综合服务中心共受理各类诉求TOTALq件。其中，电话诉求事项PHONEq件、网民诉求WEBq件。</p>']
for t, n in ROWS.items():
    out.append('<p>附件%d</p>' % t)
    out.append('<p>%s</p>' % TITLES[t])
    out.append('<table border="1" cellspacing="0" cellpadding="4">')
    out.append('<tr>' + ''.join('<th>%s</th>' % h for h in HEADER) + '</tr>')
    for r in range(1, n + 1):
        cells = ['U', 'H', 'O', 'OP', 'S', 'SP', 'E', 'EP']
        out.append('<tr>' + ''.join('<td>%s%d_%02dq</td>' % (c, t, r) for c in cells) + '</tr>')
    out.append('</table>')
    out.append('<p>注：1．交办事项认真办理、按时限回复为按时办结；</p>')
out.append('</body></html>')
open(sys.argv[1], 'w', encoding='utf-8').write('\n'.join(out) + '\n')
