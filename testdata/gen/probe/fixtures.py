#!/usr/bin/env python3
"""Write the small fixtures of the failure classes the probe corpus found.

usage: fixtures.py TESTDATA   (the repository's testdata/ folder)

Each fixture is a made-up bulletin fragment of one class, in its own words
and numbers (python3, standard library only):

  text/probe/tab-wrapped-header-empty-cell.txt
      a TAB-cell table (one cell per TAB-prefixed line) whose last header
      cell wraps across a blank line ("满意率", "", "(%)") right before a
      合计 row that opens with an empty cell (a TAB alone)
  text/probe/layout-header-piece-empty-total.txt
      a space-aligned table (as pdftotext -layout prints it) whose header
      cell "数据完整得分" wraps around the header line, the lower piece
      right above a 合计 row that leaves that column empty
  text/probe/tab-header-three-lines.txt
      TAB cells whose header cells wrap over three lines, each line after a
      blank line ("转办", "", "工单", "", "数量")
  text/probe/layout-long-label-above-first-row.txt
      a space-aligned table whose first row's unit name is centred on it,
      its top piece too long for a piece of a header cell
  probe/title-without-title-word.txt
      a bulletin whose title ends in no title word (…工单办理得分)
  probe/layout-wrapped-unit-header.txt
      pdftotext -layout of a table whose unit header wraps around the
      header line (县（市、 / 区）) beside a header no dictionary knows:
      the open bracket's piece stays with the unit column
  probe/imprint-line-only.txt
      a 文件 without a closing signature: the issuer and the date only in the
      印发 line under the 抄送 line, apart by one space as a PDF's text has it
  probe/section-rows.txt
      a pipe table whose units are grouped under section rows (一、县直部门,
      二、乡镇) printed as one text in the first cell: neither is a unit row,
      and the first does not join the header
  text/probe/layout-sparse-last-column.txt
      pdftotext -layout of a table whose last column (备注) most rows leave
      empty: the header and the rows that fill it give five columns
  text/probe/layout-section-rows.txt
      pdftotext -layout of a table whose section headings (一、县直部门,
      二、乡镇) stand on lines of their own, the first right under the header
  validate/probe_rank_displaced.txt (+ .want.json)
      a 排名 printed two places below its 得分's place: the neighbour it
      now contradicts has its right place and is not reported
  validate/probe_wan_fenbie.txt (+ .want.json)
      a 分别 list of parts in 万 under a total printed "18.00万" (its
      trailing zeros kept), one share off
  validate/probe_dispatched_header.txt (+ .want.json)
      a table headed 转办工单 / 按时办结 / 按时办结率 with a slipped rate
  validate/probe_wrapped_shares.txt (+ .want.json)
      prose as pdftotext -layout prints it, the line of shares wrapped to
      open with a decimal (68.6%、…), one share off
  validate/probe_backtick.txt (+ .want.json)
      a total printed with a backtick inside it ("3`046件") and its
      breakdown in brackets that does not add up
  validate/probe_heji_single_part.txt (+ .want.json)
      a 合计 of counts in other counting words (通, 条) followed by one 其中
      part: no parts finding
  validate/probe_wan_share.txt (+ .want.json)
      a total printed in 万 and a part's share that no count within the
      total's last digit gives, beside shares that hold
  validate/probe_rank_exchanged.txt (+ .want.json)
      排名 first, twelve rows with a tie, the ranks of two neighbours
      exchanged: both are reported, not only the one the longest run in
      score order leaves out
  validate/probe_received_orders.txt (+ .want.json)
      a table headed 受理工单 / 按时回复 / 按时回复率 (the counted thing
      without 数, an on-time qualifier on replies) with a slipped rate
  validate/probe_open_amount.txt (+ .want.json)
      诉求量 = 办结量 + 未办结量 (counts written with 量), one row whose
      parts do not add up
  validate/probe_subtotals.txt (+ .want.json)
      units grouped by kind, each kind closed by its own subtotal row
      (县直部门小计, 乡镇小计) before the 合计: the 合计 sums the units, not
      the subtotals too; one subtotal off its kind's rows
  validate/probe_point_change_bases.txt (+ .want.json)
      changes in 个百分点 whose earlier rate is printed in brackets, before
      the change (较上月（96.6%）提升…) or after it (…（去年同期为95.6%）), one
      that holds and two that do not
  validate/probe_rank_tied.txt (+ .want.json)
      排名 cells that mark a shared place (5（并列）) among ten rows, and two
      neighbours' ranks exchanged below them
  validate/probe_unnamed_part.txt (+ .want.json)
      满意率 over 回访数 counting 满意数 and 基本满意数 (a count no header
      names as a metric), which the rows establish; one rate slipped
"""
import json
import os
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def tab_table(header, rows):
    out = []
    for cell in header:
        lines = cell.split("\n")
        out.append("\t" + lines[0])
        for l in lines[1:]:
            out += ["", l]
    out.append("")
    for r in rows:
        out += ["\t" + c for c in r]
        out.append("")
    return "\n".join(out)


