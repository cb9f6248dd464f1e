"""The SUBJECT (or SUBJ) field, its lines joined."""

from __future__ import annotations

import html
import re

from cablekit.parse.preamble.classification import _match_classification
from cablekit.parse.preamble.lines import _PAGE_BREAK_LINE_RE, _iter_lines_with, _lines
from cablekit.parse.tags import has_any, search_from

_SUBJECT_RE = re.compile(
    r"S(?<![A-Za-z]S)UBJECT\s*:|S(?<![A-Za-z]S)UBJ\s*:|U(?<![A-Za-z]U)BJECT\s*:"
    r"|^\s*(?:SUBJECT|SUBJ)\s+(?=[A-Z(\"'])"
)
_SUBJECT_CI_RE = re.compile(r"(?<![A-Za-z])(?:SUBJECT|SUBJ|UBJECT)\s*:", re.IGNORECASE)
_SUBJECT_END_RE = re.compile(
    r"REF(?:S|TELS?|\(S\))?\s*:|R(?<![A-Za-z]R)EFS?\s+[A-Z]\)|"
    r"Classi\w*\s+By\b|CLASSIFIED\s+BY\b|"
    r"S(?<![A-Za-z]S)ensitive\s+but\b|SENSITIVE\s+BUT\s+UNCLASS|"
    r"This\s+message\s+is\s+Sensitive|\s\u00b6?1\.\s*\(",
    re.IGNORECASE,
)
_SUBJECT_END_NEEDLES = ("ref", "by", "but", "age", "1.")  # one is in every match above


def _subject_end(text: str) -> re.Match[str] | None:
    return _SUBJECT_END_RE.search(text) if has_any(text, _SUBJECT_END_NEEDLES) else None


_SUBJECT_STOP_LINE_RE = re.compile(
    r"^\s*(?:\u00b6?\d+\s*\.|\(?[A-Z]{1,3}(?:/[A-Z]{1,3})?\)|REF|Classified\s+By|"
    r"CLASSIFIED\s+BY|E\.?\s?O\.?\s?1|TAGS|-{3,}|_{3,}|=+\s*$|Summary\b|SUMMARY\b|"
    r"This\s+is\s+an?\s|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$|"
    r"PAGE\s+\d|Sensitive\s+but|SENSITIVE\s+BUT|C O R R E C T E D)",
    re.IGNORECASE,
)
_PORTION_RE = re.compile(
    r"^\s*\((?:U|C|S|TS|SBU|LOU|FOUO|NF|C/NF|S/NF|S//NF|C//NF|S/REL[^)]{0,30}|"
    r"C/REL[^)]{0,30}|SBU/NF|U/FOUO)\)\s*",
    re.IGNORECASE,
)


def _clean_subject(s: str) -> str:
    s = html.unescape(s)
    s = s.replace("\\", " ")
    s = " ".join(s.split())
    s = _PORTION_RE.sub("", s, count=1)
    return s.strip()


def parse_subject(text: object) -> str | None:
    """SUBJECT (or SUBJ) field, its lines joined, portion marking and entities removed."""
    if not isinstance(text, str):
        return None
    try:
        lines = _lines(text)
        for i in _iter_lines_with(text, ("bj",)):
            line = lines[i]
            if "bj" not in line and "BJ" not in line and "Bj" not in line:
                continue
            m = search_from(_SUBJECT_CI_RE, line, ("subj", "ubject")) or _SUBJECT_RE.search(line)
            if not m:
                continue
            first = line[m.end() :].rstrip("\\ \t")
            j = i + 1
            if not first.strip():
                # "SUBJECT:" alone: the subject is on the next non-blank line
                while j < len(lines) and j < i + 4 and not lines[j].strip():
                    j += 1
                if j >= len(lines) or j >= i + 4:
                    return None
                first = lines[j].rstrip("\\ \t")
                j += 1
            parts = [first]
            end = _subject_end(first)
            if end:
                parts = [first[: end.start()]]
            else:
                upper = not _has_lower(first)
                # a double-spaced copy (a blank line after every line, the field lines above
                # included): one blank line goes on, two end the field
                double = (
                    j == i + 1
                    and i >= 3
                    and not lines[i - 1].strip()
                    and bool(lines[i - 2].strip())
                    and not lines[i - 3].strip()
                )
                while j < len(lines) and j < i + 8 and not parts[-1].rstrip().endswith("..."):
                    nxt = lines[j].rstrip("\\ \t")
                    if not nxt.strip() and double and j + 1 < len(lines) and lines[j + 1].strip():
                        j += 1
                        continue
                    if not nxt.strip() or _SUBJECT_STOP_LINE_RE.match(nxt):
                        break
                    if _PAGE_BREAK_LINE_RE.match(nxt) or _match_classification(nxt, j):
                        break
                    if upper and _has_lower(nxt):
                        break
                    end = _subject_end(nxt)
                    if end:
                        parts.append(nxt[: end.start()])
                        break
                    parts.append(nxt)
                    j += 1
            out = _join_subject(parts)
            return _clean_subject(out) or None
        return None
    except Exception:  # noqa: BLE001
        return None


def _has_lower(s: str) -> bool:
    """True when ``s`` holds a lower-case letter (ASCII text: one C-level comparison)."""
    if s.isascii():
        return s != s.upper()
    return any(c.islower() for c in s)


def _join_subject(parts: list[str]) -> str:
    """Join subject lines; a line ending in a hyphen (``US-``) joins without a space."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out.endswith("-") and not out.endswith(" -") and not out.endswith("--"):
            out += p
        else:
            out = f"{out} {p}" if out else p
    return out
