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
  validate/probe_backtick.txt (+ .want.json)
      a total printed with a backtick inside it ("3`046件") and its
      breakdown in brackets that does not add up
  validate/probe_heji_single_part.txt (+ .want.json)
      a 合计 of counts in other counting words (通, 条) followed by one 其中
      part: no parts finding
  validate/probe_wan_share.txt (+ .want.json)
      a total printed in 万 and a part's share that no count within the
      total's last digit gives, beside shares that hold
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


if __name__ == "__main__":
    main()
