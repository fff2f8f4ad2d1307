"""SQLite FTS5, the lightweight peer: python3's sqlite3, porter unicode61 tokenizer.

Indexing runs as a child process (`python3 -m benchlib.fts5 FOLDER DB`) so
that it is measured like the other tools; searching runs in-process, like
dossier's search_latency program.
"""

import os
import sqlite3
import sys
import time

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchlib.corpus import text_files  # noqa: E402
from benchlib.queries import text_tokens  # noqa: E402

SCHEMA = "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61')"
SNIPPET_SQL = "SELECT snippet(t, 1, '[', ']', '\u2026', 12) FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT ?"


def _title_and_body(text):
    """A title (front-matter title, else the first non-empty line) and the rest."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:40], 1):
            if line.strip() == "---":
                break
            if line.lower().startswith("title:"):
                return line[6:].strip().strip("\"'"), text
    for line in lines:
        if line.strip():
            return line.strip()[:200], text
    return "", text


def build_index(folder, db_path):
    """Indexes every text file under folder into a new FTS5 table; returns the row count."""
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute(SCHEMA)
    rows = 0
    with con:
        for rel in text_files(folder):
            with open(os.path.join(folder, rel), "rb") as f:
                text = f.read().decode("utf-8", "replace")
            title, body = _title_and_body(text)
            con.execute("INSERT INTO t(title, body) VALUES (?, ?)", (title, body))
            rows += 1
    con.close()
    return rows


def to_fts5(query):
    """The nearest FTS5 query to a dossier query: text terms only, filters dropped.

    Every word is quoted (FTS5 barewords reject punctuation); AND and
    quoted phrases keep their meaning.
    """
    out = []
    for token in text_tokens(query):
        if token in ("AND", "OR", "NOT"):
            out.append(token)
        else:
            out.append('"' + " ".join(w.replace('"', "") for w in token.strip('"').split()) + '"')
    return " ".join(out)


def search_latency(db_path, queries, runs, warmup=2, limit=10):
    """Per query: {"query", "fts5_query", "hits", "ms": [...]}, snippets for the top `limit`."""
    con = sqlite3.connect(db_path)
    converted = [to_fts5(q) for q in queries]
    results = [{"query": q, "fts5_query": c, "hits": 0, "ms": []} for q, c in zip(queries, converted)]
    for p in range(warmup + runs):
        for r in results:
            if not r["fts5_query"]:
                continue
            start = time.perf_counter()
            rows = con.execute(SNIPPET_SQL, (r["fts5_query"], limit)).fetchall()
            ms = (time.perf_counter() - start) * 1000.0
            if p >= warmup:
                r["ms"].append(ms)
                r["hits"] = len(rows)
    con.close()
    return results


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: fts5.py FOLDER DB")
    build_index(sys.argv[1], sys.argv[2])
