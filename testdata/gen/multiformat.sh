#!/bin/sh
# Regenerates testdata/multiformat/: made-up bulletins (multiformat.py) as
# DOCX, as pdftotext -layout text of LibreOffice's PDF, and as TAB and pipe
# text copies. Needs python3, LibreOffice (soffice), poppler-utils
# (pdftotext) and fonts-noto-cjk. Set KEEP=DIR to keep the intermediate
# files (.fodt, .pdf) there.
set -eu
cd "$(dirname "$0")/../.."
out=testdata/multiformat
tmp=${KEEP:-$(mktemp -d)}
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" "$tmp"
python3 testdata/gen/multiformat.py "$tmp"
(cd "$tmp" && soffice --headless --convert-to 'docx:MS Word 2007 XML' *.fodt >/dev/null 2>&1 \
	&& soffice --headless --convert-to pdf *.docx >/dev/null 2>&1)
for f in "$tmp"/*.fodt; do
	name=$(basename "$f" .fodt)
	cp "$tmp/$name.docx" "$out/$name.docx"
	pdftotext -layout "$tmp/$name.pdf" "$out/$name.layout.txt"
	cp "$tmp/$name.tab.txt" "$tmp/$name.pipe.txt" "$out/"
done
