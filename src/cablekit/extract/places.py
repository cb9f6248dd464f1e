"""Places: countries, cities, regions and seas looked up in the offline gazetteer.

Up to four tokens are looked up from each capitalised token (``Golan \\nHeights``,
``St. Petersburg``); mixed-case cables need a capital initial (``Georgia`` yes, a
lower-case word never), all-capitals cables skip the two-letter words (``US`` = us).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from cablekit.extract import wordinfo as wi
from cablekit.extract.lexicon import Gaz, lexicon
from cablekit.extract.zone import Tokens

_SHORT_OK: Final = frozenset(
    {
        "us",
        "uk",
        "usa",
        "prc",
        "uae",
        "drc",
        "u.s.",
        "u.k.",
        "rf",
        "ksa",
        "bih",
        "fry",
        "gdr",
        "frg",
        "nz",
        "roc",
        "rok",
    }
)
_SHORT_CAPS: Final = frozenset({"u.s.", "u.k.", "uk", "usa", "prc", "uae", "u.s.a."})
_GAP_OK: Final = frozenset({" ", "-", " \n", "\n", ". ", "  ", " \n ", "\n "})
_NOT_PLACE: Final = frozenset({"Turkey" + "s"})


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """First words of multi-word place names: only they start a longer lookup."""
    return frozenset(k.split()[0].split("-")[0] for k in lexicon().places if " " in k or "-" in k)


_INNER: Final = ("of", "and", "de", "del", "la", "el", "al")
_RUN: Final = re.compile(r"[a-z0-9]*")


@lru_cache(maxsize=1)
def _max_runs() -> dict[str, int]:
    """First run of letters and digits of a gazetteer name -> most runs a name so begun
    has ("new" -> 3 for "New York City").

    Why: k tokens of ASCII text hold at least k runs, so longer lookups are skipped.
    """
    out: dict[str, int] = {}
    for key in lexicon().places:
        runs = re.findall(r"[A-Za-z0-9]+", key)
        if runs:
            out[runs[0]] = max(out.get(runs[0], 0), len(runs))
    return out


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every prefix of each gazetteer name of two or more runs of letters and digits.

    Why: most two-token lookups ("The Embassy", "Costa Ricans") miss; when the first two
    tokens (ASCII) are no such prefix, no longer name can match either.
    """
    return frozenset(
        k[:j]
        for k in lexicon().places
        if len(re.findall(r"[A-Za-z0-9]+", k)) > 1
        for j in range(1, len(k) + 1)
    )


def find_places(
    text: str,
    toks: Tokens,
    caps: bool,
    claimed: list[bool],
    info: list[int],
    at: list[int] | None = None,
) -> list[tuple[int, int, Gaz, int]]:
    """(start, end, entry, first token index) of each place mention, longest match first.

    Only tokens whose word can begin a gazetteer name are visited (``wordinfo.PLACE``;
    ``at`` lists them when the caller has them).
    """
    places = lexicon().places
    firsts = first_words()
    max_runs = _max_runs()
    prefixes = _prefixes()
    words, starts, ends, gaps = toks.words, toks.starts, toks.ends, toks.gaps
    out: list[tuple[int, int, Gaz, int]] = []
    n = len(words)
    nxt = 0
    for i in wi.where(info, wi.PLACE) if at is None else at:
        if i < nxt or claimed[i]:
            continue
        start, tok = starts[i], words[i]
        hit = None
        fold = tok.casefold()
        kmax = min(4, n - i) if fold in firsts else 1
        if kmax > 1:
            most = max_runs.get(_RUN.match(fold).group(), 1)  # type: ignore[union-attr]
            if text[start : ends[i + kmax - 1]].isascii():
                if most < kmax:
                    kmax = most
                # a longer name's key starts with the key of the first two tokens
                if kmax > 1 and " ".join(text[start : ends[i + 1]].split()).lower() not in prefixes:
                    kmax = 1
        for k in range(kmax, 0, -1):
            # the lookup first: the checks below only reject, and most lookups miss
            surface = text[start : ends[i + k - 1]]
            key = " ".join(surface.split()).casefold() if k > 1 else fold
            e = places.get(key)
            if e is None:
                continue
            if any(claimed[i : i + k]):
                continue
            if k > 1:
                if any(gaps[j] not in _GAP_OK for j in range(i, i + k - 1)):
                    continue
                if any(
                    not words[j][0].isupper() and words[j] not in _INNER for j in range(i, i + k)
                ):
                    continue
            if caps:
                if len(key) <= 2 or (len(key) <= 4 and key not in _SHORT_CAPS):
                    continue
            else:
                if surface.isupper() and len(key) <= 4 and key not in _SHORT_OK:
                    continue
                # (one token starts with a capital: wordinfo.PLACE)
                if (
                    k > 1
                    and not surface.isupper()
                    and any(w[:1].islower() and w not in _INNER for w in surface.split())
                ):
                    continue
            hit = (start, ends[i + k - 1], e, k)
            break
        if hit is None:
            continue
        s, e_, entry, k = hit
        out.append((s, e_, entry, i))
        nxt = i + k
    return out
