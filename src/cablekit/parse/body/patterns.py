"""The precompiled patterns of the cable body and the few helpers that apply them cheaply.

Page-break lines, classification and preamble lines, paragraph numbers and portion
marking, headings and rules, summary / comment markers, signature and trailer lines: every
regex of the body parser is compiled here once, at import, and anchored where it can be.
``_is_trailer``, ``_cut_inline_heading`` and ``_tail_search`` stand in for a pattern where
the plain regex would be tried at every position of a long line.
"""

from __future__ import annotations

import re

# ``MOSCOW 00001488  002 OF 002``, ``DUBLIN 00000623 001.2 OF 003``, ``BERN ... \``
_PB_NEW = re.compile(
    r"^\s*[A-Z][A-Z .'-]{0,24}? 0\d{7}\s+\d{3}(?:\.\d{1,2})?\s+OF\s+\d{3}\s*\\?\s*$"
)


# Old telegram page header ``PAGE 02        ROME  03639  01 OF 03  231626Z`` (press copies
# run the next text into it, kept in group 2). Group 1 is the page number.
_PB_PAGE = re.compile(
    r"^\s*PAGE\s+(\d{2,3})\s+[A-Z][A-Z ]{1,12}?\s+\d{4,6}\s+(?:\d{2}(?:\.\d)?\s+OF\s+\d{2}\s+)?"
    r"\d{6}Z?\b ?(.*)$"
)


_CLASS_WORDS = (
    r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|NOFORN|SIPDIS|"
    r"FOR OFFICIAL USE ONLY|C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D)"
)


_CLASS_LINE = re.compile(r"^\s*" + _CLASS_WORDS + r"(?:\s*//?\s*[A-Z ]{2,30})?(?:\s+PTQ\d+)?\s*$")


_TRAILING_CLASS = re.compile(r"\s{2,}(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE)\s*$")


_SECTION = re.compile(r"^\s*[A-Z/ ]{4,60}?\bSECTION\s+(\d{1,2})\s+OF\s+(\d{1,2})\b")


_PREAMBLE_REPEAT = re.compile(r"^\s*(?:SIPDIS|E\.?\s?O\.?\s|EO\s|TAGS\b|SUBJECT\b|SUBJ\b)", re.I)


_SUBJECT = re.compile(r"^\s*SUBJ(?:ECT)?\s*:?\s*(.*)$", re.I)


_DASHES = re.compile(r"^\s*[-=_\u2010-\u2015*]{3,}[-=_\u2010-\u2015 ]*$")


# What a (stripped) line ``_DASHES`` matches may start with.
_DASH_FIRST = frozenset("-=_*" + "".join(map(chr, range(0x2010, 0x2016))))


_BLANKISH = re.compile(r"^\s*[-.]?\s*$")


# Portion marking: ``C``, ``SBU``, ``S/NF``, ``S//NF``, ``C/REL NATO``, ``S//Rel NATO, ISAF``.
_MARK_RE = (
    r"(?:TS|S|C|U|SBU|LOU|SE|FOUO|CONFIDENTIAL|SECRET|UNCLASSIFIED|SECRET/NOFORN)"
    r"(?:\s*/{1,2}\s*[A-Za-z][A-Za-z .,]{0,28})?"
)


_MARK = re.compile(r"^" + _MARK_RE + r"$", re.I)


# ``1. (C) text``, ``¶12.(SBU)text``, ``3) (U) text``, ``4  An increase`` is NOT accepted.
_PARA = re.compile(
    r"^\s{0,6}(?:\u00b6\s*)?(\d{1,3})\s?([.)])\.?(?![\d.])\s*(?:\(\s*([^()]{1,32}?)\s*\))?\s*(.*)$"
)


# ``(C) 1. text``
_PARA_MARK_FIRST = re.compile(r"^\s{0,6}\(\s*([^()]{1,32}?)\s*\)\s*(\d{1,3})\.(?!\d)\s*(.*)$")


_LEADING_MARK = re.compile(r"^\(\s*(" + _MARK_RE + r")\s*\)\s*", re.I)


