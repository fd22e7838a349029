#!/usr/bin/env python3
# What FTS5's options would do to LlmPrep's search index: its size, its build time, exact phrase queries and BM25
# ranking, for detail=full (what the index uses), detail=column, detail=none, columnsize=0, and no final 'optimize'.
#   python3 bench/fts5-options.py VAULT        e.g. a vault from `llmprep bench --generate 2000 --seed 1 --out VAULT`
# It cuts each note into sections at its headings and indexes them in a contentless FTS5 table with the index's
# columns (title, heading, aliases, tags, body) and tokenizer, through Python's own SQLite. The sections are close to
# the index's, not the same, so compare the variants with each other rather than with the index's file size.
import os
import re
import sqlite3
import sys
import tempfile
import time

SCHEMA = ("CREATE VIRTUAL TABLE s USING fts5(title, heading, aliases, tags, body, content=''{0}, "
          "tokenize='porter unicode61 remove_diacritics 2')")
VARIANTS = [
    ("detail=full, optimized (the index)", "", True),
    ("detail=full, not optimized", "", False),
    ("detail=column", ", detail=column", True),
    ("detail=none", ", detail=none", True),
    ("columnsize=0", ", columnsize=0", True),
]


def sections(vault):
    """(title, heading, aliases, tags, body) for each section of each note: front matter, then a row per heading."""
    for root, _, files in os.walk(vault):
        for name in sorted(f for f in files if f.endswith(".md")):
            text = open(os.path.join(root, name), encoding="utf-8").read()
            meta = {"title": name[:-3], "tags": "", "aliases": ""}
            front = re.match(r"---\n(.*?)\n---\n", text, re.S)
            if front:
                text = text[front.end():]
                for line in front.group(1).split("\n"):
                    key, _, value = line.partition(":")
                    if key in meta:
                        meta[key] = value.strip().strip("[]").replace(",", " ")
            heading, body = meta["title"], []
            for line in text.split("\n") + ["# (end)"]:
                if re.match(r"#{1,6} ", line):
                    if body or heading != meta["title"]:
                        yield meta["title"], heading, meta["aliases"], meta["tags"], "\n".join(body)
                    heading, body = line.lstrip("#").strip(), []
                else:
                    body.append(line)


def build(path, extra, optimize, rows):
    db = sqlite3.connect(path)
    db.execute(SCHEMA.format(extra))
    began = time.perf_counter()
    with db:
        db.executemany("INSERT INTO s(rowid, title, heading, aliases, tags, body) VALUES (?, ?, ?, ?, ?, ?)",
                       [(i + 1,) + row for i, row in enumerate(rows)])
        if optimize:
            db.execute("INSERT INTO s(s) VALUES ('optimize')")
    seconds = time.perf_counter() - began
    db.execute("VACUUM")
    return db, seconds


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 bench/fts5-options.py VAULT")
    rows = list(sections(sys.argv[1]))
    print(f"{len(rows)} sections from {sys.argv[1]}, SQLite {sqlite3.sqlite_version}")
    reference = None
    with tempfile.TemporaryDirectory() as scratch:
        for number, (name, extra, optimize) in enumerate(VARIANTS):
            path = os.path.join(scratch, f"variant-{number}.db")
            db, seconds = build(path, extra, optimize, rows)
            size = os.path.getsize(path)
            try:
                phrase = str(db.execute("SELECT count(*) FROM s WHERE s MATCH '\"kv cache\"'").fetchone()[0])
            except sqlite3.Error as error:
                phrase = "no: " + str(error).removeprefix("fts5: ")
            ranking = db.execute("SELECT rowid FROM s WHERE s MATCH 'kv cache' ORDER BY bm25(s), rowid LIMIT 20").fetchall()
            if reference is None:
                reference = ranking
            same = "same" if ranking == reference else "different"
            print(f"{name:36} {size / 1e6:6.2f} MB  build {seconds:5.2f} s  bm25 top 20: {same:9}  "
                  f"phrase \"kv cache\": {phrase}")
            db.close()


main()
