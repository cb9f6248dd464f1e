"""The prepared body: what several fields need from one body text, computed once and shared.

``_Prepared`` holds the cleaned lines and, computed on first use, the paragraph matches,
body start, signature cut and signature; ``_prepared`` caches it per text. ``prepare``
and the ``*_of`` functions are what ``parse_cable`` uses; the line-list functions of the
other modules reach it through ``_prepared_lines`` (imported lazily there, since this
module imports them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from cablekit.model import Paragraph
from cablekit.parse.body.cleaning import _clean_items, _Items
from cablekit.parse.body.lines import _para_matches
from cablekit.parse.body.page_breaks import _break_candidates, _page_breaks
from cablekit.parse.body.paragraphs import _body_start, _parse_paragraphs, _signature_cut
from cablekit.parse.body.sections import _comment_of, _summary_of
from cablekit.parse.body.signature import _parse_signature


class _lazy:  # noqa: N801 - used like ``functools.cached_property``
    """``functools.cached_property`` without its lock (Python 3.11 takes one per access).

    The value is stored in the instance's ``__dict__``, which then answers alone.
    """

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class _Prepared:
    """What several fields need from one body text, computed once and shared.

    ``parse_cable`` asks for paragraphs, summary, comment, signature and clean body of
    the same text one after another; all of them start from the cleaned lines, the end
    of the preamble and the start of the signature. :func:`_prepared` caches this per
    text, and the costlier parts are only computed when a field first asks for them.
    """

    def __init__(self, text: str, raw_lines: list[str] | None = None) -> None:
        self.text = text
        self.raw_lines = text.split("\n") if raw_lines is None else raw_lines
        # the lines that may be part of a page break, found once for the two uses below;
        # none when the text lacks what every break pattern needs (most cables)
        has_page = "PAGE" in text  # asked again by ``_clean_items``: one scan for both
        self.break_candidates = _break_candidates(text, self.raw_lines, has_page)
        items = _clean_items(self.raw_lines, text, self.break_candidates, has_page)
        # the cleaned lines and, for each, the index of its raw line
        if isinstance(items, _Items):
            self.lines: list[str] = items.texts
            self.index: range | list[int] = range(len(items.texts))
        else:
            self.lines = [t for _, t in items]
            self.index = [i for i, _ in items]

    @_lazy
    def clean_text(self) -> str:
        """The cleaned lines joined: what ``clean_body`` returns."""
        return "\n".join(self.lines)

    @_lazy
    def para_matches(self) -> list[tuple[int, str, str | None, str] | None]:
        """``_para_match`` of every cleaned line (as is, not stripped)."""
        return _para_matches(self.lines)

    @_lazy
    def body_start(self) -> int:
        return _body_start(self.lines, self.para_matches)

    @_lazy
    def signature_cut(self) -> int:
        return _signature_cut(self.lines)

    @_lazy
    def signature(self) -> str | None:
        page_breaks = frozenset(_page_breaks(self.raw_lines, self.break_candidates))
        return _parse_signature(self.raw_lines, page_breaks)


# ``(text, its lines)`` handed from ``prepare`` to ``_prepared`` (see there).
_LINES_HINT: tuple[str, list[str]] | None = None


@functools.lru_cache(maxsize=8)
def _prepared(text: str) -> _Prepared:
    hint = _LINES_HINT
    # the lines ``prepare`` knows for this very text object spare splitting it again
    return _Prepared(text, hint[1] if hint is not None and hint[0] is text else None)


def prepare(text: str, lines: list[str]) -> _Prepared:
    """The shared preparation of a body whose lines are known: ``lines == text.split("\\n")``.

    ``parse_cable`` has both at hand; passing the result to the ``*_of`` functions below
    spares joining and splitting the text again for every field. The preparation is
    cached per text like ``_prepared``'s (the same text parsed again costs little).
    """
    global _LINES_HINT
    _LINES_HINT = (text, lines)
    try:
        return _prepared(text)
    finally:
        _LINES_HINT = None


def paragraphs_of(prep: _Prepared, first_line: int = 1) -> list[Paragraph]:
    """``parse_paragraphs`` of a prepared body."""
    try:
        return _parse_paragraphs(prep, int(first_line))
    except Exception:  # pragma: no cover
        return []


def summary_of(prep: _Prepared) -> str | None:
    """``parse_summary`` of a prepared body."""
    try:
        return _summary_of(prep)
    except Exception:  # pragma: no cover
        return None


def comment_of(prep: _Prepared) -> str | None:
    """``parse_comment`` of a prepared body."""
    try:
        return _comment_of(prep)
    except Exception:  # pragma: no cover
        return None


def signature_of(prep: _Prepared) -> str | None:
    """``parse_signature`` of a prepared body."""
    try:
        return prep.signature
    except Exception:  # pragma: no cover
        return None


def clean_body_of(prep: _Prepared) -> str:
    """``clean_body`` of a prepared body."""
    try:
        return prep.clean_text
    except Exception:  # pragma: no cover
        return "\n".join(x.rstrip() for x in prep.raw_lines)


# Recent line lists and their preparation: (the list, a copy of it, the preparation).
_RECENT_LINES: list[tuple[list[str], list[str], _Prepared]] = []


def _prepared_lines(lines: list[str]) -> _Prepared:
    """``_prepared`` of the text of ``lines``.

    ``parse_cable`` hands the same list to three functions; recognising it spares joining
    and hashing the whole text each time. The copy guards against a list changed since.
    """
    if not isinstance(lines, list):
        return _prepared("\n".join(list(lines)))
    for seen, copy, prep in _RECENT_LINES:
        if seen is lines and copy == lines:
            return prep
    prep = _prepared("\n".join(lines))
    _RECENT_LINES.insert(0, (lines, list(lines), prep))
    del _RECENT_LINES[4:]
    return prep
