#!/bin/sh
# Regenerates the DOCX fixtures in testdata/docx from the text seed.
# Needs LibreOffice (soffice), pandoc and python3; see testdata/gen/README.md.
set -eu
cd "$(dirname "$0")/../.."
seed=testdata/yanshi-2023-03.txt
out=testdata/docx
gen=testdata/gen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

python3 $gen/seed2html.py $seed "$tmp/seed.html"
python3 $gen/seed2html.py $seed "$tmp/seed_thead.html" --thead
python3 $gen/merged2html.py "$tmp/merged.html"
soffice --headless --infilter='HTML (StarWriter)' --convert-to 'docx:MS Word 2007 XML' \
	--outdir "$tmp" "$tmp/seed.html" "$tmp/seed_thead.html" "$tmp/merged.html" >/dev/null

# A text box: LibreOffice writes a frame as a DrawingML text box (with a
# VML fallback); put table 4 in a frame of the flat ODF and convert back.
soffice --headless --convert-to fodt --outdir "$tmp" "$tmp/seed.docx" >/dev/null
python3 $gen/fodtframe.py "$tmp/seed.fodt" Table4 "$tmp/textbox.fodt"
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$tmp/textbox.fodt" >/dev/null

cp "$tmp/seed.docx" $out/yanshi-2023-03.libreoffice.docx
# pandoc makes the HTML <title> a Title paragraph the seed does not have.
sed 's#<title>[^<]*</title>##' "$tmp/seed.html" >"$tmp/seed_pandoc.html"
pandoc "$tmp/seed_pandoc.html" -o $out/yanshi-2023-03.pandoc.docx
python3 $gen/docxvariant.py quirks "$tmp/seed.docx" $out/yanshi-2023-03.quirks.docx
python3 $gen/docxvariant.py pagebreak "$tmp/seed_thead.docx" $out/yanshi-2023-03.pagebreak.docx
python3 $gen/docxvariant.py textbox "$tmp/textbox.docx" $out/yanshi-2023-03.textbox.docx
python3 $gen/docxvariant.py strict "$tmp/seed.docx" $out/yanshi-2023-03.strict.docx
cp "$tmp/merged.docx" $out/merged-header.docx
soffice --headless --convert-to doc --outdir "$tmp" "$tmp/merged.docx" >/dev/null
cp "$tmp/merged.doc" $out/merged-header.doc
# The template internal/bulletintest fills to make made-up DOCX bulletins.
python3 $gen/template2html.py "$tmp/template.html"
soffice --headless --infilter='HTML (StarWriter)' --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$tmp/template.html" >/dev/null
mkdir -p $out/../templates
cp "$tmp/template.docx" $out/../templates/bulletin-template.docx
ls -l $out $out/../templates
