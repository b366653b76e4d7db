"""The probe generator's document model: numbers, tables, narrative, truth.

A case is built in code (cases.py) as a Doc: metadata, a list of blocks
(paragraphs, headings, tables ...), the narrative figures and relations it
states, and the findings planted in it. Everything printed is a string made
here from integer counts, so the truth is the generator's own arithmetic;
check.py recomputes every relation from the printed strings and refuses a
case whose inconsistencies are not exactly the listed findings.
"""
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

CANON = {"unit", "handled", "on_time", "on_time_rate", "satisfied", "satisfaction_rate", "excellent",
         "excellence_rate", "resolved", "resolution_rate", "replied", "reply_rate", "visited", "visit_rate",
         "overdue", "overdue_rate", "score", "rank", "closed", "closure_rate", "open", "dissatisfied",
         "dissatisfaction_rate", "seq"}
OVERALL_GROUPS = {"总计", "合计", "總計", "合計"}


# ---------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------

def pct(num, den, dec, mode="half_up"):
    """num/den as a percent rounded to dec places (half-up or truncated), a Decimal."""
    q = Decimal(1).scaleb(-dec)
    v = Decimal(num) * 100 / Decimal(den)
    return v.quantize(q, rounding=ROUND_HALF_UP if mode == "half_up" else ROUND_DOWN)


def ratio(num, den, dec, mode="half_up"):
    q = Decimal(1).scaleb(-dec)
    v = Decimal(num) / Decimal(den)
    return v.quantize(q, rounding=ROUND_HALF_UP if mode == "half_up" else ROUND_DOWN)


def fmt_dec(v, dec, style="drop"):
    """A Decimal printed at dec places; style "drop" drops trailing zeros (91.30 -> 91.3)."""
    s = ("%." + str(dec) + "f") % v if dec else str(int(v))
    if dec and isinstance(v, Decimal):
        s = str(v.quantize(Decimal(1).scaleb(-dec)))
    if style == "drop" and "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def fmt_pct(num, den, dec, mode="half_up", style="drop", sign="%"):
    return fmt_dec(pct(num, den, dec, mode), dec, style) + sign


def thousands(n):
    return "{:,}".format(n)


CN_DIGITS = "〇一二三四五六七八九"


def cn_year(y):
    return "".join(CN_DIGITS[int(c)] for c in str(y))


def cn_small(n):
    """1..99 in Chinese numerals as used in dates (十, 十一, 二十三)."""
    if n < 10:
        return CN_DIGITS[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else CN_DIGITS[t]) + "十" + (CN_DIGITS[u] if u else "")


def cn_date(y, m, d):
    return "%s年%s月%s日" % (cn_year(y), cn_small(m), cn_small(d))


def ar_date(y, m, d):
    return "%d年%d月%d日" % (y, m, d)


def iso(y, m, d):
    return "%04d-%02d-%02d" % (y, m, d)


# ---------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------

class Col:
    """A logical column.

    key     canonical key (or the printed header for other columns)
    header  printed header (may hold "\\n" and inner spaces)
    group   the two-level header's group, or None
    kind    unit | seq | count | rate | score | rank | text
    num, den  for a rate: the keys of its numerator (None: not printed) and denominator
    dec, mode, style  for a rate or score: printed decimals, rounding, trailing zeros
    """

    def __init__(self, key, header, kind, group=None, num=None, den=None, dec=2, mode="half_up",
                 style="drop", sep=False, metric_group=False):
        self.key, self.header, self.kind, self.group = key, header, kind, group
        self.num, self.den, self.dec, self.mode, self.style, self.sep = num, den, dec, mode, style, sep
        # metric_group: the group names the metric (按时办结 over 件数 / 比率), the key is plain
        self.metric_group = metric_group

    @property
    def truth_header(self):
        h = "".join(self.header.split())
        return (("".join(self.group.split())) + "/" + h) if self.group else h

    @property
    def truth_key(self):
        if self.group and not self.metric_group and self.group not in OVERALL_GROUPS and self.kind not in ("unit", "seq"):
            return self.group + "/" + self.key
        return self.key

    @property
    def ref(self):
        """The key the generator uses for this column's values in a data row."""
        return self.truth_key


