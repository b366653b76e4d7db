#!/usr/bin/env python3
"""Writes testdata/trend-made-up/: seven consecutive monthly bulletins of a made-up
county (示例县), January to July 2024, as text with TAB-separated tables,
for examples/unit-trend and the README.

Everything in them is invented: the county, its offices and every number
(drawn from a seeded random generator, so a re-run gives the same files).
Each bulletin says so under its title. They are made to show what an
archive does with months of bulletins:

- the same office spelled differently from month to month (县住建局,
  住建局, 县住房和城乡建设局, 住房和城乡建设局; 人社局 and
  县人力资源和社会保障局; 东街街道 and 东街街道办事处), which the archive's
  units table links;
- two channels each month, 电话诉求 (附件1) and 网络诉求 (附件2);
- rates that move over the months (住建局's satisfaction climbs), so a
  unit's trend is worth drawing.

The counts are consistent: every rate is its count over 办理数, rounded
half-up to two decimals, and the prose totals are the tables' 合计 rows.

    python3 testdata/gen/trend.py testdata/trend-made-up
"""
import os
import random
import sys

# Each office: its spelling per month (1..7), and how its satisfaction
# moves (start, step per month) in the phone table.
OFFICES = [
    (["县住建局", "住建局", "县住房和城乡建设局", "住建局", "住房和城乡建设局", "县住建局", "住建局"], 0.80, 0.025),
    (["人社局", "县人力资源和社会保障局", "人社局", "人社局", "县人力资源和社会保障局", "人社局", "县人力资源和社会保障局"], 0.90, 0.005),
    (["市场监管局", "县市场监督管理局", "市场监管局", "县市场监督管理局", "市场监管局", "市场监管局", "县市场监督管理局"], 0.88, -0.01),
    (["公安局"] * 7, 0.93, 0.0),
    (["交通运输局"] * 7, 0.85, 0.01),
    (["教育局"] * 7, 0.91, 0.0),
]
TOWNS = [
    (["城关镇"] * 7, 0.89, 0.005),
    (["河口镇"] * 7, 0.84, 0.01),
    (["青石乡"] * 7, 0.92, -0.005),
    (["东街街道", "东街街道办事处", "东街街道", "东街街道", "东街街道办事处", "东街街道", "东街街道"], 0.87, 0.0),
]
ISSUER = "示例县政务服务和大数据管理局"


def rate(part, whole):
    """The rate in percent, half-up at two decimals, as printed."""
    if whole == 0:
        return "—"
    scaled = (part * 100000 // whole + 5) // 10  # hundredths of a percent
    return "%d.%02d%%" % (scaled // 100, scaled % 100)


def table(rng, month, channel_scale, sat_shift):
    rows = []
    tot = [0, 0, 0]
    for names, sat, step in OFFICES + TOWNS:
        handled = max(3, int(rng.gauss(60, 25) * channel_scale))
        on_time = handled - rng.randint(0, max(1, handled // 20))
        s = min(0.995, max(0.5, sat + step * (month - 1) + sat_shift + rng.uniform(-0.01, 0.01)))
        satisfied = min(handled, round(handled * s))
        rows.append((names[month - 1], handled, on_time, satisfied))
        tot[0] += handled
        tot[1] += on_time
        tot[2] += satisfied
    lines = ["序号\t单位名称\t办理数\t按时办结数\t按时办结率\t群众满意数\t群众满意率"]
    for i, (name, h, o, s) in enumerate(rows, 1):
        lines.append("\t".join([str(i), name, str(h), str(o), rate(o, h), str(s), rate(s, h)]))
    lines.append("\t".join(["合计", "", str(tot[0]), str(tot[1]), rate(tot[1], tot[0]), str(tot[2]), rate(tot[2], tot[0])]))
    return lines, tot[0]


def bulletin(month):
    rng = random.Random(2024 * 100 + month)
    phone, phone_total = table(rng, month, 1.0, 0.0)
    online, online_total = table(rng, month, 0.4, 0.02)
    issued = "2024年%d月6日" % (month + 1)
    out = [
        ISSUER + "    " + issued,
        "2024年%d月份12345热线群众诉求办理情况通报" % month,
        "（示例数据：本通报及其中的单位、数字均为虚构，仅用于演示，不代表任何真实地方）",
        "",
        "2024年%d月份，县12345热线共受理群众诉求%d件。其中，电话诉求%d件，网络诉求%d件。"
        % (month, phone_total + online_total, phone_total, online_total),
        "",
        "附件1",
        "2024年%d月份各单位电话诉求办理情况" % month,
        "",
    ] + phone + [
        "",
        "附件2",
        "2024年%d月份各单位网络诉求办理情况" % month,
        "",
    ] + online + [""]
    return "\n".join(out)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: trend.py OUTDIR")
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for month in range(1, 8):
        path = os.path.join(outdir, "2024-%02d.txt" % month)
        with open(path, "w", encoding="utf-8") as f:
            f.write(bulletin(month))


if __name__ == "__main__":
    main()
