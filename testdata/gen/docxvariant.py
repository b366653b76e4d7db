#!/usr/bin/env python3
"""Derive DOCX fixture variants from a LibreOffice DOCX of the seed bulletin.

Each variant rewrites word/document.xml (and adds parts where needed) the
way Word, WPS or a publisher's editing leaves a document, while keeping
what the document shows, so every variant must give the records of the
text seed:

  quirks     runs split inside numbers and names, with proofErr, bookmarks
             and lastRenderedPageBreak between the pieces; an sdt around a
             table, around rows and around a cell; a complex field and a
             fldSimple whose shown results are kept; tracked insertions
             kept and deletions (text, a whole row, a paragraph mark)
             dropped; smartTag, customXml and hyperlink wrappers; a run in
             mc:AlternateContent; a hidden run; a page header and a footer
             with a PAGE field.
  pagebreak  (from the --thead DOCX) table 1 split in two across a page
             break, the second part starting with the repeated header row
             (w:tblHeader); table 3 with the flagged header row repeated
             among its rows; table 2 with an unflagged repeated header row.
  textbox    (from a DOCX whose table 4 LibreOffice wrote in a text box)
             the text box's content copied into the VML fallback too, as
             Word writes it, so that reading both branches would double it.
  strict     the package rewritten to Strict OOXML namespaces and
             relationship types.

usage: docxvariant.py VARIANT IN.docx OUT.docx

Standard library only; the zip is rewritten entry by entry, deflated.
"""
import re
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

RUN = re.compile(r'<w:r><w:rPr></w:rPr><w:t(?: xml:space="preserve")?>([^<]*)</w:t></w:r>')


def run(text, rpr="", preserve=True):
    sp = ' xml:space="preserve"' if preserve else ""
    return '<w:r><w:rPr>%s</w:rPr><w:t%s>%s</w:t></w:r>' % (rpr, sp, text)


def tables(doc):
    """Return the (start, end) spans of the top-level w:tbl elements."""
    spans, i = [], 0
    while True:
        s = doc.find("<w:tbl>", i)
        if s < 0:
            return spans
        depth, j = 0, s
        while True:
            a, b = doc.find("<w:tbl>", j), doc.find("</w:tbl>", j)
            if a >= 0 and a < b:
                depth, j = depth + 1, a + 7
            else:
                depth, j = depth - 1, b + 8
                if depth == 0:
                    break
        spans.append((s, j))
        i = j


def rows(tbl):
    """Return the (start, end) spans of the rows of one table."""
    return [(m.start(), m.end()) for m in re.finditer(r"<w:tr>.*?</w:tr>", tbl)]


def cells(row):
    return [(m.start(), m.end()) for m in re.finditer(r"<w:tc>.*?</w:tc>", row)]


def replace_table(doc, k, f):
    s, e = tables(doc)[k]
    return doc[:s] + f(doc[s:e]) + doc[e:]


def edit_cell(tbl, unit, col, f):
    """Apply f to the col-th cell of the row whose first cell holds unit."""
    for s, e in rows(tbl):
        row = tbl[s:e]
        cs = cells(row)
        if unit in row[cs[0][0]:cs[0][1]]:
            a, b = cs[col]
            row = row[:a] + f(row[a:b]) + row[b:]
            return tbl[:s] + row + tbl[e:]
    raise SystemExit("no row " + unit)


def split_runs(doc):
    """Split every run of two or more characters in the middle, with the
    markup Word and WPS leave between the pieces."""
    n = [0]

    def split(m):
        text = m.group(1)
        if len(text) < 2 or "&" in text:
            return m.group(0)
        n[0] += 1
        k, h = n[0], len(text) // 2
        a, b = text[:h], text[h:]
        garnish = [
            '<w:proofErr w:type="spellStart"/>',
            '<w:bookmarkStart w:id="%d" w:name="_Hlk%d"/>' % (1000 + k, k),
            '<w:proofErr w:type="gramStart"/>',
        ][k % 3]
        close = ['<w:proofErr w:type="spellEnd"/>', '<w:bookmarkEnd w:id="%d"/>' % (1000 + k),
                 '<w:proofErr w:type="gramEnd"/>'][k % 3]
        second = run(b, '<w:rFonts w:hint="eastAsia"/>')
        if k % 5 == 0:
            second = second.replace("<w:t ", "<w:lastRenderedPageBreak/><w:t ", 1)
        return run(a, '<w:lang w:eastAsia="zh-CN"/>') + garnish + second + close

    return RUN.sub(split, doc)


