#!/usr/bin/env python3
"""Rewrite QDF files (qpdf --qdf) into the PDF fixtures of issue 5: files
as they are found in the wild, that the reader must still read.

  pdfwild.py filter  NAME in.qdf out.qdf    re-encode streams with a filter
                                            (lzw, asciihex, runlength, png)
  pdfwild.py cjk     CMAP in.qdf out.qdf    LibreOffice's simple fonts become
                                            Type0 fonts with a predefined
                                            Adobe-GB1 CMap (or Identity-H
                                            with GB1 CIDs) and no ToUnicode
  pdfwild.py strip-tounicode in.qdf out.qdf drop every /ToUnicode
  pdfwild.py type3-names in.qdf out.qdf     Type3 fonts lose ToUnicode, their
                                            glyphs are named uniXXXX
  pdfwild.py type3-plain in.qdf out.qdf     Type3 fonts lose their /Encoding
                                            (read by ToUnicode alone): the
                                            oracle's reference copy
  pdfwild.py hybrid  in.pdf out.pdf         a file with object streams gets a
                                            classic xref with /XRefStm
  pdfwild.py damage  KIND in.pdf out.pdf    startxref, xref or noxref

Run fix-qdf on the QDF outputs. The Adobe-GB1 CMaps come from poppler-data.
"""
import re
import subprocess
import sys
import zlib

CMAPS = "/usr/share/poppler/cMap/Adobe-GB1/"

STREAM = re.compile(rb"\n(\d+) 0 obj\n(<<(?:(?!\nstream\n).)*?>>)\nstream\n(.*?)\nendstream\nendobj\n", re.S)
OBJ = re.compile(rb"\n(\d+) 0 obj\n(.*?)\nendobj\n", re.S)


def read(p):
    with open(p, "rb") as f:
        return f.read()


def write(p, b):
    with open(p, "wb") as f:
        f.write(b)


# --- filters -------------------------------------------------------------

def lzw(data):
    """LZW with 9-12 bit codes, MSB first, EarlyChange 1."""
    out, acc, nbits = bytearray(), 0, 0
    width = 9

    def emit(code):
        nonlocal acc, nbits
        acc = (acc << width) | code
        nbits += width
        while nbits >= 8:
            out.append((acc >> (nbits - 8)) & 0xFF)
            nbits -= 8
        acc &= (1 << nbits) - 1

    table = {bytes([i]): i for i in range(256)}
    nxt = 258
    emit(256)
    w = b""
    for c in data:
        wc = w + bytes([c])
        if wc in table:
            w = wc
            continue
        emit(table[w])
        table[wc] = nxt
        nxt += 1
        if nxt + 1 > (1 << width) and width < 12:
            width += 1
        if nxt >= 4094:
            emit(256)
            table = {bytes([i]): i for i in range(256)}
            nxt, width = 258, 9
        w = bytes([c])
    if w:
        emit(table[w])
        nxt += 1
        if nxt + 1 > (1 << width) and width < 12:
            width += 1
    emit(257)
    if nbits:
        out.append((acc << (8 - nbits)) & 0xFF)
    return bytes(out)


def runlength(data):
    out, i = bytearray(), 0
    while i < len(data):
        j = i
        while j < len(data) and j - i < 128 and data[j] == data[i]:
            j += 1
        if j - i >= 3:
            out += bytes([257 - (j - i), data[i]])
            i = j
            continue
        j = i
        while j < len(data) and j - i < 128 and not (j + 2 < len(data) and data[j] == data[j + 1] == data[j + 2]):
            j += 1
        out.append(j - i - 1)
        out += data[i:j]
        i = j
    out.append(128)
    return bytes(out)


def png(data, columns, bpp, start):
    """PNG row filters 0-4 in turn (the start shifts the cycle)."""
    rows, prev = bytearray(), bytes(columns)
    for r, at in enumerate(range(0, len(data), columns)):
        row = data[at:at + columns].ljust(columns, b" ")
        t = (r + start) % 5
        enc = bytearray()
        for i, x in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if t == 0:
                p = 0
            elif t == 1:
                p = a
            elif t == 2:
                p = b
            elif t == 3:
                p = (a + b) // 2
            else:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            enc.append((x - p) & 0xFF)
        rows += bytes([t]) + enc
        prev = row
    return bytes(rows)


