"""The signature: the signer line at the end of the cable (``BEYRLE``, ``KEEGAN/WALLACE``).

Found by walking up from the last line past trailers, classification lines and page
breaks; ``parse_signers`` splits it into names.
"""

from __future__ import annotations

import re

from cablekit.parse.body.lines import _is_class_line
from cablekit.parse.body.patterns import (
    _NAME_SEPARATORS,
    _NOT_NAMES,
    _PB_PAGE,
    _SIG_NAME,
    _SIG_TAIL,
    _SIG_TAIL_MIXED,
    _TERMINAL_END,
    _is_trailer,
    _tail_search,
)

# a printout's stamp after the signer: "STEVENS 0 02/18/2008"
_DATE_STAMP = re.compile(r"\s+\d\s+\d\d/\d\d/\d{4}$")
# the same stamp run into a copy of the cable's record, the text's last lines after it:
# "... End comment. MILAM 0 11/07/2007 6695 PREL,PGOV,ECON,... SLOW PROGRESS ON ..."
_RUN_IN_STAMP = re.compile(
    r"[.!?\")*X]\s+((?!XXX)[A-Z][A-Z'\-]{2,})\s+\d\s+\d\d/\d\d/\d{4}\s+\d+\s+[A-Z0-9\-]+,"
)
# or at the start of a later line, the signer ending the line before ("... request.
# POLASCHIK" then "0 12/09/2009 2787 UNGA,PREL,...")
_STAMP_LINE = re.compile(r"\d\s+\d\d/\d\d/\d{4}\s+\d+\s+[A-Z0-9\-]+,")
# a suffix in lower case after a mixed-case signer: "Timken jr"
_SUFFIX = re.compile(r",?\s+(?:jr|sr)\.?$")


def _sig_from_line(s: str) -> str | None:
    t = _DATE_STAMP.sub("", s.strip()).rstrip("#.\\ ").strip()
    if t[:19].upper() == "MINIMIZE CONSIDERED":
        t = t[19:].strip()  # "MINIMIZE CONSIDERED SHANNON": a handling note, then the signer
    t = _SUFFIX.sub("", t)  # "Timken jr": the name (08BERLIN643)
    if not t or len(t) > 50:
        return None
    m = _SIG_NAME.match(t)
    if not m:
        return None
    words = _NAME_SEPARATORS.split(t)
    if any(w.upper().strip(".") in _NOT_NAMES for w in words if w):
        return None
    if not t.isupper():
        # mixed case: only short capitalised names (``Beyrle``, ``Riley``, ``De Pree``)
        if len(words) > 3 or any(not w[:1].isupper() for w in words if w):
            return None
        if any(sum(c.isupper() for c in w) > 2 for w in words if w):
            return None
    return t


def parse_signature(lines: list[str]) -> str | None:
    """The signer line at the end of the cable (``BEYRLE``, ``KEEGAN/WALLACE``), as written."""
    from cablekit.parse.body.prepared import _prepared_lines  # lazy: prepared imports this module

    try:
        return _prepared_lines(lines).signature
    except Exception:  # pragma: no cover
        return None


def _parse_signature(lines: list[str], pb: frozenset[int]) -> str | None:
    """The signature, given the page-break lines ``pb`` of ``lines``."""
    k = len(lines) - 1
    steps = 0
    while k >= 0 and steps < 40:
        s = lines[k].strip()
        steps += 1
        if (
            not s
            or k in pb
            or _is_class_line(s)
            or _is_trailer(s)
            or ("PAGE" in s and _PB_PAGE.match(s))
        ):
            k -= 1
            continue
        if s.upper() in ("UNQUOTE", "REGARDS", "END TEXT.", "END TEXT", "END QUOTE", "END QUOTE."):
            k -= 1
            continue
        name = _sig_from_line(s)
        if name is not None:
            # a mixed-case one-word line must follow a finished sentence or a blank line
            if not name.isupper():
                prev = lines[k - 1].strip() if k > 0 else ""
                if (
                    prev
                    and prev[-1:] not in _TERMINAL_END
                    and not _is_trailer(prev)
                    # the site's note at the end of prose: "... Visit London's Classified
                    # Website: XXXXXXXXXXXX" (08LONDON1814)
                    and "classified website" not in prev.lower()
                ):
                    return None
            return name
        # a signer run on to the last sentence, its stamp after it: "End comment. STEVENS
        # 0 11/20/2007" (07TRIPOLI978)
        s = _DATE_STAMP.sub("", s)
        m = _tail_search(_SIG_TAIL, s) or _tail_search(_SIG_TAIL_MIXED, s)
        if m and m.group(1).upper() not in _NOT_NAMES:
            return m.group(1)
        return _run_in_signer(lines)
    return None


def _run_in_signer(lines: list[str]) -> str | None:
    """The signer before a printout's stamp that a copy of the cable's record follows on
    the same line (07TRIPOLI983: "... to Oxy. STEVENS 0 11/21/2007 2983 ECON,EINV,..."),
    when the walk up from the end found none: the last such stamp of the text's lines."""
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k]
        if "/" not in line:
            continue
        found = [m.group(1) for m in _RUN_IN_STAMP.finditer(line)]
        if k > 0 and _STAMP_LINE.match(line):
            prev = k - 1
            while prev > 0 and not lines[prev].strip():
                prev -= 1
            last = lines[prev].rstrip()
            m = _tail_search(_SIG_TAIL, last) or _tail_search(_SIG_TAIL_MIXED, last)
            found += [m.group(1)] if m else []
        found = [f for f in found if f.upper() not in _NOT_NAMES]
        if found:
            return found[-1]
    return None


def parse_signers(lines: list[str]) -> list[str]:
    """Signer names from the signature, split on ``/``, ``,``, ``&`` and ``AND``."""
    sig = parse_signature(lines)
    if not sig:
        return []
    names = re.split(r"\s*(?:/|,|&|\bAND\b)\s*", sig)
    return [x.strip().rstrip(".") for x in names if x.strip().rstrip(".")]
