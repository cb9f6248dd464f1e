"""The annotated zone of a cable and its tokens.

Entities are looked for from the SUBJECT line to the end, without the lines that only
route or mark the text (REF block, page breaks, SECTION and classification lines). The
zone is ``cable.text`` with those lines blanked to spaces, so offsets stay offsets into
``cable.text`` and a regex can run over the zone in one C-level pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, cast

_SUBJECT = re.compile(r"\s*(?:SUBJECT|SUBJ|Subject)\s*:")
_PRE_SUBJECT = re.compile(r"\s*(?:TAGS|E\.\s?O\.|EO)\s*[:\s]", re.I)
_REF = re.compile(r"\s*(?:REF|REFS|REFTEL|REFTELS|REFERENCES?)\s*:", re.I)
_REF_END = re.compile(
    r"\s*(?:Classified\s+By|CLASSIFIED\s+BY|\d{1,2}\s*\.|\(?[A-Z]{1,3}\)\s|SUMMARY)"
)
# a REF block's lettered item, which _REF_END's "(C) " would end: "(B) BRASILIA 460",
# "(C) 08 STATE 12345" (a post or an office in capitals, then a serial number)
_REF_ITEM = re.compile(r"\s*\(?[A-Z]\)\s+(?:\d{2}\s+)?[A-Z][A-Z .'/-]*\s\d{1,6}\b")
# a REF block's next lettered item in capitals, after blank lines: "¶B. WITMER-HOLLIDAY
# EMAILS 9-22 THRU 10-7" (no post and serial number, so not _PILCROW_REF's)
_REF_ITEM_NEXT = re.compile(r"[ \t\n]*\u00b6[A-Z]\.[ \t]+[^a-z\n]+\n")
_URL = re.compile(r"(?:https?://|www\.)\S+")
# a reference's lettered item as some copies mark it, "¶B. SAN JOSE 21", also where the
# REF block ended at a blank line before it or its "REF:" was lost
_REF_CITE = r"(?:\d{2}[ \t]+)?[A-Z][A-Z .'/-]*[ \t]\d{1,6}\b"
_PILCROW_REF = re.compile(
    rf"^[ \t]*¶[A-Z]\.[ \t]+{_REF_CITE}(?:[ \t,;]+{_REF_CITE})*"
    r"(?:[ \t]+\(?[A-Z]{2,}\)?){0,4}(?=[ \t]*$)",  # "(NOTAL)", "PARIS POINTS" to the end
    re.M,
)
_PAGE_BREAK = re.compile(r"\s*[A-Z][A-Z .']{1,30}\s\d{3,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$")
_PAGE_LINE = re.compile(r"\s*PAGE\s+\d{2,3}\s")
_SECTION = re.compile(r"\s*(?:[A-Z/ ]+\s)?SECTION\s+\d+\s+OF\s+\d+", re.I)
_MARKING = re.compile(
    r"\s*(?:C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|S\s?E\s?C\s?R\s?E\s?T|"
    r"U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D|SIPDIS|NOFORN|LIMITED OFFICIAL USE)\b[^a-z]*$"
)
# the Classified By line run on to a REF block's line (170 cables of the dev corpus)
_CLASSIFIED_BY = re.compile(r"Classified\s+By|CLASSIFIED\s+BY|Classified\s+by")
# a press-format record's first paragraph run on to its REF line, after a portion marking
# ("REF: SECSTATE 72078  (U) Embassy London has received ..."; not a reference's letter
# before a citation, "(C) MOSCOW 789", "(C) Paris 456")
_RUN_ON = re.compile(r"\s\((?:U|C|S|SBU|U/FOUO|C/NF|S/NF|SBU/NF)\)\s+[A-Z][a-z]+\s+(?![\d(])")
_HEADER_END = re.compile(r"\s*(?:TO|INFO|FM|BT|DE|R|P|O|ZNY|VZCZC)\b")


def _lines_re(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """The line patterns above, as one multi-line pattern over the whole text.

    ``match(line)`` on a line equals a match at a line start here once no part can cross
    the line's end: whitespace becomes "whitespace but newline", ``[^a-z]`` excludes it.
    """
    alts = []
    for p in patterns:
        src = p.pattern.replace(r"\s", r"[^\S\n]").replace("[^a-z]", "[^a-z\\n]")
        alts.append(f"(?i:{src})" if p.flags & re.I else src)
    return re.compile("^(?:" + "|".join(alts) + ")", re.M)


def _after_newline(p: re.Pattern[str]) -> re.Pattern[str]:
    """``p`` (from _lines_re) behind a literal newline: C scans for the newline fast."""
    return re.compile("\\n" + p.pattern[1:], p.flags)


def _line_starts(p: re.Pattern[str], pnl: re.Pattern[str], text: str, pos: int) -> list[int]:
    """Starts of the lines from ``pos`` (a line start) that ``p`` matches."""
    out = [pos] if p.match(text, pos) else []
    out.extend(m.start() + 1 for m in pnl.finditer(text, pos))
    return out


_SUBJECT_M = _lines_re(_SUBJECT)
_SUBJECT_NL = _after_newline(_SUBJECT_M)
_ROUTING = re.compile(r"^(?:FM |DE RUE)", re.M)  # a telegram's routing lines
_PRE_SUBJECT_M = re.compile(
    r"^(?i:[^\S\n]*(?:TAGS|E\.[^\S\n]?O\.|EO)[^\S\n]*(?::|[^\S\n]))", re.M
)  # the last [:\s] of _PRE_SUBJECT, which a line never ends with a newline for
_PRE_SUBJECT_RUN_ON = re.compile(r"\b(?:TAGS:|E\.O\. ?1[23]\d{3}:)")
_REF_M = _lines_re(_REF)
_BLANK_M = _lines_re(_PAGE_BREAK, _PAGE_LINE, _MARKING)
_SECTION_M = _lines_re(_SECTION)
_REF_NL = _after_newline(_REF_M)
_BLANK_NL = _after_newline(_BLANK_M)
_SECTION_NL = _after_newline(_SECTION_M)
# bytes.translate tables: delete all but letters / all but lower-case letters
_NOT_LETTER = bytes(c for c in range(256) if not chr(c).isascii() or not chr(c).isalpha())
_NOT_LOWER = bytes(c for c in range(256) if not ("a" <= chr(c) <= "z"))

# A token: a dotted abbreviation (U.S., H.E.) or a word, with in-word apostrophes and
# slashes (U/S, A/S, Pol/Econoff). Hyphens split tokens; runs re-join them.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9](?:[A-Za-z0-9]|['/](?=[A-Za-z]))*")
# The same tokens with a final possessive 's left out (Lavrov's -> Lavrov), as one
# capturing group for ``re.split``: the split yields gaps and tokens in C, and the offsets
# follow from their lengths. The look-behind keeps the s of 's from starting a token; the
# pattern opens with one character class so the C scanner skips non-token text fast. A
# second letter or digit comes first among the branches: most tokens take it, and a dotted
# abbreviation (U.S.) cannot have one. The quantifiers are possessive (``++``, ``*+``): no
# branch is ever backtracked into (what follows each always matches), so the matches are
# the same, and the engine keeps no backtracking state for them (split ~15 % faster).
_JOIN = r"(?:/(?=[A-Za-z])|'(?=[A-Za-z])(?![sS](?![A-Za-z0-9]|['/][A-Za-z])))"
_TOKEN_REST = (
    r"(?:[A-Za-z0-9]++(?:" + _JOIN + r"[A-Za-z0-9]*+)*+"
    r"|(?<=[A-Za-z])\.(?:[A-Za-z]\.)++"
    r"|(?:" + _JOIN + r"[A-Za-z0-9]*+)*+))"
)
_TOKEN_SPLIT = re.compile(r"([A-Za-z0-9](?<![A-Za-z0-9]'[A-Za-z])" + _TOKEN_REST)


def has_case_odd(text: str) -> bool:
    """Whether ``text`` holds a non-ASCII letter that IGNORECASE matches to an ASCII one.

    Why four ``in`` tests: each is a C character search (none at all in a Latin-1 text),
    where a regex character class visits every character in the engine (~50x slower).
    """
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


def _section_lines(text: str, pos: int) -> list[int]:
    """``_line_starts`` of ``_SECTION_M``, tested only on the lines that hold "section".

    Why: its optional ``[A-Z/ ]+`` prefix makes the pattern slow on every line start;
    a find in the lower-cased text is fast. The text as ASCII bytes, other characters as
    "?" (one byte each: offsets stay), lower-cased: IGNORECASE matches "section" there
    unless a character it folds to an ASCII letter (``has_case_odd``) is in the text.
    """
    if not text.isascii() and has_case_odd(text):
        return _line_starts(_SECTION_M, _SECTION_NL, text, pos)
    low = text.encode("ascii", "replace").lower()
    out: list[int] = []
    k = low.find(b"section", pos)
    while k >= 0:
        a = text.rfind("\n", 0, k) + 1
        if _SECTION_M.match(text, a):
            out.append(a)
        nl = text.find("\n", k)  # each line once: on to the next line that holds one
        if nl < 0:
            break
        k = low.find(b"section", nl)
    return out


# 65,536 ints (2 MB), made once: offsets and indices shared as objects (no int boxed anew)
OFFSETS: Final[list[object]] = list(range(1 << 16))


@dataclass(slots=True)
class Tokens:
    """The zone's tokens as parallel lists (possessive 's already cut off)."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    gaps: list[str]  # text between token i and token i + 1 ("" after the last)

    def triples(self) -> list[tuple[int, int, str]]:
        return list(zip(self.starts, self.ends, self.words, strict=True))


