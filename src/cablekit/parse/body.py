"""The cable body: page breaks, paragraphs, headings, summary, comment, signature.

Everything here is line based: a cable is a few hundred short lines, and scanning
them once with anchored, precompiled patterns is both fast and immune to the
catastrophic backtracking a whole-text ``.*`` regex invites.

Conventions
-----------
* Lettered sub-paragraphs (``A.``, ``¶B.``) and ``--`` bullets stay inside the text of
  the numbered paragraph they belong to; only top-level numbers become ``Paragraph``.
* Unnumbered cables yield one ``Paragraph`` (``number=None``) per blank-line separated
  block (or per line, for reflowed press-format lines).
* ``Paragraph.text``, ``summary`` and ``comment`` are in reading form
  (:func:`cablekit.parse.normalise.normalise_text`): lines joined by single spaces,
  portion marking and number removed.
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from collections.abc import Callable, Iterator
from typing import Any

from cablekit.model import Paragraph
from cablekit.parse.normalise import normalise_text

__all__ = [
    "page_break_lines",
    "clean_body",
    "parse_paragraphs",
    "parse_summary",
    "parse_comment",
    "parse_signature",
    "parse_signers",
    "truncation_warnings",
]

# --------------------------------------------------------------------------- patterns

# ``MOSCOW 00001488  002 OF 002``, ``DUBLIN 00000623 001.2 OF 003``, ``BERN ... \``
_PB_NEW = re.compile(
    r"^\s*[A-Z][A-Z .'-]{0,24}? 0\d{7}\s+\d{3}(?:\.\d{1,2})?\s+OF\s+\d{3}\s*\\?\s*$"
)
# Old telegram page header ``PAGE 02        ROME  03639  01 OF 03  231626Z`` (press copies
# run the next text into it, kept in group 2). Group 1 is the page number.
_PB_PAGE = re.compile(
    r"^\s*PAGE\s+(\d{2,3})\s+[A-Z][A-Z ]{1,12}?\s+\d{4,6}\s+(?:\d{2}(?:\.\d)?\s+OF\s+\d{2}\s+)?"
    r"\d{6}Z?\b ?(.*)$"
)
_CLASS_WORDS = (
    r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|NOFORN|SIPDIS|"
    r"FOR OFFICIAL USE ONLY|C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D)"
)
_CLASS_LINE = re.compile(r"^\s*" + _CLASS_WORDS + r"(?:\s*//?\s*[A-Z ]{2,30})?(?:\s+PTQ\d+)?\s*$")
_TRAILING_CLASS = re.compile(r"\s{2,}(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE)\s*$")
_SECTION = re.compile(r"^\s*[A-Z/ ]{4,60}?\bSECTION\s+(\d{1,2})\s+OF\s+(\d{1,2})\b")
_PREAMBLE_REPEAT = re.compile(r"^\s*(?:SIPDIS|E\.?\s?O\.?\s|EO\s|TAGS\b|SUBJECT\b|SUBJ\b)", re.I)
_SUBJECT = re.compile(r"^\s*SUBJ(?:ECT)?\s*:?\s*(.*)$", re.I)
_DASHES = re.compile(r"^\s*[-=_\u2010-\u2015*]{3,}[-=_\u2010-\u2015 ]*$")
# What a (stripped) line ``_DASHES`` matches may start with.
_DASH_FIRST = frozenset("-=_*" + "".join(map(chr, range(0x2010, 0x2016))))
_BLANKISH = re.compile(r"^\s*[-.]?\s*$")

# Portion marking: ``C``, ``SBU``, ``S/NF``, ``S//NF``, ``C/REL NATO``, ``S//Rel NATO, ISAF``.
_MARK_RE = (
    r"(?:TS|S|C|U|SBU|LOU|SE|FOUO|CONFIDENTIAL|SECRET|UNCLASSIFIED|SECRET/NOFORN)"
    r"(?:\s*/{1,2}\s*[A-Za-z][A-Za-z .,]{0,28})?"
)
_MARK = re.compile(r"^" + _MARK_RE + r"$", re.I)
# ``1. (C) text``, ``¶12.(SBU)text``, ``3) (U) text``, ``4  An increase`` is NOT accepted.
_PARA = re.compile(
    r"^\s{0,6}(?:\u00b6\s*)?(\d{1,3})\s?([.)])\.?(?![\d.])\s*(?:\(\s*([^()]{1,32}?)\s*\))?\s*(.*)$"
)
# ``(C) 1. text``
_PARA_MARK_FIRST = re.compile(r"^\s{0,6}\(\s*([^()]{1,32}?)\s*\)\s*(\d{1,3})\.(?!\d)\s*(.*)$")
_LEADING_MARK = re.compile(r"^\(\s*(" + _MARK_RE + r")\s*\)\s*", re.I)
_LETTERED = re.compile(r"^\s*(?:\u00b6\s*)?\(?[A-Za-z]{1,2}[.)]\s")
_TERMINAL = frozenset(".?!\"')]:;\u201d\u2019*>")

_PREAMBLE_KEY = re.compile(
    r"^\s*(?:E\.?\s?O\.?\s*1\d{4}|EO\s*1\d{4}|TAGS\b|SUBJ(?:ECT)?\b|"
    r"REF(?:S|TEL|TELS)?(?:\s*:|\s+[A-Z]\s*[:.]|\s*$)|"
    r"CLASSIFIED\s+BY\b|DERIVED\s+FROM\b|SIPDIS\b|DECL\b)",
    re.I,
)
_HEADING_INLINE = re.compile(
    r"^\s*[-=\u2010-\u2015]{3,}\s*([^-=\s\u2010-\u2015].*?)\s*[-=\u2010-\u2015]{3,}\s*$"
)
_HEADING_TRAIL = re.compile(r"^\s*([^-=].{0,70}?)\s+[-=\u2010-\u2015]{4,}\s*$")

# Summary / comment markers (applied to a line stripped of its paragraph prefix).
_SUMMARY_START = re.compile(
    r"^(?:BEGIN\s+)?SUMMARY(?:\s*(?:AND|&|/)\s*(?:COMMENTS?|ACTION\s+REQUESTS?|INTRODUCTION|"
    r"RECOMMENDATIONS?|TABLE\s+OF\s+CONTENTS|KEY\s+POINTS|BACKGROUND|CONCLUSIONS?))?"
    r"\s*(?:[:.\-\u2013\u2014=]+\s*|$)",
    re.I,
)
_SUMMARY_END = re.compile(r"\(?\s*\bEND\s+(?:OF\s+)?SUMMARY\b", re.I)
_COMMENT_START = re.compile(
    r"(?:^|(?<=[\s(]))(?:(?:Begin|BEGIN|Embassy|EMBASSY|Post|POST|Mission|MISSION|USEU|USNATO|"
    r"USUN)\s+)?(?:Comment|COMMENT)(?:\s+and\s+(?:Action\s+Request|Recommendation)s?)?"
    r"\s*(?::|\.(?!\w)|\s-{1,2}\s|$)"
)
_COMMENT_END = re.compile(r"\(?\s*\bEND\s+(?:OF\s+)?COMMENT\b[.):]*", re.I)
_NOT_COMMENT_BEFORE = re.compile(r"(?:\bSUMMARY\s*(?:AND|&|/)\s*|\bEND\s+|\bNO\s+)$", re.I)
_INLINE_HEADING_CUT = re.compile(r"\s[-=\u2010-\u2015]{4,}\s.*$")
# Where ``_INLINE_HEADING_CUT`` matches, one character on: the rule run after its blank. A
# pattern that starts with a character class lets the engine skip to those characters; one
# that starts with ``\s`` is tried at every blank.
_RULE_RUN = re.compile(r"[-=\u2010-\u2015](?<=\s[-=\u2010-\u2015])[-=\u2010-\u2015]{3,}(?=\s)")

# Signature.
_SIG_NAME = re.compile(
    r"^([A-Z][A-Za-z'\u2019\-]*\.?(?:[ ][A-Z][A-Za-z'\u2019\-]*\.?){0,3}"
    r"(?:\s*(?:/|,|&| AND )\s*"
    r"[A-Z][A-Za-z'\u2019\-]*\.?(?:[ ][A-Z][A-Za-z'\u2019\-]*\.?){0,3}){0,3})$"
)
_SIG_TAIL = re.compile(
    r"(?:[.!?:)\"]|END OF TEXT|END TEXT)\s+([A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]{2,})?)\s*$"
)
# Press copies run the signer into the last sentence: ``... Embassy Brasilia. McMullen``.
_SIG_TAIL_MIXED = re.compile(r"[.!?)\"]\s+([A-Z][a-z]{0,3}[A-Z]?[a-z]+(?:[ -][A-Z][a-z]+)?)\s*$")
_TRAILER = re.compile(
    r"^\s*(?:NNNN|\d{4}[A-Z]{3,8}\d{4,6}\s*-.*|Declassified/Released.*|"
    r"Review \d{1,2} [A-Z]{3} \d{4}|"
    r"NOTE(?: BY [A-Z/ ]+)?:.*|(?:Please )?visit\b.*|You can also access.*|"
    r"[Ss]tate Department's Classified.*|Classified .*[Ww]ebsite\.?|End Cable Text|GP-\d|"
    r"[-=*_#.>\"\\|/]{1,}|MINIMIZE CONSIDERED\.?|BT|#\d+)\s*$",
    re.I,
)
# The trailer's last kind, a line with a URL in it, tested apart (see ``_is_trailer``).
_URL = re.compile(r"https?://", re.I)
_NOT_NAMES = frozenset(
    "END TEXT UNQUOTE QUOTE REGARDS COMMENT SUMMARY NNNN SIPDIS NOFORN CONFIDENTIAL SECRET "
    "UNCLASSIFIED UNCLAS BT DRAFT CLASSIFIED LIMITED OFFICIAL USE ONLY NOTE THE AND OF FOR TO "
    "IN ON A BE IS NOT PARA PARAS YES NO OK THANKS THANK YOU ACTION INFO BACKGROUND "
    "CONCLUSION RECOMMENDATION REFTEL".split()
)

_NAME_SEPARATORS = re.compile(r"[\s/,&]+")

_TERMINAL_END = frozenset(".?!\"')]:;\u201d\u2019*>")


def _is_trailer(s: str) -> bool:
    """A trailer line (``NNNN``, ``BT``, a site note, a URL ...): ``s`` has no newline.

    A URL may stand anywhere in the line; as an alternative of ``_TRAILER`` it would be
    ``.*https?://.*``, which runs to the end of every line and backtracks from there.
    """
    return _TRAILER.match(s) is not None or ("://" in s and _URL.search(s) is not None)


def _cut_inline_heading(text: str) -> str:
    """``_INLINE_HEADING_CUT.sub("", text)``: the text before an inline ``---- X ----``."""
    if "\n" in text:  # ``.*$`` stops at a newline: leave that case to the pattern
        return _INLINE_HEADING_CUT.sub("", text)
    # In ASCII text the rule characters are ``-`` and ``=``: a run of four holds one of
    # these pairs, which ``str`` finds much faster than the pattern (hyphens are common).
    if text.isascii() and not ("--" in text or "==" in text or "-=" in text or "=-" in text):
        return text
    m = _RULE_RUN.search(text)
    # the match of ``_INLINE_HEADING_CUT`` starts at the blank before the rule run and,
    # with no newline to stop ``.*``, runs to the end
    return text[: m.start() - 1] if m else text


def _tail_search(pattern: re.Pattern[str], s: str) -> re.Match[str] | None:
    """``pattern.search(s)`` for ``_SIG_TAIL``/``_SIG_TAIL_MIXED``, from where a match can start.

    Both match a mark of at most 11 characters, blanks, a name of one or two words (one
    space inside) and blanks to the end: the name is the last one or two words of ``s``,
    so a match starts at most 11 characters before the blanks ahead of the last but one.
    Searching every position of a long last line (press copies) costs far more.
    """
    parts = s.rsplit(None, 2)
    # with three parts the first is ``s`` up to those blanks (leading blanks kept)
    pos = max(0, len(parts[0]) - 11) if len(parts) == 3 else 0
    return pattern.search(s, pos)


# --------------------------------------------------------------------------- page breaks


def _first_subject(lines: list[str]) -> str:
    """Upper-cased, space-collapsed text of the first SUBJECT block (for repeat detection)."""
    for i, line in enumerate(lines[:60]):
        m = _SUBJECT.match(line)
        if m and ":" in line[: line.upper().find("SUBJ") + 9]:
            parts = [m.group(1)]
            for nxt in lines[i + 1 : i + 4]:
                s = nxt.strip()
                if not s or _PREAMBLE_KEY.match(s) or _PARA.match(s):
                    break
                parts.append(s)
            return " ".join(" ".join(parts).upper().split())
    return ""


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


def _first_preamble_key(lines: list[str]) -> int | None:
    """Index of the first preamble line (E.O., TAGS, SUBJECT, SECTION ...) in the top 60."""
    for i in range(min(len(lines), 60)):
        if _PREAMBLE_KEY.match(lines[i]) or _SECTION.match(lines[i]):
            return i
    return None


# Every kind of page-break line has one of these in it.
_BREAK_WORDS = (" OF ", "PAGE ")


def page_break_lines(lines: list[str]) -> set[int]:
    """Indices of lines the cable system inserted when it split a long cable.

    New-style breaks are one line (``MOSCOW 00001488  002 OF 002``); old telegrams carry a
    centred classification line and a ``PAGE NN`` header, and each new *section* repeats
    the routing and the preamble (classification, ``SECTION 02 OF 03``, SIPDIS, E.O., TAGS,
    SUBJECT), all of which belong to the break. Blank lines around a break are not
    included (``clean_body`` decides what they mean).
    """
    try:
        candidates = [i for i, line in enumerate(lines) if _has_break_word(line)]
    except Exception:  # pragma: no cover - never raise on input
        return set()
    return _page_breaks(lines, candidates)


def _has_break_word(line: str) -> bool:
    return " OF " in line or "PAGE " in line


def _page_breaks(lines: list[str], candidates: list[int]) -> set[int]:
    """``page_break_lines``, given the (sorted) indices of the lines with a break word."""
    out: set[int] = set()
    try:
        n = len(lines)
        subject = ""
        subject_done = False
        first_key: int | None = None
        first_key_done = False
        for i in candidates:
            line = lines[i]
            if len(line) > 200:
                continue
            if _PB_NEW.match(line):
                out.add(i)
                continue
            m = _PB_PAGE.match(line) if "PAGE" in line else None
            if m:
                out.add(i)
                # centred classification line(s) just above the PAGE header
                j = i - 1
                while j >= 0 and (not lines[j].strip() or _CLASS_LINE.match(lines[j])):
                    if lines[j].strip():
                        out.add(j)
                    j -= 1
                if m.group(1) == "01" and not m.group(2).strip():
                    # section start: ACTION/INFO routing up to the repeated SECTION line
                    for k in range(i + 1, min(n, i + 60)):
                        if _SECTION.match(lines[k]):
                            out.update(x for x in range(i + 1, k) if lines[x].strip())
                            break
                continue
            sm = _SECTION.match(line) if "SECTION" in line else None
            if not sm or sm.group(1) == "01":
                continue
            if not first_key_done:
                first_key = _first_preamble_key(lines)
                first_key_done = True
            if first_key is not None and i > first_key + 2:
                if not subject_done:
                    subject = _first_subject(lines)
                    subject_done = True
                out.add(i)
                out.update(_repeated_preamble(lines, i + 1, subject))
    except Exception:  # pragma: no cover - never raise on input
        return out
    return out


def _repeated_preamble(lines: list[str], start: int, subject: str) -> list[int]:
    """Indices of the preamble a new section repeats after its ``SECTION NN OF NN`` line."""
    n = len(lines)
    # The repeated block must contain E.O./TAGS/SUBJECT within a few lines to count.
    last_key = -1
    for k in range(start, min(n, start + 14)):
        if _PREAMBLE_REPEAT.match(lines[k]):
            last_key = k
    if last_key < 0:
        return []
    idx = [k for k in range(start, last_key + 1) if lines[k].strip()]
    m = _SUBJECT.match(lines[last_key])
    if m and subject:
        k = last_key + 1
        while k < n and k < last_key + 4:
            s = " ".join(lines[k].upper().split())
            if not s or s not in subject:
                break
            idx.append(k)
            k += 1
    return idx


def _is_para_start(s: str) -> bool:
    c = s.lstrip()[:1]
    if not c or not (c.isdigit() or c == "(" or c == "\u00b6"):
        return False
    return bool(_PARA.match(s) or _PARA_MARK_FIRST.match(s))


# A page break holds ``PAGE`` or ``OF`` and a number (``002 OF 002``, ``SECTION 2 OF 3``):
# a text with neither has no break line, whatever its lines hold.
_BREAK_POSSIBLE = re.compile(r"OF\s+\d")


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
        if "PAGE" in text or _BREAK_POSSIBLE.search(text):
            self.break_candidates = _lines_containing(text, _BREAK_WORDS)
        else:
            self.break_candidates = []
        items = _clean_items(self.raw_lines, text, self.break_candidates)
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
    def stripped(self) -> list[str]:
        """Every cleaned line stripped."""
        return list(map(str.strip, self.lines))

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


def _clean_items(
    raw_lines: list[str], text: str, break_candidates: list[int]
) -> list[tuple[int, str]] | _Items:
    """Lines of the cable with page breaks removed: ``(original index, text)`` pairs.

    Blank lines around a break are dropped when the break split a paragraph and reduced
    to one when it fell between paragraphs. ``raw_lines`` are the lines of ``text``, and
    ``break_candidates`` the indices of those that have a break word in them.
    """
    lines = list(map(str.rstrip, raw_lines))
    if "\\" in text:
        lines = [_unslash(x) if x.endswith("\\") else x for x in lines]
    # a cleaned line is the start of its raw line, so it can only lose a break word
    pb = _page_breaks(lines, [i for i in break_candidates if _has_break_word(lines[i])])
    spacers = _spacer_blanks(lines)
    if not pb and "PAGE" not in text:
        # most cables: nothing to remove but the spacer blanks
        if not spacers:
            return _Items(lines)
        return [(i, line) for i, line in enumerate(lines) if i not in spacers]
    return _items_around_breaks(lines, pb, spacers, _lines_containing(text, ("PAGE",)))


class _Items:
    """``_clean_items`` of a cable with nothing removed: all its lines, in order."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def __iter__(self) -> Iterator[tuple[int, str]]:
        return enumerate(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def _items_around_breaks(
    lines: list[str], pb: set[int], spacers: set[int], page_lines: list[int]
) -> list[tuple[int, str]]:
    """``_clean_items`` of a cable with page breaks (or ``PAGE`` headers) in it.

    Each *break region* (a block of blank and break lines with at least one break) is
    dropped, or kept as one blank line where it fell between paragraphs; the lines in
    between are kept as they are. ``page_lines`` are the (sorted) indices of the lines
    that may hold a ``PAGE`` header.
    """
    items: list[tuple[int, str]] = []
    n = len(lines)
    i = 0
    for start, end in _break_regions(lines, pb):
        _add_plain_items(items, lines, i, start, spacers, page_lines)
        # spacer blanks at the start of a region are skipped like any spacer
        run = start
        while run in spacers:
            run += 1
        _add_break_run(items, lines, run, end, pb)
        i = end
    _add_plain_items(items, lines, i, n, spacers, page_lines)
    return items


def _break_regions(lines: list[str], pb: set[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of each maximal block of blank and break lines holding a break."""
    regions: list[tuple[int, int]] = []
    n = len(lines)
    for p in sorted(pb):
        if regions and p < regions[-1][1]:
            continue
        start = p
        while start > 0 and (start - 1 in pb or not lines[start - 1]):
            start -= 1
        end = p + 1
        while end < n and (end in pb or not lines[end]):
            end += 1
        regions.append((start, end))
    return regions


def _add_plain_items(
    items: list[tuple[int, str]],
    lines: list[str],
    start: int,
    end: int,
    spacers: set[int],
    page_lines: list[int],
) -> None:
    """Append lines ``start``..``end`` (no break among them), without ``PAGE`` headers."""
    if bisect.bisect_left(page_lines, start) == bisect.bisect_left(page_lines, end):
        items.extend([(i, lines[i]) for i in range(start, end) if i not in spacers])
        return
    for i in range(start, end):
        if i in spacers:
            continue
        line = lines[i]
        m = _PB_PAGE.match(line) if "PAGE" in line else None
        if m and m.group(2).strip():
            # press copy: text run into the PAGE header; keep the text
            line = m.group(2).rstrip()
            _strip_trailing_class(items)
        elif m:
            continue
        items.append((i, line))


def _add_break_run(
    items: list[tuple[int, str]], lines: list[str], i: int, j: int, pb: set[int]
) -> None:
    """Drop the blank and break lines ``i``..``j``; keep one blank if a paragraph ended."""
    first_blank = -1
    nb_before = 0
    seen_pb = False
    nb_after = 0
    for k in range(i, j):
        if k in pb:
            seen_pb = True
        elif not seen_pb:
            nb_before += 1
        else:
            nb_after += 1
        if first_blank < 0 and k not in pb:
            first_blank = k
    if items and j < len(lines):
        _strip_trailing_class(items)
        prev = items[-1][1].strip()
        nxt = lines[j].strip()
        if _keeps_paragraph_break(prev, nxt, lines, j, nb_before, nb_after) and first_blank >= 0:
            items.append((first_blank, ""))


def _spacer_blanks(lines: list[str]) -> set[int]:
    """Single blank lines of a double-spaced copy (a blank after every line).

    In such copies only runs of two or more blanks separate paragraphs, so the single
    blanks between two text lines are layout, not structure.
    """
    nonblank = len(lines) - lines.count("")
    if nonblank < 12:
        return set()
    # more than a tenth of the text lines right after another: an ordinary copy
    allowed = nonblank // 10
    adjacent = 0
    for prev, cur in zip(lines, lines[1:], strict=False):
        if prev and cur:
            adjacent += 1
            if adjacent > allowed:
                return set()
    return {i for i in range(1, len(lines) - 1) if not lines[i] and lines[i - 1] and lines[i + 1]}


def _unslash(line: str) -> str:
    """Strip trailing spaces and the `` \\`` line-continuation artefact of some copies."""
    line = line.rstrip()
    if line.endswith("\\") and (len(line) == 1 or line[-2] == " "):
        line = line[:-1].rstrip()
    return line


def _strip_trailing_class(items: list[tuple[int, str]]) -> None:
    """Press copies glue the page's classification to the last line: drop it."""
    if items and "  " in items[-1][1]:
        idx, text = items[-1]
        new = _TRAILING_CLASS.sub("", text)
        if new != text:
            items[-1] = (idx, new.rstrip())


def _keeps_paragraph_break(
    prev: str, nxt: str, lines: list[str], j: int, nb_before: int, nb_after: int
) -> bool:
    if not prev or not nxt:
        return True
    if _DASHES.match(nxt):
        return False  # the break fell between a heading and its underline
    if _DASHES.match(prev) or _is_para_start(nxt) or nxt.startswith(("-", "\u00b6", "*", "o ")):
        return True
    if _LETTERED.match(nxt):
        return True
    if j + 1 < len(lines) and _DASHES.match(lines[j + 1]):
        return True  # next line is a heading
    if nxt[0].islower() or prev[-1] not in _TERMINAL:
        return False
    return nb_before >= 2 or nb_after >= 3


def clean_body(lines: list[str]) -> str:
    """Cable text without page-break lines, split paragraphs rejoined, trailing spaces cut."""
    try:
        return _prepared_lines(lines).clean_text
    except Exception:  # pragma: no cover
        return "\n".join(str(x).rstrip() for x in lines) if isinstance(lines, list) else ""


# --------------------------------------------------------------------------- paragraphs


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


def _body_start(
    lines: list[str],
    para_matches: list[tuple[int, str, str | None, str] | None],
) -> int:
    """Position in ``lines`` (the cleaned lines) where the body starts (after the preamble)."""
    items = lines
    limit = min(len(items), 120)
    first_para = -1
    for k in range(limit):
        s = items[k]
        pm = para_matches[k]
        if pm and (pm[0] <= 3 or pm[2] is not None) and not _PREAMBLE_KEY.match(s):
            first_para = k
            break
    # the end of the last preamble block before the first paragraph
    stop = first_para if first_para >= 0 else min(limit, 80)
    last_key = -1
    for k in range(stop - 1, -1, -1):  # the last one: search from the end
        if _is_preamble_line(items[k]):
            last_key = k
            break
    if last_key < 0:
        if first_para >= 0:
            # nothing recognisable above: body starts at the first non-blank line
            k = 0
            while k < first_para and not items[k].strip():
                k += 1
            return k if first_para - k < 40 else first_para
        return 0
    k = last_key + 1
    # continuation lines of the block (wrapped SUBJECT, Classified By, REF items, which
    # may be spaced out by blank lines: ``REF: A. STATE 1`` / `` `` / ``¶B. SAN JOSE 2``)
    while True:
        while k < stop and items[k].strip():
            k += 1
        while k < stop and not items[k].strip():
            k += 1
        if k < stop and _LETTERED.match(items[k]) and len(items[k].strip()) < 60:
            continue
        break
    return k if first_para < 0 or k <= first_para else first_para


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


class _Acc:
    """Accumulates paragraphs while scanning."""

    def __init__(self, offset: int) -> None:
        # (number, marking, heading, raw text, start) of each paragraph flushed
        self.pending: list[tuple[str | None, str | None, str | None, str, int]] = []
        self.offset = offset
        self.parts: list[str] = []
        self.number: str | None = None
        self.mark: str | None = None
        self.heading: str | None = None
        self.start = 0
        self.open = False

    def begin(self, idx: int, number: str | None, mark: str | None, heading: str | None) -> None:
        self.flush()
        self.open = True
        self.number, self.mark, self.heading, self.start = number, mark, heading, idx
        self.parts = []

    def add(self, text: str) -> None:
        t = text.strip()
        if t:
            self.parts.append(t)

    def flush(self) -> None:
        if self.open and (self.parts or self.number is not None):
            self.pending.append(
                (self.number, self.mark, self.heading, " ".join(self.parts), self.start)
            )
        self.open = False
        self.parts = []

    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs flushed so far, their texts in reading form (normalised at once)."""
        texts = [normalise_text(p[3]) for p in self.pending]
        offset = self.offset - 1
        return [
            Paragraph(
                number=number, marking=mark, heading=heading, text=text, start_line=start + offset
            )
            for (number, mark, heading, _, start), text in zip(self.pending, texts, strict=True)
        ]


def _signature_cut(lines: list[str]) -> int:
    """Position in ``lines`` (the cleaned lines) where the signature / trailer starts."""
    k = len(lines) - 1
    steps = 0
    while k >= 0 and steps < 25:
        s = lines[k].strip()
        if not s or _is_class_line(s) or _is_trailer(s) or ("OF" in s and _PB_NEW.match(s)):
            k -= 1
            steps += 1
            continue
        if _sig_from_line(s) is not None and not _tail_search(_SIG_TAIL, s):
            return k
        return k + 1
    return k + 1


def parse_paragraphs(lines: list[str], first_line: int = 1) -> list[Paragraph]:
    """Numbered paragraphs of the body (preamble skipped), with headings and clean text."""
    try:
        return _parse_paragraphs(_prepared_lines(lines), int(first_line))
    except Exception:  # pragma: no cover
        return []


def _parse_paragraphs(prep: _Prepared, first_line: int) -> list[Paragraph]:
    lines = prep.lines
    if not lines:
        return []
    start = prep.body_start
    end = prep.signature_cut
    stop = end if end > start else len(lines)
    body = lines[start:stop]
    index = prep.index[start:stop]  # index of the raw line of each line of ``body``
    matches = prep.para_matches[start : start + len(body)]
    acc = _Acc(first_line)
    numbered = _has_numbering(matches)
    heading: str | None = None
    last_num: int | None = None
    style: str | None = None
    prev_blank = True
    prev_text = ""
    n = len(body)
    # each line stripped once, and the lines that may be rules or ruled headings found
    # with ``str.find`` over the whole text rather than five tests on every line
    stripped = prep.stripped[start : start + n]
    ruled = {i - start for i in _lines_containing(prep.clean_text, _RULE_NEEDLES)}
    k = 0
    while k < n:
        idx = index[k]
        s = stripped[k]
        if not s:
            prev_blank = True
            if not numbered or last_num is None:
                acc.flush()
            k += 1
            continue
        # headings (cheap guards first: most lines are plain wrapped text)
        if k in ruled:
            hm = _HEADING_INLINE.match(s)
            if hm and len(hm.group(1)) <= 80:
                heading = _heading_text(hm.group(1))
                if not numbered or last_num is None:
                    acc.flush()
                k += 1
                prev_blank = True
                continue
            if _DASHES.match(s):
                k += 1
                continue
            tm = _HEADING_TRAIL.match(s)
            if tm:
                heading = _heading_text(tm.group(1))
                k += 1
                prev_blank = True
                continue
        if (
            len(s) <= 80
            and s[-1] not in ".,;"
            and (prev_blank or prev_text[-1:] in _TERMINAL)
            # a numbered line is no heading: ``_looks_heading`` would find the number again
            and not (matches[k] is not None and s[0].isdigit())
            and _looks_heading(s)
        ):
            nxt_s = stripped[k + 1] if k + 1 < n else ""
            nxt2 = body[k + 2] if k + 2 < n else ""
            two = (
                nxt_s
                and len(s) + len(nxt_s) <= 90
                and _looks_heading(nxt_s)
                and _DASHES.match(nxt2)
            )
            if (
                two
                or _DASHES.match(nxt_s)
                or ((not nxt_s or _para_match(nxt_s)) and (numbered or s.isupper() or len(s) < 50))
            ):
                heading = _heading_text(s + " " + nxt_s if two else s)
                if not numbered or last_num is None:
                    acc.flush()
                k += 2 if two else 1
                prev_blank = True
                continue
        pm = matches[k] if numbered else None
        if pm is not None:
            num, st, mark, rest = pm
            ok = False
            if last_num is None:
                ok = num <= 3 or mark is not None
            elif style is not None and st != style:
                ok = False
            elif num == last_num + 1:
                ok = True
            elif last_num < num <= last_num + 6 and (
                mark is not None or prev_blank or prev_text[-1:] in _TERMINAL
            ):
                ok = True
            if ok:
                style = style or st
                last_num = num
                acc.begin(idx + 1, str(num), mark, heading)
                acc.add(rest)
                k = _absorb(acc.parts, stripped, ruled, matches, k)
                prev_blank = False
                prev_text = stripped[k]
                k += 1
                continue
        # plain text line
        if not acc.open or (
            (not numbered or last_num is None) and (prev_blank or len(prev_text) > 150)
        ):
            acc.begin(idx + 1, None, None, heading)
            lm = _LEADING_MARK.match(s)
            if lm:
                acc.mark = _norm_mark(lm.group(1))
                s = s[lm.end() :]
            acc.add(s)
        else:
            acc.parts.append(s)  # the common case: ``s`` is stripped and not empty
            if numbered and last_num is not None:
                k = _absorb(acc.parts, stripped, ruled, matches, k)
                s = stripped[k]
        prev_blank = False
        prev_text = s
        k += 1
    acc.flush()
    out = acc.paragraphs()
    if out and out[-1].text:
        sig = prep.signature
        if sig and out[-1].text.endswith(" " + sig):
            out[-1].text = out[-1].text[: -len(sig) - 1].rstrip()
    return out


# Every line ``_parse_paragraphs`` may take for a rule or a ruled heading has one of these.
_RULE_NEEDLES = ("---", "===", "\u2010\u2010", "___", "***")


def _absorb(
    parts: list[str],
    stripped: list[str],
    ruled: set[int],
    matches: list[tuple[int, str, str | None, str] | None],
    k: int,
) -> int:
    """Append to ``parts`` the lines after line ``k`` that can only continue its paragraph.

    Within a numbered cable, the lines of a paragraph after its first are taken in one go:
    not blank, no rule, no paragraph number, and no chance of a heading (which needs a
    short line after a finished one). Returns the index of the last line taken (or ``k``).
    ``stripped[k]`` must not be empty.
    """
    n = len(stripped)
    prev = stripped[k]
    j = k + 1
    while j < n:
        t = stripped[j]
        if (
            not t
            or j in ruled
            or matches[j] is not None
            or (len(t) <= 80 and t[-1] not in ".,;" and prev[-1] in _TERMINAL)
        ):
            break
        parts.append(t)
        prev = t
        j += 1
    return j - 1


def _has_numbering(para_matches: list[tuple[int, str, str | None, str] | None]) -> bool:
    """A cable counts as numbered when it has a ``1.``/``2.`` paragraph start."""
    seen = 0
    for pm in para_matches:
        if pm and (pm[0] <= 3 or pm[2] is not None):
            seen += 1
            if seen >= 2 or pm[2] is not None:
                return True
    return seen >= 1


# --------------------------------------------------------------------------- summary / comment
def _summary_end(s: str, pos: int = 0) -> re.Match[str] | None:
    """``_SUMMARY_END.search(s, pos)``, fast (see ``_end_marker_search``)."""
    return _end_marker_search(_SUMMARY_END, "SUMMARY", s, pos)


def _comment_end(s: str, pos: int = 0) -> re.Match[str] | None:
    """``_COMMENT_END.search(s, pos)``, fast (see ``_end_marker_search``)."""
    return _end_marker_search(_COMMENT_END, "COMMENT", s, pos)


def _end_marker_search(
    pattern: re.Pattern[str], word: str, s: str, pos: int
) -> re.Match[str] | None:
    """``pattern.search(s, pos)`` for an ``(END [OF] word`` marker pattern, only tried at ``END``.

    The marker patterns start with an optional ``(`` and blanks, so the regex engine has
    no literal to skip ahead to and tries every position: slow on the long lines of
    reflowed copies. Most text has no ``END`` at all; where it has, a match can only start
    at an ``END`` less the blanks and the ``(`` right before it, so only those starts are
    tried, in order (the first that matches is the one ``search`` would find).
    """
    tail = s[pos:].upper()
    if "END" not in tail or word not in tail:
        return None
    upper = s.upper()
    if len(upper) != len(s):
        # ``upper`` made one character several (``ß``): positions would not map back (where
        # the length is the same, each character became one)
        return pattern.search(s, pos)
    end = upper.find("END", pos)
    while end >= 0:
        start = end
        while start > pos and s[start - 1].isspace():
            start -= 1
        if start > pos and s[start - 1] == "(":
            start -= 1
        m = pattern.match(s, start)
        if m:
            return m
        end = upper.find("END", end + 1)
    return None


def _summary_start(s: str) -> re.Match[str] | None:
    """``_SUMMARY_START.match(s)``; the pattern needs ``SUMMARY`` in some case."""
    if "SUMMARY" not in s.upper():
        return None
    return _SUMMARY_START.match(s)


_COMMENT_PREFIXES = (
    "Begin", "BEGIN", "Embassy", "EMBASSY", "Post", "POST", "Mission", "MISSION",
    "USEU", "USNATO", "USUN",
)  # fmt: skip


def _comment_start(s: str, pos: int = 0) -> re.Match[str] | None:
    """``_COMMENT_START.search(s, pos)``, tried only where a match can begin.

    The pattern opens with a look-behind, so ``search`` would try every position of
    the (often long) line. A match begins at its ``Comment``/``COMMENT`` or at the
    prefix word (``Embassy``) right before it and its blanks: only these starts are
    tried, in order; the first that matches is the one ``search`` finds.
    """
    if "omment" not in s and "OMMENT" not in s:
        return None
    starts: set[int] = set()
    for needle in ("Comment", "COMMENT"):
        c = s.find(needle, pos)
        while c >= 0:
            starts.add(c)
            w = c
            while w > pos and s[w - 1].isspace():
                w -= 1
            if w < c:
                for word in _COMMENT_PREFIXES:
                    begin = w - len(word)
                    if begin >= pos and s.startswith(word, begin):
                        starts.add(begin)
            c = s.find(needle, c + 1)
    for start in sorted(starts):
        m = _COMMENT_START.match(s, start)
        if m:
            return m
    return None


def _strip_prefix(s: str) -> str:
    """Drop a paragraph number and portion marking from the start of a line."""
    t = s.strip()
    pm = _para_match(t)
    if pm:
        t = pm[3].strip()
    lm = _LEADING_MARK.match(t) if t.startswith("(") else None
    if lm:
        t = t[lm.end() :]
    return t


def _finish(parts: list[str]) -> str | None:
    text = " ".join(p.strip() for p in parts if p.strip())
    text = _LEADING_MARK.sub("", text.strip())
    text = text.strip(" -\u2013\u2014(")
    text = normalise_text(text)
    return text or None


def parse_summary(text: str) -> str | None:
    """The summary (``Summary: ... End summary.``) without markers and portion marking."""
    try:
        return _parse_summary(text)
    except Exception:  # pragma: no cover
        return None


def _parse_summary(text: str) -> str | None:
    if not isinstance(text, str) or "ummary" not in text and "UMMARY" not in text:
        return None
    return _summary_of(_prepared(text))


def _summary_of(prep: _Prepared) -> str | None:
    text = prep.text
    if "ummary" not in text and "UMMARY" not in text:
        return None
    lines = prep.lines
    start = prep.body_start
    n = len(lines)
    for k in range(start, n):
        raw = lines[k].strip()
        if not raw or len(raw) > 5000 and "UMMARY" not in raw.upper()[:200]:
            continue
        if "SUMMARY" not in raw.upper():
            continue  # no start marker on this line (the cheap test first)
        s = _strip_prefix(raw)
        hm = _HEADING_INLINE.match(s)
        heading_form = False
        if hm:
            s = hm.group(1)
        m = _SUMMARY_START.match(s)
        if not m or (k > 0 and lines[k - 1].rstrip().upper().endswith("END")):
            continue
        rest = s[m.end() :]
        if (
            hm
            or not rest.strip()
            or _DASHES.match(rest)
            or rest.strip()[:3] in ("---", "===", "\u2010\u2010\u2010")
        ):
            heading_form = True
            rest = ""
        rest = _LEADING_MARK.sub("", rest.strip())
        return _collect_summary(lines, k, rest, heading_form)
    # no start marker: an ``END SUMMARY`` near the top closes a summary opening the body
    for k in range(start, min(n, start + 80)):
        if _summary_end(lines[k]) or (
            lines[k].rstrip().upper().endswith("END")
            and k + 1 < n
            and lines[k + 1].strip().upper().startswith("SUMMARY")
        ):
            while start < k and not lines[start].strip():
                start += 1
            for t in range(start, k + 1):
                if _is_para_start(lines[t]):
                    start = t
                    break
            if not _is_para_start(lines[start]) and k - start > 12:
                return None
            return _collect_summary(
                lines, start - 1, _strip_prefix(lines[start]), False, first=start
            )
    return None


def _collect_summary(
    lines: list[str], k: int, rest: str, heading_form: bool, first: int | None = None
) -> str | None:
    parts: list[str] = [rest] if rest else []
    n = len(lines)
    j = (first + 1) if first is not None else k + 1
    limit = min(n, j + 150)
    joined = " ".join(parts)
    em = _summary_end(joined)
    if em:
        return _finish([joined[: em.start()]])
    started = bool(rest)
    while j < limit:
        raw = lines[j].strip()
        j += 1
        if not raw:
            if not heading_form and started and not _end_ahead(lines, j, limit):
                break
            continue
        # ``raw`` is stripped: a rule must start with a rule character, and a line starting
        # with a letter has no paragraph number or marking to strip
        if raw[0] in _DASH_FIRST and _DASHES.match(raw):
            continue
        letter = raw[0].isalpha()
        if heading_form and started and _looks_heading(raw) and j < n and _DASHES.match(lines[j]):
            break
        if (
            not heading_form
            and started
            and not letter
            and _is_para_start(raw)
            and not _end_ahead(lines, j - 1, limit)
        ):
            break
        s = raw if letter else _strip_prefix(raw)
        if not started:
            m = _SUMMARY_START.match(s)
            if m:
                s = s[m.end() :]
            s = _LEADING_MARK.sub("", s.strip())
        started = True
        if parts:
            joined += " " + s  # in place: ``joined`` has no other reference
        else:
            joined = s
        parts.append(s)
        # only the new line (and the tail of the previous one, for ``END`` / ``SUMMARY``)
        # can hold the marker: searching the tail keeps this linear. A marker found there
        # ends with a ``SUMMARY`` inside ``s`` (one wholly before would have been found
        # with the line before), so a line without it needs no search.
        if "SUMMARY" not in s.upper():
            continue
        tail_from = max(0, len(joined) - len(s) - 12)
        em = _summary_end(joined, tail_from)
        if em:
            return _finish([joined[: em.start()]])
    if not parts:
        return None
    joined = _cut_inline_heading(" ".join(parts))
    return _finish([joined])


def _end_ahead(lines: list[str], j: int, limit: int) -> bool:
    """Whether an END SUMMARY marker follows within the next paragraphs (before a heading)."""
    for t in range(j, min(limit, j + 60)):
        s = lines[t]
        if _summary_end(s):
            return True
        if s.rstrip().upper().endswith("END") and t + 1 < len(lines):
            if lines[t + 1].strip().upper().startswith("SUMMARY"):
                return True
        if t + 1 < len(lines) and _DASHES.match(lines[t + 1]) and _looks_heading(s):
            return False
    return False


def parse_comment(text: str) -> str | None:
    """The comment section(s): inline ``Comment: ... End comment.`` or a Comment heading."""
    try:
        return _parse_comment(text)
    except Exception:  # pragma: no cover
        return None


def _parse_comment(text: str) -> str | None:
    if not isinstance(text, str):
        return None
    return _comment_of(_prepared(text))


def _comment_of(prep: _Prepared) -> str | None:
    # only the lines that mention a comment can start one: jump from one to the next
    mentions = _lines_containing(prep.clean_text, ("omment", "OMMENT"))
    if not mentions:
        return None
    lines = prep.lines[: prep.signature_cut]
    start = prep.body_start
    n = len(lines)
    mentions = [i for i in mentions if i < n]
    found: list[str] = []
    k = start
    while k < n:
        next_mention = bisect.bisect_left(mentions, k)
        if next_mention == len(mentions):
            break
        k = mentions[next_mention]
        s = lines[k].strip()
        # heading form: ``Comment`` / ``------- COMMENT -------`` / ``COMMENT:`` + underline
        hs = _HEADING_INLINE.match(s)
        htxt = _heading_text(hs.group(1) if hs else s)
        nxt = lines[k + 1].strip() if k + 1 < n else ""
        titled = htxt.upper().startswith("COMMENT") and len(htxt) <= 80 and _DASHES.match(nxt)
        if (
            titled
            or htxt.upper() in ("COMMENT", "EMBASSY COMMENT", "POST COMMENT", "COMMENTS")
            and (hs or _DASHES.match(nxt) or not nxt or _is_para_start(nxt))
        ):
            parts, k = _collect_section(lines, k + 1)
            body = " ".join(parts)
            em = _comment_end(body)
            if em:
                body = body[: em.start()]
            t = _finish([_cut_inline_heading(body)])
            if t:
                found.append(t)
            continue
        pos = 0
        s_line = _strip_prefix(s) if _is_para_start(s) else s
        m = _comment_start(s_line, pos)
        while m is not None and _not_comment_before(s_line[: m.start()]):
            m = _comment_start(s_line, m.end())
        if m is None:
            k += 1
            continue
        if m.start() > 0 and s_line[: m.start()].rstrip()[-1:] not in ".!?)(\"'":
            k += 1
            continue
        in_paren = s_line[: m.start()].rstrip().endswith("(")
        parts = [s_line[m.end() :]]
        j = k + 1
        joined = parts[0]
        em = _comment_end(joined)
        while em is None and j < n and j < k + 80:
            t = lines[j].strip()
            if not t:
                if not _comment_end_ahead(lines, j):
                    break
                j += 1
                continue
            if _DASHES.match(t):
                j += 1
                continue
            parts.append(_strip_prefix(t) if _is_para_start(t) else t)
            joined = " ".join(parts)
            em = _comment_end(joined, max(0, len(joined) - len(parts[-1]) - 12))
            j += 1
            if in_paren and em is None and ")" in t and joined.count("(") < joined.count(")"):
                break
        if em is not None:
            joined = joined[: em.start()]
        elif in_paren:
            depth = 0
            for ci, ch in enumerate(joined):
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    if depth == 0:
                        joined = joined[:ci]
                        break
                    depth -= 1
        t = _finish([_cut_inline_heading(joined)])
        if t:
            found.append(t)
        k = j if j > k else k + 1
    return "\n\n".join(found) if found else None


def _not_comment_before(head: str) -> bool:
    """``_NOT_COMMENT_BEFORE.search(head)``, from where a match can start.

    A match ends the text (``$`` after blanks) and holds at most two words (``SUMMARY
    AND``): it starts in the last but one word or later. Tried at every position of a
    long line, the pattern costs far more.
    """
    parts = head.rsplit(None, 2)
    # with three parts the first is ``head`` up to the blanks before the last but one word
    pos = len(parts[0]) if len(parts) == 3 else 0
    return _NOT_COMMENT_BEFORE.search(head, pos) is not None


def _comment_end_ahead(lines: list[str], j: int) -> bool:
    for t in range(j, min(len(lines), j + 40)):
        s = lines[t]
        if _comment_end(s):
            return True
        if _comment_start(s) or _summary_start(_strip_prefix(s)):
            return False
    return False


def _collect_section(lines: list[str], k: int) -> tuple[list[str], int]:
    """Text under a heading, up to the next heading; returns parts and the next index."""
    parts: list[str] = []
    n = len(lines)
    while k < n:
        s = lines[k].strip()
        if not s:
            k += 1
            continue
        # ``s`` is stripped: a rule starts with a rule character, a line starting with a
        # letter has nothing to strip
        if s[0] in _DASH_FIRST:
            if _DASHES.match(s):
                k += 1
                continue
            if _HEADING_INLINE.match(s):
                break
        if k + 1 < n and _DASHES.match(lines[k + 1]) and _looks_heading(s):
            break
        parts.append(s if s[0].isalpha() else _strip_prefix(s))
        k += 1
    return parts, k


# --------------------------------------------------------------------------- signature


def _sig_from_line(s: str) -> str | None:
    t = s.strip().rstrip("#.\\ ").strip()
    if not t or len(t) > 50:
        return None
    m = _SIG_NAME.match(t)
    if not m:
        return None
    words = _NAME_SEPARATORS.split(t)
    if any(w.upper().strip(".") in _NOT_NAMES for w in words if w):
        return None
    if not t.isupper():
        # mixed case: only short capitalised names (``Beyrle``, ``Riley``, ``De Pree``)
        if len(words) > 3 or any(not w[:1].isupper() for w in words if w):
            return None
        if any(sum(c.isupper() for c in w) > 2 for w in words if w):
            return None
    return t


def parse_signature(lines: list[str]) -> str | None:
    """The signer line at the end of the cable (``BEYRLE``, ``KEEGAN/WALLACE``), as written."""
    try:
        return _prepared_lines(lines).signature
    except Exception:  # pragma: no cover
        return None


def _parse_signature(lines: list[str], pb: frozenset[int]) -> str | None:
    """The signature, given the page-break lines ``pb`` of ``lines``."""
    k = len(lines) - 1
    steps = 0
    while k >= 0 and steps < 40:
        s = lines[k].strip()
        steps += 1
        if (
            not s
            or k in pb
            or _is_class_line(s)
            or _is_trailer(s)
            or ("PAGE" in s and _PB_PAGE.match(s))
        ):
            k -= 1
            continue
        if s.upper() in ("UNQUOTE", "REGARDS", "END TEXT.", "END TEXT", "END QUOTE", "END QUOTE."):
            k -= 1
            continue
        name = _sig_from_line(s)
        if name is not None:
            # a mixed-case one-word line must follow a finished sentence or a blank line
            if not name.isupper():
                prev = lines[k - 1].strip() if k > 0 else ""
                if prev and prev[-1:] not in _TERMINAL_END and not _is_trailer(prev):
                    return None
            return name
        m = _tail_search(_SIG_TAIL, s) or _tail_search(_SIG_TAIL_MIXED, s)
        if m and m.group(1).upper() not in _NOT_NAMES:
            return m.group(1)
        return None
    return None


def parse_signers(lines: list[str]) -> list[str]:
    """Signer names from the signature, split on ``/``, ``,``, ``&`` and ``AND``."""
    sig = parse_signature(lines)
    if not sig:
        return []
    names = re.split(r"\s*(?:/|,|&|\bAND\b)\s*", sig)
    return [x.strip().rstrip(".") for x in names if x.strip().rstrip(".")]


# --------------------------------------------------------------------------- warnings

_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z'\-]*)\W*$")


def truncation_warnings(paragraphs: list[Paragraph]) -> list[str]:
    """``paragraph N ends mid-sentence`` when a numbered paragraph stops on a lower-case word.

    Lost lines show as a paragraph ending without terminal punctuation right before the
    next number. ALL-CAPS endings, numbers, tables and bullets end bare legitimately, so
    only a lower-case final word counts.
    """
    out: list[str] = []
    try:
        for p, q in zip(paragraphs, paragraphs[1:], strict=False):
            if p.number is None or q.number is None or not p.text:
                continue
            if not (p.number.isdigit() and q.number.isdigit()):
                continue
            t = p.text.rstrip()
            if t[-1:] in _TERMINAL_END:
                # the usual case, tested before the numbers only where ``int`` cannot fail
                # (and so end the loop early) on them: ASCII digits
                if p.number.isascii() and q.number.isascii():
                    continue
            if int(q.number) != int(p.number) + 1:
                continue
            if t[-1:] in _TERMINAL_END:
                continue
            m = _LAST_WORD.search(t[-40:])
            if not m or not m.group(1).islower() or m.end() != len(t[-40:]):
                continue
            tail = t[-200:]
            if " -- " in tail or tail.count(":") and tail.rfind(":") > len(tail) - 120:
                continue  # list item or label: value
            out.append(f"paragraph {p.number} ends mid-sentence")
    except Exception:  # pragma: no cover
        return out
    return out
