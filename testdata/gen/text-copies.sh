#!/usr/bin/env bash
# Make the real-world text copies of the seed under testdata/text/:
#   yanshi-2023-03.pdftotext.txt  pdftotext -layout of LibreOffice's PDF
#   yanshi-2023-03.pandoc.txt     pandoc's plain-text rendering
# and the layout variants of its first table under testdata/text/layouts/.
# Needs: python3, LibreOffice (soffice), poppler-utils, pandoc, fonts-noto-cjk.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
td=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/seed2html.py" "$td/yanshi-2023-03.txt" "$tmp/seed.html"
(cd "$tmp" && soffice --headless --infilter='HTML (StarWriter)' --convert-to 'docx:MS Word 2007 XML' seed.html >/dev/null 2>&1 \
  && soffice --headless --convert-to pdf seed.docx >/dev/null 2>&1)
mkdir -p "$td/text"
pdftotext -layout "$tmp/seed.pdf" "$td/text/yanshi-2023-03.pdftotext.txt"
pandoc "$tmp/seed.html" -t plain -o "$td/text/yanshi-2023-03.pandoc.txt"
python3 "$here/layouts.py" "$td/yanshi-2023-03.txt" "$td/text/layouts"
