"""The routing header above a cable's text: where it ends, and what it says.

A full header looks like::

    VZCZCXRO8973
    RR RUEHBC RUEHDE RUEHKUK
    DE RUEHTRO #0936/01 3101127
    ZNY CCCCC ZZH
    R 061127Z NOV 07
    FM AMEMBASSY TRIPOLI
    TO RUEHC/SECSTATE WASHDC 2803
    INFO RUEHRO/AMEMBASSY ROME 0322
    RUEHEE/ARAB LEAGUE COLLECTIVE

Older and re-keyed cables carry only part of it (``P 051306Z JUN 09`` / FM / TO /
INFO), a State distribution block (``ACTION NEA-00``, ``INFO LOG-00 EEB-00 ...``),
a ``Telegram...`` caption or a ``PAGE 01 ...`` line. Press-format copies replace
it all with a date line: ``Friday, 23 February 2001, 15:53``.
Everything here is line-based with anchored patterns, so no input is slow.
"""

from __future__ import annotations

import re
from functools import lru_cache

import msgspec

from cablekit.model import Recipient, Routing
from cablekit.parse.posts import canonical_station, origin_for_fm

_MONTHS: dict[str, int] = {
    m: i + 1
    for i, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
    )
}
_FULL_MONTHS: dict[str, int] = {
    m: i + 1
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}
_PRECEDENCE_LETTERS: dict[str, str] = {
    "Z": "FLASH",
    "O": "IMMEDIATE",
    "P": "PRIORITY",
    "R": "ROUTINE",
}
_PRECEDENCE_WORDS = frozenset({"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"})
_NAME_WORD_POPPED = _PRECEDENCE_WORDS | {"NIACT"}

