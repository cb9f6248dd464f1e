"""Reference ids: ``09MOSCOW1488`` = two-digit year, station code, serial without zeros.

Ids are written in many broken ways: OCR-damaged (``08SECTON01OF02BEIRUT896``),
shortened (``05RIO123``), with handling words run in (``09EFTOLONDON2187``) or
typos in the station (``07SOIA828``). :func:`canonical_reference_id` repairs them
against the table of known station codes; :func:`make_reference_id` builds one
from the parts found in a cable.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cablekit.parse.posts import CODE_ALIASES, KNOWN_STATIONS

# YY, then the middle (station, maybe with junk), then the serial.
_ID_RE = re.compile(r"^(\d{2})(\w*?)(\d+)$")
# Numbers run in after the serial: "MADRID002583ZFR2585", "STATE255577TOSEC140323".
_FIRST_SERIAL_RE = re.compile(r"^(\d{2})([A-Z]+?)(\d+)(?:ZFR|TOSEC|SECTO|ZDK)\d+$")
_LAST_SERIAL_RE = re.compile(r"^(\d{2})([A-Z]+?)\d+(?:SUSPECTEDDUPLICATE|DUPLICATE)(\d+)$")
_NON_ALNUM_RE = re.compile(r"[^A-Z0-9]")
_LAST_DIGIT_RE = re.compile(r"^.*\d")
# Longer than any real id (the longest, with junk run in, is about 40 characters).
_MAX_ID = 80

# Words that get run into the station part of an id: handling captions, the tail of
# "CLASSIFIED", FM-line prefixes, office names in front of a city.
_JUNK_PREFIXES: tuple[str, ...] = (
    "AMEMBASSY",
    "EMBASSY",
    "AMCONSUL",
    "CONSULATE",
    "USMISSION",
    "CLASSIFIED",
    "SIFIED",
    "NOFORN",
    "EFTO",
    "SENSITIVE",
    "LIMDIS",
    "EXDIS",
    "NODIS",
    "RPO",
    "FSC",
)
_JUNK_SUFFIXES: tuple[str, ...] = ("WASHDC", "WASH", "DC")
# Spellings that the site itself uses for one post in both forms; ids compare equal
# only when one form is chosen (cablemap's choice, kept for equivalence).
_ID_ALIASES: dict[str, str] = {"TAIPEI": "AITTAIPEI"}

_STATIONS_BY_LEN: dict[int, list[str]] = {}
# Short aliases (BA, BKK, PAP) are left out: every three-letter typo would be near one.
for _s in KNOWN_STATIONS | {a for a in CODE_ALIASES if len(a) >= 5}:
    _STATIONS_BY_LEN.setdefault(len(_s), []).append(_s)


def _osa_distance(a: str, b: str, limit: int) -> int:
    """Edit distance with adjacent transpositions, cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        row_min = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            row_min = min(row_min, v)
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _resolve(code: str) -> str:
    return CODE_ALIASES.get(code, code)


@lru_cache(maxsize=4096)
def canonical_station_code(code: str) -> str:
    """Repair a station code: known codes and aliases as is, junk stripped, typos fixed.

    An unknown code is matched to the known code (or alias) nearest in edit
    distance when the match is unique and close for the code's length; otherwise
    it is kept, so a post missing from the table is not turned into another.
    """
    if code in KNOWN_STATIONS or len(code) > _MAX_ID:
        return code
    if code in CODE_ALIASES:
        return _resolve(code)
    for prefix in _JUNK_PREFIXES:
        if code.startswith(prefix) and len(code) > len(prefix) + 1:
            rest = canonical_station_code(code[len(prefix) :])
            if rest in KNOWN_STATIONS or prefix in ("EFTO", "AMEMBASSY", "EMBASSY"):
                return rest
    for suffix in _JUNK_SUFFIXES:
        if code.endswith(suffix) and len(code) > len(suffix) + 2:
            rest = code[: -len(suffix)]
            if rest in KNOWN_STATIONS or rest in CODE_ALIASES:
                return _resolve(rest)
    # "MADRIDSP": a country code run in.
    if len(code) > 4 and (code[:-2] in KNOWN_STATIONS):
        return code[:-2]
    n = len(code)
    if n < 3:
        return code
    limit = 1 if n < 7 else 2
    best: list[str] = []
    best_d = limit + 1
    for length in range(n - limit, n + limit + 1):
        for cand in _STATIONS_BY_LEN.get(length, ()):
            d = _osa_distance(code, cand, limit)
            if d < best_d:
                best, best_d = [cand], d
            elif d == best_d and d <= limit:
                best.append(cand)
    resolved = {_resolve(c) for c in best}
    if best_d <= limit and len(resolved) == 1:
        return resolved.pop()
    # A cut-short station: "HALIF" -> HALIFAX, "KUALALUMP" -> KUALALUMPUR.
    if n >= 5:
        hits = {_resolve(s) for s in KNOWN_STATIONS if s.startswith(code)}
        if len(hits) == 1:
            return hits.pop()
    return code


def canonical_reference_id(value: object) -> str:
    """Canonical form of a reference id as written; the input (stripped) if it has no id shape."""
    try:
        if not isinstance(value, str):
            return ""
        if len(value) > 2 * _MAX_ID:
            return value.strip()
        text = _NON_ALNUM_RE.sub("", value.upper())
        if len(text) > _MAX_ID:
            return value.strip()
        m = _FIRST_SERIAL_RE.match(text) or _LAST_SERIAL_RE.match(text)
        if m:
            year, middle, serial = m.group(1), m.group(2), m.group(3)
        else:
            m = _ID_RE.match(text)
            if not m:
                return value.strip()
            year, middle, serial = m.group(1), m.group(2), m.group(3)
        # "7575LIBREVILLE", "SECTION01OF02BEIRUT", "0901OF02RPODUBAI": drop through the last digit.
        middle = _LAST_DIGIT_RE.sub("", middle)
        if not middle:
            return value.strip()
        station = canonical_station_code(middle)
        station = _ID_ALIASES.get(station, station)
        number = serial.lstrip("0") or "0"
        return f"{year}{station}{number}"
    except Exception:  # noqa: BLE001 - never raise on odd input
        return ""


_YEAR_RE = re.compile(r"^\s*(\d{2}|\d{4})\s*$")
_SERIAL_RE = re.compile(r"^\s*0*(\d{1,7})\s*$")


def make_reference_id(year: object, post: object, serial: object) -> str | None:
    """Id from its parts: ``(2009, "RIO DE JANEIRO", "001488")`` -> ``09RIODEJANEIRO1488``."""
    try:
        if isinstance(year, bool):
            return None
        if isinstance(year, int):
            year = str(year)
        ym = _YEAR_RE.match(year) if isinstance(year, str) else None
        sm = _SERIAL_RE.match(serial) if isinstance(serial, str) else None
        if not ym or not sm or not isinstance(post, str):
            return None
        yy = ym.group(1)[-2:]
        code = _NON_ALNUM_RE.sub("", post.upper())
        if not code or not code.isalpha():
            return None
        station = canonical_station_code(code)
        return f"{yy}{station}{int(sm.group(1))}"
    except Exception:  # noqa: BLE001 - never raise on odd input
        return None
