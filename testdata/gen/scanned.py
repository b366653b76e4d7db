#!/usr/bin/env python3
"""Make an image-only ("scanned") PDF from the rasters of a real PDF.

usage: scanned.py IN.pdf OUT.pdf

The first two pages of IN.pdf are rendered to 50 dpi grey images with
pdftoppm (poppler-utils) and written into a new PDF without any text: page
1 draws its image as an image XObject, page 2 as an inline image (BI ... ID
... EI), as scanners and "print to image" tools write them. Standard
library only besides pdftoppm.
"""
import os
import subprocess
import sys
import tempfile
import zlib


def read_pgm(path):
    with open(path, 'rb') as f:
        data = f.read()
    # P5\n<w> <h>\n<max>\n<bytes>
    parts = data.split(maxsplit=4)
    assert parts[0] == b'P5', parts[0]
    w, h, mx = int(parts[1]), int(parts[2]), int(parts[3])
    assert mx == 255
    return w, h, parts[4][: w * h]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['pdftoppm', '-gray', '-r', '50', '-f', '1', '-l', '2', src, os.path.join(tmp, 'p')], check=True)
        pages = [read_pgm(os.path.join(tmp, n)) for n in sorted(os.listdir(tmp))]
    objs = []  # object bodies, numbered from 1

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    tree = add(None)
    kids = []
    for i, (w, h, pix) in enumerate(pages):
        pw, ph = w * 72 / 50, h * 72 / 50
        z = zlib.compress(pix, 9)
        if i == 0:
            img = add(b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray '
                      b'/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n' % (w, h, len(z)) + z + b'\nendstream')
            ops = b'q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q' % (pw, ph)
            res = b'<< /XObject << /Im0 %d 0 R >> >>' % img
        else:
            ops = (b'q %.2f 0 0 %.2f 0 0 cm BI /W %d /H %d /CS /G /BPC 8 /F /Fl ID ' % (pw, ph, w, h)
                   + z + b'\nEI Q')
            res = b'<< >>'
        stream = add(b'<< /Length %d >>\nstream\n' % len(ops) + ops + b'\nendstream')
        kids.append(add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources %s /Contents %d 0 R >>'
                        % (tree, pw, ph, res, stream)))
    objs[catalog - 1] = b'<< /Type /Catalog /Pages %d 0 R >>' % tree
    objs[tree - 1] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % k for k in kids), len(kids))
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % n + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offsets:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, catalog, xref)
    with open(dst, 'wb') as f:
        f.write(out)


if __name__ == '__main__':
    main()