# "O 051306Z JUN 09", "P R 221403Z NOV 06 ZDS", "301931Z OCT 09".
_DTG_RE = re.compile(
    r"^(?:([OPRZ])\s+)?(?:([OPRZ])\s+)?(\d{2})(\d{2})(\d{2})Z\s+([A-Z]{3})\s+(\d{4}|\d{2})\b"
)
# "DE RUEHMO #1488/01 1561306"
_DE_RE = re.compile(r"^DE\s+([A-Z0-9]{4,8})\s*#\s*(\d{1,6})(?:/(\d{1,3}))?(?:\s+(\d{3})(\d{4}))?")
# "RR RUEHWEB", "OO RUEHBC RUEHDBU", "PP RUEHDE" and their continuation lines.
_PREC_ROUTE_RE = re.compile(r"^(?:[OPRZ]{2}\s+)?R[A-Z]{3,6}(?:\s+R[A-Z]{3,6})*\s*$")
_PREC_ROUTE_START_RE = re.compile(r"^[OPRZ]{2}\s+R[A-Z]{3,6}\b")
_ZNY_RE = re.compile(r"^Z[A-Z]{2}\s+[A-Z]{5}\b")
# State's distribution block: "ACTION NEA-00", "INFO  LOG-00   EEB-00 ...", "/001W".
_DIST_RE = re.compile(r"^(?:(?:ACTION|INFO)\s+)?[A-Z]{1,5}-\d{2}\b")
_DIST_END_RE = re.compile(r"^(?:\(?[A-Z]{1,5}-\d{2}\b|\)|/\d{3}\s*[A-Z]?$)")
_DASHES_RE = re.compile(r"^-{5,}")
_PAGE_RE = re.compile(r"^PAGE\s+\d{2}\b")
_ROUTE_RE = re.compile(r"^([A-Z][A-Z0-9]{3,7})/(.+)$")
_MCN_RE = re.compile(r"^\d{4}$")
# The first line of the text proper: the classification line.
_CLASSIFICATION_RE = re.compile(
    r"^(?:UNCLAS|UNCLASSIFIED|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|S?S\s?E\s?C\s?R\s?E\s?T"
    r"|T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T|L\s?I\s?M\s?I\s?T\s?E\s?D\s+O\s?F\s?F\s?I\s?C\s?I\s?A\s?L)\b"
)
_FULL_CLASSIFICATION_RE = re.compile(r"(?:\bSECTION\s+\d+\s+OF\s+\d+\b|\b\d{3,7}\b)", re.I)
# A classification line whose first letters were lost ("O N F I D E N T I A L ... 000014").
_SECTION_RE = re.compile(r"\bSECTION\s+\d+\s+OF\s+\d+\b", re.I)
_PADDED_SERIAL_END_RE = re.compile(r"[A-Z]\s+0\d{4,6}\s*$")
_NUMBER_ONLY_RE = re.compile(r"^\d{5,}$")
_NO_WORD_RE = re.compile(r"^[^A-Za-z0-9]+$")
# Text markers that end a search for a header: a quoted header after them is text.
_TEXT_MARKER_RE = re.compile(r"^(?:TAGS\b|SUBJECT\b|SUBJ\b|E\.\s?O\.)", re.I)
_PARAGRAPH_RE = re.compile(r"^\d{1,2}\.\s")
# "FM AMEMBASSY MOSCOW"; "From: AMCONSUL TIJUANA" in some re-keyed copies (but not
# the "From: CBPC, EACTAPP [...]" line of an e-mail).
_FM_RE = re.compile(r"^(?:FM\s+|From:\s*(?=[A-Z][A-Z .'/-]*$))(.*)$")
# "id: 90003", "Class: SECRET", "CLASSIFICATION: CONFIDENTIAL": a label, not an address.
_LABEL_RE = re.compile(r"^[A-Za-z][A-Za-z .]{0,24}:")
# Lines that can only be cable text, never an address.
_BODY_START_RE = re.compile(
    r"^(?:SIPDIS|E\.\s?O\.|EO\s+\d|TAGS\b|SUBJECT\b|SUBJ\b|REF\b|REFS\b|SENSITIVE\b"
    r"|NOFORN\b|DEPT\s+FOR\b|DEPARTMENT\s+FOR\b|FOR\s+[A-Z]|CLASSIFIED\s+BY|\d{1,2}\.\s)",
    re.I,
)
# "Friday, 23 February 2001, 15:53"
_DATE_LINE_RE = re.compile(
    r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+(\d{1,2})\s+"
    r"([A-Za-z]{3,9})\s+(\d{4}),\s+(\d{1,2}):(\d{2})\s*$"
)
_CABLE_DATED_RE = re.compile(r"^\s*Cable dated:\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")
_CABLE_DATED_ALONE_RE = re.compile(r"^\s*Cable dated:\s*[\d:T-]{16,19}\s*$")


def _is_date_line(s: str) -> bool:
    """A date line standing alone in place of (or under) the routing header."""
    return bool(_DATE_LINE_RE.match(s) or _CABLE_DATED_ALONE_RE.match(s))


_BLOCK_WORDS = frozenset({"TO", "INFO", "XMT"})
_MAX_HEADER_LINES = 200
_MAX_LINE = 300


class RoutingInfo(msgspec.Struct, kw_only=True):
    """What the routing header tells: the parsed header plus derived values.

    ``station`` is the sending post as an id spells it (``MOSCOW``, ``STATE``),
    derived from the FM line; ``routing.station`` is the DE line's routing
    indicator (``RUEHMO``).
    """

    routing: Routing = msgspec.field(default_factory=Routing)
    precedence: str | None = None
    created: str | None = None  # "2009-06-05T13:06Z"
    year: int | None = None
    origin: str | None = None
    serial: str | None = None  # "1488", zeros dropped
    station: str | None = None


def _full_year(yy: str) -> int:
    if len(yy) == 4:
        return int(yy)
    n = int(yy)
    return 1900 + n if n >= 66 else 2000 + n


