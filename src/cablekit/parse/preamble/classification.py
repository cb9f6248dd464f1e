"""The classification line: ``C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