def tokenize(text: str) -> Tokens:
    """Tokens of ``text`` (the zone: blanked lines hold no token; its curly apostrophes
    already read as straight ones, so "’" is no apostrophe here)."""
    parts: list[str] = _TOKEN_SPLIT.split(text)
    # split gives gap, token, gap, ..., gap: the offsets follow from their lengths. Why
    # slices and filled lists: copied in C, no list grows an append at a time.
    words: list[str] = parts[1::2]
    gaps: list[str] = parts[2::2]
    m = len(words)
    # the offsets as the int objects of OFFSETS (no int object made and freed per
    # offset: compiled, a typed int is boxed anew each time it goes into a list)
    starts: list[object] = [0] * m
    ends: list[object] = [0] * m
    offsets = OFFSETS
    top = len(offsets)
    pos = len(parts[0])
    k = 1
    for i in range(m):
        if pos < top:
            starts[i] = offsets[pos]
        else:
            starts[i] = pos
        pos += len(parts[k])
        if pos < top:
            ends[i] = offsets[pos]
        else:
            ends[i] = pos
        pos += len(parts[k + 1])
        k += 2
    if gaps:
        gaps[-1] = ""
    if "Qs" in text:  # a C search: most texts have none
        _cut_q_possessives(words, cast("list[int]", ends), gaps)
    return Tokens(words, cast("list[int]", starts), cast("list[int]", ends), gaps)


