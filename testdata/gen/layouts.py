#!/usr/bin/env python3
"""Write the seed's first table (with its caption, title and notes) in the
text layouts the text reader must recognise, one file per layout, into
testdata/text/layouts/.

Each file holds exactly what a user's text copy would: the 附件1 caption,
the title over two lines, the table, and the three notes under it.

usage: layouts.py SEED.txt OUTDIR
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from seed2html import parse  # noqa: E402


def first_table(seed):
    items = parse(seed)
    for i, it in enumerate(items):
        if it[0] == "table":
            return it[1], it[2]
    raise SystemExit("no table")


HEAD = ["附件1", "3月份区直部门及公共服务单位群众诉求事项", "办理情况"]
NOTES = ["注：1．交办事项认真办理、按时限回复为按时办结；",
         "2．交办事项回访时诉求人未明确表示不满意的均按满意计算；",
         "3．交办事项按时限办理回复、诉求人未明确表示不满意、事项已彻底办结的为优秀件。"]


def write(outdir, name, body, before="\n\n", after="\n\n", crlf=False):
    text = "\n".join(HEAD) + before + body + after + "\n".join(NOTES) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main():
    seed, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    header, rows = first_table(seed)

    # 1. One cell per TAB-prefixed line, wrapped header cells continue on the
    #    next line, rows separated by blank lines (the seed's own layout).
    blocks = []
    for r in [header] + rows:
        blocks.append("\n".join("\t" + c for c in r))
    write(outdir, "tab-cells.txt", "\n\n".join(blocks))

    # 2. One row per line, TAB-separated; wrapped header cells quoted as a
    #    spreadsheet copies them.
    def tsv_cell(c):
        return '"%s"' % c if "\n" in c else c
    lines = ["\t".join(tsv_cell(c) for c in header)] + ["\t".join(r) for r in rows]
    write(outdir, "tsv-quoted.txt", "\n".join(lines), crlf=True)

    # 2b. Word's "convert table to text" with tabs: a line break inside a
    #     cell breaks the row's line.
    lines = ["\t".join(header)] + ["\t".join(r) for r in rows]
    write(outdir, "tsv-broken-lines.txt", "\n".join(lines))

    # 3. Pipe rows with a rule under the header; the wrapped header cells
    #    give a second header line.
    top = [c.split("\n")[0] for c in header]
    bottom = [c.split("\n")[1] if "\n" in c else "" for c in header]
    pipe = lambda cells: "| " + " | ".join(cells) + " |"
    lines = [pipe(top), pipe(bottom), "|" + "---|" * len(header)] + [pipe(r) for r in rows]
    # Debris of empty cells, as web copies leave it.
    lines.insert(10, "||||||||")
    write(outdir, "pipe-rows.txt", "\n".join(lines))

    # 3b. A grid table: rules between all rows, wrapped cells on two lines.
    rule = "+" + "----+" * len(header)
    lines = [rule, pipe(top), pipe(bottom), rule.replace("-", "=")]
    for r in rows:
        lines += [pipe(r), rule]
    write(outdir, "pipe-grid.txt", "\n".join(lines))

    # 4. One cell per line ending in " |"; wrapped header cells start on the
    #    line before; rows separated by blank lines.
    blocks = []
    for r in [header] + rows:
        blocks.append("\n".join(c + " |" for c in r))
    write(outdir, "bar-cells.txt", "\n\n".join(blocks))

    # 4b. The same without any blank line between rows.
    write(outdir, "bar-cells-unbroken.txt", "\n".join(blocks), before="\n", after="\n")

    # 5. One cell per paragraph, cells separated by blank lines, rows not
    #    marked at all.
    cells = [c for r in [header] + rows for c in r]
    write(outdir, "blank-separated.txt", "\n\n".join(cells))


if __name__ == "__main__":
    main()
