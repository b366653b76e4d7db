#!/usr/bin/env python3
"""Writes the checker's class fixtures into testdata/validate: one bulletin
per class of issue 14 (as text when the extractor's reading of its tables is
the point, as the JSON of a model.Bulletin when the prose tree is), each with
<name>.want.json, the findings `validate.Check` must give (only the fields a
finding must have; see validate/fixtures_test.go).

usage: python3 testdata/gen/validate_classes.py [OUTDIR]   (default testdata/validate)

The numbers are made up here, with exact arithmetic; the planted faults are
marked where they are made. Standard library only.
"""
import json
import os
import sys
from fractions import Fraction

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "validate")


def half_up(k, n, d):
    """100·k/n printed with d decimals, half-up, as text with %."""
    q = Fraction(100 * k, n) * 10 ** d
    v = int(q + Fraction(1, 2))
    s = str(v).rjust(d + 1, "0")
    return (s[:-d] + "." + s[-d:] if d else s) + "%"


def pipe_table(label, title, headers, rows):
    out = [label, title, "", "| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for r in rows:
        out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out) + "\n"


def write(name, body, want, ext):
    with open(os.path.join(OUT, name + ext), "w", encoding="utf-8") as f:
        if ext == ".json":
            json.dump(body, f, ensure_ascii=False, indent=1)
            f.write("\n")
        else:
            f.write(body)
    with open(os.path.join(OUT, name + ".want.json"), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join("  " + json.dumps(w, ensure_ascii=False) for w in want) + ("\n" if want else "") + "]\n")


HEAD = "柳溪县12345热线办公室    2024年5月8日\n柳溪县12345热线4月份工单办理情况通报\n\n2024年4月，县12345热线各承办单位工单办理情况如下。\n\n"


def class1():
    """Row partitions: 受理件数 = 已办结 + 办理中 + 退回件数, the unkeyed 退回件数
    closing the gap on every row but one, where 受理件数 is 3 too high; and a
    table whose 已办结 + 办理中 falls short on most rows (its 督办件数 does not
    close the gap): not a relation of that table, nothing reported."""
    rows = []
    data = [("城关街道", 58, 2, 3), ("河西街道", 41, 1, 0), ("东坝镇", 37, 0, 2), ("青山镇", 29, 3, 1),
            ("柳林镇", 64, 2, 0), ("石门乡", 18, 0, 1), ("桃源镇", 33, 1, 0), ("白沙镇", 26, 0, 2),
            ("三河镇", 47, 4, 0), ("龙泉乡", 15, 1, 1)]
    for i, (u, closed, open_, back) in enumerate(data):
        handled = closed + open_ + back
        if i == 5:
            handled += 3  # planted: 受理件数 3 above its parts
        rows.append([u, handled, closed, open_, back])
    t1 = pipe_table("附件1", "4月份各乡镇（街道）工单办理情况", ["承办单位", "受理件数", "已办结", "办理中", "退回件数"], rows)
    rows2 = []
    for u, c, o, x in [("甲社区", 20, 3, 4), ("乙社区", 31, 2, 6), ("丙社区", 12, 1, 2), ("丁社区", 44, 5, 9), ("戊社区", 27, 0, 3)]:
        rows2.append([u, c + o + x + 2, c, o, x])  # 2 items per row are in no printed column
    t2 = pipe_table("附件2", "4月份各社区工单办理情况", ["承办单位", "受理件数", "已办结", "办理中", "督办件数"], rows2)
    bad = data[5]
    want = [{"severity": "error", "rule": "parts_sum_mismatch", "table": 0, "row": 5, "unit": "石门乡", "column": "handled",
             "published": str(sum(bad[1:]) + 3), "expected": str(sum(bad[1:])),
             "basis": "%d ≠ %d (受理件数 = 已办结 + 办理中 + 退回件数, holds in 9 of 10 rows)" % (sum(bad[1:]) + 3, sum(bad[1:]))}]
    write("class1_partitions", HEAD + t1 + "\n" + t2, want, ".txt")


