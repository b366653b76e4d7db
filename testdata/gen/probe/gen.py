#!/usr/bin/env python3
"""Write the probe corpus: made-up bulletins in the eleven inputs of the development corpus,
each with a truth.json in its schema, for ../shared/tools/score.py --cases OUTDIR.

usage: gen.py OUTDIR [--only CASE[,CASE]] [--list] [--no-office]

Needs python3 (standard library), LibreOffice (soffice), pandoc, chromium, poppler-utils
(pdftotext) and fonts-noto-cjk. --no-office writes only the text, HTML and truth files.

Before a case is written, check.verify proves that the inconsistencies of its printed
numbers are exactly its listed findings; after it is written, every DOCX is read back and
must hold the truth rows cell for cell, every PDF's text must hold every truth row's unit and
rates, the text copies and the web page must hold every truth cell.
"""
import argparse
import html as htmlmod
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cases  # noqa: E402
import cases2  # noqa: E402
import cases3  # noqa: E402
import cases4  # noqa: E402
import cases5  # noqa: E402
import cases6  # noqa: E402
import check  # noqa: E402
import office  # noqa: E402
import render  # noqa: E402


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(ch for ch in s if not ch.isspace())


def spec_json(doc):
    """The generator's spec of a case, for reference (not an input)."""
    return {"case": doc.case, "meta": doc.meta, "layout": doc.layout,
            "blocks": [[b[0]] + ([b[1].label or b[1].title] if b[0] == "table" else list(b[1:])) for b in doc.blocks],
            "tables": [dict(t.truth(), notes=t.notes, landscape=t.landscape, repeat_header=t.repeat_header,
                            side_by_side=t.side_by_side) for t in doc.tables],
            "figures": doc.figures, "narrative_sums": doc.sums, "narrative_shares": doc.shares,
            "narrative_rates": doc.rates, "narrative_changes": doc.changes, "narrative_checks": doc.checks,
            "findings": doc.findings}


# ---------------------------------------------------------------------------
# read-back checks
# ---------------------------------------------------------------------------