def parse_dtg(line: str) -> tuple[str | None, str | None, int | None]:
    """``O 051306Z JUN 09`` -> (``IMMEDIATE``, ``2009-06-05T13:06Z``, 2009); Nones if not a DTG."""
    try:
        m = _DTG_RE.match(line.strip()[:_MAX_LINE])
        return _dtg_fields(m) if m else (None, None, None)
    except Exception:  # noqa: BLE001 - never raise on odd input
        return None, None, None


def _dtg_fields(m: re.Match[str]) -> tuple[str | None, str | None, int | None]:
    """``parse_dtg`` of a match of ``_DTG_RE`` (``parse_routing`` has matched it already)."""
    letter, _, day, hh, mm, mon, yy = m.groups()
    month = _MONTHS.get(mon)
    if not month:
        return None, None, None
    d, h, mi = int(day), int(hh), int(mm)
    if not 1 <= d <= 31 or h > 24 or mi > 59:
        return None, None, None
    year = _full_year(yy)
    if (day + hh + mm).isascii():
        # Two ASCII digits each: already zero-padded (\d also takes other scripts' digits).
        created = f"{year:04d}-{month:02d}-{day}T{hh}:{mm}Z"
    else:
        created = f"{year:04d}-{month:02d}-{d:02d}T{h:02d}:{mi:02d}Z"
    return _PRECEDENCE_LETTERS.get(letter) if letter else None, created, year


def parse_date_line(line: str) -> str | None:
    """``Friday, 23 February 2001, 15:53`` -> ``2001-02-23T15:53`` (press-format date line).

    Also reads the ``Cable dated:2009-02-23T13:07:00`` caption of some re-keyed copies.
    """
    try:
        if not isinstance(line, str):
            return None
        line = line[:_MAX_LINE]
        m = _DATE_LINE_RE.match(line)
        if m:
            day, mon, year, hh, mm = m.groups()
            month = _FULL_MONTHS.get(mon.lower())
            if not month or not 1 <= int(day) <= 31 or int(hh) > 23 or int(mm) > 59:
                return None
            return f"{year}-{month:02d}-{int(day):02d}T{int(hh):02d}:{mm}"
        m = _CABLE_DATED_RE.match(line)
        if m:
            y, mo, d, hh, mm = m.groups()
            if not 1 <= int(mo) <= 12 or not 1 <= int(d) <= 31:
                return None
            return f"{y}-{mo}-{d}T{hh}:{mm}"
        return None
    except Exception:  # noqa: BLE001
        return None


def _is_classification_line(s: str) -> bool:
    """A classification line: ``C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488``.

    A lone ``CONFIDENTIAL`` (the caption of an e-mailed copy) does not count.
    """
    return bool(_CLASSIFICATION_RE.match(s)) and bool(_FULL_CLASSIFICATION_RE.search(s))


def _is_preamble_line(s: str) -> bool:
    """A line that can stand above the FM line of a header."""
    return (
        not s
        or s.startswith(("VZCZC", "Telegram", "BT"))
        or bool(_PREC_ROUTE_RE.match(s))
        or bool(_PREC_ROUTE_START_RE.match(s))
        or bool(_DE_RE.match(s))
        or bool(_ZNY_RE.match(s))
        or bool(_DIST_RE.match(s))
        or bool(_DIST_END_RE.match(s))
        or bool(_DASHES_RE.match(s))
        or bool(_PAGE_RE.match(s))
        or bool(_DTG_RE.match(s))
    )


