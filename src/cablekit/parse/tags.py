"""The State Department's TAGS grammar: reading a TAGS line and naming the kind of a tag.

A TAGS line lists codes from the Traffic Analysis by Geography and Subject handbook:
two-letter geographic codes (FIPS 10-4 countries, ``X?`` regions), four-letter subject
codes whose first letter is the subject family (A administration, C consular, E economic,
M military, O operations, P political, S social, T technology) and program codes starting
with K. Before 2000 (and at a few posts later) free keywords, organisations and persons
(``OVIP (CLINTON, HILLARY)``) were allowed too. Telegrams were typed by hand, so the line
also carries run-together codes (``PHUMBA``), repeated codes after page breaks and typos.
The tables below are that handbook knowledge; nothing here is learnt from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# FIPS 10-4 country codes used as geographic TAGS, plus the regional X? codes.
_GEO = """
AA AC AE AF AG AJ AL AM AN AO AQ AR AS AT AU AV AX AY BA BB BC BD BE BF BG BH BK BL BM BN BO
BP BQ BR BS BT BU BV BX BY CA CB CD CE CF CG CH CI CJ CK CM CN CO CQ CR CS CT CU CV CW CY DA
DJ DO DR DX EC EG EI EK EN ER ES ET EZ FG FI FJ FK FM FO FP FQ FR FS GA GB GG GH GI GJ GK GL
GM GO GP GQ GR GT GV GY GZ HA HK HM HO HQ HR HU IC ID IM IN IO IP IR IS IT IV IZ JA JE JM JN
JO JQ JU KE KG KN KQ KR KS KT KU KV KZ LA LE LG LH LI LO LQ LS LT LU LY MA MB MC MD MF MG MH
MI MJ MK ML MN MO MP MQ MR MT MU MV MX MY MZ NC NE NF NG NH NI NL NO NP NR NS NU NZ OD PA PC
PE PF PG PK PL PM PO PP PS PU QA RB RE RI RM RN RO RP RQ RS RW SA SB SC SE SF SG SH SI SL SM
SN SO SP ST SU SV SW SX SY SZ TB TD TE TH TI TK TL TN TO TP TS TT TU TV TW TX TZ UC UG UK UP
US UV UY UZ VC VE VI VM VQ VT WA WE WF WI WQ WS WZ YI YM ZA ZI
XA XB XC XD XE XF XG XH XI XJ XK XL XM XN XO XP XQ XR XS XT XU XV XW XX XY XZ
"""
GEO_CODES: frozenset[str] = frozenset(_GEO.split())

# Subject (A C E M O P S T) and program (K) codes of the TAGS handbook.
_CODES = """
ABLD ABUD ADCO ADPM AEMR AFIN AFSI AFSN AGAO AINF AINR AINT ALOW AMED AMGT AODE AORC APCS
APER ASCH ASEC ASIG ASUP AVIS
CASC CFED CJAN CLOK CMGT CPAS CVIS
EAGR EAID EAIR ECIN ECON ECPS EFIN EFIS EIND EINT EINV ELAB ELTN EMIN ENGR ENIV ENRG ENVR
EPET ETRD ETTC EWWT EXIM
KACT KAWC KBCT KBIO KBTR KBTS KCFE KCIP KCOR KCRM KCRS KDEM KDRG KFIN KFLO KFLU KFRD KGHG
KGIC KGIT KHIV KHLS KICC KIDE KIPR KIRC KIRF KISL KJUS KLIG KMCA KMDR KMPI KNAR KNNP KNPP
KOCI KOLY KOMC KPAL KPAO KPKO KPLS KPOW KPRP KPRV KRAD KRFD KRVC KSAC KSAF KSCA KSEO KSEP
KSPR KSTC KSTH KSUM KTDB KTER KTEX KTFN KTIA KTIP KUNR KVIR KVPR KWAC KWBG KWMN KWWW KCOM
MARR MASC MASS MCAP MILI MNUC MOPS MPOS
OCII ODIP OEXC OFDP OIIP OPDC OPRC OREP OSCI OTRA OVIP
PARM PBIO PBTS PGOV PHSA PHUM PINR PINS PINT PNAT PREF PREL PROP PSOE PTER
SCUL SENV SEVN SMIG SNAR SOCI
TBIO TINT TNGD TPHY TRGY TSPA TSPL
"""
SUBJECT_CODES: frozenset[str] = frozenset(_CODES.split())

# Organisations that appear as tags (international bodies, parties, agencies).
ORGANIZATIONS: frozenset[str] = frozenset(
    """
    AFDB APEC APECO ASEAN AU BA'ATH CARICOM CBW CIA COE CTBTO CWC DEA DHS DOD DOE ECOWAS ELN EU
    EUC EUN FAO FARC FATF FBI FTAA G8 GCC HAMAS HIZBALLAH IAEA IBRD ICAO ICC ICJ ICRC ICTR ICTY
    IEA IFAD ILO IMF IMO INTERPOL IOM IWC LTTE MERCOSUR MTCRE NAM NASA NATO NSG OAS OAU OECD OIC
    OPCW OPEC OSCE PLO SAARC SADC UN UNAUS UNCHC UNCHS UNDP UNEP UNESCO UNGA UNHCR UNHRC UNICEF
    UNMIK UNO UNSC UNVIE USEU USTR USUN WBG WFP WHO WMO WTO WTRO ZANU-PF
    """.split()
)

# Keyword tags of several words (older cables), longest first when matching.
_PHRASES = """
COUNTRY CLEARANCE|CONSULAR AFFAIRS|DOMESTIC POLITICS|ECONOMIC AFFAIRS|ECONOMY AND FINANCE|
FOREIGN POL|FOREIGN POLICY|GAZA DISENGAGEMENT|GLOBAL DEFENSE|GOI EXTERNAL|GOI INTERNAL|
HUMAN RIGHTS|IRAQI FREEDOM|ISRAELI PALESTINIAN AFFAIRS|ITALIAN POLITICS|
ITALY NATIONAL ELECTIONS|MEDIA REACTION|MEDIA REACTION REPORT|MEETINGS WITH AMBASSADOR|
NEW ZEALAND|POLITICS FOREIGN POLICY|POLITICAL PARTIES|TIP IN TURKEY|COUNTERTERRORISM|
COUNTER TERRORISM|LABOR|ENDURING FREEDOM|WAR ON TERRORISM
"""
_PHRASE_ALIASES: dict[str, str] = {"COUNTER TERRORISM": "COUNTERTERRORISM"}
PHRASES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (tuple(p.split()) for p in _PHRASES.replace("\n", "").split("|") if p.strip()),
        key=len,
        reverse=True,
    )
)

_PHRASES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _p in PHRASES:
    _PHRASES_BY_FIRST[_p[0]] = _PHRASES_BY_FIRST.get(_p[0], ()) + (_p,)

# Persons tagged LAST FIRST (after OVIP) whose tag carries a middle initial.
KNOWN_PERSONS: dict[str, str] = {
    "STEINBERG, JAMES": "STEINBERG, JAMES B.",
    "BUSH, GEORGE": "BUSH, GEORGE W.",
    "CHENEY, RICHARD": "CHENEY, RICHARD B.",
}

# Typing errors of the source that are unambiguous.
TYPOS: dict[str, str] = {
    "MOPPS": "MOPS",
    "UNDESCO": "UNESCO",
    "POGOV": "PGOV",
    "PRGOV": "PGOV",
    "PGOVE": "PGOV",
    "PTERE": "PTER",
    "PARMS": "PARM",
    "EEPET": "EPET",
    "ESENV": "SENV",
    "PECON": "ECON",
}

# Short keyword tags that stand alone although they are neither codes nor phrases.
_SHORT_WORDS = frozenset({"POL", "MIL", "TIP", "GOV", "AID", "IPR", "NPT", "CDG", "MAR"})

# Common words: a pair of unknown words containing one is a keyword, not a person.
_COMMON = frozenset(
    """
    AFFAIRS AND AMBASSADOR ECONOMIC ECONOMY ELECTIONS EXTERNAL FINANCE FOR FOREIGN FREEDOM
    GANGS HUMAN IN INTERNAL MEDIA MEETINGS NATIONAL OF OFFICIALS ON PARTIES POLICY POLITICAL
    POLITICS REACTION REGION REPORT RIGHTS SECURITY TERRORISM THE TO TRADE WITH COUNTRY
    CLEARANCE DEFENSE
    """.split()
)

_MARKER_RE = re.compile(
    r"(?<![A-Za-z])(?:TAGS|TAGES|TABS|TAG|TGS|TAS|AGS)(?:\s*[:;,]|\s+(?=\S))",
    re.IGNORECASE,
)
_MARKER_STARTS = ("ta", "tg", "ags")  # how every marker above begins
_STRICT_MARKER_RE = re.compile(r"^(?:TAGS|TAG)\b", re.IGNORECASE)
_STOP_RE = re.compile(
    r"S(?<![A-Za-z]S)(?:(?:UBJECT|UBJ)\s*:|UBJECT\b)|R(?<![A-Za-z]R)(?:EF|EFS)\s*:|"
    r"(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s+PAGE\s",
    re.IGNORECASE,
)
_STOP_NEEDLES = ("ubj", "ref", "page")  # one is in every match of _STOP_RE


def _stop(text: str) -> re.Match[str] | None:
    return _STOP_RE.search(text) if has_any(text, _STOP_NEEDLES) else None


_FIELD_LINE_RE = re.compile(
    r"^\s*(?:SUBJECT|SUBJ|UBJECT|E\.?\s?O\.?\s?\d|REF|CLASSIFIED\s+BY|\(?\d+\.)",
    re.IGNORECASE,
)
_SUBJECT_LINE_RE = re.compile(r"^\s*(?:SUBJECT|SUBJ|UBJECT)\b|^\s*E\.?\s?O\.?\s?\d", re.I)
_HEAD_OK_RE = re.compile(r"E\.?\s?O\.?|DECL|1295|1352|N/?A\s*$", re.IGNORECASE)
_ITEM_RE = re.compile(r"\([^()\n]{1,60}\)|[,;]|[^\s,;()]+")


def search_from(
    pattern: re.Pattern[str], text: str, needles: tuple[str, ...]
) -> re.Match[str] | None:
    """``pattern.search(text)``, started where the first of ``needles`` occurs.

    For a case-insensitive pattern every match of which begins with one of ``needles``
    (lower case): the search skips the text before them, or is not run at all when none
    occurs. A slow pattern (lookbehind, IGNORECASE) then costs nothing on the many lines
    without its marker. Lower-casing keeps the offsets of ASCII text only; other text is
    searched whole.
    """
    if not text.isascii():
        return pattern.search(text)
    low = text.lower()
    start = -1
    for needle in needles:
        i = low.find(needle)
        if i >= 0 and (start < 0 or i < start):
            start = i
    return pattern.search(text, start) if start >= 0 else None


def has_any(text: str, needles: tuple[str, ...]) -> bool:
    """True when ``text`` lower-cased holds one of ``needles``.

    A pre-check for a case-insensitive pattern every match of which holds one of them:
    with letters that have no other case forms (not I, K, S), lower-casing keeps them.
    """
    low = text.lower()
    return any(needle in low for needle in needles)


def _segment(word: str) -> list[str] | None:
    """Split run-together codes (``KFRDKIRFCVIS``) into known codes, or None."""
    n = len(word)
    if n < 5 or n > 80:
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        for size in (4, 2, 3):
            piece = word[i : i + size]
            if len(piece) != size:
                continue
            if (
                (size == 4 and (piece in SUBJECT_CODES or piece in ORGANIZATIONS))
                or (size == 2 and piece in GEO_CODES)
                or (size == 3 and piece in _SHORT_WORDS)
            ) and best[i + size] is None:
                best[i + size] = cur + [piece]
    parts = best[n]
    if not parts:
        return None
    fours = sum(1 for p in parts if len(p) == 4)
    if fours == 0 or fours < len(parts) - fours:
        return None  # "GASPAR" is not GA SP AR
    return parts


# Subject and program TAGS are four letters; their first letter names the field
# (A administration, B business, C consular, E economics, K programs, M military,
# O operations, P politics, S social, T technology).
_SUBJECT_LETTERS = frozenset("ABCEKMOPST")


def _looks_like_subject_code(word: str) -> bool:
    return len(word) == 4 and word.isalpha() and word[0] in _SUBJECT_LETTERS


def _is_code(word: str) -> bool:
    return (
        word in SUBJECT_CODES
        or word in GEO_CODES
        or word in ORGANIZATIONS
        or word in TYPOS
        or word in _SHORT_WORDS
        or (len(word) == 4 and word.isalpha() and word[0] == "K")
        or any(not ch.isalpha() for ch in word)
    )


def _words_to_tags(words: list[str], after_ovip: bool) -> list[str]:
    """Turn a run of words that are not codes into keyword phrases and persons."""
    out: list[str] = []
    i = 0
    pending: list[str] = []

    def flush(ovip: bool) -> None:
        if not pending:
            return
        if all(_looks_like_subject_code(w) for w in pending):
            out.extend(pending)  # "BEXP BTIO": codes missing from our tables, not a person
            pending.clear()
            return
        if (ovip or len(pending) % 2 == 0) and not any(w in _COMMON for w in pending):
            for k in range(0, len(pending) - 1, 2):
                name = f"{pending[k]}, {pending[k + 1]}"
                out.append(KNOWN_PERSONS.get(name, name))
            if len(pending) % 2:
                out.append(pending[-1])
        else:
            out.append(" ".join(pending))
        pending.clear()

    while i < len(words):
        for phrase in _PHRASES_BY_FIRST.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                flush(after_ovip)
                after_ovip = False
                joined = " ".join(phrase)
                out.append(_PHRASE_ALIASES.get(joined, joined))
                i += len(phrase)
                break
        else:
            pending.append(words[i])
            i += 1
    flush(after_ovip)
    return out


_SIMPLE_ITEMS: dict[str, str | None] = {}  # item -> _simple_item(item), for the usual items


def _simple_item(raw: str) -> str | None:
    """The tag of an item that is a code on its own, "" for a separator; None for the rest.

    Such an item reads the same wherever it stands in a line of codes and separators, so
    a line made of them only needs no state: ``_item_tags`` takes a shortcut for it.
    """
    item = raw.strip().upper()
    if item in (",", ";"):
        return ""
    if not item or item.startswith("(") or raw.upper() in _PHRASES_BY_FIRST:
        return None
    item = item.strip(".:;")
    if not item or item == "SIPDIS":
        return ""
    item = TYPOS.get(item, item)
    return item if _is_code(item) else None


def _item_tags(items: list[str]) -> list[str]:
    """Tags of the whitespace/comma items of a TAGS line, codes split and fixed."""
    simple: list[str] = []
    for raw in items:
        try:
            tag = _SIMPLE_ITEMS[raw]
        except KeyError:
            tag = _simple_item(raw)
            if len(_SIMPLE_ITEMS) < 20_000:
                _SIMPLE_ITEMS[raw] = tag
        if tag is None:
            break
        if tag:
            simple.append(tag)
    else:
        return simple
    out: list[str] = []
    run: list[str] = []
    run_after_ovip = False
    prev_ovip = False

    def close() -> None:
        nonlocal run_after_ovip
        if run:
            out.extend(_words_to_tags(run, run_after_ovip))
            run.clear()
        run_after_ovip = False

    i = -1
    while i + 1 < len(items):
        i += 1
        raw = items[i]
        item = raw.strip().upper()
        if not item:
            continue
        if item in (",", ";"):
            close()
            prev_ovip = False
            continue
        ph = _phrase_at(items, i) if not item.startswith("(") else None
        if ph and not run:
            close()
            out.append(ph[0])
            i += ph[1] - 1
            prev_ovip = False
            continue
        if item.startswith("(") and item.endswith(")"):
            close()
            inner = " ".join(item[1:-1].replace(",", ", ").split())
            if inner:
                out.append(KNOWN_PERSONS.get(inner.rstrip("."), inner))
            prev_ovip = False
            continue
        item = item.strip(".:;")
        if not item or item == "SIPDIS":
            continue
        if item in TYPOS:
            item = TYPOS[item]
        if _is_code(item):
            close()
            out.append(item)
            prev_ovip = item == "OVIP"
            continue
        parts = _segment(item)
        if parts:
            close()
            out.extend(parts)
            prev_ovip = parts[-1] == "OVIP"
            continue
        if not run:
            run_after_ovip = prev_ovip
        # "RIGHTSPOLMIL": a keyword glued to codes.
        for cut in range(min(len(item), 40) - 2, 1, -1):
            tail = _segment(item[cut:]) if len(item) - cut >= 5 else None
            rest = item[cut:]
            if tail is None and len(rest) % 3 == 0:
                chunks = [rest[k : k + 3] for k in range(0, len(rest), 3)]
                if all(c in _SHORT_WORDS for c in chunks):
                    tail = chunks
            if tail and (run + [item[:cut]])[-2:] and _glued_phrase(run + [item[:cut]]):
                run.append(item[:cut])
                close()
                out.extend(tail)
                break
        else:
            run.append(item)
        prev_ovip = False
    close()
    return out


def _glued_phrase(words: list[str]) -> bool:
    """True when the words end with a known phrase (so a glued tail may be split off)."""
    for phrase in PHRASES:
        if len(words) >= len(phrase) and tuple(words[-len(phrase) :]) == phrase:
            return True
    return False


def _dedupe(tags: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        if tag and tag not in seen:
            seen.add(tag)
            out.append(tag)
    return out


def find_tags_text(
    lines: Sequence[str], limit: int = 80, candidates: Iterable[int] | None = None
) -> str | None:
    """The raw text of the TAGS field: marker line rest plus continuation lines.

    ``candidates``: indices (in order) of the lines that may hold the marker, when the
    caller knows them; all lines otherwise.
    """
    stop = len(lines[:limit])
    for idx in range(stop) if candidates is None else candidates:
        if idx >= stop:
            break
        line = lines[idx]
        m = search_from(_MARKER_RE, line, _MARKER_STARTS)
        if not m:
            continue
        head = line[: m.start()]
        word = m.group(0).strip(" :;,").upper()
        if word not in ("TAGS", "TAG") and not any(c in m.group(0) for c in ":;,"):
            continue
        # The marker starts the line or follows the E.O./DECL field run into the same line.
        if head.strip() and not _HEAD_OK_RE.search(head):
            continue
        body = [line[m.end() :]]
        end = _stop(body[0])
        if end:
            return body[0][: end.start()]
        # Continuation lines: kept when the previous line ends with a comma or when
        # they run on without a blank line into the SUBJECT (or E.O.) field.
        cont: list[str] = []
        j = idx + 1
        while j < len(lines) and j <= idx + 6:
            nxt = lines[j]
            if not nxt.strip() or _FIELD_LINE_RE.match(nxt):
                break
            cont.append(nxt)
            j += 1
        ends_subject = (j < len(lines) and bool(_SUBJECT_LINE_RE.match(lines[j]))) or any(
            _stop(c) for c in cont
        )
        for extra in cont:
            prev = body[-1].rstrip()
            if prev.endswith(",") or ends_subject:
                end = _stop(extra)
                if end:
                    body.append(extra[: end.start()])
                    break
                body.append(extra)
            else:
                break
        return "\n".join(body)
    return None


def parse_tags_text(raw: str) -> list[str]:
    """Tags of the raw TAGS field text."""
    items = _ITEM_RE.findall(raw[:2000].replace("\\", " "))
    return _dedupe(_item_tags(items))


def _phrase_at(items: list[str], i: int) -> tuple[str, int] | None:
    """Longest known keyword phrase starting at item ``i`` (items upper-cased words)."""
    for phrase in _PHRASES_BY_FIRST.get(items[i].upper(), ()):
        size = len(phrase)
        if tuple(it.upper() for it in items[i : i + size]) == phrase:
            joined = " ".join(phrase)
            return _PHRASE_ALIASES.get(joined, joined), size
    return None


def tag_kind(tag: str, default: str = "UNKNOWN") -> str:
    """GEO, SUBJECT, PROGRAM, ORG or PERSON for a tag, ``default`` when it is none of them."""
    try:
        t = " ".join(str(tag).split()).upper()
    except Exception:  # noqa: BLE001 - never raise on odd input
        return default
    if not t:
        return default
    if "," in t:
        return "PERSON"
    if t in ORGANIZATIONS:
        return "ORG"
    if len(t) == 2 and t.isalpha():
        return "GEO"
    if len(t) == 4 and t.isalpha():
        if t[0] == "K":
            return "PROGRAM"
        if t in SUBJECT_CODES or t[0] in "ACEMOPST":
            return "SUBJECT"
    return default
