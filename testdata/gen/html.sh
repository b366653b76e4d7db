#!/bin/sh
# Regenerates the web-page fixtures in testdata/html (see htmlpages.py for
# what each is). Needs python3 and LibreOffice (soffice) with a CJK font
# (fonts-noto-cjk); the tests only read the committed files.
set -eu
cd "$(dirname "$0")/../.."
out=testdata/html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out/attach"
python3 testdata/gen/htmlpages.py "$out"
conv() { soffice --headless --infilter='HTML (StarWriter)' --convert-to "$1" --outdir "$tmp" "$2" >/dev/null 2>&1; }
conv 'docx:MS Word 2007 XML' "$out/plain.html"
conv 'docx:MS Word 2007 XML' "$out/plain-1.html"
conv 'pdf:writer_pdf_Export' "$out/plain-2.html"
cp "$tmp/plain.docx" "$out/bulletin.docx"
cp "$tmp/plain-1.docx" "$out/attach/fj1.docx"
cp "$tmp/plain-2.pdf" "$out/attach/fj2.pdf"
rm "$out/plain.html" "$out/plain-1.html" "$out/plain-2.html"
ls -l "$out" "$out/attach"
