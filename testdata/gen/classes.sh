#!/usr/bin/env bash
# Regenerate testdata/pdf/classes: the flat ODF sources written by
# classes.py, and LibreOffice's DOCX and PDF of each. The tests compare
# the records of each PDF with those of its DOCX. Needs python3 and
# LibreOffice (soffice) with fonts-noto-cjk; the tests only read the
# committed files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/.." && pwd)/pdf/classes
mkdir -p "$out"
python3 "$here/classes.py" "$out"
cd "$out"
for f in *.fodt; do
  soffice --headless --convert-to pdf "$f" >/dev/null 2>&1
  soffice --headless --convert-to 'docx:MS Word 2007 XML' "$f" >/dev/null 2>&1
done
ls -l "$out"