def class2():
    """Rates whose numerator is printed. 办结率 = (按期办结数 + 超期办结数) ÷ 交办数
    (no 办结数 column): on one row the printed rate is one some whole k over
    交办数 gives (a GRIM pass), but not the printed counts; the expected value
    is the counts'. In the prose, 满意率 printed with its own count and base."""
    data = [("县教育局", 74, 62, 8), ("县卫健委", 120, 101, 12), ("县住建局", 88, 70, 9), ("县交通局", 54, 47, 4),
            ("县水利局", 39, 30, 6), ("县民政局", 73, 66, 3), ("县人社局", 95, 80, 10), ("县商务局", 46, 40, 2),
            ("县文旅局", 28, 22, 3), ("县城管局", 131, 110, 15)]
    rows = []
    for i, (u, n, ot, od) in enumerate(data):
        rate = half_up(ot + od, n, 2)
        if i == 0:
            rate = half_up(ot + od + 1, n, 2)  # planted: (70+1)/74, a value some k/74 gives
        rows.append([u, n, ot, od, rate])
    t = pipe_table("附件", "4月份县直部门工单办理情况", ["承办单位", "交办数", "按期办结数", "超期办结数", "办结率"], rows)
    want = [{"severity": "error", "rule": "rate_mismatch", "table": 0, "row": 0, "unit": "县教育局", "column": "closure_rate",
             "published": half_up(71, 74, 2), "expected": half_up(70, 74, 2)}]
    write("class2_numerators", HEAD + t, want, ".txt")
    prose = {"source": {"name": "class2_prose.json", "format": "json"},
             "figures": [
                 {"label": "回访群众", "value": 500, "unit": "件", "text": "回访群众500件", "parent": -1, "kind": "count"},
                 {"label": "满意", "value": 470, "unit": "件", "text": "其中满意470件", "parent": 0, "kind": "count"},
                 # planted: 476/500 prints 95.20% (GRIM passes), the printed 470 gives 94.00%
                 {"label": "满意率", "value": 95.2, "unit": "%", "text": "满意率95.20%", "parent": 0, "kind": "rate", "decimals": 2},
                 {"label": "转办", "value": 2953, "unit": "件", "text": "转办2953件", "parent": -1, "kind": "count"},
                 {"label": "办结", "value": 2907, "unit": "件", "text": "办结2907件", "parent": 3, "kind": "count"},
                 {"label": "办结率", "value": 98.44, "unit": "%", "text": "办结率98.44%", "parent": 4, "kind": "rate", "decimals": 2}],
             "mentions": [], "tables": []}
    want = [{"severity": "error", "rule": "rate_mismatch", "table": -1, "figure": 2, "published": "95.20%", "expected": "94.00%"}]
    write("class2_prose", prose, want, ".json")


def class3():
    """A rate column whose header names no base, 快速办结率(≥80%达标): every row's
    rate is some k over 工单数 (k not printed) but one, which no k gives."""
    data = [("东城街道", 173, 151), ("西城街道", 96, 90), ("南关街道", 211, 180), ("北关街道", 58, 50),
            ("新华街道", 137, 120), ("和平街道", 84, 71), ("胜利街道", 242, 219), ("红星街道", 67, 60),
            ("光明街道", 119, 101), ("建设街道", 45, 41), ("解放街道", 152, 140), ("人民街道", 78, 66)]
    rows = []
    for i, (u, n, k) in enumerate(data):
        rate = half_up(k, n, 2)
        if i == 3:
            rate = "86.55%"  # planted: no whole k over 58 gives 86.55% (50/58 = 86.21%, 51/58 = 87.93%)
        rows.append([u, n, n - (i % 3), rate])
    t = pipe_table("附件", "4月份各街道快速办理情况", ["承办单位", "工单数", "办结数", "快速办结率(≥80%达标)"], rows)
    want = [{"severity": "error", "rule": "rate_mismatch", "table": 0, "row": 3, "unit": "北关街道",
             "column": "快速办结率(≥80%达标)", "published": "86.55%", "expected": half_up(50, 58, 2)}]
    write("class3_unnamed_base", HEAD + t, want, ".txt")


def trunc(k, n, d):
    """100·k/n printed with d decimals, truncated, as text with %."""
    v = int(Fraction(100 * k, n) * 10 ** d)
    t = str(v).rjust(d + 1, "0")
    return (t[:-d] + "." + t[-d:] if d else t) + "%"


