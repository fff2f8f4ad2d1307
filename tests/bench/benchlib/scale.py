"""The scale series: the corpus replicated with light changes to N× its size.

One folder grows copy by copy (10× is the first ten copies of 50×), so the
copies are written once. dossier is always measured; the peers only while
the run's time budget allows (omindex at 50× takes many minutes).
"""

import os
import shutil
import time

from benchlib import corpus, engines, phases
from benchlib.measure import RunError, ratio, tree_bytes


def _estimate(base_seconds, factor):
    # Indexing grows a little faster than linearly (merging bigger tables): 20% margin.
    return base_seconds * factor * 1.2 if base_seconds else 0.0


def series(b, factors, fresh_figures, queries):
    out = {"factors": list(factors), "points": []}
    folder = b.path("scale", "corpus")
    shutil.rmtree(b.path("scale"), ignore_errors=True)
    os.makedirs(folder)
    written_copies = 0
    base = {t: (fresh_figures.get(t) or {}).get("wall_s") for t in phases.TOOLS}
    budget = b.s.budget_minutes * 60.0
    last = None  # (factor, {tool: wall}) of the last measured point: the better basis for the next
    for factor in factors:
        if last:
            base = {t: (w / last[0] if w else base.get(t)) for t, w in last[1].items()}
        est_dossier = _estimate(base["dossier"], factor)
        if b.elapsed() + est_dossier > budget and factor != factors[0]:
            b.notes.append("scale %d×: skipped, dossier would take about %.0f s and the budget is spent" % (factor, est_dossier))
            b.log(b.notes[-1])
            continue
        t0 = time.monotonic()
        b.log("scale %d×: writing copies %d..%d" % (factor, written_copies, factor - 1))
        corpus.replicate(b.folder, folder, written_copies, factor)
        written_copies = factor
        point = {"factor": factor, "generate_s": time.monotonic() - t0}
        point.update(corpus.describe(folder))
        point["tools"] = {}

        index = b.fresh("scale", "dossier")
        b.log("scale %d×: index dossier (%d files, %.0f MB)" % (factor, point["files"], point["bytes"] / 1e6))
        m = engines.dossier_index(b.tools, [folder], index)
        phases._throughput(m, point["files"], point["bytes"])
        m["index_bytes"] = tree_bytes(index)
        m["index_vs_raw"] = ratio(m["index_bytes"], point["bytes"])
        point["tools"]["dossier"] = m

        fts5_db = None
        left = budget - b.elapsed() - sum(_estimate(base["dossier"], f) for f in factors if f > factor)
        for tool in ("fts5", "omindex"):
            if not b.has(tool) or base.get(tool) is None:
                continue
            est = _estimate(base[tool], factor)
            if est > left:
                b.notes.append("scale %d×: %s left out (about %.0f s, %.0f s of budget left)" % (factor, tool, est, left))
                b.log(b.notes[-1])
                continue
            target = b.fresh("scale", tool + (".sqlite" if tool == "fts5" else ""))
            b.log("scale %d×: index %s" % (factor, tool))
            try:
                pm = phases._index_once(b, tool, folder, target)
            except RunError as e:
                b.notes.append("scale %d×: %s failed: %s" % (factor, tool, e))
                continue
            phases._throughput(pm, point["files"], point["bytes"])
            pm["index_bytes"] = tree_bytes(target)
            pm["wall_vs_dossier"] = ratio(pm["wall_s"], m["wall_s"])
            point["tools"][tool] = pm
            left -= pm["wall_s"]
            if tool == "fts5":
                fts5_db = target

        passes = max(3, b.s.search_runs // 5)
        search = phases.in_process_search(b, queries, index, fts5_db, passes)
        point["in_process_search"] = _strip(search)
        proc = phases.whole_process_search(b, queries, index, None, max(1, b.s.process_runs // 2))
        point["whole_process_search"] = _strip(proc)
        out["points"].append(point)
        last = (factor, dict({t: None for t in phases.TOOLS}, **{t: v["wall_s"] for t, v in point["tools"].items()}))
        for tool in ("dossier", "omindex", "fts5"):
            p = b.path("scale", tool + (".sqlite" if tool == "fts5" else ""))
            if os.path.isdir(p):
                shutil.rmtree(p, ignore_errors=True)
            elif os.path.exists(p):
                os.remove(p)
    return out  # the scale folder goes with the work folder, after the run


def _strip(section):
    """Drops per-query lists at scale points (the JSON stays small); keeps the pooled figures."""
    out = {}
    for k, v in section.items():
        out[k] = {kk: vv for kk, vv in v.items() if kk != "per_query"} if isinstance(v, dict) else v
    return out
