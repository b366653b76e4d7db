"""The probe cases, sixth batch: column sets and orders the earlier batches do not use (rates
before their counts, 排名 first, a text column in the middle), header wordings and two-level
headers with the overall group first, several tables per bulletin each with its own note,
rates at 0 decimals and with a full-width ％, traditional script without pinyin, 第N期
mastheads, weekly / quarterly / cumulative periods, narrative totals, shares and changes
in other phrasings, and units grouped by kind under section rows with subtotals."""
import random
from decimal import Decimal

import plant as P
from cases import attachment, colsum, meta, period, share
from docmodel import Col, Doc, Table, cn_date, fmt_dec, fmt_pct, pct, thousands
from names import depts, towns, villages


def fill(t, rnd, units, lo, hi, seq=False, **kw):
    """One row of consistent counts per unit; a rate with no printed numerator gets a k."""
    for i, u in enumerate(units):
        c = P.counts(rnd, lo, hi, **kw)
        row = dict(c, unit=u)
        if seq:
            row["seq"] = i + 1
        for col in t.cols:
            if col.kind == "rate" and col.num is None:
                den = row[col.den]
                row["__" + col.ref + "_k"] = max(0, min(den, round(den * rnd.uniform(0.86, 1.0))))
        t.add(row)


def fullwidth_pct(t):
    """Rates printed with the full-width ％ (a CJK input method's percent sign)."""
    for r in t.printed + ([t.printed_total] if t.printed_total else []):
        for j, c in enumerate(t.cols):
            if c.kind == "rate":
                r[j] = r[j].replace("%", "％")


def first_unit(t, pred, start=3):
    return next(r["unit"] for r in t.data[start:] if pred(r))


# ---------------------------------------------------------------------------
# 56 澄西: rates printed before their counts (满意率 | 满意量 | 回访量 | 受理量), headers with
#   the unit in brackets (受理量（件）), 满意率 over 回访量 in a note; planted: a slipped 满意率
# ---------------------------------------------------------------------------

