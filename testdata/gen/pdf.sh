#!/usr/bin/env bash
# Regenerate the PDF fixtures under testdata/pdf from the seed bulletin.
# Needs python3, LibreOffice (soffice), pandoc, chromium and qpdf; the tests
# only read the committed PDFs. See testdata/pdf/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/testdata/pdf
seed=$root/testdata/yanshi-2023-03.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cd "$work"

docx() { soffice --headless --infilter='HTML (StarWriter)' --convert-to 'docx:MS Word 2007 XML' "$1" >/dev/null 2>&1; }
pdf() { soffice --headless --convert-to pdf "$1" >/dev/null 2>&1; }
chrome() { chromium --headless --no-sandbox --disable-gpu "$@" >/dev/null 2>&1; }

# 1. LibreOffice, ruled tables, embedded Noto CJK subsets: the DOCX
#    fixture exported to PDF.
python3 "$here/seed2html.py" "$seed" seed.html
cp "$root/testdata/docx/yanshi-2023-03.libreoffice.docx" seed.docx
pdf seed.docx
cp seed.pdf "$out/seed-libreoffice.pdf"

# 2. The same with object streams, and linearized.
qpdf --object-streams=generate seed.pdf "$out/seed-objstm.pdf"
qpdf --linearize seed.pdf "$out/seed-linearized.pdf"

# 3. Pages turned by /Rotate 90, 180 and 270 (the text reads sideways or
#    upside down on the displayed page).
qpdf seed.pdf --rotate=+90:2 --rotate=+180:3 --rotate=+270:4 "$out/seed-rotated.pdf"

# 4. pandoc's DOCX through LibreOffice: borderless tables, unit names
#    wrapped in their cells, header repeated, a row split by a page break.
#    (The HTML <title> is dropped: pandoc would print it as a title.)
grep -v '<title>' seed.html > seed-notitle.html
pandoc seed-notitle.html -o pandoc.docx
pdf pandoc.docx
cp pandoc.pdf "$out/seed-pandoc.pdf"

# 5. Chromium (Skia: Type3 fonts, radicals in ToUnicode) with its running
#    header (date, title) and footer (file URL, page "n/m").
python3 "$here/seed2html.py" "$seed" seed-thead.html --thead
grep -v '<title>' seed-thead.html | sed 's|<head>|<head><title>12345</title>|' > chromium.html
chrome --print-to-pdf="$work/chromium.pdf" chromium.html
cp chromium.pdf "$out/seed-chromium.pdf"

# 6. Chromium, A4 landscape pages.
sed 's|</style>|@page{size:A4 landscape}</style>|' seed-thead.html > landscape.html
chrome --no-pdf-header-footer --print-to-pdf="$work/landscape.pdf" landscape.html
cp landscape.pdf "$out/seed-landscape.pdf"

# 7. LibreOffice with generous cell padding and a repeated header row, so
#    that the first table runs over three pages.
sed 's/cellpadding="4"/cellpadding="12"/g' seed-thead.html > tall.html
docx tall.html && pdf tall.docx
cp tall.pdf "$out/seed-threepage.pdf"

# 8. A table with a two-level merged header (row and column spans) and a
#    total row spanning two columns: the DOCX fixture exported to PDF.
cp "$root/testdata/docx/merged-header.docx" merged.docx
pdf merged.docx
cp merged.pdf "$out/merged-header.pdf"

# 9. The same encrypted: AES-128 with an empty user password (readable, as
#    most "restricted" government PDFs are), and with user password 123.
qpdf --encrypt "" owner 128 --use-aes=y -- merged.pdf "$out/merged-aes128.pdf"
qpdf --encrypt 123 owner 128 --use-aes=y -- merged.pdf "$out/merged-userpw.pdf"

ls -l "$out"
