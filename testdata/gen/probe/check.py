"""The probe generator's reference checker.

It recomputes every relation a case states from the printed strings (not
from the generator's true values) and lists each inconsistency as
(table, unit, column, rule). gen.py refuses to write a case unless these
are exactly covered by the case's findings (each inconsistency matched by a
finding's table, unit/alt_units and column/alt_columns, and each finding
matching at least one inconsistency).
"""
import re
import unicodedata
from decimal import Decimal

from docmodel import pct

NUM = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$")


def parse(text):
    """(Decimal value, decimals) of a printed number or rate; None for — / blank."""
    t = unicodedata.normalize("NFKC", text or "")
    t = "".join(t.split())
    m = NUM.match(t)
    if not m:
        return None
    ip, fp, _ = m.groups()
    return Decimal(ip.replace(",", "") + ("." + fp if fp else "")), len(fp or "")


def count(text):
    p = parse(text)
    return None if p is None else int(p[0])


def rate_ok(value, dec, num, den):
    return value in (pct(num, den, dec, "half_up"), pct(num, den, dec, "trunc"))


def grim_ok(value, dec, den):
    return any(rate_ok(value, dec, k, den) for k in range(den + 1))


RELATIONS = [("on_time", "handled"), ("closed", "handled"), ("visited", "handled"), ("resolved", "handled"),
             ("replied", "handled"), ("overdue", "handled"), ("open", "handled"), ("excellent", "satisfied"),
             ("excellent", "on_time"),
             ("satisfied", "visited"), ("dissatisfied", "visited")]


def check_table(ti, t):
    out = []
    rows = t.ordered_rows()
    ui = t.idx(t.unit_ref())

    def val(row, ref):
        if not t.has(ref):
            return None
        return count(row[t.idx(ref)])

    # rates
    for j, c in enumerate(t.cols):
        if c.kind != "rate":
            continue
        printed = [parse(r[j]) for r, _ in rows]
        decs = [p[1] for p in printed if p is not None]
        top = max(decs) if decs else 0
        for (r, is_total), p in zip(rows, printed):
            unit = r[ui]
            den = val(r, c.den)
            if p is None:
                if den not in (None, 0) and r[j].strip() not in ("/", "—", "-", ""):
                    out.append((ti, unit, c.ref, "rate_unreadable"))
                continue
            if den in (None, 0):
                if p[0] != 0:
                    out.append((ti, unit, c.ref, "rate_without_base"))
                continue
            v, d = p
            if c.num is None:
                if is_total:
                    continue
                if not grim_ok(v, d, den):
                    out.append((ti, unit, c.ref, "rate_grim"))
                elif d < top and not any(pct(k, den, top, m) == v for k in range(den + 1)
                                         for m in ("half_up", "trunc")):
                    out.append((ti, unit, c.ref, "rate_precision"))
                continue
            nums = c.num if isinstance(c.num, list) else [c.num]
            nv = [val(r, n) for n in nums]
            if any(x is None for x in nv):
                continue
            num = sum(nv)
            if not rate_ok(v, d, num, den):
                out.append((ti, unit, c.ref, "rate_mismatch"))
            elif d < top and not rate_ok(v, top, num, den):
                out.append((ti, unit, c.ref, "rate_precision"))
            if num > den:
                out.append((ti, unit, c.ref, "rate_over_100"))
    # subtotals: the unit rows since the previous subtotal
    lo = 0
    for i in sorted(t.subtotals):
        for j, c in enumerate(t.cols):
            if c.kind != "count":
                continue
            s = sum(count(t.printed[k][j]) or 0 for k in range(lo, i) if k not in t.subtotals)
            tv = count(t.printed[i][j])
            if tv is not None and tv != s:
                out.append((ti, t.printed[i][ui], c.ref, "subtotal_mismatch"))
        lo = i + 1
    # totals (of the unit rows, subtotals left out)
    if t.printed_total is not None:
        for j, c in enumerate(t.cols):
            if c.kind != "count":
                continue
            s = sum(count(r[j]) or 0 for k, r in enumerate(t.printed) if k not in t.subtotals)
            tv = count(t.printed_total[j])
            if tv is not None and tv != s:
                out.append((ti, t.printed_total[ui], c.ref, "total_mismatch"))
    # row sums
    for rs in t.row_sums:
        for r, _ in rows:
            tv = val(r, rs["total"])
            ps = [val(r, p) for p in rs["parts"]]
            if tv is None or any(p is None for p in ps):
                continue
            if tv != sum(ps):
                out.append((ti, r[ui], rs["total"], "row_sum"))
    # relations, within each group
    groups = {None}
    for c in t.cols:
        if "/" in c.ref:
            groups.add(c.ref.split("/")[0])
    for g in groups:
        for a, b in RELATIONS:
            ka, kb = (g + "/" + a, g + "/" + b) if g else (a, b)
            if not (t.has(ka) and t.has(kb)):
                continue
            for r, _ in rows:
                va, vb = val(r, ka), val(r, kb)
                if va is not None and vb is not None and va > vb:
                    out.append((ti, r[ui], ka, "count_relation"))
    # ranks against scores
    if t.has("rank") and t.has("score"):
        ri, si = t.idx("rank"), t.idx("score")
        scores = [parse(r[si])[0] for r in t.printed]
        for r in t.printed:
            s = parse(r[si])[0]
            want = 1 + sum(1 for x in scores if x > s)
            if count(r[ri]) != want:
                out.append((ti, r[ui], "rank", "rank_mismatch"))
    return out