_LETTERED = re.compile(r"^\s*(?:\u00b6\s*)?\(?[A-Za-z]{1,2}[.)]\s")


_TERMINAL = frozenset(".?!\"')]:;\u201d\u2019*>")


_PREAMBLE_KEY = re.compile(
    r"^\s*(?:E\.?\s?O\.?\s*1\d{4}|EO\s*1\d{4}|TAGS\b|SUBJ(?:ECT)?\b|"
    r"REF(?:S|TEL|TELS)?(?:\s*:|\s+[A-Z]\s*[:.]|\s*$)|"
    r"CLASSIFIED\s+BY\b|DERIVED\s+FROM\b|SIPDIS\b|DECL\b)",
    re.I,
)


_HEADING_INLINE = re.compile(
    r"^\s*[-=\u2010-\u2015]{3,}\s*([^-=\s\u2010-\u2015].*?)\s*[-=\u2010-\u2015]{3,}\s*$"
)


_HEADING_TRAIL = re.compile(r"^\s*([^-=].{0,70}?)\s+[-=\u2010-\u2015]{4,}\s*$")


# Summary / comment markers (applied to a line stripped of its paragraph prefix).
_SUMMARY_START = re.compile(
    r"^(?:BEGIN\s+)?SUMMARY(?:\s*(?:AND|&|/)\s*(?:COMMENTS?|ACTION\s+REQUESTS?|INTRODUCTION|"
    r"RECOMMENDATIONS?|TABLE\s+OF\s+CONTENTS|KEY\s+POINTS|BACKGROUND|CONCLUSIONS?))?"
    r"\s*(?:[:.\-\u2013\u2014=]+\s*|$)",
    re.I,
)


_SUMMARY_END = re.compile(r"\(?\s*\bEND\s+(?:OF\s+)?SUMMARY\b", re.I)


_COMMENT_START = re.compile(
    r"(?:^|(?<=[\s(]))(?:(?:Begin|BEGIN|Embassy|EMBASSY|Post|POST|Mission|MISSION|USEU|USNATO|"
    r"USUN)\s+)?(?:Comment|COMMENT)(?:\s+and\s+(?:Action\s+Request|Recommendation)s?)?"
    r"\s*(?::|\.(?!\w)|\s-{1,2}\s|$)"
)


_COMMENT_END = re.compile(r"\(?\s*\bEND\s+(?:OF\s+)?COMMENT\b[.):]*", re.I)


_NOT_COMMENT_BEFORE = re.compile(r"(?:\bSUMMARY\s*(?:AND|&|/)\s*|\bEND\s+|\bNO\s+)$", re.I)


_INLINE_HEADING_CUT = re.compile(r"\s[-=\u2010-\u2015]{4,}\s.*$")


# Where ``_INLINE_HEADING_CUT`` matches, one character on: the rule run after its blank. A
# pattern that starts with a character class lets the engine skip to those characters; one
# that starts with ``\s`` is tried at every blank.
_RULE_RUN = re.compile(r"[-=\u2010-\u2015](?<=\s[-=\u2010-\u2015])[-=\u2010-\u2015]{3,}(?=\s)")


# Signature.
_SIG_NAME = re.compile(
    r"^([A-Z][A-Za-z'\u2019\-]*\.?(?:[ ][A-Z][A-Za-z'\u2019\-]*\.?){0,3}"
    r"(?:\s*(?:/|,|&| AND )\s*"
    r"[A-Z][A-Za-z'\u2019\-]*\.?(?:[ ][A-Z][A-Za-z'\u2019\-]*\.?){0,3}){0,3})$"
)


# The mark before the name may be a redaction or a row of asterisks, and the name is
# none: "Classified Website: XXXXXXXXXXXX TUTTLE", "***** ******** HENZEL".
_SIG_TAIL = re.compile(
    r"(?:[.!?:)\"]|END OF TEXT|END TEXT|XXXX|\*\*)\s+"
    r"((?!XXX)[A-Z][A-Z'\-]{2,}(?: (?!XXX)[A-Z][A-Z'\-]{2,})?)\s*$"
)


