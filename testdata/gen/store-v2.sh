#!/usr/bin/env bash
# Makes testdata/store/v2.sqlite: an archive written by `bulletin digitize`
# of schema version 2 (records by bulletin content, sources, channels,
# groups, extractor versions, units), so that the migration tests start
# from a real database of that version. It builds the command at the last
# commit with that schema (c4eea6d) from `git archive` in a temporary folder
# and digitizes, with -check, the seed bulletin and a copy of it in DOCX
# (one bulletin, two sources), a DOCX with a two-level header by channel,
# a made-up month, and a legacy .doc that version could not read (failed).
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src"
git archive c4eea6d | tar -x -C "$tmp/src"
(cd "$tmp/src" && go build -o "$tmp/bulletin" ./cmd/bulletin)
rm -f testdata/store/v2.sqlite
"$tmp/bulletin" digitize -check -jobs 1 -db testdata/store/v2.sqlite \
  testdata/yanshi-2023-03.txt testdata/docx/yanshi-2023-03.libreoffice.docx \
  testdata/docx/merged-header.docx testdata/docx/merged-header.doc \
  testdata/trend-made-up/2024-01.txt >/dev/null || test $? = 2
# One file: the WAL folded into the database.
sqlite3 testdata/store/v2.sqlite 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;' >/dev/null
