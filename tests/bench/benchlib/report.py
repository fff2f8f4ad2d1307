"""Turning the figures into the issue's targets and a printed table."""

from benchlib.measure import ratio


def _get(d, *keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d or d[k] is None:
            return None
        d = d[k]
    return d


def targets(results):
    """Each target of issue 6: the measured figure, the limit and whether it is met."""
    idx = results.get("indexing", {})
    out = []

    def add(name, value, limit, ok, detail):
        out.append({"target": name, "value": value, "limit": limit,
                    "met": None if value is None else bool(ok(value)), "detail": detail})

    speedup = ratio(_get(idx, "omindex", "wall_s"), _get(idx, "dossier", "wall_s"))
    add("indexing throughput vs omindex", speedup, ">= 2.5", lambda v: v >= 2.5,
        "omindex wall / dossier wall, fresh index, medians")
    peaks = [_get(idx, "dossier", "peak_rss_mb")]
    peaks += [_get(p, "tools", "dossier", "peak_rss_mb") for p in _get(results, "scale", "points") or []]
    peaks = [p for p in peaks if p is not None]
    add("peak memory, every scale (MB)", max(peaks) if peaks else None, "< 1024", lambda v: v < 1024,
        "largest ru_maxrss of dossier-index over the corpus and the scale series")
    ins = results.get("in_process_search", {})
    add("in-process search+snippets p50 vs FTS5", _get(ins, "dossier_p50_vs_fts5"), "<= 1.0", lambda v: v <= 1.0,
        "dossier %s ms, FTS5 snippet() %s ms" % (_fmt(_get(ins, "dossier", "p50_ms")), _fmt(_get(ins, "fts5", "p50_ms"))))
    proc = results.get("whole_process_search", {})
    add("whole-process dossier-search p50 vs quest", _get(proc, "dossier_p50_vs_quest"), "<= 1.0", lambda v: v <= 1.0,
        "dossier-search %s ms (resident searcher; %s ms as a plain process), quest %s ms" % (
            _fmt(_get(proc, "dossier-search", "p50_ms")), _fmt(_get(proc, "dossier-search-direct", "p50_ms")),
            _fmt(_get(proc, "quest", "p50_ms"))))
    rr = results.get("reruns", {}).get("unchanged", {})
    add("unchanged re-run vs omindex's", ratio(_get(rr, "dossier", "wall_s"), _get(rr, "omindex", "wall_s")),
        "<= 2.0", lambda v: v <= 2.0, "dossier %s s, omindex %s s" % (_fmt(_get(rr, "dossier", "wall_s")),
                                                                      _fmt(_get(rr, "omindex", "wall_s"))))
    size = _get(idx, "dossier", "compacted_vs_raw")
    add("index size vs raw text, compacted", size, "<= 2.5", lambda v: v <= 2.5,
        "as written: %s× raw" % _fmt(_get(idx, "dossier", "index_vs_raw")))
    return out


def _fmt(v, digits=2):
    if v is None:
        return "-"
    if isinstance(v, float):
        if abs(v) >= 100:
            return "%.0f" % v
        return ("%%.%df" % digits) % v
    return str(v)


def _row(cells, widths):
    return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))


