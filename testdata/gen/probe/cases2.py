"""The probe cases, second batch: classes the first batch does not reach (prose rates stated
with their counts, a share list over the wrong base, 通/条 units, clock-time ranges, a 简报
masthead, full-width text copies, side-by-side count tables, a denominator that is a
sub-column, ties in a 前三名 list, rates printed without %, a narrative-only bulletin)."""
import random
from decimal import Decimal

import plant as P
from cases import attachment, colsum, meta, period, share
from docmodel import Col, Doc, Table, cn_date, fmt_dec, fmt_pct, pct, thousands
from names import depts, towns


# ---------------------------------------------------------------------------
# 23 松林: prose rates stated with their counts (回访…其中不满意…满意率), 环比 and 个百分点
#   changes, units named without the 区 prefix, a top-3 list with counts in brackets;
#   planted: the prose 满意率
# ---------------------------------------------------------------------------

def songlin():
    rnd = random.Random(2402)
    doc = Doc("probe-songlin-2024-02")
    meta(doc, ["松林区2024年2月份12345热线", "群众诉求办理情况通报"], "松林区政务服务和数据管理局", (2024, 3, 6),
         period((2024, 2, 1), (2024, 2, 29), "2024年2月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("单位名称"), P.cnt("handled", "转办件数"), P.cnt("on_time", "按时办结数"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2), P.cnt("visited", "回访数"),
            P.cnt("dissatisfied", "不满意数"), P.rate("satisfaction_rate", "满意率", None, "visited", dec=2)]
    t = Table("附件", ["2月份各单位群众诉求办理情况"], cols,
              notes=["注：满意率＝（回访数－不满意数）÷回访数。"])
    us = depts(rnd, 15, "区", utilities=4) + towns(rnd, 6, ("街道",))
    for u in us:
        c = P.counts(rnd, 8, 160)
        c["__satisfaction_rate_k"] = c["visited"] - c["dissatisfied"]
        t.add(dict(c, unit=u))
    t.data[0].update(handled=287)
    t.data[0]["on_time"] = 280
    t.render()
    h = colsum(t, "handled")
    ot = colsum(t, "on_time")
    v = colsum(t, "visited")
    dis = colsum(t, "dissatisfied")
    total = h + rnd.randint(2000, 3000)
    good = fmt_pct(v - dis, v, 2)
    bad = fmt_dec(pct(v - dis, v, 2) - Decimal("0.6"), 2, "pad") + "%"
    doc.blocks.append(("title",))
    doc.p("2月份，区12345热线共受理群众诉求%s，环比下降6.3%%；转办各单位%s，按时办结%s，按时办结率%s，较上月提升0.85个百分点。" % (
        doc.fig("受理群众诉求", total), doc.fig("转办各单位", h), doc.fig("按时办结", ot), fmt_pct(ot, h, 2)))
    doc.rates.append({"label": "按时办结率", "num": ot, "den": h, "rate": fmt_pct(ot, h, 2)})
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.p("抽查回访工单%s，其中不满意%s，满意率%s。" % (doc.fig("抽查回访工单", v), doc.fig("不满意", dis), bad))
    doc.rates.append({"label": "满意率", "num": v - dis, "den": v, "rate": bad})
    doc.finding("rate_mismatch", None, "", "", "error", bad, good + " ((%d-%d)/%d)" % (v, dis, v),
                note="满意率 printed 0.6 low")
    top = sorted(t.data, key=lambda r: -r["handled"])[:3]
    doc.p("诉求量较多的单位是%s。办理情况较好的单位是%s、%s。" % (
        "、".join("%s（%s）" % (r["unit"], doc.fig(r["unit"], r["handled"])) for r in top),
        us[3].replace("区", "", 1), us[5].replace("区", "", 1)))
    attachment(doc, t, "附件：2月份各单位群众诉求办理情况")
    return doc


# ---------------------------------------------------------------------------
# 24 桥东: a quarter given as a range with clock times, counts in 件次, rows sorted by rate,
#   a zero rate printed "0"; planted: a category share list computed over the dispatched count
#   instead of the total it names
# ---------------------------------------------------------------------------

def qiaodong():
    rnd = random.Random(2442)
    doc = Doc("probe-qiaodong-2024-q2")
    meta(doc, ["桥东区第二季度12345热线案件办理情况通报"], "桥东区城市运行管理中心", (2024, 7, 5),
         period((2024, 4, 1), (2024, 6, 30), "2024年4月1日0时至6月30日24时"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="borderless")
    cols = [P.unit("单位"), P.cnt("handled", "派遣案件总数(件次)"), P.cnt("on_time", "按期办结(件次)"),
            P.rate("on_time_rate", "按期办结率", "on_time", "handled", dec=2),
            P.rate("satisfaction_rate", "满意率", None, "handled", dec=2)]
    t = Table("附件", ["第二季度各单位派遣案件办理情况（按按期办结率排序）"], cols,
              rate_basis={"satisfaction_rate": [None, "handled"]})
    us = depts(rnd, 14, "区", utilities=3) + towns(rnd, 6, ("街道",))
    rows = []
    for u in us:
        c = P.counts(rnd, 10, 300)
        c["__satisfaction_rate_k"] = c["satisfied"] + (c["handled"] - c["visited"])
        rows.append(dict(c, unit=u))
    rows[-1].update(handled=2, on_time=0, closed=2, __satisfaction_rate_k=2)
    rows.sort(key=lambda r: (-Decimal(r["on_time"]) / r["handled"], r["unit"]))
    for r in rows:
        t.add(r)
    t.render()
    t.set_cell(rows[-1]["unit"], "on_time_rate", "0")
    h = colsum(t, "handled")
    total = h + rnd.randint(4000, 6000)
    cats = [round(total * x) for x in (0.21, 0.17, 0.09)]
    doc.blocks.append(("title",))
    doc.p("2024年4月1日0时至6月30日24时，区12345热线共受理群众诉求%s件次，向各单位派遣案件%s件次。" % (
        thousands(total), thousands(h)))
    doc.figures += [{"label": "受理群众诉求", "value": total, "unit": "件次"},
                    {"label": "派遣案件", "value": h, "unit": "件次"}]
    doc.checks.append({"label": "派遣", "value": h, "tables": [0], "column": "handled"})
    shares = [share(c, h, 1) for c in cats]
    doc.p("受理的诉求中，城市管理类%s件次，占%s；环境保护类%s件次，占%s；交通运输类%s件次，占%s。" % (
        thousands(cats[0]), shares[0], thousands(cats[1]), shares[1], thousands(cats[2]), shares[2]))
    for n, c, s in zip(["城市管理类", "环境保护类", "交通运输类"], cats, shares):
        doc.figures.append({"label": n, "value": c, "unit": "件次"})
        doc.shares.append({"label": n, "count": c, "share": s, "base": total, "group": "cats"})
    doc.sums.append({"label": "类型", "total": total, "parts": cats, "exhaustive": False})
    doc.finding("share_base", None, "", "", "error", "、".join(shares),
                "shares of %d fits %d" % (total, h), note="three shares computed over 派遣 %d, not 受理 %d" % (h, total))
    attachment(doc, t, "附件：第二季度各单位派遣案件办理情况")
    return doc


# ---------------------------------------------------------------------------
# 25 平川: December issued in January (Chinese numerals), issuer only in the signature, 通 / 条
#   units, a 数据完 整得分 header with a space inside, 总得分 and 排名, 合计 on top, the web page
#   published days after the issue date; planted: the 合计 回访数
# ---------------------------------------------------------------------------

def pingchuan():
    rnd = random.Random(2312)
    doc = Doc("probe-pingchuan-2023-12")
    meta(doc, ["12月份12345热线运行情况通报"], "平川县12345热线服务中心", (2024, 1, 5),
         period((2023, 12, 1), (2023, 12, 31), "12月份"), issued_text=cn_date(2024, 1, 5))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline", cms_published="2024-01-08")
    cols = [P.unit("单位"), P.cnt("handled", "受理件数"), P.cnt("visited", "回访数"),
            P.rate("visit_rate", "回访率", "visited", "handled", dec=1), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "visited", dec=1),
            Col("数据完整得分", "数据完 整得分", "num", dec=1), Col("score", "总得分", "score", dec=1),
            Col("rank", "排名", "rank")]
    t = Table("", ["12月份各单位工单办理情况"], cols, total_unit="合计", total_position="top",
              rate_basis={"satisfaction_rate": ["satisfied", "visited"]})
    us = depts(rnd, 13, "县", utilities=3) + towns(rnd, 7, ("镇", "乡"))
    rows = []
    for u in us:
        c = P.counts(rnd, 10, 220)
        c["数据完整得分"] = Decimal(rnd.randint(80, 100)) / 10
        c["score"] = Decimal(rnd.randint(850, 995)) / 10
        rows.append(dict(c, unit=u))
    rows.sort(key=lambda r: -r["score"])
    for r in rows:
        t.add(r)
    P.competition_ranks(t)
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    calls = h + rnd.randint(3000, 4000)
    msgs = rnd.randint(600, 900)
    doc.blocks.append(("title",))
    doc.p("12月份，全县12345热线共接听来电%s通，受理网络留言%s条，合计受理群众诉求%s件，其中转办各单位%s件。" % (
        thousands(calls), msgs, thousands(calls + msgs), h))
    doc.figures += [{"label": "接听来电", "value": calls, "unit": "通"},
                    {"label": "网络留言", "value": msgs, "unit": "条"},
                    {"label": "受理群众诉求", "value": calls + msgs, "unit": "件"},
                    {"label": "转办各单位", "value": h, "unit": "件"}]
    doc.sums.append({"label": "受理", "total": calls + msgs, "parts": [calls, msgs]})
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.p("回访率以受理件数为基数，满意率按回访总数计算。总得分由办理时效、回访满意和数据完整三项合成。")
    doc.table(t)
    doc.p("请排名靠后的单位认真查找原因，于1月15日前报送整改措施。")
    doc.blocks.append(("signature",))
    P.total_off(doc, 0, "visited", 12)
    return doc


# ---------------------------------------------------------------------------
# 26 余溪: two channel groups without a total group (12345热线 / 政民互动), borderless, text
#   copies in full-width digits; planted: a slipped 政民互动 rate
# ---------------------------------------------------------------------------

def yuxi():
    rnd = random.Random(2455)
    doc = Doc("probe-yuxi-2024-05")
    meta(doc, ["余溪区2024年5月12345热线和政民互动", "平台工单办理情况"], "余溪区政务服务中心", (2024, 6, 7),
         period((2024, 5, 1), (2024, 5, 31), "2024年5月"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="borderless")
    doc.txt_fullwidth = True
    cols = [P.seq(), P.unit("单位")]
    for g in ("12345热线", "政民互动"):
        cols += [P.cnt("handled", "交办件数", g), P.cnt("on_time", "按期办结", g),
                 P.rate("on_time_rate", "按期办结率", "on_time", "handled", dec=2, group=g)]
    t = Table("附件", ["2024年5月各单位工单办理情况"], cols)
    us = depts(rnd, 16, "区", utilities=3) + towns(rnd, 5, ("街道",))
    for i, u in enumerate(us):
        a, b = P.counts(rnd, 8, 140), P.counts(rnd, 1, 30)
        t.add(P.channel_row(u, i + 1, [("12345热线", a), ("政民互动", b)], ["handled", "on_time"], overall=False))
    t.render()
    a, b = colsum(t, "12345热线/handled"), colsum(t, "政民互动/handled")
    doc.blocks.append(("title",))
    doc.p("5月份，区12345热线交办工单%s，政民互动平台交办工单%s，合计%s。" % (
        doc.fig("12345热线交办", a), doc.fig("政民互动交办", b), doc.fig("合计", a + b)))
    doc.sums.append({"label": "交办", "total": a + b, "parts": [a, b]})
    doc.checks += [{"label": "热线", "value": a, "tables": [0], "column": "12345热线/handled"},
                   {"label": "政民", "value": b, "tables": [0], "column": "政民互动/handled"}]
    attachment(doc, t, "附件：2024年5月各单位工单办理情况")
    u = next(r["unit"] for r in t.data[6:] if r["政民互动/on_time"] < r["政民互动/handled"])
    P.slip(doc, 0, u, "政民互动/on_time_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 27 榛安: 满意率 over the on-time count (a sub-column, said in a note), wrapped headers, a unit
#   with no orders ("—"), cells with trailing spaces; planted: one 满意率 over 交办数
# ---------------------------------------------------------------------------

def zhenan():
    rnd = random.Random(2488)
    doc = Doc("probe-zhenan-2024-08")
    meta(doc, ["榛安县8月份12345热线工单办理情况"], "榛安县人民政府办公室", (2024, 9, 4),
         period((2024, 8, 1), (2024, 8, 31), "2024年8月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("承办单位"), P.cnt("handled", "交办数"), P.cnt("on_time", "按时\n办结数"),
            P.rate("on_time_rate", "按时\n办结率", "on_time", "handled", dec=1), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "on_time", dec=1)]
    t = Table("附件", ["8月份各承办单位工单办理情况"], cols,
              rate_basis={"satisfaction_rate": ["satisfied", "on_time"]},
              notes=["注：满意率＝满意数÷按时办结数（只对按时办结的工单回访）。"])
    us = depts(rnd, 14, "县", utilities=3) + towns(rnd, 8, ("镇", "乡"))
    for u in us:
        c = P.counts(rnd, 6, 150, ontime=(0.8, 0.98))
        c["satisfied"] = min(c["on_time"], round(c["on_time"] * rnd.uniform(0.86, 1.0)))
        c["visited"] = c["satisfied"]
        c["excellent"] = 0
        t.add(dict(c, unit=u))
    t.data[-1].update(handled=0, on_time=0, satisfied=0)
    t.render()
    for r in t.printed[2::4]:
        r[3] = r[3] + " "
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("8月份，县12345热线向各承办单位交办工单%s，按时办结%s，群众满意%s。" % (
        doc.fig("交办工单", h), doc.fig("按时办结", colsum(t, "on_time")), doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "交办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：8月份各承办单位工单办理情况")
    u = next(r["unit"] for r in t.data[4:] if r["on_time"] < r["handled"] * 0.93 and r["satisfied"] > 5)
    P.wrong_base(doc, 0, u, "satisfaction_rate", "handled")
    return doc


# ---------------------------------------------------------------------------
# 28 珑泉: weekly ranking with a tie at third place and a 前三名 list of four names, rates
#   without counts; clean
# ---------------------------------------------------------------------------

def longquan():
    rnd = random.Random(2415)
    doc = Doc("probe-longquan-2024-w15")
    meta(doc, ["珑泉区12345热线工单办理周通报"], "珑泉区12345政务服务便民热线中心", (2024, 4, 16),
         period((2024, 4, 8), (2024, 4, 14), "2024年第15周"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [Col("rank", "排名", "rank"), P.unit("单位"), P.cnt("handled", "工单数"),
            P.rate("on_time_rate", "按时办结率", None, "handled", dec=2),
            P.rate("satisfaction_rate", "满意率", None, "handled", dec=2), Col("score", "得分", "score", dec=1)]
    t = Table("附件", ["第15周各单位工单办理得分排名"], cols,
              rate_basis={"on_time_rate": [None, "handled"], "satisfaction_rate": [None, "handled"]})
    us = depts(rnd, 13, "区", utilities=3) + towns(rnd, 5, ("街道",))
    scores = sorted({Decimal(rnd.randint(800, 990)) / 10 for _ in range(60)}, reverse=True)[:len(us)]
    scores[3] = scores[2]
    for u, s in zip(us, scores):
        c = P.counts(rnd, 5, 60)
        c["__on_time_rate_k"] = c["on_time"]
        c["__satisfaction_rate_k"] = c["satisfied"] + (c["handled"] - c["visited"])
        t.add(dict(c, unit=u, score=s))
    P.competition_ranks(t)
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2024年第15周（4月8日—4月14日），区12345热线共转办工单%s。本周得分前三名为%s（%s、%s并列第三）。" % (
        doc.fig("转办工单", h), "、".join(us[:4]), us[2], us[3]))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.p("按时办结率、满意率均以工单数为基数。")
    attachment(doc, t, "附件：第15周各单位工单办理得分排名")
    return doc


# ---------------------------------------------------------------------------
# 29 虹山: a 简报 masthead (工作简报, 2024年第10期（总第122期）, issuer and date under it)
#   above the article title, the issue number not the data month, web page published later;
#   planted: a slipped 满意率
# ---------------------------------------------------------------------------

def hongshan():
    rnd = random.Random(2410)
    doc = Doc("probe-hongshan-2024-09")
    meta(doc, ["9月份全区12345热线工单办理情况"], "虹山区12345热线管理办公室", (2024, 10, 9),
         period((2024, 9, 1), (2024, 9, 30), "9月份"), masthead="12345热线工作简报",
         issue_line="2024年第10期（总第122期）")
    doc.layout.update(style="jianbao", signature=False, cms="utf8", threeline="threeline",
                      cms_published="2024-10-11")
    cols = [P.unit("单位"), P.cnt("handled", "受理量"), P.cnt("closed", "办结量"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=2), P.cnt("satisfied", "满意量"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2)]
    t = Table("", ["9月份各单位工单办理情况"], cols, total_unit="合计", total_position="bottom")
    us = depts(rnd, 12, "区", utilities=3) + towns(rnd, 6, ("街道",))
    for u in us:
        t.add(dict(P.counts(rnd, 15, 260, visit=(1, 1)), unit=u))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("9月份，全区12345热线共受理工单%s，办结%s，群众满意%s。" % (
        doc.fig("受理工单", h), doc.fig("办结", colsum(t, "closed")), doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    doc.table(t)
    doc.p("国庆期间热线24小时值守，各单位要确保节日期间诉求及时办理。")
    u = next(r["unit"] for r in t.data[5:] if r["satisfied"] < r["handled"])
    P.slip(doc, 0, u, "satisfaction_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 30 棠溪: 2023年1-6月 (hyphen), rates printed without % under a (%) header, some rows
#   truncated and some rounded in one table, 合计 on top; clean
# ---------------------------------------------------------------------------

def tangxi():
    rnd = random.Random(2306)
    doc = Doc("probe-tangxi-2023-06")
    meta(doc, ["棠溪县2023年1-6月12345热线", "工单办理情况通报"], "棠溪县12345政务服务热线办公室", (2023, 7, 12),
         period((2023, 1, 1), (2023, 6, 30), "2023年1-6月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.seq(), P.unit("单位"), P.cnt("handled", "工单总数"), P.cnt("closed", "办结数"),
            P.rate("closure_rate", "办结率\n(%)", "closed", "handled", dec=2), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率\n(%)", "satisfied", "handled", dec=2)]
    t = Table("附件", ["2023年1-6月各单位工单办理情况"], cols, total_unit="合计", total_position="top")
    us = depts(rnd, 14, "县", utilities=3) + towns(rnd, 8, ("镇", "乡"))
    for i, u in enumerate(us):
        t.add(dict(P.counts(rnd, 40, 700, visit=(1, 1)), unit=u, seq=i + 1))
    t.make_total()
    t.total["seq"] = ""
    t.render()
    # rates printed as bare numbers; odd rows truncated, even rows rounded half-up
    for k, (r, row) in enumerate(zip(t.printed, t.data)):
        for ref, num in (("closure_rate", "closed"), ("satisfaction_rate", "satisfied")):
            j = t.idx(ref)
            mode = "trunc" if k % 2 else "half_up"
            r[j] = fmt_dec(pct(row[num], row["handled"], 2, mode), 2, "pad")
    for ref, num in (("closure_rate", "closed"), ("satisfaction_rate", "satisfied")):
        t.printed_total[t.idx(ref)] = fmt_dec(pct(t.total[num], t.total["handled"], 2), 2, "pad")
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2023年1-6月，县12345热线共转办工单%s，办结%s，群众满意%s。" % (
        doc.fig("转办工单", h), doc.fig("办结", colsum(t, "closed")), doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2023年1-6月各单位工单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 31 莲禾: two units side by side with counts (单位 受理量 办结率 | 单位 受理量 办结率), rates
#   without their closed count; planted: a GRIM failure in the right half
# ---------------------------------------------------------------------------

def lianhe():
    rnd = random.Random(2493)
    doc = Doc("probe-lianhe-2024-03")
    meta(doc, ["莲禾区3月份12345热线诉求办理情况"], "莲禾区政务服务管理局", (2024, 4, 3),
         period((2024, 3, 1), (2024, 3, 31), "2024年3月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "受理量"), P.rate("closure_rate", "办结率", None, "handled", dec=2)]
    t = Table("附件", ["3月份各单位诉求办理情况"], cols, side_by_side=2,
              rate_basis={"closure_rate": [None, "handled"]})
    us = depts(rnd, 16, "区", utilities=4) + towns(rnd, 6, ("街道",))
    for u in us:
        c = P.counts(rnd, 6, 90)
        c["__closure_rate_k"] = c["closed"]
        t.add(dict(c, unit=u))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("3月份，区12345热线共向各单位转办诉求%s，办结%s。" % (doc.fig("转办诉求", h), doc.fig("办结", colsum(t, "closed"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：3月份各单位诉求办理情况")
    u = next(r["unit"] for r in t.data[13:] if 6 <= r["handled"] <= 40)
    P.grim(doc, 0, u, "closure_rate")
    return doc


# ---------------------------------------------------------------------------
# 32 江贝: narrative only, issuer only in the signature (Chinese-numeral date): a backtick
#   inside a number, a parenthetical breakdown, 比去年同期增加…同比增长…, 分别为…分别占… over the
#   wrong total (planted), rates stated with counts in 人次
# ---------------------------------------------------------------------------

def jiangbei():
    rnd = random.Random(2431)
    doc = Doc("probe-jiangbei-2024-q3")
    meta(doc, ["2024年第三季度12345热线运行情况分析"], "江贝县12345热线服务中心", (2024, 10, 11),
         period((2024, 7, 1), (2024, 9, 30), "2024年第三季度"), issued_text=cn_date(2024, 10, 11))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    phone = 3128 + rnd.randint(0, 300)
    web = 912 + rnd.randint(0, 200)
    total = phone + web
    prev = total - 318
    cityp = phone - 47
    doc.blocks.append(("title",))
    t_s = str(total)
    doc.p("第三季度，全县12345热线共受理群众诉求%s`%s件，比去年同期增加318件，同比增长%s。其中电话诉求%s件（含市平台转办%s件、"
          "县平台自行受理47件），网络诉求%s件。" % (t_s[0], t_s[1:], fmt_pct(318, prev, 1), phone, cityp, web))
    doc.figures += [{"label": "受理群众诉求", "value": total, "unit": "件"},
                    {"label": "比去年同期增加", "value": 318, "unit": "件"},
                    {"label": "电话诉求", "value": phone, "unit": "件"},
                    {"label": "市平台转办", "value": cityp, "unit": "件"},
                    {"label": "县平台自行受理", "value": 47, "unit": "件"},
                    {"label": "网络诉求", "value": web, "unit": "件"}]
    doc.sums += [{"label": "受理", "total": total, "parts": [phone, web]},
                 {"label": "电话", "total": phone, "parts": [cityp, 47]}]
    doc.changes.append({"label": "同比", "current": total, "delta": 318, "direction": "up",
                        "rate": fmt_pct(318, prev, 1)})
    cats = [round(total * 0.38), round(total * 0.26), round(total * 0.19)]
    sh = [share(c, phone, 1) for c in cats]
    doc.p("从诉求类型看，咨询类、求助类、投诉类分别为%s件、%s件、%s件，分别占受理总量的%s、%s、%s。" % (
        cats[0], cats[1], cats[2], sh[0], sh[1], sh[2]))
    for n, c, s in zip(["咨询类", "求助类", "投诉类"], cats, sh):
        doc.figures.append({"label": n, "value": c, "unit": "件"})
        doc.shares.append({"label": n, "count": c, "share": s, "base": total, "group": "types"})
    doc.sums.append({"label": "类型", "total": total, "parts": cats, "exhaustive": False})
    doc.finding("share_base", None, "", "", "error", "、".join(sh), "shares of %d fits %d" % (total, phone),
                note="shares computed over 电话诉求 %d, not 受理总量 %d" % (phone, total))
    v = round(total * 0.62)
    s = v - 57
    doc.p("季度内回访群众%s人次，满意%s人次，满意率%s；不满意57人次，主要集中在物业管理和噪声扰民方面。" % (
        v, s, fmt_pct(s, v, 2)))
    doc.figures += [{"label": "回访群众", "value": v, "unit": "人次"}, {"label": "满意", "value": s, "unit": "人次"},
                    {"label": "不满意", "value": 57, "unit": "人次"}]
    doc.rates.append({"label": "满意率", "num": s, "den": v, "rate": fmt_pct(s, v, 2)})
    doc.p("下一步，各单位要聚焦重复诉求和不满意诉求，推动问题实质性解决。")
    doc.blocks.append(("signature",))
    return doc


ALL = [songlin, qiaodong, pingchuan, yuxi, zhenan, longquan, hongshan, tangxi, lianhe, jiangbei]
