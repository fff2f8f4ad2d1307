"""The benchmark's query set, derived from the corpus so that any folder works.

The derivation is deterministic (same corpus, same queries): common and
mid-frequency words, rare words, rare names, two-word AND, phrases, and
queries filtered by source, date and actor. A fixed file can be given
instead (run-bench --queries FILE, one query a line).
"""

import collections
import os
import re

from benchlib.corpus import text_files

STOPWORDS = set("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just let me more most my myself
no nor not now of off on once only or other our ours ourselves out over own said same she should so some
such than that the their theirs them themselves then there these they this those through to too under
until up upon very was we were what when where which while who whom why will with would you your yours
yourself yourselves may must shall also one two three new mr ms mrs per within without however many
much well every today year years reuter reuters
""".split())

_WORD = re.compile(r"[A-Za-z]{3,}")
_BIGRAM = re.compile(r"\b([a-z]{4,})\s+(?=([a-z]{4,})\b)")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-3]\d)(?!\d)")
_FILTER = re.compile(r'[A-Za-z]+:("[^"]*"|\S*)')


def text_tokens(query):
    """The text part of a query: words, "phrases" and AND/OR/NOT, filters (name:value) dropped."""
    tokens = []
    i = 0
    while i < len(query):
        if query[i].isspace():
            i += 1
            continue
        m = _FILTER.match(query, i)
        if m:
            i = m.end()
            continue
        if query[i] == '"':
            close = query.find('"', i + 1)
            close = len(query) if close < 0 else close
            if query[i + 1:close].strip():
                tokens.append('"' + query[i + 1:close].strip() + '"')
            i = close + 1
            continue
        end = i
        while end < len(query) and not query[end].isspace():
            end += 1
        tokens.append(query[i:end])
        i = end
    while tokens and tokens[-1] in ("AND", "OR", "NOT"):
        tokens.pop()
    while tokens and tokens[0] in ("AND", "OR", "NOT"):
        tokens.pop(0)
    return tokens


def text_only(query):
    """The query without its filters, in Xapian's syntax (for quest)."""
    return " ".join(text_tokens(query))


def _sample(files, limit_files):
    if len(files) <= limit_files:
        return files
    step = len(files) / float(limit_files)
    return [files[int(i * step)] for i in range(limit_files)]


def _spread(items, n):
    """n items spread evenly over a sorted list (deterministic)."""
    if len(items) <= n:
        return list(items)
    step = len(items) / float(n)
    return [items[int(i * step + step / 2)] for i in range(n)]


class _Counts:
    def __init__(self):
        self.df = collections.Counter()        # lower-case word -> documents
        self.cap_df = collections.Counter()    # Capitalised word -> documents
        self.lower_seen = set()                # words seen in lower case somewhere
        self.bigrams = collections.Counter()
        self.years = collections.Counter()
        self.docs = 0


def _count(folder, files, bigram_files):
    c = _Counts()
    for n, rel in enumerate(files):
        with open(os.path.join(folder, rel), "rb") as f:
            text = f.read().decode("utf-8", "replace")
        if text.startswith("---\n"):  # front matter keys ("source:", "title:") are not text
            end = text.find("\n---", 4)
            text = text[end + 4:] if end > 0 else text
        words = _WORD.findall(text)
        c.docs += 1
        c.df.update({w.lower() for w in words})
        caps = {w for w in words if w[0].isupper() and w[1:].islower()}
        c.cap_df.update(caps)
        c.lower_seen.update(w for w in words if w.islower())
        c.years.update(_YEAR.findall(rel) or _YEAR.findall(text[:2000]))
        if n < bigram_files:
            low = text.lower()
            c.bigrams.update((a, b) for a, b in _BIGRAM.findall(low) if a not in STOPWORDS and b not in STOPWORDS)
    return c


def _quoted(value):
    return '"%s"' % value.replace('"', "")


def derive(folder, stats, sample_files=4000, bigram_files=400):
    """[{"kind", "query"}] for the corpus; stats is `dossier-index stats --json` of its index."""
    files = _sample(text_files(folder), sample_files)
    c = _count(folder, files, bigram_files)
    content = [(w, n) for w, n in c.df.items() if w not in STOPWORDS and len(w) >= 5 and w.isalpha()]
    by_df = sorted(content, key=lambda wn: (-wn[1], wn[0]))
    common = [w for w, _ in by_df[:40]]
    common = [common[i] for i in (0, 3, 8, 15) if i < len(common)]
    mid_target = max(2, c.docs // 20)
    mids = sorted(content, key=lambda wn: (abs(wn[1] - mid_target), wn[0]))
    mid = [w for w, _ in mids[:2]]
    # Rare after stemming too: words sharing the first six letters ("package", "packaged") are
    # counted together, a rough stand-in for the stemmer both engines use.
    stem_df = collections.Counter()
    for w, n in content:
        stem_df[w[:6]] += n
    rare_pool = sorted(w for w, n in content if 2 <= n <= 3 and len(w) >= 7 and w in c.lower_seen
                       and w.capitalize() not in c.cap_df and stem_df[w[:6]] <= 5)
    rare = _spread(rare_pool, 4)
    names_pool = sorted(w for w, n in c.cap_df.items() if 2 <= n <= 5 and len(w) >= 5
                        and w.lower() not in c.lower_seen and w.lower() not in STOPWORDS)
    names = _spread(names_pool, 3)
    phrases_ranked = [bg for bg, _ in sorted(c.bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:40]]
    phrases = [phrases_ranked[i] for i in (0, 5, 20) if i < len(phrases_ranked)]

    queries = []
    add = lambda kind, q: queries.append({"kind": kind, "query": q})  # noqa: E731
    for w in common:
        add("common word", w)
    for w in mid:
        add("mid-frequency word", w)
    for w in rare:
        add("rare word", w)
    for w in names:
        add("rare name", w)
    pairs = [(common[1], mid[0]), (common[2], common[3]), (mid[1], common[0])] if len(common) >= 4 and len(mid) >= 2 else []
    for a, b in pairs:
        add("two-word AND", "%s AND %s" % (a, b))
    for a, b in phrases:
        add("phrase", '"%s %s"' % (a, b))

    word = common[0] if common else "the"
    sources = sorted((stats.get("sources") or {}).items(), key=lambda kv: (-kv[1], kv[0]))
    actors = [a["actor"] for a in stats.get("top_actors") or []]
    year = c.years.most_common(1)[0][0] if c.years else None
    if sources:
        add("filter: source", "%s source:%s" % (mid[0] if mid else word, _quoted(sources[len(sources) // 2][0])))
    if year:
        add("filter: date", "%s year:%s" % (common[1] if len(common) > 1 else word, year))
    if len(actors) > 3:
        add("filter: actor", "%s actor:%s" % (common[2] if len(common) > 2 else word, _quoted(actors[3])))
    if len(actors) > 6 and year:
        add("filter: actor + date", "%s actor:%s date:%s..%s" % (
            mid[1] if len(mid) > 1 else word, _quoted(actors[6]), int(year) - 2, year))
    return queries
