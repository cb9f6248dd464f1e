"""Find the cables in a document: zero, one or several, with other text around them.

Three passes over the lines.

1. Each line gets a kind from the grammar of cables: routing lines (``VZCZC``,
   ``DE RUEHMO #1488``, ``P 051306Z JUN 09``, ``FM AMEMBASSY``), the classification
   line (``C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488``), header lines
   (``E.O. 12958``, ``TAGS:``, ``SUBJECT:``, ``Classified By:``), numbered paragraphs,
   page-break lines (``MOSCOW 00001488  002 OF 002``, ``PAGE 02 ROME 03639 01 OF 03
   231626Z``), end lines (signature, ``NNNN``, a trailing classification) - or the
   kind of page chrome (a comment form, ``Share this``, a line in a non-Latin script).
2. Starts. A cable starts at a start marker whose identity (post and serial) differs
   from the current cable's: a classification or page-break line of another cable,
   or a routing header after the current cable's body whose own classification line
   names another cable. The same identity again (a page break, a section's repeated
   classification line and header, a record that repeats its routing header) continues
   the cable: page breaks never split one.
3. Ends. Every line from a cable's start to the next start belongs to it unless it is
   chrome: the cable stops at the first chrome line, and after a clear end (a
   signature, a trailing classification line, ``NNNN``, ``End comment.``) followed by
   a blank line it stops unless what comes next is still cable text (a signature, the
   next numbered paragraph, a page break). Cable prose without markers (annexes,
   lists of names, unnumbered paragraphs) is kept because nothing ends the cable
   before it.
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
_BLANK = -1
_PROSE = 0
_CLASS = 1  # classification line with post and serial
_ROUTE = 2  # routing header line (can open a cable)
_ROUTE_WEAK = 3  # routing-like line that only counts inside a header (TO, INFO, ZNY ...)
_HEADER = 4  # E.O., TAGS, SUBJECT, Classified By
_HEADER_WEAK = 5  # REF, SIPDIS, NOFORN ...
_PARA = 6  # numbered paragraph
_PAGE = 7  # page-break line
_END = 8  # NNNN, CABLE ENDS, trailing classification line
_ITEM = 9  # lettered sub-paragraph, "--" bullet, End summary/comment
_SIG = 10  # a possible signature (short all-caps line)
_TRAILER = 11  # "Please visit ... Classified Website", a row of asterisks
_CHROME = 12  # page chrome: the cable ends before it
_WEB = 13  # a URL or e-mail address alone, "Comments": chrome unless cable text follows
_OLD_PAGE = 14  # "PAGE 02 ROME 03639 01 OF 03 231626Z": a _PAGE once matched

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
# "Ankara 00000536 002 of 002": in sentence case only with a padded serial.
_PAGE_LOWER_LINE = re.compile(
    r"(?P<post>[A-Z][a-z.'\-]+(?:\s[A-Z][a-z.'\-]+){0,2})\s+(?P<serial>0\d{4,7})"
    r"\s+(?P<page>\d{1,3})\s+of\s+(?P<total>\d{1,3})\s*$"
)
# The page header of older cables, often run into the first line of the page's text.
_OLD_PAGE_LINE = re.compile(
    r"PAGE\s+\d{1,3}\s+(?P<post>[A-Z][A-Z.'\-]*(?:\s[A-Z][A-Z.'\-]*){0,2})\s+(?P<serial>\d{3,8})"
    r"(?:\s+\d{1,3}\s+OF\s+\d{1,3})?\s+\d{6}Z"
)
_PARA_LINE = re.compile(
    r"¶?\s?(?P<num>\d{1,2})(?:\s?[.)](?:\s+|$|(?=[(A-Z]))|\s(?=\([A-Z/]{1,6}\)))"
    r"(?:\((?P<mark>[A-Za-z/ ]{1,14})\))?"
)
_ROUTE_LINE = re.compile(
    r"(?:VZCZC"
    r"|DE\s+[A-Z]{4,6}\s*#\s?\d"
    r"|(?:[OPRZ]{1,2}\s+){0,2}\d{6}Z\s+[A-Z][A-Za-z]{2}\s+\d{2,4}(?:\s+Z[A-Z]{2}\d?)*\s*$"
    r"|FM\s+(?:AMEMBASSY|AMEMB|AMCONSUL|AMCONSULATE|SECSTATE|USMISSION|USDEL|USINT|USOFFICE"
    r"|USLO|AIT|AMB|USEU|USNATO|USUN|CDR|CJCS|JOINT\s+STAFF|SECDEF|DIRNSA|CIA|DIA|HQ)\b"
    r"|This record is a partial extract of the original cable"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4},\s+\d{1,2}:\d\d\s*$"
    r"|Cable dated:\s*\d{4}-\d\d-\d\d)"
)
_DE_SERIAL = re.compile(r"DE\s+[A-Z]{4,6}\s*#\s?(\d{1,7})")
_ROUTE_WEAK_LINE = re.compile(
    r"(?:(?:TO|INFO|XMT|ACTION)\s+(?:R[A-Z]{3,6}/|SECSTATE|AMEMBASSY|AMCONSUL|USMISSION)"
    r"|R[A-Z]{3,6}/[A-Z]"
    r"|Z[A-Z]{2}\s+[A-Z]{5}\s+Z[A-Z]{2}"
    r"|(?:OO|PP|RR|ZZ|OP|PR|RP|[OPRZ])\s+R[A-Z]{3,6}(?:\s+R[A-Z]{3,6})*\s*$"
    r"|BT\s*$|#\d{4}\s*$"
    # The distribution list a State copy carries: "INFO  LOG-00   EEB-00 ... /018W"
    r"|(?:(?:ACTION|ORIGIN|INFO)\s+)?[A-Z]{1,6}-\d\d(?:\s+(?:[A-Z]{1,6}-\d\d|/\d{3}W))*\s*$"
    r"|-{5,}[0-9A-F]{6}\s+\d{6}Z\s+/\d+\s*$)"
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
_END_LINE = re.compile(
    r"(?:NNNN\s*$|=+\s*CABLE ENDS|END\s+(?:OF\s+)?(?:MESSAGE|CABLE)\b|End\s+Cable\s+Text\b)"
)
_ITEM_LINE = re.compile(
    r"(?:[A-Z]\s?[.)]\s+\((?:[A-Z/]{1,6})\)|¶\s?[A-Za-z]{1,3}\s?[.)]"
    r"|--\s?\S|END\s+(?:OF\s+)?TEXT\b"
    r"|\(?(?:END|End)\s+(?:SUMMARY|Summary|summary|COMMENT|Comment|comment|NOTE|Note|note)\b)"
)
_SIG_LINE = re.compile(r"[A-Z][A-Z.'\-]*(?:[ /][A-Z][A-Z.'\-]*){0,2}\s*\"?\s*$")
_NOT_SIG = frozenset(
    "MENU HOME SEARCH RELATED SHARE COMMENTS COMMENT REPLY ADVERTISEMENT TAGS ARCHIVES "
    "CATEGORIES NEXT PREVIOUS LOGIN LOGOUT SUBSCRIBE RSS TWITTER FACEBOOK EMAIL PRINT "
    "SUMMARY BACKGROUND".split()
)
_TRAILER_LINE = re.compile(
    r"(?:Visit\b.{0,60}\bClassified\s+Web\s?site|Please visit\b.{0,60}\bClassified"
    r"|https?://\S*\.(?:sgov|intelink)\.|[*=_#~-]{5,}\s*$)",
    re.IGNORECASE,
)
# Blog and web-page chrome, case-sensitive: a cable says ``TAGS:`` and ``COMMENT``. A
# cable's ``Tags: prel, pgov`` (press format) is not chrome: blog tags are words.
_CHROME_LINE = re.compile(
    r"(?:Leave a (?:Reply|Comment)\b|Log (?:Out|In|in)\b|Please log in\b"
    r"|You are commenting using\b|Connecting to %s|(?:Share|Like) this\b"
    r"|Related(?: (?:posts?|articles?|stories|entries))?:?\s*$|Posted (?:in|by|on)\b"
    r"|Filed (?:under|in)\b|Tags:\s*(?:[A-Za-z]{6,}|[A-Za-z]+ [A-Za-z]+)"
    r"|Comments are closed|No comments|\d+ (?:Comments?|Responses?|Replies|thoughts on)\b"
    r"|Notify me of|Post Comment\s*$|Fill in your details|Subscribe\b|Advertisements?\s*$"
    r"|Copyright\s*(?:©|\(c\)|\d{4})|©|All rights reserved|Powered by\b|Blog at WordPress)"
)
_WEB_LINE = re.compile(r"Comments\s*$")
_CABLE_DOMAIN = re.compile(r"\.(?:sgov|intelink|state\.gov)\b")
_END_COMMENT = re.compile(r"(?:END|End|end)\s+(?:OF\s+|of\s+)?(?:COMMENT|Comment|comment)\W*$")
# A signature in name case: "Martinez", "van Voorst", "LeBaron", "Sobel."
_NAME_LINE = re.compile(
    r"(?:[a-z]{1,3}\s)?[A-Z][A-Za-z'\-]{1,20}(?:\s[A-Z][A-Za-z'\-]{1,20})?\W{0,2}$"
)
# Letters of scripts other than Latin (Greek to Hangul, CJK), not punctuation.
_OTHER_SCRIPT = re.compile("[\u0370-\u1fff\u2c00-\ud7ff\uf900-\ufdff\ufe70-\ufefe]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_PUNCT_LINE = re.compile(r"[\W_]{1,3}$")
_ID_LINE = re.compile(r"(?:19|20)\d\d[A-Z][A-Z ]{1,20}\d{3,}\b")  # "2005VATICA00467 - ..."
_HEAD_KINDS = frozenset((_HEADER, _HEADER_WEAK, _ROUTE, _ROUTE_WEAK, _CLASS))
_SENTENCE_END = frozenset(".!?\"')")

_WRAP_MIN, _WRAP_MAX = 45, 80  # widths of the full lines of a cable's wrapped paragraph
_HEAD_GAP = 4  # non-blank unmarked lines after a header line that mean the body began
_MAX_GAP = 60  # non-blank lines a cable marker may stand below the end of the cable's text
_LONG_LINE = 4000  # longer lines are never a cable marker (keeps matching cheap)

_ORDER = (
    (_PARA, _PARA_LINE),
    (_CLASS, _CLASS_LINE),
    (_PAGE, _PAGE_LINE),
    (_PAGE, _PAGE_LOWER_LINE),
    (_OLD_PAGE, _OLD_PAGE_LINE),
    (_ROUTE, _ROUTE_LINE),
    (_HEADER, _HEADER_LINE),
    (_HEADER_WEAK, _HEADER_WEAK_LINE),
    (_ROUTE_WEAK, _ROUTE_WEAK_LINE),
    (_END, _CLASS_ONLY),
    (_END, _END_LINE),
    (_ITEM, _ITEM_LINE),
    (_TRAILER, _TRAILER_LINE),
    (_CHROME, _CHROME_LINE),
    (_WEB, _WEB_LINE),
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
# then costs one failed match instead of fourteen. Lines that do not end in a digit
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
        return (_PAGE if kind == _OLD_PAGE else kind), m
    return _PROSE, None


def _class_ok(m: re.Match[str]) -> bool:
    """Sentence-case classification lines need a padded serial or a SECTION clause:
    prose such as "Secret talks began in 2009" has neither."""
    serial = m.group("serial")
    upper = m.group("cls").isupper() and m.group("post").isupper()
    padded = len(serial) >= 5 and serial[0] == "0"
    return (upper and len(serial) >= 3) or padded or "ECTION" in m.group("extra").upper()


def _non_latin(s: str) -> bool:
    """Mostly letters of another script (Georgian, Cyrillic, Arabic ...): a cable is
    ASCII, so such a line is the page's own text."""
    other = len(_OTHER_SCRIPT.findall(s))
    return other >= 3 and other * 2 >= len(_LATIN.findall(s))


