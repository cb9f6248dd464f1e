"""Find the cables in a document: zero, one or several, with other text around them.

One pass over the lines. Each line gets a kind from the grammar of cables:
routing lines (``VZCZC``, ``DE RUEHMO #1488``, ``P 051306Z JUN 09``, ``FM AMEMBASSY``),
the classification line (``C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488``),
header lines (``E.O. 12958``, ``TAGS:``, ``SUBJECT:``, ``Classified By:``), numbered
paragraphs (``1. (C)``), page-break lines (``MOSCOW 00001488  002 OF 002``) and end
lines (signature, ``NNNN``, a trailing classification). Some kinds open a cable,
and the others are *anchors* that prove the cable still runs there.

A cable ends at its last anchor (with the continuation lines of that anchor's
paragraph), never at the next start: whatever follows the last numbered paragraph
or signature without a cable marker (a comment form, a news story, navigation) is
left out, and text between two anchors (headings, unnumbered paragraphs) is kept.
A new cable starts where a start marker cannot belong to the current one: a
classification line or routing block after the body began, a page-break line of
another cable, a header line (``E.O.``, ``TAGS:``) after the body began, or
paragraph numbering that restarts at 1.
"""

from __future__ import annotations

import re

import msgspec


class Segment(msgspec.Struct, kw_only=True):
    """One cable's span of a document's text (lines 1-based, inclusive)."""

    text: str
    start_line: int
    end_line: int
    reference_hint: str | None = None  # "MOSCOW 1488": post and serial of its own lines


# Line kinds.
_CLASS = 1  # classification line with post and serial
_ROUTE = 2  # routing header line (can open a cable)
_ROUTE_WEAK = 3  # routing-like line that only counts inside a header (TO, INFO, ZNY ...)
_HEADER = 4  # E.O., TAGS, SUBJECT, Classified By: opens a cable, restarts after a body
_HEADER_WEAK = 5  # REF, SIPDIS, NOFORN ...: anchor only
_PARA = 6  # numbered paragraph
_PAGE = 7  # page-break line
_END = 8  # NNNN, CABLE ENDS, trailing classification line
_ITEM = 9  # lettered sub-paragraph, "--" bullet, End summary/comment: anchor only
_SIG = 10  # a possible signature (short all-caps line): anchor right after the body only

