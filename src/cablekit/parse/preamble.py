"""The fields at the top of a cable text: classification line, handling, E.O./DECL, TAGS,
SUBJECT, REF, Classified By.

Every function takes a whole cable or any snippet of one and never raises. The fields
come in a fixed order (classification line, handling caveats, passing instructions,
``E.O.``, ``TAGS``, ``SUBJECT``, ``REF``, ``Classified By``, paragraph 1), but in the
site's early "press" format they are reflowed into one line and in old cables they run
into each other, so each field is found by its marker and ended by the next marker.
Scanning is line based and limited to the preamble, so the cost does not grow with
the length of the cable.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate

from cablekit.model import ClassifiedBy, Reference
from cablekit.parse import tags as _tags
from cablekit.parse.tags import has_any, search_from

try:  # the posts table (another module of this package); a minimal fallback otherwise
    from cablekit.parse.posts import CODE_ALIASES as _ALIASES
    from cablekit.parse.posts import KNOWN_STATIONS as _STATIONS
except Exception:  # noqa: BLE001 - keep the preamble usable on its own
    _ALIASES = {"SECSTATE": "STATE", "HAGUE": "THEHAGUE"}
    _STATIONS = frozenset({"STATE"})

__all__ = [
    "ClassificationLine",
    "parse_classification_line",
    "site_classification",
    "parse_handling",
    "parse_declassification",
    "parse_tags",
    "parse_subject",
    "parse_references",
    "parse_classified_by",
]

_MAX_PREAMBLE_LINES = 150  # no field of the preamble is further down than this
_MAX_CHARS = 12_000  # nor further than this (press format puts it all on a few lines)
# Paragraph 1 at the start of a line, searched in the whole text at once (whitespace but
# no newline: the pattern must not run from one line into the next).
_PARA1_RE = re.compile(r"\n[^\S\n]*\u00b6?[^\S\n]*1[^\S\n]?\.[^\S\n]*(?:\(|[A-Z])")

LEVELS = ("UNCLASSIFIED", "LIMITED OFFICIAL USE", "CONFIDENTIAL", "SECRET", "TOP SECRET")

HANDLING_WORDS = (
    "SIPDIS",
    "NOFORN",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "SENSITIVE",
    "EFTO",
    "ORCON",
    "PROPIN",
    "NOCONTRACT",
    "CHEROKEE",
    "SPECAT",
    "NOFORN/ORCON",
)
_HANDLING_SET = frozenset(HANDLING_WORDS)


@dataclass(slots=True)
class ClassificationLine:
    """The classification line: ``C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488``."""

    index: int  # index of the line in the list given
    level: str  # UNCLASSIFIED, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET
    handling: list[str] = field(default_factory=list)  # NOFORN, SIPDIS, SENSITIVE ...
    section: int | None = None
    section_count: int | None = None
    post: str | None = None  # MOSCOW, THE HAGUE, USUN NEW YORK, STATE
    serial: str | None = None  # 001488
    text: str = ""  # the line as written


# ---------------------------------------------------------------------------------------
# helpers


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
    found = [low.find(needle) for needle in needles]
    count = len(starts)
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


# Patterns that must not start inside a word put the test after their first character,
# "R(?<![A-Za-z]R)EF" rather than "(?<![A-Za-z])REF": a pattern that begins with a literal
# lets the engine skip to the places where that character occurs; one that begins with a
# lookbehind is tried at every position. Both match exactly the same.


def _spaced(word: str) -> str:
    """Pattern for a word typed with or without letter spacing (``S E C R E T``)."""
    return " ?".join(word)


_LEVEL_RE = re.compile(
    r"^[\s\u00b6\"]*(?P<level>"
    r"T ?O ?P\s+" + _spaced("SECRET") + r"|S?" + _spaced("SECRET") + r"|"
    r"(?:C ?)?C? ?" + _spaced("ONFIDENTIAL") + r"|UNCLASSIFIED|U ?N ?C ?L ?A ?S|"
    r"LIMITED\s+OFFICIAL\s+USE)(?![A-Za-z])(?P<rest>.*)$",
    re.IGNORECASE,
)
_CAVEAT_RE = re.compile(r"^\s*//\s*(?P<cav>[A-Za-z /]{1,40})")
_SECTION_RE = re.compile(r"\bSECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\b", re.IGNORECASE)
_EFTO_RE = re.compile(r"\bE ?F ?T ?O\b")
_SERIAL_RE = re.compile(
    r"^(?P<post>(?:[A-Za-z][A-Za-z'.\-]*\s+){0,5}?)(?P<serial>\d{2,8})(?![0-9])"
)
_CAVEAT_SPLIT_RE = re.compile(r"[\s/]+")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z/\-]*")


def _level_name(raw: str) -> str:
    word = "".join(raw.split()).upper()
    if word.startswith("TOP"):
        return "TOP SECRET"
    if word.startswith("UNCLAS"):
        return "UNCLASSIFIED"
    if word.startswith("LIMITED"):
        return "LIMITED OFFICIAL USE"
    if word.startswith("SS"):
        return "SECRET"
    return word


_LEVEL_FIRST = frozenset('TtSsCcUuLl"\u00b6')


def _match_classification(line: str, index: int) -> ClassificationLine | None:
    head = line.lstrip()[:1]
    if not head or head not in _LEVEL_FIRST:
        return None
    m = _LEVEL_RE.match(line)
    if not m:
        return None
    level = _level_name(m.group("level"))
    rest = m.group("rest")
    handling: list[str] = []
    cav = _CAVEAT_RE.match(rest)
    if cav:
        for word in _CAVEAT_SPLIT_RE.split(cav.group("cav").upper()):
            if word in _HANDLING_SET and word not in handling:
                handling.append(word)
        if "FOR OFFICIAL USE ONLY" in cav.group("cav").upper():
            handling.append("FOR OFFICIAL USE ONLY")
        rest = rest[cav.end() :]
    stripped = rest.strip(" \t\\:.-")
    if not stripped:
        return ClassificationLine(index=index, level=level, handling=handling, text=line)
    if stripped.upper().startswith("PAGE"):
        return None  # old page-break line: "CONFIDENTIAL PAGE 02 ..."
    if _EFTO_RE.match(stripped):
        handling.append("EFTO")
        stripped = _EFTO_RE.sub("", stripped, count=1).strip()
    section = count = None
    sm = _SECTION_RE.search(stripped)
    if sm:
        section, count = int(sm.group(1)), int(sm.group(2))
        stripped = stripped[sm.end() :].strip()
    sr = _SERIAL_RE.match(stripped)
    post: str | None = None
    serial: str | None = None
    after = stripped
    if sr:
        post = " ".join(sr.group("post").split()).upper() or None
        serial = sr.group("serial")
        after = stripped[sr.end() :]
    words = [w.upper() for w in _WORD_RE.findall(after)]
    known = [w for w in words if w in _HANDLING_SET]
    if serial is None:
        # Without a serial only handling words may follow the level ("SECRET NOFORN").
        if not words or len(known) != len(words):
            return None
    for word in known:
        if word not in handling:
            handling.append(word)
    if "E F T O" in after.upper() and "EFTO" not in handling:
        handling.append("EFTO")
    return ClassificationLine(
        index=index,
        level=level,
        handling=handling,
        section=section,
        section_count=count,
        post=post,
        serial=serial,
        text=line,
    )


def parse_classification_line(
    lines: list[str], start: int = 0, window: int = 15
) -> ClassificationLine | None:
    """First classification line at or after ``start`` within ``window`` non-blank lines.

    A bare level line (``CONFIDENTIAL``) is only taken when no full line (with a serial)
    follows within the next few lines: web copies often repeat the level above the text.
    """
    try:
        return _scan_classification(lines, max(start, 0), window)[0]
    except Exception:  # noqa: BLE001 - never raise
        return None


def _scan_classification(
    lines: list[str], first: int, window: int
) -> tuple[ClassificationLine | None, int]:
    """The answer of ``parse_classification_line`` and the index after the last line read."""
    seen = 0
    bare: ClassificationLine | None = None
    bare_seen = 0
    for i in range(first, len(lines)):
        line = lines[i]
        if not line or not line.strip():
            continue
        seen += 1
        if seen > window or (bare is not None and seen - bare_seen > 4):
            return bare, i + 1
        if len(line) > 400:
            line = line[:400]
        found = _match_classification(line, i)
        if found is None:
            continue
        if found.serial is not None or found.handling:
            return found, i + 1
        if bare is None:
            bare, bare_seen = found, seen
    return bare, len(lines)


# ---------------------------------------------------------------------------------------
# handling and classification as the site lists it

_FIELD_START_RE = re.compile(
    r"(?<![A-Za-z])(?:E\.?\s?O\.?\s?1\d{3}|EO\s+1\d{3}|TAGS?\s*:|SUBJECT\s*:|SUBJ\s*:)",
    re.IGNORECASE,
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
        out: list[str] = list(cl.handling) if line else []
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


def site_classification(text: str, line: ClassificationLine | None) -> str | None:
    """The classification as the Cablegate site lists it.

    The site's rule, as the published records show it: the level of the classification
    line; ``//NOFORN`` added to CONFIDENTIAL/SECRET when NOFORN stands on the
    classification line or among the handling lines below it; UNCLAS with a SENSITIVE
    (SBU), EFTO or FOR OFFICIAL USE ONLY caveat there becomes
    ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``, as does LIMITED OFFICIAL USE. NOFORN or
    SBU only in paragraph markings does not count.
    """
    try:
        if line is None and isinstance(text, str):
            line = _text_classification(text)
        if line is None:
            return _classification_from_markings(text)
        marks = set(line.handling)
        if isinstance(text, str):
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


# ---------------------------------------------------------------------------------------
# E.O. / DECL

_EO_RE = re.compile(
    r"E(?<![A-Za-z]E)\.?\s?O\.?\s*:?\s*(?P<eo>1\d{3,4})?\s*[:.;,]?\s*"
    r"(?:(?P<decl>DECL(?:ASSIFY)?(?:\s+ON)?)\s*[:.]?)?\s*(?P<value>[^\n]{0,80})",
    re.IGNORECASE,
)
# Case-sensitive, so much cheaper than _EO_RE: a line without it holds no E.O. field.
_EO_HINT_RE = re.compile(r"[Ee]\.?\s?[Oo]")
_DECL_WORD_RE = re.compile(r"DECL(?:ASSIFY)?\s*:?\s*", re.IGNORECASE)
_DATE_MDY_RE = re.compile(r"^(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{2,4})(?!\d)")
_DATE_YMD_RE = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?!\d)")
_VALUE_END_RE = re.compile(r"\s(?:TAGS?|TAGES|TABS|TGS|TAS|AGS)\b|\s{3,}|\s+SUBJ", re.IGNORECASE)


def _year(raw: str) -> int:
    y = int(raw)
    if len(raw) <= 2:
        y += 2000 if y < 70 else 1900
    return y


def _declassify_value(value: str) -> str | None:
    value = value.strip()
    m = _DATE_YMD_RE.match(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DATE_MDY_RE.match(value)
        if m:
            mo, d, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
    if m:
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
        return m.group(0)
    end = _VALUE_END_RE.search(value)
    if end:
        value = value[: end.start()]
    value = value.strip(" .,;:\\")
    if not value:
        return None
    if value.upper().replace(" ", "") in ("N/A", "NA", "N\\A"):
        return "N/A"
    return value


def parse_declassification(text: str) -> tuple[str | None, str | None]:
    """``(eo, declassify_on)``: ``E.O. 12958: DECL: 06/05/2019`` -> ``("12958", "2019-06-05")``.

    ``declassify_on`` is an ISO date, or the instruction as written (``1.6X1``, ``OADR``,
    ``N/A``).
    """
    try:
        for line in _lines(text):
            hint = _EO_HINT_RE.search(line)  # where the first match can begin
            m = _EO_RE.search(line, hint.start()) if hint else None
            if not m or not (m.group("eo") or m.group("decl")):
                continue
            eo = m.group("eo")
            value = m.group("value") or ""
            if not m.group("decl"):
                value = value.lstrip(":. ")
                dm = _DECL_WORD_RE.match(value)
                if dm:
                    value = value[dm.end() :]
            return eo, _declassify_value(value)
        return None, None
    except Exception:  # noqa: BLE001
        return None, None


# ---------------------------------------------------------------------------------------
# TAGS


_TAGS_NEEDLES = ("ta", "tg", "ag")  # TAGS, TAGES, TABS, TAG, TGS, TAS, AGS


def parse_tags(text: str) -> list[str]:
    """TAGS in order, upper-cased, run-together codes split and typos corrected."""
    try:
        raw = _tags.find_tags_text(_lines(text), candidates=_iter_lines_with(text, _TAGS_NEEDLES))
        return _tags.parse_tags_text(raw) if raw else []
    except Exception:  # noqa: BLE001
        return []


# ---------------------------------------------------------------------------------------
# SUBJECT

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
_PAGE_BREAK_LINE_RE = re.compile(r"^\s*[A-Z][A-Z .'\-]{1,40}\s0{2,}\d{2,8}\s+\d{3}(?:\.\d)?\s+OF\s")
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


def parse_subject(text: str) -> str | None:
    """SUBJECT (or SUBJ) field, its lines joined, portion marking and entities removed."""
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
                while j < len(lines) and j < i + 8 and not parts[-1].rstrip().endswith("..."):
                    nxt = lines[j].rstrip("\\ \t")
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


# ---------------------------------------------------------------------------------------
# REF

_REF_MARKER_RE = re.compile(
    r"(?:REF(?:S|TELS?|\(S\))?|REFERENCES?)\s*:|R(?<![A-Za-z]R)EF(?:S|TELS?)?(?:\.|\s+(?=[A-Z(\[]))",
    re.IGNORECASE,
)
_REF_END_RE = re.compile(
    r"Classi\w*\s+By\b|CLASSIFIED\s+BY\b|SENSITIVE\s+BUT\s+UNCLASS|Sensitive\s+but\b|"
    r"This\s+message\s|\u00b6\s?1\.|1(?<![\w.]1)\.\s?\(|1(?<![\w.(]1)\.\s+[A-Z]|SUMMARY\b",
    re.IGNORECASE,
)
_PAGE_BREAK_RE = re.compile(
    r"[A-Z][A-Z .'\-]{1,30}\s0{2,}\d{2,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}|"
    r"(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)?(?:\\n|\s)*PAGE\s+\d{2}\s+"
    r"[A-Z][A-Z ]{0,25}\s\d{3,6}\s+(?:\d\d\s+OF\s+\d\d\s+)?\d{6}Z"
)
_REF_CONT_RE = re.compile(
    r"^\s*\u00b6?\s*(?:[A-Za-z][.):]|\([A-Za-z0-9]\)|\[[A-Za-z]\]|\d{3,}\b(?!\.))"
)
_REF_CONT_BAD_RE = re.compile(
    r"^\s*\u00b6?\s*(?:\([A-Za-z]{1,3}\)\s*)(?:SUMMARY|COMMENT|BACKGROUND|THIS|THE|SUMMARY)",
    re.IGNORECASE,
)
_REF_DANGLING_RE = re.compile(r"(?:\b\d{2,4}|\b[A-Z][.):]|[,;]|\bAND)\s*$", re.IGNORECASE)
_REF_TOKEN_RE = re.compile(r"'\d{2}\b|\d+|[A-Za-z][A-Za-z']*|\S")
_YEAR_SUFFIX_RE = re.compile(r"^\(\s*'?(\d{2})\s*\)")
_SEPARATORS = frozenset({",", ";", "AND", "&"})
_ENTRY_JUNK = frozenset({"REF", "REFS", "REFTEL", "REFTELS", "AND", "ALSO"})
_ID_YEAR_RE = re.compile(r"^(\d{2})[A-Z]")
_REF_WORD_TAIL_RE = re.compile(r"\s*(?:S\b|ERENCE)")
_PAGE_OF_RE = re.compile(r"^\s*\d{3}(?:\.\d)?\s+OF\s+\d{3}")
# Only the letter is matched (the digit in a look-ahead): ``sub`` then takes a plain string,
# which it inserts in C, where a template (``0\1``) costs a call into Python each time.
_O_DIGIT_RE = re.compile(r"[Oo](?<![A-Za-z0-9][Oo])(?=\d(?![\d.]))")
_ZERO_LETTERS_RE = re.compile(r"0(?<![A-Za-z0-9]0)(?=[A-Z]{3})")
_LETTERS_ZERO_RE = re.compile(r"0(?<=[A-Z]{3}0)(?=\s)")
_LETTER_WORD_RE = re.compile(r"[A-Za-z]{2,}")
_FUZZY_CACHE: dict[str, str | None] = {}
_FUZZY_POOL_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _code in sorted(set(_STATIONS) | set(_ALIASES)):
    _FUZZY_POOL_BY_FIRST[_code[0]] = _FUZZY_POOL_BY_FIRST.get(_code[0], ()) + (_code,)


def _station(code: str) -> str | None:
    """Station code for the words before a serial (``RIO DE JAN`` -> RIODEJANEIRO), or None."""
    code = _ALIASES.get(code, code)
    if code in _STATIONS:
        return code
    for lead in ("AMEMBASSY", "EMBASSY", "AMCONSUL", "CONSULATE", "USMISSION"):
        if code.startswith(lead) and len(code) > len(lead) + 2:
            rest = _ALIASES.get(code[len(lead) :], code[len(lead) :])
            if rest in _STATIONS:
                return rest
    return None


def _fuzzy_station(code: str) -> str | None:
    """Tolerate the typos of hand-typed REF lines: a cut-off or one letter off."""
    if len(code) < 5:
        return None
    if code in _FUZZY_CACHE:
        return _FUZZY_CACHE[code]
    found: str | None = None
    pool = _FUZZY_POOL_BY_FIRST.get(code[0], ())
    prefixed = {p for p in pool if p.startswith(code)}
    targets = {_ALIASES.get(p, p) for p in prefixed}
    if len(targets) == 1:
        found = targets.pop()
    elif len(code) >= 6:
        near = {
            _ALIASES.get(p, p)
            for p in pool
            if abs(len(p) - len(code)) <= 1 and _edit_distance_le1(code, p)
        }
        if len(near) == 1:
            found = near.pop()
    if len(_FUZZY_CACHE) < 10_000:
        _FUZZY_CACHE[code] = found
    return found


def _edit_distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


def _citing_year(year: int | None, reference_id: str | None) -> int | None:
    if isinstance(year, int) and not isinstance(year, bool):
        return year % 100
    if isinstance(reference_id, str):
        m = _ID_YEAR_RE.match(reference_id)
        if m:
            return int(m.group(1))
    return None


_REF_END_NEEDLES = ("by", "but", "age", "1.", "mmary")  # one is in every match of _REF_END_RE


def _ref_end(text: str) -> re.Match[str] | None:
    return _REF_END_RE.search(text) if has_any(text, _REF_END_NEEDLES) else None


def _dangling(s: str) -> bool:
    """The REF text ends with a serial, a letter, a comma or AND: the list goes on.

    The match ends where the trailing whitespace begins and is at most four characters
    long, so only the tail is searched (``\\b`` still sees the character before it).
    """
    end = len(s.rstrip())
    return _REF_DANGLING_RE.search(s, max(0, end - 4)) is not None


def _ref_block(lines: Sequence[str], candidates: Iterable[int]) -> str | None:
    """The text of the REF field, page-break lines removed; None when there is none.

    ``candidates``: indices of the lines that may hold the marker, in order.
    """
    for i in candidates:
        line = lines[i]
        if "ef" not in line and "EF" not in line and "Ef" not in line:
            continue
        m = search_from(_REF_MARKER_RE, line, ("ref",))
        if not m:
            continue
        if _REF_WORD_TAIL_RE.match(line[m.end() - 1 : m.end() + 6]) and ":" not in m.group(0):
            continue
        parts = [line[m.end() :]]
        end = _ref_end(parts[0])
        if end:
            return parts[0][: end.start()]
        j = i + 1
        while j < len(lines) and j < i + 40:
            nxt = lines[j]
            if "PAGE" in nxt or "\\n" in nxt:
                nxt = _PAGE_BREAK_RE.sub(" ", nxt.replace("\\n", " "))
            if not nxt.strip():
                # A blank line ends the field unless the list obviously goes on.
                k = j
                while k < len(lines) and k < j + 4 and not lines[k].strip():
                    k += 1
                if k >= len(lines) or not parts or not "".join(parts).strip():
                    if k < len(lines) and not "".join(parts).strip():
                        j = max(k, j + 1)  # k == j: a page-break line, blank once cut out
                        continue
                    break
                cand = lines[k]
                if _dangling(parts[-1]) and not _ref_end(cand[:30]):
                    j = max(k, j + 1)
                    continue
                if (
                    _REF_CONT_RE.match(cand) or _PAGE_BREAK_RE.match(cand.strip())
                ) and not _REF_CONT_BAD_RE.match(cand):
                    j = max(k, j + 1)
                    continue
                break
            if _PAGE_BREAK_LINE_RE.match(nxt) or _PAGE_OF_RE.match(nxt):
                j += 1
                continue
            end = _ref_end(nxt)
            if end:
                parts.append(nxt[: end.start()])
                break
            if _match_classification(nxt.strip(), j) is not None:
                break
            parts.append(nxt)
            j += 1
        return "\n".join(parts)
    return None


def _fix_ref_typos(block: str) -> str:
    """``O4`` -> ``04``, ``0TTAWA`` -> ``OTTAWA``, ``SANTIAG0`` -> ``SANTIAGO``."""
    block = _O_DIGIT_RE.sub("0", block)
    block = _ZERO_LETTERS_RE.sub("O", block)
    block = _LETTERS_ZERO_RE.sub("O", block)
    return block


def parse_references(
    text: str, year: int | None = None, reference_id: str | None = None
) -> list[Reference]:
    """REF entries: each a ``Reference(letter, reference_id, text)``.

    ``TBILISI 1605`` without a year takes the citing cable's year (``year``, else the
    2-digit prefix of ``reference_id``). Entries that are not cables (e-mails, IIRs)
    keep ``reference_id=None``. The REF field is tokenised once; no backtracking.
    """
    try:
        block = _ref_block(_lines(text), _iter_lines_with(text, ("ref",)))
        if not block:
            return []
        block = block.replace("\\n", "\n")
        if "PAGE" in block or ("OF" in block and "00" in block):  # what a page break needs
            block = _PAGE_BREAK_RE.sub(" ", block)
        block = _fix_ref_typos(block)
        return _scan_refs(block, _citing_year(year, reference_id), reference_id)
    except Exception:  # noqa: BLE001
        return []


def _scan_refs(block: str, cyear: int | None, own_id: str | None) -> list[Reference]:
    toks = [(m.group(), *m.span()) for m in _REF_TOKEN_RE.finditer(block)]
    n = len(toks)
    out: list[Reference] = []
    letter: str | None = None
    seg_start = 0
    seg_refs = 0
    prev_ref: tuple[int, str, int] | None = None  # (token index of serial, station, year)

    def close_segment(end: int) -> None:
        seg_text = " ".join(block[seg_start:end].split()).strip(" ,;.")
        words = [w for w in _LETTER_WORD_RE.findall(seg_text) if w.upper() not in _ENTRY_JUNK]
        if seg_refs == 0 and words:
            out.append(Reference(letter=letter, reference_id=None, text=seg_text))

    def up(i: int) -> str:
        return toks[i][0].upper() if 0 <= i < n else ""

    i = 0
    while i < n:
        tok, s, e = toks[i]
        # letter markers: (A) [A] A. A) A: and a bare A after a separator
        mark: str | None = None
        width = 0
        if tok in "([" and i + 2 < n and len(toks[i + 1][0]) == 1 and toks[i + 1][0].isalpha():
            if toks[i + 2][0] in ")]":
                mark, width = toks[i + 1][0], 3
        elif len(tok) == 1 and tok.isalpha() and i + 1 < n and toks[i + 1][0] in ".):":
            nxt2 = toks[i + 2][0] if i + 2 < n else ""
            initial = (
                toks[i + 1][0] == "."
                and len(nxt2) == 1
                and nxt2.isalpha()
                and (i + 3 < n and toks[i + 3][0] == ".")
            )
            if not initial and toks[i + 1][2] == toks[i + 1][1] + 1:
                mark, width = tok, 2
                if toks[i + 1][0] == "." and i + 2 < n and toks[i + 2][0] == ")":
                    width = 3
        elif (
            len(tok) == 1
            and tok.isupper()
            and (i == 0 or up(i - 1) in {",", ";", ")", "REF", "REFS"} or up(i - 1).isdigit())
            and i + 1 < n
            and (toks[i + 1][0][:1].isupper() or toks[i + 1][0].isdigit())
            and len(toks[i + 1][0]) > 1
        ):
            mark, width = tok, 1
        if mark is not None:
            close_segment(s)
            letter = mark.upper()
            seg_start = toks[i + width - 1][2]
            seg_refs = 0
            i += width
            continue
        if tok.isdigit() and _is_serial(toks, i):
            found = _cable_at(toks, i, block)
            if found is None and prev_ref is not None:
                # "STATE 41252 AND 44603": the serial shares the previous post and year
                # (checked lazily: most gaps fail on their first token, and a gap can
                # span the whole block when the REF field runs into the text)
                gap = range(prev_ref[0] + 1, i)
                if gap and all(up(k) in _SEPARATORS for k in gap):
                    if not (i + 1 < n and toks[i + 1][0][:1].isalpha()):
                        found = (i, prev_ref[1], prev_ref[2], s)
            if found is not None:
                _, station, yy, start_char = found
                if yy is None:
                    yy = cyear
                ref_year = yy
                m = _YEAR_SUFFIX_RE.match(block[e : e + 8].lstrip())
                if m and found[2] is None:
                    ref_year = int(m.group(1))
                if ref_year is not None:
                    rid = f"{ref_year:02d}{station}{int(tok)}"
                    if rid != own_id:
                        entry = " ".join(block[start_char:e].split())
                        out.append(Reference(letter=letter, reference_id=rid, text=entry))
                    seg_refs += 1
                    prev_ref = (i, station, found[2] if found[2] is not None else ref_year)
                    if found[2] is None:
                        prev_ref = (i, station, ref_year)
        i += 1
    close_segment(len(block))
    seen: set[str] = set()
    unique: list[Reference] = []
    for ref in out:
        if ref.reference_id is None or ref.reference_id not in seen:
            unique.append(ref)
            if ref.reference_id:
                seen.add(ref.reference_id)
    return unique


def _is_serial(toks: list[tuple[str, int, int]], i: int) -> bool:
    tok, s, e = toks[i]
    if len(tok) > 7 and tok.startswith("000"):
        return False  # page-break serial: MADRID 00000869
    if len(tok) > 7:
        return False
    if i > 0 and toks[i - 1][0] in "/." and toks[i - 1][2] == s:
        return False
    if i > 1 and toks[i - 1][0] == "-" and toks[i - 2][0].isdigit():
        return False  # 10/01-02/02
    if i + 1 < len(toks) and toks[i + 1][1] == e and toks[i + 1][0][:1].isalpha():
        return False  # a date-time group: R162245Z
    if i + 1 < len(toks) and toks[i + 1][0] in "/." and toks[i + 1][1] == e:
        nxt = toks[i + 2][0] if i + 2 < len(toks) else ""
        if nxt.isdigit():
            return False  # a date or 1.4
    return True


def _cable_at(
    toks: list[tuple[str, int, int]], i: int, block: str
) -> tuple[int, str, int | None, int] | None:
    """(serial index, station, explicit 2-digit year or None, start char) for a serial."""
    j = i - 1
    if j >= 0 and toks[j][0] in (":", "-"):
        j -= 1
    words: list[int] = []
    while j >= 0 and len(words) < 5:
        t = toks[j][0]
        if t[:1].isalpha() or (t[:1] == "'" and len(t) > 1 and t[1:2].isalpha()):
            words.append(j)
            j -= 1
        elif t == "-" and words:
            j -= 1
        else:
            break
    if not words:
        return None
    words.reverse()
    station: str | None = None
    first = -1
    for size in range(min(len(words), 5), 0, -1):
        sel = words[-size:]
        code = "".join(toks[k][0].upper().replace("'", "") for k in sel)
        st = _station(code)
        if st:
            station, first = st, sel[0]
            break
    if station is None:
        for size in range(1, min(len(words), 5) + 1):
            sel = words[-size:]
            if len(toks[sel[0]][0]) == 1:
                continue
            code = "".join(toks[k][0].upper().replace("'", "") for k in sel)
            st = _fuzzy_station(code)
            if st:
                station, first = st, sel[0]
                break
    if station is None:
        return None
    yy: int | None = None
    start_char = toks[first][1]
    k = first - 1
    if k >= 0 and toks[k][0] == "-":
        k -= 1
    if len(toks[i][0]) == 4 and toks[i][0][:2] in ("19", "20"):
        # "INCSR BRAZIL 2008": a year after a document name, not a telegram
        extra = [w for w in words if w < first and len(toks[w][0]) > 1]
        if extra and toks[extra[-1]][0].upper() not in _ENTRY_JUNK:
            return None
    if k >= 0:
        t = toks[k][0]
        if t.startswith("'") and t[1:].isdigit():
            yy, start_char = int(t[1:]), toks[k][1]
        elif t.isdigit() and len(t) in (2, 3, 4):
            if len(t) != 3 or t.startswith("0"):
                yy, start_char = int(t) % 100, toks[k][1]
        elif t == ")" and k >= 2 and toks[k - 1][0].isdigit() and len(toks[k - 1][0]) == 2:
            if toks[k - 2][0] == "(":
                yy, start_char = int(toks[k - 1][0]), toks[k - 2][1]
    return i, station, yy, start_char


# ---------------------------------------------------------------------------------------
# Classified By

_CLASSIFIED_BY_RE = re.compile(r"C(?<![A-Za-z]C)LASSIFIED\s*BY\b\s*:?", re.IGNORECASE)
_REASON_RE = re.compile(
    r"\b(?:for|per|f0r|under|based\s+(?:up)?on|in\s+accordance\s+with)\s+(?:the\s+)?"
    r"(?:reas|rea\b|re\s*asons?|1\.\s?[45]|12958|e\.?\s?o\b|section|sec\.)|"
    r"\brea?s[o0]?n|\bre?asons?\b|\bresons?\b|\breasins?\b|\be\.?\s?o\.?\s*1\d{3,4}|"
    r"\b1\.\s?[45]\s*\(|\b1\.\s?[45]\s*[a-hA-H]\b|\bdecl\b|\b1\.\s*$|\b1\.\s+4\b|"
    r"\br\s?e\s?a\s?s\s?[o0]\s?n|\bf[o0]r\s+r[ea]|\bbased\s+(?:up)?[o0]n\b|\bunder\s+se|\bras[o0]ns?\b|\bdue\s+to\b|\b1\s?[.,]\s?[45]\b",
    re.IGNORECASE,
)
_REASON_CODE_RE = re.compile(r"\b1\s?\.\s?([4-6])\b|\b1\.\s*\n\s*([45])\b")
_REASON_LETTER_RE = re.compile(r"([a-hA-H])(?<![A-Za-z][a-hA-H])(?![A-Za-z])")
_NAME_TOKEN_RE = re.compile(r"^(?:[A-Z][A-Za-z'\u2019\-]*\.?|[A-Z]\.(?:[A-Z][A-Za-z]*\.?)*)$")
_SUFFIXES = frozenset({"JR", "JR.", "SR", "SR.", "II", "III", "IV"})
_PARTICLES = frozenset({"de", "del", "van", "von", "da", "der", "la", "le", "bin", "al", "el"})

# Words of titles, offices and bureaus that precede or follow the classifier's name.
_TITLE_WORDS = frozenset(
    """
    a/dcm a/s acting action adviser advisor affairs agency ait alternate am amb amb. ambassador
    ambassador-at-large amembassy and assistant at-large attache bureau by cda cg charg charge
    chargé chief classified coordinator cons consul consular couns counsel counselor counsellor
    ct d'affaires das dcm de defense del delegate delegation department dep deputy dept dir
    director division dos e.o econ econcouns econoff embassy emin envoy eur executive for
    general head interagency io ipo isn legal m/c mc mcounselor member minister
    minister-counselor mission nea office officer of pdas permanent pm pol pol-mil polcouns
    polec polecon poloff polmil political principal public provincial rao refcoord regional
    representative rep rso s/ct sca secretary section security senior special spokesman state
    tdy the to u.s. under us usdel useu usun vci wha af eap inl drl prm oes ecc econ/pol a/pol
    p/e pe pol/econ pol/mil pmo acting-dcm counselors economic acdcm affairs, ambassadors
    management consulate consul-general deputy-chief principle officers chiefs usnato usoscea
    usosce office, commercial commerce foreign service resident coordinator's post post's
    narcotics law enforcement political/economic political-military pol/econ/mil ecopol
    economic/political ep e/p epol minister-counsellor ministercounselor mincouns ecmin min
    legatt legat off ltc col ltcol maj gen councilor ecopol coun dpo arso conoff ecpo polmincons
    com congen chairman leader team unit attache labor governance prt guide classification
    director-general minister-counselour
    """.split()
)
_TITLE_FUZZY = tuple(w for w in _TITLE_WORDS if len(w) >= 7 and w.isalpha())
_NUMBER_RE = re.compile(r"\d+\.?\d*")
_DE_END_RE = re.compile(r"DE\s*$", re.IGNORECASE)
_LINE_WORD_RE = re.compile(r"\s*LINE\b", re.IGNORECASE)
_REASON_LINE_RE = re.compile(
    r"^\s*(?:for\b|per\b|reas|\(?[a-h]\)|1\.\s?[45]|e\.?o\.?)", re.IGNORECASE
)
_NUMBERED_PARA_RE = re.compile(r"^\s*\u00b6?\d+\.\s*\(|^\s*\u00b6?\d+\.\s+[A-Z]")
_MARKED_PARA_RE = re.compile(r"^\s*\(\w{1,4}\)")
_PAGE_LINE_RE = re.compile(r"^\s*PAGE\s+\d")
_LEVEL_ONLY_RE = re.compile(r"^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s*$")
_CLOSED_END_RE = re.compile(r"[)\].]\s*$")
_PARA_CUT_RE = re.compile(r"\u00b6\s?\d+\.|\s\d+\.\s?\((?:U|C|S|SBU)[^)]{0,4}\)")
_WORD_FRAGMENT_RE = re.compile(r"^([a-z]{1,3})(?=[\s,.;)]|$)")
_DIGIT_START_RE = re.compile(r"^\d")
_STOP_NAME = frozenset({"for", "per", "reason", "reasons", "based", "on", "upon", "under"})


@lru_cache(maxsize=8192)
def _is_title_word(word: str) -> bool:
    w = word.lower().strip(".,;:()")
    if not w:
        return True
    if w in _TITLE_WORDS or w.rstrip("s") in _TITLE_WORDS:
        return True
    if w.isdigit() or _NUMBER_RE.fullmatch(w):
        return True
    if "/" in w and all(p in _TITLE_WORDS or len(p) <= 4 for p in w.split("/")):
        return True
    if "-" in w and all(_is_title_word(p) for p in w.split("-") if p):
        return True
    if len(w) >= 7 and w.isalpha():
        for t in _TITLE_FUZZY:
            if abs(len(t) - len(w)) <= 2 and t[0] == w[0]:
                sm = SequenceMatcher(None, w, t)
                # quick_ratio() bounds ratio() from above at a fraction of its cost
                if sm.quick_ratio() >= 0.8 and sm.ratio() >= 0.8:
                    return True
    return False


def _classified_by_texts(
    lines: Sequence[str], candidates: Iterable[int]
) -> Iterator[tuple[str, str]]:
    """(text as written, text with broken words rejoined) of each Classified By field.

    ``candidates``: indices of the lines that may hold the marker, in order.
    """
    for i in candidates:
        line = lines[i]
        low = line.lower()  # C, L, A, B, Y have no other case forms: a safe pre-check
        if "by" not in low or "cla" not in low:
            continue
        m = search_from(_CLASSIFIED_BY_RE, line, ("classified",))
        if not m:
            continue
        if _DE_END_RE.search(line[: m.start()]):
            continue
        if _LINE_WORD_RE.match(line[m.end() :]):
            continue  # "CORRECTED COPY - CLASSIFIED BY LINE ADDED"
        raw = [line[m.start() :]]
        after_blank = False
        for nxt in lines[i + 1 : i + 5]:
            if not nxt.strip():
                if len(raw) == 1 and not _REASON_CODE_RE.search(raw[0]) and not after_blank:
                    after_blank = True
                    continue
                break
            if after_blank and not _REASON_LINE_RE.match(nxt):
                break
            if _NUMBERED_PARA_RE.match(nxt) or _MARKED_PARA_RE.match(nxt):
                break
            if _PAGE_BREAK_LINE_RE.match(nxt) or _PAGE_LINE_RE.match(nxt):
                continue
            if _LEVEL_ONLY_RE.match(nxt):
                continue
            raw.append(nxt)
            if _REASON_CODE_RE.search(" ".join(raw)) and _CLOSED_END_RE.search(nxt):
                break
        written = "\n".join(raw).strip()
        cut = _PARA_CUT_RE.search(written)
        if cut:
            written = written[: cut.start()].rstrip()
        joined = raw[0]
        for nxt in raw[1:]:
            frag = _WORD_FRAGMENT_RE.match(nxt)
            if (
                frag
                and joined.rstrip()[-1:].isalpha()
                and frag.group(1) not in {"and", "or", "of", "for", "the", "to", "by", "in"}
            ):
                joined = joined.rstrip() + nxt
            elif _DIGIT_START_RE.match(nxt.lstrip()) and joined.rstrip().endswith("1."):
                joined = joined.rstrip() + nxt.lstrip()
            else:
                joined = joined.rstrip() + " " + nxt.strip()
        if cut:
            c2 = _PARA_CUT_RE.search(joined)
            if c2:
                joined = joined[: c2.start()]
        yield written, joined


_LETTER_RE = re.compile(r"[A-Za-z]")
_LOWER_ABBREV_RE = re.compile(r"\(?[a-z][a-z.]{0,4}\)?,?")
_LOWER_SHORT_RE = re.compile(r"[a-z.]{1,5}")
_KEPT_DOT_RE = re.compile(r"(?:\b[A-Z0-9]|Jr|Sr|JR|SR)\.$")
# The comma and blanks before a suffix (the suffix in a look-ahead, so that ``sub`` takes a
# plain string: see ``_O_DIGIT_RE``).
_SUFFIX_RE = re.compile(r",\s*(?=(?:Jr\.?|Sr\.?|JR\.?|SR\.?|III|II|IV)(?=[\s,.;]|$))")
_ACTING_RE = re.compile(r"\((?:acting|a\.?i\.?|AI|ACTING)\)")
_SLASH_RE = re.compile(r"(?<=[A-Za-z])/(?=[A-Za-z])")
_SEGMENT_SPLIT_RE = re.compile(r"\s*[,;]\s*|\s*:\s*|\s+-\s+|\s+&\s+")
_AND_SPLIT_RE = re.compile(r"\s+(?:and|AND)\s+")
_REASON_STOP_RE = re.compile(r"[A-Za-z]{4,}(?<!\band)\b(?<!and)")
_INITIAL_RE = re.compile(r"^(?:[A-Z0-9]\.){1,3}$|^[A-Z]$|^[A-Z]\.[A-Z][a-z]+$")
_GIVEN_RE = re.compile(r"^[A-Z0-9][A-Za-z0-9'\u2019.\-]*[A-Za-z0-9]$")
_DOTTED_INITIAL_RE = re.compile(r"^(?:[A-Z0-9]\.){1,3}$")
_FUNCTION_WORDS = frozenset({"to", "of", "the", "for", "and", "by", "in", "at", "on"})
_TRAILING_STOP = frozenset(
    {"for", "fr", "f0r", "per", "due", "based", "on", "upon", "under", "to", "or", "f", "acting"}
)


def _norm_word(word: str) -> str:
    return word.replace("0", "o") if _LETTER_RE.search(word) else word


def _is_title_token(tok: str, mixed: bool) -> bool:
    t = tok.strip(",;:()")
    if not t:
        return True
    if _is_title_word(_norm_word(t)):
        return True
    if "/" in t or "&" in t:
        return True
    # an acronym in a mixed-case line is an office (DPO, ARSO, PRT), not a name
    return mixed and len(t) >= 2 and t.isupper() and t.isalpha()


def _name_backward(tokens: list[str], mixed: bool) -> list[str]:
    """The name at the end of tokens: given name(s), initials, surname [, Jr.]."""
    k = len(tokens) - 1
    while k >= 0 and (
        tokens[k].lower().strip(".,;:()") in _TRAILING_STOP or _LOWER_ABBREV_RE.fullmatch(tokens[k])
    ):
        k -= 1
    if k < 0:
        return []
    name: list[str] = []
    base, _, suffix = tokens[k].partition("\x00")
    if not suffix and base.strip(",").upper().rstrip(".") in {"JR", "SR", "II", "III", "IV"}:
        name.append(base)
        k -= 1
        if k < 0:
            return []
        base, _, suffix = tokens[k].partition("\x00")
    surname = base.strip(",;:")
    if surname.endswith(".."):
        return []  # cut by the site: "Ambassador Cl..."
    if not _GIVEN_RE.match(surname.rstrip(".")) or _is_title_token(surname, mixed):
        return []
    name.insert(0, tokens[k].rstrip(",;:"))
    k -= 1
    given = 0
    initials = False
    while k >= 0 and len(name) < 6:
        t = tokens[k].strip(",;:")
        if (_DOTTED_INITIAL_RE.match(t) or (not given and _INITIAL_RE.match(t))) and t != "/":
            name.insert(0, t)
            initials = True
        elif t.lower() in _PARTICLES and not given:
            name.insert(0, t)
        elif given < 2 and _GIVEN_RE.match(t) and not _is_title_token(t, mixed):
            if given == 1:
                # a second given name only fills a slot right after a title: "Officer
                # Jessica Davis Ba", not "AMBASSADOR TO SUDAN TIMOTHY CARNEY"
                prev = tokens[k - 1].strip(",;:") if k > 0 else ""
                if initials or (prev and prev.lower() in _FUNCTION_WORDS):
                    break
                if prev and not _is_title_token(prev, mixed):
                    if not _LOWER_SHORT_RE.fullmatch(prev):
                        break
            name.insert(0, t)
            given += 1
        else:
            break
        k -= 1
    return name


def _name_text(name: list[str]) -> str:
    text = " ".join(name).replace("\x00", ", ")
    text = text.rstrip(",;:")
    if text.endswith(".") and not _KEPT_DOT_RE.search(text):
        text = text[:-1]
    return text


def _names_of(phrase: str) -> tuple[list[str], str | None]:
    """Names and title of the classifier phrase (reasons already cut off)."""
    names, title = _names_and_title(phrase)
    return list(names), title


@lru_cache(maxsize=4096)  # a post's classifiers sign many cables
def _names_and_title(phrase: str) -> tuple[tuple[str, ...], str | None]:
    phrase = _SUFFIX_RE.sub("\x00", phrase)
    phrase = _ACTING_RE.sub(" ", phrase)
    phrase = _SLASH_RE.sub(" / ", phrase)
    mixed = any(c.islower() for c in phrase)
    segments = _SEGMENT_SPLIT_RE.split(phrase)
    found: list[tuple[str, str]] = []  # (name, title)
    singles: list[tuple[str, str]] = []
    for seg_index, seg in enumerate(segments):
        for piece in _AND_SPLIT_RE.split(seg):
            toks = piece.replace("\x00", " \x00").split()
            # re-glue the Jr. suffix marker onto its token
            glued: list[str] = []
            for t in toks:
                if t.startswith("\x00") and glued:
                    glued[-1] = glued[-1] + t
                else:
                    glued.append(t)
            name = _name_backward(glued, mixed)
            if not name:
                continue
            title = " ".join(glued[: len(glued) - len(name)]).strip(" ,;:") or None
            if title is None and seg_index + 1 < len(segments):
                title = segments[seg_index + 1].strip() or None
            text = _name_text(name)
            words = [w for w in name if not _INITIAL_RE.match(w)]
            (found if len(name) >= 2 and words else singles).append((text, title or ""))
    chosen = found or singles[:1]
    names: list[str] = []
    for text, _ in chosen:
        if text not in names:
            names.append(text)
    title = next((t for n, t in chosen if t), None)
    if title:
        title = title.replace(" / ", "/")  # undo the tokenising split: "Political M/C"
    return tuple(names), title


def _reasons(text: str) -> list[str]:
    out: list[str] = []
    m = _REASON_CODE_RE.search(text)
    if not m:
        return out
    code = m.group(1) or m.group(2)
    tail = text[m.end() : m.end() + 60]
    stop = _REASON_STOP_RE.search(tail)
    if stop and stop.group(0).lower() not in ("and",):
        tail = tail[: stop.start()]
    for lm in _REASON_LETTER_RE.finditer(tail):
        r = f"1.{code}({lm.group(1).lower()})"
        if r not in out:
            out.append(r)
    return out


def parse_classified_by(text: str) -> ClassifiedBy | None:
    """``Classified By: Political M/C Alice G. Wells for reasons 1.4 (b/d).``"""
    try:
        first: ClassifiedBy | None = None
        for n, (written, joined) in enumerate(
            _classified_by_texts(_lines(text), _iter_lines_with(text, ("cla",)))
        ):
            if n >= 3:
                break
            body = _CLASSIFIED_BY_RE.sub("", joined, count=1)
            # "Classified By: Classified by DCM ...", "Classified By: This message classified by"
            again = _CLASSIFIED_BY_RE.search(body[:50])
            if again:
                body = body[again.end() :]
            reason = _REASON_RE.search(body)
            phrase = body[: reason.start()] if reason else body
            phrase = phrase.strip(" ,;:-\t")
            names, title = _names_of(phrase)
            found = ClassifiedBy(names=names, title=title, reasons=_reasons(joined), text=written)
            if names:
                return found
            first = first or found
        return first
    except Exception:  # noqa: BLE001
        return None
