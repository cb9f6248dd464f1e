"""A deterministic synthetic cable corpus at the scale of the full release, for benchmarks.

    python benchmarks/synth_corpus.py --out /tmp/bench/synth-251k.jsonl.gz --count 251287

Each synthetic record is built from the real dev corpus (same JSON Lines format):

* the *preamble* (classification line, SIPDIS, addressees, E.O., TAGS, SUBJECT, REF,
  Classified By) and the metadata (created, classification, origin) of one real cable,
  the *template*, chosen at random among the cables whose id the parser reads back;
* a new reference id: same year and station, a serial that no real cable of that
  year and station has, unique in the output; the classification line
  (``MOSCOW 001488``), the DE line (``#1488/01``) and any page-break line of the
  preamble are rewritten to match it;
* a subject combined from the template's subject and another cable's subject;
* numbered paragraphs drawn in runs of one or two from several *other* cables of the
  same classification label, renumbered, page-break markers removed, until the body
  reaches the template's body length (so sizes follow the real distribution);
* the template's signature.

Same ``--seed`` and source give byte-identical output (gzip written with mtime 0 and
no file name). The output is streamed: only the real corpus is held in memory.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "cables-dev.jsonl.gz"
FULL_RELEASE = 251_287

_ID_RE = re.compile(r"^(\d\d)([A-Z]+?)(\d+)$")
# The first line of a numbered paragraph: "1. (C) ...", " 12.  (SBU) ...", "3) ...".
_PARA_RE = re.compile(r"^[ \t\u2028]{0,4}(\d{1,2})( ?[.)])(?=\s|\()")
_SUBJECT_RE = re.compile(r"^(\s*SUBJECT\s*:?\s*)(\S.*?)\s*$", re.IGNORECASE)
# Lines that end a wrapped SUBJECT: a blank line or the next caption.
_SUBJECT_END_RE = re.compile(r"^\s*(?:$|REF|CLASSIFIED|\d{1,2}\s?[.)]|\(|-{3})", re.IGNORECASE)
# A page-break marker: "MOSCOW 00001488  002 OF 002" (on its own line or run into text).
_PAGE_NUM_RE = re.compile(r"[ \t]*\b0\d{7}[ \t]+\d{3}(?:\.\d)? OF \d{3}\b[ \t]*")
_DE_RE = re.compile(r"^(DE [A-Z]+ #)(\d{1,5})")
_WORD_RE = re.compile(r"\S+")
_LETTERS_RE = re.compile(r"[^A-Z]")
_MAX_PREAMBLE = 2500
_MAX_SUBJECT = 300
_RUN_MAX = 2  # paragraphs taken in a row from one donor (the first run: 1)


@dataclass(slots=True)
class Paragraph:
    lines: list[str]  # first line starts with the number
    size: int  # characters including newlines


@dataclass(slots=True)
class Source:
    rec: dict
    year: str  # "09"
    station: str  # "MOSCOW"
    serial: int
    lines: list[str]
    preamble_end: int  # index of the first numbered paragraph (or end of preamble)
    tail_start: int  # index of the signature block (== len(lines) when none)
    class_line: int | None  # index of the classification line holding the serial
    class_parts: tuple[str, int, str]  # that line around the serial: prefix, width, suffix
    paragraphs: list[Paragraph] = field(default_factory=list)
    subject: str | None = None


def _strip_page_breaks(text: str, station: str) -> str:
    """Remove ``POST 000SERIAL  00N OF 00M`` markers; the post name is the words before."""
    out: list[str] = []
    pos = 0
    for m in _PAGE_NUM_RE.finditer(text):
        start = m.start()
        # Drop the post name (one to three upper-case words) when it spells the station.
        before = text[pos:start]
        words = before.rsplit(None, 3)[-3:] if before.strip() else []
        for k in range(1, len(words) + 1):
            if not words[-k].isupper():
                break
            if _LETTERS_RE.sub("", "".join(words[-k:])) == station:
                cut = before.rfind(words[-k])
                if cut >= 0:
                    start = pos + cut
                break
        prev = text[pos:start].rstrip(" \t")
        out.append(prev)
        if prev and not prev.endswith("\n") and m.end() < len(text):
            out.append(" ")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _split(rec: dict) -> Source | None:
    m = _ID_RE.match(rec.get("id") or "")
    body = rec.get("body") or ""
    if not m or not body:
        return None
    year, station, serial_s = m.group(1), m.group(2), m.group(3)
    lines = body.split("\n")
    # Numbered paragraphs: 1, 2, 3 ... in order (a "2." out of sequence is text).
    starts: list[int] = []
    expect = 1
    for i, line in enumerate(lines):
        pm = _PARA_RE.match(line)
        if pm and int(pm.group(1)) == expect:
            starts.append(i)
            expect += 1
    # The signature: a short last block after a blank line ("BEYRLE", "CLINTON").
    tail = len(lines)
    while tail > 0 and not lines[tail - 1].strip():
        tail -= 1
    j = tail
    while j > 0 and lines[j - 1].strip():
        j -= 1
    if 0 < j < tail and sum(len(x) for x in lines[j:tail]) < 60 and (not starts or j > starts[-1]):
        tail_start = j
    else:
        tail_start = len(lines)
    subject_at = None
    for i, line in enumerate(lines[:40]):
        if _SUBJECT_RE.match(line):
            subject_at = i
            break
    if starts:
        preamble_end = starts[0]
    elif subject_at is not None:
        preamble_end = subject_at + 1
        while preamble_end < len(lines) and lines[preamble_end].strip():
            preamble_end += 1
    else:
        preamble_end = min(len(lines), 12)
    class_re = re.compile(r"^(.*\S\s+)(0*" + serial_s + r")(\s*)$")
    class_line = None
    class_parts = ("", 6, "")
    for i, line in enumerate(lines[: min(preamble_end, 15)]):
        cm = class_re.match(line)
        if cm:
            class_line = i
            class_parts = (cm.group(1), max(6, len(cm.group(2))), cm.group(3))
            break
    src = Source(
        rec=rec,
        year=year,
        station=station,
        serial=int(serial_s),
        lines=lines,
        preamble_end=preamble_end,
        tail_start=max(tail_start, preamble_end),
        class_line=class_line,
        class_parts=class_parts,
    )
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else src.tail_start
        if e <= s:
            continue
        plines: list[str] = []
        for x in lines[s:e]:
            if " OF " in x and _PAGE_NUM_RE.search(x):
                x = _strip_page_breaks(x, station)
                if not x.strip():
                    continue  # a page-break line
            plines.append(x)
        src.paragraphs.append(Paragraph(plines, sum(len(x) + 1 for x in plines)))
    if subject_at is not None:
        sm = _SUBJECT_RE.match(lines[subject_at])
        if sm and len(sm.group(2)) < _MAX_SUBJECT:
            src.subject = sm.group(2)
    return src


def _subject_block(lines: list[str], end: int) -> tuple[int, int] | None:
    """(first, last+1) lines of the SUBJECT field within the preamble."""
    for i in range(min(end, 40)):
        if _SUBJECT_RE.match(lines[i]):
            j = i + 1
            while j < end and j < i + 3 and not _SUBJECT_END_RE.match(lines[j]):
                j += 1
            return i, j
    return None


_PARSE_OK: dict[tuple[str, str], bool] = {}  # (id, body) -> the parser reads the id back


def _parse_checker():  # noqa: ANN202 - returns a callable or None
    """Templates must be cables whose id the parser reads back (~95% of the dev corpus).

    The answers are kept for the process: a second Synthesizer (tests) starts fast.
    """
    try:
        from cablekit import parse_cable
    except Exception:  # noqa: BLE001 - the generator works without the package
        return None

    def check(rec: dict) -> bool:
        key = (rec["id"], rec["body"])
        if key not in _PARSE_OK:
            try:
                text = rec["header"] + "\n" + rec["body"]
                _PARSE_OK[key] = parse_cable(text).reference_id == rec["id"]
            except Exception:  # noqa: BLE001
                _PARSE_OK[key] = False
        return _PARSE_OK[key]

    return check


class Synthesizer:
    """Holds the real corpus (split once) and yields synthetic records one at a time."""

    def __init__(self, source: Path, seed: int, *, parse_check: bool = True) -> None:
        self.rng = random.Random(seed)
        with gzip.open(source, "rt", encoding="utf-8") as f:
            recs = [json.loads(line) for line in f if line.strip()]
        self.real_ids = {r.get("id") for r in recs}
        # Serials per (year, station) that exist in the real corpus: never reuse them.
        self.taken: dict[tuple[str, str], set[int]] = {}
        for r in recs:
            m = _ID_RE.match(r.get("id") or "")
            if m:
                self.taken.setdefault((m.group(1), m.group(2)), set()).add(int(m.group(3)))
        self.sources = [s for s in (_split(r) for r in recs) if s is not None]
        check = _parse_checker() if parse_check else None
        self.templates = [
            s
            for s in self.sources
            if s.class_line is not None
            and len("\n".join(s.lines[: s.preamble_end])) <= _MAX_PREAMBLE
            and (check is None or check(s.rec))
        ]
        # Donor paragraphs by classification label (portion markings stay plausible).
        self.donors: dict[str, list[Source]] = {}
        for s in self.sources:
            if s.paragraphs:
                self.donors.setdefault(s.rec.get("classification") or "", []).append(s)
        by_level: dict[str, list[Source]] = {}
        for label, group in self.donors.items():
            by_level.setdefault(label.split("//")[0], []).extend(group)
        self.by_level = by_level
        self.all_donors = [s for s in self.sources if s.paragraphs]
        self.subjects = [s.subject for s in self.sources if s.subject]
        self.next_serial: dict[tuple[str, str], int] = {}
        self.emitted = 0

    def _new_serial(self, key: tuple[str, str]) -> int:
        n = self.next_serial.get(key, 0)
        taken = self.taken.get(key, ())
        n += 1
        while n in taken:
            n += 1
        self.next_serial[key] = n
        return n

    def _donor_pool(self, label: str) -> list[Source]:
        pool = self.donors.get(label, [])
        if len(pool) < 20:
            pool = self.by_level.get(label.split("//")[0], []) or self.all_donors
        return pool

    def _combined_subject(self, own: str) -> str:
        other = self.rng.choice(self.subjects)
        a, b = _WORD_RE.findall(own), _WORD_RE.findall(other)
        if len(a) < 2 or len(b) < 2:
            return own if len(a) >= len(b) else other
        return " ".join(a[: (len(a) + 1) // 2] + b[len(b) // 2 :])

    def make(self) -> dict:
        rng = self.rng
        t = rng.choice(self.templates)
        rec = t.rec
        key = (t.year, t.station)
        serial = self._new_serial(key)
        new_id = f"{t.year}{t.station}{serial}"
        old_id = rec["id"]
        lines = t.lines

        # -- preamble: new serial everywhere it is written, combined subject ---------
        pre = lines[: t.preamble_end]
        assert t.class_line is not None
        prefix, width, suffix = t.class_parts
        pre = list(pre)
        pre[t.class_line] = f"{prefix}{serial:0{width}d}{suffix}"
        old8, new8 = f"{t.serial:08d}", f"{serial:08d}"
        for i, line in enumerate(pre):
            if i != t.class_line and (old8 in line or old_id in line):
                pre[i] = line.replace(old8, new8).replace(old_id, new_id)
        sb = _subject_block(pre, len(pre))
        if sb is not None:
            sm = _SUBJECT_RE.match(pre[sb[0]])
            own = (
                " ".join([sm.group(2)] + [x.strip() for x in pre[sb[0] + 1 : sb[1]]]) if sm else ""
            )
            if sm and len(own) < _MAX_SUBJECT:
                pre[sb[0] : sb[1]] = [sm.group(1) + self._combined_subject(own)]

        # -- paragraphs from other cables, up to the template's body length -----------
        tail = lines[t.tail_start :]
        target = len(rec["body"]) - sum(len(x) + 1 for x in pre) - sum(len(x) + 1 for x in tail)
        pool = self._donor_pool(rec.get("classification") or "")
        out: list[str] = []
        size = 0
        number = 0
        used: list[str] = []
        tries = 0
        while size < target and tries < 200:
            tries += 1
            d = rng.choice(pool)
            if d is t or d.rec["id"] == old_id or (used and d.rec["id"] == used[-1]):
                continue
            used.append(d.rec["id"])
            start = rng.randrange(len(d.paragraphs))
            run = d.paragraphs[start : start + (rng.randint(1, _RUN_MAX) if used[:-1] else 1)]
            for p in run:
                if size >= target:
                    break
                number += 1
                first = p.lines[0]
                pm = _PARA_RE.match(first)
                if pm:
                    first = f"{first[: pm.start(1)]}{number}{first[pm.end(1) :]}"
                plines = [first, *p.lines[1:]]
                if size + p.size > target and len(plines) > 1:
                    # Cut the last paragraph at a line so the size stays near the target.
                    kept: list[str] = []
                    for x in plines:
                        if size >= target and kept:
                            break
                        kept.append(x)
                        size += len(x) + 1
                    out.extend(kept)
                else:
                    out.extend(plines)
                    size += p.size
        body = "\n".join(pre + out + tail)

        # -- header: the DE line's message number follows the serial ---------------
        header = rec.get("header") or ""
        if header.startswith("This record"):
            new_header = header
        else:
            hl = header.split("\n")
            for i, line in enumerate(hl):
                dm = _DE_RE.match(line)
                if dm:
                    hl[i] = f"{dm.group(1)}{serial % 10000:04d}{line[dm.end() :]}"
                    break
            new_header = "\n".join(hl).replace(old_id, new_id)
        self.emitted += 1
        return {
            "id": new_id,
            "created": rec.get("created"),
            "released": rec.get("released"),
            "classification": rec.get("classification"),
            "origin": rec.get("origin"),
            "header": new_header,
            "body": body,
            "articles": [],
            "version_seen": rec.get("version_seen"),
        }

    def records(self, count: int) -> Iterator[dict]:
        for _ in range(count):
            yield self.make()


def write_corpus(
    out: Path, count: int, seed: int = 0, source: Path = DEFAULT_SOURCE, *, level: int = 1
) -> tuple[int, int]:
    """Write ``count`` synthetic records to ``out`` (gzip when it ends in .gz).

    Returns (records, raw text bytes = sum of len(header) + len(body) in UTF-8).
    """
    syn = Synthesizer(source, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    raw = 0
    encode = json.JSONEncoder(ensure_ascii=False).encode
    with open(out, "wb") as fh:
        if out.suffix == ".gz":
            # gzip framing by hand: mtime 0 and no file name, so same seed -> same bytes.
            comp = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
            fh.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")
            crc, length = 0, 0
            buf: list[bytes] = []
            pending = 0
            for rec in syn.records(count):
                b = (encode(rec) + "\n").encode("utf-8")
                raw += len(rec["header"].encode("utf-8")) + len(rec["body"].encode("utf-8"))
                buf.append(b)
                pending += len(b)
                if pending >= 1 << 20:
                    chunk = b"".join(buf)
                    crc = zlib.crc32(chunk, crc)
                    length += len(chunk)
                    fh.write(comp.compress(chunk))
                    buf, pending = [], 0
            chunk = b"".join(buf)
            crc = zlib.crc32(chunk, crc)
            length += len(chunk)
            fh.write(comp.compress(chunk))
            fh.write(comp.flush())
            fh.write(crc.to_bytes(4, "little") + (length & 0xFFFFFFFF).to_bytes(4, "little"))
        else:
            for rec in syn.records(count):
                raw += len(rec["header"].encode("utf-8")) + len(rec["body"].encode("utf-8"))
                fh.write((encode(rec) + "\n").encode("utf-8"))
    return count, raw


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="output .jsonl or .jsonl.gz")
    ap.add_argument("--count", type=int, default=FULL_RELEASE)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--level", type=int, default=1, help="gzip level (default 1: fast)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    n, raw = write_corpus(args.out, args.count, args.seed, args.source, level=args.level)
    dt = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "out": str(args.out),
                "records": n,
                "raw_text_bytes": raw,
                "file_bytes": args.out.stat().st_size,
                "seconds": round(dt, 1),
            }
        ),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
