"""Running a child process and measuring it: wall time, CPU time, peak memory.

Every indexing figure of the benchmark comes from here, so all tools are
measured the same way: one child process, its own rusage from wait4
(user + sys CPU, ru_maxrss), wall time around fork..wait.
"""

import os
import statistics
import subprocess
import tempfile
import time


class RunError(RuntimeError):
    """A measured command failed; carries its stderr for the report."""


def run_measured(argv, env=None, cwd=None, stdout=subprocess.DEVNULL, ok_codes=(0,)):
    """Runs argv as one child and returns {"wall_s", "cpu_s", "user_s", "sys_s", "peak_rss_mb"}.

    Raises RunError when the child's exit code is not in ok_codes.
    """
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    # stderr goes to a file, not a pipe: a chatty child must never block on it.
    with tempfile.TemporaryFile() as errfile:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=full_env, cwd=cwd, stdout=stdout, stderr=errfile)
        # Popen.wait() would reap the child without its rusage; wait4 gives both.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        errfile.seek(0)
        err = errfile.read().decode("utf-8", "replace")
    if proc.returncode not in ok_codes:
        raise RunError("%s exited %d: %s" % (os.path.basename(argv[0]), proc.returncode, err.strip()[-2000:]))
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        # Linux reports ru_maxrss in KiB.
        "peak_rss_mb": usage.ru_maxrss / 1024.0,
    }


def median_of(runs):
    """The per-key median of a list of measurement dicts (numbers only)."""
    if not runs:
        return {}
    keys = [k for k, v in runs[0].items() if isinstance(v, (int, float))]
    out = {k: statistics.median(r[k] for r in runs) for k in keys}
    out["runs"] = len(runs)
    return out


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, int(-(-p * len(ordered) // 100)))  # ceil(p/100 * n)
    return ordered[min(rank, len(ordered)) - 1]


def latency_summary(samples_ms):
    """p50/p95/p99/mean of a list of milliseconds."""
    if not samples_ms:
        return {"p50_ms": None, "p95_ms": None, "p99_ms": None, "mean_ms": None, "samples": 0}
    return {
        "p50_ms": percentile(samples_ms, 50),
        "p95_ms": percentile(samples_ms, 95),
        "p99_ms": percentile(samples_ms, 99),
        "mean_ms": statistics.fmean(samples_ms),
        "samples": len(samples_ms),
    }


def tree_bytes(path):
    """Bytes of all regular files under path (apparent size), or of path itself."""
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            full = os.path.join(root, name)
            if not os.path.islink(full):
                total += os.path.getsize(full)
    return total


def ratio(a, b):
    """a / b, or None when either is missing or b is zero."""
    if a is None or b is None or b == 0:
        return None
    return a / b