def _find_anchor(lines: list[str]) -> int:
    """Index of the header's FM line (or DTG line when FM is missing), -1 if no header."""
    dtg = -1
    seen_class = False
    n = min(len(lines), _MAX_HEADER_LINES)
    for i in range(n):
        s = lines[i].strip()[:_MAX_LINE]
        if _is_fm_line(s):
            return i
        if dtg < 0 and _DTG_RE.match(s):
            dtg = i
            continue
        if _PARAGRAPH_RE.match(s) or (seen_class and _TEXT_MARKER_RE.match(s)):
            break
        if _is_classification_line(s) and not s.startswith("Telegram"):
            # Either the text began without a header, or this is the caption of a
            # forwarded copy whose header follows: go on until a text marker.
            seen_class = True
            if dtg >= 0:
                break
            continue
        if dtg >= 0 and not _is_preamble_line(s):
            break
    if dtg >= 0 and all(_is_preamble_line(lines[j].strip()[:_MAX_LINE]) for j in range(dtg)):
        return dtg
    # A fragment that keeps only the address lines: "TO AMEMBASSY NEW DELHI PRIORITY".
    first = next((s for s in lines[:3] if s.strip()), "")
    if _ADDRESS_LINE_RE.match(first.strip()[:_MAX_LINE]):
        return lines.index(first)
    return -1


_ADDRESS_LINE_RE = re.compile(
    r"^(?:TO|INFO)\s+(?:[A-Z0-9]{4,8}/|PAGE\s+\d\d\s|(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|"
    r"USEU|USDEL|USINT|AIT|SECDEF|JOINT STAFF|CIA|NSC|DIA|CDR|HQ)\b|[A-Z ]{3,60}\bCOLLECTIVE\b)"
)


def _is_fm_line(s: str) -> bool:
    # The literal test first: nearly every line fails it, and it is cheaper than the regex.
    return s.startswith(("FM", "From:")) and (s == "FM" or bool(_FM_RE.match(s)))


# An address line with a route, in upper case: no classification line (those begin with
# U, C, S, T or L), no label (no colon), no lower case. Of the body-start words only REFS
# can end at the slash, and SECTION is the one word the "ECT" test below looks for.
_ROUTED_ADDRESS_RE = re.compile(r"R[A-Z0-9]{3,7}/[A-Z0-9 .,/()'&-]*")


@lru_cache(maxsize=4096)
def _is_body_start(s: str) -> bool:
    """True for a line that can only be cable text (cached: each header line is asked
    by ``split_header``, again by ``parse_routing`` and by ``_parse_addressees``)."""
    if _ROUTED_ADDRESS_RE.fullmatch(s) and "ECT" not in s and not s.startswith("REFS/"):
        return False  # the usual address line: no test below can hold (see the pattern)
    if _is_classification_line(s) or _BODY_START_RE.match(s):
        return True
    if (
        _LABEL_RE.match(s)
        or ("ect" in s.lower() and _SECTION_RE.search(s))  # E, C, T: one case form each
        or _NUMBER_ONLY_RE.match(s)
        or _NO_WORD_RE.match(s)
    ):
        return True
    if "/" not in s and _PADDED_SERIAL_END_RE.search(s):
        return True
    # Addresses are upper case; a line with lower-case words is text.
    if s == s.upper():
        return False  # no lower-case letter at all (the usual address line)
    lower = sum(1 for ch in s if "a" <= ch <= "z")
    return lower > 3


def split_header(lines: list[str]) -> int:
    """Index of the first line of the cable text (the classification line), 0 if no header.

    A press-format date line (``Friday, 23 February 2001, 15:53``) standing alone
    on the first line counts as the header: the text starts after it.
    """
    try:
        return _cut(lines) if lines else 0
    except Exception:  # noqa: BLE001 - never raise on odd input
        return 0


def _cut(lines: list[str]) -> int:
    """``split_header`` proper: the index of the first text line."""
    anchor = _find_anchor(lines)
    if anchor < 0:
        first = next((i for i, ln in enumerate(lines[:5]) if ln.strip()), None)
        if first is not None and _is_date_line(lines[first][:_MAX_LINE]):
            j = first + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            return j
        return 0
    i = anchor
    n = len(lines)
    in_block = False
    while i < n:
        s = lines[i].strip()[:_MAX_LINE]
        if not s:
            i += 1
            continue
        if _is_fm_line(s) or s.startswith(("TO ", "INFO ", "XMT ", "XMT/")) or s in _BLOCK_WORDS:
            in_block = True
            i += 1
            continue
        if s == "BT":
            i += 1
            continue
        if _is_body_start(s):
            if _is_date_line(s):
                # A press-format date line under a header: part of the header.
                i += 1
                continue
            return i
        if in_block or _is_preamble_line(s):
            i += 1
            continue
        return i
    return n


