"""Page breaks: the lines the cable system inserted when it split a long cable.

New-style one-line breaks (``MOSCOW 00001488  002 OF 002``), old telegram ``PAGE NN``
headers with their centred classification lines, and the routing and preamble each new
``SECTION NN OF NN`` repeats (see ``page_break_lines``).
"""

from __future__ import annotations

import re

from cablekit.parse.body.lines import _line_indices
from cablekit.parse.body.patterns import (
    _CLASS_LINE,
    _PARA,
    _PB_NEW,
    _PB_PAGE,
    _PREAMBLE_KEY,
    _PREAMBLE_REPEAT,
    _SECTION,
    _SUBJECT,
)


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


# A page break holds ``PAGE`` or ``OF`` and a number (``002 OF 002``, ``SECTION 2 OF 3``):
# a text with neither has no break line, whatever its lines hold.
_BREAK_POSSIBLE = re.compile(r"OF\s+\d")


def _break_candidates(text: str, lines: list[str], has_page: bool) -> list[int]:
    """The indices of the ``lines`` of ``text`` (``text.split("\\n")``) with a break word
    that may be part of a page break: what ``_page_breaks`` takes as candidates.

    Every line ``_page_breaks`` keeps matches a pattern that needs ``PAGE`` or ``OF`` and a
    number in the line (``_BREAK_POSSIBLE``), so only the lines where one of these stands
    are tested for a break word. Finding the break words themselves costs far more: an
    all-capitals cable has `` OF `` on line after line.
    """
    positions = [m.start() for m in _BREAK_POSSIBLE.finditer(text)]
    if has_page:
        pos = text.find("PAGE")
        while pos >= 0:
            positions.append(pos)
            pos = text.find("PAGE", pos + 1)
        positions.sort()
    if not positions:
        return []
    n = len(lines)
    return [i for i in _line_indices(text, positions) if i < n and _has_break_word(lines[i])]