class Table:
    def __init__(self, label, title_lines, cols, notes=(), total_unit=None, total_position=None,
                 repeat_header=True, landscape=False, side_by_side=1, rate_basis=None, row_sums=None,
                 font_pt=10.5, unit_width=None, rank_ties="competition", thousands=False):
        self.label = label
        self.title_lines = list(title_lines)
        self.cols = cols
        self.notes = list(notes)
        self.total_unit = total_unit
        self.total_position = total_position
        self.repeat_header = repeat_header
        self.landscape = landscape
        self.side_by_side = side_by_side
        self.rate_basis = rate_basis or {}
        self.row_sums = row_sums or []
        self.font_pt = font_pt
        self.unit_width = unit_width
        self.rank_ties = rank_ties
        self.thousands = thousands
        self.data = []        # dicts ref -> int/str (the true values)
        self.total = None     # dict or None
        self.printed = []     # list of list of str, aligned to cols
        self.printed_total = None
        self.zero_rate = "—"  # printed rate when the denominator is 0
        self.sections = {}    # data index -> a section heading printed before that row (一、县直部门)
        self.subtotals = set()  # data indices of subtotal rows (县直部门小计)

    @property
    def title(self):
        return "".join(self.title_lines)

    def col(self, ref):
        for c in self.cols:
            if c.ref == ref:
                return c
        raise KeyError(ref)

    def idx(self, ref):
        for i, c in enumerate(self.cols):
            if c.ref == ref:
                return i
        raise KeyError(ref)

    def has(self, ref):
        return any(c.ref == ref for c in self.cols)

    def add(self, row):
        self.data.append(row)

    def section(self, heading):
        """A section heading printed before the next row added."""
        self.sections[len(self.data)] = heading

    def add_subtotal(self, label):
        """A subtotal row: the counts of the unit rows since the previous subtotal."""
        lo = max(self.subtotals) + 1 if self.subtotals else 0
        rows = [r for i, r in enumerate(self.data) if i >= lo and i not in self.subtotals]
        sub = {c.ref: sum(r[c.ref] for r in rows) for c in self.cols if c.kind == "count"}
        sub[self.unit_ref()] = label
        self.subtotals.add(len(self.data))
        self.data.append(sub)
        return sub

    def unit_rows(self):
        """The data rows that are units (not subtotals)."""
        return [r for i, r in enumerate(self.data) if i not in self.subtotals]

    def make_total(self, label=None):
        """The 合计 row: column sums of the counts (subtotals left out), rates from the sums."""
        tot = {}
        for c in self.cols:
            if c.kind == "count":
                tot[c.ref] = sum(r[c.ref] for r in self.unit_rows())
        tot[self.unit_ref()] = label or self.total_unit
        self.total = tot
        return tot

    def unit_ref(self):
        return next(c.ref for c in self.cols if c.kind == "unit")

    def fmt_cell(self, c, row, is_total=False):
        v = row.get(c.ref)
        if c.kind in ("unit", "text"):
            return "" if v is None else str(v)
        if c.kind == "seq":
            return "" if v is None else str(v)
        if c.kind == "count":
            if v is None:
                return ""
            if isinstance(v, str):
                return v
            return thousands(v) if (self.thousands and v >= 1000) else str(v)
        if c.kind == "rate":
            if isinstance(v, str):
                return v
            if is_total and row.get("__total_rate") is not None:
                return row["__total_rate"]
            den = row.get(c.den)
            if den in (None, 0):
                return self.zero_rate
            if isinstance(c.num, list):
                num = sum(row.get(n) for n in c.num)
            else:
                num = row.get(c.num) if c.num else row.get("__" + c.ref + "_k")
            return fmt_pct(num, den, c.dec, c.mode, c.style)
        if c.kind in ("score", "num"):
            if v is None or isinstance(v, str):
                return v or ""
            return fmt_dec(v, c.dec, c.style)
        if c.kind == "rank":
            return "" if v is None else str(v)
        raise ValueError(c.kind)

    def render(self):
        self.printed = [[self.fmt_cell(c, r) for c in self.cols] for r in self.data]
        if self.total is not None:
            self.printed_total = [self.fmt_cell(c, self.total, True) for c in self.cols]

    def row_index(self, unit):
        ui = self.idx(self.unit_ref())
        for i, r in enumerate(self.printed):
            if r[ui] == unit:
                return i
        raise KeyError(unit)

    def set_cell(self, unit, ref, text):
        """Overwrite a printed cell (unit None: the 合计 row); returns the old text."""
        j = self.idx(ref)
        if unit is None:
            old = self.printed_total[j]
            self.printed_total[j] = text
        else:
            i = self.row_index(unit)
            old = self.printed[i][j]
            self.printed[i][j] = text
        return old

    def cell(self, unit, ref):
        j = self.idx(ref)
        if unit is None:
            return self.printed_total[j]
        return self.printed[self.row_index(unit)][j]

    def ordered_rows(self):
        """(printed row, is_total) in print order."""
        rows = [(r, False) for r in self.printed]
        if self.printed_total is not None:
            if self.total_position == "top":
                rows.insert(0, (self.printed_total, True))
            else:
                rows.append((self.printed_total, True))
        return rows

    # header layout ---------------------------------------------------------
    def header_grid(self):
        """Header rows as lists of (text, colspan, rowspan) in physical order, for one copy
        of the logical columns."""
        two = any(c.group for c in self.cols)
        if not two:
            return [[(c.header, 1, 1) for c in self.cols]]
        top, sub = [], []
        i = 0
        while i < len(self.cols):
            c = self.cols[i]
            if not c.group:
                top.append((c.header, 1, 2))
                i += 1
                continue
            j = i
            while j < len(self.cols) and self.cols[j].group == c.group:
                sub.append((self.cols[j].header, 1, 1))
                j += 1
            top.append((c.group, j - i, 1))
            i = j
        return [top, sub]

    def truth(self):
        out = {"label": self.label, "title": self.title,
               "columns": [c.truth_key for c in self.cols],
               "headers": [c.truth_header for c in self.cols],
               "rows": [[t.strip() for t in r] for r in self.printed],
               "total_row": [t.strip() for t in self.printed_total] if self.printed_total else None}
        if self.printed_total:
            out["total_position"] = self.total_position
        if self.rate_basis:
            out["rate_basis"] = self.rate_basis
        if self.row_sums:
            out["row_sums"] = self.row_sums
        return out