_CLASS_WORD = (
    r"(?:C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L"
    r"|S\s?E\s?C\s?R\s?E\s?T"
    r"|U\s?N\s?C\s?L\s?A\s?S(?:\s?S\s?I\s?F\s?I\s?E\s?D)?"
    r"|LIMITED\s+OFFICIAL\s+USE)"
)
_CLASS_LINE = re.compile(
    r"S?\s?(?P<cls>" + _CLASS_WORD + r")(?:\s*//\s*[A-Za-z]+)*"
    r"(?P<extra>(?:\s+(?:E\s?F\s?T\s?O|NOFORN|NOCONTRACT|SIPDIS|EXDIS|NODIS|LIMDIS|STADIS"
    r"|SENSITIVE|FOR\s+OFFICIAL\s+USE\s+ONLY|SECTION\s+\d{1,2}\s+OF\s+\d{1,2}))*)"
    r"\s+(?P<post>[A-Za-z][A-Za-z.'\-]*(?:\s{1,2}[A-Za-z][A-Za-z.'\-]*){0,3})"
    r"\s+(?P<serial>\d{2,7})\s*$",
    re.IGNORECASE,
)
_CLASS_ONLY = re.compile(_CLASS_WORD + r"(?:\s*//\s*[A-Z ]+)?\s*$")
_PAGE_LINE = re.compile(
    r"(?P<post>[A-Z][A-Z.'\-]*(?:\s[A-Z][A-Z.'\-]*){0,3})\s+(?P<serial>\d{3,8})"
    r"\s+(?P<page>\d{1,3})\s+OF\s+(?P<total>\d{1,3})\s*$"
)
_PARA_LINE = re.compile(
    r"¶?\s?(?P<num>\d{1,2})\s?[.)](?:\s+|$|(?=\())(?:\((?P<mark>[A-Za-z/ ]{1,14})\))?"
)
_ROUTE_LINE = re.compile(
    r"(?:VZCZC"
    r"|DE\s+[A-Z]{4,5}\s*#\s?\d"
    r"|(?:[OPRZ]{1,2}\s+)?\d{6}Z\s+[A-Z][A-Za-z]{2}\s+\d{2,4}\s*$"
    r"|FM\s+(?:AMEMBASSY|AMEMB|AMCONSUL|AMCONSULATE|SECSTATE|USMISSION|USDEL|USINT|USOFFICE"
    r"|USLO|AIT|AMB|USEU|USNATO|USUN|CDR|CJCS|JOINT\s+STAFF|SECDEF|DIRNSA|CIA|DIA|HQ)\b"
    r"|This record is a partial extract of the original cable"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4},\s+\d{1,2}:\d\d\s*$"
    r"|Cable dated:\s*\d{4}-\d\d-\d\d)"
)
_ROUTE_WEAK_LINE = re.compile(
    r"(?:(?:TO|INFO|XMT|ACTION)\s+(?:R[A-Z]{3,4}/|SECSTATE|AMEMBASSY|AMCONSUL|USMISSION)"
    r"|R[A-Z]{3,4}/[A-Z]"
    r"|Z[A-Z]{2}\s+[A-Z]{5}\s+Z[A-Z]{2}"
    r"|(?:OO|PP|RR|ZZ|OP|PR|RP|[OPRZ])\s+R[A-Z]{3,4}(?:\s+R[A-Z]{3,4})*\s*$"
    r"|BT\s*$|#\d{4}\s*$)"
)
_HEADER_LINE = re.compile(
    r"(?:E\.?\s?O\.?\s*1\d{4}\b"
    r"|TAGS?\s*:?\s+[A-Z]{2,}"
    r"|SUBJ(?:ECT)?\s*:"
    r"|(?:Classified|CLASSIFIED)\s+(?:By|BY|by)\b)"
)
_HEADER_WEAK_LINE = re.compile(
    r"(?:REFS?\s*:"
    r"|(?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS|STADIS|E\s?F\s?T\s?O|CXMOSCOW)\s*$"
    r"|DECL(?:ASSIFY)?\s*:"
    r"|(?:DEPT|DEPARTMENT)\s+(?:FOR|PASS)\b)"
)
_END_LINE = re.compile(r"(?:NNNN\s*$|=+\s*CABLE ENDS|END\s+(?:OF\s+)?(?:TEXT|MESSAGE|CABLE)\b)")
_ITEM_LINE = re.compile(
    r"(?:[A-Z]\s?[.)]\s+\((?:[A-Z/]{1,6})\)"
    r"|--\s?\S"
    r"|\(?(?:END|End)\s+(?:SUMMARY|Summary|summary|COMMENT|Comment|comment|NOTE|Note|note)\b)"
)
_SIG_LINE = re.compile(r"[A-Z][A-Z.'\-]*(?:[ /][A-Z][A-Z.'\-]*){0,2}\s*$")
_NOT_SIG = frozenset(
    "MENU HOME SEARCH RELATED SHARE COMMENTS COMMENT REPLY ADVERTISEMENT TAGS ARCHIVES "
    "CATEGORIES NEXT PREVIOUS LOGIN LOGOUT SUBSCRIBE RSS TWITTER FACEBOOK EMAIL PRINT "
    "SUMMARY BACKGROUND".split()
)
# Page chrome that ends a paragraph's continuation even without a blank line.
_CHROME = re.compile(
    r"(?:Leave a (?:Reply|Comment)|Share this|Like this|Related|Posted (?:in|by|on)|Filed under"
    r"|Categories|Comments?\b|Reply\b|Tweet|Advertisement|Read more|Click here|Subscribe"
    r"|Please log in|You are commenting|Notify me|Post Comment|Loading)",
    re.IGNORECASE,
)

_MAX_GAP = 60  # non-blank unanchored lines after which a cable is taken to have ended
_SIG_GAP = 30  # unanchored lines a signature or trailer may stand below the last anchor
_LONG_LINE = 4000  # longer lines are never a cable marker (keeps matching cheap)
_LOWER_STARTS = frozenset("csulvph")  # first letters of the case-blind patterns


_TRAILER_LINE = re.compile(
    r"(?:Visit\b.{0,60}\bClassified\s+Web\s?site|Please visit\b.{0,60}\bClassified"
    r"|https?://\S*\.(?:sgov|intelink)\.|[*=_#~-]{5,}\s*$)",
    re.IGNORECASE,
)

