"""Places: countries, cities, regions and seas looked up in the offline gazetteer.

Up to four tokens are looked up from each capitalised token (``Golan \\nHeights``,
``St. Petersburg``); mixed-case cables need a capital initial (``Georgia`` yes, a
lower-case word never), all-capitals cables skip the two-letter words (``US`` = us).
"""

from __future__ import annotations

from functools import lru_cache

from cablekit.extract.lexicon import Gaz, lexicon

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
def _first_words() -> frozenset[str]:
    """First words of multi-word place names: only they start a longer lookup."""
    return frozenset(k.split()[0].split("-")[0] for k in lexicon().places if " " in k or "-" in k)


def find_places(
    text: str, toks: list[tuple[int, int, str]], caps: bool, claimed: list[bool]
) -> list[tuple[int, int, Gaz, int]]:
    """(start, end, entry, first token index) of each place mention, longest match first."""
    places = lexicon().places
    firsts = _first_words()
    out: list[tuple[int, int, Gaz, int]] = []
    n = len(toks)
    i = 0
    while i < n:
        start, end, tok = toks[i]
        if claimed[i] or not tok[0].isupper():
            i += 1
            continue
        hit = None
        multi = tok.casefold() in firsts
        for k in range(min(4, n - i) if multi else 1, 0, -1):
            if any(claimed[i : i + k]):
                continue
            if k > 1:
                gaps = [text[toks[j][1] : toks[j + 1][0]] for j in range(i, i + k - 1)]
                if any(g not in _GAP_OK for g in gaps):
                    continue
                if any(
                    not toks[j][2][0].isupper()
                    and toks[j][2] not in ("of", "and", "de", "del", "la", "el", "al")
                    for j in range(i, i + k)
                ):
                    continue
            surface = text[start : toks[i + k - 1][1]]
            key = " ".join(surface.split()).casefold()
            e = places.get(key)
            if e is None:
                continue
            if caps:
                if len(key) <= 2 or (len(key) <= 4 and key not in _SHORT_CAPS):
                    continue
            else:
                if surface.isupper() and len(key) <= 4 and key not in _SHORT_OK:
                    continue
                if not surface.isupper() and any(
                    w[:1].islower() and w not in ("of", "and", "de", "del", "la", "el", "al")
                    for w in surface.split()
                ):
                    continue
            hit = (start, toks[i + k - 1][1], e, k)
            break
        if hit is None:
            i += 1
            continue
        s, e_, entry, k = hit
        out.append((s, e_, entry, i))
        i += k
    return out
