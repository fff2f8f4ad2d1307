"""The tools compared: how each is found, run to index a folder, and searched.

dossier  — dossier-index / dossier-search from a build folder, search_latency for in-process timing
omindex  — Debian's xapian-omega (omindex), searched with quest (xapian-tools)
fts5     — python3's sqlite3 FTS5 (benchlib/fts5.py), indexed in a child process
"""

import json
import os
import shutil
import subprocess
import sys

from benchlib.measure import run_measured

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# omindex decides types from extensions (then libmagic); say plainly which are text.
OMINDEX_TYPES = ["-Mtxt:text/plain", "-Mtext:text/plain", "-Mmd:text/plain", "-Mmarkdown:text/plain"]


class Tools:
    """Paths of the programs; None for a peer that is not installed."""

    def __init__(self, build_dir, dossier_args=()):
        self.build = os.path.abspath(build_dir)
        self.dossier_index = os.path.join(self.build, "indexer", "dossier-index")
        self.dossier_search = os.path.join(self.build, "searcher", "dossier-search")
        self.search_latency = os.path.join(self.build, "tests", "bench", "search_latency")
        self.dossier_args = list(dossier_args)
        self.omindex = shutil.which("omindex")
        self.quest = shutil.which("quest")
        self.compact = shutil.which("xapian-compact")

    def check(self):
        """Problems that stop the benchmark (missing dossier programs), as text lines."""
        missing = [p for p in (self.dossier_index, self.dossier_search, self.search_latency) if not os.access(p, os.X_OK)]
        if missing:
            return ["not built: %s (cmake --build %s --target dossier-index dossier-search search_latency)"
                    % (", ".join(missing), self.build)]
        return []

    def peers(self):
        """Which peers can run: {"omindex": bool, "quest": bool}."""
        return {"omindex": bool(self.omindex), "quest": bool(self.quest), "xapian-compact": bool(self.compact)}


def dossier_index(tools, folders, index, env=None, extra=()):
    argv = [tools.dossier_index] + list(folders) + ["--index", index, "-q"] + tools.dossier_args + list(extra)
    return run_measured(argv, env=env)


def omindex_index(tools, folder, db, env=None):
    # --url / and BASEDIR=FOLDER: the URL of each file is its path under the folder.
    argv = [tools.omindex, "--db", db, "--url", "/"] + OMINDEX_TYPES + [folder]
    return run_measured(argv, env=env)


def fts5_index(folder, db):
    argv = [sys.executable, "-B", os.path.join(BENCH_DIR, "benchlib", "fts5.py"), folder, db]
    return run_measured(argv)


def compact(tools, src, dst):
    """xapian-compact src into dst (timed); None when xapian-compact is missing."""
    if not tools.compact:
        return None
    return run_measured([tools.compact, src, dst])


def dossier_search_process(tools, index, query, limit=10, env=None):
    """One whole-process dossier-search (the exit code 1, 'nothing matched', is not a failure)."""
    argv = [tools.dossier_search, "--index", index, "-n", str(limit), "--color", "never", "--", query]
    return run_measured(argv, env=env, ok_codes=(0, 1))


def quest_process(tools, db, query, limit=10):
    argv = [tools.quest, "-d", db, "-m", str(limit), "--", query]
    return run_measured(argv)


def dossier_latency(tools, indexes, queries_file, runs, warmup=2, limit=10):
    """In-process timings from search_latency: its JSON, parsed."""
    argv = [tools.search_latency, "--queries", queries_file, "--runs", str(runs), "--warmup", str(warmup),
            "--limit", str(limit)]
    for index in indexes:
        argv += ["--index", index]
    out = subprocess.run(argv, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return json.loads(out.stdout.decode("utf-8"))


def dossier_stats(tools, index):
    """`dossier-index stats --json` of an index, parsed ({} if it fails)."""
    out = subprocess.run([tools.dossier_index, "stats", "--index", index, "--json"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        return json.loads(out.stdout.decode("utf-8")) if out.returncode == 0 else {}
    except ValueError:
        return {}
