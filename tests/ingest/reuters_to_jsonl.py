#!/usr/bin/env python3
"""Convert Reuters-21578 (SGML, reut2-*.sgm) to JSONL that dossier-index reads.

Usage: reuters_to_jsonl.py SOURCE_FOLDER OUTPUT_FOLDER

Writes one reut2-NNN.jsonl per reut2-NNN.sgm, one JSON object a line:
  id      NEWID (the collection's own document number)
  date    <DATE> as YYYY-MM-DD (the irregular ones cleaned of trailing noise)
  title   <TITLE>
  body    <BODY>, or for TYPE="UNPROC" stories the raw text inside <TEXT>
  source  "Reuters"
  places, people, orgs   the hand-assigned <D> codes, as names: "el-salvador" ->
          "El Salvador", "james-baker" -> "James Baker", "opec" -> "OPEC"
Prints the number of documents written. Standard library only.

The files are 7-bit ASCII but for one Latin-1 byte, so they are read as Latin-1.
Entities (&lt; &amp; and control characters written as &#N;) are decoded and the
control characters dropped.
"""

import html
import json
import os
import re
import sys

MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}

DOC = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
NEWID = re.compile(r'NEWID="(\d+)"')
DATE = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def element(text, tag):
    m = re.search(r"<%s\b[^>]*>(.*?)</%s>" % (tag, tag), text, re.S)
    return m.group(1) if m else ""


def clean(text):
    return CONTROL.sub("", html.unescape(text)).strip()


def codes(text, tag):
    return [d.strip() for d in re.findall(r"<D>(.*?)</D>", element(text, tag), re.S) if d.strip()]


def display_name(code, acronym=False):
    words = code.replace("-", " ").split()
    if acronym:
        return " ".join(w.upper() for w in words)
    return " ".join(w[:1].upper() + w[1:] for w in words)


def iso_date(raw):
    m = DATE.search(raw)
    if not m or m.group(2) not in MONTHS:
        return ""
    return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2)], int(m.group(1)))


def convert(sgm_text):
    for m in DOC.finditer(sgm_text):
        attributes, inner = m.group(1), m.group(2)
        newid = NEWID.search(attributes)
        text_element = re.search(r"<TEXT\b([^>]*)>(.*?)</TEXT>", inner, re.S)
        text_type, text = (text_element.group(1), text_element.group(2)) if text_element else ("", "")
        title = clean(element(text, "TITLE"))
        body = clean(element(text, "BODY"))
        if 'TYPE="UNPROC"' in text_type and not body:
            body = clean(re.sub(r"<[^>]+>", " ", text))
        yield {
            "id": newid.group(1) if newid else "",
            "date": iso_date(element(inner, "DATE")),
            "title": title,
            "body": body,
            "source": "Reuters",
            "places": [display_name(c) for c in codes(inner, "PLACES")],
            "people": [display_name(c) for c in codes(inner, "PEOPLE")],
            "orgs": [display_name(c, acronym=True) for c in codes(inner, "ORGS")],
        }


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    source, output = argv[1], argv[2]
    os.makedirs(output, exist_ok=True)
    total = 0
    for name in sorted(os.listdir(source)):
        if not (name.startswith("reut2-") and name.endswith(".sgm")):
            continue
        with open(os.path.join(source, name), encoding="latin-1") as f:
            sgm = f.read()
        with open(os.path.join(output, name[:-4] + ".jsonl"), "w", encoding="utf-8") as out:
            for record in convert(sgm):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                total += 1
    print(total)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
