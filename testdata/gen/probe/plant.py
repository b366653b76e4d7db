"""Row generation and planted errors for the probe cases.

Every helper that changes a printed cell records the finding the change
causes; check.verify later proves the finding is the only inconsistency.
"""
from decimal import Decimal

from check import parse, rate_ok
from docmodel import Col, fmt_dec, pct


# ---------------------------------------------------------------------------
# true values
# ---------------------------------------------------------------------------

def counts(rnd, lo, hi, visit=(0.45, 0.85), sat=(0.86, 1.0), ontime=(0.9, 1.0), closed=(0.95, 1.0)):
    """One unit's consistent counts: handled >= closed >= on_time, visited <= handled,
    satisfied <= visited, excellent <= satisfied, ..."""
    h = rnd.randint(lo, hi)
    c = max(0, min(h, round(h * rnd.uniform(*closed))))
    ot = max(0, min(c, round(c * rnd.uniform(*ontime))))
    v = max(0, min(h, round(h * rnd.uniform(*visit))))
    s = max(0, min(v, round(v * rnd.uniform(*sat))))
    # 优秀 is on time, satisfied and resolved: within both counts
    ex = max(0, min(s, ot, round(min(s, ot) * rnd.uniform(0.6, 0.97))))
    res = max(0, min(h, round(h * rnd.uniform(0.85, 1.0))))
    rep = max(0, min(h, round(h * rnd.uniform(0.93, 1.0))))
    return {"handled": h, "closed": c, "open": h - c, "on_time": ot, "overdue": c - ot, "visited": v,
            "satisfied": s, "dissatisfied": v - s, "excellent": ex, "resolved": res, "replied": rep}


def keyed(d, group):
    return {(group + "/" + k if group else k): v for k, v in d.items()}


def channel_row(unit, seq, channels, keys, overall=True):
    """A row of a two-level table: channels is [(group, counts)], keys the counts shown
    under each group; overall adds their sums under the plain keys (the 合计 group)."""
    row = {"unit": unit, "seq": seq}
    for g, c in channels:
        row.update(keyed({k: c[k] for k in keys}, g))
    if overall:
        row.update({k: sum(c[k] for _, c in channels) for k in keys})
    return row


# ---------------------------------------------------------------------------
# column helpers
# ---------------------------------------------------------------------------

def unit(header="单位名称"):
    return Col("unit", header, "unit")


def seq(header="序号"):
    return Col("seq", header, "seq")


def cnt(key, header, group=None):
    return Col(key, header, "count", group=group)


def rate(key, header, num, den, dec=2, mode="half_up", style="drop", group=None):
    if group and group not in ("总计", "合计"):
        num = [group + "/" + n for n in num] if isinstance(num, list) else (group + "/" + num if num else None)
        den = group + "/" + den
    return Col(key, header, "rate", group=group, num=num, den=den, dec=dec, mode=mode, style=style)


def text(key, header):
    return Col(key, header, "text")


# ---------------------------------------------------------------------------
# planted errors
# ---------------------------------------------------------------------------

def rate_cols_using(t, ref):
    out = []
    for c in t.cols:
        if c.kind != "rate":
            continue
        nums = c.num if isinstance(c.num, list) else [c.num]
        if ref in nums or c.den == ref:
            out.append(c.ref)
    return out


def true_rate(t, unit, ref, dec=None):
    c = t.col(ref)
    row = t.total if unit is None else next(r for r in t.data if r[t.unit_ref()] == unit)
    nums = c.num if isinstance(c.num, list) else [c.num]
    num = sum(row[n] for n in nums)
    return num, row[c.den], c


def slip(doc, ti, unit, ref, mode="units", note=""):
    """A rate with one digit wrong: mode "units" (+-1 in the units digit) or "last" (+1 in the
    last printed decimal)."""
    t = doc.tables[ti]
    old = t.cell(unit, ref)
    v, d = parse(old)
    step = Decimal(1) if mode == "units" else Decimal(1).scaleb(-d)
    new = v - step if v + step > 100 else v + step
    num, den, c = true_rate(t, unit, ref) if t.col(ref).num else (None, None, t.col(ref))
    text = fmt_dec(new, d, "pad") + "%"
    t.set_cell(unit, ref, text)
    return doc.finding("rate_mismatch", ti, unit if unit else t.total_unit, ref, "error", text, old,
                       note or "slipped digit", **({"alt_units": [""]} if unit is None else {}))


