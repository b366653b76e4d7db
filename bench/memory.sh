#!/usr/bin/env bash
# Memory benchmark: peak RSS and time of `bulletin` on large and crafted
# inputs (bench/genlarge), the median of RUNS runs (default 3). Prints one
# line per input and command, with the peak per input byte.
# Needs GNU time (/usr/bin/time, Debian package "time").
#   [RUNS=3] [SPECS="lines.txt check,..."] bench/memory.sh [BULLETIN_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${1:-}
if [ -z "$bin" ]; then
  bin="$tmp/bulletin"
  go build -o "$bin" ./cmd/bulletin
fi
go run ./bench/genlarge "$tmp/in"
runs=${RUNS:-3}
printf '%-16s %-8s %5s %10s %9s %9s %s\n' input command exit bytes peak_MiB per_byte seconds
# SPECS chooses "input command" pairs, comma-separated (the default: all).
specs=${SPECS:-lines.txt extract,lines.txt check,sentences.txt extract,sentences.txt check,table50k.docx extract,table50k.docx check,rows200k.json check,gridbomb.docx extract,decimals.json check}
IFS=, read -r -a list <<<"$specs"
for spec in "${list[@]}"; do
  read -r input cmd <<<"$spec"
  size=$(stat -c %s "$tmp/in/$input")
  rss=(); secs=(); code=0
  for _ in $(seq "$runs"); do
    set +e
    /usr/bin/time -f '%M %e' -o "$tmp/time" timeout 600 "$bin" "$cmd" "$tmp/in/$input" >/dev/null 2>"$tmp/err"
    code=$?
    set -e
    read -r kb s < <(tail -1 "$tmp/time")
    rss+=("$kb"); secs+=("$s")
  done
  kb=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  s=$(printf '%s\n' "${secs[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-16s %-8s %5s %10s %9.1f %9.1f %s\n' "$input" "$cmd" "$code" "$size" "$(echo "$kb / 1024" | bc -l)" "$(echo "$kb * 1024 / $size" | bc -l)" "$s"
done
