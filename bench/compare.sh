#!/usr/bin/env bash
# Where the readers stand, in one run: each input is read by our CLI and by
# the reference tools, runs alternating, and the table gives the median CPU
# time (user + system, from each child's rusage: the machine is shared, so
# wall time says little) and the median peak RSS of each, with our ratios.
#
#   PDF:  `bulletin extract` (reader and interpreter) and `bulletin blocks`
#         (the reader alone) against `pdftotext -layout` and
#         `mutool draw -F txt`, on the seed, the seed's pages repeated to 70
#         pages as bench/pdf.sh makes them, a 200-page file of mixed
#         producers, and the seed repeated to 1 ... 500 pages, each copy
#         with its own objects (bench/mkpdfs.sh).
#   DOCX: `bulletin extract` and `bulletin blocks` against the floor of
#         `unzip -p FILE word/document.xml`, on the seed DOCX and on a copy
#         whose first table has 500 rows (bench/gendocx).
#
# Targets (issue 19): PDF CPU <= 0.5x pdftotext's and peak RSS <= 1.5x
# pdftotext's; DOCX CPU <= 2x the unzip floor.
#
# usage: bench/compare.sh [RUNS]   (default 11; needs Go, qpdf, pdftotext
#        (poppler-utils), mutool (mupdf-tools) and unzip)
#        BULLETIN_BIN=path/to/bulletin bench/compare.sh measures that build
#        (an older one, say) instead of building this tree's.
set -euo pipefail
runs=${1:-11}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in qpdf pdftotext mutool unzip; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install qpdf poppler-utils mupdf-tools unzip)" >&2; exit 1; }
done

cd "$root"
bin=${BULLETIN_BIN:-$work/bulletin}
[ -n "${BULLETIN_BIN:-}" ] || go build -o "$bin" ./cmd/bulletin
go build -o "$work/runstat" ./bench/runstat
go run ./bench/gendocx -rows 500 testdata/docx/yanshi-2023-03.libreoffice.docx "$work/table-500.docx"
bench/mkpdfs.sh "$work" 1 10 100 200 500 >/dev/null
seed=testdata/pdf/seed-libreoffice.pdf
pages=()
for _ in $(seq 14); do pages+=("$seed"); done
qpdf --empty --pages "${pages[@]}" -- "$work/seed70-shared.pdf"

# row NAME PAGES runstat-output: one line of the table from the medians.
row() {
  awk -v f="$1" -v np="$2" '
    { cpu[$1] = $2; rss[$1] = $3 }
    END {
      ref = ("pdftotext" in cpu) ? "pdftotext" : "unzip"
      printf "%-31s %5s", f, np
      n = split("extract blocks pdftotext mutool unzip", k, " ")
      for (i = 1; i <= n; i++) if (k[i] in cpu) printf " %9.1f %7.1f", cpu[k[i]], rss[k[i]] / 1024
      printf "   cpu x %5.2f %5.2f   rss x %5.2f %5.2f", cpu["extract"] / cpu[ref], cpu["blocks"] / cpu[ref], rss["extract"] / rss[ref], rss["blocks"] / rss[ref]
      if ("mutool" in cpu) printf "   vs mutool cpu x %5.2f rss x %5.2f", cpu["extract"] / cpu["mutool"], rss["extract"] / rss["mutool"]
      printf "\n"
    }'
}

echo "CPU ms and peak RSS MiB, medians of $runs alternating runs each; ratios are extract and blocks over the reference"
printf '%-31s %5s %9s %7s %9s %7s %9s %7s %9s %7s\n' PDF pages "extract" MiB "blocks" MiB pdftotext MiB mutool MiB
for f in "$seed" "$work/seed70-shared.pdf" "$work/mixed-200.pdf" "$work"/seed-{1,10,100,200,500}.pdf; do
  np=$(qpdf --show-npages "$f")
  "$work/runstat" -runs "$runs" \
    extract "$bin" extract "$f" -- \
    blocks "$bin" blocks "$f" -- \
    pdftotext pdftotext -layout "$f" - -- \
    mutool mutool draw -F txt -o - "$f" | row "$(basename "$f")" "$np"
done
echo
printf '%-31s %5s %9s %7s %9s %7s %9s %7s\n' DOCX "" "extract" MiB "blocks" MiB unzip MiB
for f in testdata/docx/yanshi-2023-03.libreoffice.docx "$work/table-500.docx"; do
  "$work/runstat" -runs "$runs" \
    extract "$bin" extract "$f" -- \
    blocks "$bin" blocks "$f" -- \
    unzip unzip -p "$f" word/document.xml | row "$(basename "$f")" ""
done
