#!/usr/bin/env bash
# Makes testdata/store/v1.sqlite: an archive written by `bulletin digitize`
# as it was before schema versions (schema 1, user_version 0), so that the
# migration tests start from a real old database. It builds the command at
# the last commit with that schema (3be26ea) in a temporary worktree and
# digitizes, as that version was used: the same file under two spellings
# of its path (stored twice then), a DOCX, and a file that fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/src" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/src" 3be26ea >/dev/null
(cd "$tmp/src" && go build -o "$tmp/bulletin" ./cmd/bulletin)
rm -f testdata/store/v1.sqlite
"$tmp/bulletin" digitize -check -db testdata/store/v1.sqlite \
  testdata/yanshi-2023-03.txt ./testdata/yanshi-2023-03.txt \
  testdata/docx/merged-header.docx testdata/docx/merged-header.doc || test $? = 2
