#!/usr/bin/env bash
# Makes the large PDFs the benchmarks read, from the repository's fixtures
# (needs qpdf):
#
#   seed-N.pdf    the LibreOffice seed's five pages repeated to N pages, for
#                 each N given (qpdf --pages cuts the last copy short)
#   mixed-200.pdf 200 pages of mixed producers: LibreOffice (ruled tables,
#                 Type1C subsets), Chromium (Type3 fonts, radicals),
#                 three-line and borderless tables, pandoc's TrueType
#                 subsets, a predefined GBK-EUC-H CMap without ToUnicode,
#                 Chromium without ToUnicode (TrueType cmap tables) and
#                 landscape pages, each file's fonts its own
#
# usage: bench/mkpdfs.sh DIR [N...]   (default N: 1 10 70 100 200 500)
set -euo pipefail
out=${1:?usage: bench/mkpdfs.sh DIR [N...]}
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 70 100 200 500)
root=$(cd "$(dirname "$0")/.." && pwd)
pdfs=$root/testdata/pdf
command -v qpdf >/dev/null || { echo "missing qpdf (apt-get install qpdf)" >&2; exit 1; }
mkdir -p "$out"

# Every copy of a fixture is given to qpdf under a name of its own: qpdf
# shares the objects of a file named twice, and a real long file has a
# content stream per page.
copies=$(mktemp -d)
trap 'rm -rf "$copies"' EXIT
# copy FILE: sets c to a new copy of FILE.
ncopies=0
copy() { ncopies=$((ncopies + 1)); c="$copies/$ncopies.pdf"; cp "$1" "$c"; }

# repeat FILE PAGES OUT: FILE's pages over and over, cut to PAGES pages.
repeat() {
  local per args=()
  per=$(qpdf --show-npages "$1")
  for _ in $(seq $(( ($2 + per - 1) / per ))); do copy "$1"; args+=("$c"); done
  qpdf --empty --pages "${args[@]}" -- "$3.tmp"
  qpdf --empty --pages "$3.tmp" "1-$2" -- "$3"
  rm -f "$3.tmp"
}

for n in "${sizes[@]}"; do
  repeat "$pdfs/seed-libreoffice.pdf" "$n" "$out/seed-$n.pdf"
done

mixed=(seed-libreoffice.pdf seed-chromium.pdf classes/threeline-groups.pdf seed-pandoc.pdf
  seed-cmap-gbk-euc-h.pdf classes/borderless-wrapped.pdf seed-truetype-no-tounicode.pdf
  classes/landscape-pages.pdf seed-threepage.pdf)
args=()
total=0
while [ "$total" -lt 200 ]; do
  for f in "${mixed[@]}"; do
    copy "$pdfs/$f"
    args+=("$c")
    total=$(( total + $(qpdf --show-npages "$pdfs/$f") ))
  done
done
qpdf --empty --pages "${args[@]}" -- "$out/mixed.tmp"
qpdf --empty --pages "$out/mixed.tmp" 1-200 -- "$out/mixed-200.pdf"
rm -f "$out/mixed.tmp"
