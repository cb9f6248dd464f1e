"""Handling caveats (SIPDIS, NOFORN ...) and the classification as the Cablegate site
lists it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cablekit.parse.preamble.classification import ClassificationLine, parse_classification_line
from cablekit.parse.preamble.classified_by import _CLASSIFIED_BY_RE
from cablekit.parse.preamble.lines import _MAX_CHARS, _split

# ``(?<![A-Za-z])(?:E\.?\s?O\.?\s?1\d{3}|EO\s+1\d{3}|TAGS?\s*:|SUBJECT\s*:|SUBJ\s*:)`` with
# IGNORECASE, spelled out case-sensitively so that it begins with a character set the engine
# can skip ahead to (an IGNORECASE pattern that begins with a letter is tried at every
# position). Under IGNORECASE ``[A-Za-z]`` also matches U+0130, U+0131, U+017F (long s)
# and U+212A (Kelvin sign), and ``S`` matches U+017F: the classes below hold them too.
_CI_LETTER = "A-Za-z\u0130\u0131\u017f\u212a"
_FIELD_START_RE = re.compile(
    r"[EeTtSs\u017f](?<![" + _CI_LETTER + r"][EeTtSs\u017f])"
    r"(?:(?<=[Ee])(?:\.?\s?[Oo]\.?\s?1\d{3}|[Oo]\s+1\d{3})"
    r"|(?<=[Tt])[Aa][Gg][Ss\u017f]?\s*:"
    r"|(?<=[Ss\u017f])[Uu][Bb][Jj](?:[Ee][Cc][Tt])?\s*:)"
)
_HANDLING_RE = re.compile(
    r"(S(?<![A-Za-z]S)IPDIS|N(?<![A-Za-z]N)OFORN|N(?<![A-Za-z]N)ODIS|E(?<![A-Za-z]E)XDIS"
    r"|L(?<![A-Za-z]L)IMDIS|S(?<![A-Za-z]S)TADIS|S(?<![A-Za-z]S)ENSITIVE|E(?<![A-Za-z]E)FTO"
    r"|E(?<![A-Za-z]E) F T O|O(?<![A-Za-z]O)RCON|P(?<![A-Za-z]P)ROPIN|N(?<![A-Za-z]N)OCONTRACT"
    r"|C(?<![A-Za-z]C)HEROKEE|S(?<![A-Za-z]S)PECAT|F(?<![A-Za-z]F)OR OFFICIAL USE ONLY)(?![A-Za-z])"
)
_SIPDIS_RUN_RE = re.compile(r"SIPDIS")


def _preamble_region(text: str, start: int) -> str:
    """Text from the classification line to the E.O./TAGS/SUBJECT field (handling lines)."""
    parts: list[str] = []
    for line in _split(text)[start : start + 30]:
        # Every field marker holds a colon (TAGS:, SUBJECT:) or a 1 (E.O. 1xxxx).
        m = _FIELD_START_RE.search(line) if ":" in line or "1" in line else None
        if m:
            parts.append(line[: m.start()])
            break
        parts.append(line)
    return "\n".join(parts)[:3000]


@lru_cache(maxsize=16)
def _region_marks(text: str, start: int) -> tuple[str, ...]:
    """The handling words of the preamble region, in order (cached: the handling and the
    site classification both read them)."""
    return tuple(m.group(1) for m in _HANDLING_RE.finditer(_preamble_region(text, start)))


@lru_cache(maxsize=16)
def _text_classification(text: str) -> ClassificationLine | None:
    """Classification line of a text that may start with routing lines (cached per text)."""
    return parse_classification_line(list(_split(text)), 0, window=60)


def parse_handling(text: str, line: ClassificationLine | None = None) -> list[str]:
    """Handling caveats of the preamble in order of appearance: SIPDIS, NOFORN, EXDIS ...

    ``line`` is the text's classification line when the caller has found it already.
    """
    try:
        if not isinstance(text, str):
            return []
        cl = line or _text_classification(text)
        out: list[str] = list(line.handling) if line else []
        for mark in _region_marks(text, cl.index if cl else 0):
            word = "EFTO" if mark == "E F T O" else mark
            if word not in out:
                out.append(word)
        if "SIPDIS" not in out:
            # press format: SIPDIS run into the text ("...Moscow 001488SIPDIS")
            head = text[:3000] if isinstance(text, str) else ""
            if _SIPDIS_RUN_RE.search(head):
                out.append("SIPDIS")
        return out
    except Exception:  # noqa: BLE001
        return []


def site_classification(text: object, line: ClassificationLine | None) -> str | None:
    """The classification as the Cablegate site lists it.

    The site's rule, as the published records show it: the level of the classification
    line; ``//NOFORN`` added to CONFIDENTIAL/SECRET when NOFORN stands on the
    classification line or among the handling lines below it; UNCLAS with a SENSITIVE
    (SBU), EFTO or FOR OFFICIAL USE ONLY caveat there becomes
    ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``, as does LIMITED OFFICIAL USE. NOFORN or
    SBU only in paragraph markings does not count.
    """
    if not isinstance(text, str):
        return None
    try:
        if line is None:
            line = _text_classification(text)
        if line is None:
            return _classification_from_markings(text)
        marks = set(line.handling)
        marks.update(_region_marks(text, line.index))
        # Re-keyed copies glue the caveats to the serial ("LONDON 000333NOFORNSIPDIS"),
        # and a subject marked "(C/NF)" declares the caveat of the whole cable.
        if "NOFORN" in line.text or _subject_noforn(text):
            marks.add("NOFORN")
        level = line.level
        if level in ("CONFIDENTIAL", "SECRET", "TOP SECRET"):
            return level + "//NOFORN" if "NOFORN" in marks else level
        if level == "LIMITED OFFICIAL USE":
            return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
        if marks & {"SENSITIVE", "EFTO", "E F T O", "FOR OFFICIAL USE ONLY"}:
            return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
        return "UNCLASSIFIED"
    except Exception:  # noqa: BLE001
        return None


_SUBJECT_NOFORN_RE = re.compile(r"SUBJECT:\s*\((?:TS|S|C|SBU)//?NF\)")


def _subject_noforn(text: str) -> bool:
    """``_SUBJECT_NOFORN_RE.search(text, 0, 6000)``, tried only at each ``SUBJECT:``.

    ``str.find`` gets to the (one or two) places much faster than the regex engine's own
    scan for the literal.
    """
    pos = text.find("SUBJECT:", 0, 6000)
    while pos >= 0:
        if _SUBJECT_NOFORN_RE.match(text, pos, 6000):
            return True
        pos = text.find("SUBJECT:", pos + 1, 6000)
    return False


_MARKING_RE = re.compile(r"\((TS|S|C|U|SBU|S/NF|C/NF|S//NF|C//NF|TS/NF)\)")


def _classification_from_markings(text: str) -> str | None:
    """Fallback for texts without a classification line (partial extracts, web copies).

    The highest paragraph portion marking gives the level; NOFORN or SENSITIVE standing
    in the text above the subject give the caveat, as on a classification line.
    """
    if not isinstance(text, str):
        return None
    head = text[:_MAX_CHARS]
    marks = {m.group(1) for m in _MARKING_RE.finditer(head)}
    cut = _FIELD_START_RE.search(head[:4000])
    top = head[: cut.start()] if cut else head[:1500]
    caveats = {m.group(1) for m in _HANDLING_RE.finditer(top)}
    if marks & {"TS", "TS/NF"}:
        level = "TOP SECRET"
    elif marks & {"S", "S/NF", "S//NF"}:
        level = "SECRET"
    elif marks & {"C", "C/NF", "C//NF"} or _CLASSIFIED_BY_RE.search(head):
        level = "CONFIDENTIAL"
    elif marks or caveats:
        level = "UNCLASSIFIED"
    else:
        return None
    if level != "UNCLASSIFIED":
        return level + "//NOFORN" if "NOFORN" in caveats else level
    if caveats & {"SENSITIVE", "EFTO", "FOR OFFICIAL USE ONLY"}:
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    return "UNCLASSIFIED"
