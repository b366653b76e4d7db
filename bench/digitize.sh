#!/usr/bin/env bash
# Digitize benchmark: documents per second with -jobs 1 and -jobs 2, the
# CPU seconds they took (user + system: on a shared machine the wall time
# stretches, the CPU time hardly), and peak RSS at each size (it must not
# grow with the number of documents).
# The archives mix text, DOCX and PDF one in three each (bench/genarchive).
#
#	bench/digitize.sh [SIZE...]    # default: 100 1000; the issue's: 100 1000 10000
#
# Needs GNU time (/usr/bin/time, Debian package "time").
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(100 1000)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/bulletin" ./cmd/bulletin
for n in "${sizes[@]}"; do
  go run ./bench/genarchive -n "$n" "$tmp/a$n"
done
printf '%-6s %-5s %-9s %-9s %-9s %-10s\n' docs jobs seconds cpu_s docs/s peakRSS_MB
for n in "${sizes[@]}"; do
  for jobs in 1 2; do
    rm -f "$tmp/db.sqlite"*
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$tmp/bulletin" digitize -check -db "$tmp/db.sqlite" -jobs "$jobs" "$tmp/a$n" >/dev/null 2>&1
    read -r secs user sys rss < "$tmp/time"
    printf '%-6s %-5s %-9s %-9.2f %-9.1f %-10.1f\n' "$n" "$jobs" "$secs" "$(echo "$user + $sys" | bc -l)" "$(echo "$n / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
  done
done