# Every marker in one alternation, most specific first: a prose line (most lines)
# then costs one failed match instead of ten.
_ORDER = (
    (_PARA, _PARA_LINE),
    (_CLASS, _CLASS_LINE),
    (_PAGE, _PAGE_LINE),
    (_ROUTE, _ROUTE_LINE),
    (_HEADER, _HEADER_LINE),
    (_HEADER_WEAK, _HEADER_WEAK_LINE),
    (_ROUTE_WEAK, _ROUTE_WEAK_LINE),
    (_END, _CLASS_ONLY),
    (_END, _END_LINE),
    (_ITEM, _ITEM_LINE),
    (_SIG, _TRAILER_LINE),
)
_GROUP = re.compile(r"\(\?P<\w+>")
_DIGIT_END = frozenset((_CLASS, _PAGE))  # these end in a serial or page count


def _plain(pattern: re.Pattern[str]) -> str:
    body = _GROUP.sub("(?:", pattern.pattern)
    return f"(?i:{body})" if pattern.flags & re.IGNORECASE else f"(?:{body})"


def _combined(skip: frozenset[int]) -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?P<k{i}>{_plain(p)})" for i, (kind, p) in enumerate(_ORDER) if kind not in skip)
    )


# Every marker in one alternation, most specific first: a prose line (most lines)
# then costs one failed match instead of ten. Lines that do not end in a digit
# skip the two patterns that need one.
_ANY = _combined(frozenset())
_ANY_NO_DIGIT_END = _combined(_DIGIT_END)


def _detail(s: str, hit: re.Match[str]) -> tuple[int, re.Match[str] | None]:
    """The kind and detailed match of a line the combined pattern matched."""
    first = int(hit.lastgroup[1:])  # type: ignore[index]
    for kind, pattern in _ORDER[first:]:
        m = pattern.match(s)
        if m is None:
            continue
        if kind == _CLASS and not _class_ok(m):
            continue
        return kind, m
    return 0, None


def _class_ok(m: re.Match[str]) -> bool:
    """Sentence-case classification lines need a padded serial or a SECTION clause:
    prose such as "Secret talks began in 2009" has neither."""
    serial = m.group("serial")
    upper = m.group("cls").isupper() and m.group("post").isupper()
    padded = len(serial) >= 5 and serial[0] == "0"
    return (upper and len(serial) >= 3) or padded or "ECTION" in m.group("extra").upper()


class _Cable:
    __slots__ = ("start", "end", "hint", "body", "last_para", "marked", "has_class")

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start  # last line proven to be cable text
        self.hint: str | None = None
        self.body = False  # a paragraph or page break was seen
        self.last_para = 0
        self.marked = False  # its paragraphs carry portion markings: (C), (SBU)
        self.has_class = False


def _hint(m: re.Match[str]) -> str | None:
    post = " ".join(m.group("post").upper().split())
    try:
        return f"{post} {int(m.group('serial'))}"
    except ValueError:  # pragma: no cover - the pattern only admits digits
        return None