def check_narrative(doc):
    out = []
    for s in doc.sums:
        tot = sum(s["parts"])
        if s.get("exhaustive", True) and tot != s["total"]:
            out.append((None, "", "", "parts_sum:" + s["label"]))
        if not s.get("exhaustive", True) and tot > s["total"]:
            out.append((None, "", "", "parts_exceed:" + s["label"]))
    bad_groups = set()
    for s in doc.shares:
        v, d = parse(s["share"])
        if not rate_ok(v, d, s["count"], s["base"]):
            if s.get("group"):
                # a list of shares over one wrong base is one inconsistency
                if s["group"] in bad_groups:
                    continue
                bad_groups.add(s["group"])
            out.append((None, "", "", "share:" + s["label"]))
    for s in doc.rates:
        v, d = parse(s["rate"])
        if not rate_ok(v, d, s["num"], s["den"]):
            out.append((None, "", "", "rate:" + s["label"]))
    for s in doc.changes:
        prev = s["current"] - s["delta"] if s["direction"] == "up" else s["current"] + s["delta"]
        if s.get("rate"):
            v, d = parse(s["rate"])
            if not rate_ok(v, d, s["delta"], prev):
                out.append((None, "", "", "change:" + s["label"]))
    for s in getattr(doc, "points", []):
        # a change in 个百分点 against two printed rates
        now, before, pts = parse(s["now"])[0], parse(s["before"])[0], parse(s["points"])[0]
        if abs((now - before) - (pts if s["direction"] == "up" else -pts)) > Decimal("0.15"):
            out.append((None, "", "", "points:" + s["label"]))
    for s in doc.checks:
        tot = 0
        for ti in s["tables"]:
            t = doc.tables[ti]
            j = t.idx(s["column"])
            tot += sum(count(r[j]) or 0 for k, r in enumerate(t.printed) if k not in t.subtotals)
        if tot != s["value"]:
            out.append((s["tables"][0], "", s["column"], "table_vs_narrative"))
    return out


def covered(inc, f):
    ti, unit, col, rule = inc
    if ti is None:
        return f.get("table") is None and not f.get("unit") and not f.get("column")
    if rule == "table_vs_narrative":
        return f.get("rule") == "table_vs_narrative" and f.get("table") == ti and (
            f.get("column") == col or col in f.get("alt_columns", []))
    tabs = [f.get("table")] + list(f.get("alt_tables", []))
    units = [f.get("unit")] + list(f.get("alt_units", []))
    cols = [f.get("column")] + list(f.get("alt_columns", []))
    return ti in tabs and unit in units and col in cols


def verify(doc):
    """Raises ValueError unless the printed case's inconsistencies are exactly its findings."""
    incs = []
    for ti, t in enumerate(doc.tables):
        incs += check_table(ti, t)
    incs += check_narrative(doc)
    problems = []
    for inc in incs:
        if not any(covered(inc, f) for f in doc.findings):
            problems.append("unlisted inconsistency %r" % (inc,))
    for f in doc.findings:
        if not any(covered(inc, f) for inc in incs):
            problems.append("finding without an inconsistency %r" % (
                {k: f.get(k) for k in ("rule", "table", "unit", "column")},))
    # narrative findings: one per narrative inconsistency
    nar_incs = [i for i in incs if i[0] is None]
    nar_f = [f for f in doc.findings if f.get("table") is None]
    if len(nar_incs) != len(nar_f):
        problems.append("narrative: %d inconsistencies, %d findings: %r" % (len(nar_incs), len(nar_f), nar_incs))
    if problems:
        raise ValueError("%s: %s" % (doc.case, "; ".join(problems)))
    return incs