def parse_recipient(line: str) -> Recipient | None:
    """``RUEHC/SECSTATE WASHDC IMMEDIATE 2484`` -> route, name, precedence, mcn."""
    if not isinstance(line, str):
        return None
    return _recipient(line.strip()[:_MAX_LINE])


# The usual address line in one match: route, single-spaced name, precedence, MCN. The lazy
# name leaves the last words to the precedence and MCN groups exactly as the word-by-word
# reading of ``_recipient_words`` does; any other line (no route, odd spacing) goes there.
_RECIPIENT_RE = re.compile(
    r"([A-Z][A-Z0-9]{3,7})/(\S+(?: \S+)*?)"
    r"(?: (NIACT IMMEDIATE|FLASH|IMMEDIATE|PRIORITY|ROUTINE))?(?: (\d{4}))?"
)


def _recipient(s: str) -> Recipient | None:
    """``parse_recipient`` of a stripped, cut line."""
    m = _RECIPIENT_RE.fullmatch(s)
    if m is not None:
        route, name, precedence, mcn = m.groups()
        # A route "XMT..." is no route. The name keeps one word even where the word-by-word
        # reading takes it as precedence or MCN and finds no name ("RUEHC/ROUTINE").
        if not route.startswith("XMT") and not (
            name.endswith("NIACT")
            or (" " not in name and (name in _NAME_WORD_POPPED or name.isdecimal()))
        ):
            return Recipient(route=route, name=name, precedence=precedence, mcn=mcn)
    return _recipient_words(s)


def _recipient_words(s: str) -> Recipient | None:
    """``parse_recipient`` word by word, for any line."""
    if not s:
        return None
    route = None
    m = _ROUTE_RE.match(s) if "/" in s[4:9] else None  # the slash ends a 4-8 letter route
    if m and not m.group(1).startswith("XMT"):
        route, s = m.group(1), m.group(2)
    words = s.split()
    mcn = None
    if words and _MCN_RE.match(words[-1]):
        mcn = words.pop()
    precedence = None
    if words and words[-1] in _PRECEDENCE_WORDS:
        precedence = words.pop()
        if precedence == "IMMEDIATE" and words and words[-1] == "NIACT":
            words.pop()
            precedence = "NIACT IMMEDIATE"
    if not words:
        return None
    return Recipient(route=route, name=" ".join(words), precedence=precedence, mcn=mcn)


def _parse_addressees(lines: list[str]) -> tuple[list[Recipient], list[Recipient], str | None]:
    """TO and INFO recipients of the lines after FM; also the FM value."""
    to: list[Recipient] = []
    info: list[Recipient] = []
    fm: str | None = None
    target: list[Recipient] | None = None
    excluded = False  # after XMT: posts the message is *not* sent to
    for raw in lines:
        s = raw.strip()[:_MAX_LINE]
        if not s:
            continue
        if _is_fm_line(s):
            m = _FM_RE.match(s)
            fm = (m.group(1).strip() if m else "") or None
            target = None
            continue
        if s.startswith("TO ") or s.startswith("INFO "):
            head, _, rest = s.partition(" ")
            rest = rest.strip()
            if head == "INFO" and _DIST_RE.match(rest):
                target = None  # State's office distribution list, not addressees
                continue
            target = to if head == "TO" else info
            excluded = False
            s = rest
            if not s:
                continue
        if target is None:
            if _is_body_start(s):
                break
            continue
        if s.startswith(("XMT ", "XMT/")) or s == "XMT":
            excluded = True
            continue
        if excluded:
            continue
        if s.startswith("PAGE") and _PAGE_RE.match(s):
            continue
        if _is_body_start(s):
            break
        rec = _recipient(s)
        if rec is not None:
            target.append(rec)
    return to, info, fm


