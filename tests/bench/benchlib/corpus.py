"""The folders the benchmark indexes: the corpus itself, a copy with 1% of its
files changed, and copies replicated with light changes for the scale series.

Only text files are counted and compared (the formats every tool in the
comparison reads as text): see TEXT_EXTENSIONS.
"""

import fnmatch
import os
import random
import shutil

# Read by dossier, omindex (with the -M mappings in engines.py) and the FTS5
# loader alike. Other formats dossier reads (PDF, JSON, CSV) are left out of
# the comparison so that every tool indexes the same files.
TEXT_EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")


def _ignore_patterns(folder, inherited):
    """inherited + the globs of folder/.dossierignore (the same rule as dossier's walker)."""
    patterns = list(inherited)
    try:
        with open(os.path.join(folder, ".dossierignore"), encoding="utf-8", errors="replace") as f:
            patterns += [line.rstrip("\r\n ") for line in f if line.strip() and not line.startswith("#")]
    except OSError:
        pass
    return patterns


def _walk(folder):
    """(relative path, is_text) of every file dossier's walker would look at."""
    pending = [(folder, [])]
    while pending:
        current, inherited = pending.pop()
        patterns = _ignore_patterns(current, inherited)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for e in entries:
            if e.name.startswith(".") or any(fnmatch.fnmatchcase(e.name, p) for p in patterns):
                continue
            if e.is_dir(follow_symlinks=False):
                pending.append((e.path, patterns))
            elif e.is_file(follow_symlinks=False):
                yield os.path.relpath(e.path, folder), e.name.lower().endswith(TEXT_EXTENSIONS)


def text_files(folder):
    """Sorted relative paths of the text files under folder (hidden and .dossierignore'd names skipped)."""
    return sorted(rel for rel, is_text in _walk(folder) if is_text)


def describe(folder):
    """{"files", "bytes", "other_files"} of a corpus folder."""
    files = text_files(folder)
    size = sum(os.path.getsize(os.path.join(folder, f)) for f in files)
    others = sum(1 for _, is_text in _walk(folder) if not is_text)
    return {"files": len(files), "bytes": size, "other_files": others}


def copy_corpus(src, dst):
    """Copies the text files of src to dst, keeping relative paths and times."""
    for rel in text_files(src):
        target = os.path.join(dst, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(src, rel), target)


def change_some(folder, files, fraction, round_no):
    """Appends a line to `fraction` of files (a different set each round); returns how many.

    The modification time is pushed ahead so that tools which compare times
    at one-second resolution see the change too.
    """
    step = max(1, int(round(1 / fraction)))
    changed = 0
    for i, rel in enumerate(files):
        if i % step != round_no % step:
            continue
        path = os.path.join(folder, rel)
        with open(path, "ab") as f:
            f.write(b"\nBenchmark revision %d of this file.\n" % round_no)
        st = os.stat(path)
        os.utime(path, (st.st_atime + 10 + round_no, st.st_mtime + 10 + round_no))
        changed += 1
    return changed


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_word(n):
    """English words for 0..999 ("forty two"); the word a copy is marked with."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    rest = n % 100
    return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + number_word(rest))


def _lightly_changed(data, copy_no, rng):
    """The text with a few adjacent word pairs swapped and a copy line appended."""
    buf = bytearray(data)
    for _ in range(3):
        if len(buf) < 64:
            break
        # In the second half: front matter at the top stays intact.
        i = buf.find(b" ", len(buf) // 2 + rng.randrange(len(buf) // 2))
        j = buf.find(b" ", i + 1) if i >= 0 else -1
        k = buf.find(b" ", j + 1) if j >= 0 else -1
        if min(i, j, k) < 0:
            continue
        first, second = bytes(buf[i + 1:j]), bytes(buf[j + 1:k])
        buf[i + 1:k] = second + b" " + first
    buf += ("\nCopy %s of this report.\n" % number_word(copy_no)).encode()
    return bytes(buf)


def replicate(src, dst, first_copy, last_copy, seed=6):
    """Writes copies first_copy..last_copy-1 of src's text files under dst/copy-NNN/.

    Copy 0 is verbatim; later copies are lightly changed and their files
    renamed, so no two documents of the scaled corpus are identical.
    Returns the bytes written.
    """
    written = 0
    files = text_files(src)
    for copy_no in range(first_copy, last_copy):
        rng = random.Random(seed * 1000003 + copy_no)
        base = os.path.join(dst, "copy-%03d" % copy_no)
        for rel in files:
            with open(os.path.join(src, rel), "rb") as f:
                data = f.read()
            stem, ext = os.path.splitext(rel)
            if copy_no:
                data = _lightly_changed(data, copy_no, rng)
                rel = "%s-c%03d%s" % (stem, copy_no, ext)
            target = os.path.join(base, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(data)
            written += len(data)
    return written
