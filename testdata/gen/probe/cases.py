"""The probe cases: made-up bulletins, each a new combination of the variation classes.

Every function returns a docmodel.Doc. Numbers come from a seeded random
generator; every printed rate, total, share and change is computed here from
the counts, then the planted errors are applied through plant.py, which
records each finding. Places, units, sentences and numbers are invented.
"""
import random
from decimal import Decimal

import plant as P
from docmodel import Col, Doc, Table, ar_date, cn_date, fmt_dec, fmt_pct, iso, pct, thousands
from names import depts, towns, villages


def meta(doc, title_lines, issuer, issued, period, issued_text=None, **extra):
    y, m, d = issued
    doc.meta = {"title_lines": title_lines, "title": "".join(title_lines), "issuer": issuer,
                "issued": iso(y, m, d), "issued_text": issued_text or ar_date(y, m, d), "period": period}
    doc.meta.update(extra)


def period(start, end, label):
    return {"start": iso(*start), "end": iso(*end), "label": label}


def colsum(t, ref):
    return sum(r[ref] for r in t.data)


def share(n, base, dec=2, mode="half_up"):
    return fmt_pct(n, base, dec, mode)


def attachment(doc, t, attach_line):
    """The common ending: the attachment list, the signature, then the table under its 附件 label."""
    doc.blocks.append(("attach", [attach_line]))
    doc.blocks.append(("signature",))
    doc.blocks.append(("label", t.label))
    doc.table(t)


# ---------------------------------------------------------------------------
# 1 桃源区: the seed's shape (issuer and date on the top line, wrapped headers with inner
#   spaces, four tables: department/town x phone/online), a slipped rate
# ---------------------------------------------------------------------------