def cmd_filter(name, src, dst):
    data = read(src)
    k = [0]

    def sub(m):
        num, d, body = m.group(1), m.group(2), m.group(3)
        if b"/Filter" in d or b"/Subtype" in d or b"/Type" in d:
            return m.group(0)  # fonts, images, object and xref streams stay
        k[0] += 1
        if name == "lzw":
            enc, f = lzw(body), b"/Filter /LZWDecode"
        elif name == "asciihex":
            h = body.hex()
            enc = "\n".join(h[i:i + 64] for i in range(0, len(h), 64)).encode() + b">"
            f = b"/Filter /ASCIIHexDecode"
        elif name == "runlength":
            enc, f = runlength(body), b"/Filter /RunLengthDecode"
        elif name == "png":
            # Alternate one-byte and three-byte pixels, all five row types.
            cols, colors = (37, 1) if k[0] % 2 else (11, 3)
            body = body + b" " * (-len(body) % (cols * colors))
            enc = zlib.compress(png(body, cols * colors, colors, k[0]))
            f = b"/Filter /FlateDecode /DecodeParms << /Predictor %d /Colors %d /Columns %d >>" % (10 + k[0] % 6, colors, cols)
        else:
            sys.exit("unknown filter " + name)
        d = d[:-2] + b"  " + f + b"\n>>"
        return b"\n%s 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (num, d, enc)

    write(dst, STREAM.sub(sub, data))
    print(f"{dst}: {k[0]} streams encoded with {name}", file=sys.stderr)


# --- fonts ---------------------------------------------------------------

def cmap_cids(name):
    """Code-to-CID map of a predefined CMap, following usecmap."""
    text = read(CMAPS + name).decode("latin-1")
    out = {}
    use = re.search(r"/(\S+)\s+usecmap", text)
    if use:
        out.update(cmap_cids(use.group(1)))
    for blk in re.findall(r"begincidrange(.*?)endcidrange", text, re.S):
        for lo, hi, cid in re.findall(r"<(\w+)>\s*<(\w+)>\s*(\d+)", blk):
            for i, c in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[c] = int(cid) + i
    for blk in re.findall(r"begincidchar(.*?)endcidchar", text, re.S):
        for c, cid in re.findall(r"<(\w+)>\s*(\d+)", blk):
            out[int(c, 16)] = int(cid)
    return out


def unicode_cids():
    """Unicode to the lowest Adobe-GB1 CID, from Adobe-GB1-UCS2."""
    text = read(CMAPS + "Adobe-GB1-UCS2").decode("latin-1")
    out = {}

    def put(cid, u):
        s = bytes.fromhex(u).decode("utf-16-be")
        if len(s) == 1 and (s not in out or out[s] > cid):
            out[s] = cid
    for blk in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for c, u in re.findall(r"<(\w+)>\s*<(\w+)>", blk):
            put(int(c, 16), u)
    for blk in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, u in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", blk):
            base = int(u, 16)
            for i, c in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                put(c, "%04x" % (base + i))
    return out


def tounicode(cmap):
    """bfchar/bfrange of a ToUnicode CMap: code to text."""
    text = cmap.decode("latin-1")
    out = {}
    for blk in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for c, u in re.findall(r"<(\w+)>\s*<(\w+)>", blk):
            out[int(c, 16)] = bytes.fromhex(u).decode("utf-16-be")
    for blk in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, u in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", blk):
            base = int(u, 16)
            for i, c in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[c] = chr(base + i)
    return out


def objects(data):
    return {int(m.group(1)): m for m in OBJ.finditer(data)}


def stream_of(data, num):
    m = re.search(rb"\n%d 0 obj\n<<(?:(?!\nstream\n).)*?>>\nstream\n(.*?)\nendstream\nendobj\n" % num, data, re.S)
    return m.group(1)


