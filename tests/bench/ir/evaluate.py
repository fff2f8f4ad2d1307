#!/usr/bin/env python3
"""dossier's retrieval evaluator: trec_eval conventions, standard library only.

Usage: evaluate.py QRELS RUN [--json] [--per-query]

QRELS: BEIR TSV (query-id, corpus-id, score; a header line and CRLF endings
allowed) or TREC qrels (qid 0 docid rel). RUN: TREC run (qid Q0 docid rank
score tag). Conventions, as trec_eval 9 with -c (how BEIR figures are made):
documents are ordered by score, ties by docid descending (the rank column is
ignored); a document is relevant when its grade is >= 1; nDCG gains are the
grades, the ideal ranking comes from every judged grade; AP and MAP@100 divide
by all relevant documents; P@10 divides by 10; every query of the qrels counts,
scoring 0 when the run has nothing for it.
"""

import argparse
import json
import math
import sys

MEASURES = ("nDCG@10", "MAP@100", "Recall@100", "P@10")


def read_qrels(path):
    """{qid: {docid: grade}}; the header line of BEIR's TSV files is skipped."""
    qrels = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for number, line in enumerate(fh, 1):
            fields = line.strip("\r\n").split("\t") if "\t" in line else line.split()
            if not fields or fields == [""]:
                continue
            if len(fields) == 4:
                fields = [fields[0], fields[2], fields[3]]
            if len(fields) != 3:
                raise ValueError(f"{path}:{number}: not a qrels line: {line!r}")
            qid, docid, grade = (f.strip() for f in fields)
            try:
                value = int(float(grade))
            except ValueError:
                if number == 1:
                    continue  # "query-id corpus-id score"
                raise ValueError(f"{path}:{number}: grade is not a number: {grade!r}")
            qrels.setdefault(qid, {})[docid] = value
    return qrels


def read_run(path):
    """{qid: [docid, ...]} in trec_eval's order: score descending, then docid descending."""
    scored = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) < 6:
                raise ValueError(f"{path}:{number}: expected 'qid Q0 docid rank score tag'")
            qid, docid, score = fields[0], fields[2], float(fields[4])
            docs = scored.setdefault(qid, {})
            docs[docid] = max(score, docs.get(docid, score))
    return {qid: [d for d, _ in sorted(docs.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)]
            for qid, docs in scored.items()}


def dcg(gains):
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains) if g > 0)


def score_query(ranking, judged):
    relevant = {d for d, g in judged.items() if g >= 1}
    if not relevant:
        return dict.fromkeys(MEASURES, 0.0)
    ideal = dcg(sorted((g for g in judged.values() if g > 0), reverse=True)[:10])
    found, precision_sum = 0, 0.0
    for i, docid in enumerate(ranking[:100]):
        if docid in relevant:
            found += 1
            precision_sum += found / (i + 1)
    return {
        "nDCG@10": dcg([judged.get(d, 0) for d in ranking[:10]]) / ideal if ideal > 0 else 0.0,
        "MAP@100": precision_sum / len(relevant),
        "Recall@100": found / len(relevant),
        "P@10": sum(1 for d in ranking[:10] if d in relevant) / 10.0,
    }


def evaluate(qrels, run):
    """(means over every qrels query, {qid: measures})."""
    per_query = {qid: score_query(run.get(qid, []), judged) for qid, judged in qrels.items()}
    n = len(per_query)
    means = {m: (sum(q[m] for q in per_query.values()) / n if n else 0.0) for m in MEASURES}
    means["queries"] = n
    return means, per_query


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("qrels")
    parser.add_argument("run")
    parser.add_argument("--json", action="store_true", help="print the means as JSON")
    parser.add_argument("--per-query", action="store_true", help="also print each query's measures")
    args = parser.parse_args(argv)
    means, per_query = evaluate(read_qrels(args.qrels), read_run(args.run))
    if args.json:
        print(json.dumps(means, sort_keys=True))
        return 0
    if args.per_query:
        for qid in sorted(per_query):
            print("\t".join([qid] + [f"{m}={per_query[qid][m]:.4f}" for m in MEASURES]))
    print(f"queries\t{means['queries']}")
    for m in MEASURES:
        print(f"{m}\t{means[m]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
