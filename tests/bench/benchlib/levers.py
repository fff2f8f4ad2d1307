"""Levers that need no code change, measured on dossier's fresh indexing:
parsing threads (--threads) and Xapian's flush threshold (XAPIAN_FLUSH_THRESHOLD,
read by Xapian from the environment).

run-bench --levers runs these instead of the comparison.
"""

from benchlib import engines, phases
from benchlib.measure import RunError, median_of, ratio, tree_bytes

VARIANTS = [
    ("default", {}, []),
    ("--threads 1", {}, ["--threads", "1"]),
    ("--threads 2", {}, ["--threads", "2"]),
    ("--threads 4", {}, ["--threads", "4"]),
    ("--shards 2", {}, ["--shards", "2"]),
    ("XAPIAN_FLUSH_THRESHOLD=100", {"XAPIAN_FLUSH_THRESHOLD": "100"}, []),
    ("XAPIAN_FLUSH_THRESHOLD=1000", {"XAPIAN_FLUSH_THRESHOLD": "1000"}, []),
    ("XAPIAN_FLUSH_THRESHOLD=10000", {"XAPIAN_FLUSH_THRESHOLD": "10000"}, []),
]


def study(b):
    samples = {name: [] for name, _, _ in VARIANTS}
    sizes = {}
    errors = {}
    for r in range(b.s.runs):
        for name, env, extra in VARIANTS:  # interleaved, like the comparison
            index = b.fresh("levers", "dossier")
            b.log("lever %s, run %d/%d" % (name, r + 1, b.s.runs))
            try:
                samples[name].append(engines.dossier_index(b.tools, [b.folder], index, env=env, extra=extra))
                sizes[name] = tree_bytes(index)
            except RunError as e:  # a lever this build does not have (an unknown option)
                errors[name] = str(e)
    out = {"variants": []}
    base = None
    for name, env, extra in VARIANTS:
        if not samples[name]:
            out["variants"].append({"name": name, "env": env, "args": extra, "error": errors.get(name)})
            continue
        m = phases._throughput(median_of(samples[name]), b.corpus["files"], b.corpus["bytes"])
        m.update({"name": name, "env": env, "args": extra, "index_bytes": sizes[name], "samples": samples[name]})
        base = base or m
        m["wall_vs_default"] = ratio(m["wall_s"], base["wall_s"])
        out["variants"].append(m)
    return out
