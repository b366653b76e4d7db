"""DOCX and PDF inputs of a probe case: LibreOffice, pandoc and Chromium conversions, and the
rewrites of word/document.xml that give the page-numbered, landscape, three-line and Word-like
variants."""
import os
import random
import re
import shutil
import subprocess
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise RuntimeError("%s failed: %s" % (cmd[0], (p.stderr or p.stdout)[-800:]))
    return p


def soffice(profile, outdir, fmt, files, infilter=None):
    cmd = ["soffice", "-env:UserInstallation=file://" + profile, "--headless"]
    if infilter:
        cmd += ["--infilter=" + infilter]
    cmd += ["--convert-to", fmt, "--outdir", outdir] + list(files)
    run(cmd, timeout=600)


def chromium_pdf(html_path, pdf_path, profile):
    run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--user-data-dir=" + profile, "--print-to-pdf=" + pdf_path, "file://" + os.path.abspath(html_path)],
        timeout=300)


def pandoc_docx(html_path, out):
    run(["pandoc", "-f", "html", "-t", "docx", html_path, "-o", out], timeout=300)


def pdftotext_layout(pdf, out):
    run(["pdftotext", "-layout", pdf, out], timeout=300)


# ---------------------------------------------------------------------------
# zip rewriting
# ---------------------------------------------------------------------------

def rewrite_docx(src, dst, edit):
    """Copy a DOCX, passing {name: bytes} of its parts through edit(parts) -> parts."""
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
        order = z.namelist()
    parts = edit(parts)
    names = [n for n in order if n in parts] + [n for n in parts if n not in order]
    tmp = dst + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            z.writestr(n, parts[n])
    os.replace(tmp, dst)


FOOTER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="%s" xmlns:r="%s">'
          '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>'
          '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
          '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
          '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
          '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r>'
          '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
          '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>') % (W_NS, R_NS)