def cmd_cjk(cmap, src, dst):
    data = read(src)
    identity = cmap == "Identity-H"
    codec = {"GBK-EUC": "gbk", "GB-EUC": "gb2312", "UniGB-UCS2": "utf-16-be", "UniGB-UTF16": "utf-16-be"}
    if identity:
        ucids = unicode_cids()
    else:
        enc = codec[cmap[:-2]]
        cids = cmap_cids(cmap)
    objs = objects(data)
    fonts = {}
    for num, m in objs.items():
        body = m.group(2)
        if b"/Type /Font" not in body or b"/ToUnicode" not in body:
            continue
        tu = int(re.search(rb"/ToUnicode (\d+) 0 R", body).group(1))
        first = int(re.search(rb"/FirstChar (\d+)", body).group(1))
        widths = [float(w) for w in re.search(rb"/Widths \[(.*?)\]", body, re.S).group(1).split()]
        fonts[num] = (tounicode(stream_of(data, tu)), first, widths)
    # Resource names to font objects.
    names = {}
    for n, num in re.findall(rb"/(F\d+) (\d+) 0 R", data):
        names[n.decode()] = int(num)

    used = {num: {} for num in fonts}  # font -> cid -> width

    def encode(num, raw):
        tu, first, widths = fonts[num]
        out = b""
        for code in raw:
            s = tu[code]
            w = widths[code - first] if 0 <= code - first < len(widths) else 1000
            for ch in s:
                if identity:
                    cid = ucids[ch]
                    b = bytes([cid >> 8, cid & 0xFF])
                else:
                    b = ch.encode(enc)
                    cid = cids[int.from_bytes(b, "big")]
                used[num][cid] = w / len(s)
                out += b
        return out

    def content(m):
        num, d, body = m.group(1), m.group(2), m.group(3)
        if b"/Filter" in d or b"/Subtype" in d or b" Tf" not in body:
            return m.group(0)
        cur = [None]

        def tok(t):
            if t.group(1):  # a font selection
                cur[0] = names[t.group(1).decode()]
                return t.group(0)
            if t.group(2) is not None:
                raw = bytes.fromhex(t.group(2).decode())
            else:
                raw = unescape(t.group(3))
            return b"<" + encode(cur[0], raw).hex().encode() + b">"
        body = re.sub(rb"/(F\d+) [\d.]+ Tf|<([0-9a-fA-F]*)>|\(((?:\\.|[^\\()])*)\)", tok, body, flags=re.S)
        return b"\n%s 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (num, d, body)
    data = STREAM.sub(content, data)

    nxt = max(objs) + 1
    extra = b""
    for num in fonts:
        w = b" ".join(b"%d [%g]" % (cid, wd) for cid, wd in sorted(used[num].items()))
        name = b"/SimSun"
        enc_name = b"Identity-H" if identity else cmap.encode()
        font = b"<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /%s /DescendantFonts [%d 0 R] >>" % (name, enc_name, nxt)
        cid = (b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont %s /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
               b"/FontDescriptor %d 0 R /DW 1000 /W [%s] >>" % (name, nxt + 1, w))
        desc = (b"<< /Type /FontDescriptor /FontName %s /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 "
                b"/Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>" % name)
        data = re.sub(rb"\n%d 0 obj\n.*?\nendobj\n" % num, lambda _: b"\n%d 0 obj\n%s\nendobj\n" % (num, font), data, count=1, flags=re.S)
        extra += b"%d 0 obj\n%s\nendobj\n%d 0 obj\n%s\nendobj\n" % (nxt, cid, nxt + 1, desc)
        nxt += 2
    i = data.rindex(b"\nxref\n")
    write(dst, data[:i + 1] + extra + data[i + 1:])


def unescape(s):
    """The bytes of a literal string's body."""
    out, i = bytearray(), 0
    esc = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while i < len(s):
        c = s[i]
        i += 1
        if c != 0x5C:
            out.append(c)
            continue
        e = s[i]
        i += 1
        if 0x30 <= e <= 0x37:
            v = e - 0x30
            for _ in range(2):
                if i < len(s) and 0x30 <= s[i] <= 0x37:
                    v = v * 8 + s[i] - 0x30
                    i += 1
            out.append(v & 0xFF)
        elif e in (10, 13):
            continue
        else:
            out.append(esc.get(e, e))
    return bytes(out)


def cmd_strip_tounicode(src, dst):
    write(dst, re.sub(rb"\n\s*/ToUnicode \d+ 0 R", b"", read(src)))


def cmd_type3_names(src, dst):
    data = read(src)
    objs = objects(data)
    for num, m in objs.items():
        body = m.group(2)
        if b"/Subtype /Type3" not in body or b"/ToUnicode" not in body:
            continue
        tu = tounicode(stream_of(data, int(re.search(rb"/ToUnicode (\d+) 0 R", body).group(1))))
        enc = re.search(rb"/Encoding (\d+) 0 R", body)
        target = objs[int(enc.group(1))].group(2) if enc else body
        diff = re.search(rb"/Differences \[(.*?)\]", target, re.S)
        items, code, out = diff.group(1).split(), 0, []
        for it in items:
            if it.startswith(b"/"):
                s = tu.get(code)
                out.append(b"/uni" + "".join("%04X" % ord(c) for c in s).encode() if s else it)
                code += 1
            else:
                code = int(it)
                out.append(it)
        new = target[:diff.start(1)] + b" ".join(out) + target[diff.end(1):]
        new = re.sub(rb"\n\s*/ToUnicode \d+ 0 R", b"", new)
        data = data.replace(target, new, 1)
        if enc:
            data = data.replace(body, re.sub(rb"\n\s*/ToUnicode \d+ 0 R", b"", body), 1)
    write(dst, data)


