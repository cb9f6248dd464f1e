"""The Classified By field: names, title and reasons of the classifier."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from cablekit.model import ClassifiedBy
from cablekit.parse.preamble.lines import _PAGE_BREAK_LINE_RE, _iter_lines_with, _lines
from cablekit.parse.tags import search_from

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


# a State Department office symbol: bureau and office ("INR/OPS", "EUR/RUS", "NEA/ARP")
OFFICE_SYMBOL = re.compile(r"[A-Z]{2,6}(?:/[A-Z]{1,8})+")


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
    if not _GIVEN_RE.match(surname.rstrip(".")):
        return []
    if _is_title_token(surname, mixed) and not _after_given_and_initial(tokens, k, mixed):
        return []  # a title; but "Damian R. Leader" is a name
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


def _after_given_and_initial(tokens: list[str], k: int, mixed: bool) -> bool:
    """Token k comes after a given name and an initial ("Damian R."): a surname even when
    it is a title's word ("Leader")."""
    if k < 2:
        return False
    initial, given = tokens[k - 1].strip(",;:"), tokens[k - 2].strip(",;:")
    return bool(
        _DOTTED_INITIAL_RE.match(initial)
        and _GIVEN_RE.match(given)
        and not _INITIAL_RE.match(given)
        and not _is_title_token(given, mixed)
    )


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
            if title is not None and title.lower() in ("a.i.", "a.i") and seg_index > 0:
                # "Charge d'Affaires, a.i. Lisa Kubiske": the office is the segment before
                title = f"{segments[seg_index - 1].strip(' ,;:')}, {title}"
            if title is None and seg_index > 0 and not found and not singles:
                # "Charge d'Affaires, a.i., Steven White": the title in the segments before
                # (a title's word among them: not "GILMOUR, David, DCM", a surname first)
                before = [t.strip(" ,;:") for t in segments[:seg_index]]
                words = [w for b in before for w in b.split()]
                if any(_is_title_word(_norm_word(w.strip(",;:()"))) for w in words) and all(
                    _is_title_token(w, mixed)
                    or _LOWER_SHORT_RE.fullmatch(w)
                    or w.lower().strip(".") == "a.i"
                    for w in words
                ):
                    title = ", ".join(b for b in before if b) or None
            if title is None and seg_index + 1 < len(segments):
                title = segments[seg_index + 1].strip() or None
                office = segments[seg_index + 2] if seg_index + 2 < len(segments) else ""
                office = office.strip(" .").replace(" / ", "/")
                if title and OFFICE_SYMBOL.fullmatch(office):
                    title = f"{title}, {office}"  # "DIRECTOR, INR/OPS": the office it directs
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


def parse_classified_by(text: object) -> ClassifiedBy | None:
    """``Classified By: Political M/C Alice G. Wells for reasons 1.4 (b/d).``"""
    if not isinstance(text, str):
        return None
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
