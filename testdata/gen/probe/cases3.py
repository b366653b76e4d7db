"""The probe cases, third batch: combinations around the classes where the first two found
failures (wrapped headers, 合计 rows, magnitudes in 万, prose lists), and a few more layouts
(three units side by side, a caption-less second table, long unit names, a unit with
nothing to count, the issue number of a new year)."""
import random
from decimal import Decimal

import plant as P
from cases import attachment, colsum, meta, period, share
from docmodel import Col, Table, cn_date, fmt_dec, fmt_pct, pct, thousands
from docmodel import Doc
from names import depts, towns, villages


# ---------------------------------------------------------------------------
# 33 翠湖: two channel groups and a 合计 group, 合计 row on top with its own rates, 序号,
#   landscape, header not repeated; planted: the 合计 row's 网络 count off its column
# ---------------------------------------------------------------------------

def cuihu():
    rnd = random.Random(2466)
    doc = Doc("probe-cuihu-2024-06")
    meta(doc, ["翠湖区2024年6月12345热线分渠道", "诉求办理情况通报"], "翠湖区政务服务数据管理局", (2024, 7, 4),
         period((2024, 6, 1), (2024, 6, 30), "2024年6月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.seq(), P.unit("单位")]
    for g in ("电话", "网络", "合计"):
        cols += [P.cnt("handled", "受理数", g), P.cnt("satisfied", "满意数", g),
                 P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2, group=g)]
    t = Table("附件", ["2024年6月各单位分渠道诉求办理情况"], cols, total_unit="合计", total_position="top",
              landscape=True, repeat_header=False,
              row_sums=[{"total": "handled", "parts": ["电话/handled", "网络/handled"]},
                        {"total": "satisfied", "parts": ["电话/satisfied", "网络/satisfied"]}])
    us = depts(rnd, 22, "区", utilities=5) + towns(rnd, 8, ("街道",))
    for i, u in enumerate(us):
        a, b = P.counts(rnd, 10, 160, visit=(1, 1)), P.counts(rnd, 2, 40, visit=(1, 1))
        t.add(P.channel_row(u, i + 1, [("电话", a), ("网络", b)], ["handled", "satisfied"], overall=True))
    t.make_total()
    t.total["seq"] = ""
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("6月份，区12345热线共受理群众诉求%s，群众满意%s，满意率%s。" % (
        doc.fig("受理群众诉求", h), doc.fig("群众满意", colsum(t, "satisfied")), fmt_pct(colsum(t, "satisfied"), h, 2)))
    doc.rates.append({"label": "满意率", "num": colsum(t, "satisfied"), "den": h,
                      "rate": fmt_pct(colsum(t, "satisfied"), h, 2)})
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年6月各单位分渠道诉求办理情况")
    old = t.cell(None, "网络/handled")
    new = str(int(old) + 9)
    t.set_cell(None, "网络/handled", new)
    doc.finding("total_mismatch", 0, "合计", "网络/handled", "error", new, old,
                note="合计 网络 受理数 9 above its column", alt_units=[""],
                alt_columns=["网络/satisfaction_rate", "handled"])
    return doc


# ---------------------------------------------------------------------------
# 34 上林: a weekly score list with three units side by side in each row (单位 得分 ×3), no
#   ranks; clean
# ---------------------------------------------------------------------------

def shanglin():
    rnd = random.Random(2420)
    doc = Doc("probe-shanglin-2024-w20")
    meta(doc, ["上林县12345热线第20周工单办理得分"], "上林县12345热线管理中心", (2024, 5, 21),
         period((2024, 5, 13), (2024, 5, 19), "2024年第20周"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("单位"), Col("score", "得分", "score", dec=1)]
    t = Table("附件", ["第20周各单位工单办理得分"], cols, side_by_side=3)
    us = depts(rnd, 18, "县", utilities=4) + towns(rnd, 9, ("镇", "乡"))
    for u in us:
        t.add({"unit": u, "score": Decimal(rnd.randint(800, 1000)) / 10})
    t.render()
    doc.blocks.append(("title",))
    doc.p("2024年第20周（5月13日—5月19日），县12345热线共转办工单%s，各单位得分见附件。" % doc.fig("转办工单", 1462))
    doc.p("得分由按时办结、回访满意、办理质量三项构成，满分100分。")
    attachment(doc, t, "附件：第20周各单位工单办理得分")
    return doc


# ---------------------------------------------------------------------------
# 35 白沙: a city total and its channel parts in 万 with shares, thousands separators in the
#   table, 合计 at the bottom; planted: a share of a part in 万 that no count gives
# ---------------------------------------------------------------------------

def baisha():
    rnd = random.Random(2478)
    doc = Doc("probe-baisha-2024-10")
    meta(doc, ["白沙市2024年10月12345热线运行情况通报"], "白沙市12345政务服务便民热线管理办公室", (2024, 11, 7),
         period((2024, 10, 1), (2024, 10, 31), "2024年10月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("县（市、区）"), P.cnt("handled", "工单总数"), P.cnt("on_time", "按时办结数"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2),
            P.cnt("satisfied", "满意数"), P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["2024年10月各县（市、区）工单办理情况"], cols, thousands=True, total_unit="合计",
              total_position="bottom")
    for u in ["白沙区", "沙河区", "东湖区", "西山区", "白沙高新区", "临江县", "北岭县", "南溪县", "青石市"]:
        t.add(dict(P.counts(rnd, 1200, 6800, visit=(1, 1)), unit=u))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    total = h + 52000 + rnd.randint(0, 3000)
    phone = round(total * 0.731, -2)
    web = total - phone
    tw = (Decimal(total) / 10000).quantize(Decimal("0.01"))
    pw = (Decimal(phone) / 10000).quantize(Decimal("0.01"))
    ww = (Decimal(web) / 10000).quantize(Decimal("0.01"))
    ps = share(phone, total, 1)
    bad = fmt_dec(pct(web, total, 1) + Decimal("1.6"), 1, "pad") + "%"
    doc.blocks.append(("title",))
    doc.p("10月份，全市12345热线共受理群众诉求%s万件，其中电话渠道%s万件，占%s；网络渠道%s万件，占%s。" % (tw, pw, ps, ww, bad))
    doc.figures += [{"label": "受理群众诉求", "value": float(tw), "unit": "万件"},
                    {"label": "电话渠道", "value": float(pw), "unit": "万件"},
                    {"label": "网络渠道", "value": float(ww), "unit": "万件"}]
    doc.shares += [{"label": "电话", "count": phone, "share": ps, "base": total},
                   {"label": "网络", "count": web, "share": bad, "base": total}]
    doc.finding("share_mismatch", None, "", "", "error", bad, share(web, total, 1) + " of about %s万" % tw,
                note="网络 share 1.6 points high")
    doc.p("向各县（市、区）转办工单%s件，按时办结%s件，按时办结率%s。" % (
        thousands(h), thousands(colsum(t, "on_time")), fmt_pct(colsum(t, "on_time"), h, 2)))
    doc.figures += [{"label": "转办", "value": h, "unit": "件"}, {"label": "按时办结", "value": colsum(t, "on_time"), "unit": "件"}]
    doc.rates.append({"label": "按时办结率", "num": colsum(t, "on_time"), "den": h,
                      "rate": fmt_pct(colsum(t, "on_time"), h, 2)})
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年10月各县（市、区）工单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 36 龙潭: the seed's wrapped headers (按  时 / 办结数) with a 合计 row at the bottom whose 序号
#   is empty, a note giving the formula with ×100%; planted: a 满意率 over 办理数 instead of 回访数
# ---------------------------------------------------------------------------

def longtan():
    rnd = random.Random(2309)
    doc = Doc("probe-longtan-2023-09")
    meta(doc, ["9月份12345政务服务便民热线", "群众诉求办理情况通报"], "龙潭区行政审批服务局", (2023, 10, 10),
         period((2023, 9, 1), (2023, 9, 30), "9月份"), top_line=True)
    doc.layout.update(style="topline", signature=False, cms="classic", threeline="threeline")
    cols = [P.seq(), P.unit("单位名称"), P.cnt("handled", "办理数"), P.cnt("on_time", "按  时\n办结数"),
            P.rate("on_time_rate", "按  时\n办结率", "on_time", "handled", dec=2), P.cnt("visited", "回  访\n件  数"),
            P.cnt("satisfied", "满  意\n件  数"), P.rate("satisfaction_rate", "群  众\n满意率", "satisfied", "visited", dec=2)]
    t = Table("附件", ["9月份各单位群众诉求办理情况"], cols, total_unit="合计", total_position="bottom",
              rate_basis={"satisfaction_rate": ["satisfied", "visited"]},
              notes=["注：群众满意率＝满意件数÷回访件数×100%。"])
    us = depts(rnd, 15, "区", utilities=4) + towns(rnd, 6, ("镇", "街道"))
    for i, u in enumerate(us):
        t.add(dict(P.counts(rnd, 6, 120, visit=(0.5, 0.8)), unit=u, seq=i + 1))
    t.make_total()
    t.total["seq"] = ""
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2023年9月份，区便民热线共受理各类诉求%s，其中转各单位办理%s，目前已全部办结。" % (
        doc.fig("受理各类诉求", h + 1189), doc.fig("转各单位办理", h)))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.p("办理情况较好的单位是%s、%s；有待改进提高的单位是%s。" % (us[0], us[1], us[-1]))
    doc.blocks.append(("attach", ["附件：9月份各单位群众诉求办理情况"]))
    doc.blocks.append(("label", "附件"))
    doc.table(t)
    u = next(r["unit"] for r in t.data[4:] if r["visited"] < r["handled"] * 0.75)
    P.wrong_base(doc, 0, u, "satisfaction_rate", "handled")
    return doc


# ---------------------------------------------------------------------------
# 37 晓山: 解决率 and 不满意率 with their counts, a new unit with nothing to count ("—" in every
#   cell), 合计 at the bottom; clean
# ---------------------------------------------------------------------------

def xiaoshan():
    rnd = random.Random(2455 + 1)
    doc = Doc("probe-xiaoshan-2024-05")
    meta(doc, ["晓山区5月份12345热线工单办理情况"], "晓山区12345热线服务中心", (2024, 6, 5),
         period((2024, 5, 1), (2024, 5, 31), "2024年5月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="borderless")
    cols = [P.unit("承办单位"), P.cnt("handled", "工单数"), P.cnt("resolved", "解决数"),
            P.rate("resolution_rate", "解决率", "resolved", "handled", dec=1), P.cnt("visited", "回访数"),
            P.cnt("dissatisfied", "不满意数"), P.rate("dissatisfaction_rate", "不满意率", "dissatisfied", "visited", dec=1)]
    t = Table("附件", ["5月份各承办单位工单办理情况"], cols, total_unit="合计", total_position="bottom",
              rate_basis={"dissatisfaction_rate": ["dissatisfied", "visited"]},
              notes=["注：不满意率以回访数为基数。"])
    us = depts(rnd, 14, "区", utilities=3) + towns(rnd, 5, ("街道",))
    for u in us:
        t.add(dict(P.counts(rnd, 8, 150, sat=(0.85, 0.99)), unit=u))
    t.make_total()
    t.render()
    newcomer = "区数据资源中心"
    t.printed.append([newcomer] + ["—"] * (len(cols) - 1))
    t.data.append({"unit": newcomer})
    h = colsum(t, "handled") if False else sum(r.get("handled", 0) for r in t.data)
    doc.blocks.append(("title",))
    doc.p("5月份，区12345热线共向各承办单位派发工单%s，解决%s；回访%s，其中不满意%s。%s为本月新增承办单位，暂无工单。" % (
        doc.fig("派发工单", h), doc.fig("解决", sum(r.get("resolved", 0) for r in t.data)),
        doc.fig("回访", sum(r.get("visited", 0) for r in t.data)),
        doc.fig("不满意", sum(r.get("dissatisfied", 0) for r in t.data)), newcomer))
    doc.checks.append({"label": "派发", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：5月份各承办单位工单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 38 青田: December issued in January with Chinese numerals and the new year's issue number
#   (〔2025〕第1期), a title without a year, a change stated with its base in brackets;
#   planted: the 增长 rate of that change
# ---------------------------------------------------------------------------

def qingtian():
    rnd = random.Random(2412)
    doc = Doc("probe-qingtian-2024-12")
    meta(doc, ["12月份12345热线诉求办理情况通报"], "青田县12345政务服务热线中心", (2025, 1, 8),
         period((2024, 12, 1), (2024, 12, 31), "12月份"), issued_text=cn_date(2025, 1, 8), issue_line="〔2025〕第1期")
    doc.layout.update(style="brief", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "受理件数"), P.cnt("on_time", "按时办结件数"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2)]
    t = Table("附件", ["12月份各单位诉求办理情况"], cols)
    us = depts(rnd, 13, "县", utilities=3) + towns(rnd, 7, ("镇", "乡"))
    for u in us:
        t.add(dict(P.counts(rnd, 10, 200), unit=u))
    t.render()
    h = colsum(t, "handled")
    prev = h - rnd.randint(120, 300)
    delta = h - prev
    good = fmt_pct(delta, prev, 1)
    bad = fmt_dec(pct(delta, prev, 1) + Decimal("2"), 1, "pad") + "%"
    doc.blocks.append(("title",))
    doc.p("12月份，县12345热线共转办群众诉求%s，较上月（%s）增加%s，增长%s。" % (
        doc.fig("转办群众诉求", h), doc.fig("上月", prev, optional=True), doc.fig("较上月增加", delta), bad))
    doc.changes.append({"label": "环比", "current": h, "delta": delta, "direction": "up", "rate": bad})
    doc.finding("change_mismatch", None, "", "", "error", bad, good + " (%d over %d)" % (delta, prev),
                note="增长 printed 2 points high")
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：12月份各单位诉求办理情况")
    return doc


# ---------------------------------------------------------------------------
# 39 云溪: 下半年 issued in the new year, rates printed without % under 按期办结率(%) and
#   truncated; planted: a slipped rate
# ---------------------------------------------------------------------------

def yunxi():
    rnd = random.Random(2472)
    doc = Doc("probe-yunxi-2024-h2")
    meta(doc, ["云溪县2024年下半年12345热线", "工单办理情况通报"], "云溪县人民政府办公室", (2025, 1, 10),
         period((2024, 7, 1), (2024, 12, 31), "2024年下半年"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="threeline")
    cols = [P.seq(), P.unit("单位"), P.cnt("handled", "交办件数"), P.cnt("on_time", "按期办结件数"),
            P.rate("on_time_rate", "按期办结率(%)", "on_time", "handled", dec=2, mode="trunc", style="pad")]
    t = Table("附件", ["2024年下半年各单位工单办理情况"], cols)
    us = depts(rnd, 16, "县", utilities=3) + towns(rnd, 9, ("镇", "乡"))
    for i, u in enumerate(us):
        t.add(dict(P.counts(rnd, 30, 900), unit=u, seq=i + 1))
    t.render()
    for r in t.printed:
        r[4] = r[4].rstrip("%")
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2024年下半年，县12345热线共交办工单%s，按期办结%s，按期办结率%s（小数点后两位以下舍去）。" % (
        doc.fig("交办工单", h), doc.fig("按期办结", colsum(t, "on_time")), fmt_pct(colsum(t, "on_time"), h, 2, "trunc")))
    doc.rates.append({"label": "按期办结率", "num": colsum(t, "on_time"), "den": h,
                      "rate": fmt_pct(colsum(t, "on_time"), h, 2, "trunc")})
    doc.checks.append({"label": "交办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年下半年各单位工单办理情况")
    u = next(r["unit"] for r in t.data[8:] if r["on_time"] < r["handled"] and r["handled"] > 100)
    old = t.cell(u, "on_time_rate")
    v = Decimal(old) - 1
    new = fmt_dec(v, 2, "pad")
    t.set_cell(u, "on_time_rate", new)
    doc.finding("rate_mismatch", 0, u, "on_time_rate", "error", new, old, note="slipped units digit")
    return doc


# ---------------------------------------------------------------------------
# 40 凤凰: two tables by unit type, the second without an 附件 label (its title only), 合计
#   rows; warning: the prose's town count differs from the second table's sum
# ---------------------------------------------------------------------------

def fenghuang():
    rnd = random.Random(2488 + 2)
    doc = Doc("probe-fenghuang-2024-08")
    meta(doc, ["凤凰区8月份12345热线工单办理情况"], "凤凰区政务服务中心", (2024, 9, 6),
         period((2024, 8, 1), (2024, 8, 31), "2024年8月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")

    def mk(label, title, units, lo, hi):
        cols = [P.unit("单位"), P.cnt("handled", "交办量"), P.cnt("closed", "办结量"),
                P.rate("closure_rate", "办结率", "closed", "handled", dec=2), P.cnt("satisfied", "满意量"),
                P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2)]
        t = Table(label, title, cols, total_unit="合计", total_position="bottom")
        for u in units:
            t.add(dict(P.counts(rnd, lo, hi, visit=(1, 1)), unit=u))
        t.make_total()
        t.render()
        return t

    t1 = mk("附件", ["8月份区直部门工单办理情况"], depts(rnd, 13, "区", utilities=3), 12, 180)
    t2 = mk("", ["8月份各街道工单办理情况"], towns(rnd, 7, ("街道",)), 60, 320)
    a, b = colsum(t1, "handled"), colsum(t2, "handled")
    doc.blocks.append(("title",))
    doc.p("8月份，区12345热线向区直部门交办工单%s，向各街道交办工单%s。" % (doc.fig("区直部门", a), doc.fig("各街道", b + 7)))
    doc.checks += [{"label": "区直", "value": a, "tables": [0], "column": "handled"},
                   {"label": "街道", "value": b + 7, "tables": [1], "column": "handled"}]
    doc.finding("table_vs_narrative", 1, "", "handled", "warning", str(b), str(b + 7),
                note="narrative 街道 %d, table sum %d" % (b + 7, b))
    attachment(doc, t1, "附件：8月份工单办理情况")
    doc.table(t2)
    return doc


# ---------------------------------------------------------------------------
# 41 金溪: 一季度 (no 第), 得分 and 排名 with a tie, rates over 工单数 without counts; planted:
#   a rank that does not follow its score
# ---------------------------------------------------------------------------

def jinxi():
    rnd = random.Random(2431 + 7)
    doc = Doc("probe-jinxi-2024-q1")
    meta(doc, ["金溪县2024年一季度12345热线工单办理考核情况"], "金溪县12345热线办公室", (2024, 4, 12),
         period((2024, 1, 1), (2024, 3, 31), "2024年一季度"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "工单数"), P.rate("on_time_rate", "按时办结率", None, "handled", dec=2),
            P.rate("satisfaction_rate", "满意率", None, "handled", dec=2), Col("score", "考核得分", "score", dec=2),
            Col("rank", "排名", "rank")]
    t = Table("附件", ["2024年一季度各单位工单办理考核得分"], cols,
              rate_basis={"on_time_rate": [None, "handled"], "satisfaction_rate": [None, "handled"]})
    us = depts(rnd, 15, "县", utilities=3) + towns(rnd, 6, ("镇",))
    rows = []
    for u in us:
        c = P.counts(rnd, 20, 300)
        c["__on_time_rate_k"] = c["on_time"]
        c["__satisfaction_rate_k"] = c["satisfied"] + (c["handled"] - c["visited"])
        c["score"] = Decimal(rnd.randint(8000, 9900)) / 100
        rows.append(dict(c, unit=u))
    rows.sort(key=lambda r: -r["score"])
    rows[11]["score"] = rows[10]["score"]
    for r in rows:
        t.add(r)
    P.competition_ranks(t)
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2024年一季度，县12345热线共转办工单%s，各单位考核得分及排名见附件。" % doc.fig("转办工单", h))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年一季度各单位工单办理考核得分")
    u = rows[15]["unit"]
    old = t.cell(u, "rank")
    t.set_cell(u, "rank", str(int(old) + 2))
    doc.finding("rank_mismatch", 0, u, "rank", "error", str(int(old) + 2), old, note="rank 2 below its score's place")
    return doc


# ---------------------------------------------------------------------------
# 42 水口: long unit names that wrap over three lines in a narrow column, headers wrapped
#   over three lines; planted: a slipped rate
# ---------------------------------------------------------------------------

def shuikou():
    rnd = random.Random(2407 + 5)
    doc = Doc("probe-shuikou-2024-07")
    meta(doc, ["水口市7月份12345热线工单办理情况"], "水口市12345政务服务便民热线管理中心", (2024, 8, 5),
         period((2024, 7, 1), (2024, 7, 31), "2024年7月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("承办单位"), P.cnt("handled", "转办\n工单\n数量"), P.cnt("on_time", "按时\n办结\n数量"),
            P.rate("on_time_rate", "按时\n办结\n率", "on_time", "handled"), P.cnt("satisfied", "群众\n满意\n数量"),
            P.rate("satisfaction_rate", "群众\n满意\n率", "satisfied", "handled")]
    t = Table("附件", ["7月份各承办单位工单办理情况"], cols, unit_width=5)
    names = ["水口经济技术开发区管理委员会社会事务局", "水口高新技术产业开发区管理委员会建设局", "水口港区管理委员会综合执法局",
             "市住房和城乡建设局", "市城市管理综合行政执法局", "市自然资源和规划局", "市人力资源和社会保障局", "市公安局交通警察支队",
             "市生态环境局", "市水务集团有限公司", "国网水口供电公司", "水口华润燃气有限公司", "市公共交通集团有限公司"]
    for u in names:
        t.add(dict(P.counts(rnd, 10, 260, visit=(1, 1)), unit=u))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("7月份，市12345热线共向各承办单位转办工单%s，按时办结%s，群众满意%s。" % (
        doc.fig("转办工单", h), doc.fig("按时办结", colsum(t, "on_time")), doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：7月份各承办单位工单办理情况")
    P.slip(doc, 0, names[1], "satisfaction_rate", "units")
    return doc


ALL = [cuihu, shanglin, baisha, longtan, xiaoshan, qingtian, yunxi, fenghuang, jinxi, shuikou]
