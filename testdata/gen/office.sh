#!/bin/sh
# Regenerates the legacy Word and spreadsheet fixtures in testdata/office
# from the text seed. Needs LibreOffice (soffice with Writer and Calc),
# python3 and Go; see testdata/gen/README.md.
set -eu
cd "$(dirname "$0")/../.."
seed=testdata/yanshi-2023-03.txt
out=testdata/office
gen=testdata/gen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
export HOME="$tmp" # a fresh LibreOffice profile

# The seed as Word 97-2003, from the LibreOffice DOCX fixture.
soffice --headless --convert-to doc --outdir "$tmp" testdata/docx/yanshi-2023-03.libreoffice.docx >/dev/null
cp "$tmp/yanshi-2023-03.libreoffice.doc" $out/yanshi-2023-03.doc

# The seed as a spreadsheet: Calc imports the seed HTML (prose rows merged
# across the sheet, the tables as cells) and writes XLSX and XLS.
python3 $gen/seed2html.py $seed "$tmp/yanshi-2023-03.html"
soffice --headless --infilter='HTML (StarCalc)' --convert-to xlsx --outdir "$tmp" "$tmp/yanshi-2023-03.html" >/dev/null
soffice --headless --infilter='HTML (StarCalc)' --convert-to 'xls:MS Excel 97' --outdir "$tmp" "$tmp/yanshi-2023-03.html" >/dev/null
cp "$tmp/yanshi-2023-03.xlsx" "$tmp/yanshi-2023-03.xls" $out/

# A workbook made by a program (excelize): a two-level merged header, rates
# stored as fractions under 0.00% and 0.0% formats, formulas with cached
# values (one of them stale), a hidden column, a sheet named as the
# caption; and the same workbook saved by Calc as XLS.
go run $gen/xlsxmerged.go $out/merged-header.xlsx
soffice --headless --convert-to 'xls:MS Excel 97' --outdir "$tmp" $out/merged-header.xlsx >/dev/null
cp "$tmp/merged-header.xls" $out/merged-header.xls
ls -l $out
