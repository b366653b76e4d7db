#!/usr/bin/env bash
# Regenerate the "PDF in the wild" fixtures of issue 5 under testdata/pdf:
# damaged files, other filters, encryption, CJK fonts without a usable
# ToUnicode map, Type3 glyph names. Each seed-*.pdf must give the records
# of the text seed; the others give the error named in the README.
# Needs python3, qpdf (with fix-qdf), chromium, poppler-data; the tests
# need none of them. Run after testdata/gen/pdf.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/testdata/pdf
seed=$root/testdata/yanshi-2023-03.txt
lo=$out/seed-libreoffice.pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
wild() { python3 "$here/pdfwild.py" "$@"; }
# qdf IN OUT: a QDF copy (uncompressed streams, one object per block).
qdf() { qpdf --qdf --object-streams=disable "$1" "$2"; }
# fixqdf IN OUT: lengths and cross-reference recomputed, filters kept.
fixqdf() { fix-qdf "$1" > "$work/fixed.pdf" && qpdf --decode-level=none --stream-data=preserve --object-streams=disable "$work/fixed.pdf" "$2"; }
# fixz IN OUT: the same, streams compressed again with Flate.
fixz() { fix-qdf "$1" > "$work/fixed.pdf" && qpdf --object-streams=disable --compress-streams=y "$work/fixed.pdf" "$2"; }

# 1. Junk around the file: an HTTP response header and a UTF-8 BOM before
#    %PDF, an HTML error page (far more than 100 bytes) after %%EOF.
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n\xef\xbb\xbf'; cat "$lo"; } > "$out/seed-junk-before.pdf"
{ cat "$lo"; printf '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body>'
  for _ in $(seq 8); do printf '<p>The server encountered an internal error and was unable to complete your request.</p>'; done
  printf '</body></html>\n'; } > "$out/seed-junk-after.pdf"

# 2. A PDF 2.0 header.
qpdf --force-version=2.0 "$lo" "$out/seed-pdf20.pdf"

# 3. A wrong startxref, a garbled table, no table or trailer at all.
qpdf --object-streams=disable "$lo" plain.pdf
wild damage startxref plain.pdf "$out/seed-startxref-wrong.pdf"
wild damage xref plain.pdf "$out/seed-xref-damaged.pdf"
wild damage noxref plain.pdf "$out/seed-xref-missing.pdf"

# 4. A hybrid file: a classic table naming an /XRefStm that lists the
#    objects in object streams.
qpdf --object-streams=generate "$lo" objstm.pdf
wild hybrid objstm.pdf "$out/seed-hybrid-xrefstm.pdf"

# 5. Filters: LZW, ASCIIHex, RunLength, Flate with PNG predictors 10 to 15
#    (row types 0 to 4, one- and three-byte pixels).
qdf "$lo" seed.qdf
for f in lzw asciihex runlength png; do
  wild filter "$f" seed.qdf "$f.qdf"
  fixqdf "$f.qdf" "$out/seed-filter-$f.pdf"
done

# 6. Encryption with an empty user password (RC4 40 and 128 bits, AES-128,
#    AES-256 revisions 5 and 6), and AES-256 with user password 123.
qpdf --allow-weak-crypto --encrypt "" owner 40 -- "$lo" "$out/seed-rc4-40.pdf"
qpdf --allow-weak-crypto --encrypt "" owner 128 --use-aes=n -- "$lo" "$out/seed-rc4-128.pdf"
qpdf --encrypt "" owner 128 --use-aes=y -- "$lo" "$out/seed-aes128.pdf"
qpdf --encrypt "" owner 256 --force-R5 -- "$lo" "$out/seed-aes256-r5.pdf"
qpdf --encrypt "" owner 256 -- "$lo" "$out/seed-aes256-r6.pdf"
qpdf --encrypt 123 owner 256 -- "$lo" "$out/userpw-aes256.pdf"

# 7. CJK fonts without ToUnicode: LibreOffice's fonts replaced by a
#    non-embedded Adobe-GB1 CIDFont (SimSun) through each predefined CMap,
#    and through Identity-H with Adobe-GB1 CIDs.
for c in GBK-EUC-H GBK-EUC-V GB-EUC-H GB-EUC-V UniGB-UCS2-H UniGB-UCS2-V UniGB-UTF16-H UniGB-UTF16-V Identity-H; do
  wild cjk "$c" seed.qdf cjk.qdf
  lower=$(echo "$c" | tr 'A-Z' 'a-z')
  [ "$c" = Identity-H ] && lower=gb1-identity-h
  fixz cjk.qdf "$out/seed-cmap-$lower.pdf"
done

# 8. An embedded TrueType subset with Identity-H and no ToUnicode:
#    Chromium prints the seed in WenQuanYi Zen Hei, the maps are removed.
python3 "$here/seed2html.py" "$seed" seed-thead.html --thead
grep -v '<title>' seed-thead.html | sed 's|</style>|*{font-family:"WenQuanYi Zen Hei" !important}</style>|' > wqy.html
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/wqy.pdf" wqy.html >/dev/null 2>&1
qdf wqy.pdf wqy.qdf
mkdir -p "$out/oracle"
cp wqy.pdf "$out/oracle/seed-truetype-no-tounicode.pdf" # the oracle's copy, see 11.
wild strip-tounicode wqy.qdf wqy-nomap.qdf
fixz wqy-nomap.qdf "$out/seed-truetype-no-tounicode.pdf"

# 9. Type3 fonts (Chromium's Noto CJK) without ToUnicode, their glyphs
#    named uniXXXX: read by glyph names.
grep -v '<title>' seed-thead.html > type3.html
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/type3.pdf" type3.html >/dev/null 2>&1
qdf type3.pdf type3.qdf
wild type3-plain type3.qdf type3-plain.qdf
fixz type3-plain.qdf "$out/oracle/seed-type3-glyphnames.pdf" # see 11.
wild type3-names type3.qdf type3-names.qdf
fixz type3-names.qdf "$out/seed-type3-glyphnames.pdf"

# 10. LibreOffice's CJK fonts without their ToUnicode maps: the codes mean
#     nothing without them, and the reader must say so instead of giving
#     Latin-1 junk (unsupported font encoding).
wild strip-tounicode seed.qdf nomap.qdf
fixz nomap.qdf "$out/garbage-no-tounicode.pdf"

# 11. Copies for the tests' oracle (github.com/ledongthuc/pdf), which
#     decodes Type3 fonts by their /Encoding glyph names and never by
#     their ToUnicode maps, and does not read TrueType cmaps: the same
#     pages with the Type3 fonts' /Encoding removed (the two above are
#     made with their fixtures: the print before its maps were renamed or
#     stripped).
for f in seed-chromium seed-landscape; do
  qdf "$out/$f.pdf" plain.qdf
  wild type3-plain plain.qdf plain2.qdf
  fixz plain2.qdf "$out/oracle/$f.pdf"
done

ls -l "$out"