def main():
    td = sys.argv[1]
    # --- TAB cells: a wrapped last header cell before a row opening with an empty cell
    rows = [["", "合计", "215", "209", "97.21"], ["1", "桐溪镇", "88", "86", "97.73"],
            ["2", "石坝乡", "71", "69", "97.18"], ["3", "柳湾街道", "56", "54", "96.43"]]
    write(os.path.join(td, "text/probe/tab-wrapped-header-empty-cell.txt"),
          "附件\n各乡镇（街道）工单办理情况\n\n" +
          tab_table(["序号", "单位", "工单总数", "办结数", "办结率\n(%)"], rows))
    # --- layout text: a header cell wrapped around the header line over an empty 合计 cell
    cols = [2, 14, 24, 33, 42, 50, 59]  # where each column's text starts
    def line(cells):
        out = ""
        for c, x in zip(cells, cols):
            if c:
                out = out.ljust(x) + c
        return out.rstrip()
    write(os.path.join(td, "text/probe/layout-header-piece-empty-total.txt"),
          "\n".join(["                各单位工单办理情况", "",
                     line(["", "", "", "", "数据完", "", ""]),
                     line(["单位", "受理件数", "回访数", "回访率", "", "总得分", "排名"]),
                     line(["", "", "", "", "整得分", "", ""]),
                     line(["合计", "412", "260", "63.1%", "", "", ""]),
                     line(["桐溪镇", "130", "88", "67.7%", "9.6", "98.2", "1"]),
                     line(["石坝乡", "97", "61", "62.9%", "8.8", "95.5", "2"]),
                     line(["县水务局", "185", "111", "60%", "9.1", "93.4", "3"])]) + "\n")
    # --- TAB cells: header cells over three lines
    write(os.path.join(td, "text/probe/tab-header-three-lines.txt"),
          "附件\n各承办单位工单办理情况\n\n" +
          tab_table(["承办单位", "转办\n工单\n数量", "按时\n办结\n数量", "按时\n办结\n率"],
                    [["桐溪经济开发区管理委员会社会事务局", "64", "60", "93.75%"], ["县水务局", "38", "38", "100%"],
                     ["石坝乡", "51", "47", "92.16%"]]))
    # --- layout text: the first row's long unit name centred on its line
    cols2 = [0, 16, 24, 32]
    def line2(cells):
        out = ""
        for c, x in zip(cells, cols2):
            if c:
                out = out.ljust(x) + c
        return out.rstrip()
    write(os.path.join(td, "text/probe/layout-long-label-above-first-row.txt"),
          "\n".join(["          各承办单位工单办理情况", "",
                     line2(["", "转办", "按时", "按时"]),
                     line2(["   承办单位", "工单", "办结", "办结"]),
                     line2(["", "数量", "数量", "率"]),
                     "桐溪经济开发区管理委",
                     line2(["", "64", "60", "93.75%"]),
                     "  员会社会事务局",
                     line2([" 县水务局", "38", "38", "100%"]),
                     line2([" 石坝乡", "51", "47", "92.16%"])]) + "\n")
    # --- a title without a title word
    write(os.path.join(td, "probe/title-without-title-word.txt"),
          "桐溪县12345热线第20周工单办理得分\n\n"
          "2024年第20周（5月13日—5月19日），县12345热线共转办工单812件，各单位得分如下。\n\n"
          "| 单位 | 得分 |\n|---|---|\n| 县水务局 | 98.5 |\n| 石坝乡 | 96.0 |\n| 桐溪镇 | 93.5 |\n\n"
          "桐溪县12345热线管理中心\n2024年5月21日\n")
    # --- ranks: one rank printed two places low
    ranks = [("县水务局", "98.88", "1"), ("石坝乡", "97.30", "2"), ("桐溪镇", "95.29", "3"), ("柳湾街道", "91.95", "4"),
             ("县林业局", "90.85", "7"), ("县商务局", "88.72", "6"), ("梅岭乡", "86.67", "7"), ("县统计局", "84.74", "8")]
    write(os.path.join(td, "validate/probe_rank_displaced.txt"),
          "桐溪县12345热线管理中心    2024年4月12日\n桐溪县一季度工单办理考核得分情况\n\n"
          "一季度各单位考核得分及排名如下。\n\n"
          "| 单位 | 考核得分 | 排名 |\n|---|---|---|\n" +
          "".join("| %s | %s | %s |\n" % r for r in ranks))
    write(os.path.join(td, "validate/probe_rank_displaced.want.json"), json.dumps([
        {"severity": "error", "rule": "rank_order", "table": 0, "row": 4, "unit": "县林业局", "column": "rank",
         "published": "7", "expected": "5"}], ensure_ascii=False, indent=1) + "\n")
    # --- prose: a 分别 list in 万 under a total with trailing zeros
    write(os.path.join(td, "validate/probe_wan_fenbie.txt"),
          "桐溪市12345热线管理中心    2024年7月8日\n桐溪市上半年12345热线运行情况\n\n"
          "上半年，全市12345热线共受理群众诉求21.30万件。电话、网络、移动端分别为14.62万件、4.71万件、1.97万件，"
          "分别占68.6%、22.1%、11.2%。\n")
    write(os.path.join(td, "validate/probe_wan_fenbie.want.json"), json.dumps([
        {"severity": "error", "rule": "share_mismatch", "table": -1, "row": -1, "figure": 3,
         "published": "11.2%", "expected": "9.1–9.4%"}], ensure_ascii=False, indent=1) + "\n")
    # --- a table headed 转办工单
    write(os.path.join(td, "validate/probe_dispatched_header.txt"),
          "桐溪县12345热线办公室    2024年5月6日\n桐溪县4月份工单办理情况\n\n4月份各单位工单办理情况如下。\n\n"
          "| 单位 | 转办工单 | 按时办结 | 按时办结率 |\n|---|---|---|---|\n"
          "| 县水务局 | 64 | 60 | 93.75% |\n| 石坝乡 | 38 | 38 | 100% |\n| 桐溪镇 | 51 | 47 | 93.16% |\n"
          "| 柳湾街道 | 27 | 25 | 92.59% |\n")
    write(os.path.join(td, "validate/probe_dispatched_header.want.json"), json.dumps([
        {"severity": "error", "rule": "rate_mismatch", "table": 0, "row": 2, "unit": "桐溪镇", "column": "on_time_rate",
         "published": "93.16%", "expected": "92.16%"}], ensure_ascii=False, indent=1) + "\n")
    # --- prose in layout text: a wrapped line opening with a decimal
    write(os.path.join(td, "validate/probe_wrapped_shares.txt"),
          "    桐溪县 2024 年上半年 12345 热线运行情况\n\n"
          "   上半年，县 12345 热线共受理群众诉求 5000 件。电话、网络、移动\n\n"
          "端 分 别 为 3430 件 、 1120 件 、 450 件 ， 分 别 占\n\n"
          "68.6%、22.4%、11%。\n\n"
          "                              桐溪县 12345 热线办公室\n\n"
          "                                 2024 年 7 月 5 日\n")
    write(os.path.join(td, "validate/probe_wrapped_shares.want.json"), json.dumps([
        {"severity": "error", "rule": "share_mismatch", "table": -1, "row": -1, "figure": 3,
         "published": "11%", "expected": "9%"}], ensure_ascii=False, indent=1) + "\n")
    # --- prose: a backtick inside a total
    write(os.path.join(td, "validate/probe_backtick.txt"),
          "桐溪县12345热线办公室    2024年3月5日\n桐溪县2月份12345热线运行情况\n\n"
          "2月份，县12345热线共受理群众诉求3`046件（电话诉求2,410件、网络诉求626件），同比增长4.2%。\n")
    write(os.path.join(td, "validate/probe_backtick.want.json"), json.dumps([
        {"severity": "error", "rule": "parts_sum_mismatch", "table": -1, "row": -1, "figure": 0,
         "published": "3046件", "expected": "3036"}], ensure_ascii=False, indent=1) + "\n")
    # --- prose: 合计 over counts in other counting words, then one 其中 part
    write(os.path.join(td, "validate/probe_heji_single_part.txt"),
          "石坝县12345热线服务中心    2024年2月4日\n石坝县1月份12345热线运行情况\n\n"
          "1月份，全县12345热线共接听来电4,211通，受理网络留言538条，合计受理群众诉求4,749件，其中转办各单位1,602件。\n")
    write(os.path.join(td, "validate/probe_heji_single_part.want.json"), "[]\n")
    # --- prose: a share of a total printed in 万
    write(os.path.join(td, "validate/probe_wan_share.txt"),
          "柳湾市12345热线管理中心    2024年6月6日\n柳湾市5月份12345热线运行情况\n\n"
          "5月份，市12345热线共受理群众诉求8.42万件，其中电话诉求61,250件，占72.7%；网络诉求22,930件，占29.2%。\n")
    write(os.path.join(td, "validate/probe_wan_share.want.json"), json.dumps([
        {"severity": "error", "rule": "share_mismatch", "table": -1, "row": -1, "figure": 2,
         "published": "29.2%", "expected": "27.2–27.3%"}], ensure_ascii=False, indent=1) + "\n")
    # --- ranks: 排名 first, two neighbours' ranks exchanged among twelve rows
    ex = [("1", "县水务局", "98.62"), ("2", "石坝乡", "97.41"), ("3", "桐溪镇", "96.95"), ("4", "县林业局", "96.30"),
          ("5", "柳湾街道", "95.88"), ("5", "县商务局", "95.88"), ("7", "梅岭乡", "95.02"), ("9", "县统计局", "94.77"),
          ("8", "县审计局", "94.31"), ("10", "青坪镇", "93.60"), ("11", "县体育局", "92.85"), ("12", "白沙乡", "91.40")]
    write(os.path.join(td, "validate/probe_rank_exchanged.txt"),
          "桐溪县12345热线管理中心    2024年6月4日\n桐溪县第22周承办单位考评得分\n\n"
          "第22周各承办单位考评得分及排名如下。\n\n"
          "| 排名 | 承办单位 | 综合得分 |\n|---|---|---|\n" +
          "".join("| %s | %s | %s |\n" % r for r in ex))
    write(os.path.join(td, "validate/probe_rank_exchanged.want.json"), json.dumps([
        {"severity": "error", "rule": "rank_order", "table": 0, "row": 7, "unit": "县统计局", "column": "rank",
         "published": "9", "expected": "8"},
        {"severity": "error", "rule": "rank_order", "table": 0, "row": 8, "unit": "县审计局", "column": "rank",
         "published": "8", "expected": "9"}], ensure_ascii=False, indent=1) + "\n")
    # --- headers: 受理工单 / 按时回复 / 按时回复率
    write(os.path.join(td, "validate/probe_received_orders.txt"),
          "桐溪县12345热线办公室    2024年9月3日\n桐溪县8月份工单办理情况\n\n8月份各单位工单办理情况如下。\n\n"
          "| 单位 | 受理工单 | 按时回复 | 按时回复率 |\n|---|---|---|---|\n"
          "| 县水务局 | 72 | 70 | 97.22% |\n| 石坝乡 | 45 | 45 | 100% |\n| 桐溪镇 | 58 | 55 | 95.83% |\n"
          "| 柳湾街道 | 31 | 29 | 93.55% |\n")
    write(os.path.join(td, "validate/probe_received_orders.want.json"), json.dumps([
        {"severity": "error", "rule": "rate_mismatch", "table": 0, "row": 2, "unit": "桐溪镇", "column": "reply_rate",
         "published": "95.83%", "expected": "94.83%"}], ensure_ascii=False, indent=1) + "\n")
    # --- a row sum over counts written with 量
    rows = [("县水务局", "64", "60", "4"), ("石坝乡", "38", "38", "0"), ("桐溪镇", "51", "45", "9"),
            ("柳湾街道", "27", "25", "2"), ("县林业局", "45", "41", "4"), ("梅岭乡", "33", "30", "3")]
    write(os.path.join(td, "validate/probe_open_amount.txt"),
          "桐溪县12345热线办公室    2024年3月4日\n桐溪县2月份诉求办理情况\n\n2月份各单位诉求办理情况如下。\n\n"
          "| 单位 | 诉求量 | 办结量 | 未办结量 |\n|---|---|---|---|\n" +
          "".join("| %s | %s | %s | %s |\n" % r for r in rows))
    write(os.path.join(td, "validate/probe_open_amount.want.json"), json.dumps([
        {"severity": "error", "rule": "parts_sum_mismatch", "table": 0, "row": 2, "unit": "桐溪镇", "column": "handled",
         "published": "51", "expected": "54"}], ensure_ascii=False, indent=1) + "\n")
    # --- layout text: the unit header wrapped around the header line, an unknown header beside it
    write(os.path.join(td, "probe/layout-wrapped-unit-header.txt"),
          "\n".join(["附件", "", "       各县（市、区）工单办理情况", "",
                     "县（市、",
                     "       转办量     退件登记次    按时办结率    回访量",
                     " 区）",
                     "桐溪县    1,254    12   95.61%   551",
                     "石坝县    2,068    7    96.25%   986",
                     "柳湾区    1,815    30   98.25%   714",
                     "梅岭区      916    4    91.31%   373"]) + "\n")
    # --- subtotals of the kinds of unit before the 合计
    rows = [("县水务局", "64", "40", "38"), ("县林业局", "38", "25", "25"), ("县直部门小计", "102", "65", "63"),
            ("桐溪镇", "51", "30", "28"), ("石坝乡", "27", "19", "17"), ("梅岭乡", "44", "31", "30"),
            ("乡镇小计", "122", "90", "75"), ("合计", "224", "145", "138")]
    write(os.path.join(td, "validate/probe_subtotals.txt"),
          "桐溪县12345热线办公室    2024年4月3日\n桐溪县3月份诉求回访情况\n\n3月份各单位诉求回访情况如下。\n\n"
          "| 单位 | 受理数 | 回访数 | 满意数 |\n|---|---|---|---|\n" +
          "".join("| %s | %s | %s | %s |\n" % r for r in rows))
    write(os.path.join(td, "validate/probe_subtotals.want.json"), json.dumps([
        {"severity": "error", "rule": "total_mismatch", "table": 0, "row": 6, "unit": "乡镇小计", "column": "visited",
         "published": "90", "expected": "80"}], ensure_ascii=False, indent=1) + "\n")
    # --- section rows (一、… 二、…) as one text in the first cell
    write(os.path.join(td, "probe/section-rows.txt"),
          "桐溪县12345热线办公室    2024年3月4日\n桐溪县2月份诉求办理情况\n\n2月份各单位诉求办理情况如下。\n\n"
          "| 单位 | 受理数 | 办结数 | 办结率 |\n|---|---|---|---|\n| 一、县直部门 | | | |\n"
          "| 县水务局 | 64 | 60 | 93.75% |\n| 县林业局 | 38 | 38 | 100% |\n| 二、乡镇 | | | |\n"
          "| 桐溪镇 | 51 | 45 | 88.24% |\n| 石坝乡 | 27 | 25 | 92.59% |\n| 合计 | 180 | 168 | 93.33% |\n")
    # --- layout text: section headings on lines of their own
    write(os.path.join(td, "text/probe/layout-section-rows.txt"),
          "\n".join(["            各单位诉求办理情况", "",
                     "     单位    受理数    办结数     办结率",
                     "一、县直部门",
                     "  县水务局      64      60      93.75%",
                     "  县林业局      38      38       100%",
                     "二、乡镇",
                     "   桐溪镇      51      45      88.24%",
                     "   石坝乡      27      25      92.59%",
                     "     合计     180     168      93.33%"]) + "\n")
    # --- the issuer and date only in the 印发 line, one space apart
    write(os.path.join(td, "probe/imprint-line-only.txt"),
          "桐溪县人民政府办公室文件\n\n桐政办〔2024〕12号\n\n关于2024年3月份12345热线\n工单办理情况的通报\n\n"
          "各乡镇人民政府，县政府各部门：\n\n现将3月份全县12345热线工单办理情况通报如下：3月份共交办工单1214件，按期办结1180件。\n\n"
          "抄送：县委办公室，县人大常委会办公室。\n\n桐溪县人民政府办公室 2024年4月9日印发\n")
    # --- changes in points with their earlier rates in brackets
    write(os.path.join(td, "validate/probe_point_change_bases.txt"),
          "桐溪县12345热线办公室    2024年3月4日\n桐溪县2月份12345热线运行情况\n\n"
          "2月份，按时办结率为98.1%，较上月（96.6%）提升1.1个百分点。\n\n"
          "回访满意率为97.2%，同比提升1.3个百分点（去年同期为95.6%）。\n\n"
          "按时回复率为99.3%，较上月（98.5%）提升0.8个百分点。\n")
    write(os.path.join(td, "validate/probe_point_change_bases.want.json"), json.dumps([
        {"severity": "error", "rule": "change_mismatch", "table": -1, "row": -1, "figure": 1,
         "published": "1.1个百分点", "expected": "1.5个百分点"},
        {"severity": "error", "rule": "change_mismatch", "table": -1, "row": -1, "figure": 3,
         "published": "1.3个百分点", "expected": "1.6个百分点"}], ensure_ascii=False, indent=1) + "\n")
    # --- ranks: shared places marked 并列, two neighbours exchanged below them
    tied = [("1", "县水务局", "98.62"), ("2", "石坝乡", "97.41"), ("3", "桐溪镇", "96.95"), ("4", "县林业局", "96.30"),
            ("5（并列）", "柳湾街道", "95.88"), ("5（并列）", "县商务局", "95.88"), ("7", "梅岭乡", "95.02"),
            ("8", "县统计局", "94.77"), ("10", "县审计局", "94.31"), ("9", "青坪镇", "93.60")]
    write(os.path.join(td, "validate/probe_rank_tied.txt"),
          "桐溪县12345热线管理中心    2024年6月11日\n桐溪县第23周承办单位考评得分\n\n"
          "第23周各承办单位考评得分及排名如下。\n\n"
          "| 排名 | 承办单位 | 综合得分 |\n|---|---|---|\n" +
          "".join("| %s | %s | %s |\n" % r for r in tied))
    write(os.path.join(td, "validate/probe_rank_tied.want.json"), json.dumps([
        {"severity": "error", "rule": "rank_order", "table": 0, "row": 8, "unit": "县审计局", "column": "rank",
         "published": "10", "expected": "9"},
        {"severity": "error", "rule": "rank_order", "table": 0, "row": 9, "unit": "青坪镇", "column": "rank",
         "published": "9", "expected": "10"}], ensure_ascii=False, indent=1) + "\n")
    # --- layout text: a last column most rows leave empty
    write(os.path.join(td, "text/probe/layout-sparse-last-column.txt"),
          "\n".join(["                   各乡镇工单办理情况", "",
                     "  乡镇         受理数           办结数           办结率          备注",
                     "  桐溪镇        83            81            97.59%",
                     "  石坝乡        64            64            100%",
                     "  柳湾乡        61            61            100%         新设",
                     "  梅岭镇        144           141           97.92%",
                     "  青坪镇        69            68            98.55%       合并",
                     "  白沙乡        41            40            97.56%"]) + "\n")
    # --- a rate of its own count and an unnamed count beside it
    parts = [("县水务局", 64, 50, 11), ("县林业局", 38, 30, 8), ("桐溪镇", 51, 40, 7), ("石坝乡", 27, 20, 6),
             ("梅岭乡", 44, 38, 4), ("青坪镇", 70, 60, 5), ("县商务局", 33, 25, 6), ("县统计局", 45, 39, 3),
             ("柳湾街道", 58, 49, 5), ("白沙乡", 29, 22, 5)]
    lines = []
    for u, v, sat, basic in parts:
        rate = "93.16%" if u == "桐溪镇" else ("%.2f" % (round((sat + basic) * 10000 / v) / 100)).rstrip("0").rstrip(".") + "%"
        lines.append("| %s | %d | %d | %d | %s |\n" % (u, v, sat, basic, rate))
    write(os.path.join(td, "validate/probe_unnamed_part.txt"),
          "桐溪县12345热线办公室    2024年3月4日\n桐溪县2月份诉求回访情况\n\n2月份各单位回访情况如下。\n\n"
          "| 单位 | 回访数 | 满意数 | 基本满意数 | 满意率 |\n|---|---|---|---|---|\n" + "".join(lines))
    write(os.path.join(td, "validate/probe_unnamed_part.want.json"), json.dumps([
        {"severity": "error", "rule": "rate_mismatch", "table": 0, "row": 2, "unit": "桐溪镇", "column": "satisfaction_rate",
         "published": "93.16%", "expected": "92.16%"}], ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
