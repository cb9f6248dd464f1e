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
SUGGEST_FROM_WORDS = 40  # a page with no cable and fewer words gets no TAGS suggested
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
    # when the page reproduces no cable of the library: TAGS it would likely carry,
    # [{"tag", "score", "kind"}], from the library's nearest cables (extract.suggest)
    suggested_tags: list[dict[str, Any]] = msgspec.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)


def identify(library: Library, text: str, *, source: str | None = None) -> Identification:
    """Find the cables of ``library`` that ``text`` reproduces, in page order."""
    page_lines = text.split("\n")
    page = words_of(text, skip_page_breaks=True)
    hashes = run_hashes(page.words)
    if not len(hashes):
        return _with_tags(
            library, text, Identification(source=source, unmatched=_unmatched(page, page_lines, []))
        )
    finder = _Finder(library, page, hashes)
    # A long page asks with its winnowed hashes (the index's are winnowed alike, so a
    # shared run of K + W - 1 words still shares one); a short one with every run.
    long_page = len(hashes) > LONG_PAGE
    step = CHUNK * 4 if long_page else CHUNK
    finder.ask([(start, start + step) for start in range(0, len(hashes), step)], long_page)
    taken = finder.cover()
    # A short copy beside a long one can be crowded out of its stretch's candidates:
    # ask again for what is still unexplained, with every run.
    for _ in range(2):
        gaps = _unexplained(taken, len(page.words))
        if not gaps or not finder.ask(gaps, False):
            break
        taken = finder.cover()

    matches = []
    for reference_id, first, last in _regions(taken):
        if sum(1 for i in range(first, last + 1) if taken.get(i) == reference_id) < MIN_WORDS:
            continue
        matches.append(_match(reference_id, first, last, page, page_lines, finder, taken))
    matches.sort(key=lambda m: m.input_span[0])
    spans = [(m.input_span[0] - 1, m.input_span[1] - 1) for m in matches]
    return _with_tags(
        library,
        text,
        Identification(
            source=source, matches=matches, unmatched=_unmatched(page, page_lines, spans)
        ),
    )


def _with_tags(library: Library, text: str, result: Identification) -> Identification:
    """A page that matches no cable gets the TAGS it would likely carry (a copy that
    lost its header and TAGS line, or a cable the library does not hold)."""
    if result.matches or len(text.split()) < SUGGEST_FROM_WORDS:
        return result
    from cablekit.extract.suggest import suggest_tags
    from cablekit.parse.tags import tag_kind

    result.suggested_tags = [
        {"tag": tag, "score": round(score, 3), "kind": tag_kind(tag).lower()}
        for tag, score in suggest_tags(library, text)
    ]
    return result