def docx_rows(path):
    with zipfile.ZipFile(path) as z:
        x = z.read("word/document.xml").decode()
    rows = []
    for tr in re.findall(r"<w:tr[ >].*?</w:tr>", x, re.S):
        cells = []
        for tc in re.findall(r"<w:tc>.*?</w:tc>", tr, re.S):
            # field instructions are not text
            tc = re.sub(r"<w:instrText[^>]*>.*?</w:instrText>", "", tc)
            cells.append(norm(htmlmod.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", tc)))))
        rows.append(cells)
    return rows


def expect_rows(truth, side):
    out = []
    for ti, t in enumerate(truth["tables"]):
        rows = [r for r in t["rows"]] + ([t["total_row"]] if t.get("total_row") else [])
        out.append((ti, [[norm(c) for c in r] for r in rows], side[ti]))
    return out


def check_docx(path, truth, side, merged=()):
    got = docx_rows(path)
    gotset = [tuple(r) for r in got]
    for ti, rows, n in expect_rows(truth, side):
        if ti in merged:
            # the first column merged down: its continuation cells are empty in the DOCX
            tails = [tuple(g[1:]) for g in got]
            for r in rows:
                if tuple(r[1:]) not in tails:
                    raise ValueError("%s: table %d row %r not found" % (path, ti, r))
            continue
        for r in rows:
            if n == 1:
                if tuple(r) not in gotset:
                    raise ValueError("%s: table %d row %r not found" % (path, ti, r))
            else:
                if not any(tuple(g[k:k + len(r)]) == tuple(r) for g in got for k in range(0, len(g), len(r))):
                    raise ValueError("%s: table %d row %r not found (side by side)" % (path, ti, r))


def check_text_cells(name, text, truth):
    t = norm(text)
    for ti, tt in enumerate(truth["tables"]):
        rows = tt["rows"] + ([tt["total_row"]] if tt.get("total_row") else [])
        for r in rows:
            for c in r:
                if norm(c) not in t:
                    raise ValueError("%s: cell %r of table %d missing" % (name, c, ti))


def check_pdf_cells(name, text, truth):
    """A PDF's text holds every rate cell, and the start of every unit name (names may wrap)."""
    t = norm(text)
    for ti, tt in enumerate(truth["tables"]):
        ui = tt["columns"].index("unit")
        rows = tt["rows"] + ([tt["total_row"]] if tt.get("total_row") else [])
        for r in rows:
            for k, c in enumerate(r):
                want = norm(c)[:4] if k == ui else (norm(c) if "%" in c else "")
                if want and want not in t:
                    raise ValueError("%s: cell %r of table %d missing" % (name, c, ti))


def pdf_text(path):
    import subprocess
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout


# ---------------------------------------------------------------------------

def write_case(doc, out, work, with_office):
    check.verify(doc)
    cdir = os.path.join(out, doc.case)
    src = os.path.join(cdir, "src")
    os.makedirs(src, exist_ok=True)
    truth = doc.truth()
    side = [t.side_by_side for t in doc.tables]
    with open(os.path.join(cdir, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    with open(os.path.join(src, "spec.json"), "w", encoding="utf-8") as f:
        json.dump(spec_json(doc), f, ensure_ascii=False, indent=1, default=str)
    html = render.print_html(doc)
    hpath = os.path.join(src, "bulletin.html")
    with open(hpath, "w", encoding="utf-8") as f:
        f.write(html)
    txt = render.text_copy(doc)
    with open(os.path.join(cdir, "bulletin.txt"), "w", encoding="utf-8") as f:
        f.write(txt)
    with open(os.path.join(cdir, "bulletin.gb18030.txt"), "wb") as f:
        f.write(txt.encode("gb18030"))
    check_text_cells("bulletin.txt", txt, truth)
    page, cs = render.cms_page(doc)
    with open(os.path.join(cdir, "bulletin.cms.html"), "wb") as f:
        f.write(page)
    body = re.sub(r"<[^>]+>", "", page.decode(cs)).replace("&nbsp;", " ")
    check_text_cells("bulletin.cms.html", htmlmod.unescape(body), truth)
    if not with_office:
        return
    w = os.path.join(work, doc.case)
    os.makedirs(w, exist_ok=True)
    prof = os.path.join(work, "lo-profile")
    shutil.copy(hpath, os.path.join(w, "bulletin.html"))
    office.soffice(prof, w, "docx:MS Word 2007 XML", [os.path.join(w, "bulletin.html")], "HTML (StarWriter)")
    raw = os.path.join(w, "bulletin.docx")
    lo = os.path.join(cdir, "bulletin.lo.docx")
    office.lo_docx(raw, lo, doc)
    tl = os.path.join(w, "threeline.docx")
    office.threeline_docx(lo, tl, doc, doc.layout.get("threeline", "threeline"))
    shutil.copy(lo, os.path.join(w, "lo.docx"))
    office.soffice(prof, w, "pdf:writer_pdf_Export", [os.path.join(w, "lo.docx"), tl])
    shutil.copy(os.path.join(w, "lo.pdf"), os.path.join(cdir, "bulletin.pdf"))
    shutil.copy(os.path.join(w, "threeline.pdf"), os.path.join(cdir, "bulletin.threeline.pdf"))
    office.chromium_pdf(hpath, os.path.join(cdir, "bulletin.chromium.pdf"), os.path.join(work, "chromium"))
    pd = os.path.join(w, "pandoc.docx")
    office.pandoc_docx(hpath, pd)
    office.pandoc_fix(pd, os.path.join(cdir, "bulletin.pandoc.docx"))
    office.wordlike_docx(lo, os.path.join(cdir, "bulletin.wordlike.docx"), doc)
    office.pdftotext_layout(os.path.join(cdir, "bulletin.pdf"), os.path.join(cdir, "bulletin.layout.txt"))
    merged = {i for i, t in enumerate(doc.tables) if getattr(t, "merge_lead", False)}
    for name in ("bulletin.lo.docx", "bulletin.pandoc.docx", "bulletin.wordlike.docx"):
        check_docx(os.path.join(cdir, name), truth, side, merged)
    for name in ("bulletin.pdf", "bulletin.chromium.pdf", "bulletin.threeline.pdf"):
        check_pdf_cells(name, pdf_text(os.path.join(cdir, name)), truth)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--only")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--no-office", action="store_true")
    a = ap.parse_args()
    docs = []
    for f in cases.ALL + cases2.ALL + cases3.ALL + cases4.ALL + cases5.ALL + cases6.ALL:
        d = f()
        if a.only and d.case not in a.only.split(",") and f.__name__ not in a.only.split(","):
            continue
        docs.append(d)
    if a.list:
        for d in docs:
            print(d.case, len(d.tables), "tables", len(d.findings), "findings")
        return
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="probe-gen-")
    try:
        for d in docs:
            write_case(d, a.out, work, not a.no_office)
            print("wrote", d.case, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