def add_footer(parts):
    parts["word/footer_pg.xml"] = FOOTER.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdPgNum1" Type="%s/footer" Target="footer_pg.xml"/>'
                        "</Relationships>" % R_NS)
    parts["word/_rels/document.xml.rels"] = rels.encode()
    ct = parts["[Content_Types].xml"].decode()
    ct = ct.replace("</Types>", '<Override PartName="/word/footer_pg.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode()
    doc = parts["word/document.xml"].decode()
    if 'xmlns:r="' not in doc[:3000]:
        doc = doc.replace("<w:document ", '<w:document xmlns:r="%s" ' % R_NS, 1)
    doc = re.sub(r"<w:sectPr\s*/>", "<w:sectPr></w:sectPr>", doc)
    doc = re.sub(r"<w:sectPr([^>]*)>", r'<w:sectPr\1><w:footerReference w:type="default" r:id="rIdPgNum1"/>', doc)
    parts["word/document.xml"] = doc.encode()
    return parts


def body_sectpr(doc):
    i = doc.rfind("<w:sectPr")
    j = doc.find("</w:sectPr>", i) + len("</w:sectPr>")
    return i, j


def landscape_from(doc_xml, break_index):
    """Make everything after the break_index-th page break a landscape section."""
    brs = [m.start() for m in re.finditer(r'<w:r><w:br w:type="page"/></w:r>', doc_xml)]
    if break_index >= len(brs):
        raise ValueError("no page break %d to start the landscape section" % break_index)
    at = brs[break_index]
    i, j = body_sectpr(doc_xml)
    sect = doc_xml[i:j]
    # the paragraph holding the break ends the portrait section
    p0 = doc_xml.rfind("<w:p>", 0, at)
    p0b = doc_xml.rfind("<w:p ", 0, at)
    p0 = max(p0, p0b)
    ppr_end = doc_xml.find("</w:pPr>", p0)
    p_end = doc_xml.find("</w:p>", at)
    if ppr_end < 0 or ppr_end > p_end:
        raise ValueError("paragraph without pPr at the landscape break")
    portrait = sect
    land = sect
    m = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"[^/]*/>', sect)
    w, h = m.group(1), m.group(2)
    land = land.replace(m.group(0), '<w:pgSz w:w="%s" w:h="%s" w:orient="landscape"/>' % (h, w))
    out = doc_xml[:ppr_end] + portrait + doc_xml[ppr_end:at] + doc_xml[at + len('<w:r><w:br w:type="page"/></w:r>'):i] \
        + land + doc_xml[j:]
    return out


def lo_docx(raw, dst, doc):
    """LibreOffice's DOCX with 公文 page numbers in the footer and landscape attachments."""
    def edit(parts):
        x = parts["word/document.xml"].decode()
        land = [k for k, t in enumerate(breaking_tables(doc)) if t is not None and t.landscape]
        if land:
            x = landscape_from(x, land[0])
        parts["word/document.xml"] = x.encode()
        return add_footer(parts)
    rewrite_docx(raw, dst, edit)


def breaking_tables(doc):
    """For each page break print_html emits (one before each attachment label), the table
    that follows it."""
    out = []
    first = True
    pending = False
    for b in doc.blocks:
        if b[0] == "label":
            pending = doc.layout.get("attach_page_break", True) or not first
            first = False
        elif b[0] == "table" and pending:
            out.append(b[1])
            pending = False
    return out


# ---------------------------------------------------------------------------
# three-line and borderless tables
# ---------------------------------------------------------------------------

def split_tables(x):
    """[(start, end)] of the top-level <w:tbl> elements."""
    out, pos = [], 0
    while True:
        i = x.find("<w:tbl>", pos)
        if i < 0:
            return out
        depth, k = 0, i
        while True:
            a = x.find("<w:tbl>", k + 1)
            b = x.find("</w:tbl>", k + 1)
            if a >= 0 and a < b:
                depth += 1
                k = a
                continue
            if depth == 0:
                out.append((i, b + len("</w:tbl>")))
                pos = b + 1
                break
            depth -= 1
            k = b


def rows_of(tbl):
    return [m for m in re.finditer(r"<w:tr>.*?</w:tr>|<w:tr .*?</w:tr>", tbl, re.S)]


def borders(top=None, bottom=None):
    def one(side, sz):
        if sz:
            return '<w:%s w:val="single" w:sz="%d" w:space="0" w:color="000000"/>' % (side, sz)
        return '<w:%s w:val="nil"/>' % side
    return "<w:tcBorders>%s%s%s%s</w:tcBorders>" % (one("top", top), one("left", None), one("bottom", bottom),
                                                    one("right", None))


def threeline_docx(src, dst, doc, style):
    """Three-line tables (a rule above the header, under it and below the last row) or, for
    style "borderless", no rules at all and a gap after every fifth row."""
    def edit(parts):
        x = parts["word/document.xml"].decode()
        spans = split_tables(x)
        out, last = [], 0
        for (i, j), t in zip(spans, doc.tables):
            tbl = x[i:j]
            rows = rows_of(tbl)
            nh = len(t.header_grid())
            new, prev = [], 0
            for k, m in enumerate(rows):
                r = m.group(0)
                if style == "borderless":
                    b = borders()
                else:
                    b = borders(12 if k == 0 else None, 6 if k == nh - 1 else (12 if k == len(rows) - 1 else None))
                r = re.sub(r"<w:tcBorders>.*?</w:tcBorders>", b, r)
                if style == "borderless" and k >= nh and (k - nh) % 5 == 4:
                    r = r.replace("<w:pPr>", '<w:pPr><w:spacing w:after="240"/>')
                new.append(tbl[prev:m.start()] + r)
                prev = m.end()
            new.append(tbl[prev:])
            out.append(x[last:i] + "".join(new))
            last = j
        out.append(x[last:])
        parts["word/document.xml"] = "".join(out).encode()
        return parts
    rewrite_docx(src, dst, edit)


# ---------------------------------------------------------------------------
# pandoc's DOCX with a bordered table style and the page-number footer
# ---------------------------------------------------------------------------

def pandoc_fix(src, dst):
    def edit(parts):
        st = parts["word/styles.xml"].decode()
        bd = "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % s
                     for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        st = re.sub(r'(<w:style w:type="table"[^>]*w:styleId="Table"[^>]*>)(.*?)(</w:style>)',
                    lambda m: m.group(1) + re.sub(r"<w:tblPr>", "<w:tblPr><w:tblBorders>%s</w:tblBorders>" % bd,
                                                  m.group(2), count=1) + m.group(3), st, count=1, flags=re.S)
        parts["word/styles.xml"] = st.encode()
        return add_footer(parts)
    rewrite_docx(src, dst, edit)


# ---------------------------------------------------------------------------
# Word / WPS quirks
# ---------------------------------------------------------------------------

RUN = re.compile(r'<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>|<w:rPr/>)?<w:t(?: xml:space="preserve")?>([^<]*)</w:t></w:r>', re.S)


def wordlike_docx(src, dst, doc):
    """The LibreOffice DOCX as Word or WPS leaves it: runs split inside numbers and names,
    proofErr marks, bookmarks inside numbers, rsids, the issue date in a date picker, a table
    in a content control, a header cell in a smartTag and one in a MERGEFIELD, =SUM(ABOVE)
    fields in a bottom 合计 row, lastRenderedPageBreak, and a stale dc:title."""
    rnd = random.Random("word" + doc.case)
    rsids = ["00%06X" % rnd.getrandbits(24) for _ in range(7)]
    bm = [100]

    def rs():
        return rnd.choice(rsids)

    def split_run(m):
        rpr = m.group(1) or ""
        text = m.group(2)
        pieces = [text]
        if re.search(r"\d{2,}", text) and rnd.random() < 0.7:
            d = re.search(r"\d{2,}", text)
            k = rnd.randint(d.start() + 1, d.end() - 1)
            pieces = [text[:k], text[k:]]
        elif len(text) > 5 and rnd.random() < 0.35:
            k = rnd.randint(1, len(text) - 1)
            pieces = [text[:k], text[k:]]
        out = []
        for n, p in enumerate(pieces):
            if n:
                roll = rnd.random()
                if roll < 0.3:
                    bm[0] += 1
                    out.append('<w:bookmarkStart w:id="%d" w:name="_Hlk%d"/>' % (bm[0], rnd.randint(10**7, 10**8)))
                    out.append('<w:bookmarkEnd w:id="%d"/>' % bm[0])
                elif roll < 0.5:
                    out.append('<w:proofErr w:type="spellStart"/>')
            out.append('<w:r w:rsidR="%s">%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rs(), rpr, p))
        return "".join(out)

    def edit(parts):
        x = parts["word/document.xml"].decode()
        spans = split_tables(x)
        # header cells: a smartTag around the first header cell's run, a MERGEFIELD around the
        # second one's (first table only)
        if spans:
            i, j = spans[0]
            tbl = x[i:j]
            rows = rows_of(tbl)
            first_row = rows[0].group(0)
            runs = list(RUN.finditer(first_row))
            if len(runs) >= 2:
                a, b = runs[0], runs[1]
                new = first_row[:a.start()] + (
                    '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName">'
                    '<w:smartTagPr><w:attr w:name="ProductID" w:val="%s"/></w:smartTagPr>%s</w:smartTag>') % (
                    a.group(2), a.group(0)) + first_row[a.end():b.start()] + (
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD'
                    '  F2 \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    '%s<w:r><w:fldChar w:fldCharType="end"/></w:r>') % b.group(0) + first_row[b.end():]
                tbl = tbl[:rows[0].start()] + new + tbl[rows[0].end():]
            # =SUM(ABOVE) in a bottom 合计 row
            t0 = doc.tables[0]
            if t0.printed_total is not None and t0.total_position == "bottom" and t0.side_by_side == 1:
                rows = rows_of(tbl)
                last = rows[-1].group(0)
                cells = re.findall(r"<w:tc>.*?</w:tc>", last, re.S)
                newcells = []
                for c, col in zip(cells, t0.cols):
                    if col.kind == "count":
                        c = RUN.sub(lambda m: '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
                                    'xml:space="preserve"> =SUM(ABOVE) </w:instrText></w:r><w:r><w:fldChar '
                                    'w:fldCharType="separate"/></w:r>%s<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                                    % m.group(0), c, count=1)
                    newcells.append(c)
                if len(newcells) == len(cells):
                    k = 0
                    rebuilt = re.sub(r"<w:tc>.*?</w:tc>", lambda m: newcells.pop(0), last, flags=re.S)
                    tbl = tbl[:rows[-1].start()] + rebuilt + tbl[rows[-1].end():]
            x = x[:i] + tbl + x[j:]
        # split runs everywhere (not inside the fields made above: they are whole runs already)
        x = RUN.sub(split_run, x)
        # rsids on paragraphs
        x = re.sub(r"<w:p>", lambda m: '<w:p w:rsidR="%s" w:rsidRDefault="%s">' % (rs(), rs()), x)
        # the last table in a block content control
        spans = split_tables(x)
        if len(spans) >= 1:
            i, j = spans[-1]
            x = x[:i] + ('<w:sdt><w:sdtPr><w:id w:val="%d"/></w:sdtPr><w:sdtContent>' % -rnd.randint(10**8, 10**9)) \
                + x[i:j] + "</w:sdtContent></w:sdt>" + x[j:]
        # the issue date in a date picker: the last paragraph whose text is the issue date
        x = date_picker(x, doc.meta["issued_text"], doc.meta["issued"], rnd)
        # lastRenderedPageBreak in the first text run after each page break
        out, pos = [], 0
        for m in re.finditer(r'<w:br w:type="page"/></w:r>', x):
            n = re.compile(r"<w:t[ >]").search(x, m.end())
            if n is None or n.start() < pos:
                continue
            out.append(x[pos:n.start()] + "<w:lastRenderedPageBreak/>")
            pos = n.start()
        out.append(x[pos:])
        x = "".join(out)
        parts["word/document.xml"] = x.encode()
        core = parts.get("docProps/core.xml", b"").decode()
        stale = "%s（%s）" % (doc.meta["title"][:12], "初稿")
        if "<dc:title>" in core:
            core = re.sub(r"<dc:title>.*?</dc:title>", "<dc:title>%s</dc:title>" % stale, core)
        elif core:
            core = core.replace("</cp:coreProperties>", "<dc:title>%s</dc:title></cp:coreProperties>" % stale)
        if core:
            parts["docProps/core.xml"] = core.encode()
        return parts
    rewrite_docx(src, dst, edit)


def para_text(p):
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))


def date_picker(x, text, iso_date, rnd):
    paras = list(re.finditer(r"<w:p[ >].*?</w:p>", x, re.S))
    for m in reversed(paras):
        p = m.group(0)
        if para_text(p).strip() == text:
            k = p.find("</w:pPr>")
            k = k + len("</w:pPr>") if k >= 0 else p.find(">") + 1
            end = p.rfind("</w:p>")
            sdt = ('<w:sdt><w:sdtPr><w:id w:val="%d"/><w:date w:fullDate="%sT00:00:00Z"><w:dateFormat '
                   'w:val="yyyy\'年\'M\'月\'d\'日\'"/><w:lid w:val="zh-CN"/><w:storeMappedDataAs w:val="dateTime"/>'
                   '<w:calendar w:val="gregorian"/></w:date></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>') % (
                -rnd.randint(10**8, 10**9), iso_date, p[k:end])
            return x[:m.start()] + p[:k] + sdt + p[end:] + x[m.end():]
    return x