def _web_only(s: str) -> bool:
    """A URL or an e-mail address alone on its line, not a cable's classified-site link."""
    if " " in s or "\t" in s:
        return False
    if "://" in s or s.startswith("www."):
        return _CABLE_DOMAIN.search(s) is None
    at = s.find("@")
    return 0 < at and "." in s[at:]


def _hint(m: re.Match[str]) -> str | None:
    post = " ".join(m.group("post").upper().split())
    try:
        return f"{post} {int(m.group('serial'))}"
    except ValueError:  # pragma: no cover - the pattern only admits digits
        return None


def _classify(
    lines: list[str],
) -> tuple[list[int], dict[int, re.Match[str] | None], list[int], list[int]]:
    """Pass 1: the kind of every line, the matches, the marked lines, and the count of
    non-blank lines before each line (so that gaps are a subtraction)."""
    n = len(lines)
    kinds: list[int] = [_PROSE] * n
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
            kinds[i] = _BLANK
            continue
        count += 1
        if not s.isascii() and _non_latin(s):
            kinds[i] = _CHROME
            continue
        if len(s) > _LONG_LINE:
            continue
        if s[0].islower():
            if " " not in s and _web_only(s):  # prose otherwise
                kinds[i] = _WEB
            continue
        hit = (match_any if s[-1].isdigit() else match_nd)(s)
        if hit is None:
            if len(s) <= 40 and s[0].isupper() and _SIG_LINE.match(s):
                if s.split()[0].rstrip(".") not in _NOT_SIG:
                    kinds[i] = _SIG
                    marks.append(i)
            elif _web_only(s):
                kinds[i] = _WEB
            elif ".sgov." in s or "intelink." in s:
                kinds[i] = _TRAILER  # "Please visit us at http://www.state.sgov.gov/..."
                marks.append(i)
            continue
        kind, m = _detail(s, hit)
        if kind == _PROSE and _web_only(s):
            kind = _WEB
        if kind:
            kinds[i] = kind
            found[i] = m
            if kind not in (_CHROME, _WEB):
                marks.append(i)
    nb_before[n] = count
    return kinds, found, marks, nb_before


