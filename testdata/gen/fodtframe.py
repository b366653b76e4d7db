#!/usr/bin/env python3
"""Wrap one table of a flat ODF text document in a text frame.

LibreOffice exports a frame to DOCX as a text box (w:txbxContent inside
mc:AlternateContent), which is how the text-box fixture is made.

usage: fodtframe.py IN.fodt TABLE_NAME OUT.fodt
"""
import sys


def main():
    src, name, out = sys.argv[1:4]
    s = open(src, encoding="utf-8").read()
    i = s.index('<table:table table:name="%s"' % name)
    j = s.index("</table:table>", i) + len("</table:table>")
    frame = ('<text:p text:style-name="Standard"><draw:frame draw:name="Frame1" '
             'text:anchor-type="paragraph" svg:width="16cm" draw:z-index="0">'
             '<draw:text-box fo:min-height="2cm">' + s[i:j] + '<text:p/></draw:text-box>'
             '</draw:frame></text:p>')
    open(out, "w", encoding="utf-8").write(s[:i] + frame + s[j:])


if __name__ == "__main__":
    main()