# ---------------------------------------------------------------------------
# the document
# ---------------------------------------------------------------------------

class Doc:
    def __init__(self, case):
        self.case = case
        self.meta = {}
        self.layout = {"style": "plain", "signature": True, "attach_page_break": True, "cms": "gbk",
                       "threeline": "threeline", "repeat_header": True}
        self.blocks = []      # ("title", [lines]) ("p", text) ("h", text) ("salutation", text) ...
        self.tables = []
        self.figures = []
        self.sums, self.shares, self.rates, self.changes, self.checks = [], [], [], [], []
        self.findings = []
        self.txt_fullwidth = False   # text copies with full-width digits and ％
        self.notes_for = {}

    # narrative helpers ---------------------------------------------------------
    def fig(self, label, value, unit="件", text=None, optional=False):
        f = {"label": label, "value": value, "unit": unit}
        if optional:
            f["optional"] = True
        self.figures.append(f)
        if text is not None:
            return text
        if isinstance(value, float):
            v = ("%.2f" % value).rstrip("0").rstrip(".")
        else:
            v = str(value)
        return v + unit

    def p(self, text):
        self.blocks.append(("p", text))

    def h(self, text):
        self.blocks.append(("h", text))

    def table(self, t):
        self.tables.append(t)
        self.blocks.append(("table", t))
        return t

    def finding(self, rule, table, unit, column, severity, published, expected, note="", **alts):
        f = {"rule": rule, "table": table, "unit": unit, "column": column, "severity": severity,
             "published": published, "expected": expected}
        for k, v in alts.items():
            f[k] = v
        if note:
            f["note"] = note
        self.findings.append(f)
        return f

    def truth(self):
        m = self.meta
        return {"case": self.case, "title": m["title"], "issuer": m["issuer"], "issued": m["issued"],
                "period": m["period"], "figures": self.figures,
                "tables": [t.truth() for t in self.tables], "findings": self.findings,
                "text_normalization": "NFKC; whitespace ignored"}
