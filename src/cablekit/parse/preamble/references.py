"""The REF field: each entry a ``Reference`` with the canonical id of the cable it cites."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cablekit.model import Reference
from cablekit.parse.preamble.classification import _match_classification
from cablekit.parse.preamble.lines import _PAGE_BREAK_LINE_RE, _iter_lines_with, _lines
from cablekit.parse.tags import has_any, search_from

try:  # the posts table (cablekit.parse.posts); a minimal fallback otherwise
    from cablekit.parse.posts import CODE_ALIASES as _ALIASES
    from cablekit.parse.posts import KNOWN_STATIONS as _STATIONS
except Exception:  # noqa: BLE001 - keep the preamble usable on its own
    _ALIASES = {"SECSTATE": "STATE", "HAGUE": "THEHAGUE"}
    _STATIONS = frozenset({"STATE"})


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
    text: object, year: int | None = None, reference_id: str | None = None
) -> list[Reference]:
    """REF entries: each a ``Reference(letter, reference_id, text)``.

    ``TBILISI 1605`` without a year takes the citing cable's year (``year``, else the
    2-digit prefix of ``reference_id``). Entries that are not cables (e-mails, IIRs)
    keep ``reference_id=None``. The REF field is tokenised once; no backtracking.
    """
    if not isinstance(text, str):
        return []
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