class _Finder:
    """Candidates for a page, and which page words each one explains."""

    def __init__(self, library: Library, page: Words, hashes: np.ndarray) -> None:
        self.library = library
        self.index = library.search_index()
        self.page = page
        self.hashes = hashes
        self.order = np.argsort(hashes, kind="stable")
        self.ordered = hashes[self.order]
        self.asked: set[str] = set()
        self.explains: dict[str, np.ndarray] = {}  # the page words each cable explains
        self.records: dict[str, dict[str, Any]] = {}
        self.originals: dict[str, tuple[Words, list[str], np.ndarray]] = {}

    def ask(self, stretches: list[tuple[int, int]], winnowed: bool) -> bool:
        """Ask the index for the cables sharing most runs of each page stretch
        (run positions ``[start, end)``); verify the new ones. True if any was new."""
        new: dict[str, None] = {}
        for start, end in stretches:
            part = self.hashes[start:end]
            if not len(part):
                continue
            found = self.index.reusing(
                terms_of(winnow(part) if winnowed else part), limit=PER_CHUNK
            )
            for reference_id, score in found:
                if score >= RELATIVE_SCORE * found[0][1] and reference_id not in self.asked:
                    new[reference_id] = None
        self.asked.update(new)
        for record in self.library.store.latest_records(list(new)):
            self._verify(record)
        return bool(new)

    def _verify(self, record: dict[str, Any]) -> None:
        """Mark the page words the cable explains: those inside runs it shares."""
        original = words_of(record["text"])
        own = run_hashes(original.words)
        shared = _shared_runs(self.ordered, self.order, own)
        if len(shared) + K - 1 < MIN_WORDS:
            return
        explained = np.zeros(len(self.page.words), dtype=bool)
        for j in range(K):
            explained[shared + j] = True
        covered = np.flatnonzero(explained)
        if len(covered) >= MIN_WORDS:
            reference_id = record["reference_id"]
            self.explains[reference_id] = covered
            self.records[reference_id] = record
            self.originals[reference_id] = (original, record["text"].split("\n"), own)

    def cover(self) -> dict[int, str]:
        """Greedy cover, stretch by stretch: the stretch of one cable that explains most
        unexplained words first. Stretches, not whole cables: a cable whose own copy is
        long must not also claim a boilerplate line inside another cable's copy."""
        refs = list(self.explains)
        stretches: list[tuple[int, np.ndarray]] = [
            (r, words)
            for r, ref in enumerate(refs)
            for words in np.split(
                self.explains[ref], np.flatnonzero(np.diff(self.explains[ref]) > GAP) + 1
            )
            if len(words) >= MIN_WORDS
        ]
        owner = np.full(len(self.page.words), -1, dtype=np.int64)  # index into refs
        # Lazy greedy: a stretch's gain only falls as others are taken, so a stretch
        # whose fresh gain still tops the queue's next stale one is the true best.
        queue = [(-len(words), refs[r], k) for k, (r, words) in enumerate(stretches)]
        heapq.heapify(queue)
        while queue:
            _, ref, k = heapq.heappop(queue)
            r, words = stretches[k]
            free = words[owner[words] < 0]
            if len(free) < MIN_WORDS:
                continue
            if queue and len(free) < -queue[0][0]:
                heapq.heappush(queue, (-len(free), ref, k))
                continue
            owner[free] = r
        taken_at = np.flatnonzero(owner >= 0)
        return dict(
            zip(taken_at.tolist(), [refs[r] for r in owner[taken_at].tolist()], strict=True)
        )


def _unexplained(taken: dict[int, str], n: int) -> list[tuple[int, int]]:
    """Run positions ``[start, end)`` of page stretches of at least ``MIN_WORDS``
    words that no accepted cable explains."""
    out = []
    start = None
    for i in range(n + 1):
        free = i < n and i not in taken
        if free and start is None:
            start = i
        elif not free and start is not None:
            if i - start >= MIN_WORDS:
                out.append((start, max(start + 1, i - K + 1)))
            start = None
    return out


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


def _stretches(positions: list[int], gap: int = GAP) -> list[list[int]]:
    """Sorted word positions cut where two are more than ``gap`` apart."""
    out: list[list[int]] = []
    for i in positions:
        if out and i - out[-1][-1] <= gap:
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
    finder: _Finder,
    taken: dict[int, str],
) -> Match:
    original, original_lines, own = finder.originals[reference_id]
    record = finder.records[reference_id]
    region = Words(page.words[first : last + 1], page.lines[first : last + 1])
    # Align against the part of the cable the region's runs point to, not the whole
    # cable: a word-level alignment would otherwise pick up common words anywhere.
    a, b = _window(own, finder.hashes[first : max(first + 1, last - K + 2)], len(original.words))
    window = Words(original.words[a:b], original.lines[a:b])
    paragraphs = record.get("paragraphs") or []
    paragraph_at = {p["start_line"] - 1: p.get("number") for p in paragraphs if p.get("start_line")}
    result = align(
        window,
        original_lines,
        region,
        page_lines,
        body_start=_body_start(record),
        paragraph_at=paragraph_at,
    )
    explained = sum(1 for i in range(first, last + 1) if taken.get(i) == reference_id)
    return Match(
        reference_id=reference_id,
        score=round(explained / max(1, last - first + 1), 4),
        coverage=round(result.kept / max(1, len(original.words)), 4),
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


def _window(own: np.ndarray, region: np.ndarray, n: int) -> tuple[int, int]:
    """The stretch of the cable's words ``[a, b)`` whose runs the page region shares
    (the densest, when they fall in several places), with a margin for edits."""
    positions = np.flatnonzero(np.isin(own, region)).tolist()
    if not positions:
        return 0, n
    best = max(_stretches(positions), key=len)
    return max(0, best[0] - K), min(n, best[-1] + 2 * K)


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
