"""Places: countries, cities, regions and seas looked up in the offline gazetteer.

Up to four tokens are looked up from each capitalised token (``Golan \\nHeights``,
``St. Petersburg``); mixed-case cables need a capital initial (``Georgia`` yes, a
lower-case word never), all-capitals cables skip the two-letter words (``US`` = us).
"""

from __future__ import annotations

from functools import lru_cache

from cablekit.extract import wordinfo as wi
from cablekit.extract.lexicon import Gaz, lexicon
from cablekit.extract.zone import Tokens

_SHORT_OK = frozenset(
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
_SHORT_CAPS = frozenset({"u.s.", "u.k.", "uk", "usa", "prc", "uae", "u.s.a."})
_GAP_OK = frozenset({" ", "-", " \n", "\n", ". ", "  ", " \n ", "\n "})
_NOT_PLACE = frozenset({"Turkey" + "s"})


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """First words of multi-word place names: only they start a longer lookup."""
    return frozenset(k.split()[0].split("-")[0] for k in lexicon().places if " " in k or "-" in k)


_INNER = ("of", "and", "de", "del", "la", "el", "al")


def find_places(
    text: str, toks: Tokens, caps: bool, claimed: list[bool], info: list[int]
) -> list[tuple[int, int, Gaz, int]]:
    """(start, end, entry, first token index) of each place mention, longest match first.

    Only tokens whose word can begin a gazetteer name are visited (``wordinfo.PLACE``).
    """
    places = lexicon().places
    firsts = first_words()
    words, starts, ends, gaps = toks.words, toks.starts, toks.ends, toks.gaps
    out: list[tuple[int, int, Gaz, int]] = []
    n = len(words)
    nxt = 0
    for i in wi.where(info, wi.PLACE):
        if i < nxt or claimed[i]:
            continue
        start, tok = starts[i], words[i]
        hit = None
        multi = tok.casefold() in firsts
        for k in range(min(4, n - i) if multi else 1, 0, -1):
            # the lookup first: the checks below only reject, and most lookups miss
            surface = text[start : ends[i + k - 1]]
            key = " ".join(surface.split()).casefold() if k > 1 else tok.casefold()
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
                if not surface.isupper() and any(
                    w[:1].islower() and w not in _INNER for w in surface.split()
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
