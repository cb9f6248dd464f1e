"""The preamble lines of a text: cut where paragraph 1 begins, cached per text, and
searched for the few lines that may hold a field's marker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

from cablekit.parse.tags import has_any

_MAX_PREAMBLE_LINES = 150  # no field of the preamble is further down than this
_MAX_CHARS = 12_000  # nor further than this (press format puts it all on a few lines)
# Paragraph 1 at the start of a line, searched in the whole text at once (whitespace but
# no newline: the pattern must not run from one line into the next).
_PARA1_RE = re.compile(r"\n[^\S\n]*\u00b6?[^\S\n]*1[^\S\n]?\.[^\S\n]*(?:\(|[A-Z])")


@lru_cache(maxsize=16)
def _split(text: str) -> tuple[str, ...]:
    """Lines of the preamble part of a text, cut where paragraph 1 begins (plus a margin).

    Cached: the cable parser calls every field function on the same text.
    """
    head = text[:_MAX_CHARS]
    if "\r" in head:
        head = head.replace("\r", "")
    count = _MAX_PREAMBLE_LINES
    # Paragraph 1 counts from the fifth line on: search after the fourth newline.
    pos = -1
    for _ in range(4):
        pos = head.find("\n", pos + 1)
        if pos < 0:
            break
    if pos >= 0:
        m = _PARA1_RE.search(head, pos)
        if m:
            index = head.count("\n", 0, m.start()) + 1  # the line paragraph 1 is on
            if index < _MAX_PREAMBLE_LINES:
                count = min(index + 6, _MAX_PREAMBLE_LINES)
    # Split no further than needed: most of a cable lies below its preamble.
    return tuple(head.split("\n", count)[:count])


def _lines(text: str) -> tuple[str, ...]:
    """The preamble lines of ``text`` (the cached tuple itself: the field functions only
    read it, and five of them ask for it per cable)."""
    if not isinstance(text, str):
        return ()
    return _split(text)


@lru_cache(maxsize=16)
def _lowered(text: str) -> tuple[str | None, tuple[int, ...]]:
    """The preamble lines joined and lower-cased, and where each line starts in that.

    None in place of the text when lower-casing moved the offsets: no character maps to
    nothing, so the same length means each one mapped to one (``İ`` maps to two).
    """
    lines = _split(text)
    joined = "\n".join(lines)
    low = joined.lower()
    starts = tuple(accumulate([len(line) + 1 for line in lines[:-1]], initial=0))
    return (low if len(low) == len(joined) else None), starts


def _lines_with(text: str, needles: tuple[str, ...]) -> list[int]:
    """Indices of the preamble lines that hold one of ``needles`` (lower case), in order.

    Each field function tries its pattern on these lines only: one ``find`` over the
    whole preamble instead of a test on every line. ``needles`` must be such that every
    line the pattern can match holds one (letters without other case forms: not I, K, S).
    """
    if not isinstance(text, str):
        return []
    low, starts = _lowered(text)
    if low is None:
        return [i for i, line in enumerate(_split(text)) if has_any(line, needles)]
    found: set[int] = set()
    for needle in needles:
        pos = low.find(needle)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            found.add(i)
            if i + 1 >= len(starts):
                break
            pos = low.find(needle, starts[i + 1])
    return sorted(found)


def _iter_lines_with(text: str, needles: tuple[str, ...]) -> Iterator[int]:
    """``_lines_with``, lazily: the field functions stop at the first line that holds
    their field, which is near the top, so the rest of the preamble is not searched."""
    if not isinstance(text, str):
        return
    low, starts = _lowered(text)
    if low is None:
        for i, line in enumerate(_split(text)):
            if has_any(line, needles):
                yield i
        return
    count = len(starts)
    if len(needles) == 1:
        # one needle (most fields): no list of positions to keep and take the least of
        needle = needles[0]
        pos = low.find(needle)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            yield i
            if i + 1 >= count:
                return
            pos = low.find(needle, starts[i + 1])
        return
    found = [low.find(needle) for needle in needles]
    while True:
        pos = min([p for p in found if p >= 0], default=-1)
        if pos < 0:
            return
        i = bisect_right(starts, pos) - 1
        yield i
        if i + 1 >= count:
            return
        nxt = starts[i + 1]
        for k, p in enumerate(found):
            if 0 <= p < nxt:
                found[k] = low.find(needles[k], nxt)


# A page-break line (``MOSCOW 00001488  002 OF 002``): the subject, REF and Classified By
# fields skip or stop at one.
_PAGE_BREAK_LINE_RE = re.compile(r"^\s*[A-Z][A-Z .'\-]{1,40}\s0{2,}\d{2,8}\s+\d{3}(?:\.\d)?\s+OF\s")