class _Cable:
    """A cable being delimited in pass 2."""

    __slots__ = ("start", "hint", "serial", "body", "head", "strength", "has_header", "ended")

    def __init__(self, start: int) -> None:
        self.start = start
        self.hint: str | None = None  # "MOSCOW 1488" from its classification/page lines
        self.serial: int | None = None  # message number of its DE line
        self.body = False  # a numbered paragraph or page break since the last header line
        self.head = start  # its last header line (classification, routing, E.O. ...)
        self.strength = 0  # cable markers seen: one alone (a stray "Classified by") is no cable
        self.has_header = False  # an E.O., TAGS, SUBJECT or Classified By line
        self.ended = False  # a signature or end line since its last paragraph


def _same_cable(a: str | None, b: str | None) -> bool:
    """Whether two hints name the same cable. Page-break lines cut the post name to ten
    characters (``BUENOS AIR 00001462``, ``VATICA 05960``), so the serial decides, with
    the post's start."""
    if a is None or b is None:
        return True
    post_a, _, serial_a = a.rpartition(" ")
    post_b, _, serial_b = b.rpartition(" ")
    if serial_a != serial_b:
        return False
    # "RPO DUBAI" and "DUBAI", a heading run into a page line: "THE WAY FORWARD BRASILIA".
    return post_a[:4] == post_b[:4] or post_a.endswith(post_b) or post_b.endswith(post_a)