def _cut_q_possessives(words: list[str], ends: list[int], gaps: list[str]) -> None:
    """ "ObamaQs" -> "Obama", its "Qs" a gap like the "'s" of "Obama's": some cables of the
    release have Q for an apostrophe ("RicaQs", "MugabeQs": 133 lines of the dev corpus),
    and also for a letter it could not write ("CortQs" for Cortes). So only a word the text
    also has alone loses its "Qs", and only after a lower-case letter ("FAQS" stays)."""
    alone = set(words)
    last = len(words) - 1
    for i in range(len(words)):
        w = words[i]
        if len(w) > 3 and w.endswith("Qs") and w[-3].islower() and w[:-2] in alone:
            words[i] = w[:-2]
            ends[i] = ends[i] - 2
            if i < last:
                gaps[i] = "Qs" + gaps[i]


@dataclass(slots=True)
class Zone:
    text: str  # cable.text with non-zone lines blanked
    start: int  # offset where the zone begins
    caps: bool  # the cable is written in capitals only


def _nth_line_end(text: str, n: int) -> int:
    """Offset of the n-th newline (0-based), or len(text) when there are fewer."""
    pos = -1
    for _ in range(n + 1):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos


# a page marker run into a line ("... PLANNING CHIEF BRUSSELS 00001257 001.2 OF 002 ..."):
# its padded serial and page, the post's name before them
# (found at each " OF ", which str.find scans for in C: a pattern tried at every position of
# the text took 0.1 ms a cable)
_PAGE_BEFORE_OF = re.compile(r"[^\S\n]\d{8}[^\S\n]+\d{3}(?:\.\d)?[^\S\n]*\Z")
_PAGE_AFTER_OF = re.compile(r"[^\S\n]*\d{3}\b")
_CAPS_WORD_BEFORE = re.compile(r"[A-Z][A-Z.']*[^\S\n]*\Z")
_ID_POST = re.compile(r"\d{2}([A-Z]+?)\d+\Z")  # "BRUSSELS" of 08BRUSSELS1257


def _inline_pages(text: str, start: int, post: str) -> list[tuple[int, int]]:
    """Spans of the page markers run into other lines: the serial and page, and the post's
    words before them as far as they spell the start of ``post`` (the letters of the
    cable's id, "BRUSSELS" of 08BRUSSELS1257; a marker cuts it short: "BUENOS AIR")."""
    out = []
    i = text.find(" OF ", start)
    while i >= 0:
        m = _PAGE_BEFORE_OF.search(text, max(start, i - 24), i)
        after = _PAGE_AFTER_OF.match(text, i + 4) if m is not None else None
        i = text.find(" OF ", i + 4)
        if m is None or after is None:
            continue
        a = m.start()
        words: list[tuple[int, str]] = []  # the capitalised words before, last first
        while post and len(words) < 4:
            w = _CAPS_WORD_BEFORE.search(text, max(start, a - 30), a)
            if w is None:
                break
            words.append((w.start(), w.group().strip().replace(".", "").replace("'", "")))
            a = w.start()
        a = m.start()
        for k in range(len(words), 0, -1):
            if post.startswith("".join(word for _, word in reversed(words[:k]))):
                a = words[k - 1][0]
                break
        out.append((a, after.end()))
    return out


