"""The measuring phases of one benchmark run; each returns plain dicts for the JSON.

A Bench holds what the phases share: the tools, the corpus, the work folder,
the settings and a log function (progress goes to stderr, never stdout).
"""

import os
import shutil
import statistics
import tempfile
import time

from benchlib import corpus, engines, fts5
from benchlib.measure import RunError, latency_summary, median_of, ratio, tree_bytes

TOOLS = ("dossier", "omindex", "fts5")


class Bench:
    def __init__(self, tools, folder, work, settings, log):
        self.tools = tools
        self.folder = os.path.abspath(folder)
        self.work = work
        self.s = settings          # argparse namespace: runs, search_runs, process_runs, ...
        self.log = log
        self.started = time.monotonic()
        self.corpus = corpus.describe(self.folder)
        self.files = corpus.text_files(self.folder)
        self.index_paths = {}      # tool -> index kept from the last fresh run
        self.notes = []

    def elapsed(self):
        return time.monotonic() - self.started

    def path(self, *parts):
        return os.path.join(self.work, *parts)

    def fresh(self, *parts):
        p = self.path(*parts)
        if os.path.isdir(p):
            shutil.rmtree(p)
        elif os.path.exists(p):
            os.remove(p)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def has(self, tool):
        if tool == "omindex":
            return bool(self.tools.omindex)
        return True


def _index_once(b, tool, folder, target, env=None, extra=()):
    if tool == "dossier":
        return engines.dossier_index(b.tools, [folder], target, env=env, extra=extra)
    if tool == "omindex":
        return engines.omindex_index(b.tools, folder, target, env=env)
    return engines.fts5_index(folder, target)


def _throughput(m, docs, raw_bytes):
    if m and m.get("wall_s"):
        m["docs_per_s"] = docs / m["wall_s"]
        m["mb_per_s"] = raw_bytes / 1e6 / m["wall_s"]
    return m


def fresh_indexing(b):
    """Several fresh runs per tool (interleaved, so drift in machine load hits all alike)."""
    runs = {t: [] for t in TOOLS if b.has(t)}
    for r in range(b.s.runs):
        for tool in runs:
            target = b.fresh("fresh", tool + (".sqlite" if tool == "fts5" else ""))
            b.log("index %s, fresh run %d/%d" % (tool, r + 1, b.s.runs))
            runs[tool].append(_index_once(b, tool, b.folder, target))
            b.index_paths[tool] = target
    out = {}
    for tool, samples in runs.items():
        m = _throughput(median_of(samples), b.corpus["files"], b.corpus["bytes"])
        m["samples"] = samples
        m["index_bytes"] = tree_bytes(b.index_paths[tool])
        m["index_vs_raw"] = ratio(m["index_bytes"], b.corpus["bytes"])
        if tool in ("dossier", "omindex"):
            compacted = b.fresh("compacted", tool)
            c = engines.compact(b.tools, b.index_paths[tool], compacted)
            if c:
                m["compact_s"] = c["wall_s"]
                m["compacted_bytes"] = tree_bytes(compacted)
                m["compacted_vs_raw"] = ratio(m["compacted_bytes"], b.corpus["bytes"])
            shutil.rmtree(compacted, ignore_errors=True)
        out[tool] = m
    d = out["dossier"]
    for tool, m in out.items():
        m["wall_vs_dossier"] = ratio(m["wall_s"], d["wall_s"])
        m["cpu_vs_dossier"] = ratio(m["cpu_s"], d["cpu_s"])
        m["peak_rss_vs_dossier"] = ratio(m["peak_rss_mb"], d["peak_rss_mb"])
        m["size_vs_dossier"] = ratio(m["index_bytes"], d["index_bytes"])
    return out


def reruns(b):
    """Re-indexing the unchanged folder, then a copy with 1% of files changed per run."""
    out = {"unchanged": {}, "changed_1pct": {}}
    tools = [t for t in ("dossier", "omindex") if b.has(t)]
    for tool in tools:
        samples = []
        for r in range(b.s.runs):
            b.log("re-run %s on the unchanged folder %d/%d" % (tool, r + 1, b.s.runs))
            samples.append(_index_once(b, tool, b.folder, b.index_paths[tool]))
        out["unchanged"][tool] = dict(median_of(samples), samples=samples)

    changed = b.fresh("changed", "corpus")
    corpus.copy_corpus(b.folder, changed)
    files = corpus.text_files(changed)
    indexes = {t: b.fresh("changed", t) for t in tools}
    for tool in tools:
        b.log("index %s on the copy to be changed" % tool)
        _index_once(b, tool, changed, indexes[tool])
    samples = {t: [] for t in tools}
    counts = []
    for r in range(b.s.runs):
        counts.append(corpus.change_some(changed, files, 0.01, r))
        for tool in tools:
            b.log("re-run %s with 1%% of files changed %d/%d" % (tool, r + 1, b.s.runs))
            samples[tool].append(_index_once(b, tool, changed, indexes[tool]))
    for tool in tools:
        out["changed_1pct"][tool] = dict(median_of(samples[tool]), samples=samples[tool], files_changed=counts[0])
    shutil.rmtree(b.path("changed"), ignore_errors=True)
    for kind in out.values():
        for m in kind.values():
            m["wall_vs_dossier"] = ratio(m["wall_s"], kind["dossier"]["wall_s"])
    return out


