#!/usr/bin/env bash
# Digitize benchmark: documents per second with -jobs 1 and -jobs 2, and
# peak RSS at 100 and at 1,000 documents (it must not grow with the batch).
# The archives mix text, DOCX and PDF one in three each (bench/genarchive).
# Needs GNU time (/usr/bin/time, Debian package "time").
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/bulletin" ./cmd/bulletin
for n in 100 1000; do
  go run ./bench/genarchive -n "$n" "$tmp/a$n"
done
printf '%-6s %-5s %-10s %-9s %-10s\n' docs jobs seconds docs/s peakRSS_MB
for n in 100 1000; do
  for jobs in 1 2; do
    rm -f "$tmp/db.sqlite"*
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/bulletin" digitize -check -db "$tmp/db.sqlite" -jobs "$jobs" "$tmp/a$n" >/dev/null 2>&1
    read -r secs rss < "$tmp/time"
    printf '%-6s %-5s %-10s %-9.1f %-10.1f\n' "$n" "$jobs" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
  done
done