def annotated_zone(text: str, reference_id: str | None = None) -> Zone:
    """Blank everything of ``text`` outside the annotated zone (``reference_id``: the
    cable's, whose post names page markers run into other lines).

    Raises IndexError when the zone would start past the last line (the caller gives up).
    """
    m = _SUBJECT_M.search(text)
    if m is not None and text.count("\n", 0, m.start()) < 150:
        start = m.start()
        # a printout's own header ("Subject: ...") before the telegram's routing and its
        # SUBJECT line: the zone starts at the telegram's
        # (a later SUBJECT line found behind its newline, _SUBJECT_NL: a C scan for the
        # newlines, where _SUBJECT_M tried every position of the text; m ends in ":", so
        # the lines that start after m.end() are the lines after a newline from there)
        while (later := _SUBJECT_NL.search(text, m.end())) is not None and _ROUTING.search(
            text, m.end(), later.start() + 1
        ):
            m = later
            start = m.start() + 1
    else:
        head_end = _nth_line_end(text, 79)
        pre = list(_PRE_SUBJECT_M.finditer(text, 0, head_end))
        last = pre[-1] if pre else None
        if last is None:
            # or run on to another line: "LONDON AND PARIS FOR NEA WATCHER E.O. 12958: N/A
            # TAGS: ECON ...", the routing header above it (no SUBJECT line either)
            runs = list(_PRE_SUBJECT_RUN_ON.finditer(text, 0, head_end))
            last = runs[-1] if runs else None
            if last is not None and _ROUTING.search(text, 0, last.start()) is None:
                last = None  # (an extract's one run-on line holds its text too)
        if last is None:
            start = 0
        else:
            nl = text.find("\n", last.start())
            if nl < 0:
                raise IndexError("zone starts past the last line")
            start = nl + 1
    # blanked lines: page breaks, SECTION and marking lines, and REF blocks
    blank: list[tuple[int, int]] = []
    # a line both patterns match is blanked twice: the same span, skipped below
    for a in _line_starts(_BLANK_M, _BLANK_NL, text, start) + _section_lines(text, start):
        nl = text.find("\n", a)
        blank.append((a, nl if nl >= 0 else len(text)))
    # web addresses: "Visit Ankara's Classified Web Site at http://www.intelink.sgov.gov/
    # wiki/Portal:Turkey" names nobody and no place (no gold set marks anything in one)
    if "http" in text or "www." in text:
        blank += [m.span() for m in _URL.finditer(text, start)]
    if "\u00b6" in text:
        blank += [m.span() for m in _PILCROW_REF.finditer(text, start)]
    if " OF " in text:
        post = _ID_POST.match(reference_id or "")
        blank += _inline_pages(text, start, post.group(1) if post else "")
    walk_end = start
    for a in _line_starts(_REF_M, _REF_NL, text, start):
        if a < walk_end:
            continue  # a REF line inside a REF block
        nl = text.find("\n", a)
        while nl >= 0:
            nxt = text.find("\n", nl + 1)
            line = text[nl + 1 : nxt if nxt >= 0 else len(text)]
            if not line.strip() or (_REF_END.match(line) and not _REF_ITEM.match(line)):
                break
            nl = nxt
        end = nl if nl >= 0 else len(text)
        walk_end = end + 1
        cb = _CLASSIFIED_BY.search(text, a, end)
        if cb is not None:
            end = cb.start()  # "REF: CAIRO 1855 Classified By: ECPO Mincouns ...": kept
        run_on = _RUN_ON.search(text, a, end)
        if run_on is not None:
            end = walk_end = run_on.start()  # (a REF line after it is a block of its own)
        blank.append((a, end))
        # its lettered items in capitals after blank lines ("¶B. WITMER-HOLLIDAY EMAILS")
        item = _REF_ITEM_NEXT.match(text, end) if nl >= 0 else None
        while item is not None:
            blank.append((text.index("\u00b6", item.start()), item.end() - 1))
            item = _REF_ITEM_NEXT.match(text, item.end() - 1)
    out: list[str] = []
    if start:
        out.append("\n".join(" " * len(x) for x in text[:start].split("\n")))
    pos = start
    for a, b in sorted(blank):
        if b <= pos:
            continue
        a = max(a, pos)
        # a blanked line: spaces up to the line end (blocks keep their newlines)
        seg = text[a:b]
        out.append(text[pos:a])
        out.append(
            "\n".join(" " * len(x) for x in seg.split("\n")) if "\n" in seg else " " * len(seg)
        )
        pos = b
    out.append(text[pos:])
    zone_text = "".join(out)
    sample = zone_text[start : start + 4000].encode("ascii", "ignore")
    letters = len(sample.translate(None, _NOT_LETTER))
    lower = len(sample.translate(None, _NOT_LOWER))
    return Zone(zone_text, start, letters > 50 and lower < letters * 0.03)