def class4():
    """Shares and rounding: the document rounds half-up (its table's rates
    tell); one share of a list holds only by truncation (rate_rounding); in
    a list printed without a total, three shares hold over the stated total
    and the fourth holds over nothing (share_mismatch, the base established
    by the list). class4_share_rates: the same kind of list as the
    extractor may give it, each share a "rate" figure right after its count
    and all of them given the first count as parent."""
    table = {"label": "附件", "title": "4月份各单位办理情况",
             "columns": [{"header": "单位名称", "key": "unit"}, {"header": "办理数", "key": "handled"},
                         {"header": "满意数", "key": "satisfied"}, {"header": "满意率", "key": "satisfaction_rate"}],
             "rows": []}
    for u, n, k in [("甲局", 3, 2), ("乙局", 6, 1), ("丙局", 9, 7), ("丁局", 12, 11)]:
        table["rows"].append({"unit": u, "cells": {"handled": {"text": str(n)}, "satisfied": {"text": str(k)},
                                                   "satisfaction_rate": {"text": half_up(k, n, 2)}}})
    total = 3216
    items = [("城镇管理类", 705, "ok"), ("劳动保障类", 512, "bad"), ("住房物业类", 389, "trunc"), ("交通出行类", 264, "ok")]
    figs = [{"label": "受理工单", "value": total, "unit": "件", "text": "受理工单%d件" % total, "parent": -1, "kind": "count"}]
    want = []
    for label, k, how in items:
        share = {"ok": half_up(k, total, 2), "trunc": trunc(k, total, 2),
                 "bad": half_up(k + total // 100, total, 2)}[how]  # planted: about one point too high
        assert how != "trunc" or share != half_up(k, total, 2)
        figs.append({"label": label, "value": k, "unit": "件", "text": "%s%d件" % (label, k), "parent": -1, "kind": "count",
                     "share": float(share[:-1]), "share_decimals": 2})
        if how == "trunc":
            want.append({"severity": "warning", "rule": "rate_rounding", "table": -1, "figure": len(figs) - 1,
                         "published": share, "expected": half_up(k, total, 2)})
        if how == "bad":
            want.append({"severity": "error", "rule": "share_mismatch", "table": -1, "figure": len(figs) - 1,
                         "published": share, "expected": half_up(k, total, 2)})
    write("class4_shares", {"source": {"name": "class4_shares.json", "format": "json"}, "figures": figs,
                            "mentions": [], "tables": [table]}, want, ".json")

    total = 5120
    figs = [{"label": "受理群众诉求", "value": total, "unit": "件", "text": "共受理群众诉求%d件" % total, "parent": -1, "kind": "count", "pos": {"line": 3}}]
    first = None
    want = []
    for label, k, bad in [("咨询类", 1408, False), ("求助类", 1033, False), ("投诉类", 857, True), ("建议类", 611, False)]:
        figs.append({"label": label, "value": k, "unit": "件", "text": "%s%d件" % (label, k), "parent": -1, "kind": "count", "pos": {"line": 4}})
        first = first if first is not None else len(figs) - 1
        share = half_up(k + (total // 100 if bad else 0), total, 2)  # planted: one point too high
        figs.append({"label": "占", "value": float(share[:-1]), "unit": "%", "text": "占" + share, "parent": first,
                     "kind": "rate", "decimals": 2, "pos": {"line": 4}})
        if bad:
            want.append({"severity": "error", "rule": "share_mismatch", "table": -1, "figure": len(figs) - 1,
                         "published": share, "expected": half_up(k, total, 2)})
    write("class4_share_rates", {"source": {"name": "class4_share_rates.json", "format": "json"}, "figures": figs,
                                 "mentions": [], "tables": []}, want, ".json")


def class5():
    """Changes: a relative change against its absolute change and current
    value (one holds, one does not), a decrease of more than 100%, and
    个百分点 changes against their two printed rates (one holds, one does
    not)."""
    figs = [
        {"label": "受理群众诉求", "value": 28653, "unit": "件", "text": "共受理群众诉求28653件", "parent": -1, "kind": "count"},
        {"label": "比上年同期增加", "value": 2719, "unit": "件", "text": "比上年同期增加2719件", "parent": 0, "kind": "change"},
        {"label": "同比增长", "value": 10.5, "unit": "%", "text": "同比增长10.5%", "parent": 0, "kind": "change", "decimals": 1},
        {"label": "派转工单", "value": 15804, "unit": "件", "text": "派转工单15804件", "parent": -1, "kind": "count"},
        {"label": "比上年同期减少", "value": -613, "unit": "件", "text": "比上年同期减少613件", "parent": 3, "kind": "change"},
        # planted: 613/(15804+613) = 3.73%, printed 5.1%
        {"label": "同比下降", "value": -5.1, "unit": "%", "text": "同比下降5.1%", "parent": 3, "kind": "change", "decimals": 1},
        {"label": "办结率", "value": 97.42, "unit": "%", "text": "办结率97.42%", "parent": -1, "kind": "rate", "decimals": 2},
        {"label": "较上季度提高", "value": 1.35, "unit": "个百分点", "text": "较上季度提高1.35个百分点", "parent": 6, "kind": "change", "decimals": 2, "base": 96.07},
        {"label": "满意率", "value": 91.86, "unit": "%", "text": "满意率91.86%", "parent": -1, "kind": "rate", "decimals": 2},
        # planted: 91.86 - 88.14 = 3.72 points, printed 4.15
        {"label": "较上月提升", "value": 4.15, "unit": "个百分点", "text": "较上月提升4.15个百分点", "parent": 8, "kind": "change", "decimals": 2, "base": 88.14},
        {"label": "重复来电", "value": 86, "unit": "件", "text": "重复来电86件", "parent": -1, "kind": "count"},
        # planted: a decrease of more than 100%
        {"label": "环比下降", "value": -125, "unit": "%", "text": "环比下降125%", "parent": 10, "kind": "change"},
    ]
    doc = {"source": {"name": "class5_changes.json", "format": "json"}, "figures": figs, "mentions": [], "tables": []}
    want = [
        {"severity": "error", "rule": "change_mismatch", "table": -1, "figure": 5, "published": "5.1%", "expected": "3.7%"},
        {"severity": "error", "rule": "change_mismatch", "table": -1, "figure": 9, "expected": "3.72个百分点"},
        {"severity": "error", "rule": "change_mismatch", "table": -1, "figure": 11, "expected": "≤ 100%"},
    ]
    write("class5_changes", doc, want, ".json")


def units_table(label, title, units, counts, two_level=False):
    if two_level:
        cols = [{"header": "单位名称", "key": "unit"}, {"header": "12345热线/交办数", "key": "12345热线/handled"},
                {"header": "政民互动/交办数", "key": "政民互动/handled"}, {"header": "合计/交办数", "key": "合计/handled"}]
        rows = [{"unit": u, "cells": {"12345热线/handled": {"text": str(a)}, "政民互动/handled": {"text": str(b)},
                                      "合计/handled": {"text": str(a + b)}}} for u, (a, b) in zip(units, counts)]
    else:
        cols = [{"header": "单位名称", "key": "unit"}, {"header": "办理数", "key": "handled"}]
        rows = [{"unit": u, "cells": {"handled": {"text": str(n)}}} for u, n in zip(units, counts)]
    return {"label": label, "title": title, "columns": cols, "rows": rows}


def doc(name, figs, tables, mentions=()):
    return {"source": {"name": name + ".json", "format": "json"}, "figures": figs, "mentions": list(mentions), "tables": tables}


def class6():
    """The noisy warnings, one bulletin each: nothing is inconsistent in any
    of them, except where a want file says so (the rule is still alive)."""
    depts = ["区住建局", "区城管局", "区教育局", "区卫健委"]
    # 前三位：A，转办N件；B… read as one or two names: no rank_order, and
    # the name with a count is no unknown unit; a real unknown unit still is.
    write("noise_top_list", doc("noise_top_list", [], [units_table("附件", "各单位办理情况", depts, [45, 38, 30, 12])], [
        {"unit": "区住建局", "role": "ranked", "context": "受理量前三位", "matches": []},
        {"unit": "转办38件；区城管局", "role": "ranked", "context": "受理量前三位", "matches": []},
        {"unit": "区档案馆", "role": "praised", "context": "办理情况较好的单位", "matches": []},
    ]), [{"severity": "warning", "rule": "mention_unknown_unit", "table": -1, "mention": 2, "unit": "区档案馆"}], ".json")
    # A、B、C各1件 is three items, not one part of 1.
    write("noise_each", doc("noise_each", [
        {"label": "其他诉求", "value": 15, "unit": "件", "text": "其他诉求15件（咨询类8件、求助类4件、区甲局、区乙局、区丙局各1件）", "parent": -1, "kind": "count"},
        {"label": "咨询类", "value": 8, "unit": "件", "text": "咨询类8件", "parent": 0, "kind": "count", "in_brackets": True},
        {"label": "求助类", "value": 4, "unit": "件", "text": "求助类4件", "parent": 0, "kind": "count", "in_brackets": True},
        {"label": "区甲局、区乙局、区丙局", "value": 1, "unit": "件", "text": "区甲局、区乙局、区丙局各1件", "parent": 0, "kind": "count", "in_brackets": True},
    ], []), [], ".json")
    # A two-level header: the 合计 group is the table's count, not a third
    # channel to add to the other two.
    write("noise_two_level", doc("noise_two_level", [
        {"label": "向各单位交办工单", "value": 120, "unit": "件", "text": "共向各单位交办工单120件", "parent": -1, "kind": "count"},
    ], [units_table("附件", "各单位交办件办理情况", depts, [(30, 15), (25, 10), (15, 10), (10, 5)], two_level=True)]), [], ".json")
    # A table of the items passed on to units against the overall intake.
    write("noise_dispatched", doc("noise_dispatched", [
        {"label": "受理群众诉求", "value": 500, "unit": "件", "text": "共受理群众诉求500件", "parent": -1, "kind": "count"},
        {"label": "当场解答", "value": 190, "unit": "件", "text": "其中当场解答190件", "parent": 0, "kind": "count"},
    ], [units_table("附件", "各单位工单办理情况", depts, [120, 90, 60, 40])]), [], ".json")
    # ... while a stated count of the items passed on is compared.
    write("dispatched_compare", doc("dispatched_compare", [
        {"label": "受理群众诉求", "value": 500, "unit": "件", "text": "共受理群众诉求500件", "parent": -1, "kind": "count"},
        {"label": "转办承办单位", "value": 314, "unit": "件", "text": "转办承办单位314件", "parent": 0, "kind": "count"},
    ], [units_table("附件", "各单位工单办理情况", depts, [120, 90, 60, 40])]),
        [{"severity": "warning", "rule": "table_vs_narrative", "table": -1, "figure": 1, "published": "314件", "expected": "310"}], ".json")
    # A count of some units (有3个镇…) is not the number of units.
    towns = ["甲镇", "乙镇", "丙镇", "丁镇", "戊镇"]
    write("noise_unit_subset", doc("noise_unit_subset", [
        {"label": "镇", "value": 3, "unit": "个", "text": "有3个镇按时办结率低于90%", "parent": -1, "kind": "count"},
    ], [units_table("附件", "各镇办理情况", towns, [20, 18, 15, 9, 7])]), [], ".json")
    # A change read as a count is no total: the category list that follows
    # is not its parts, and their shares are not computed against it.
    write("noise_share_base", doc("noise_share_base", [
        {"label": "受理群众诉求", "value": 4000, "unit": "件", "text": "共受理群众诉求4000件", "parent": -1, "kind": "count"},
        {"label": "比上年同期增加", "value": 300, "unit": "件", "text": "比上年同期增加300件", "parent": -1, "kind": "count"},
        {"label": "咨询类", "value": 1000, "unit": "件", "text": "其中咨询类1000件，占25%", "parent": 1, "kind": "count", "share": 25},
        {"label": "投诉类", "value": 600, "unit": "件", "text": "投诉类600件，占15%", "parent": 1, "kind": "count", "share": 15},
    ], []), [], ".json")


def misread():
    """A table read with its columns shifted (a count column holding
    percentages): its failures are warnings that say why, not errors."""
    cols = [{"header": "单位名称", "key": "unit"}, {"header": "办理数", "key": "handled"},
            {"header": "按时办结数", "key": "on_time"}, {"header": "按时办结率", "key": "on_time_rate"},
            {"header": "满意数", "key": "satisfied"}]
    rows = []
    for u, n, k in [("甲局", 40, 38), ("乙局", 25, 24), ("丙局", 60, 51), ("丁局", 33, 33)]:
        rows.append({"unit": u, "cells": {"handled": {"text": str(n)}, "on_time": {"text": str(k)},
                                          "on_time_rate": {"text": half_up(k, n, 2)},
                                          "satisfied": {"text": half_up(k - 2, n, 2)}}})  # a rate under a count's header
    rows[2]["cells"]["on_time_rate"]["text"] = "58.00%"  # fails, but the table is in doubt
    t = {"label": "附件", "title": "各单位办理情况", "columns": cols, "rows": rows}
    write("misread_table", doc("misread_table", [], [t]),
          [{"severity": "warning", "rule": "rate_mismatch", "table": 0, "row": 2, "unit": "丙局", "column": "on_time_rate"}], ".json")


if __name__ == "__main__":
    class1()
    class2()
    class3()
    class4()
    class5()
    class6()
    misread()