def _serial_matches(cable: _Cable, serial: int | None) -> bool | None:
    """Whether a DE line's message number fits the cable (it is the serial's last
    four digits); None when either is unknown."""
    if serial is None:
        return None
    if cable.serial is not None:
        return cable.serial % 10000 == serial % 10000
    if cable.hint is not None:
        try:
            return int(cable.hint.rpartition(" ")[2]) % 10000 == serial % 10000
        except ValueError:  # pragma: no cover
            return None
    return None


def _starts(
    lines: list[str],
    kinds: list[int],
    found: dict[int, re.Match[str] | None],
    marks: list[int],
    nb_before: list[int],
) -> list[_Cable]:
    """Pass 2: where each cable starts, by the identity of its start markers."""
    cables: list[_Cable] = []
    cur: _Cable | None = None
    pending = -1  # start of a routing block after the current cable's body
    pending_serial: int | None = None

    def open_at(i: int, floor: int) -> _Cable:
        nonlocal cur
        if cur is not None and cur.strength >= 2:
            cables.append(cur)
        # Take in the routing lines right above (after the previous cable's start).
        start = i
        j = i - 1
        take = (
            (_BLANK, _ROUTE, _ROUTE_WEAK)
            if cur is not None
            else (_BLANK, _ROUTE, _ROUTE_WEAK, _END)
        )
        while j > floor and kinds[j] in take:
            if kinds[j] != _BLANK:
                start = j
            j -= 1
        cur = _Cable(start)
        return cur

    def body_began(c: _Cable, i: int) -> bool:
        return c.body or nb_before[i] - nb_before[c.head + 1] > _HEAD_GAP

    for i in marks:
        kind = kinds[i]
        m = found.get(i)
        floor = cur.start if cur is not None else -1
        if kind in (_CLASS, _PAGE):
            hint = _hint(m) if m else None
            if pending >= 0:
                if cur is not None and (
                    _same_cable(cur.hint, hint)
                    if cur.hint is not None
                    else _serial_matches(cur, int(m.group("serial")) if m else None)
                ):
                    pending = -1  # the same cable's header repeated (a section, a dump row)
                else:
                    cur = open_at(pending, floor)
                    cur.serial = pending_serial
                    cur.strength += 1
                    pending = -1
            elif cur is None:
                cur = open_at(i, floor)
            elif cur.hint is None:
                # A cable known only by its routing or header lines: another cable's
                # line opens a new one once the body began or the serials disagree.
                if _serial_matches(cur, int(m.group("serial")) if m else None) is not True and (
                    cur.body or (cur.has_header and body_began(cur, i))
                ):
                    cur = open_at(i, floor)
            elif not _same_cable(cur.hint, hint):
                cur = open_at(i, floor)
            cur.hint = cur.hint or hint
            cur.strength += 1
            cur.head = i
            cur.body = kind == _PAGE
            cur.ended = False
        elif kind == _ROUTE:
            de = _DE_SERIAL.match(lines[i].strip())
            serial = int(de.group(1)) if de else None
            if pending >= 0:
                pending_serial = pending_serial or serial
                if cur is not None and _serial_matches(cur, serial):
                    pending = -1  # the cable's own routing header, repeated
                continue
            if cur is None:
                cur = open_at(i, floor)
            elif (cur.hint is not None or cur.has_header) and body_began(cur, i):
                if _serial_matches(cur, serial) is not True:
                    pending, pending_serial = i, serial
                continue
            elif _serial_matches(cur, serial) is False:
                cur = open_at(i, floor)  # a header straight after another cable's header
            cur.serial = cur.serial or serial
            cur.strength += 1
            cur.head = i
        elif kind == _ROUTE_WEAK or kind == _HEADER_WEAK:
            if cur is not None and pending < 0 and not cur.body:
                cur.head = i
        elif kind == _HEADER:
            if pending >= 0:
                continue  # the routing block's header: its classification line may follow
            # Without an identity, only a header after the cable clearly ended opens one.
            if cur is None or (cur.ended and cur.body and body_began(cur, i)):
                cur = open_at(i, floor)
            cur.strength += 1
            cur.head = i
            cur.has_header = True
        elif kind == _PARA:
            marked = bool(m and m.group("mark") and _is_marking(m.group("mark")))
            if pending >= 0:
                # A routing header, then text without a classification line: a new cable.
                if _serial_matches(cur, pending_serial) is not True:  # type: ignore[arg-type]
                    cur = open_at(pending, floor)
                    cur.serial = pending_serial
                    cur.strength += 1
                pending = -1
            if cur is None:
                if not marked:
                    continue  # a numbered list in prose: not a cable
                cur = open_at(i, floor)
            cur.body = True
            cur.ended = False
            if marked:
                cur.strength += 1
        elif kind in (_END, _SIG, _TRAILER):
            if cur is not None and (cur.body or kind == _END) and body_began(cur, i):
                cur.ended = True
    if pending >= 0 and cur is not None:
        cur = open_at(pending, cur.start)
        cur.strength += 1
    if cur is not None and cur.strength >= 2:
        cables.append(cur)
    return cables


