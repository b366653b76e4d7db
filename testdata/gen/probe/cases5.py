"""The probe cases, fifth batch: prose around magnitudes and periodicals (a 分别 list of parts
in 万 with their shares, a 周报 with its issue line under the title, counts in 人次 with a
complement rate)."""
import random
from decimal import Decimal

import plant as P
from cases import attachment, colsum, meta, period, share
from docmodel import Doc, Table, fmt_dec, fmt_pct, pct, thousands
from names import depts, towns


# ---------------------------------------------------------------------------
# 53 河阳: a 分别 list of parts printed in 万 with their shares, one share off (planted)
# ---------------------------------------------------------------------------

def heyang():
    rnd = random.Random(2451)
    doc = Doc("probe-heyang-2024-06")
    meta(doc, ["河阳市2024年上半年12345热线运行情况"], "河阳市12345政务服务便民热线管理中心", (2024, 7, 9),
         period((2024, 1, 1), (2024, 6, 30), "2024年上半年"))
    doc.layout.update(style="plain", signature=True, cms="gbk", threeline="threeline")
    cols = [P.unit("县（市、区）"), P.cnt("handled", "转办工单"), P.cnt("on_time", "按时办结"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2)]
    t = Table("附件", ["2024年上半年各县（市、区）转办工单办理情况"], cols, thousands=True)
    for u in ["河阳区", "阳东区", "阳西区", "河阳新区", "北川县", "南坪县"]:
        t.add(dict(P.counts(rnd, 3000, 9000), unit=u))
    t.render()
    h = colsum(t, "handled")
    phone, web, app = 123400 + rnd.randint(0, 99), 41200 + rnd.randint(0, 99), 15300 + rnd.randint(0, 99)
    total = phone + web + app
    wan = [(Decimal(x) / 10000).quantize(Decimal("0.01")) for x in (total, phone, web, app)]
    sh = [share(x, total, 1) for x in (phone, web, app)]
    sh[2] = fmt_dec(pct(app, total, 1) + Decimal("2.0"), 1, "pad") + "%"
    doc.blocks.append(("title",))
    doc.p("上半年，全市12345热线共受理群众诉求%s万件。电话、网络、移动端分别为%s万件、%s万件、%s万件，分别占%s、%s、%s。" % (
        wan[0], wan[1], wan[2], wan[3], sh[0], sh[1], sh[2]))
    doc.figures += [{"label": "受理群众诉求", "value": float(wan[0]), "unit": "万件"},
                    {"label": "电话", "value": float(wan[1]), "unit": "万件"},
                    {"label": "网络", "value": float(wan[2]), "unit": "万件"},
                    {"label": "移动端", "value": float(wan[3]), "unit": "万件"}]
    for n, c, s in zip(["电话", "网络", "移动端"], (phone, web, app), sh):
        doc.shares.append({"label": n, "count": c, "share": s, "base": total})
    doc.finding("share_mismatch", None, "", "", "error", sh[2], share(app, total, 1) + " of about %s万" % wan[0],
                note="移动端 share 2 points high")
    doc.p("转办各县（市、区）工单%s件，按时办结%s件。" % (thousands(h), thousands(colsum(t, "on_time"))))
    doc.figures += [{"label": "转办", "value": h, "unit": "件"}, {"label": "按时办结", "value": colsum(t, "on_time"), "unit": "件"}]
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    attachment(doc, t, "附件：2024年上半年各县（市、区）转办工单办理情况")
    return doc


# ---------------------------------------------------------------------------
# 54 岚县: a 周报 title with its issue line under it (（2024年第38周）), the issuer and date on a
#   line of their own under that, no signature; clean
# ---------------------------------------------------------------------------

def lanxian():
    rnd = random.Random(2438)
    doc = Doc("probe-lanxian-2024-w38")
    meta(doc, ["岚县12345热线工单办理周报"], "岚县12345热线服务中心", (2024, 9, 24),
         period((2024, 9, 16), (2024, 9, 22), "2024年第38周"), issue_line="（2024年第38周）")
    doc.layout.update(style="weekly", signature=False, cms="utf8", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("handled", "工单量"), P.cnt("on_time", "按时办结量"),
            P.rate("on_time_rate", "按时办结率", "on_time", "handled", dec=2)]
    t = Table("附件", ["第38周各单位工单办理情况"], cols)
    us = depts(rnd, 12, "县", utilities=3) + towns(rnd, 5, ("镇", "乡"))
    for u in us:
        t.add(dict(P.counts(rnd, 5, 80), unit=u))
    t.render()
    h = colsum(t, "handled")
    doc.blocks.append(("title",))
    doc.p("2024年第38周（9月16日—9月22日），县12345热线共转办工单%s，按时办结%s。中秋假期期间各单位值班到位。" % (
        doc.fig("转办工单", h), doc.fig("按时办结", colsum(t, "on_time"))))
    doc.checks.append({"label": "转办", "value": h, "tables": [0], "column": "handled"})
    doc.blocks.append(("label", "附件"))
    doc.table(t)
    return doc


# ---------------------------------------------------------------------------
# 55 桑园: counts of people (人次) with a complement rate (回访…人次，其中不满意…人次，满意率), a
#   回访 table over 人次; planted: the table's 合计 不满意人次 off its column
# ---------------------------------------------------------------------------

def sangyuan():
    rnd = random.Random(2439)
    doc = Doc("probe-sangyuan-2024-10")
    meta(doc, ["桑园区10月份12345热线回访情况通报"], "桑园区政务服务管理办公室", (2024, 11, 5),
         period((2024, 10, 1), (2024, 10, 31), "2024年10月"))
    doc.layout.update(style="plain", signature=True, cms="classic", threeline="threeline")
    cols = [P.unit("单位"), P.cnt("visited", "回访人次"), P.cnt("dissatisfied", "不满意人次"),
            P.rate("dissatisfaction_rate", "不满意率", "dissatisfied", "visited", dec=2)]
    t = Table("附件", ["10月份各单位回访情况"], cols, total_unit="合计", total_position="bottom",
              rate_basis={"dissatisfaction_rate": ["dissatisfied", "visited"]})
    us = depts(rnd, 13, "区", utilities=3) + towns(rnd, 5, ("街道",))
    for u in us:
        t.add(dict(P.counts(rnd, 20, 240, visit=(0.8, 1.0), sat=(0.88, 0.99)), unit=u))
    t.make_total()
    t.render()
    v, d = colsum(t, "visited"), colsum(t, "dissatisfied")
    doc.blocks.append(("title",))
    doc.p("10月份，区12345热线回访群众%s人次，其中不满意%s人次，满意率%s。" % (v, d, fmt_pct(v - d, v, 2)))
    doc.figures += [{"label": "回访群众", "value": v, "unit": "人次"}, {"label": "不满意", "value": d, "unit": "人次"}]
    doc.rates.append({"label": "满意率", "num": v - d, "den": v, "rate": fmt_pct(v - d, v, 2)})
    attachment(doc, t, "附件：10月份各单位回访情况")
    P.total_off(doc, 0, "dissatisfied", 6)
    return doc


ALL = [heyang, lanxian, sangyuan]
