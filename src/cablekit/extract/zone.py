"""The annotated zone of a cable and its tokens.

Entities are looked for from the SUBJECT line to the end, without the lines that only
route or mark the text (REF block, page breaks, SECTION and classification lines). The
zone is ``cable.text`` with those lines blanked to spaces, so offsets stay offsets into
``cable.text`` and a regex can run over the zone in one C-level pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SUBJECT = re.compile(r"\s*(?:SUBJECT|SUBJ|Subject)\s*:")
_PRE_SUBJECT = re.compile(r"\s*(?:TAGS|E\.\s?O\.|EO)\s*[:\s]", re.I)
_REF = re.compile(r"\s*(?:REF|REFS|REFTEL|REFTELS|REFERENCES?)\s*:", re.I)
_REF_END = re.compile(
    r"\s*(?:Classified\s+By|CLASSIFIED\s+BY|\d{1,2}\s*\.|\(?[A-Z]{1,3}\)\s|SUMMARY)"
)
_PAGE_BREAK = re.compile(r"\s*[A-Z][A-Z .']{1,30}\s\d{3,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$")
_PAGE_LINE = re.compile(r"\s*PAGE\s+\d{2,3}\s")
_SECTION = re.compile(r"\s*(?:[A-Z/ ]+\s)?SECTION\s+\d+\s+OF\s+\d+", re.I)
_MARKING = re.compile(
    r"\s*(?:C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|S\s?E\s?C\s?R\s?E\s?T|"
    r"U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D|SIPDIS|NOFORN|LIMITED OFFICIAL USE)\b[^a-z]*$"
)
_HEADER_END = re.compile(r"\s*(?:TO|INFO|FM|BT|DE|R|P|O|ZNY|VZCZC)\b")

# A token: a dotted abbreviation (U.S., H.E.) or a word, with in-word apostrophes and
# slashes (U/S, A/S, Pol/Econoff). Hyphens split tokens; runs re-join them.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9](?:[A-Za-z0-9]|['/](?=[A-Za-z]))*")


_LETTER = re.compile(r"[A-Za-z]")
_LOWER = re.compile(r"[a-z]")


@dataclass(slots=True)
class Zone:
    text: str  # cable.text with non-zone lines blanked
    start: int  # offset where the zone begins
    caps: bool  # the cable is written in capitals only


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            spans.append((pos, n))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def annotated_zone(text: str) -> Zone:
    """Blank everything of ``text`` outside the annotated zone."""
    spans = _line_spans(text)
    first = None
    for i, (a, b) in enumerate(spans[:150]):
        if _SUBJECT.match(text, a, b):
            first = i
            break
    if first is None:
        last_pre = None
        for i, (a, b) in enumerate(spans[:80]):
            if _PRE_SUBJECT.match(text, a, b):
                last_pre = i
        first = last_pre + 1 if last_pre is not None else 0
    out: list[str] = []
    if first:
        out.append(re.sub(r"[^\n]", " ", text[: spans[first][0]]))
    in_ref = False
    for a, b in spans[first:]:
        line = text[a:b]
        blank = False
        if in_ref:
            if not line.strip() or _REF_END.match(line):
                in_ref = False
            else:
                blank = True
        if not in_ref and not blank:
            if _REF.match(line):
                in_ref = True
                blank = True
            elif (
                _PAGE_BREAK.match(line)
                or _PAGE_LINE.match(line)
                or _SECTION.match(line)
                or _MARKING.match(line)
            ):
                blank = True
        out.append(" " * len(line) if blank else line)
        out.append("\n")
    zone_text = "".join(out)[: len(text)]
    start = spans[first][0] if first < len(spans) else len(text)
    body = zone_text[start:]
    sample = body[:4000]
    letters = len(_LETTER.findall(sample))
    lower = len(_LOWER.findall(sample))
    return Zone(zone_text, start, letters > 50 and lower < letters * 0.03)