# Press copies run the signer into the last sentence: ``... Embassy Brasilia. McMullen``.
_SIG_TAIL_MIXED = re.compile(r"[.!?)\"]\s+([A-Z][a-z]{0,3}[A-Z]?[a-z]+(?:[ -][A-Z][a-z]+)?)\s*$")


_TRAILER = re.compile(
    r"^\s*(?:NNNN|\d{4}[A-Z]{3,8}\d{4,6}\s*-.*|Declassified/Released.*|"
    r"Review \d{1,2} [A-Z]{3} \d{4}|"
    r"NOTE(?: BY [A-Z/ ]+)?:.*|(?:Please )?visit\b.*|You can also access.*|"
    r"[Ss]tate Department's Classified.*|Classified .*[Ww]ebsite\.?|End Cable Text|GP-\d|"
    r"[-=*_#.>\"\\|/]{1,}|MINIMIZE CONSIDERED\.?|BT|#\d+|=*\s*CABLE ENDS\s*=*)\s*$",
    re.I,
)


# The trailer's last kind, a line with a URL in it, tested apart (see ``_is_trailer``).
_URL = re.compile(r"https?://", re.I)


_NOT_NAMES = frozenset(
    "END TEXT UNQUOTE QUOTE REGARDS COMMENT SUMMARY NNNN SIPDIS NOFORN CONFIDENTIAL SECRET "
    "UNCLASSIFIED UNCLAS BT DRAFT CLASSIFIED LIMITED OFFICIAL USE ONLY NOTE THE AND OF FOR TO "
    "IN ON A BE IS NOT PARA PARAS YES NO OK THANKS THANK YOU ACTION INFO BACKGROUND "
    "CONCLUSION RECOMMENDATION REFTEL".split()
)


_NAME_SEPARATORS = re.compile(r"[\s/,&]+")


_TERMINAL_END = frozenset(".?!\"')]:;\u201d\u2019*>")


def _is_trailer(s: str) -> bool:
    """A trailer line (``NNNN``, ``BT``, a site note, a URL ...): ``s`` has no newline.

    A URL may stand anywhere in the line; as an alternative of ``_TRAILER`` it would be
    ``.*https?://.*``, which runs to the end of every line and backtracks from there.
    """
    return _TRAILER.match(s) is not None or ("://" in s and _URL.search(s) is not None)


def _cut_inline_heading(text: str) -> str:
    """``_INLINE_HEADING_CUT.sub("", text)``: the text before an inline ``---- X ----``."""
    if "\n" in text:  # ``.*$`` stops at a newline: leave that case to the pattern
        return _INLINE_HEADING_CUT.sub("", text)
    # In ASCII text the rule characters are ``-`` and ``=``: a run of four holds one of
    # these pairs, which ``str`` finds much faster than the pattern (hyphens are common).
    if text.isascii() and not ("--" in text or "==" in text or "-=" in text or "=-" in text):
        return text
    m = _RULE_RUN.search(text)
    # the match of ``_INLINE_HEADING_CUT`` starts at the blank before the rule run and,
    # with no newline to stop ``.*``, runs to the end
    return text[: m.start() - 1] if m else text


def _tail_search(pattern: re.Pattern[str], s: str) -> re.Match[str] | None:
    """``pattern.search(s)`` for ``_SIG_TAIL``/``_SIG_TAIL_MIXED``, from where a match can start.

    Both match a mark of at most 11 characters, blanks, a name of one or two words (one
    space inside) and blanks to the end: the name is the last one or two words of ``s``,
    so a match starts at most 11 characters before the blanks ahead of the last but one.
    Searching every position of a long last line (press copies) costs far more.
    """
    parts = s.rsplit(None, 2)
    # with three parts the first is ``s`` up to those blanks (leading blanks kept)
    pos = max(0, len(parts[0]) - 11) if len(parts) == 3 else 0
    return pattern.search(s, pos)
