"""Identify a copy: which stored cables a page reproduces, where, and what it lost.

1. **Candidates.** The page's words are hashed in runs (``fingerprint``); each
   stretch of the page asks the index for the cables that share most of its
   hashes (rare hashes weigh more).
2. **Cover.** Each candidate's own runs are matched against the page's, which
   marks the page words it explains. Greedily, the candidate that explains most
   words not yet explained is accepted, until none explains ``MIN_WORDS`` more:
   a page stitched from several cables gives several matches, and boilerplate
   that many cables share (``E.O. 12958: DECL``) cannot win on its own.
3. **Align.** Each accepted region of the page is aligned word by word against
   its cable (``align``) for the lines lost, added and changed.

Page text no cable explains is reported as ``unmatched``.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, Any

import msgspec
import numpy as np

from cablekit.identify.align import align
from cablekit.identify.fingerprint import K, Words, run_hashes, terms_of, winnow, words_of
from cablekit.parse.routing import split_header

if TYPE_CHECKING:
    from cablekit.store import Library

MIN_WORDS = 20  # a match must explain at least this many page words (a 3-line excerpt: ~25)
CHUNK = 120  # page runs per candidate query (four times as many, winnowed, on a long page)
LONG_PAGE = 1000  # runs
PER_CHUNK = 4  # candidates asked per chunk
RELATIVE_SCORE = 0.25  # candidates scoring below this share of a stretch's best are chance hits
GAP = 60  # page words between two stretches of one cable before they are two matches


class Match(msgspec.Struct, kw_only=True):
    """One cable (or part of one) that a page reproduces; lines are 1-based."""

    reference_id: str
    score: float  # share of the page region's words the cable explains
    coverage: float  # share of the cable's words the copy holds
    input_span: list[int]  # first and last line of the page
    cable_span: list[int]  # first and last line of the cable's text
    missing: list[dict[str, Any]]
    added: list[dict[str, Any]]
    changed: list[dict[str, Any]]
    metadata: dict[str, Any]


class Identification(msgspec.Struct, kw_only=True):
    """What a page reproduces: the matches in page order, and what matched nothing."""

    source: str | None = None
    matches: list[Match] = msgspec.field(default_factory=list)
    unmatched: list[dict[str, Any]] = msgspec.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)


def identify(library: Library, text: str, *, source: str | None = None) -> Identification:
    """Find the cables of ``library`` that ``text`` reproduces, in page order."""
    page_lines = text.split("\n")
    page = words_of(text, skip_page_breaks=True)
    hashes = run_hashes(page.words)
    if not len(hashes):
        return Identification(source=source, unmatched=_unmatched(page, page_lines, []))
    index = library.search_index()
    candidates: dict[str, None] = {}
    # A long page asks with its winnowed hashes (the index's are winnowed alike, so a
    # shared run of K + W - 1 words still shares one); a short one with every run.
    long_page = len(hashes) > LONG_PAGE
    step = CHUNK * 4 if long_page else CHUNK
    for start in range(0, len(hashes), step):
        part = hashes[start : start + step]
        chunk = terms_of(winnow(part) if long_page else part)
        found = index.reusing(chunk, limit=PER_CHUNK)
        for reference_id, score in found:
            if score >= RELATIVE_SCORE * found[0][1]:  # far below the best: chance hits
                candidates[reference_id] = None
    records = {r["reference_id"]: r for r in library.store.latest_records(list(candidates))}

    # Which page words each candidate explains.
    explains: dict[str, set[int]] = {}
    originals: dict[str, tuple[Words, list[str]]] = {}
    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    for reference_id, record in records.items():
        original = words_of(record["text"])
        shared = _shared_runs(ordered, order, run_hashes(original.words))
        if len(shared) + K - 1 < MIN_WORDS:
            continue
        explained = np.zeros(len(page.words), dtype=bool)
        for j in range(K):
            explained[shared + j] = True
        covered = set(np.flatnonzero(explained).tolist())
        if len(covered) >= MIN_WORDS:
            explains[reference_id] = covered
            originals[reference_id] = (original, record["text"].split("\n"))

    # Greedy cover, stretch by stretch: the stretch of one cable that explains most
    # unexplained words first. Stretches, not whole cables: a cable whose own copy is
    # long must not also claim a boilerplate line inside another cable's copy.
    stretches = [
        (ref, set(words))
        for ref, covered in explains.items()
        for words in _stretches(sorted(covered))
    ]
    taken: dict[int, str] = {}
    # Lazy greedy: a stretch's gain only falls as others are taken, so a stretch whose
    # fresh gain still tops the queue's next stale one is the true best.
    queue = [(-len(words), k) for k, (_, words) in enumerate(stretches) if len(words) >= MIN_WORDS]
    heapq.heapify(queue)
    while queue:
        _, k = heapq.heappop(queue)
        ref, words = stretches[k]
        gain = len(words - taken.keys())
        if gain < MIN_WORDS:
            continue
        if queue and gain < -queue[0][0]:
            heapq.heappush(queue, (-gain, k))
            continue
        for i in words:
            taken.setdefault(i, ref)

    matches = []
    for reference_id, first, last in _regions(taken):
        if sum(1 for i in range(first, last + 1) if taken.get(i) == reference_id) < MIN_WORDS:
            continue
        matches.append(
            _match(reference_id, first, last, page, page_lines, originals, records, taken)
        )
    matches.sort(key=lambda m: m.input_span[0])
    spans = [(m.input_span[0] - 1, m.input_span[1] - 1) for m in matches]
    return Identification(
        source=source, matches=matches, unmatched=_unmatched(page, page_lines, spans)
    )


def _shared_runs(ordered: np.ndarray, order: np.ndarray, own: np.ndarray) -> np.ndarray:
    """Positions of the page runs whose hash is among ``own`` (the page's hashes
    given sorted, ``ordered = hashes[order]``)."""
    if not len(own) or not len(ordered):
        return np.empty(0, dtype=np.int64)
    own = np.unique(own)
    left = np.searchsorted(ordered, own, "left")
    right = np.searchsorted(ordered, own, "right")
    hit = right > left
    if not hit.any():
        return np.empty(0, dtype=np.int64)
    starts, lengths = left[hit], (right - left)[hit]
    # every index in each [start, start + length) range, without a Python loop
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.sort(order[np.repeat(starts, lengths) + offsets])


def _stretches(positions: list[int]) -> list[list[int]]:
    """Sorted word positions cut where two are more than ``GAP`` apart."""
    out: list[list[int]] = []
    for i in positions:
        if out and i - out[-1][-1] <= GAP:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _regions(taken: dict[int, str]) -> list[tuple[str, int, int]]:
    """Stretches of page words explained by one cable: (reference id, first word, last word).

    Words of one cable closer than ``GAP`` join one stretch, even with other
    words between them (added commentary, a changed sentence).
    """
    by_cable: dict[str, list[int]] = {}
    for i, ref in taken.items():
        by_cable.setdefault(ref, []).append(i)
    out = []
    for ref, positions in by_cable.items():
        positions.sort()
        start = previous = positions[0]
        for i in positions[1:]:
            if i - previous > GAP:
                out.append((ref, start, previous))
                start = i
            previous = i
        out.append((ref, start, previous))
    return sorted(out, key=lambda r: r[1])


def _match(
    reference_id: str,
    first: int,
    last: int,
    page: Words,
    page_lines: list[str],
    originals: dict[str, tuple[Words, list[str]]],
    records: dict[str, dict[str, Any]],
    taken: dict[int, str],
) -> Match:
    original, original_lines = originals[reference_id]
    record = records[reference_id]
    region = Words(page.words[first : last + 1], page.lines[first : last + 1])
    paragraphs = record.get("paragraphs") or []
    paragraph_at = {p["start_line"] - 1: p.get("number") for p in paragraphs if p.get("start_line")}
    result = align(
        original,
        original_lines,
        region,
        page_lines,
        body_start=_body_start(record),
        last_paragraph=max(paragraph_at) if paragraph_at else None,
        paragraph_at=paragraph_at,
    )
    explained = sum(1 for i in range(first, last + 1) if taken.get(i) == reference_id)
    return Match(
        reference_id=reference_id,
        score=round(explained / max(1, last - first + 1), 4),
        coverage=round(result.coverage, 4),
        input_span=[page.lines[first] + 1, page.lines[last] + 1],
        cable_span=[result.cable_span[0] + 1, result.cable_span[1] + 1],
        missing=[
            {"text": m["text"], "paragraph": m["paragraph"], "line": m["line"] + 1}
            for m in result.missing
        ],
        added=[{"text": a["text"], "input_line": a["input_line"] + 1} for a in result.added],
        changed=[
            {**c, "line": c["line"] + 1, "input_line": c["input_line"] + 1} for c in result.changed
        ],
        metadata={
            "tags": record.get("tags") or [],
            "subject": record.get("subject"),
            "created": record.get("created"),
            "classification": record.get("classification"),
            "origin": record.get("origin"),
        },
    )


def _body_start(record: dict[str, Any]) -> int:
    """The first line after the routing header (0-based), where a copy would begin."""
    return split_header((record.get("text") or "").split("\n"))


def _unmatched(page: Words, page_lines: list[str], spans: list[tuple[int, int]]) -> list[dict]:
    """Runs of page lines with words that lie in no match's span."""
    worded = sorted(set(page.lines))
    out: list[dict[str, Any]] = []
    run: list[int] = []

    def close() -> None:
        if run:
            out.append(
                {
                    "input_span": [run[0] + 1, run[-1] + 1],
                    "text": "\n".join(page_lines[k] for k in range(run[0], run[-1] + 1)).strip(),
                }
            )

    for line in worded:
        if any(a <= line <= b for a, b in spans):
            close()
            run = []
            continue
        run.append(line)
    close()
    return out
