#!/usr/bin/env python3
"""ctest's smoke run of the benchmark: a tiny --quick run must finish and write
well-formed JSON holding every section. It asserts nothing about speed.

  smoke_check.py --build BUILD_DIR --corpus FOLDER --out FILE
"""

import argparse
import json
import math
import os
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))


def positive(d, *keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            raise AssertionError("missing %s" % "/".join(keys))
        d = d[k]
    if not isinstance(d, (int, float)) or isinstance(d, bool) or not math.isfinite(d) or d <= 0:
        raise AssertionError("%s is not a positive number: %r" % ("/".join(keys), d))


def check(results):
    for section in ("machine", "corpus", "settings", "indexing", "reruns", "queries", "in_process_search",
                    "whole_process_search", "scale", "targets"):
        if section not in results:
            raise AssertionError("section %s missing" % section)
    if "error" in results:
        raise AssertionError("the run reported an error: %s" % results["error"])
    if len(results["queries"]) < 20:
        raise AssertionError("only %d queries" % len(results["queries"]))
    tools = ["dossier", "fts5"] + (["omindex"] if results["peers"]["omindex"] else [])
    for tool in tools:
        for key in ("wall_s", "cpu_s", "peak_rss_mb", "docs_per_s", "mb_per_s", "index_bytes"):
            positive(results, "indexing", tool, key)
    positive(results, "reruns", "unchanged", "dossier", "wall_s")
    positive(results, "reruns", "changed_1pct", "dossier", "wall_s")
    for tool in ("dossier", "fts5"):
        for key in ("p50_ms", "p95_ms", "p99_ms", "samples"):
            positive(results, "in_process_search", tool, key)
    positive(results, "whole_process_search", "dossier-search", "p50_ms")
    per_query = results["in_process_search"]["dossier"]["per_query"]
    if sum(q.get("hits", 0) for q in per_query) == 0:
        raise AssertionError("no query found anything: the searches did not search")
    points = results["scale"]["points"]
    if not points:
        raise AssertionError("no scale point measured")
    positive(points[0], "tools", "dossier", "wall_s")
    if len(results["targets"]) != 6:
        raise AssertionError("expected 6 targets, got %d" % len(results["targets"]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    if os.path.exists(a.out):
        os.remove(a.out)
    cmd = [sys.executable, os.path.join(HERE, "run-bench"), a.corpus, "--quick", "--runs", "1", "--search-runs", "2",
           "--process-runs", "1", "--scales", "2", "--build", a.build, "--out", a.out]
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if run.returncode != 0:
        sys.stderr.write(run.stderr.decode("utf-8", "replace"))
        print("FAIL: run-bench exited %d" % run.returncode)
        return 1
    if "targets (issue 6)" not in run.stdout.decode("utf-8", "replace"):
        print("FAIL: the printed table has no targets section")
        return 1
    try:
        with open(a.out, encoding="utf-8") as f:
            results = json.load(f)
        check(results)
    except (OSError, ValueError, AssertionError) as e:
        print("FAIL: %s" % e)
        return 1
    print("ok: %d queries, %d scale points" % (len(results["queries"]), len(results["scale"]["points"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