def chengxi():
    rnd = random.Random(6001)
    doc = Doc("probe-chengxi-2024-05")
    meta(doc, ["澄西区2024年5月12345热线群众满意度情况"], "澄西区12345热线服务中心", (2024, 6, 6),
         period((2024, 5, 1), (2024, 5, 31), "2024年5月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("责任单位"), P.rate("satisfaction_rate", "满意率", "satisfied", "visited", dec=2),
            P.cnt("satisfied", "满意量（件）"), P.cnt("visited", "回访量（件）"), P.cnt("handled", "受理量（件）")]
    t = Table("附件", ["2024年5月各责任单位群众满意度情况"], cols,
              rate_basis={"satisfaction_rate": ["satisfied", "visited"]},
              notes=["注：满意率＝满意量÷回访量×100%。"])
    fill(t, rnd, depts(rnd, 13, "区", utilities=3) + towns(rnd, 5, ("街道",)), 20, 240)
    t.render()
    h, v = colsum(t, "handled"), colsum(t, "visited")
    doc.blocks.append(("title",))
    doc.p("5月份，区12345热线共受理群众诉求%s，对其中%s进行了电话回访，群众表示满意的%s。" % (
        doc.fig("受理群众诉求", h), doc.fig("电话回访", v), doc.fig("满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年5月各责任单位群众满意度情况")
    u = first_unit(t, lambda r: 0 < r["satisfied"] < r["visited"] - 2)
    P.slip(doc, 0, u, "satisfaction_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 57 枫亭: a 专报 masthead with 第N期 and the issuer under it, 2024年一季度, two tables (县直部门 /
#   乡镇) each with its 合计 and its own note; planted: the second table's 合计 办结数 off
# ---------------------------------------------------------------------------

def fengting():
    rnd = random.Random(6002)
    doc = Doc("probe-fengting-2024-q1")
    meta(doc, ["一季度全县12345热线工单办理情况"], "枫亭县12345热线运行管理中心", (2024, 4, 9),
         period((2024, 1, 1), (2024, 3, 31), "2024年一季度"), masthead="12345热线运行专报",
         issue_line="第2期")
    doc.layout.update(style="jianbao", signature=False, cms="gb2312", threeline="threeline")

    def mk(label, title, units, lo, hi, note):
        cols = [P.unit("单位"), P.cnt("handled", "交办数"), P.cnt("closed", "办结数"),
                P.rate("closure_rate", "办结率", "closed", "handled", dec=2), P.cnt("on_time", "按期办结数"),
                P.rate("on_time_rate", "按期办结率", "on_time", "closed", dec=2)]
        t = Table(label, title, cols, total_unit="合计", total_position="bottom",
                  rate_basis={"on_time_rate": ["on_time", "closed"]}, notes=[note])
        fill(t, rnd, units, lo, hi)
        t.make_total()
        t.render()
        return t

    t1 = mk("附件1", ["一季度县直部门工单办理情况"], depts(rnd, 12, "县", utilities=2), 15, 200,
            "注：办结率＝办结数÷交办数；按期办结率＝按期办结数÷办结数。")
    t2 = mk("附件2", ["一季度乡镇工单办理情况"], towns(rnd, 9, ("镇", "乡")), 40, 300,
            "注：按期办结率以办结数为基数计算。")
    a, b = colsum(t1, "handled"), colsum(t2, "handled")
    doc.blocks.append(("title",))
    doc.p("一季度，县12345热线向县直部门和乡镇交办工单%s，其中县直部门%s、乡镇%s。" % (
        doc.fig("交办工单", a + b), doc.fig("县直部门", a), doc.fig("乡镇", b)))
    doc.sums.append({"label": "交办", "total": a + b, "parts": [a, b]})
    doc.checks += [{"label": "县直", "value": a, "tables": [0], "column": "handled"},
                   {"label": "乡镇", "value": b, "tables": [1], "column": "handled"}]
    for t in (t1, t2):
        doc.blocks.append(("label", t.label))
        doc.table(t)
    P.total_off(doc, 1, "closed", -6)
    return doc


# ---------------------------------------------------------------------------
# 58 鹿鸣: weekly ranking with 排名 first, 综合得分 at two decimals, then rates without
#   counts; rows in rank order with a tie; planted: two neighbours' ranks swapped
# ---------------------------------------------------------------------------

def luming():
    rnd = random.Random(6003)
    doc = Doc("probe-luming-2024-w47")
    meta(doc, ["鹿鸣市12345热线承办单位考评周通报"], "鹿鸣市12345政务服务便民热线管理中心", (2024, 11, 26),
         period((2024, 11, 18), (2024, 11, 24), "2024年第47周"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [Col("rank", "排名", "rank"), P.unit("承办单位"), Col("score", "综合得分", "score", dec=2),
            P.cnt("handled", "工单数"),
            P.rate("on_time_rate", "按时办结率", None, "handled", dec=1),
            P.rate("satisfaction_rate", "满意率", None, "handled", dec=1)]
    t = Table("附件", ["第47周承办单位考评得分"], cols,
              rate_basis={"on_time_rate": [None, "handled"], "satisfaction_rate": [None, "handled"]})
    us = depts(rnd, 14, "市", utilities=4) + ["鹿城区", "鸣山区", "北渚县"]
    fill(t, rnd, us, 6, 90)
    scores = sorted({Decimal(rnd.randint(8100, 9990)) / 100 for _ in range(60)}, reverse=True)[:len(us)]
    scores[8] = scores[7]
    for r, s in zip(t.data, scores):
        r["score"] = s
    P.competition_ranks(t)
    t.render()
    doc.blocks.append(("title",))
    doc.p("第47周（11月18日至24日），市12345热线向承办单位派发工单%s。本周考评得分排名前三位的是%s、%s、%s。" % (
        doc.fig("派发工单", colsum(t, "handled")), us[0], us[1], us[2]))
    doc.checks.append({"label": "派发", "value": colsum(t, "handled"), "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：第47周承办单位考评得分")
    P.rank_swap(doc, 0, us[11], us[12])
    return doc


# ---------------------------------------------------------------------------
# 59 雲棲: traditional script without pinyin (辦件量, 按時辦結率, 滿意數), date in Chinese
#   numerals, 合計 at the bottom; planted: a slipped 按時辦結率
# ---------------------------------------------------------------------------

def yunqi():
    rnd = random.Random(6004)
    doc = Doc("probe-yunqi-2024-08")
    meta(doc, ["雲棲區2024年8月12345熱線訴求辦理情況通報"], "雲棲區政務服務管理辦公室", (2024, 9, 4),
         period((2024, 8, 1), (2024, 8, 31), "2024年8月"), issued_text=cn_date(2024, 9, 4))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("承辦單位"), P.cnt("handled", "辦件量"), P.cnt("on_time", "按時辦結數"),
            P.rate("on_time_rate", "按時辦結率", "on_time", "handled", dec=2), P.cnt("satisfied", "滿意數"),
            P.rate("satisfaction_rate", "滿意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["8月份各承辦單位訴求辦理情況"], cols, total_unit="合計", total_position="bottom")
    us = ["區教育局", "區公安分局", "區民政局", "區財政局", "區人力資源和社會保障局", "區住房和城鄉建設局",
          "區城市管理局", "區交通運輸局", "區衛生健康局", "區市場監督管理局", "區醫療保障局", "雲溪街道", "棲霞街道",
          "東港街道", "西嶺鎮"]
    fill(t, rnd, us, 15, 220, visit=(1, 1))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("8月份，區12345熱線共受理群眾訴求%s，轉辦承辦單位%s，按時辦結%s，群眾滿意%s。" % (
        doc.fig("受理群眾訴求", h + 1207), doc.fig("轉辦承辦單位", h), doc.fig("按時辦結", colsum(t, "on_time")),
        doc.fig("群眾滿意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "轉辦", "value": h, "tables": [0], "column": "handled"})
    doc.p("請各承辦單位對照通報，認真整改存在的問題。")
    attachment(doc, t, "附件：8月份各承辦單位訴求辦理情況")
    u = first_unit(t, lambda r: r["on_time"] < r["handled"] - 1)
    P.slip(doc, 0, u, "on_time_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 60 清河: a two-level header with the overall group first (合计 / 市级转办 / 区级自办 x 件数 /
#   办结数 / 办结率), 序号; planted: a row whose 合计 件数 is not the sum of its parts
# ---------------------------------------------------------------------------

def qinghe():
    rnd = random.Random(6005)
    doc = Doc("probe-qinghe-2024-10")
    meta(doc, ["清河区2024年10月12345热线工单办理情况"], "清河区政务服务和数据管理局", (2024, 11, 6),
         period((2024, 10, 1), (2024, 10, 31), "2024年10月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    groups = ["合计", "市级转办", "区级自办"]
    cols = [P.seq(), P.unit("单位")]
    for g in groups:
        cols += [P.cnt("handled", "件数", g), P.cnt("closed", "办结数", g),
                 P.rate("closure_rate", "办结率", "closed", "handled", dec=2, group=g)]
    t = Table("附件", ["2024年10月各单位工单办理情况"], cols, landscape=True, font_pt=9,
              row_sums=[{"total": "handled", "parts": ["市级转办/handled", "区级自办/handled"]},
                        {"total": "closed", "parts": ["市级转办/closed", "区级自办/closed"]}])
    us = depts(rnd, 15, "区", utilities=3) + towns(rnd, 6, ("街道",))
    for i, u in enumerate(us):
        a, b = P.counts(rnd, 10, 150, closed=(0.9, 1.0)), P.counts(rnd, 2, 50, closed=(0.9, 1.0))
        t.add(P.channel_row(u, i + 1, [("市级转办", a), ("区级自办", b)], ["handled", "closed"], overall=True))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("10月份，区12345热线共向各单位派发工单%s，其中市级转办%s，区级自办%s；已办结%s。" % (
        doc.fig("派发工单", h), doc.fig("市级转办", colsum(t, "市级转办/handled")),
        doc.fig("区级自办", colsum(t, "区级自办/handled")), doc.fig("已办结", colsum(t, "closed"))))
    doc.sums.append({"label": "派发", "total": h, "parts": [colsum(t, "市级转办/handled"), colsum(t, "区级自办/handled")]})
    doc.checks.append({"label": "派发", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年10月各单位工单办理情况")
    i = 9
    P.count_off(doc, 0, us[i], "区级自办/handled", t.data[i]["区级自办/handled"] + 5, rule="count_sum_mismatch",
                note="区级自办 件数 5 too high", extra_alts=["handled", "市级转办/handled"])
    return doc


# ---------------------------------------------------------------------------
# 61 桐川: rates at 0 decimals (96%) beside a 1-decimal 不满意率, 超期件数; planted: a 1-decimal
#   不满意率 off by one in its last decimal
# ---------------------------------------------------------------------------

def tongchuan():
    rnd = random.Random(6006)
    doc = Doc("probe-tongchuan-2024-07")
    meta(doc, ["桐川县7月份12345热线诉求办理通报"], "桐川县人民政府办公室", (2024, 8, 5),
         period((2024, 7, 1), (2024, 7, 31), "7月份"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "受理件数"), P.cnt("closed", "办结件数"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=0), P.cnt("overdue", "超期件数"),
            P.cnt("visited", "回访件数"), P.cnt("dissatisfied", "不满意件数"),
            P.rate("dissatisfaction_rate", "不满意率", "dissatisfied", "visited", dec=1)]
    t = Table("附件", ["7月份各单位诉求办理情况"], cols,
              rate_basis={"dissatisfaction_rate": ["dissatisfied", "visited"]},
              notes=["注：不满意率＝不满意件数÷回访件数。"])
    fill(t, rnd, depts(rnd, 12, "县", utilities=2) + towns(rnd, 6, ("镇",)), 12, 180, sat=(0.85, 0.98))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("7月份，县12345热线受理群众诉求%s，办结%s，办结率%s。" % (
        doc.fig("受理群众诉求", h), doc.fig("办结", colsum(t, "closed")), fmt_pct(colsum(t, "closed"), h, 0)))
    doc.rates.append({"label": "办结率", "num": colsum(t, "closed"), "den": h, "rate": fmt_pct(colsum(t, "closed"), h, 0)})
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：7月份各单位诉求办理情况")
    u = first_unit(t, lambda r: r["dissatisfied"] > 1)
    P.slip(doc, 0, u, "dissatisfaction_rate", "last")
    return doc


# ---------------------------------------------------------------------------
# 62 柳岸: narrative of changes: 环比增长…件、增长…%, 同比减少…%, 较上月下降…个百分点, a share
#   占总量的; planted: the 环比 rate does not follow from its counts
# ---------------------------------------------------------------------------

def liuan():
    rnd = random.Random(6007)
    doc = Doc("probe-liuan-2024-03")
    meta(doc, ["柳岸市2024年3月12345热线运行分析"], "柳岸市12345政务服务热线管理办公室", (2024, 4, 3),
         period((2024, 3, 1), (2024, 3, 31), "2024年3月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("县（市、区）"), P.cnt("handled", "受理量"), P.cnt("on_time", "按时办结量"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2)]
    t = Table("附件", ["2024年3月各县（市、区）受理量及按时办结情况"], cols, thousands=True)
    fill(t, rnd, ["柳城区", "岸东区", "岸西区", "南柳县", "北岸县", "柳岸经济技术开发区"], 1200, 5200)
    t.render()
    h = colsum(t, "handled")
    prev_m = h - rnd.randint(900, 1800)
    prev_y = h + rnd.randint(700, 1500)
    dm, dy = h - prev_m, prev_y - h
    bad = fmt_dec(pct(dm, prev_m, 2) + Decimal("1.5"), 2, "pad") + "%"
    doc.blocks.append(("title",))
    doc.p("3月份，全市12345热线共受理群众诉求%s件，环比增长%s件、增长%s，同比减少%s件、下降%s。" % (
        thousands(h), thousands(dm), bad, thousands(dy), fmt_pct(dy, prev_y, 2)))
    doc.figures += [{"label": "受理群众诉求", "value": h, "unit": "件"},
                    {"label": "环比增长", "value": dm, "unit": "件"}, {"label": "同比减少", "value": dy, "unit": "件"}]
    doc.changes += [{"label": "环比", "current": h, "delta": dm, "direction": "up", "rate": bad},
                    {"label": "同比", "current": h, "delta": dy, "direction": "down", "rate": fmt_pct(dy, prev_y, 2)}]
    doc.finding("change_mismatch", None, "", "", "error", bad, fmt_pct(dm, prev_m, 2),
                note="环比 rate 1.5 points high")
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    big = t.data[0]
    doc.p("其中%s受理%s件，占总量的%s。全市按时办结率较上月下降0.42个百分点。" % (
        big["unit"], thousands(big["handled"]), share(big["handled"], h)))
    doc.figures.append({"label": big["unit"], "value": big["handled"], "unit": "件"})
    doc.shares.append({"label": big["unit"], "count": big["handled"], "share": share(big["handled"], h), "base": h})
    attachment(doc, t, "附件：2024年3月各县（市、区）受理量及按时办结情况")
    return doc


# ---------------------------------------------------------------------------
# 63 金湾: three tables (区直部门 / 街道 / 公共服务企业) labelled 附表1-3, each with its own note;
#   planted: a slipped rate in the third, a rate at 1 decimal in a 2-decimal table (warning)
# ---------------------------------------------------------------------------

def jinwan():
    rnd = random.Random(6008)
    doc = Doc("probe-jinwan-2024-09")
    meta(doc, ["金湾区2024年9月12345热线工单办理情况通报"], "金湾区政务服务中心", (2024, 10, 10),
         period((2024, 9, 1), (2024, 9, 30), "2024年9月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")

    def mk(label, title, units, lo, hi, note):
        cols = [P.unit("单位"), P.cnt("handled", "受理工单"), P.cnt("replied", "按时回复"),
                P.rate("reply_rate", "按时回复率", "replied", "handled", dec=2), P.cnt("resolved", "已解决"),
                P.rate("resolution_rate", "解决率", "resolved", "handled", dec=2)]
        t = Table(label, title, cols, notes=[note])
        fill(t, rnd, units, lo, hi)
        t.render()
        return t

    t1 = mk("附表1", ["区直部门工单办理情况"], depts(rnd, 11, "区"), 10, 150, "注：解决率＝已解决÷受理工单。")
    t2 = mk("附表2", ["街道工单办理情况"], towns(rnd, 7, ("街道",)), 60, 400, "注：按时回复率＝按时回复÷受理工单。")
    t3 = mk("附表3", ["公共服务企业工单办理情况"], ["供电公司", "自来水公司", "燃气公司", "公交公司", "电信公司", "移动公司"],
            8, 120, "注：公共服务企业按集团口径统计。")
    a, b, c = (colsum(x, "handled") for x in (t1, t2, t3))
    doc.blocks.append(("title",))
    doc.p("9月份，区12345热线共转办工单%s。其中区直部门%s，街道%s，公共服务企业%s。" % (
        doc.fig("转办工单", a + b + c), doc.fig("区直部门", a), doc.fig("街道", b), doc.fig("公共服务企业", c)))
    doc.sums.append({"label": "转办", "total": a + b + c, "parts": [a, b, c]})
    doc.checks += [{"label": "区直", "value": a, "tables": [0], "column": "handled"},
                   {"label": "街道", "value": b, "tables": [1], "column": "handled"},
                   {"label": "企业", "value": c, "tables": [2], "column": "handled"}]
    doc.blocks.append(("attach", ["附表：1．区直部门工单办理情况", "2．街道工单办理情况", "3．公共服务企业工单办理情况"]))
    doc.blocks.append(("signature",))
    for t in (t1, t2, t3):
        doc.blocks.append(("label", t.label))
        doc.table(t)
    u = first_unit(t3, lambda r: r["resolved"] < r["handled"] - 1, 1)
    P.slip(doc, 2, u, "resolution_rate", "units")
    cand = P.precision_candidates(t2, "reply_rate", 1)
    P.precision(doc, 1, cand[0], "reply_rate", 1)
    return doc


# ---------------------------------------------------------------------------
# 64 石岩: a 26th-to-25th cycle (2024年10月26日至11月25日) with 第11期 above the title, headers
#   with units in brackets (工单量（件）, 办结率（%）) and rates still printed with %; planted: a
#   满意率 over 工单量 instead of 回访量
# ---------------------------------------------------------------------------

def shiyan():
    rnd = random.Random(6009)
    doc = Doc("probe-shiyan-2024-11")
    meta(doc, ["石岩街道12345热线诉求办理情况"], "石岩街道党政综合办公室", (2024, 11, 28),
         period((2024, 10, 26), (2024, 11, 25), "2024年10月26日至11月25日"), issue_line="第11期")
    doc.layout.update(style="brief", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("社区（部门）"), P.cnt("handled", "工单量（件）"), P.cnt("closed", "办结量（件）"),
            P.rate("closure_rate", "办结率（%）", "closed", "handled", dec=1), P.cnt("visited", "回访量（件）"),
            P.cnt("satisfied", "满意量（件）"), P.rate("satisfaction_rate", "满意率（%）", "satisfied", "visited", dec=1)]
    t = Table("", ["各社区（部门）诉求办理情况"], cols, rate_basis={"satisfaction_rate": ["satisfied", "visited"]},
              notes=["说明：满意率为回访满意量占回访量的比例。"])
    us = ["石岩社区", "岩前社区", "上屋社区", "龙腾社区", "官田社区", "浪心社区", "水田社区", "应人石社区",
          "街道城建办", "街道执法队", "街道安监办", "街道社会事务办"]
    fill(t, rnd, us, 8, 140, visit=(0.5, 0.8))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2024年10月26日至11月25日，街道共接收12345热线转办工单%s，办结%s。" % (
        doc.fig("转办工单", h), doc.fig("办结", colsum(t, "closed"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.table(t)
    doc.blocks.append(("signature",))
    u = first_unit(t, lambda r: r["visited"] < r["handled"] * 0.75 and r["satisfied"] > 3)
    P.wrong_base(doc, 0, u, "satisfaction_rate", "handled")
    return doc


# ---------------------------------------------------------------------------
# 65 龙门: 2024年1—6月 with 上半年 in the prose, 序号 + 单位 + 所属片区 (a text column) before the
#   counts, a 总计 row on top; planted: 满意数 above 回访数
# ---------------------------------------------------------------------------

def longmen():
    rnd = random.Random(6010)
    doc = Doc("probe-longmen-2024-06")
    meta(doc, ["龙门县2024年1—6月12345热线工单办理情况"], "龙门县政务服务数据管理局", (2024, 7, 8),
         period((2024, 1, 1), (2024, 6, 30), "2024年1—6月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.seq(), P.unit("单位"), P.text("所属片区", "所属片区"), P.cnt("handled", "工单数"),
            P.cnt("visited", "回访数"), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "visited", dec=2)]
    t = Table("附件", ["2024年1—6月各单位工单办理情况"], cols, total_unit="总计", total_position="top",
              rate_basis={"satisfaction_rate": ["satisfied", "visited"]})
    us = towns(rnd, 12, ("镇", "乡"))
    fill(t, rnd, us, 60, 600, seq=True)
    for i, r in enumerate(t.data):
        r["所属片区"] = ["东片", "西片", "南片"][i % 3]
    t.make_total()
    t.total["seq"] = ""
    t.total["所属片区"] = ""
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("上半年，全县12345热线共转办乡镇工单%s，回访%s，群众满意%s。" % (
        doc.fig("转办乡镇工单", h), doc.fig("回访", colsum(t, "visited")), doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年1—6月各单位工单办理情况")
    i = next(i for i, r in enumerate(t.data) if i > 3 and r["visited"] - r["satisfied"] <= 4)
    r = t.data[i]
    P.count_off(doc, 0, us[i], "satisfied", r["visited"] + 3, note="满意数 above 回访数", extra_alts=["visited"])
    t.set_cell(None, "satisfied", str(int(t.cell(None, "satisfied")) + r["visited"] + 3 - r["satisfied"]))
    t.set_cell(None, "satisfaction_rate", fmt_pct(int(t.cell(None, "satisfied")), colsum(t, "visited"), 2))
    return doc


# ---------------------------------------------------------------------------
# 66 青峰: narrative only: a 前五位 list of units with counts in brackets, 分别占 shares of a
#   category list, a parenthetical breakdown; planted: the category list does not add up
# ---------------------------------------------------------------------------

def qingfeng():
    rnd = random.Random(6011)
    doc = Doc("probe-qingfeng-2024-q3")
    meta(doc, ["青峰区2024年第三季度12345热线诉求分析"], "青峰区12345热线办公室", (2024, 10, 11),
         period((2024, 7, 1), (2024, 9, 30), "2024年第三季度"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    total = 18000 + rnd.randint(0, 3000)
    phone = round(total * 0.64)
    web = total - phone
    doc.blocks.append(("title",))
    doc.p("第三季度，区12345热线共受理群众诉求%s（电话%s、网络%s），较二季度增加%s。" % (
        doc.fig("受理群众诉求", total), doc.fig("电话", phone), doc.fig("网络", web), doc.fig("较二季度增加", 1130)))
    doc.sums.append({"label": "受理", "total": total, "parts": [phone, web]})
    names = ["城市管理", "住房保障", "劳动社保", "交通出行"]
    vals = [round(total * x) for x in (0.21, 0.14, 0.11, 0.08)]
    doc.p("从诉求类别看，%s、%s、%s、%s类诉求居前四位，分别为%s件、%s件、%s件、%s件，分别占%s、%s、%s、%s。" % (
        tuple(names) + tuple(vals) + tuple(share(v, total) for v in vals)))
    for n, v in zip(names, vals):
        doc.figures.append({"label": n, "value": v, "unit": "件"})
        doc.shares.append({"label": n, "count": v, "share": share(v, total), "base": total})
    top = ["区城市管理局", "区住房和城乡建设局", "区人力资源和社会保障局", "区交通运输局", "区市场监督管理局"]
    tv = sorted((rnd.randint(300, 1400) for _ in top), reverse=True)
    listed = sum(tv) + 40
    doc.p("转办量居前五位的单位合计%s，依次为：%s。" % (
        doc.fig("前五位合计", listed), "、".join("%s（%d件）" % (u, v) for u, v in zip(top, tv))))
    for u, v in zip(top, tv):
        doc.figures.append({"label": u, "value": v, "unit": "件"})
    doc.sums.append({"label": "前五位", "total": listed, "parts": tv})
    doc.finding("parts_sum_mismatch", None, "", "", "error", str(listed), str(sum(tv)),
                note="five units add to %d, stated %d" % (sum(tv), listed))
    doc.blocks.append(("signature",))
    return doc


# ---------------------------------------------------------------------------
# 67 南湖: a weekly with 第N期 and the week in brackets under the title, 得分 at one decimal
#   and 排名 last, a two-way tie; clean
# ---------------------------------------------------------------------------

def nanhu():
    rnd = random.Random(6012)
    doc = Doc("probe-nanhu-2025-w03")
    meta(doc, ["南湖区12345热线工单办理质效周报"], "南湖区12345热线服务中心", (2025, 1, 21),
         period((2025, 1, 13), (2025, 1, 19), "2025年第3周"), issue_line="第3期（1月13日—1月19日）")
    doc.layout.update(style="weekly", signature=False, cms="gbk", threeline="threeline")
    cols = [P.unit("镇（街道）"), P.cnt("handled", "交办量"), P.cnt("on_time", "按期办结量"),
            P.rate("on_time_rate", "按期办结率", "on_time", "handled", dec=2), Col("score", "质效得分", "score", dec=1),
            Col("rank", "排名", "rank")]
    t = Table("附件", ["第3周各镇（街道）工单办理质效得分"], cols)
    us = towns(rnd, 14, ("镇", "街道"))
    fill(t, rnd, us, 8, 120)
    scores = sorted({Decimal(rnd.randint(700, 990)) / 10 for _ in range(40)}, reverse=True)[:len(us)]
    scores[4] = scores[3]
    for r, s in zip(t.data, scores):
        r["score"] = s
    P.competition_ranks(t)
    t.render()
    doc.blocks.append(("title",))
    doc.p("本周（1月13日—1月19日），区12345热线共向各镇（街道）交办工单%s，按期办结%s。" % (
        doc.fig("交办工单", colsum(t, "handled")), doc.fig("按期办结", colsum(t, "on_time"))))
    doc.checks.append({"label": "交办", "value": colsum(t, "handled"), "tables": [0], "column": "handled"})
    doc.blocks.append(("label", "附件"))
    doc.table(t)
    return doc


# ---------------------------------------------------------------------------
# 68 汇川: padded rates (100.00%) and zero rates written 0.00%, 回复率 and 解决率 with their
#   counts, rows sorted by 解决率; planted: a slipped 解决率
# ---------------------------------------------------------------------------

def huichuan():
    rnd = random.Random(6013)
    doc = Doc("probe-huichuan-2024-12")
    meta(doc, ["汇川区12月份12345热线工单办理情况"], "汇川区政务服务管理局", (2025, 1, 8),
         period((2024, 12, 1), (2024, 12, 31), "12月份"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("单位名称"), P.cnt("handled", "派单量"), P.cnt("replied", "回复量"),
            P.rate("reply_rate", "回复率", "replied", "handled", dec=2, style="pad"), P.cnt("resolved", "解决量"),
            P.rate("resolution_rate", "解决率", "resolved", "handled", dec=2, style="pad")]
    t = Table("附件", ["12月份各单位工单办理情况"], cols)
    fill(t, rnd, depts(rnd, 14, "区", utilities=3) + towns(rnd, 4, ("街道",)), 3, 110)
    t.data[2].update(handled=9, replied=9, resolved=9)
    t.data[5].update(handled=4, replied=4, resolved=0)
    t.data.sort(key=lambda r: (-r["resolved"] / r["handled"], r["unit"]))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("12月份，区12345热线派单%s，回复%s，解决%s。" % (
        doc.fig("派单", h), doc.fig("回复", colsum(t, "replied")), doc.fig("解决", colsum(t, "resolved"))))
    doc.checks.append({"label": "派单", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：12月份各单位工单办理情况")
    u = first_unit(t, lambda r: 0 < r["resolved"] < r["handled"] - 1, 4)
    P.slip(doc, 0, u, "resolution_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 69 永安: 截至2024年11月30日 cumulative, 〔2024〕第12期, rates with the full-width ％ in the
#   table; planted: the 合计 受理数 off its column
# ---------------------------------------------------------------------------

def yongan():
    rnd = random.Random(6014)
    doc = Doc("probe-yongan-2024-11")
    meta(doc, ["永安镇12345热线诉求办理情况（截至11月30日）"], "永安镇人民政府", (2024, 12, 3),
         period((2024, 1, 1), (2024, 11, 30), "截至2024年11月30日"), issue_line="〔2024〕第12期")
    doc.layout.update(style="brief", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("村（社区）"), P.cnt("handled", "受理数"), P.cnt("closed", "办结数"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=2), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "closed", dec=2)]
    t = Table("附件", ["截至11月30日各村（社区）诉求办理情况"], cols, total_unit="合计", total_position="bottom",
              rate_basis={"satisfaction_rate": ["satisfied", "closed"]},
              notes=["注：满意率＝满意数÷办结数。"])
    us = ["永安社区", "安康社区", "新桥村", "上塘村", "下塘村", "石门村", "大坪村", "青林村", "白水村", "高岭村"]
    fill(t, rnd, us, 20, 160)
    for r in t.data:
        r["satisfied"] = min(r["closed"], r["satisfied"])
    t.make_total()
    t.render()
    fullwidth_pct(t)
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("今年以来（截至11月30日），全镇共承办12345热线诉求%s，已办结%s。" % (
        doc.fig("承办12345热线诉求", h), doc.fig("已办结", colsum(t, "closed"))))
    doc.checks.append({"label": "承办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：截至11月30日各村（社区）诉求办理情况")
    P.total_off(doc, 0, "handled", 12)
    return doc


# ---------------------------------------------------------------------------
# 70 芙蓉: headers with inner spaces on every cell (工 单\n总 量, 办 结\n率), landscape, 合计 at
#   the bottom; planted: the 合计 办结率 slipped
# ---------------------------------------------------------------------------

def furong():
    rnd = random.Random(6015)
    doc = Doc("probe-furong-2024-04")
    meta(doc, ["芙蓉区2024年4月12345热线", "工单办理情况通报"], "芙蓉区12345政务服务热线管理中心", (2024, 5, 7),
         period((2024, 4, 1), (2024, 4, 30), "2024年4月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("单 位"), P.cnt("handled", "工 单\n总 量"), P.cnt("closed", "办 结\n数 量"),
            P.rate("closure_rate", "办 结\n率", "closed", "handled", dec=2), P.cnt("on_time", "按 期\n办 结"),
            P.rate("on_time_rate", "按 期\n办结率", "on_time", "handled", dec=2), P.cnt("satisfied", "满 意\n数 量"),
            P.rate("satisfaction_rate", "满 意\n率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["2024年4月各单位工单办理情况"], cols, total_unit="合计", total_position="bottom", landscape=True)
    fill(t, rnd, depts(rnd, 16, "区", utilities=3) + towns(rnd, 6, ("街道",)), 10, 260, visit=(1, 1))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("4月份，区12345热线共派发工单%s，办结%s，按期办结%s，群众满意%s。" % (
        doc.fig("派发工单", h), doc.fig("办结", colsum(t, "closed")), doc.fig("按期办结", colsum(t, "on_time")),
        doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "派发", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年4月各单位工单办理情况")
    P.slip(doc, 0, None, "closure_rate", "last")
    return doc


# ---------------------------------------------------------------------------
# 71 秀水: traditional with pinyin glosses in the prose and a two-level traditional header
#   (熱線電話 / 網上留言 / 合計 x 受理數 / 辦結數 / 辦結率); planted: a slipped 網上留言 辦結率
# ---------------------------------------------------------------------------

def xiushui():
    rnd = random.Random(6016)
    doc = Doc("probe-xiushui-2024-02")
    meta(doc, ["秀水縣2024年2月12345熱線分渠道辦理情況"], "秀水縣12345熱線服務中心", (2024, 3, 6),
         period((2024, 2, 1), (2024, 2, 29), "2024年2月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("單位")]
    for g in ("熱線電話", "網上留言", "合計"):
        cols += [P.cnt("handled", "受理數", g), P.cnt("closed", "辦結數", g),
                 P.rate("closure_rate", "辦結率", "closed", "handled", dec=2, group=g)]
    t = Table("附件", ["2月份各單位分渠道訴求辦理情況"], cols, landscape=True, font_pt=9,
              row_sums=[{"total": "handled", "parts": ["熱線電話/handled", "網上留言/handled"]},
                        {"total": "closed", "parts": ["熱線電話/closed", "網上留言/closed"]}])
    for c in t.cols:   # the overall group keeps plain keys in traditional script too
        if c.group == "合計" and c.kind == "rate":
            c.num, c.den = "closed", "handled"
    us = ["縣教育局", "縣公安局", "縣民政局", "縣財政局", "縣自然資源局", "縣住房和城鄉建設局", "縣交通運輸局",
          "縣農業農村局", "縣衛生健康局", "縣市場監督管理局", "秀水鎮", "東溪鎮", "南嶺鄉", "西橋鎮"]
    for u in us:
        a, b = P.counts(rnd, 10, 140, closed=(0.9, 1.0)), P.counts(rnd, 2, 40, closed=(0.85, 1.0))
        t.add(P.channel_row(u, 0, [("熱線電話", a), ("網上留言", b)], ["handled", "closed"], overall=True))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2月份，縣12345熱線(xiàn)共受理群眾訴(sù)求%s，其中熱線電話%s，網上留言%s，辦結(jié)%s。" % (
        doc.fig("受理群眾訴求", h), doc.fig("熱線電話", colsum(t, "熱線電話/handled")),
        doc.fig("網上留言", colsum(t, "網上留言/handled")), doc.fig("辦結", colsum(t, "closed"))))
    doc.sums.append({"label": "受理", "total": h, "parts": [colsum(t, "熱線電話/handled"), colsum(t, "網上留言/handled")]})
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2月份各單位分渠道訴求辦理情況")
    u = first_unit(t, lambda r: 0 < r["網上留言/closed"] < r["網上留言/handled"])
    P.slip(doc, 0, u, "網上留言/closure_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 72 东埠: a weekly with two tables: a ranking (排名 | 单位 | 得分) and a detail table whose rates
#   sit at one decimal; warning: a rate at 0 decimals in that 1-decimal column
# ---------------------------------------------------------------------------

def dongbu():
    rnd = random.Random(6017)
    doc = Doc("probe-dongbu-2024-w50")
    meta(doc, ["东埠县12345热线第50周工单办理情况"], "东埠县12345热线管理中心", (2024, 12, 17),
         period((2024, 12, 9), (2024, 12, 15), "2024年第50周"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="threeline")
    us = towns(rnd, 10, ("镇", "乡"))
    t1 = Table("附件1", ["第50周各乡镇综合得分排名"], [Col("rank", "排名", "rank"), P.unit("乡镇"),
                                                 Col("score", "得分", "score", dec=1)])
    scores = sorted({Decimal(rnd.randint(750, 990)) / 10 for _ in range(30)}, reverse=True)[:len(us)]
    for u, s in zip(us, scores):
        t1.add({"unit": u, "score": s})
    P.competition_ranks(t1)
    t1.render()
    cols = [P.unit("乡镇"), P.cnt("handled", "交办件"), P.cnt("on_time", "按时办结件"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=1), P.cnt("satisfied", "满意件"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=1)]
    t2 = Table("附件2", ["第50周各乡镇工单办理明细"], cols)
    fill(t2, rnd, us, 10, 90, visit=(1, 1))
    t2.render()
    h = colsum(t2, "handled")
    doc.blocks.append(("title",))
    doc.p("2024年第50周（12月9日至12月15日），县12345热线向各乡镇交办工单%s，按时办结%s。" % (
        doc.fig("交办工单", h), doc.fig("按时办结", colsum(t2, "on_time"))))
    doc.checks.append({"label": "交办", "value": h, "tables": [1], "column": "handled"})
    doc.blocks.append(("attach", ["附件：1．第50周各乡镇综合得分排名", "2．第50周各乡镇工单办理明细"]))
    doc.blocks.append(("signature",))
    for t in (t1, t2):
        doc.blocks.append(("label", t.label))
        doc.table(t)
    cand = P.precision_candidates(t2, "satisfaction_rate", 0)
    P.precision(doc, 1, cand[0], "satisfaction_rate", 0)
    return doc


# ---------------------------------------------------------------------------
# 73 临江: a red-head 文件 for a quarter (2024年第二季度) with columns 承办量 / 及时办结量 /
#   及时办结率 / 群众满意量 / 群众满意率 and thousands separators; planted: a rate over the wrong
#   base, narrative count off its table (warning)
# ---------------------------------------------------------------------------

def linjiang():
    rnd = random.Random(6018)
    doc = Doc("probe-linjiang-2024-q2")
    meta(doc, ["临江市2024年第二季度12345热线", "工单办理情况的通报"], "临江市人民政府办公室", (2024, 7, 10),
         period((2024, 4, 1), (2024, 6, 30), "2024年第二季度"), masthead="临江市人民政府办公室文件",
         doc_number="临政办发〔2024〕21号")
    doc.layout.update(style="redhead", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("县（市、区）"), P.cnt("handled", "承办量"), P.cnt("on_time", "及时办结量"),
            P.rate("on_time_rate", "及时办结率", "on_time", "handled", dec=2), P.cnt("visited", "回访量"),
            P.cnt("satisfied", "群众满意量"),
            P.rate("satisfaction_rate", "群众满意率", "satisfied", "visited", dec=2)]
    t = Table("附件", ["2024年第二季度各县（市、区）工单办理情况"], cols, thousands=True,
              rate_basis={"satisfaction_rate": ["satisfied", "visited"]},
              notes=["注：群众满意率＝群众满意量÷回访量。"])
    fill(t, rnd, ["临城区", "江北区", "江南区", "新港区", "东川县", "西坪县", "南溪县", "临江高新区"], 900, 6000,
         visit=(0.4, 0.7))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.blocks.append(("salutation", "各县（市、区）人民政府，市政府各部门："))
    doc.p("第二季度，市12345热线向各县（市、区）交办工单%s件，及时办结%s件。" % (
        thousands(h + 150), thousands(colsum(t, "on_time"))))
    doc.figures += [{"label": "交办工单", "value": h + 150, "unit": "件"},
                    {"label": "及时办结", "value": colsum(t, "on_time"), "unit": "件"}]
    doc.checks.append({"label": "交办", "value": h + 150, "tables": [0], "column": "handled"})
    doc.finding("table_vs_narrative", 0, "", "handled", "warning", thousands(h + 150), thousands(h),
                note="prose 交办 150 above the table sum")
    attachment(doc, t, "附件：2024年第二季度各县（市、区）工单办理情况")
    u = first_unit(t, lambda r: r["visited"] < r["handled"] * 0.7, 2)
    P.wrong_base(doc, 0, u, "satisfaction_rate", "handled")
    return doc


# ---------------------------------------------------------------------------
# 74 长宁: 诉求量 / 办结量 / 未办结量 with 诉求量 = 办结量 + 未办结量, 不满意量, rates at 1
#   decimal with trailing zeros padded (98.0%), 合计 on top; planted: a row whose parts do not
#   add up (so the 合计 未办结量 no longer matches its column either)
# ---------------------------------------------------------------------------

def changning():
    rnd = random.Random(6019)
    doc = Doc("probe-changning-2024-02")
    meta(doc, ["长宁县2024年2月份12345热线诉求办理情况"], "长宁县12345便民服务热线中心", (2024, 3, 5),
         period((2024, 2, 1), (2024, 2, 29), "2024年2月份"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="threeline")
    cols = [P.seq(), P.unit("承办单位"), P.cnt("handled", "诉求量"), P.cnt("closed", "办结量"), P.cnt("open", "未办结量"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=1, style="pad"),
            P.cnt("visited", "回访量"), P.cnt("dissatisfied", "不满意量"),
            P.rate("dissatisfaction_rate", "不满意率", "dissatisfied", "visited", dec=1, style="pad")]
    t = Table("附件", ["2024年2月份各承办单位诉求办理情况"], cols, total_unit="合计", total_position="top",
              row_sums=[{"total": "handled", "parts": ["closed", "open"]}],
              rate_basis={"dissatisfaction_rate": ["dissatisfied", "visited"]})
    fill(t, rnd, depts(rnd, 12, "县", utilities=2) + towns(rnd, 6, ("镇",)), 15, 200, seq=True,
         closed=(0.9, 1.0), sat=(0.85, 0.99))
    t.make_total()
    t.total["seq"] = ""
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2月份，县12345热线共受理群众诉求%s，已办结%s，尚未办结%s。" % (
        doc.fig("受理群众诉求", h), doc.fig("已办结", colsum(t, "closed")), doc.fig("尚未办结", colsum(t, "open"))))
    doc.sums.append({"label": "受理", "total": h, "parts": [colsum(t, "closed"), colsum(t, "open")]})
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年2月份各承办单位诉求办理情况")
    i = next(i for i, r in enumerate(t.data) if i > 5 and r["open"] > 0)
    r = t.data[i]
    P.count_off(doc, 0, r["unit"], "open", r["open"] + 3, rule="count_sum_mismatch",
                note="办结量 + 未办结量 is 诉求量 + 3", extra_alts=["handled", "closed"])
    # the 合计 row was summed from the true counts, so its 未办结量 is now 3 short of the column
    tot = t.cell(None, "open")
    doc.finding("total_mismatch", 0, "合计", "open", "error", tot, str(int(tot) + 3),
                note="合计 未办结量 against the column as printed", alt_units=[""])
    return doc


# ---------------------------------------------------------------------------
# 75 松江: a 简报 masthead with 总第N期, a month in a 3-month cycle; rates without counts with
#   the 满意率 base given as 参评工单 (not printed); planted: a GRIM failure
# ---------------------------------------------------------------------------

def songjiang():
    rnd = random.Random(6020)
    doc = Doc("probe-songjiang-2024-06")
    meta(doc, ["6月份12345热线工单办理质效情况"], "松江区12345热线工作专班", (2024, 7, 5),
         period((2024, 6, 1), (2024, 6, 30), "6月份"), masthead="热线工作动态",
         issue_line="2024年第6期（总第58期）")
    doc.layout.update(style="jianbao", signature=False, cms="gbk", threeline="borderless")
    cols = [P.seq(), P.unit("责任单位"), P.cnt("handled", "受理工单数"),
            P.rate("on_time_rate", "按时办结率", None, "handled", dec=2),
            P.rate("resolution_rate", "问题解决率", None, "handled", dec=2),
            P.rate("satisfaction_rate", "群众满意率", None, "handled", dec=2)]
    t = Table("附件", ["6月份各责任单位工单办理质效"], cols,
              rate_basis={"on_time_rate": [None, "handled"], "resolution_rate": [None, "handled"],
                          "satisfaction_rate": [None, "handled"]},
              notes=["注：各项比率均以受理工单数为基数。"])
    fill(t, rnd, depts(rnd, 15, "区", utilities=3) + towns(rnd, 5, ("街道",)), 6, 70, seq=True)
    t.render()
    doc.blocks.append(("title",))
    doc.p("6月份，区12345热线共受理工单%s，各责任单位按时办结率、问题解决率、群众满意率详见附件。" % (
        doc.fig("受理工单", colsum(t, "handled"))))
    doc.checks.append({"label": "受理", "value": colsum(t, "handled"), "tables": [0], "column": "handled"})
    doc.blocks.append(("label", "附件"))
    doc.table(t)
    u = first_unit(t, lambda r: 9 <= r["handled"] <= 45)
    P.grim(doc, 0, u, "resolution_rate")
    return doc


# ---------------------------------------------------------------------------
# 76 白鹭: 11月份
#   with 1—11月 cumulative narrative, shares of a channel list with 约占; planted: a share off
# ---------------------------------------------------------------------------

def bailu():
    rnd = random.Random(6021)
    doc = Doc("probe-bailu-2024-11")
    meta(doc, ["白鹭区11月份12345热线运行情况"], "白鹭区政务服务热线管理中心", (2024, 12, 2),
         period((2024, 11, 1), (2024, 11, 30), "11月份"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "办件量"), P.cnt("on_time", "按时办结"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2), P.cnt("satisfied", "群众满意"),
            P.rate("satisfaction_rate", "群众满意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["11月份各单位办件情况"], cols)
    fill(t, rnd, depts(rnd, 12, "区", utilities=2) + towns(rnd, 5, ("街道",)), 20, 300, visit=(1, 1))
    t.render()
    h = colsum(t, "handled")
    tot = h + rnd.randint(2000, 3000)
    phone = round(tot * 0.58)
    web = round(tot * 0.27)
    app = tot - phone - web
    sh = [share(x, tot, 1) for x in (phone, web, app)]
    sh[1] = fmt_dec(pct(web, tot, 1) + Decimal("3.0"), 1, "pad") + "%"
    doc.blocks.append(("title",))
    doc.p("11月份，区12345热线共受理群众诉求%s，其中来电%s，约占%s；网络留言%s，约占%s；小程序%s，约占%s。" % (
        doc.fig("受理群众诉求", tot), doc.fig("来电", phone), sh[0], doc.fig("网络留言", web), sh[1],
        doc.fig("小程序", app), sh[2]))
    doc.sums.append({"label": "受理", "total": tot, "parts": [phone, web, app]})
    for n, c, s in zip(["来电", "网络", "小程序"], (phone, web, app), sh):
        doc.shares.append({"label": n, "count": c, "share": s, "base": tot})
    doc.finding("share_mismatch", None, "", "", "error", sh[1], share(web, tot, 1), note="网络留言 share 3 points high")
    doc.p("转办各单位%s，按时办结%s。1—11月累计受理%s。" % (
        doc.fig("转办各单位", h), doc.fig("按时办结", colsum(t, "on_time")), doc.fig("1—11月累计受理", tot * 10 + 517)))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：11月份各单位办件情况")
    return doc


# ---------------------------------------------------------------------------
# 77 星城: one table of units grouped by kind under section rows (一、区直部门 / 二、街道 /
#   三、公共服务企业), each kind closed by its subtotal (区直部门小计 …), 合计 at the bottom over
#   the units; planted: a subtotal's 按时办结数 off its kind's rows, a slipped rate
# ---------------------------------------------------------------------------

def xingcheng():
    rnd = random.Random(6022)
    doc = Doc("probe-xingcheng-2024-10")
    meta(doc, ["星城区2024年10月12345热线工单办理情况"], "星城区12345政务服务热线中心", (2024, 11, 5),
         period((2024, 10, 1), (2024, 10, 31), "2024年10月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "受理数"), P.cnt("on_time", "按时办结数"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["2024年10月各单位工单办理情况"], cols, total_unit="合计", total_position="bottom")
    kinds = [("一、区直部门", "区直部门小计", depts(rnd, 8, "区"), 10, 160),
             ("二、街道", "街道小计", towns(rnd, 5, ("街道",)), 60, 300),
             ("三、公共服务企业", "公共服务企业小计", ["供电公司", "自来水公司", "燃气公司", "电信公司"], 5, 80)]
    for heading, sub, units, lo, hi in kinds:
        t.section(heading)
        fill(t, rnd, units, lo, hi, visit=(1, 1))
        t.add_subtotal(sub)
    t.make_total()
    t.render()
    h = sum(r["handled"] for r in t.unit_rows())
    doc.blocks.append(("title",))
    doc.p("10月份，区12345热线共向各单位转办工单%s，其中区直部门%s、街道%s、公共服务企业%s。" % (
        doc.fig("转办工单", h), doc.fig("区直部门", t.data[8]["handled"]), doc.fig("街道", t.data[14]["handled"]),
        doc.fig("公共服务企业", t.data[19]["handled"])))
    doc.sums.append({"label": "转办", "total": h, "parts": [t.data[8]["handled"], t.data[14]["handled"],
                                                           t.data[19]["handled"]]})
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年10月各单位工单办理情况")
    sub = t.data[14]
    P.count_off(doc, 0, "街道小计", "on_time", sub["on_time"] + 6, rule="total_mismatch",
                note="街道小计 按时办结数 6 above its rows")
    u = first_unit(t, lambda r: r["unit"].startswith("区") and r["on_time"] < r["handled"] - 1, 1)
    P.slip(doc, 0, u, "on_time_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 78 北塘: units under （一）（二） section rows with 序号 restarting in each, 合计 on top, no
#   subtotals; planted: a 满意率 over 受理量 instead of 回访量
# ---------------------------------------------------------------------------

def beitang():
    rnd = random.Random(6023)
    doc = Doc("probe-beitang-2024-05")
    meta(doc, ["北塘县2024年5月12345热线诉求办理情况"], "北塘县政务服务中心", (2024, 6, 4),
         period((2024, 5, 1), (2024, 5, 31), "2024年5月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.seq(), P.unit("单位名称"), P.cnt("handled", "受理量"), P.cnt("closed", "办结量"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=2), P.cnt("visited", "回访量"),
            P.cnt("satisfied", "满意量"), P.rate("satisfaction_rate", "满意率", "satisfied", "visited", dec=2)]
    t = Table("附件", ["2024年5月各单位诉求办理情况"], cols, total_unit="合计", total_position="top",
              rate_basis={"satisfaction_rate": ["satisfied", "visited"]},
              notes=["注：满意率＝满意量÷回访量。"])
    t.section("（一）县直部门")
    fill(t, rnd, depts(rnd, 10, "县", utilities=2), 12, 200, seq=True, visit=(0.5, 0.8))
    t.section("（二）乡镇")
    n = len(t.data)
    fill(t, rnd, towns(rnd, 7, ("镇", "乡")), 40, 260, visit=(0.5, 0.8))
    for i, r in enumerate(t.data[n:]):
        r["seq"] = i + 1
    t.make_total()
    t.total["seq"] = ""
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("5月份，县12345热线共受理群众诉求%s，办结%s，回访%s。" % (
        doc.fig("受理群众诉求", h), doc.fig("办结", colsum(t, "closed")), doc.fig("回访", colsum(t, "visited"))))
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年5月各单位诉求办理情况")
    u = first_unit(t, lambda r: r["visited"] < r["handled"] * 0.75 and r["satisfied"] > 5, 2)
    P.wrong_base(doc, 0, u, "satisfaction_rate", "handled")
    return doc


# ---------------------------------------------------------------------------
# 79-82: period forms the other cases do not print: 年度 (issued in the new year), 前三季度
#   (a title without a year), 第四季度 issued in January in Chinese numerals, two months
#   (2024年3—4月); each with a small table and one planted error or none
# ---------------------------------------------------------------------------

def period_case(case, seed, title, issuer, issued, per, sentence, plant=None, issued_text=None, **extra):
    rnd = random.Random(seed)
    doc = Doc(case)
    meta(doc, title, issuer, issued, per, issued_text=issued_text, **extra)
    doc.layout.update(style="plain", signature=True, cms=["gbk", "utf8", "gb2312", "classic"][seed % 4],
                      threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "交办件数"), P.cnt("closed", "办结件数"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=2), P.cnt("satisfied", "满意件数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2)]
    tt = "%s各单位工单办理情况" % per["label"]
    t = Table("附件", [tt], cols, total_unit="合计", total_position="bottom")
    fill(t, rnd, depts(rnd, 10, "区", utilities=2) + towns(rnd, 5, ("街道",)), 20, 400, visit=(1, 1))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p(sentence % (doc.fig("交办工单", h), doc.fig("办结", colsum(t, "closed"))))
    doc.checks.append({"label": "交办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：" + tt)
    if plant:
        plant(doc, t)
    return doc


def nianxi():
    return period_case("probe-nianxi-2024-y", 6024, ["年溪区2024年度12345热线工作情况通报"], "年溪区12345热线服务中心",
                       (2025, 1, 15), period((2024, 1, 1), (2024, 12, 31), "2024年度"),
                       "2024年度，区12345热线共向各单位交办工单%s，办结%s。",
                       lambda doc, t: P.slip(doc, 0, first_unit(t, lambda r: r["closed"] < r["handled"] - 1),
                                             "closure_rate", "units"))


def qianshan():
    return period_case("probe-qianshan-2024-q1q3", 6025, ["全区12345热线前三季度运行情况"], "千山区政务服务管理办公室",
                       (2024, 10, 10), period((2024, 1, 1), (2024, 9, 30), "前三季度"),
                       "前三季度，区12345热线共交办工单%s，办结%s。")


def dongling():
    return period_case("probe-dongling-2024-q4", 6026, ["第四季度12345热线工单办理情况通报"], "东岭县12345热线办公室",
                       (2025, 1, 6), period((2024, 10, 1), (2024, 12, 31), "第四季度"),
                       "第四季度，县12345热线共交办工单%s，办结%s。", issued_text=cn_date(2025, 1, 6),
                       plant=lambda doc, t: P.total_off(doc, 0, "satisfied", -9))


def shuangyue():
    return period_case("probe-shuangyue-2024-03-04", 6027, ["双月区2024年3—4月12345热线工单办理情况"],
                       "双月区12345热线运行中心", (2024, 5, 8), period((2024, 3, 1), (2024, 4, 30), "2024年3—4月"),
                       "3—4月，区12345热线共交办工单%s，办结%s。")


# ---------------------------------------------------------------------------
# 83 国道: unit names holding digits and Latin letters (207国道公路管理站, G15沈海高速管理处,
#   第二人民医院), rates at one decimal; planted: a slipped 办结率
# ---------------------------------------------------------------------------

def guodao():
    rnd = random.Random(6028)
    doc = Doc("probe-guodao-2024-06")
    meta(doc, ["海塘县2024年6月12345热线工单办理情况"], "海塘县12345热线服务中心", (2024, 7, 3),
         period((2024, 6, 1), (2024, 6, 30), "2024年6月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("承办单位"), P.cnt("handled", "工单数"), P.cnt("closed", "办结数"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=1), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=1)]
    t = Table("附件", ["6月份各承办单位工单办理情况"], cols)
    us = ["207国道公路管理站", "G15沈海高速海塘管理处", "县第二人民医院", "县第三中学", "县110指挥中心",
          "县12345热线平台", "5G网络建设办公室"] + depts(rnd, 8, "县") + towns(rnd, 4, ("镇",))
    fill(t, rnd, us, 6, 160, visit=(1, 1))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("6月份，县12345热线共转办工单%s，办结%s，群众满意%s。" % (
        doc.fig("转办工单", h), doc.fig("办结", colsum(t, "closed")), doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：6月份各承办单位工单办理情况")
    u = first_unit(t, lambda r: r["closed"] < r["handled"] - 1, 0)
    P.slip(doc, 0, u, "closure_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 84 三渠: a wide two-level header (合计 / 热线电话 / 网上留言 / 来信 x 受理数 / 办结数 /
#   办结率), 14 columns in landscape at 8 points; planted: a 来信 count that breaks its row sum
# ---------------------------------------------------------------------------

def sanqu():
    rnd = random.Random(6029)
    doc = Doc("probe-sanqu-2024-08")
    meta(doc, ["三渠区2024年8月12345热线分渠道诉求办理情况"], "三渠区政务服务和数据管理局", (2024, 9, 5),
         period((2024, 8, 1), (2024, 8, 31), "2024年8月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    groups = ["合计", "热线电话", "网上留言", "来信"]
    cols = [P.seq(), P.unit("单位")]
    for g in groups:
        cols += [P.cnt("handled", "受理数", g), P.cnt("closed", "办结数", g),
                 P.rate("closure_rate", "办结率", "closed", "handled", dec=2, group=g)]
    t = Table("附件", ["2024年8月各单位分渠道诉求办理情况"], cols, landscape=True, font_pt=8,
              row_sums=[{"total": "handled", "parts": ["热线电话/handled", "网上留言/handled", "来信/handled"]},
                        {"total": "closed", "parts": ["热线电话/closed", "网上留言/closed", "来信/closed"]}])
    us = depts(rnd, 14, "区", utilities=3) + towns(rnd, 5, ("街道",))
    for i, u in enumerate(us):
        chans = [("热线电话", P.counts(rnd, 10, 150, closed=(0.9, 1.0))), ("网上留言", P.counts(rnd, 2, 50, closed=(0.85, 1.0))),
                 ("来信", P.counts(rnd, 1, 9, closed=(0.8, 1.0)))]
        t.add(P.channel_row(u, i + 1, chans, ["handled", "closed"], overall=True))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("8月份，区12345热线共受理群众诉求%s，其中热线电话%s、网上留言%s、来信%s。" % (
        doc.fig("受理群众诉求", h), doc.fig("热线电话", colsum(t, "热线电话/handled")),
        doc.fig("网上留言", colsum(t, "网上留言/handled")), doc.fig("来信", colsum(t, "来信/handled"))))
    doc.sums.append({"label": "受理", "total": h, "parts": [colsum(t, "热线电话/handled"), colsum(t, "网上留言/handled"),
                                                           colsum(t, "来信/handled")]})
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年8月各单位分渠道诉求办理情况")
    i = 6
    P.count_off(doc, 0, us[i], "来信/handled", t.data[i]["来信/handled"] + 4, rule="count_sum_mismatch",
                note="来信 受理数 4 too high", extra_alts=["handled", "热线电话/handled", "网上留言/handled"])
    return doc


# ---------------------------------------------------------------------------
# 85 印发: a red-head 文件 without a closing signature: the issuer and the date only in the
#   印发 line of the footer; clean
# ---------------------------------------------------------------------------

def yinfa():
    rnd = random.Random(6030)
    doc = Doc("probe-yinfa-2024-09")
    meta(doc, ["关于2024年9月份12345热线", "工单办理情况的通报"], "印溪县人民政府办公室", (2024, 10, 12),
         period((2024, 9, 1), (2024, 9, 30), "2024年9月份"), masthead="印溪县人民政府办公室文件",
         doc_number="印政办〔2024〕58号")
    doc.layout.update(style="redhead", signature=False, cms="gbk", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "交办件数"), P.cnt("on_time", "按期办结件数"),
            P.rate("on_time_rate", "按期办结率", "on_time", "handled", dec=2)]
    t = Table("附件", ["2024年9月份各单位工单办理情况"], cols)
    fill(t, rnd, depts(rnd, 12, "县", utilities=2) + towns(rnd, 5, ("镇", "乡")), 10, 150)
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.blocks.append(("salutation", "各乡镇人民政府，县政府各部门："))
    doc.p("现将2024年9月份全县12345热线工单办理情况通报如下：9月份共交办工单%s，按期办结%s。" % (
        doc.fig("交办工单", h), doc.fig("按期办结", colsum(t, "on_time"))))
    doc.checks.append({"label": "交办", "value": h, "tables": [0], "column": "handled"})
    doc.blocks.append(("attach", ["附件：2024年9月份各单位工单办理情况"]))
    doc.blocks.append(("label", t.label))
    doc.table(t)
    doc.blocks.append(("footer", ["抄送：县委办公室，县人大常委会办公室，县政协办公室。",
                                  "印溪县人民政府办公室　　　　2024年10月12日印发"]))
    return doc


# ---------------------------------------------------------------------------
# 86 澗東: traditional script throughout a grouped table: section rows (一、縣直部門 / 二、鄉鎮),
#   subtotals (縣直部門小計 / 鄉鎮小計), 合計 on top, rates with a full-width ％; planted: a
#   slipped 滿意率
# ---------------------------------------------------------------------------

def jiandong():
    rnd = random.Random(6031)
    doc = Doc("probe-jiandong-2024-07")
    meta(doc, ["澗東縣2024年7月12345熱線工單辦理情況"], "澗東縣政務服務管理局", (2024, 8, 6),
         period((2024, 7, 1), (2024, 7, 31), "2024年7月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("單位"), P.cnt("handled", "受理件數"), P.cnt("closed", "辦結件數"),
            P.rate("closure_rate", "辦結率", "closed", "handled", dec=2), P.cnt("satisfied", "滿意件數"),
            P.rate("satisfaction_rate", "滿意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["7月份各單位工單辦理情況"], cols, total_unit="合計", total_position="top")
    t.section("一、縣直部門")
    fill(t, rnd, ["縣教育局", "縣公安局", "縣民政局", "縣財政局", "縣交通運輸局", "縣衛生健康局"], 15, 180, visit=(1, 1))
    t.add_subtotal("縣直部門小計")
    t.section("二、鄉鎮")
    fill(t, rnd, ["澗東鎮", "南橋鎮", "北嶺鄉", "西灣鎮", "雲台鄉"], 30, 240, visit=(1, 1))
    t.add_subtotal("鄉鎮小計")
    t.make_total()
    t.render()
    fullwidth_pct(t)
    h = sum(r["handled"] for r in t.unit_rows())
    doc.blocks.append(("title",))
    doc.p("7月份，縣12345熱線共受理群眾訴求%s，辦結%s。" % (
        doc.fig("受理群眾訴求", h), doc.fig("辦結", sum(r["closed"] for r in t.unit_rows()))))
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：7月份各單位工單辦理情況")
    u = first_unit(t, lambda r: 0 < r["satisfied"] < r["handled"] - 1, 1)
    P.slip(doc, 0, u, "satisfaction_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 87 占比: narrative shares in other phrasings (占比分别为…, 依次为…, 各占…), a change in 个百分点;
#   planted: a share list over the wrong base
# ---------------------------------------------------------------------------

def zhanbi():
    rnd = random.Random(6032)
    doc = Doc("probe-zhanbi-2024-11")
    meta(doc, ["占城区11月份12345热线诉求分析"], "占城区12345热线管理办公室", (2024, 12, 4),
         period((2024, 11, 1), (2024, 11, 30), "11月份"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="threeline")
    total = 9000 + rnd.randint(0, 2000)
    consult = round(total * 0.41)
    help_ = round(total * 0.27)
    complain = round(total * 0.19)
    other = total - consult - help_ - complain
    doc.blocks.append(("title",))
    vals = [consult, help_, complain, other]
    sh = [share(v, total) for v in vals]
    doc.p("11月份，区12345热线共受理群众诉求%s，其中咨询类、求助类、投诉类和其他类诉求依次为%s件、%s件、%s件和%s件，"
          "占比分别为%s、%s、%s和%s。" % ((doc.fig("受理群众诉求", total),) + tuple(vals) + tuple(sh)))
    for n, v, x in zip(["咨询类", "求助类", "投诉类", "其他类"], vals, sh):
        doc.figures.append({"label": n, "value": v, "unit": "件"})
        doc.shares.append({"label": n, "count": v, "share": x, "base": total})
    doc.sums.append({"label": "类型", "total": total, "parts": vals})
    dispatched = round(total * 0.62)
    a = round(dispatched * 0.55)
    b = dispatched - a
    wrong = [share(a, total), share(b, total)]
    doc.p("转办各单位%s，其中区直部门%s、街道%s，各占%s、%s。" % (
        doc.fig("转办各单位", dispatched), doc.fig("区直部门", a), doc.fig("街道", b), wrong[0], wrong[1]))
    doc.sums.append({"label": "转办", "total": dispatched, "parts": [a, b]})
    for n, v, x in zip(["区直部门", "街道"], (a, b), wrong):
        doc.shares.append({"label": n, "count": v, "share": x, "base": dispatched, "group": "转办"})
    doc.finding("share_mismatch", None, "", "", "error", wrong[0], share(a, dispatched),
                note="区直部门 and 街道 shares computed over the total, not over 转办")
    doc.p("群众满意率较上月提升0.8个百分点。")
    doc.blocks.append(("signature",))
    return doc


# ---------------------------------------------------------------------------
# 88 提点: rates with their earlier values in brackets and the change in 个百分点, before the
#   change (较上月（96.6%）提升…) and after it (…（去年同期为95.6%）); planted: one change
#   that its two rates do not give
# ---------------------------------------------------------------------------

def tidian():
    rnd = random.Random(6033)
    doc = Doc("probe-tidian-2024-09")
    meta(doc, ["提坝区2024年9月12345热线运行情况"], "提坝区12345热线服务中心", (2024, 10, 8),
         period((2024, 9, 1), (2024, 9, 30), "2024年9月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    doc.points = []
    cols = [P.unit("单位"), P.cnt("handled", "工单量"), P.cnt("on_time", "按时办结量"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2)]
    t = Table("附件", ["9月份各单位工单办理情况"], cols)
    fill(t, rnd, depts(rnd, 10, "区", utilities=2) + towns(rnd, 4, ("街道",)), 20, 260)
    t.render()
    h, ot = colsum(t, "handled"), colsum(t, "on_time")
    now1 = fmt_pct(ot, h, 2)
    before1 = fmt_dec(pct(ot, h, 2) - Decimal("0.87"), 2, "pad") + "%"
    pts1 = "0.87"
    now2, before2, pts2 = "97.4%", "95.9%", "1.2"   # 97.4 - 95.9 = 1.5: planted
    now3, before3, pts3 = "98.6%", "99.1%", "0.5"
    doc.blocks.append(("title",))
    doc.p("9月份，区12345热线共转办工单%s，按时办结%s，按时办结率%s，较上月（%s）提升%s个百分点。" % (
        doc.fig("转办工单", h), doc.fig("按时办结", ot), now1, before1, pts1))
    doc.p("回访满意率%s，同比提升%s个百分点（去年同期为%s）；按时回复率%s，同比下降%s个百分点（去年同期%s）。" % (
        now2, pts2, before2, now3, pts3, before3))
    doc.points += [{"label": "按时办结率", "now": now1, "before": before1, "points": pts1, "direction": "up"},
                   {"label": "回访满意率", "now": now2, "before": before2, "points": pts2, "direction": "up"},
                   {"label": "按时回复率", "now": now3, "before": before3, "points": pts3, "direction": "down"}]
    doc.rates.append({"label": "按时办结率", "num": ot, "den": h, "rate": now1})
    doc.finding("change_mismatch", None, "", "", "error", pts2 + "个百分点", "1.5个百分点",
                note="97.4% − 95.9% is 1.5 points, printed 1.2")
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：9月份各单位工单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 89 双表: two tables right after each other under their titles only (no 附件 labels, no text
#   between them), borderless, the second with a 备注 text column at its end; planted: a
#   slipped rate in the second
# ---------------------------------------------------------------------------

def shuangbiao():
    rnd = random.Random(6034)
    doc = Doc("probe-shuangbiao-2024-04")
    meta(doc, ["双河县2024年4月12345热线工单办理情况"], "双河县12345热线运行中心", (2024, 5, 7),
         period((2024, 4, 1), (2024, 4, 30), "2024年4月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="borderless", attach_page_break=False)
    cols1 = [P.unit("县直部门"), P.cnt("handled", "受理数"), P.cnt("closed", "办结数"),
             P.rate("closure_rate", "办结率", "closed", "handled", dec=2)]
    t1 = Table("", ["表一  县直部门工单办理情况"], cols1)
    fill(t1, rnd, depts(rnd, 8, "县"), 10, 140)
    t1.render()
    cols2 = [P.unit("乡镇"), P.cnt("handled", "受理数"), P.cnt("closed", "办结数"),
             P.rate("closure_rate", "办结率", "closed", "handled", dec=2), P.text("备注", "备注")]
    t2 = Table("", ["表二  乡镇工单办理情况"], cols2)
    us2 = towns(rnd, 7, ("镇", "乡"))
    fill(t2, rnd, us2, 20, 200)
    for i, r in enumerate(t2.data):
        r["备注"] = "新设" if i == 2 else ("合并" if i == 5 else "")
    t2.render()
    a, b = colsum(t1, "handled"), colsum(t2, "handled")
    doc.blocks.append(("title",))
    doc.p("4月份，县12345热线向县直部门转办工单%s，向乡镇转办工单%s。各单位办理情况如下。" % (
        doc.fig("县直部门", a), doc.fig("乡镇", b)))
    doc.checks += [{"label": "县直", "value": a, "tables": [0], "column": "handled"},
                   {"label": "乡镇", "value": b, "tables": [1], "column": "handled"}]
    doc.table(t1)
    doc.table(t2)
    doc.blocks.append(("signature",))
    u = first_unit(t2, lambda r: r["closed"] < r["handled"] - 1, 1)
    P.slip(doc, 1, u, "closure_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 90 小表: a table of three units only (县区), rates at one decimal, the 合计 row first with
#   its own rate; clean
# ---------------------------------------------------------------------------

def xiaobiao():
    rnd = random.Random(6035)
    doc = Doc("probe-xiaobiao-2024-08")
    meta(doc, ["小川市2024年8月12345热线运行简况"], "小川市12345政务服务热线中心", (2024, 9, 3),
         period((2024, 8, 1), (2024, 8, 31), "2024年8月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.unit("县（区）"), P.cnt("handled", "转办量"), P.cnt("on_time", "按时办结量"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=1)]
    t = Table("附件", ["2024年8月各县（区）转办工单办理情况"], cols, total_unit="合计", total_position="top")
    fill(t, rnd, ["小川区", "东坪县", "西岭县"], 800, 3000)
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("8月份，市12345热线向各县（区）转办工单%s，按时办结%s。" % (
        doc.fig("转办工单", h), doc.fig("按时办结", colsum(t, "on_time"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年8月各县（区）转办工单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 91 杂符: stray marks in the table as a CMS copy has them: a rate with a space before its %
#   ("96.40 %"), 99.80% padded, a unit with no orders ("/" in its rate); planted: a slipped rate
# ---------------------------------------------------------------------------

def zafu():
    rnd = random.Random(6036)
    doc = Doc("probe-zafu-2024-05")
    meta(doc, ["杂溪区2024年5月12345热线工单办理情况"], "杂溪区政务服务中心", (2024, 6, 5),
         period((2024, 5, 1), (2024, 5, 31), "2024年5月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "工单量"), P.cnt("closed", "办结量"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=2, style="pad")]
    t = Table("附件", ["5月份各单位工单办理情况"], cols)
    t.zero_rate = "/"
    fill(t, rnd, depts(rnd, 12, "区", utilities=2) + towns(rnd, 4, ("街道",)), 8, 300)
    t.data[3].update(handled=500, closed=499)
    t.data[6].update(handled=0, closed=0)
    t.render()
    r9 = t.data[9]
    t.set_cell(r9["unit"], "closure_rate", fmt_pct(r9["closed"], r9["handled"], 2, style="pad").replace("%", " %"))
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("5月份，区12345热线共转办工单%s，办结%s。" % (doc.fig("转办工单", h), doc.fig("办结", colsum(t, "closed"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：5月份各单位工单办理情况")
    u = first_unit(t, lambda r: 0 < r["closed"] < r["handled"] - 1 and r["unit"] not in (r9["unit"], t.data[3]["unit"]), 10)
    P.slip(doc, 0, u, "closure_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 92 村居: 70 villages over pages under one section row per town (一、桂花镇 …), each town
#   closed by its subtotal, the header repeated on every page, borderless; planted: a village's
#   办结率 slipped and one town's subtotal 受理数 off
# ---------------------------------------------------------------------------

def cunju():
    rnd = random.Random(6037)
    doc = Doc("probe-cunju-2024-12")
    meta(doc, ["村居12345热线诉求办理情况通报"], "岭东县12345热线管理中心", (2025, 1, 10),
         period((2024, 12, 1), (2024, 12, 31), "12月份"), issued_text=cn_date(2025, 1, 10))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="borderless")
    cols = [P.unit("村（社区）"), P.cnt("handled", "受理数"), P.cnt("closed", "办结数"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=2), P.cnt("satisfied", "满意数"),
            P.rate("satisfaction_rate", "满意率", "satisfied", "handled", dec=2)]
    t = Table("附件", ["12月份各村（社区）诉求办理情况"], cols, total_unit="合计", total_position="bottom",
              repeat_header=True)
    tws = towns(rnd, 6, ("镇", "乡"))
    seen = set(tws)
    heads = "一二三四五六"
    for k, tw in enumerate(tws):
        t.section("%s、%s" % (heads[k], tw))
        vs = villages(rnd, 10 + k % 3, avoid=seen)
        seen.update(vs)
        fill(t, rnd, vs, 2, 40, visit=(1, 1))
        t.add_subtotal(tw + "小计")
    t.make_total()
    t.render()
    h = sum(r["handled"] for r in t.unit_rows())
    doc.blocks.append(("title",))
    doc.p("12月份，全县各村（社区）共承办12345热线诉求%s，办结%s。" % (
        doc.fig("承办12345热线诉求", h), doc.fig("办结", sum(r["closed"] for r in t.unit_rows()))))
    doc.checks.append({"label": "承办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：12月份各村（社区）诉求办理情况")
    subs = [r for i, r in enumerate(t.data) if i in t.subtotals]
    P.count_off(doc, 0, subs[3]["unit"], "handled", subs[3]["handled"] + 10, rule="total_mismatch",
                note="a town's subtotal 受理数 10 above its villages")
    u = first_unit(t, lambda r: 2 < r["closed"] < r["handled"] - 1 and not r["unit"].endswith("小计"), 40)
    P.slip(doc, 0, u, "closure_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 93 指标: metric groups over labels that only say count or rate (按时办结 / 群众满意 over
#   件数 and 比率), 合计 at the bottom; planted: a slipped 按时办结 比率
# ---------------------------------------------------------------------------

def zhibiao():
    rnd = random.Random(6038)
    doc = Doc("probe-zhibiao-2024-10")
    meta(doc, ["指山区2024年10月12345热线工单办理情况"], "指山区12345热线服务中心", (2024, 11, 4),
         period((2024, 10, 1), (2024, 10, 31), "2024年10月"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "受理数"),
            Col("on_time", "件数", "count", group="按时办结", metric_group=True),
            Col("on_time_rate", "比率", "rate", group="按时办结", num="on_time", den="handled", metric_group=True),
            Col("satisfied", "件数", "count", group="群众满意", metric_group=True),
            Col("satisfaction_rate", "比率", "rate", group="群众满意", num="satisfied", den="handled", metric_group=True)]
    t = Table("附件", ["2024年10月各单位工单办理情况"], cols, total_unit="合计", total_position="bottom")
    fill(t, rnd, depts(rnd, 12, "区", utilities=2) + towns(rnd, 5, ("街道",)), 12, 220, visit=(1, 1))
    t.make_total()
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("10月份，区12345热线共受理群众诉求%s，按时办结%s，群众满意%s。" % (
        doc.fig("受理群众诉求", h), doc.fig("按时办结", colsum(t, "on_time")), doc.fig("群众满意", colsum(t, "satisfied"))))
    doc.checks.append({"label": "受理", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年10月各单位工单办理情况")
    u = first_unit(t, lambda r: r["on_time"] < r["handled"] - 1, 4)
    P.slip(doc, 0, u, "on_time_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 94 基本满意: 满意率 over 回访数 counting 满意 and 基本满意 (no note says so), 合计 at the
#   bottom; planted: a slipped 满意率
# ---------------------------------------------------------------------------

def jiben():
    rnd = random.Random(6039)
    doc = Doc("probe-jiben-2024-07")
    meta(doc, ["基山县2024年7月12345热线回访情况通报"], "基山县12345热线服务中心", (2024, 8, 6),
         period((2024, 7, 1), (2024, 7, 31), "2024年7月"))
    doc.layout.update(style="plain", signature=True, cms="gb2312", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("visited", "回访数"), P.cnt("satisfied", "满意数"), P.cnt("基本满意数", "基本满意数"),
            Col("satisfaction_rate", "满意率", "rate", num=["satisfied", "基本满意数"], den="visited")]
    t = Table("附件", ["7月份各单位回访情况"], cols, total_unit="合计", total_position="bottom",
              rate_basis={"satisfaction_rate": [["satisfied", "基本满意数"], "visited"]})
    for u in depts(rnd, 12, "县", utilities=2) + towns(rnd, 6, ("镇", "乡")):
        v = rnd.randint(25, 160)
        sat = round(v * rnd.uniform(0.7, 0.88))
        basic = min(v - sat, round(v * rnd.uniform(0.05, 0.2)))
        t.add({"unit": u, "visited": v, "satisfied": sat, "基本满意数": basic})
    t.make_total()
    t.render()
    v = colsum(t, "visited")
    doc.blocks.append(("title",))
    doc.p("7月份，县12345热线回访群众%s，其中表示满意的%s、基本满意的%s。" % (
        doc.fig("回访群众", v), doc.fig("满意", colsum(t, "satisfied")), doc.fig("基本满意", colsum(t, "基本满意数"))))
    attachment(doc, t, "附件：7月份各单位回访情况")
    u = first_unit(t, lambda r: r["satisfied"] + r["基本满意数"] < r["visited"] - 1, 3)
    P.slip(doc, 0, u, "satisfaction_rate", "units")
    return doc


# ---------------------------------------------------------------------------
# 95 所属: 所属乡镇 merged down over its villages (a cell spanning rows, printed once in the
#   text copy), then the village and its counts; planted: a slipped 办结率
# ---------------------------------------------------------------------------

def suoshu():
    rnd = random.Random(6040)
    doc = Doc("probe-suoshu-2024-09")
    meta(doc, ["属溪县2024年9月12345热线村级诉求办理情况"], "属溪县12345热线服务中心", (2024, 10, 9),
         period((2024, 9, 1), (2024, 9, 30), "2024年9月"))
    doc.layout.update(style="plain", signature=True, cms="utf8", threeline="threeline")
    cols = [P.text("所属乡镇", "所属乡镇"), P.unit("村（社区）"), P.cnt("handled", "受理数"), P.cnt("closed", "办结数"),
            P.rate("closure_rate", "办结率", "closed", "handled", dec=2)]
    t = Table("附件", ["9月份各村（社区）诉求办理情况"], cols)
    t.merge_lead = True
    tws = towns(rnd, 4, ("镇", "乡"))
    seen = set(tws)
    for tw in tws:
        vs = villages(rnd, 3 + len(seen) % 3, avoid=seen)
        seen.update(vs)
        n = len(t.data)
        fill(t, rnd, vs, 5, 60)
        for r in t.data[n:]:
            r["所属乡镇"] = tw
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("9月份，全县各村（社区）共承办12345热线诉求%s，办结%s。" % (doc.fig("承办12345热线诉求", h), doc.fig("办结", colsum(t, "closed"))))
    doc.checks.append({"label": "承办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：9月份各村（社区）诉求办理情况")
    u = first_unit(t, lambda r: r["closed"] < r["handled"] - 1, 4)
    P.slip(doc, 0, u, "closure_rate", "units")
    return doc


ALL = [chengxi, fengting, luming, yunqi, qinghe, tongchuan, liuan, jinwan, shiyan, longmen, qingfeng, nanhu,
       huichuan, yongan, furong, xiushui, dongbu, linjiang, changning, songjiang, bailu, xingcheng, beitang,
       nianxi, qianshan, dongling, shuangyue, guodao, sanqu, yinfa, jiandong, zhanbi,
       tidian, shuangbiao, xiaobiao, zafu, cunju, zhibiao, jiben, suoshu]
