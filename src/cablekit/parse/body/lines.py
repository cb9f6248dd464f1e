"""What kind of line one is, and which lines of a text hold a needle.

Line classifiers shared by the page-break, cleaning, paragraph, summary / comment and
signature code: numbered-paragraph starts (``_para_match``) and portion markings,
preamble and classification lines, headings. ``_lines_containing`` finds the few lines of
a text that hold a needle with ``str.find`` over the whole text, much cheaper than a test
on every line.
"""

from __future__ import annotations

import functools
import string

from cablekit.parse.body.patterns import (
    _CLASS_LINE,
    _LEADING_MARK,
    _LETTERED,
    _MARK,
    _PARA,
    _PARA_MARK_FIRST,
    _PREAMBLE_KEY,
    _SECTION,
)


def _is_para_start(s: str) -> bool:
    c = s.lstrip()[:1]
    if not c or not (c.isdigit() or c == "(" or c == "\u00b6"):
        return False
    return bool(_PARA.match(s) or _PARA_MARK_FIRST.match(s))


def _lines_containing(text: str, needles: tuple[str, ...]) -> list[int]:
    """Indices of the lines of ``text`` that contain one of ``needles``, in order.

    ``str.find`` over the whole text: much cheaper than a test on every line when, as
    usual, only a few lines match. Once a needle is found, the search for it goes on from
    the next line (a line of ``-----`` holds ``---`` at every position).
    """
    positions: set[int] = set()
    for needle in needles:
        # a one-character test runs at memchr speed: most texts lack ``=``, ``_`` and ``*``
        pos = text.find(needle) if needle[0] in text else -1
        while pos >= 0:
            positions.add(pos)
            pos = text.find("\n", pos)
            if pos < 0:
                break
            pos = text.find(needle, pos)
    return _line_indices(text, sorted(positions))


def _line_indices(text: str, positions: list[int]) -> list[int]:
    """Line index (0-based) of each of the sorted ``positions`` in ``text``, without repeats."""
    out: list[int] = []
    line_no = 0
    last = 0
    for pos in positions:
        line_no += text.count("\n", last, pos)
        last = pos
        if not out or out[-1] != line_no:
            out.append(line_no)
    return out


def _para_match(s: str) -> tuple[int, str, str | None, str] | None:
    """``(number, style, marking, rest)`` for a numbered-paragraph line, else None."""
    c = s.lstrip()[:1]
    if not c or not (c.isdigit() or c == "(" or c == "\u00b6"):
        return None
    m = _PARA.match(s)
    if m:
        number, style, mark, rest = m.groups()
        if mark is not None and not _is_mark(mark):
            rest = "(" + mark + ") " + rest  # ``5. (U.S.) text`` - not a marking
            mark = None
        if style == ")" and c == "(":
            return None
        return int(number), style, _norm_mark(mark), rest
    m = _PARA_MARK_FIRST.match(s)
    if m and _is_mark(m.group(1)):
        return int(m.group(2)), ".", _norm_mark(m.group(1)), m.group(3)
    return None


# The same few markings (``C``, ``SBU``, ``S/NF``) come back on every paragraph: cache.
@functools.lru_cache(maxsize=1024)
def _is_mark(text: str) -> bool:
    """Whether ``text`` (inside parentheses) is a portion marking, not ``(U.S.)`` say."""
    return _MARK.match(text) is not None


def _para_matches(lines: list[str]) -> list[tuple[int, str, str | None, str] | None]:
    """``_para_match`` of each line.

    Most lines start with a letter, which no paragraph number does: testing that first
    spares the call for them.
    """
    out: list[tuple[int, str, str | None, str] | None] = [None] * len(lines)
    for i in [i for i, t in enumerate(lines) if t and not t[0].isalpha()]:
        out[i] = _para_match(lines[i])
    return out


@functools.lru_cache(maxsize=1024)
def _norm_mark(mark: str | None) -> str | None:
    if mark is None:
        return None
    return " ".join(mark.split()).upper()


# First letters of what ``_PREAMBLE_KEY`` matches: E.O., TAGS, SUBJECT, REF, CLASSIFIED
# BY, DERIVED FROM, SIPDIS, DECL.
_PREAMBLE_KEY_FIRST = frozenset("ETSRCD")


def _is_preamble_line(s: str) -> bool:
    """A preamble key line, a ``SECTION NN OF NN`` line or a classification line.

    Each pattern is tried only when a cheap test says it could match: most lines of a
    body are none of these.
    """
    return bool(
        (s.lstrip()[:1].upper() in _PREAMBLE_KEY_FIRST and _PREAMBLE_KEY.match(s))
        or ("SECTION" in s and _SECTION.match(s))
        or _is_class_line(s)
    )


def _is_class_line(s: str) -> bool:
    """A classification line (``CONFIDENTIAL``, ``SECRET//NOFORN``): all capitals."""
    return s.isupper() and _CLASS_LINE.match(s) is not None


def _heading_text(s: str) -> str:
    s = s.strip().strip("-=\u2010\u2011\u2012\u2013\u2014\u2015_ ").strip()
    s = _LEADING_MARK.sub("", s)
    return s.rstrip(":").strip()


def _looks_heading(s: str) -> bool:
    if len(s) > 100:
        return False
    t = s.strip()
    if not t or len(t) > 80 or len(t) < 2:
        return False
    if t[-1] in ".,;?" and not t.endswith("..."):
        return False
    # (a heading starting with ``-``, ``*``, ``(`` or a quote fails this test too)
    if not t[0].isupper() and not t[0].isdigit():
        return False
    if "   " in t:
        return False
    # from here ``t`` starts with a capital or a digit: only a digit can start a numbered
    # paragraph, and a lettered one needs ``.`` or ``)`` right after its one or two letters
    if t[0].isdigit() and _para_match(t):
        return False
    if (t[1] in ".)" or t[2:3] in ".)") and _LETTERED.match(t):
        return False
    return _count_letters(t) >= max(2, len(t) // 2)


_ASCII_LETTERS = string.ascii_letters.encode()


def _count_letters(t: str) -> int:
    """How many characters of ``t`` are letters (``str.isalpha``).

    For ASCII text, deleting the letters from its bytes counts them at C speed.
    """
    if t.isascii():
        data = t.encode("ascii")
        return len(data) - len(data.translate(None, _ASCII_LETTERS))
    return sum(map(str.isalpha, t))