def taoyuan():
    rnd = random.Random(401)
    doc = Doc("probe-taoyuan-2024-04")
    meta(doc, ["4月份12345政务服务便民热线", "群众诉求事项办理情况通报"], "桃源区政务服务和数据管理局",
         (2024, 5, 8), period((2024, 4, 1), (2024, 4, 30), "4月份"),
         top_line=True)
    doc.layout.update(style="topline", signature=False, cms="gb2312", threeline="threeline")

    def mk(label, title, units, lo, hi):
        cols = [P.unit("单位名称"), P.cnt("handled", "办理数"), P.cnt("on_time", "按  时\n办结数"),
                P.rate("on_time_rate", "按  时\n办结率", "on_time", "handled", dec=2),
                P.cnt("satisfied", "群  众\n满意数"),
                P.rate("satisfaction_rate", "群  众\n满意率", "satisfied", "handled", dec=2),
                P.cnt("excellent", "优秀数"), P.rate("excellence_rate", "优秀率", "excellent", "handled", dec=2)]
        t = Table(label, title, cols, repeat_header=False)
        for u in units:
            c = P.counts(rnd, lo, hi, visit=(1, 1), sat=(0.9, 1.0))
            c["excellent"] = min(c["excellent"], c["satisfied"], c["on_time"])
            t.add(dict(c, unit=u))
        t.render()
        return t

    d1 = depts(rnd, 16, "区", utilities=4)
    t1 = mk("附件1", ["4月份区直部门及公共服务单位群众诉求事项", "办理情况"], d1, 2, 60)
    tw = towns(rnd, 9)
    t2 = mk("附件2", ["4月份各镇（街道）群众诉求事项办理情况"], tw, 20, 140)
    d3 = depts(rnd, 10, "区", utilities=2)
    t3 = mk("附件3", ["4月份区直部门及公共服务单位网民诉求事项", "办理情况"], d3, 1, 12)
    t4 = mk("附件4", ["4月份各镇（街道）网民诉求事项办理情况"], tw, 3, 25)
    phone = colsum(t1, "handled") + colsum(t2, "handled")
    web = colsum(t3, "handled") + colsum(t4, "handled")
    city = phone - 31
    doc.blocks.append(("title",))
    doc.p("2024年4月份，区便民热线综合服务中心共受理各类诉求%s。其中，电话诉求事项%s（市级平台转办%s、本区自行受理%s）、"
          "网民诉求%s，涉及%d家区直单位、%d个镇（街道），目前已全部办结。" % (
              doc.fig("受理各类诉求", phone + web), doc.fig("电话诉求事项", phone), doc.fig("市级平台转办", city),
              doc.fig("本区自行受理", 31), doc.fig("网民诉求", web), len(set(d1) | set(d3)), len(tw)))
    doc.sums += [{"label": "受理", "total": phone + web, "parts": [phone, web]},
                 {"label": "电话", "total": phone, "parts": [city, 31]}]
    doc.checks.append({"label": "电话诉求事项", "value": phone, "tables": [0, 1], "column": "handled"})
    best = sorted(t1.data, key=lambda r: -r["satisfied"] / max(1, r["handled"]))[:3]
    doc.p("电话诉求事项办理情况较好的单位是%s和%s；网民诉求事项办理情况较好的单位是%s。" % (
        "、".join(r["unit"] for r in best), tw[0], d3[0]))
    doc.p("有待改进提高的单位是%s和%s，存在的主要问题是按时办结率低、群众满意率低。" % (d1[-1], tw[-1]))
    doc.blocks.append(("attach", ["附件：1．4月份区直部门及公共服务单位群众诉求事项办理情况",
                                  "2．4月份各镇（街道）群众诉求事项办理情况",
                                  "3．4月份区直部门及公共服务单位网民诉求事项办理情况",
                                  "4．4月份各镇（街道）网民诉求事项办理情况"]))
    for t in (t1, t2, t3, t4):
        doc.blocks.append(("label", t.label))
        doc.table(t)
    P.slip(doc, 1, tw[4], "on_time_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 2 双桥: quarter, issuer only in the signature, date in Chinese numerals, two tables per unit
#   type with synonyms (工单总数, 按时结案率, 满意占比), a note defining the denominators, 1
#   decimal; planted: a 合计 count too high, a rate over the wrong base
# ---------------------------------------------------------------------------

def shuangqiao():
    rnd = random.Random(202)
    doc = Doc("probe-shuangqiao-2023-q2")
    meta(doc, ["2023年第二季度12345热线工单办理情况通报"], "双桥县12345热线运行中心", (2023, 7, 6),
         period((2023, 4, 1), (2023, 6, 30), "2023年第二季度"), issued_text=cn_date(2023, 7, 6))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")

    def mk(label, title, units, lo, hi):
        cols = [P.unit("单位"), P.cnt("handled", "工单总数"), P.cnt("on_time", "按时办结数"),
                P.rate("on_time_rate", "按时结案率", "on_time", "handled", dec=1),
                P.cnt("visited", "回访数"), P.cnt("satisfied", "满意数"),
                P.rate("satisfaction_rate", "满意占比", "satisfied", "visited", dec=1)]
        t = Table(label, title, cols, total_unit="合计", total_position="bottom",
                  rate_basis={"satisfaction_rate": ["satisfied", "visited"]},
                  notes=["注：按时结案率＝按时办结数÷工单总数；满意占比＝满意数÷回访数。"])
        for u in units:
            t.add(dict(P.counts(rnd, lo, hi), unit=u))
        t.make_total()
        t.render()
        return t

    t1 = mk("附件1", ["2023年第二季度县直部门工单办理情况"], depts(rnd, 14, "县", utilities=3), 30, 260)
    t2 = mk("附件2", ["2023年第二季度乡镇工单办理情况"], towns(rnd, 11, ("镇", "镇", "乡")), 80, 420)
    h1, h2 = colsum(t1, "handled"), colsum(t2, "handled")
    direct = rnd.randint(3000, 5000)
    doc.blocks.append(("title",))
    doc.blocks.append(("salutation", "各乡镇人民政府，县直各部门："))
    doc.p("第二季度，县12345热线共受理群众诉求%s，其中热线直接答复%s，转办县直部门%s，转办乡镇%s。" % (
        doc.fig("受理群众诉求", direct + h1 + h2), doc.fig("直接答复", direct), doc.fig("转办县直部门", h1),
        doc.fig("转办乡镇", h2)))
    doc.sums.append({"label": "受理", "total": direct + h1 + h2, "parts": [direct, h1, h2]})
    doc.checks += [{"label": "县直", "value": h1, "tables": [0], "column": "handled"},
                   {"label": "乡镇", "value": h2, "tables": [1], "column": "handled"}]
    v = colsum(t1, "visited") + colsum(t2, "visited")
    s = colsum(t1, "satisfied") + colsum(t2, "satisfied")
    doc.p("转办工单回访%s，满意%s，满意占比%s。" % (doc.fig("回访", v), doc.fig("满意", s), fmt_pct(s, v, 1)))
    doc.rates.append({"label": "满意占比", "num": s, "den": v, "rate": fmt_pct(s, v, 1)})
    doc.p("请各单位对照附件查找差距，对满意占比低于85%的工单逐件复核。")
    doc.blocks.append(("attach", ["附件：1．2023年第二季度县直部门工单办理情况", "2．2023年第二季度乡镇工单办理情况"]))
    doc.blocks.append(("signature",))
    for t in (t1, t2):
        doc.blocks.append(("label", t.label))
        doc.table(t)
    P.total_off(doc, 0, "satisfied", 7)
    u = next(r["unit"] for r in t2.data[3:] if r["visited"] < r["handled"] * 0.8)
    P.wrong_base(doc, 1, u, "satisfaction_rate", "handled")
    return doc


# ---------------------------------------------------------------------------
# 3 龙溪: half year, headers with units (件) and thresholds (≥80%达标), rates without counts
#   (GRIM) at 1 decimal beside a 2-decimal rate, landscape, borderless; planted: a GRIM failure
# ---------------------------------------------------------------------------

def longxi():
    rnd = random.Random(303)
    doc = Doc("probe-longxi-2024-h1")
    meta(doc, ["龙溪市2024年上半年12345热线", "工单办理质效情况通报"], "龙溪市政务服务管理局", (2024, 7, 10),
         period((2024, 1, 1), (2024, 6, 30), "2024年上半年"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="borderless")
    cols = [P.seq(), P.unit("单位"), P.cnt("handled", "受理件数(件)"), P.cnt("closed", "办结件数(件)"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=2),
            Col("快速办结率(≥80%达标)", "快速办结率\n(≥80%达标)", "rate", num=None, den="handled", dec=1),
            P.rate("satisfaction_rate", "回访满意率\n(≥90%达标)", None, "handled", dec=1)]
    t = Table("附件", ["2024年上半年各县（市、区）及市直单位工单办理质效情况"], cols, landscape=True,
              rate_basis={"快速办结率(≥80%达标)": [None, "handled"], "satisfaction_rate": [None, "handled"]},
              notes=["注：快速办结率、回访满意率均以受理件数为基数计算。"])
    units = ["溪南区", "溪北区", "龙湾区", "青坪县", "石门县", "梅岭县", "云台县", "龙溪高新区"] + depts(rnd, 16, "市", utilities=4)
    for i, u in enumerate(units):
        c = P.counts(rnd, 9, 60 if i >= 8 else 900)
        c["快速办结率(≥80%达标)"] = None
        k1 = max(0, min(c["handled"], round(c["handled"] * rnd.uniform(0.78, 0.99))))
        k2 = max(0, min(c["handled"], round(c["handled"] * rnd.uniform(0.85, 1.0))))
        c["__快速办结率(≥80%达标)_k"] = k1
        c["__satisfaction_rate_k"] = k2
        t.add(dict(c, unit=u, seq=i + 1))
    t.render()
    doc.blocks.append(("title",))
    h = colsum(t, "handled")
    cl = colsum(t, "closed")
    prev = h - rnd.randint(300, 900)
    doc.p("2024年上半年，全市12345热线向各县（市、区）及市直单位转办工单%s，同比增加%s，增幅%s；已办结%s，办结率%s。" % (
        doc.fig("转办工单", h), doc.fig("同比增加", h - prev), fmt_pct(h - prev, prev, 1), doc.fig("已办结", cl),
        fmt_pct(cl, h, 2)))
    doc.changes.append({"label": "转办同比", "current": h, "delta": h - prev, "direction": "up",
                        "rate": fmt_pct(h - prev, prev, 1)})
    doc.rates.append({"label": "办结率", "num": cl, "den": h, "rate": fmt_pct(cl, h, 2)})
    doc.checks.append({"label": "转办工单", "value": h, "tables": [0], "column": "handled"})
    doc.p("快速办结率低于80%、回访满意率低于90%的单位，请于7月20日前报送整改情况。")
    attachment(doc, t, "附件：2024年上半年各县（市、区）及市直单位工单办理质效情况")
    u = next(r["unit"] for r in t.data if 9 <= r["handled"] <= 40)
    P.grim(doc, 0, u, "快速办结率(≥80%达标)")
    return doc


# ---------------------------------------------------------------------------
# 4 北岭: 26th-to-25th period, issue number 〔2019〕第10期, 受理案件数 / 结案数 / 结案率,
#   visit rate without a count, truncated rates; clean
# ---------------------------------------------------------------------------

def beiling():
    rnd = random.Random(1910)
    doc = Doc("probe-beiling-2019-10")
    meta(doc, ["北岭区12345市民服务热线运行情况通报"], "北岭区12345市民服务热线管理办公室", (2019, 10, 30),
         period((2019, 9, 26), (2019, 10, 25), "2019年9月26日-2019年10月25日"), issue_line="〔2019〕第10期")
    doc.layout.update(style="brief", signature=True, cms="classic", threeline="threeline")
    cols = [P.unit("承办单位"), P.cnt("handled", "受理案件数"), P.cnt("closed", "结案数"),
            P.rate("closure_rate", "结案率", "closed", "handled", dec=2, mode="trunc"),
            P.rate("visit_rate", "回访率", None, "handled", dec=2, mode="trunc"),
            P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2, mode="trunc")]
    t = Table("", ["各承办单位案件办理情况"], cols, rate_basis={"visit_rate": [None, "handled"]},
              notes=["说明：结案率、回访率、满意率均以受理案件数为分母，保留两位小数，小数点后第三位舍去。"])
    units = towns(rnd, 8, ("街道",)) + depts(rnd, 12, "区", utilities=3)
    for u in units:
        c = P.counts(rnd, 15, 320)
        c["__visit_rate_k"] = c["visited"]
        t.add(dict(c, unit=u))
    t.render()
    h = colsum(t, "handled")
    cl = colsum(t, "closed")
    doc.blocks.append(("title",))
    doc.p("2019年9月26日-2019年10月25日，区12345市民服务热线共受理市民来电%s，其中咨询类%s，"
          "派发各承办单位案件%s，结案%s，结案率%s。" % (
              doc.fig("受理市民来电", h + 2140), doc.fig("咨询类", 2140), doc.fig("派发案件", h), doc.fig("结案", cl),
              fmt_pct(cl, h, 2, "trunc")))
    doc.sums.append({"label": "来电", "total": h + 2140, "parts": [2140, h]})
    doc.rates.append({"label": "结案率", "num": cl, "den": h, "rate": fmt_pct(cl, h, 2, "trunc")})
    doc.checks.append({"label": "派发案件", "value": h, "tables": [0], "column": "handled"})
    doc.p("本期各承办单位案件办理情况如下：")
    doc.table(t)
    doc.p("请结案率排名靠后的单位认真分析原因，切实提高办理质量。")
    doc.blocks.append(("signature",))
    return doc


# ---------------------------------------------------------------------------
# 5 南山: ISO week with dates, two units side by side in one row (单位 得分 排名 | 单位 得分 排名),
#   a tie; a second table with 派遣案件总数 / 按期办结率 / 不满意数 / 不满意率; planted: ranks swapped
# ---------------------------------------------------------------------------

def nanshan():
    rnd = random.Random(2428)
    doc = Doc("probe-nanshan-2024-w28")
    meta(doc, ["南山县12345热线工单办理情况周报"], "南山县12345政务服务热线中心", (2024, 7, 16),
         period((2024, 7, 8), (2024, 7, 14), "2024年第28周"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    units = depts(rnd, 14, "县", utilities=2) + towns(rnd, 7, ("镇",))
    cols = [P.unit("单位"), Col("score", "得分", "score", dec=1), Col("rank", "排名", "rank")]
    t1 = Table("附件1", ["第28周承办单位综合得分排名"], cols, side_by_side=2)
    scores = sorted({Decimal(rnd.randint(820, 999)) / 10 for _ in range(40)}, reverse=True)[:len(units)]
    scores[5] = scores[4]  # a tie
    for u, s in zip(units, scores):
        t1.add({"unit": u, "score": s})
    P.competition_ranks(t1)
    t1.render()
    tw = [u for u in units if u.endswith("镇")]
    cols2 = [P.unit("镇（街道）"), P.cnt("handled", "派遣案件总数"), P.cnt("on_time", "按期办结数"),
             P.rate("on_time_rate", "按期办结率", "on_time", "handled", dec=2), P.cnt("dissatisfied", "不满意数"),
             P.rate("dissatisfaction_rate", "不满意率", "dissatisfied", "handled", dec=2)]
    t2 = Table("附件2", ["第28周各镇派遣案件办理情况"], cols2)
    for u in tw:
        t2.add(dict(P.counts(rnd, 12, 70, sat=(0.9, 0.99)), unit=u))
    t2.render()
    doc.blocks.append(("title",))
    h = colsum(t2, "handled")
    tot = h + rnd.randint(700, 900)
    doc.p("2024年第28周（7月8日—7月14日），县12345热线共受理群众诉求%s，向各镇派遣案件%s，按期办结%s。" % (
        doc.fig("受理群众诉求", tot), doc.fig("派遣案件", h), doc.fig("按期办结", colsum(t2, "on_time"))))
    doc.checks.append({"label": "派遣案件", "value": h, "tables": [1], "column": "handled"})
    doc.p("本周综合得分前三名为%s、%s、%s。综合得分按按期办结、群众评价、回访核实三项加权计算。" % (
        units[0], units[1], units[2]))
    doc.blocks.append(("attach", ["附件：1．第28周承办单位综合得分排名", "2．第28周各镇派遣案件办理情况"]))
    doc.blocks.append(("signature",))
    for t in (t1, t2):
        doc.blocks.append(("label", t.label))
        doc.table(t)
    P.rank_swap(doc, 0, units[10], units[11])
    return doc


# ---------------------------------------------------------------------------
# 6 河西: two-level header (电话渠道 / 网络渠道 / 合计 x 交办量 / 按期办结 / 按期办结率), 合计 on
#   top with "/" in its rate cells, landscape, three-line; planted: a row whose 合计 交办量 is
#   not 电话 + 网络
# ---------------------------------------------------------------------------

def hexi():
    rnd = random.Random(2311)
    doc = Doc("probe-hexi-2023-11")
    meta(doc, ["河西区2023年11月12345热线", "分渠道工单办理情况通报"], "河西区人民政府办公室", (2023, 12, 5),
         period((2023, 11, 1), (2023, 11, 30), "2023年11月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    groups = ["电话渠道", "网络渠道", "合计"]
    cols = [P.seq(), P.unit("单位")]
    for g in groups:
        cols += [P.cnt("handled", "交办量", g), P.cnt("on_time", "按期办结", g),
                 P.rate("on_time_rate", "按期办结率", "on_time", "handled", dec=2, group=g)]
    t = Table("附件", ["2023年11月各单位分渠道工单办理情况"], cols, landscape=True, font_pt=9,
              row_sums=[{"total": "handled", "parts": ["电话渠道/handled", "网络渠道/handled"]},
                        {"total": "on_time", "parts": ["电话渠道/on_time", "网络渠道/on_time"]}])
    units = depts(rnd, 18, "区", utilities=4) + towns(rnd, 6, ("街道",))
    for i, u in enumerate(units):
        a, b = P.counts(rnd, 10, 180), P.counts(rnd, 2, 60)
        t.add(P.channel_row(u, i + 1, [("电话渠道", a), ("网络渠道", b)], ["handled", "on_time"], overall=True))
    t.render()
    doc.blocks.append(("title",))
    doc.blocks.append(("salutation", "各街道办事处，区直各部门、各有关单位："))
    a, b = colsum(t, "电话渠道/handled"), colsum(t, "网络渠道/handled")
    doc.p("11月份，区12345热线共向各单位交办工单%s，按期办结%s，按期办结率%s。" % (
        doc.fig("交办工单", a + b), doc.fig("按期办结", colsum(t, "on_time")),
        fmt_pct(colsum(t, "on_time"), a + b, 2)))
    doc.rates.append({"label": "按期办结率", "num": colsum(t, "on_time"), "den": a + b,
                      "rate": fmt_pct(colsum(t, "on_time"), a + b, 2)})
    doc.checks.append({"label": "交办工单", "value": a + b, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2023年11月各单位分渠道工单办理情况")
    u = units[7]
    row = t.data[7]
    P.count_off(doc, 0, u, "网络渠道/handled", row["网络渠道/handled"] + 10, rule="count_sum_mismatch",
                note="网络渠道 交办量 10 too high: 电话 + 网络 is no longer 合计",
                extra_alts=["handled", "电话渠道/handled"])
    return doc


# ---------------------------------------------------------------------------
# 7 丰明: city level, thousands separators in the table, 万 in the prose, padded rates
#   (100.00%), 满意率 over 办结数 (said in words); planted: a share off
# ---------------------------------------------------------------------------

def fengming():
    rnd = random.Random(2403)
    doc = Doc("probe-fengming-2024-03")
    meta(doc, ["丰明市2024年3月份12345热线运行情况"], "丰明市12345政务服务便民热线管理中心", (2024, 4, 8),
         period((2024, 3, 1), (2024, 3, 31), "2024年3月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("县（市、区）"), P.cnt("handled", "转派工单"), P.cnt("closed", "办结数"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=2, style="pad"),
            P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "closed", dec=2, style="pad")]
    t = Table("附件", ["2024年3月各县（市、区）转派工单办理情况"], cols, thousands=True,
              total_unit="全市合计", total_position="bottom",
              rate_basis={"satisfaction_rate": ["satisfied", "closed"]})
    units = ["丰城区", "明湖区", "东津区", "西岗区", "丰明经济开发区", "南溪县", "北原县", "石塘县", "柳河县", "青川市"]
    for u in units:
        c = P.counts(rnd, 600, 4800, closed=(0.985, 1.0))
        c["satisfied"] = min(c["closed"], round(c["closed"] * rnd.uniform(0.9, 0.99)))
        t.add(dict(c, unit=u))
    t.data[4]["closed"] = t.data[4]["handled"]
    t.data[4]["satisfied"] = t.data[4]["closed"]
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    direct = 38000 + rnd.randint(0, 900)
    total = direct + h
    phone = round(total * 0.71)
    web = total - phone
    doc.blocks.append(("title",))
    wan = Decimal(total) / 10000
    wan_s = str(wan.quantize(Decimal("0.01")))
    doc.p("3月份，市12345热线共受理群众诉求%s万件（%s件），其中电话%s件，网络%s件，分别占%s和%s。" % (
        wan_s, thousands(total), thousands(phone), thousands(web), share(phone, total, 1), share(web, total, 1)))
    doc.figures += [{"label": "受理群众诉求", "value": float(wan_s), "unit": "万件", "optional": True},
                    {"label": "受理群众诉求", "value": total, "unit": "件"},
                    {"label": "电话", "value": phone, "unit": "件"}, {"label": "网络", "value": web, "unit": "件"}]
    doc.sums.append({"label": "受理", "total": total, "parts": [phone, web]})
    doc.shares += [{"label": "电话占比", "count": phone, "share": share(phone, total, 1), "base": total},
                   {"label": "网络占比", "count": web, "share": share(web, total, 1), "base": total}]
    bad = fmt_dec(pct(h, total, 1) + 2, 1, "pad") + "%"
    doc.p("直接答复办结%s件；转派各县（市、区）%s件，占受理总量的%s。满意率以办结数为分母计算。" % (
        thousands(direct), thousands(h), bad))
    doc.figures += [{"label": "直接答复办结", "value": direct, "unit": "件"},
                    {"label": "转派各县（市、区）", "value": h, "unit": "件"}]
    doc.sums.append({"label": "受理2", "total": total, "parts": [direct, h]})
    doc.shares.append({"label": "转派占比", "count": h, "share": bad, "base": total})
    doc.checks.append({"label": "转派", "value": h, "tables": [0], "column": "handled"})
    doc.finding("share_mismatch", None, "", "", "error", bad, share(h, total, 1) + " of %d" % total,
                note="转派 share printed 2 points high")
    attachment(doc, t, "附件：2024年3月各县（市、区）转派工单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 8 清水縣: traditional script (a mirror site's conversion) with pinyin glosses, ROC year dates
#   (112年), traditional headers; planted: a 其中 type list that does not add up
# ---------------------------------------------------------------------------

def qingshui():
    rnd = random.Random(11205)
    doc = Doc("probe-qingshui-112-05")
    meta(doc, ["清水縣112年5月12345熱線工單辦理情況"], "清水縣政務服務中心", (2023, 6, 5),
         period((2023, 5, 1), (2023, 5, 31), "112年5月"), issued_text="112年6月5日")
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("單位名稱"), P.cnt("handled", "受理件數"), P.cnt("closed", "辦結件數"),
            P.rate("closure_rate", "辦結率", "closed", "handled", dec=2), P.cnt("satisfied", "滿意件數"),
            P.rate("satisfaction_rate", "滿意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["112年5月各承辦單位工單辦理情況"], cols)
    us = ["縣教育局", "縣公安局", "縣民政局", "縣財政局", "縣人力資源和社會保障局", "縣自然資源局", "縣住房和城鄉建設局",
          "縣交通運輸局", "縣水利局", "縣農業農村局", "縣衛生健康局", "縣市場監督管理局", "清溪鎮", "水口鎮", "梅林鄉", "東嶺鎮"]
    for u in us:
        t.add(dict(P.counts(rnd, 20, 180), unit=u))
    t.render()
    h = colsum(t, "handled")
    cl = colsum(t, "closed")
    direct = rnd.randint(900, 1400)
    total = h + direct
    cats = [round(total * x) for x in (0.31, 0.24, 0.18, 0.12)]
    cats.append(total - sum(cats) - 40)
    doc.blocks.append(("title",))
    doc.p("112年5月，縣12345熱線(xiàn)共受理群眾訴(sù)求%s，其中直接答覆%s，轉辦承辦單位%s，辦結(jié)%s，辦結(jié)率%s。" % (
        doc.fig("受理群眾訴求", total), doc.fig("直接答覆", direct), doc.fig("轉辦承辦單位", h), doc.fig("辦結", cl),
        fmt_pct(cl, h, 2)))
    doc.sums.append({"label": "受理", "total": total, "parts": [direct, h]})
    doc.rates.append({"label": "辦結率", "num": cl, "den": h, "rate": fmt_pct(cl, h, 2)})
    doc.checks.append({"label": "轉辦", "value": h, "tables": [0], "column": "handled"})
    names = ["諮詢類", "求助類", "投訴類", "建議類", "其他"]
    doc.p("上述%s訴(sù)求按類型分：%s。" % (
        doc.fig("訴求", total, optional=True), "，".join(n + doc.fig(n, v) for n, v in zip(names, cats))))
    doc.sums.append({"label": "類型", "total": total, "parts": cats})
    doc.finding("parts_sum_mismatch", None, "", "", "error", str(total), str(sum(cats)),
                note="five types add to %d, stated %d" % (sum(cats), total))
    doc.p("請各承辦單位對照附件，認真分析重複訴(sù)求，切實提升群眾滿意度。")
    attachment(doc, t, "附件：112年5月各承辦單位工單辦理情況")
    return doc


# ---------------------------------------------------------------------------
# 9 沿江: 回复率 / 解决率 / 回访率 at 2, 1 and 0 decimals, a rate printed "40 %", a 99.80%% in the
#   prose; planted: a 解决数 above its 工单量
# ---------------------------------------------------------------------------

def yanjiang():
    rnd = random.Random(2409)
    doc = Doc("probe-yanjiang-2024-09")
    meta(doc, ["沿江区12345热线9月份工单办理情况"], "沿江区政务服务和大数据管理局", (2024, 10, 9),
         period((2024, 9, 1), (2024, 9, 30), "2024年9月"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="threeline")
    cols = [P.unit("承办单位"), P.cnt("handled", "工单量"), P.cnt("replied", "回复数"),
            P.rate("reply_rate", "回复率", "replied", "handled", dec=2), P.cnt("resolved", "解决数"),
            P.rate("resolution_rate", "解决率", "resolved", "handled", dec=1), P.cnt("visited", "回访数"),
            P.rate("visit_rate", "回访率", "visited", "handled", dec=0)]
    t = Table("附件", ["9月份各承办单位工单办理情况"], cols)
    us = depts(rnd, 13, "区", utilities=3) + towns(rnd, 6, ("街道",))
    for u in us:
        t.add(dict(P.counts(rnd, 8, 150), unit=u))
    # a unit with visit rate exactly 40%
    t.data[2].update(handled=45, visited=18, replied=45, resolved=43)
    t.render()
    t.set_cell(t.data[2]["unit"], "visit_rate", "40 %")
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("9月份，区12345热线共派转工单%s，回复%s，回访%s；回访中群众满意率99.80%%%%。" % (
        doc.fig("派转工单", h), doc.fig("回复", colsum(t, "replied")), doc.fig("回访", colsum(t, "visited"))))
    doc.checks.append({"label": "派转", "value": h, "tables": [0], "column": "handled"})
    doc.p("各单位要提高一次性解决率，减少重复派单。")
    attachment(doc, t, "附件：9月份各承办单位工单办理情况")
    r = next(r for r in t.data[4:] if r["resolved"] == r["handled"] or r["handled"] - r["resolved"] <= 2)
    P.count_off(doc, 0, r["unit"], "resolved", r["handled"] + 3, note="解决数 above 工单量")
    return doc


# ---------------------------------------------------------------------------
# 10 东坡: 交办件数 = 已办结 + 未办结, 超时办结, 不满意数 / 不满意率 over 已办结 (note); planted:
#   a slipped 不满意率; warning: the prose's 交办 count differs from the table sum
# ---------------------------------------------------------------------------

def dongpo():
    rnd = random.Random(2406)
    doc = Doc("probe-dongpo-2024-06")
    meta(doc, ["东坡县2024年6月12345热线", "交办工单办理情况通报"], "东坡县12345热线办公室", (2024, 7, 4),
         period((2024, 6, 1), (2024, 6, 30), "2024年6月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="borderless")
    cols = [P.seq(), P.unit("承办单位"), P.cnt("handled", "交办件数"), P.cnt("closed", "已办结"),
            P.cnt("open", "未办结"), P.cnt("overdue", "超时办结"), P.cnt("dissatisfied", "不满意数"),
            P.rate("dissatisfaction_rate", "不满意率", "dissatisfied", "closed", dec=2)]
    t = Table("附件", ["2024年6月各承办单位交办工单办理情况"], cols,
              rate_basis={"dissatisfaction_rate": ["dissatisfied", "closed"]},
              row_sums=[{"total": "handled", "parts": ["closed", "open"]}],
              notes=["注：交办件数＝已办结＋未办结；不满意率＝不满意数÷已办结。"])
    us = depts(rnd, 15, "县", utilities=3) + towns(rnd, 8, ("镇", "镇", "乡"))
    for i, u in enumerate(us):
        c = P.counts(rnd, 6, 130, closed=(0.9, 1.0), sat=(0.85, 1.0), visit=(0.7, 0.98))
        c["dissatisfied"] = min(c["dissatisfied"], c["closed"])
        t.add(dict(c, unit=u, seq=i + 1))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("6月份，县12345热线共受理群众诉求%s，交办承办单位%s，已办结%s，未办结%s。" % (
        doc.fig("受理群众诉求", h + 1603), doc.fig("交办承办单位", h + 5), doc.fig("已办结", colsum(t, "closed")),
        doc.fig("未办结", colsum(t, "open"))))
    doc.checks.append({"label": "交办", "value": h + 5, "tables": [0], "column": "handled"})
    doc.finding("table_vs_narrative", 0, "", "handled", "warning", str(h), str(h + 5),
                note="narrative 交办 %d, table sum %d" % (h + 5, h))
    doc.p("超时办结和不满意工单较多的单位要逐件分析原因。")
    attachment(doc, t, "附件：2024年6月各承办单位交办工单办理情况")
    u = next(r["unit"] for r in t.data[5:] if r["dissatisfied"] > 0)
    P.slip(doc, 0, u, "dissatisfaction_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 11 金沙: issue line 2024年第1期（总第61期）, 办件数量, 得分 and 排名 columns at the end, rows
#   sorted by score; planted: a rate printed at 1 decimal in a 2-decimal table (warning) and
#   a slipped rate
# ---------------------------------------------------------------------------

def jinsha():
    rnd = random.Random(2401)
    doc = Doc("probe-jinsha-2024-01")
    meta(doc, ["金沙区1月份12345热线工单办理情况通报"], "金沙区12345政务服务便民热线中心", (2024, 2, 4),
         period((2024, 1, 1), (2024, 1, 31), "1月份"), issue_line="2024年第1期（总第61期）")
    doc.layout.update(style="brief", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("单位名称"), P.cnt("handled", "办件数量"), P.cnt("on_time", "按时办结数"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2), Col("score", "得分", "score", dec=2),
            Col("rank", "排名", "rank")]
    t = Table("附件", ["1月份各单位工单办理情况及得分排名"], cols)
    us = depts(rnd, 17, "区", utilities=4) + towns(rnd, 5, ("街道",))
    rows = []
    for u in us:
        c = P.counts(rnd, 10, 140, visit=(1, 1))
        c["score"] = Decimal(rnd.randint(8500, 9990)) / 100
        rows.append(dict(c, unit=u))
    rows.sort(key=lambda r: -r["score"])
    for r in rows:
        t.add(r)
    P.competition_ranks(t)
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("1月份，区12345热线共转办工单%s，按时办结%s，群众满意%s。各单位得分及排名见附件。" % (
        doc.fig("转办工单", h), doc.fig("按时办结", colsum(t, "on_time")), doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.p("春节将至，各单位要加强值班值守，确保群众诉求及时响应。")
    attachment(doc, t, "附件：1月份各单位工单办理情况及得分排名")
    cand = P.precision_candidates(t, "satisfaction_rate", 1)
    P.precision(doc, 0, cand[2], "satisfaction_rate", 1)
    u = next(r["unit"] for r in t.data[8:] if r["on_time"] < r["handled"])
    P.slip(doc, 0, u, "on_time_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 12 翠屏: ISO week 40 (10月2日—10月8日), 排名 first, rates without counts, 综合得分 at two
#   decimals with a tie; planted: a GRIM failure
# ---------------------------------------------------------------------------

def cuiping():
    rnd = random.Random(2340)
    doc = Doc("probe-cuiping-2023-w40")
    meta(doc, ["翠屏区12345热线第40周工单办理排名通报"], "翠屏区政务服务便民热线管理中心", (2023, 10, 10),
         period((2023, 10, 2), (2023, 10, 8), "2023年第40周"))
    doc.layout.update(style="topline", signature=False, cms="classic", threeline="threeline")
    cols = [Col("rank", "排名", "rank"), P.unit("承办单位"), P.cnt("handled", "工单数"),
            P.rate("on_time_rate", "按时办结率", None, "handled", dec=2),
            P.rate("satisfaction_rate", "满意率", None, "handled", dec=2), Col("score", "综合得分", "score", dec=2)]
    t = Table("附件", ["第40周承办单位工单办理排名"], cols,
              rate_basis={"on_time_rate": [None, "handled"], "satisfaction_rate": [None, "handled"]},
              notes=["注：按时办结率、满意率均以工单数为基数计算。"])
    us = depts(rnd, 15, "区", utilities=3) + towns(rnd, 4, ("街道",))
    rows = []
    for u in us:
        c = P.counts(rnd, 6, 48)
        c["__on_time_rate_k"] = c["on_time"]
        c["__satisfaction_rate_k"] = c["satisfied"]
        c["score"] = Decimal(rnd.randint(8000, 9990)) / 100
        rows.append(dict(c, unit=u))
    rows.sort(key=lambda r: -r["score"])
    rows[8]["score"] = rows[7]["score"]
    for r in rows:
        t.add(r)
    P.competition_ranks(t)
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2023年第40周（10月2日—10月8日），区12345热线共派发承办单位工单%s。国庆假期期间各单位值班到位，"
          "诉求响应及时。" % doc.fig("派发工单", h))
    doc.checks.append({"label": "派发", "value": h, "tables": [0], "column": "handled"})
    doc.p("综合得分由按时办结率和满意率加权得出，得分相同的并列排名。")
    doc.blocks.append(("label", "附件"))
    doc.table(t)
    u = next(r["unit"] for r in t.data[3:] if 7 <= r["handled"] <= 30)
    P.grim(doc, 0, u, "satisfaction_rate")
    return doc


# ---------------------------------------------------------------------------
# 13 白河: quarter, prose heavy: thousands separators, 同比增加…增幅, parenthetical breakdown,
#   a 分别达到 / 分别占 parallel list, 较上季度提升…个百分点; planted: a 增幅 that does not fit
# ---------------------------------------------------------------------------

def baihe():
    rnd = random.Random(2441)
    doc = Doc("probe-baihe-2024-q1")
    meta(doc, ["白河市2024年第一季度12345政务服务", "便民热线运行分析报告"], "白河市人民政府办公室", (2024, 4, 9),
         period((2024, 1, 1), (2024, 3, 31), "2024年第一季度"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("县（区）"), P.cnt("handled", "转派工单"), P.cnt("on_time", "按期办结数"),
            P.rate("on_time_rate", "按期办结率", "on_time", "handled", dec=2), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["2024年第一季度各县（区）转派工单办理情况"], cols, total_unit="合计", total_position="bottom")
    for u in ["白河区", "河口区", "东城区", "新丰县", "望江县", "安宁县", "白河经开区"]:
        t.add(dict(P.counts(rnd, 900, 3600), unit=u))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    direct = rnd.randint(20000, 26000)
    total = h + direct
    prev = total - rnd.randint(3000, 6000)
    delta = total - prev
    good = fmt_pct(delta, prev, 1)
    bad = fmt_dec(pct(delta, prev, 1) + Decimal("1.2"), 1, "pad") + "%"
    city = h + direct - 418
    doc.blocks.append(("title",))
    doc.h("一、总体情况")
    doc.p("2024年第一季度，市12345热线共受理群众诉求%s件，同比增加%s件，增幅%s。其中直接办结%s件，"
          "转派各县（区）%s件（市级转派%s件、县区平台自行派发%s件）。" % (
              thousands(total), thousands(delta), bad, thousands(direct), thousands(h),
              thousands(h - 418), "418"))
    doc.figures += [{"label": "受理群众诉求", "value": total, "unit": "件"},
                    {"label": "同比增加", "value": delta, "unit": "件"},
                    {"label": "直接办结", "value": direct, "unit": "件"},
                    {"label": "转派各县（区）", "value": h, "unit": "件"},
                    {"label": "市级转派", "value": h - 418, "unit": "件"},
                    {"label": "县区平台自行派发", "value": 418, "unit": "件"}]
    doc.sums += [{"label": "受理", "total": total, "parts": [direct, h]},
                 {"label": "转派", "total": h, "parts": [h - 418, 418]}]
    doc.changes.append({"label": "受理同比", "current": total, "delta": delta, "direction": "up", "rate": bad})
    doc.finding("change_mismatch", None, "", "", "error", bad, good + " (%d over %d)" % (delta, prev),
                note="增幅 printed 1.2 points high")
    doc.checks.append({"label": "转派", "value": h, "tables": [0], "column": "handled"})
    cats = [round(total * 0.162), round(total * 0.118), round(total * 0.094)]
    doc.p("从诉求内容看，城乡建设、社会保障、市场监管类诉求分别达到%s件、%s件、%s件，分别占%s、%s、%s。" % (
        thousands(cats[0]), thousands(cats[1]), thousands(cats[2]),
        share(cats[0], total), share(cats[1], total), share(cats[2], total)))
    for n, v in zip(["城乡建设", "社会保障", "市场监管"], cats):
        doc.figures.append({"label": n, "value": v, "unit": "件"})
        doc.shares.append({"label": n + "占比", "count": v, "share": share(v, total), "base": total})
    doc.sums.append({"label": "内容", "total": total, "parts": cats, "exhaustive": False})
    doc.h("二、办理质效")
    ot = colsum(t, "on_time")
    doc.p("转派工单按期办结%s件，按期办结率%s，较上季度提升0.42个百分点；群众满意率%s。" % (
        thousands(ot), fmt_pct(ot, h, 2), fmt_pct(colsum(t, "satisfied"), h, 2)))
    doc.figures.append({"label": "按期办结", "value": ot, "unit": "件"})
    doc.rates.append({"label": "按期办结率", "num": ot, "den": h, "rate": fmt_pct(ot, h, 2)})
    attachment(doc, t, "附件：2024年第一季度各县（区）转派工单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 14 芦山: 1—10月 cumulative, 110+ village rows over landscape pages, 序号 + 所属镇（街道）, header
#   printed once, one-decimal padded rates (100.0%), borderless, 合计 at the bottom; planted: a
#   slipped rate and a 合计 off
# ---------------------------------------------------------------------------

def lushan():
    rnd = random.Random(2410)
    doc = Doc("probe-lushan-2024-10")
    meta(doc, ["芦山县2024年1—10月村（社区）", "12345热线诉求办理情况通报"], "芦山县政务服务中心", (2024, 11, 8),
         period((2024, 1, 1), (2024, 10, 31), "2024年1—10月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="borderless")
    cols = [P.seq(), P.text("所属镇（街道）", "所属镇（街道）"), P.unit("村（社区）"), P.cnt("handled", "受理件数"),
            P.cnt("on_time", "按时办结数"), P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=1, style="pad"),
            P.cnt("satisfied", "满意数"), P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=1, style="pad")]
    t = Table("附件", ["2024年1—10月各村（社区）诉求办理情况"], cols, total_unit="合计", total_position="bottom",
              landscape=True, repeat_header=False)
    tw = towns(rnd, 8, ("镇", "镇", "街道"))
    vs = villages(rnd, 112)
    for i, v in enumerate(vs):
        c = P.counts(rnd, 4, 90, visit=(1, 1), sat=(0.88, 1.0))
        t.add(dict(c, unit=v, seq=i + 1, **{"所属镇（街道）": tw[i * len(tw) // len(vs)]}))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2024年1—10月，县12345热线共向各村（社区）转办群众诉求%s，按时办结%s，群众满意%s。" % (
        doc.fig("转办群众诉求", h), doc.fig("按时办结", colsum(t, "on_time")), doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.p("请各镇（街道）督促所辖村（社区）做好诉求办理和回访工作。")
    attachment(doc, t, "附件：2024年1—10月各村（社区）诉求办理情况")
    u = next(r["unit"] for r in t.data[60:] if r["on_time"] < r["handled"] and r["handled"] > 20)
    P.slip(doc, 0, u, "on_time_rate", "units")
    P.total_off(doc, 0, "on_time", -20)
    return doc


# ---------------------------------------------------------------------------
# 15 天门: three tables by channel and unit type (附件1-3), 派单量 / 回访量 / 满意量, a note
#   saying the denominators in words; planted: a rate over the wrong base
# ---------------------------------------------------------------------------

def tianmen():
    rnd = random.Random(2408)
    doc = Doc("probe-tianmen-2024-08")
    meta(doc, ["天门区8月份12345热线群众诉求办理情况"], "天门区12345热线服务中心", (2024, 9, 5),
         period((2024, 8, 1), (2024, 8, 31), "2024年8月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")

    def mk(label, title, units, lo, hi, notes=()):
        cols = [P.unit("单位"), P.cnt("handled", "派单量"), P.cnt("on_time", "按时办结"),
                P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2), P.cnt("visited", "回访量"),
                P.cnt("satisfied", "满意量"), P.rate("satisfaction_rate", "满意率", "satisfied", "visited", dec=2)]
        t = Table(label, title, cols, notes=notes, rate_basis={"satisfaction_rate": ["satisfied", "visited"]})
        for u in units:
            t.add(dict(P.counts(rnd, lo, hi, visit=(0.5, 0.8)), unit=u))
        t.render()
        return t

    ds = depts(rnd, 12, "区", utilities=3)
    sts = towns(rnd, 7, ("街道",))
    t1 = mk("附件1", ["8月份区直部门电话诉求办理情况"], ds, 15, 160,
            notes=["注：满意率以回访量为分母计算，按时办结率以派单量为分母计算。"])
    t2 = mk("附件2", ["8月份各街道电话诉求办理情况"], sts, 60, 300)
    t3 = mk("附件3", ["8月份网络诉求办理情况"], ds[:8] + sts[:4], 3, 40)
    a = colsum(t1, "handled") + colsum(t2, "handled")
    b = colsum(t3, "handled")
    doc.blocks.append(("title",))
    doc.p("8月份，区12345热线共派单%s，其中电话诉求%s（区直部门%s、街道%s），网络诉求%s。" % (
        doc.fig("派单", a + b), doc.fig("电话诉求", a), doc.fig("区直部门", colsum(t1, "handled")),
        doc.fig("街道", colsum(t2, "handled")), doc.fig("网络诉求", b)))
    doc.sums += [{"label": "派单", "total": a + b, "parts": [a, b]},
                 {"label": "电话", "total": a, "parts": [colsum(t1, "handled"), colsum(t2, "handled")]}]
    doc.checks += [{"label": "区直", "value": colsum(t1, "handled"), "tables": [0], "column": "handled"},
                   {"label": "街道", "value": colsum(t2, "handled"), "tables": [1], "column": "handled"},
                   {"label": "网络", "value": b, "tables": [2], "column": "handled"}]
    doc.p("各单位要加强回访，提高群众满意度。")
    doc.blocks.append(("attach", ["附件：1．8月份区直部门电话诉求办理情况", "2．8月份各街道电话诉求办理情况",
                                  "3．8月份网络诉求办理情况"]))
    doc.blocks.append(("signature",))
    for t in (t1, t2, t3):
        doc.blocks.append(("label", t.label))
        doc.table(t)
    u = next(r["unit"] for r in t2.data[2:] if r["visited"] < r["handled"] * 0.75)
    P.wrong_base(doc, 1, u, "satisfaction_rate", "handled")
    return doc


# ---------------------------------------------------------------------------
# 16 兴隆: 截至2023年7月25日, issuer only in the signature (Chinese-numeral date), 办件数量, the
#   rate columns after both counts, half-up table beside truncated prose; clean
# ---------------------------------------------------------------------------

def xinglong():
    rnd = random.Random(2307)
    doc = Doc("probe-xinglong-2023-07")
    meta(doc, ["今年以来12345热线诉求办理情况通报", "（截至7月25日）"], "兴隆县12345热线工作专班", (2023, 7, 28),
         period((2023, 1, 1), (2023, 7, 25), "截至7月25日"), issued_text=cn_date(2023, 7, 28))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "办件数量"), P.cnt("on_time", "按时办结数"), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2)]
    t = Table("", ["各单位诉求办理情况（1月1日—7月25日）"], cols)
    us = depts(rnd, 14, "县", utilities=3) + towns(rnd, 9, ("镇", "乡"))
    for u in us:
        t.add(dict(P.counts(rnd, 20, 520), unit=u))
    t.render()
    h = colsum(t, "handled")
    ot = colsum(t, "on_time")
    doc.blocks.append(("title",))
    doc.p("今年1月1日至7月25日，县12345热线累计转办群众诉求%s，按时办结%s，按时办结率%s（保留两位小数，尾数舍去）。" % (
        doc.fig("转办群众诉求", h), doc.fig("按时办结", ot), fmt_pct(ot, h, 2, "trunc")))
    doc.rates.append({"label": "按时办结率", "num": ot, "den": h, "rate": fmt_pct(ot, h, 2, "trunc")})
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.p("各单位办理情况如下：")
    doc.table(t)
    doc.p("请各单位进一步压实责任，确保诉求件件有回音、事事有着落。")
    doc.blocks.append(("signature",))
    return doc


# ---------------------------------------------------------------------------
# 17 福川: unit names with 万 (万福镇, 万安街道), 万 amounts and Chinese numerals in the prose
#   (两件, 百分之百), zero rates written 0.00% and "/" for an empty unit; warning: prose count
#   off the table sum
# ---------------------------------------------------------------------------

def fuchuan():
    rnd = random.Random(2405)
    doc = Doc("probe-fuchuan-2024-05")
    meta(doc, ["福川县5月份12345热线诉求办理情况"], "福川县政务服务和数据管理局", (2024, 6, 6),
         period((2024, 5, 1), (2024, 5, 31), "2024年5月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("镇（街道）"), P.cnt("handled", "受理案件数"), P.cnt("on_time", "按时办结数"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2, style="pad"), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2, style="pad")]
    t = Table("附件", ["5月份各镇（街道）诉求办理情况"], cols)
    t.zero_rate = "/"
    us = ["万福镇", "万安街道", "福城街道", "川口镇", "石桥镇", "万寿乡", "青龙镇", "白马镇", "金竹乡", "福川工业园区"]
    for u in us:
        t.add(dict(P.counts(rnd, 30, 700, visit=(1, 1)), unit=u))
    t.data[9].update(handled=0, on_time=0, satisfied=0)
    t.data[7].update(handled=3, on_time=0, satisfied=2)
    t.render()
    h = colsum(t, "handled")
    total = h + 8000 + rnd.randint(0, 999)
    wan = Decimal(total) / 10000
    wan_s = str(wan.quantize(Decimal("0.01"), rounding="ROUND_DOWN"))
    doc.blocks.append(("title",))
    doc.p("5月份，县12345热线共受理群众诉求%s万件，转各镇（街道）办理%s，其中万福镇%s，万安街道%s。" % (
        wan_s, doc.fig("转各镇（街道）办理", h - 12), doc.fig("万福镇", t.data[0]["handled"]),
        doc.fig("万安街道", t.data[1]["handled"])))
    doc.figures.append({"label": "受理群众诉求", "value": float(wan_s), "unit": "万件"})
    doc.checks.append({"label": "转各镇", "value": h - 12, "tables": [0], "column": "handled"})
    doc.finding("table_vs_narrative", 0, "", "handled", "warning", str(h), str(h - 12),
                note="narrative %d, table sum %d" % (h - 12, h))
    doc.p("%s按时办结率为零，超期工单两件，请限期整改；万福镇满意率达到百分之百。" % us[7])
    doc.figures.append({"label": "超期工单", "value": 2, "unit": "件"})
    t.data[0]["satisfied"] = t.data[0]["handled"]
    t.render()
    attachment(doc, t, "附件：5月份各镇（街道）诉求办理情况")
    return doc


# ---------------------------------------------------------------------------
# 18 石桥: red-head 文件 with a document number, 抄送 footer, two channel tables with 优秀数 /
#   优秀率; planted: 优秀数 > 满意数; warning: a rate at 1 decimal in a 2-decimal table
# ---------------------------------------------------------------------------

def shiqiao():
    rnd = random.Random(2407)
    doc = Doc("probe-shiqiao-2024-07")
    meta(doc, ["石桥区7月份12345热线", "群众诉求办理情况通报"], "石桥区人民政府办公室", (2024, 8, 7),
         period((2024, 7, 1), (2024, 7, 31), "2024年7月"), masthead="石桥区人民政府办公室文件",
         doc_number="石政办〔2024〕33号")
    doc.layout.update(style="redhead", signature=True, cms="utf8", threeline="threeline")

    def mk(label, title, units, lo, hi):
        cols = [P.unit("单位名称"), P.cnt("handled", "办理数"), P.cnt("on_time", "按时办结数"),
                P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2), P.cnt("satisfied", "满意数"),
                P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2), P.cnt("excellent", "优秀数"),
                P.rate("excellence_rate", "优秀率", "excellent", "handled", dec=2)]
        t = Table(label, title, cols, total_unit="合计", total_position="bottom")
        for u in units:
            t.add(dict(P.counts(rnd, lo, hi, visit=(1, 1)), unit=u))
        t.make_total()
        t.render()
        return t

    us = depts(rnd, 13, "区", utilities=3) + towns(rnd, 5, ("街道",))
    t1 = mk("附件1", ["7月份电话诉求办理情况"], us, 20, 200)
    t2 = mk("附件2", ["7月份网络诉求办理情况"], us, 3, 45)
    a, b = colsum(t1, "handled"), colsum(t2, "handled")
    doc.blocks.append(("title",))
    doc.blocks.append(("salutation", "各街道办事处，区政府各部门，各有关单位："))
    doc.p("7月份，区12345热线共派转群众诉求%s，其中电话诉求%s，占%s；网络诉求%s，占%s。" % (
        doc.fig("派转群众诉求", a + b), doc.fig("电话诉求", a), share(a, a + b), doc.fig("网络诉求", b), share(b, a + b)))
    doc.sums.append({"label": "派转", "total": a + b, "parts": [a, b]})
    doc.shares += [{"label": "电话", "count": a, "share": share(a, a + b), "base": a + b},
                   {"label": "网络", "count": b, "share": share(b, a + b), "base": a + b}]
    doc.checks += [{"label": "电话", "value": a, "tables": [0], "column": "handled"},
                   {"label": "网络", "value": b, "tables": [1], "column": "handled"}]
    doc.p("按时办结、群众满意且问题彻底解决的工单计为优秀。")
    doc.blocks.append(("attach", ["附件：1．7月份电话诉求办理情况", "2．7月份网络诉求办理情况"]))
    doc.blocks.append(("signature",))
    for t in (t1, t2):
        doc.blocks.append(("label", t.label))
        doc.table(t)
    doc.blocks.append(("footer", ["抄送：区委办公室，区人大常委会办公室，区政协办公室。",
                                  "石桥区人民政府办公室　　2024年8月7日印发"]))
    r = next(r for r in t2.data[3:] if r["satisfied"] == r["excellent"] + 1 or
             (r["satisfied"] - r["excellent"] <= 3 and r["satisfied"] > 4))
    P.count_off(doc, 1, r["unit"], "excellent", r["satisfied"] + 2, note="优秀数 above 满意数",
                extra_alts=["satisfied"])
    # the 合计 of 优秀数 no longer adds up either
    t2.set_cell(None, "excellent", str(int(t2.cell(None, "excellent")) + r["satisfied"] + 2 - r["excellent"]))
    t2.set_cell(None, "excellence_rate", fmt_pct(int(t2.cell(None, "excellent")), b, 2))
    cand = P.precision_candidates(t1, "on_time_rate", 1)
    P.precision(doc, 0, cand[1], "on_time_rate", 1)
    return doc


# ---------------------------------------------------------------------------
# 19 安平: issue number 〔2020〕第9期 for August data, 交办总量 = 按期办结 + 超期办结 + 未办结,
#   合计 on top; planted: a slipped 按期办结率
# ---------------------------------------------------------------------------

def anping():
    rnd = random.Random(2009)
    doc = Doc("probe-anping-2020-08")
    meta(doc, ["安平县8月份12345热线工单办理情况"], "安平县12345便民服务热线中心", (2020, 9, 7),
         period((2020, 8, 1), (2020, 8, 31), "8月份"), issue_line="〔2020〕第9期")
    doc.layout.update(style="brief", signature=True, cms="gbk", threeline="threeline")
    cols = [P.seq(), P.unit("承办单位"), P.cnt("handled", "交办总量"), P.cnt("on_time", "按期办结数"),
            P.cnt("overdue", "超期办结数"), P.cnt("open", "未办结数"),
            P.rate("on_time_rate", "按期办结率", "on_time", "handled", dec=2)]
    t = Table("", ["8月份各承办单位工单办理情况"], cols, total_unit="合计", total_position="top",
              row_sums=[{"total": "handled", "parts": ["on_time", "overdue", "open"]}])
    us = depts(rnd, 18, "县", utilities=4) + towns(rnd, 8, ("镇", "乡"))
    for i, u in enumerate(us):
        t.add(dict(P.counts(rnd, 5, 160, closed=(0.93, 1.0), ontime=(0.88, 1.0)), unit=u, seq=i + 1))
    t.make_total()
    t.total["seq"] = ""
    t.total["__total_rate"] = "/"
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("8月份，县12345热线共交办承办单位工单%s，按期办结%s，超期办结%s，未办结%s，按期办结率%s。" % (
        doc.fig("交办工单", h), doc.fig("按期办结", colsum(t, "on_time")), doc.fig("超期办结", colsum(t, "overdue")),
        doc.fig("未办结", colsum(t, "open")), fmt_pct(colsum(t, "on_time"), h, 2)))
    doc.sums.append({"label": "交办", "total": h, "parts": [colsum(t, "on_time"), colsum(t, "overdue"),
                                                           colsum(t, "open")]})
    doc.rates.append({"label": "按期办结率", "num": colsum(t, "on_time"), "den": h,
                      "rate": fmt_pct(colsum(t, "on_time"), h, 2)})
    doc.checks.append({"label": "交办", "value": h, "tables": [0], "column": "handled"})
    doc.table(t)
    doc.p("对超期件和未办结件较多的单位，县12345热线中心将进行专项督办。")
    doc.blocks.append(("signature",))
    u = next(r["unit"] for r in t.data[10:] if r["on_time"] < r["handled"] and r["handled"] > 30)
    P.slip(doc, 0, u, "on_time_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 20 黄杉: ISO week 1 of 2025 spanning the year (2024年12月30日—2025年1月5日), 得分 and 排名
#   without a formula; planted: a rate one too high in its last decimal
# ---------------------------------------------------------------------------

def huangshan():
    rnd = random.Random(2501)
    doc = Doc("probe-huangshan-2025-w01")
    meta(doc, ["黄杉区12345热线2025年第1周工单办理通报"], "黄杉区12345热线管理中心", (2025, 1, 7),
         period((2024, 12, 30), (2025, 1, 5), "2025年第1周"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="borderless")
    cols = [P.unit("单位"), P.cnt("handled", "受理件数"), P.cnt("on_time", "按时办结件数"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2), Col("score", "得分", "score", dec=1),
            Col("rank", "排名", "rank")]
    t = Table("附件", ["2025年第1周各单位工单办理情况"], cols)
    us = depts(rnd, 12, "区", utilities=2) + towns(rnd, 6, ("街道",))
    rows = []
    for u in us:
        c = P.counts(rnd, 8, 95)
        c["score"] = Decimal(rnd.randint(780, 999)) / 10
        rows.append(dict(c, unit=u))
    rows.sort(key=lambda r: -r["score"])
    for r in rows:
        t.add(r)
    P.competition_ranks(t)
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2025年第1周（2024年12月30日—2025年1月5日），区12345热线共受理工单%s，按时办结%s。" % (
        doc.fig("受理工单", h), doc.fig("按时办结", colsum(t, "on_time"))))
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    doc.p("元旦假期各单位值班值守到位，诉求响应及时。")
    attachment(doc, t, "附件：2025年第1周各单位工单办理情况")
    u = next(r["unit"] for r in t.data[4:] if r["on_time"] < r["handled"] and r["handled"] > 20)
    P.slip(doc, 0, u, "on_time_rate", "last")
    return doc


# ---------------------------------------------------------------------------
# 21 观云: quarter written with dates (2023年7月1日至9月30日), counts in 宗 with (宗) in the
#   headers; planted: the 合计 row's rate
# ---------------------------------------------------------------------------

def guanyun():
    rnd = random.Random(2393)
    doc = Doc("probe-guanyun-2023-q3")
    meta(doc, ["观云区2023年第三季度12345热线", "受理诉求办理情况通报"], "观云区政务服务数据管理局", (2023, 10, 13),
         period((2023, 7, 1), (2023, 9, 30), "2023年7月1日至9月30日"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "受理量(宗)"), P.cnt("on_time", "按时办结量(宗)"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2), P.cnt("satisfied", "满意量(宗)"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["2023年第三季度各单位受理诉求办理情况"], cols, total_unit="合计", total_position="bottom")
    us = depts(rnd, 14, "区", utilities=4) + towns(rnd, 6, ("镇", "街道"))
    for u in us:
        t.add(dict(P.counts(rnd, 20, 400, visit=(1, 1)), unit=u))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2023年7月1日至9月30日，区12345热线共受理群众诉求%s，其中转办各单位%s，按时办结%s。" % (
        doc.fig("受理群众诉求", h + 2317, "宗"), doc.fig("转办各单位", h, "宗"), doc.fig("按时办结", colsum(t, "on_time"), "宗")))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.p("请各单位对照通报，抓好整改落实。")
    attachment(doc, t, "附件：2023年第三季度各单位受理诉求办理情况")
    P.slip(doc, 0, None, "on_time_rate", "units", note="合计 rate slipped")
    return doc


# ---------------------------------------------------------------------------
# 22 梅溪: a 总计 group over 受理总量 / 按时办结 / 超时办结 / 未办结 beside single-level columns,
#   序号; planted: a row whose parts do not add up to its 受理总量
# ---------------------------------------------------------------------------

def meixi():
    rnd = random.Random(2411)
    doc = Doc("probe-meixi-2024-11")
    meta(doc, ["梅溪区2024年11月12345热线工单办理情况"], "梅溪区政务服务便民热线中心", (2024, 12, 4),
         period((2024, 11, 1), (2024, 11, 30), "2024年11月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.seq(), P.unit("单位"), P.cnt("handled", "受理总量", "总计"), P.cnt("on_time", "按时办结", "总计"),
            P.cnt("overdue", "超时办结", "总计"), P.cnt("open", "未办结", "总计"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2),
            P.rate("satisfaction_rate", "回访满意率", None, "handled", dec=2)]
    t = Table("附件", ["2024年11月各单位工单办理情况"], cols,
              row_sums=[{"total": "handled", "parts": ["on_time", "overdue", "open"]}],
              rate_basis={"satisfaction_rate": [None, "handled"]})
    us = depts(rnd, 16, "区", utilities=3) + towns(rnd, 5, ("街道",))
    for i, u in enumerate(us):
        c = P.counts(rnd, 10, 150, closed=(0.92, 1.0))
        c["__satisfaction_rate_k"] = c["satisfied"] + (c["handled"] - c["visited"])
        t.add(dict(c, unit=u, seq=i + 1))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("11月份，区12345热线共受理工单%s，按时办结%s。" % (
        doc.fig("受理工单", h), doc.fig("按时办结", colsum(t, "on_time"))))
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年11月各单位工单办理情况")
    r = next(r for r in t.data[6:] if r["overdue"] > 0)
    P.count_off(doc, 0, r["unit"], "overdue", r["overdue"] + 4, rule="count_sum_mismatch",
                note="按时 + 超时 + 未办结 is 受理总量 + 4", extra_alts=["handled", "on_time", "open"])
    return doc


ALL = [taoyuan, shuangqiao, longxi, beiling, nanshan, hexi, fengming, qingshui, yanjiang, dongpo, jinsha,
       cuiping, baihe, lushan, tianmen, xinglong, fuchuan, shiqiao, anping, huangshan, guanyun, meixi]