def _table(title, header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    lines = [title, _row(header, widths), _row(["-" * w for w in widths], widths)]
    lines += [_row(r, widths) for r in rows]
    return "\n".join(lines)


def text(results):
    """The human table (also pasted into the README)."""
    c = results["corpus"]
    parts = ["corpus: %s — %d files, %.1f MB of text; machine: %s, %d cores; load %s"
             % (c["folder"], c["files"], c["bytes"] / 1e6, results["machine"]["cpu"], results["machine"]["cores"],
                " / ".join("%.1f" % x for x in results["machine"]["load_start"]))]
    idx = results.get("indexing", {})
    rows = []
    for tool in ("dossier", "omindex", "fts5"):
        m = idx.get(tool)
        if not m:
            continue
        rows.append([tool, _fmt(m["wall_s"]), _fmt(m["cpu_s"]), _fmt(m["peak_rss_mb"], 0), _fmt(m.get("docs_per_s"), 0),
                     _fmt(m.get("mb_per_s")), _fmt(m["index_bytes"] / 1e6, 1), _fmt(m.get("index_vs_raw")),
                     _fmt(m.get("compacted_vs_raw")), _fmt(m.get("wall_vs_dossier"))])
    if rows:
        parts.append(_table("fresh index (medians of %d runs)" % results["settings"]["runs"],
                            ["tool", "wall s", "cpu s", "peak MB", "docs/s", "MB/s", "index MB", "×raw",
                             "×raw compacted", "wall ×dossier"], rows))
    rr = results.get("reruns", {})
    rows = [[kind, _fmt(_get(rr, kind, "dossier", "wall_s"), 3), _fmt(_get(rr, kind, "omindex", "wall_s"), 3),
             _fmt(_get(rr, kind, "omindex", "wall_vs_dossier"))] for kind in ("unchanged", "changed_1pct") if kind in rr]
    if rows:
        parts.append(_table("re-runs (medians)", ["folder", "dossier s", "omindex s", "omindex ×dossier"], rows))
    ins, proc = results.get("in_process_search", {}), results.get("whole_process_search", {})
    rows = []
    for label, d in (("in-process dossier (snippets)", ins.get("dossier")), ("in-process FTS5 snippet()", ins.get("fts5")),
                     ("whole-process dossier-search", proc.get("dossier-search")),
                     ("  as a plain process", proc.get("dossier-search-direct")), ("whole-process quest", proc.get("quest"))):
        if d:
            rows.append([label, _fmt(d["p50_ms"]), _fmt(d["p95_ms"]), _fmt(d["p99_ms"]), d["samples"]])
    if rows:
        parts.append(_table("search, %d queries, top 10 (ms)" % len(results.get("queries", [])),
                            ["", "p50", "p95", "p99", "samples"], rows))
    points = _get(results, "scale", "points") or []
    rows = []
    for p in points:
        d = p["tools"]["dossier"]
        rows.append(["%d×" % p["factor"], p["files"], _fmt(p["bytes"] / 1e6, 0), _fmt(d["wall_s"]), _fmt(d["peak_rss_mb"], 0),
                     _fmt(d.get("docs_per_s"), 0), _fmt(d.get("index_vs_raw")),
                     _fmt(_get(p, "tools", "omindex", "wall_s")), _fmt(_get(p, "tools", "fts5", "wall_s")),
                     _fmt(_get(p, "in_process_search", "dossier", "p50_ms")),
                     _fmt(_get(p, "in_process_search", "fts5", "p50_ms")),
                     _fmt(_get(p, "whole_process_search", "dossier-search", "p50_ms"))])
    if rows:
        parts.append(_table("scale series (dossier; one run each)",
                            ["scale", "files", "MB", "index s", "peak MB", "docs/s", "×raw", "omindex s", "fts5 s",
                             "search p50 ms", "fts5 p50 ms", "process p50 ms"], rows))
    lev = _get(results, "levers", "variants") or []
    if lev:
        parts.append(_table("dossier indexing levers (medians of %d runs)" % results["settings"]["runs"],
                            ["variant", "wall s", "cpu s", "peak MB", "×default"],
                            [[v["name"], _fmt(v["wall_s"]), _fmt(v["cpu_s"]), _fmt(v["peak_rss_mb"], 0),
                              _fmt(v["wall_vs_default"])] if "wall_s" in v else [v["name"], "failed", "-", "-", "-"]
                             for v in lev]))
    tg = results.get("targets") or []
    if tg:
        parts.append(_table("targets (issue 6)", ["target", "measured", "limit", "met"],
                            [[t["target"], _fmt(t["value"]), t["limit"],
                              {True: "yes", False: "NO", None: "-"}[t["met"]]] for t in tg]))
    if results.get("notes"):
        parts.append("notes:\n" + "\n".join("  - " + n for n in results["notes"]))
    return "\n\n".join(parts)
