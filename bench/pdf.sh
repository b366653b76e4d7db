#!/usr/bin/env bash
# Times `bulletin extract` against `pdftotext -layout` on the seed PDF and on
# a 70-page PDF (the seed's five pages repeated fourteen times), each a
# whole process: runs alternate between the two programs, and the script
# prints the median wall time and the median peak RSS (GNU time %M) of
# each, with the ratios. bench/compare.sh measures CPU time instead (what
# to compare on a shared machine), on more files and against more tools.
#
# usage: bench/pdf.sh [RUNS]   (default 21; needs pdftotext, qpdf, GNU time)
set -euo pipefail
runs=${1:-21}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in pdftotext qpdf /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install poppler-utils qpdf time)" >&2; exit 1; }
done

(cd "$root" && go build -o "$work/bulletin" ./cmd/bulletin)
seed=$root/testdata/pdf/seed-libreoffice.pdf
pages=()
for _ in $(seq 14); do pages+=("$seed"); done
qpdf --empty --pages "${pages[@]}" -- "$work/seed70.pdf"

# run CMD...: prints "milliseconds peak-KiB" of one run.
run() {
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000 )) $(cat "$work/rss")"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

printf '%-22s %6s %12s %12s %10s %12s %12s %10s\n' file pages "ours ms" "pdftotext ms" "time x" "ours KiB" "pdftotext KiB" "RSS x"
for f in "$seed" "$work/seed70.pdf"; do
  : >"$work/ours"; : >"$work/theirs"
  # warm up the page cache and both binaries
  "$work/bulletin" extract "$f" >/dev/null; pdftotext -layout "$f" - >/dev/null
  for _ in $(seq "$runs"); do
    run "$work/bulletin" extract "$f" >>"$work/ours"
    run pdftotext -layout "$f" - >>"$work/theirs"
  done
  ot=$(cut -d' ' -f1 "$work/ours" | median); tt=$(cut -d' ' -f1 "$work/theirs" | median)
  om=$(cut -d' ' -f2 "$work/ours" | median); tm=$(cut -d' ' -f2 "$work/theirs" | median)
  np=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  awk -v f="$(basename "$f")" -v np="$np" -v ot="$ot" -v tt="$tt" -v om="$om" -v tm="$tm" 'BEGIN {
    printf "%-22s %6s %12.1f %12.1f %10.2f %12d %12d %10.2f\n", f, np, ot/1000, tt/1000, ot/tt, om, tm, om/tm }'
done
echo "($runs alternating runs each; medians of wall time and peak RSS)"