def cmd_type3_plain(src, dst):
    """Type3 fonts without /Encoding: the same pages, for a reader that
    decodes glyph names before ToUnicode (github.com/ledongthuc/pdf, the
    tests' oracle) to read by the ToUnicode maps."""
    data = read(src)
    for num, m in objects(data).items():
        body = m.group(2)
        if b"/Subtype /Type3" not in body or b"/ToUnicode" not in body:
            continue
        new = re.sub(rb"\n\s*/Encoding (<<.*?>>|\d+ 0 R)", b"", body, count=1, flags=re.S)
        data = data.replace(body, new, 1)
    write(dst, data)


# --- cross-reference -----------------------------------------------------

def cmd_hybrid(src, dst):
    """A classic table for the objects outside object streams, and a
    cross-reference stream (named by /XRefStm) for all of them."""
    data = read(src)
    show = subprocess.run(["qpdf", "--show-xref", src], capture_output=True, text=True, check=True).stdout
    entries = {}
    for line in show.splitlines():
        m = re.match(r"(\d+)/(\d+): uncompressed; offset = (\d+)", line)
        if m:
            entries[int(m.group(1))] = (1, int(m.group(3)), int(m.group(2)))
        m = re.match(r"(\d+)/(\d+): compressed; stream = (\d+), index = (\d+)", line)
        if m:
            entries[int(m.group(1))] = (2, int(m.group(3)), int(m.group(4)))
    trailer = subprocess.run(["qpdf", "--show-object=trailer", src], capture_output=True, text=True, check=True).stdout
    root = re.search(r"/Root (\d+ \d+ R)", trailer).group(1)
    start = int(data[data.rindex(b"startxref") + 9:].split()[0])
    # Drop the old cross-reference stream (the last object) from the table.
    xnum = int(data[start:].split()[0])
    entries.pop(xnum, None)
    body = data[:start]
    size = max(entries) + 2
    snum = size - 1
    rows = bytearray()
    soff = len(body)
    for n in range(size):
        t = entries.get(n)
        if n == snum:
            t = (1, soff, 0)
        if t is None:
            rows += bytes([0, 0, 0, 0, 0, 0, 0])
        else:
            rows += bytes([t[0]]) + t[1].to_bytes(4, "big") + t[2].to_bytes(2, "big")
    stream = b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %s /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        snum, size, root.encode(), len(rows), bytes(rows))
    body += stream
    # Subsections of the uncompressed objects only: a reader that knows
    # /XRefStm finds the others there (one that does not, never sees them).
    table = b"xref\n0 1\n0000000000 65535 f \n"
    n = 1
    while n < size:
        if not (entries.get(n) and entries[n][0] == 1):
            n += 1
            continue
        m = n
        while m < size and entries.get(m) and entries[m][0] == 1:
            m += 1
        table += b"%d %d\n" % (n, m - n)
        for k in range(n, m):
            table += b"%010d %05d n \n" % (entries[k][1], entries[k][2])
        n = m
    xref = len(body)
    body += table + b"trailer\n<< /Size %d /Root %s /XRefStm %d >>\nstartxref\n%d\n%%%%EOF\n" % (size, root.encode(), soff, xref)
    write(dst, body)


def cmd_damage(kind, src, dst):
    data = bytearray(read(src))
    sx = data.rindex(b"startxref")
    off = int(data[sx + 9:].split()[0])
    if kind == "startxref":
        # Point startxref into the middle of the file.
        data[sx:] = b"startxref\n%d\n%%%%EOF\n" % (off // 2)
    elif kind == "xref":
        # Garble entries in the middle of the table.
        i = off + len(b"xref\n0 ") + 40
        data[i:i + 120] = b"#" * 120
    elif kind == "noxref":
        # No table, no trailer: only objects and a dangling startxref.
        data[off:] = b"startxref\n0\n%%EOF\n"
    write(dst, bytes(data))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"filter": cmd_filter, "cjk": cmd_cjk, "strip-tounicode": cmd_strip_tounicode,
     "type3-names": cmd_type3_names, "type3-plain": cmd_type3_plain, "hybrid": cmd_hybrid, "damage": cmd_damage}[cmd](*args)