def wrong_base(doc, ti, unit, ref, den_ref, note=""):
    """A rate computed over another column (satisfied/handled instead of /visited)."""
    t = doc.tables[ti]
    c = t.col(ref)
    row = next(r for r in t.data if r[t.unit_ref()] == unit)
    num = row[c.num]
    old = t.cell(unit, ref)
    text = fmt_dec(pct(num, row[den_ref], c.dec, c.mode), c.dec, c.style) + "%"
    if text == old:
        raise ValueError("wrong base gives the same rate for %s" % unit)
    t.set_cell(unit, ref, text)
    return doc.finding("rate_mismatch", ti, unit, ref, "error", text, old,
                       note or ("computed over %s" % den_ref))


def grim(doc, ti, unit, ref, note=""):
    """A rate with no count printed that no k/den gives."""
    t = doc.tables[ti]
    c = t.col(ref)
    row = next(r for r in t.data if r[t.unit_ref()] == unit)
    den = row[c.den]
    old = t.cell(unit, ref)
    v, d = parse(old)
    step = Decimal(1).scaleb(-d)
    for k in range(1, 400):
        for cand in (v + k * step, v - k * step):
            if cand < 0 or cand > 100:
                continue
            if not any(rate_ok(cand, d, j, den) for j in range(den + 1)):
                text = fmt_dec(cand, d, "pad") + "%"
                t.set_cell(unit, ref, text)
                return doc.finding("rate_mismatch", ti, unit, ref, "error", text,
                                   "no k/%d gives %s" % (den, text), note or "GRIM")
    raise ValueError("no GRIM-failing value near %s (den %d)" % (old, den))


def total_off(doc, ti, ref, delta, note=""):
    t = doc.tables[ti]
    old = t.cell(None, ref)
    v = int(parse(old)[0])
    text = str(v + delta) if "," not in old else "{:,}".format(v + delta)
    t.set_cell(None, ref, text)
    alts = [c for c in rate_cols_using(t, ref)]
    return doc.finding("total_mismatch", ti, t.total_unit, ref, "error", text, old,
                       note or ("合计 %+d against the column sum" % delta), alt_units=[""], alt_columns=alts)


def count_off(doc, ti, unit, ref, value, rule="count_relation", note="", extra_alts=()):
    """A count printed as value (breaks a relation or a row sum; its rates go wrong too)."""
    t = doc.tables[ti]
    old = t.cell(unit, ref)
    t.set_cell(unit, ref, str(value))
    alts = rate_cols_using(t, ref) + list(extra_alts)
    return doc.finding(rule, ti, unit, ref, "error", str(value), old, note, alt_columns=alts)


def precision(doc, ti, unit, ref, dec, note=""):
    """A rate printed at fewer decimals than its column, where that changes the value."""
    t = doc.tables[ti]
    c = t.col(ref)
    num, den, _ = true_rate(t, unit, ref)
    full = pct(num, den, c.dec, c.mode)
    short = pct(num, den, dec, c.mode)
    if short == full:
        raise ValueError("precision plant on %s does not change the value" % unit)
    text = fmt_dec(short, dec, "pad") + "%"
    old = t.set_cell(unit, ref, text)
    return doc.finding("rate_precision", ti, unit, ref, "warning", text, old,
                       note or ("%d decimal(s) where the table prints %d" % (dec, c.dec)))


def precision_candidates(t, ref, dec):
    c = t.col(ref)
    out = []
    for r in t.data:
        nums = c.num if isinstance(c.num, list) else [c.num]
        den = r[c.den]
        if not den:
            continue
        num = sum(r[n] for n in nums)
        if pct(num, den, dec, c.mode) != pct(num, den, c.dec, c.mode) and pct(num, den, c.dec, c.mode) < 100:
            out.append(r[t.unit_ref()])
    return out


def rank_swap(doc, ti, u1, u2):
    t = doc.tables[ti]
    r1, r2 = t.cell(u1, "rank"), t.cell(u2, "rank")
    t.set_cell(u1, "rank", r2)
    t.set_cell(u2, "rank", r1)
    doc.finding("rank_mismatch", ti, u1, "rank", "error", r2, r1, "ranks of two neighbours swapped")
    doc.finding("rank_mismatch", ti, u2, "rank", "error", r1, r2, "ranks of two neighbours swapped")


def competition_ranks(t, score_ref="score"):
    scores = [r[score_ref] for r in t.data]
    for r in t.data:
        r["rank"] = 1 + sum(1 for s in scores if s > r[score_ref])