@lru_cache(maxsize=2048)
def _station_for_fm(fm: str) -> str | None:
    """Id station code of an FM value: ``AMEMBASSY THE HAGUE`` -> THEHAGUE."""
    words = fm.upper().split("//")[0].split()
    if not words:
        return None
    kind = words[0]
    if kind in ("SECSTATE", "STATE"):
        return "STATE"
    if kind in ("AMEMBASSY", "AMCONSUL", "USMISSION", "USINT", "USLO", "REO", "USOFFICE", "USEU"):
        rest = words[1:]
        if kind == "USMISSION" and rest[:1] == ["UNVIE"]:
            return "UNVIEVIENNA"
    elif kind in ("AIT", "RPO", "IRAN", "USUN", "SECDEF"):
        rest = words
    else:
        return None
    if not rest:
        return None
    return canonical_station(" ".join(rest))


def parse_routing(lines: list[str]) -> RoutingInfo:
    """Parse the routing header at the top of ``lines`` (or all of ``lines`` if it is a header).

    Never raises; fields not found stay None / empty.
    """
    try:
        if not lines:
            return RoutingInfo()
        end = split_header(lines)
        if end > 0:
            header = lines[:end]
        else:
            # No FM/DTG anchor: only a bare TO/INFO address block at the very top counts.
            first = next((ln.strip() for ln in lines[:_MAX_HEADER_LINES] if ln.strip()), "")
            if first.startswith(("TO ", "INFO ")) and not _DIST_RE.match(first[5:].strip()):
                header = lines[:_MAX_HEADER_LINES]
            else:
                header = []
        return _parse_header(header, lines[:5])
    except Exception:  # noqa: BLE001 - never raise on odd input
        return RoutingInfo()


def parse_header(header: list[str]) -> RoutingInfo:
    """Parse lines already cut as the routing header (by ``split_header``).

    Never raises; fields not found stay None / empty.
    """
    return _parse_header(header, header[:5])


def _parse_header(header: list[str], top: list[str]) -> RoutingInfo:
    """The fields of the header lines; ``top`` is where a press-format date line may stand."""
    info = RoutingInfo()
    try:
        routing = info.routing
        dtg_seen = False
        fm_index = -1
        for i, raw in enumerate(header):
            s = raw.strip()[:_MAX_LINE]
            if not s:
                continue
            if routing.de is None:
                m = _DE_RE.match(s)
                if m:
                    routing.de = s
                    routing.station = m.group(1)
                    routing.message_number = m.group(2)
                    info.serial = str(int(m.group(2)))
                    continue
            if not dtg_seen and fm_index < 0:
                m = _DTG_RE.match(s)
                if m:
                    prec, created, year = _dtg_fields(m)
                    if created:
                        dtg_seen = True
                        routing.dtg = m.group(0)[m.start(3) :].strip()
                        info.precedence, info.created, info.year = prec, created, year
                    continue
            if fm_index < 0 and _is_fm_line(s):
                fm_index = i
                if routing.de is not None:
                    break  # nothing below the FM line is read here but a late DE line
        if fm_index >= 0 or any(raw.lstrip().startswith(("TO ", "INFO ")) for raw in header):
            start = fm_index if fm_index >= 0 else 0
            to, cc, fm = _parse_addressees(header[start:])
            routing.to, routing.info, routing.fm = to, cc, fm
        if routing.fm:
            info.origin = origin_for_fm(routing.fm)
            info.station = _station_for_fm(routing.fm)
        if info.precedence == "IMMEDIATE" and any(
            r.precedence == "NIACT IMMEDIATE" for r in routing.to
        ):
            info.precedence = "NIACT IMMEDIATE"
        if info.created is None:
            for raw in top:
                created = parse_date_line(raw)
                if created:
                    info.created = created
                    info.year = int(created[:4])
                    break
    except Exception:  # noqa: BLE001 - never raise on odd input
        return info
    return info