def segment(text: str) -> list[Segment]:
    """The cables in ``text``, in order; none when it carries no cable marker."""
    if not isinstance(text, str) or not text:
        return []
    lines = text.split("\n")
    n = len(lines)
    # Pass 1: the kind of every line (-1 blank, 0 prose) and the non-blank count
    # before each line, so that "how much unmarked text since the last anchor" is a
    # subtraction. Only marked lines go on to pass 2.
    kinds: list[int] = [0] * n
    found: dict[int, re.Match[str] | None] = {}
    marks: list[int] = []
    nb_before: list[int] = [0] * (n + 1)
    count = 0
    match_any = _ANY.match
    match_nd = _ANY_NO_DIGIT_END.match
    for i, line in enumerate(lines):
        nb_before[i] = count
        s = line.strip()
        if not s:
            kinds[i] = -1
            continue
        count += 1
        if len(s) > _LONG_LINE or (s[0].islower() and s[0] not in _LOWER_STARTS):
            continue  # prose: only a sentence-case classification or a trailer starts lower
        hit = (match_any if s[-1].isdigit() else match_nd)(s)
        if hit is None:
            if len(s) <= 40 and s[0].isupper() and _SIG_LINE.match(s):
                if s.split()[0].rstrip(".") not in _NOT_SIG:
                    kinds[i] = _SIG
                    marks.append(i)
            continue
        kind, m = _detail(s, hit)
        if kind:
            kinds[i] = kind
            found[i] = m
            marks.append(i)
    nb_before[n] = count
    if not marks:
        return []

    cables: list[_Cable] = []
    cur: _Cable | None = None

    def continuation_end(i: int) -> int:
        """Last line of the paragraph that starts at ``i``: its non-blank unmarked lines."""
        j = i + 1
        while j < n and kinds[j] == 0:
            line = lines[j]
            if line[:1].isupper() and _CHROME.match(line):
                break
            j += 1
        return j - 1

    def open_at(i: int) -> _Cable:
        nonlocal cur
        if cur is not None:
            cables.append(cur)
        # Take in the routing/preamble lines right above (after the previous cable).
        start = i
        floor = cur.end + 1 if cur is not None else 0
        j = i - 1
        while j >= floor and kinds[j] in (-1, _ROUTE, _ROUTE_WEAK):
            if kinds[j] != -1:
                start = j
            j -= 1
        cur = _Cable(start)
        return cur

    for i in marks:
        kind = kinds[i]
        m = found.get(i)
        gap = nb_before[i] - nb_before[cur.end + 1] if cur is not None else 0
        if cur is not None and gap > _MAX_GAP:
            cables.append(cur)
            cur = None
            gap = 0
        extend = True
        if kind == _CLASS:
            hint = _hint(m) if m else None
            if cur is None or ((cur.body or cur.has_class) and not _same_cable(cur.hint, hint)):
                cur = open_at(i)
            cur.has_class = True
            cur.hint = cur.hint or hint
            extend = False
        elif kind == _ROUTE:
            if cur is None or cur.body or (cur.has_class and cur.end < i - 2):
                cur = open_at(i)
        elif kind == _ROUTE_WEAK:
            if cur is None or cur.body or gap > 0:
                continue
        elif kind == _HEADER:
            if cur is None or cur.body:
                cur = open_at(i)
        elif kind == _PARA:
            num = int(m.group("num")) if m else 0
            marked = bool(m and m.group("mark") and _is_marking(m.group("mark")))
            if cur is None:
                if not marked:
                    continue  # a numbered list in prose: not a cable
                cur = open_at(i)
            elif num == 1 and cur.last_para >= 2 and marked == cur.marked:
                cur = open_at(i)  # numbering restarts: a new cable whose header was lost
            elif num > cur.last_para + 6 or (num < cur.last_para and num != 1):
                continue  # a number in the text (a list), not this cable's next paragraph
            cur.body = True
            if num > cur.last_para:
                cur.last_para = num
            cur.marked = cur.marked or marked
        elif kind == _PAGE:
            hint = _hint(m) if m else None
            if cur is None or not _same_cable(cur.hint, hint):
                cur = open_at(i)
            cur.hint = cur.hint or hint
            cur.body = True
            extend = False
        elif kind == _SIG:
            # A signature or trailer stands a little below the body: only there it counts.
            if cur is None or not cur.body or gap > _SIG_GAP:
                continue
            extend = False
        else:  # _HEADER_WEAK, _ITEM, _END: they prove a cable goes on, never start one
            if cur is None:
                continue
            extend = kind != _END
        end = continuation_end(i) if extend else i
        if end > cur.end:
            cur.end = end
    if cur is not None:
        cables.append(cur)
    return [
        Segment(
            text="\n".join(lines[c.start : c.end + 1]),
            start_line=c.start + 1,
            end_line=c.end + 1,
            reference_hint=c.hint,
        )
        for c in cables
    ]


_MARKINGS = frozenset(
    "U C S TS SBU CUI FOUO NF REL LOU SB S/NF C/NF S/REL C/REL TS/NF U/FOUO SBU/NF "
    "C/REL/NF S/ NF NOFORN".split()
)


def _is_marking(mark: str) -> bool:
    """``C``, ``S/NF``, ``SBU``: a portion marking, not a parenthesised word."""
    key = mark.strip().upper().replace(" ", "")
    return key in _MARKINGS or (len(key) <= 6 and key.split("/")[0] in {"U", "C", "S", "TS", "SBU"})


def _same_cable(a: str | None, b: str | None) -> bool:
    """Whether two hints name the same cable. Page-break lines cut the post name to ten
    characters (``BUENOS AIR 00001462``), so the serial decides, with the post's start."""
    if a is None or b is None:
        return True
    post_a, _, serial_a = a.rpartition(" ")
    post_b, _, serial_b = b.rpartition(" ")
    return serial_a == serial_b and post_a[:4] == post_b[:4]
