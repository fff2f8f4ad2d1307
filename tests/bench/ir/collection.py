"""A BEIR-style test collection: where its files are, its queries and judgements.

Layout: DIR/corpus.jsonl or DIR/corpus/*.jsonl, DIR/queries.jsonl,
DIR/qrels/<split>.tsv (query-id, corpus-id, score; header line, CRLF allowed).
"""

import glob
import json
import os
from dataclasses import dataclass, field

import evaluate


@dataclass
class Collection:
    corpus_files: list
    documents: int
    queries: list = field(default_factory=list)  # [(qid, text)] in qrels order
    qrels: dict = field(default_factory=dict)  # {qid: {docid: grade}}


def corpus_files(root):
    single = os.path.join(root, "corpus.jsonl")
    files = [single] if os.path.isfile(single) else sorted(glob.glob(os.path.join(root, "corpus", "*.jsonl")))
    if not files:
        raise ValueError(f"no corpus in {root}: expected corpus.jsonl or corpus/*.jsonl")
    return [os.path.abspath(f) for f in files]


def count_lines(path):
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def read_queries(path):
    texts = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                q = json.loads(line)
                texts[str(q["_id"])] = q.get("text", "")
    return texts


def load(root, split, first_n=0):
    """The collection at root, restricted to the split's judged queries (the first N if N > 0)."""
    files = corpus_files(root)
    qrels_path = os.path.join(root, "qrels", f"{split}.tsv")
    if not os.path.isfile(qrels_path):
        raise ValueError(f"no judgements for split '{split}': {qrels_path}")
    qrels = evaluate.read_qrels(qrels_path)
    texts = read_queries(os.path.join(root, "queries.jsonl"))
    order = list(qrels)
    if first_n > 0:
        order = order[:first_n]
        qrels = {q: qrels[q] for q in order}
    # A query without text, or missing from queries.jsonl, is not run and scores 0.
    queries = [(q, " ".join(texts[q].split())) for q in order if texts.get(q, "").strip()]
    return Collection(files, sum(count_lines(f) for f in files), queries, qrels)


def write_sample(col, every, path):
    """A smaller corpus in one JSONL file: every document judged for the chosen
    queries, plus every Nth other one (so ranking still has to pick them out)."""
    judged = {d for docs in col.qrels.values() for d in docs}
    kept, seen = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        for source in col.corpus_files:
            with open(source, encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    seen += 1
                    if str(json.loads(line).get("_id")) in judged or seen % every == 0:
                        out.write(line if line.endswith("\n") else line + "\n")
                        kept += 1
    col.corpus_files, col.documents = [os.path.abspath(path)], kept


def write_watch_list(queries, path):
    """One 'qid<TAB>text' line per query, as dossier-search --queries reads."""
    with open(path, "w", encoding="utf-8") as fh:
        for qid, text in queries:
            fh.write(f"{qid}\t{text}\n")


def write_qrels(qrels, path):
    """The judgements used, as BEIR TSV, so the reference evaluator sees the same set."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("query-id\tcorpus-id\tscore\n")
        for qid, judged in qrels.items():
            for docid, grade in judged.items():
                fh.write(f"{qid}\t{docid}\t{grade}\n")