def _pooled(per_query):
    samples = [ms for q in per_query for ms in q["ms"]]
    out = latency_summary(samples)
    medians = [statistics.median(q["ms"]) for q in per_query if q["ms"]]
    out["median_of_query_medians_ms"] = statistics.median(medians) if medians else None
    return out


def _per_query(entries, keep=("query", "kind", "total", "hits", "fts5_query", "error")):
    out = []
    for e in entries:
        row = {k: e[k] for k in keep if k in e}
        row.update(latency_summary(e["ms"]))
        out.append(row)
    return out


def in_process_search(b, queries, dossier_index, fts5_db, passes):
    """Search with snippets for the top 10, in-process: dossier (search_latency) and FTS5."""
    qfile = b.path("queries.txt")
    with open(qfile, "w", encoding="utf-8") as f:
        f.write("".join(q["query"] + "\n" for q in queries))
    b.log("in-process search: dossier, %d passes over %d queries" % (passes, len(queries)))
    d = engines.dossier_latency(b.tools, [dossier_index], qfile, passes)
    out = {"passes": passes, "dossier": {"open_ms": d.get("open_ms")}}
    for q, e in zip(queries, d["queries"]):
        e["kind"] = q["kind"]
    out["dossier"].update(_pooled(d["queries"]))
    out["dossier"]["per_query"] = _per_query(d["queries"])
    if fts5_db:
        b.log("in-process search: FTS5 with snippet(), %d passes" % passes)
        f = fts5.search_latency(fts5_db, [q["query"] for q in queries], passes)
        for q, e in zip(queries, f):
            e["kind"] = q["kind"]
        out["fts5"] = _pooled(f)
        out["fts5"]["per_query"] = _per_query(f)
        out["dossier_p50_vs_fts5"] = ratio(out["dossier"]["p50_ms"], out["fts5"]["p50_ms"])
    return out


def resident_env(b):
    """dossier-search as users run it, its resident searcher kept in the work folder
    (and gone half a minute after the benchmark's last search). A socket's path
    must fit in 108 bytes: a deep work folder gets a short one in the temporary folder."""
    folder = b.path("resident")
    if len(folder) > 60:
        folder = tempfile.mkdtemp(prefix="dossier-bench-resident-")
    return {"DOSSIER_RUNTIME_DIR": folder, "DOSSIER_SERVER_IDLE": "30"}


def whole_process_search(b, queries, dossier_index, omindex_db, runs):
    """Whole-process searches: dossier-search (the query as is) against quest (its text terms).

    dossier-search is timed as users run it (answered by its resident searcher)
    and as a plain process (DOSSIER_SERVER=off). Each tool first runs one untimed
    search: it starts dossier-search's resident searcher, like the first search
    of a sitting, and brings every tool's index into the page cache.
    """
    from benchlib.queries import text_only
    resident, direct = resident_env(b), {"DOSSIER_SERVER": "off"}
    tools = {"dossier-search": lambda q: engines.dossier_search_process(b.tools, dossier_index, q, env=resident),
             "dossier-search-direct": lambda q: engines.dossier_search_process(b.tools, dossier_index, q, env=direct)}
    if omindex_db and b.tools.quest:
        tools["quest"] = lambda q: engines.quest_process(b.tools, omindex_db, text_only(q))
    per = {name: [] for name in tools}
    b.log("whole-process search: %s, %d runs per query" % (" and ".join(tools), runs))
    for name, fn in tools.items():
        try:
            fn(queries[0]["query"] if queries else "report")
        except RunError:
            pass  # the timed runs below record the error
    for q in queries:
        for name, fn in tools.items():
            ms = []
            for _ in range(runs):
                try:
                    ms.append(fn(q["query"])["wall_s"] * 1000.0)
                except RunError as e:
                    per[name].append({"query": q["query"], "kind": q["kind"], "ms": [], "error": str(e)})
                    break
            else:
                per[name].append({"query": q["query"], "kind": q["kind"], "ms": ms})
    out = {"runs": runs}
    for name, entries in per.items():
        out[name] = _pooled(entries)
        out[name]["per_query"] = _per_query(entries)
    if "quest" in out:
        out["dossier_p50_vs_quest"] = ratio(out["dossier-search"]["p50_ms"], out["quest"]["p50_ms"])
        out["dossier_direct_p50_vs_quest"] = ratio(out["dossier-search-direct"]["p50_ms"], out["quest"]["p50_ms"])
    return out
