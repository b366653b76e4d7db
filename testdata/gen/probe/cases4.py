"""The probe cases, fourth batch: unit names with brackets, a title wrapped inside a word,
a month written as a day range, a 合计 with a colon list ending in 其他, 约占 shares of a total
in 万, a TAB two-level header with wrapped sub-headers, and a landscape table whose pages
open with a wrapped unit name."""
import random
from decimal import Decimal

import plant as P
from cases import attachment, colsum, meta, period, share
from docmodel import Col, Doc, Table, cn_date, fmt_dec, fmt_pct, pct, thousands
from names import depts, towns, villages


# ---------------------------------------------------------------------------
# 43 杉城: unit names with brackets (…医院（医共体）, …（筹）, 镇（街道）), a title wrapped
#   over three lines with a break inside a word; planted: a slipped rate on a bracketed unit
# ---------------------------------------------------------------------------

def shancheng():
    rnd = random.Random(2433)
    doc = Doc("probe-shancheng-2024-03")
    meta(doc, ["杉城县2024年3月份12345政务服务", "便民热线群众诉求办理情", "况通报"], "杉城县政务服务中心", (2024, 4, 9),
         period((2024, 3, 1), (2024, 3, 31), "2024年3月份"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("单位名称"), P.cnt("handled", "办理数"), P.cnt("on_time", "按时办结数"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["3月份各单位群众诉求办理情况"], cols)
    us = ["县人民医院（医共体）", "县中医院（医共体）", "杉城高新区（筹）", "县住房和城乡建设局（人防办）", "县应急管理局（地震局）",
          "城关镇（街道）", "县教育局", "县自然资源局", "县水利局", "供电公司", "自来水公司", "县市场监督管理局（知识产权局）"]
    for u in us:
        t.add(dict(P.counts(rnd, 8, 130, visit=(1, 1)), unit=u))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("3月份，县12345热线共转办群众诉求%s，其中县人民医院（医共体）%s，按时办结%s。" % (
        doc.fig("转办群众诉求", h), doc.fig("县人民医院（医共体）", t.data[0]["handled"]),
        doc.fig("按时办结", colsum(t, "on_time"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：3月份各单位群众诉求办理情况")
    u = next(r["unit"] for r in t.data if "（" in r["unit"] and r["on_time"] < r["handled"] and r["handled"] > 20)
    P.slip(doc, 0, u, "on_time_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 44 柏林: a month given as a day range (2024年3月1日至31日), a 合计 with a colon list that
#   ends in 其他 and adds up, 约占 shares; clean
# ---------------------------------------------------------------------------

def bailin():
    rnd = random.Random(2434)
    doc = Doc("probe-bailin-2024-03")
    meta(doc, ["柏林区12345热线3月份运行情况"], "柏林区12345热线服务中心", (2024, 4, 3),
         period((2024, 3, 1), (2024, 3, 31), "2024年3月1日至31日"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("承办单位"), P.cnt("handled", "派单数"), P.cnt("closed", "办结数"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=1)]
    t = Table("附件", ["3月份各承办单位派单办理情况"], cols, total_unit="合计", total_position="bottom")
    us = depts(rnd, 12, "区", utilities=3) + towns(rnd, 5, ("街道",))
    for u in us:
        t.add(dict(P.counts(rnd, 10, 200), unit=u))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    total = h + 2210
    cats = [round(total * 0.34), round(total * 0.27), round(total * 0.18)]
    cats.append(total - sum(cats))
    names = ["咨询类", "求助类", "投诉类", "其他"]
    doc.blocks.append(("title",))
    doc.p("2024年3月1日至31日，区12345热线共受理群众诉求%s，派发各承办单位%s。" % (doc.fig("受理群众诉求", total),
                                                                   doc.fig("派发各承办单位", h)))
    doc.checks.append({"label": "派发", "value": h, "tables": [0], "column": "handled"})
    doc.p("按诉求类型合计%s：%s，分别约占%s。" % (
        doc.fig("按诉求类型合计", total, optional=True), "，".join(n + doc.fig(n, v) for n, v in zip(names, cats)),
        "、".join(share(v, total, 1) for v in cats)))
    doc.sums.append({"label": "类型", "total": total, "parts": cats})
    for n, v in zip(names, cats):
        doc.shares.append({"label": n, "count": v, "share": share(v, total, 1), "base": total})
    attachment(doc, t, "附件：3月份各承办单位派单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 45 榆川: a total in 万 with parts in 件 and 约占 shares, one share off (planted)
# ---------------------------------------------------------------------------

def yuchuan():
    rnd = random.Random(2435)
    doc = Doc("probe-yuchuan-2024-09")
    meta(doc, ["榆川市9月份12345热线运行分析"], "榆川市政务服务管理局", (2024, 10, 10),
         period((2024, 9, 1), (2024, 9, 30), "2024年9月"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="threeline")
    cols = [P.unit("县（市、区）"), P.cnt("handled", "转办量"), P.cnt("on_time", "按时办结量"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2)]
    t = Table("附件", ["9月份各县（市、区）转办工单办理情况"], cols, thousands=True)
    for u in ["榆城区", "川东区", "川西区", "榆川新区", "北山县", "南河县", "东坪县"]:
        t.add(dict(P.counts(rnd, 1500, 5200), unit=u))
    t.render()
    h = colsum(t, "handled")
    total = h + 41000 + rnd.randint(0, 2000)
    tw = (Decimal(total) / 10000).quantize(Decimal("0.01"))
    cats = [round(total * 0.213), round(total * 0.168), round(total * 0.121)]
    sh = [share(c, total, 1) for c in cats]
    sh[1] = fmt_dec(pct(cats[1], total, 1) + Decimal("1.5"), 1, "pad") + "%"
    doc.blocks.append(("title",))
    doc.p("9月份，全市12345热线共受理群众诉求%s万件，转办各县（市、区）%s件。" % (tw, thousands(h)))
    doc.figures += [{"label": "受理群众诉求", "value": float(tw), "unit": "万件"},
                    {"label": "转办", "value": h, "unit": "件"}]
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.p("从诉求内容看，城乡建设类%s件，约占%s；社会保障类%s件，约占%s；市场监管类%s件，约占%s。" % (
        thousands(cats[0]), sh[0], thousands(cats[1]), sh[1], thousands(cats[2]), sh[2]))
    for n, c, s in zip(["城乡建设类", "社会保障类", "市场监管类"], cats, sh):
        doc.figures.append({"label": n, "value": c, "unit": "件"})
        doc.shares.append({"label": n, "count": c, "share": s, "base": total})
    doc.sums.append({"label": "内容", "total": total, "parts": cats, "exhaustive": False})
    doc.finding("share_mismatch", None, "", "", "error", sh[1], share(cats[1], total, 1) + " of about %s万" % tw,
                note="社会保障类 share 1.5 points high")
    attachment(doc, t, "附件：9月份各县（市、区）转办工单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 46 桂溪: two channel groups whose sub-headers wrap (按期\n办结数), 合计 group, the seed's TAB
#   text; planted: a slipped 合计 rate
# ---------------------------------------------------------------------------

def guixi():
    rnd = random.Random(2436)
    doc = Doc("probe-guixi-2024-04")
    meta(doc, ["桂溪区4月份12345热线工单办理情况"], "桂溪区政务服务便民热线中心", (2024, 5, 7),
         period((2024, 4, 1), (2024, 4, 30), "2024年4月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.seq(), P.unit("单位")]
    for g in ("热线电话", "网上诉求", "合计"):
        cols += [P.cnt("handled", "交办\n件数", g), P.cnt("on_time", "按期\n办结数", g),
                 P.rate("on_time_rate", "按期\n办结率", "on_time", "handled", dec=2, group=g)]
    t = Table("附件", ["4月份各单位工单办理情况"], cols, total_unit="合计", total_position="bottom", font_pt=9,
              row_sums=[{"total": "handled", "parts": ["热线电话/handled", "网上诉求/handled"]},
                        {"total": "on_time", "parts": ["热线电话/on_time", "网上诉求/on_time"]}])
    us = depts(rnd, 14, "区", utilities=3) + towns(rnd, 5, ("街道",))
    for i, u in enumerate(us):
        a, b = P.counts(rnd, 10, 150), P.counts(rnd, 2, 50)
        t.add(P.channel_row(u, i + 1, [("热线电话", a), ("网上诉求", b)], ["handled", "on_time"], overall=True))
    t.make_total()
    t.total["seq"] = ""
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("4月份，区12345热线共向各单位交办工单%s，按期办结%s。" % (doc.fig("交办工单", h), doc.fig("按期办结", colsum(t, "on_time"))))
    doc.checks.append({"label": "交办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：4月份各单位工单办理情况")
    P.slip(doc, 0, None, "on_time_rate", "last", note="合计 rate one too high in its last decimal")
    return doc


# ---------------------------------------------------------------------------
# 47 松溪: 96 village rows on landscape pages with the header repeated, long village names
#   that wrap, 所属镇 beside them, half-up one-decimal rates; planted: a count relation
#   (按时办结数 above 受理件数)
# ---------------------------------------------------------------------------

def songxi():
    rnd = random.Random(2437)
    doc = Doc("probe-songxi-2024-11")
    meta(doc, ["松溪县2024年11月村（社区）12345热线", "诉求办理情况通报"], "松溪县政务服务和数据管理局", (2024, 12, 6),
         period((2024, 11, 1), (2024, 11, 30), "2024年11月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.seq(), P.text("所属镇", "所属镇"), P.unit("村（社区）"), P.cnt("handled", "受理件数"),
            P.cnt("on_time", "按时办结数"), P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=1)]
    t = Table("附件", ["2024年11月各村（社区）诉求办理情况"], cols, landscape=True, repeat_header=True, unit_width=4)
    tw = towns(rnd, 6, ("镇",))
    vs = villages(rnd, 96)
    # some long names: a community with its residents' committee
    for k in range(0, 96, 9):
        vs[k] = vs[k].replace("社区", "").replace("村", "") + "社区居民委员会"
    for i, v in enumerate(vs):
        t.add(dict(P.counts(rnd, 3, 70), unit=v, seq=i + 1, **{"所属镇": tw[i * len(tw) // len(vs)]}))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("11月份，县12345热线共向各村（社区）转办诉求%s。" % doc.fig("转办诉求", h))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年11月各村（社区）诉求办理情况")
    r = next(r for r in t.data[50:] if r["handled"] > 10)
    P.count_off(doc, 0, r["unit"], "on_time", r["handled"] + 2, note="按时办结数 above 受理件数")
    return doc


ALL = [shancheng, bailin, yuchuan, guixi, songxi]