def _para_number(m: re.Match[str] | None) -> int:
    return int(m.group("num")) if m is not None and m.group("num") else 0


def _end_of(
    lines: list[str],
    kinds: list[int],
    found: dict[int, re.Match[str] | None],
    nb_before: list[int],
    start: int,
    stop: int,
) -> int:
    """Pass 3: the last line of the cable that starts at ``start``, before ``stop``.

    Every line is the cable's until chrome, or until a clear end (signature, trailing
    classification, ``End comment.``) and a blank line are followed by text that is
    not the cable's and no cable marker comes back soon after."""
    end = start
    last_para = 0
    header = False  # an E.O., TAGS, SUBJECT line: a signature can only follow the header
    closed = False  # a clear end, then a blank line
    prev_blank = False
    i = start
    while i < stop:
        kind = kinds[i]
        if kind == _PROSE and not closed:
            end = i  # most lines: cable prose
            prev_blank = False
            i += 1
            continue
        if kind == _BLANK:
            if not prev_blank and not closed:
                closed = _clear_end(lines, kinds, end, last_para > 0 or header)
            prev_blank = True
            i += 1
            continue
        if kind == _CHROME:
            break
        if closed or (kind == _WEB and prev_blank):
            if not _reopens(lines, kinds, i, found.get(i), last_para):
                j = _comes_back(kinds, found, nb_before, i, stop, last_para)
                if j < 0:
                    break
                i = j
                kind = kinds[i]
            closed = False
        end = i
        prev_blank = False
        if kind == _PARA:
            num = _para_number(found.get(i))
            if last_para < num <= last_para + 6:
                last_para = num
        elif kind == _HEADER:
            header = True
        i += 1
    return end