def field(result, instr):
    """A complex field showing result."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> %s </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>') % (instr, run(result))


INS = '<w:ins w:id="%d" w:author="审核" w:date="2023-04-26T10:00:00Z">'
DEL = '<w:del w:id="%d" w:author="审核" w:date="2023-04-26T10:00:00Z">'


def quirks(doc, parts):
    # Narrative: the total as a field, after a deleted wrong total; an
    # inserted run; a paragraph split in two whose first mark is deleted.
    doc = doc.replace(run("2660", preserve=False),
                      DEL % 1 + '<w:r><w:delText>2600</w:delText></w:r></w:del>' + field("2660", "=2364+296"), 1)
    doc = doc.replace(run("件。其中，电话诉求事项", preserve=False),
                      INS % 2 + run("件。其中，电话诉求事项") + "</w:ins>", 1)
    para = "有待改进提高的单位是区财政局和商城街道、大口镇。"
    t = doc.index("<w:t>" + para)
    start = doc.rindex("<w:p>", 0, t)
    ppr = doc[start:doc.index("</w:pPr>", start)]  # <w:p><w:pPr>...<w:rPr></w:rPr>
    assert ppr.endswith("<w:rPr></w:rPr>")
    marked = ppr[:-len("<w:rPr></w:rPr>")] + '<w:rPr><w:del w:id="3" w:author="审核" w:date="2023-04-26T10:00:00Z"/></w:rPr>'
    rest = t + len("<w:t>" + para)
    doc = (doc[:start] + marked + "</w:pPr>" + run(para) + "</w:p>"
           + ppr + "</w:pPr><w:r><w:rPr></w:rPr><w:t>" + doc[rest:])
    # Table 1: a cell in an sdt, a field, a fldSimple, tracked changes, a
    # hyperlink, smartTag, customXml, AlternateContent and a hidden run.
    def t1(tbl):
        tbl = edit_cell(tbl, "交警大队", 1, lambda c: c.replace(run("72", preserve=False), field("72", "=SUM(ABOVE)")))
        tbl = edit_cell(tbl, "工信局", 1, lambda c: c.replace(run("3", preserve=False),
                                                              '<w:fldSimple w:instr=" =3 ">' + run("3") + "</w:fldSimple>"))
        tbl = edit_cell(tbl, "烟草局", 1, lambda c: c.replace(run("4", preserve=False),
                                                              DEL % 4 + '<w:r><w:delText>5</w:delText></w:r></w:del>' + INS % 5 + run("4") + "</w:ins>"))
        tbl = edit_cell(tbl, "烟草局", 0, lambda c: c.replace(run("烟草局", preserve=False),
                                                              '<w:hyperlink w:anchor="_Toc1" w:history="1">' + run("烟草局") + "</w:hyperlink>"))
        tbl = edit_cell(tbl, "供电公司", 0, lambda c: c.replace(run("供电公司", preserve=False),
                                                                '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
                                                                + run("供电公司") + "</w:smartTag>"))
        tbl = edit_cell(tbl, "电信公司", 0, lambda c: c.replace(run("电信公司", preserve=False),
                                                                '<w:customXml w:element="unit">' + run("电信公司") + "</w:customXml>"))
        tbl = edit_cell(tbl, "先进制造业开发区", 0, lambda c: c.replace(
            run("先进制造业开发区", preserve=False),
            '<mc:AlternateContent><mc:Choice Requires="w14">' + run("先进制造业开发区") +
            '</mc:Choice><mc:Fallback>' + run("先进制造业开发区") + '</mc:Fallback></mc:AlternateContent>'))
        tbl = edit_cell(tbl, "民政局", 0, lambda c: c.replace("</w:p>", run("（已撤销）", "<w:vanish/>") + "</w:p>", 1))
        tbl = edit_cell(tbl, "残联", 2, lambda c: '<w:sdt><w:sdtPr><w:alias w:val="数值"/><w:tag w:val="n"/><w:id w:val="11"/></w:sdtPr>'
                        '<w:sdtContent>' + c + '</w:sdtContent></w:sdt>')
        return tbl
    doc = replace_table(doc, 0, t1)
    # Table 2 in a block-level sdt, with a deleted row.
    def t2(tbl):
        rs = rows(tbl)
        s, e = rs[3]
        fake = re.sub(r"<w:t(?: xml:space=\"preserve\")?>[^<]*</w:t>", "<w:t>9</w:t>", tbl[s:e])
        fake = fake.replace("<w:trPr></w:trPr>", '<w:trPr><w:del w:id="6" w:author="审核" w:date="2023-04-26T10:00:00Z"/></w:trPr>', 1)
        return tbl[:s] + fake + tbl[s:]
    doc = replace_table(doc, 1, t2)
    s, e = tables(doc)[1]
    doc = (doc[:s] + '<w:sdt><w:sdtPr><w:alias w:val="附件2"/><w:id w:val="12"/></w:sdtPr><w:sdtContent>'
           + doc[s:e] + '</w:sdtContent><w:sdtEndPr/></w:sdt>' + doc[e:])
    # Table 3: rows 3 and 4 in a row-level sdt.
    def t3(tbl):
        rs = rows(tbl)
        s, e = rs[3][0], rs[4][1]
        return tbl[:s] + '<w:sdt><w:sdtPr><w:id w:val="13"/></w:sdtPr><w:sdtContent>' + tbl[s:e] + '</w:sdtContent></w:sdt>' + tbl[e:]
    doc = replace_table(doc, 2, t3)
    doc = split_runs(doc)
    # A page header and a footer with a PAGE field.
    doc = doc.replace("<w:sectPr>", '<w:sectPr><w:headerReference w:type="default" r:id="rIdHdr1"/>'
                      '<w:footerReference w:type="default" r:id="rIdFtr1"/>', 1)
    hdr = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="%s" xmlns:r="%s">'
           '<w:p><w:r><w:t>内部通报</w:t></w:r></w:p></w:hdr>') % (W, R)
    ftr = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="%s" xmlns:r="%s">'
           '<w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
           '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>') % (W, R)
    parts["word/header1.xml"] = hdr.encode()
    parts["word/footer1.xml"] = ftr.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>",
                        '<Relationship Id="rIdHdr1" Type="%sheader" Target="header1.xml"/>'
                        '<Relationship Id="rIdFtr1" Type="%sfooter" Target="footer1.xml"/></Relationships>' % (RELTYPE, RELTYPE))
    parts["word/_rels/document.xml.rels"] = rels.encode()
    ct = parts["[Content_Types].xml"].decode()
    ct = ct.replace("</Types>",
                    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode()
    return doc


def header_row(tbl):
    s, e = rows(tbl)[0]
    return tbl[s:e]


def pagebreak(doc, parts):
    # Table 1 split across a page break after its 25th data row.
    s, e = tables(doc)[0]
    tbl = doc[s:e]
    head = header_row(tbl)
    assert "tblHeader" in head, "pagebreak needs the --thead DOCX"
    pre = tbl[:tbl.index("<w:tr>")]  # <w:tbl> with tblPr and tblGrid
    rs = rows(tbl)
    cut = rs[26][0]
    second = tbl[cut:]
    second = second.replace("<w:t>", "<w:lastRenderedPageBreak/><w:t>", 1)
    doc = (doc[:s] + tbl[:cut] + "</w:tbl>"
           + '<w:p><w:pPr><w:rPr></w:rPr></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>'
           + pre + head + second + doc[e:])
    # Table 3 (now the fourth w:tbl): the flagged header row repeated after row 15.
    def rep(k, after, flagged):
        nonlocal doc
        def f(tbl):
            h = header_row(tbl)
            if not flagged:
                h = h.replace('<w:tblHeader w:val="true"/>', "")
            s, e = rows(tbl)[after]
            return tbl[:e] + h + tbl[e:]
        doc = replace_table(doc, k, f)
    rep(3, 15, True)
    rep(2, 7, False)
    return doc


def textbox(doc, parts):
    m = re.search(r"<w:txbxContent>.*?</w:txbxContent>", doc)
    if not m:
        raise SystemExit("no text box")
    content = m.group(0)
    fb = re.search(r"(<mc:Fallback><w:pict><v:rect[^>]*>)(.*?)(</v:rect>)", doc)
    if not fb:
        raise SystemExit("no VML fallback")
    inner = re.sub(r"<v:textbox[^>]*>.*?</v:textbox>|<v:textbox[^>]*/>", "", fb.group(2))
    new = fb.group(1) + inner + '<v:textbox>' + content + '</v:textbox>' + fb.group(3)
    return doc[:fb.start()] + new + doc[fb.end():]


STRICT = [
    (W, "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
]


def strict(doc, parts):
    for k in list(parts):
        if k.endswith(".xml") or k.endswith(".rels"):
            s = parts[k].decode()
            for a, b in STRICT:
                s = s.replace(a, b)
            parts[k] = s.encode()
    for a, b in STRICT:
        doc = doc.replace(a, b)
    return doc.replace("<w:body>", "<w:body>", 1).replace('mc:Ignorable="w14 wp14 w15">', 'mc:Ignorable="w14 wp14 w15" w:conformance="strict">', 1)


def main():
    variant, src, out = sys.argv[1:4]
    zin = zipfile.ZipFile(src)
    names = zin.namelist()
    parts = {n: zin.read(n) for n in names}
    doc = parts["word/document.xml"].decode("utf-8")
    doc = {"quirks": quirks, "pagebreak": pagebreak, "textbox": textbox, "strict": strict}[variant](doc, parts)
    parts["word/document.xml"] = doc.encode("utf-8")
    order = ["[Content_Types].xml"] + [n for n in names if n != "[Content_Types].xml"]
    order += [n for n in parts if n not in order]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in order:
            info = zipfile.ZipInfo(n, date_time=(2023, 4, 27, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[n])


if __name__ == "__main__":
    main()
