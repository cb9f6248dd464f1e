"""The summary and comment sections of the body.

``Summary: ... End summary.`` (or a Summary heading, or an ``END SUMMARY`` closing a
summary that opens the body) and inline ``Comment: ... End comment.`` or Comment-headed
sections. The END / comment markers are searched only where a match can start, as the
plain patterns would be tried at every position of long reflowed lines.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from cablekit.parse.body.lines import (
    _heading_text,
    _is_para_start,
    _lines_containing,
    _looks_heading,
    _para_match,
)
from cablekit.parse.body.patterns import (
    _COMMENT_END,
    _COMMENT_START,
    _DASH_FIRST,
    _DASHES,
    _HEADING_INLINE,
    _LEADING_MARK,
    _NOT_COMMENT_BEFORE,
    _SUMMARY_END,
    _SUMMARY_START,
    _cut_inline_heading,
)
from cablekit.parse.normalise import normalise_text

if TYPE_CHECKING:
    from cablekit.parse.body.prepared import _Prepared


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
    from cablekit.parse.body.prepared import _prepared  # lazy: prepared imports this module

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
    from cablekit.parse.body.prepared import _prepared  # lazy: prepared imports this module

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