def _clear_end(lines: list[str], kinds: list[int], i: int, in_body: bool) -> bool:
    """Whether line ``i`` (before a blank line) can be a cable's last: ``NNNN``, a
    trailing classification line, ``End comment.``, or a signature: a name of one or
    two words after the header, not "GOM." ending a paragraph's line, the second line
    of a SUBJECT nor a heading such as "NO ROLEXES.". A name in mixed case
    ("Martinez") could as well be a heading ("Iceland"): it never closes a cable."""
    kind = kinds[i]
    if kind == _END:
        return True
    s = lines[i].rstrip()
    if kind == _SIG:
        return (
            in_body
            and (i == 0 or kinds[i - 1] not in _HEAD_KINDS)
            and s[-1:] != "."
            and s.count(" ", len(s) - len(s.lstrip())) <= 1
        )
    tail = s[-24:]
    return ("OMMENT" in tail or "omment" in tail) and _END_COMMENT.search(tail) is not None


def _reopens(
    lines: list[str], kinds: list[int], i: int, m: re.Match[str] | None, last_para: int
) -> bool:
    """Whether the first line after a clear end and a blank line is still the cable's:
    a marker, a signature in name case, a lone punctuation mark, wrapped cable text."""
    kind = kinds[i]
    line = lines[i]
    if kind == _PARA:
        return _para_number(m) > last_para
    if kind not in (_PROSE, _CHROME, _WEB):
        return True
    s = line.strip()
    return kind == _PROSE and (
        _NAME_LINE.match(s) is not None
        or _PUNCT_LINE.match(s) is not None
        or _ID_LINE.match(s) is not None
        or _teletype(lines, kinds, i)
    )


def _teletype(lines: list[str], kinds: list[int], i: int) -> bool:
    """Text hard-wrapped at a teletype's width, as cable text is: one of the next two
    lines breaks mid-sentence at 45 to 80 columns and the text goes on below it. A web
    page's prose comes one paragraph to a line."""
    for j in (i, i + 1):
        if j + 1 >= len(lines) or kinds[j] != _PROSE or kinds[j + 1] != _PROSE:
            return False
        s = lines[j].rstrip()
        if _WRAP_MIN <= len(s) <= _WRAP_MAX and s[-1] not in _SENTENCE_END and s[-1] != ":":
            return True
    return False


def _comes_back(
    kinds: list[int],
    found: dict[int, re.Match[str] | None],
    nb_before: list[int],
    i: int,
    stop: int,
    last_para: int,
) -> int:
    """The next line from ``i`` that proves the cable goes on (its next numbered
    paragraph, its page break, its end line) before any chrome, or -1."""
    limit = nb_before[i] + _MAX_GAP
    while i < stop and nb_before[i] <= limit:
        kind = kinds[i]
        if kind == _CHROME:
            return -1
        if kind in (_PAGE, _CLASS, _END):
            return i
        if kind == _PARA and last_para < _para_number(found.get(i)) <= last_para + 6:
            return i
        i += 1
    return -1


def segment(text: str) -> list[Segment]:
    """The cables in ``text``, in order; none when it carries no cable marker."""
    if not isinstance(text, str) or not text:
        return []
    lines = text.split("\n")
    kinds, found, marks, nb_before = _classify(lines)
    if not marks:
        return []
    cables = _starts(lines, kinds, found, marks, nb_before)
    out: list[Segment] = []
    for k, c in enumerate(cables):
        stop = cables[k + 1].start if k + 1 < len(cables) else len(lines)
        end = _end_of(lines, kinds, found, nb_before, c.start, stop)
        out.append(
            Segment(
                text="\n".join(lines[c.start : end + 1]),
                start_line=c.start + 1,
                end_line=end + 1,
                reference_hint=c.hint,
            )
        )
    return out


_MARKINGS = frozenset(
    "U C S TS SBU CUI FOUO NF REL LOU SB S/NF C/NF S/REL C/REL TS/NF U/FOUO SBU/NF "
    "C/REL/NF S/ NF NOFORN".split()
)


def _is_marking(mark: str) -> bool:
    """``C``, ``S/NF``, ``SBU``: a portion marking, not a parenthesised word."""
    key = mark.strip().upper().replace(" ", "")
    return key in _MARKINGS or (len(key) <= 6 and key.split("/")[0] in {"U", "C", "S", "TS", "SBU"})
