"""The fast paths of the extractor give what the plain, slow formulations give."""

from __future__ import annotations

import re

from cablekit.extract import organizations as org_mod
from cablekit.extract import wordinfo as wi
from cablekit.extract.zone import TOKEN, annotated_zone, tokenize

SNIPPETS = [
    "FM Lavrov's remarks on the U.S.'s FY'07 budget; Pol/Econoff met U/S Burns.",
    "X's's O's/ it's'a d's/x AL-ASAD'S k'sh'S A'S.B. H.E. Amb. Gen.",
    "the 1997 HHS/Ministry of Health Joint Statement and the Ministry of Planning/Secretariat",
    "THE MINISTRY OF FOREIGN AFFAIRS AND THE FEDERATION COUNCIL MET THE U.S. GOVERNMENT",
    "the Bolivian government and the Government of Bolivia, Hamas and al-Qaida, State-MFA",
]


def _reference_tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in TOKEN.finditer(text):
        g = m.group()
        if g.endswith(("'s", "'S")):
            out.append((m.start(), m.end() - 2, g[:-2]))
        else:
            out.append((m.start(), m.end(), g))
    return out


def test_tokenize_matches_the_token_regex() -> None:
    for text in SNIPPETS:
        toks = tokenize(text)
        ref = _reference_tokens(text)
        assert toks.triples() == ref
        gaps = [text[ref[i][1] : ref[i + 1][0]] for i in range(len(ref) - 1)]
        assert toks.gaps == [*gaps, ""]
    assert tokenize("FY'07 Lavrov's").words == ["FY", "07", "Lavrov"]


def test_known_trie_matches_the_plain_alternation() -> None:
    forms = sorted(set(org_mod.KNOWN), key=len, reverse=True)
    plain = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w/])")
    trie = re.compile("(" + org_mod._trie(sorted(forms)) + r")(?![\w/])")
    text = " ".join(SNIPPETS) + " Al Jazeera, Al-Jazeera's Hizb ut-Tahrir; Totalitarian Total."
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group(1) for m in trie.finditer("Al Jazeera and al Qaeda")] == [
        "Al Jazeera",
        "al Qaeda",
    ]


def test_org_runs_match_the_whole_text_scan() -> None:
    for text in SNIPPETS:
        for caps in (False, True):
            toks = tokenize(text)
            info = wi.classify(toks.words, caps)
            heads = [(toks.starts[i], toks.ends[i]) for i in wi.where(info, wi.ORGHEAD)]
            pattern = org_mod.ORG_RE_CAPS if caps else org_mod.ORG_RE
            fast = [m.span() for m in org_mod.find_orgs(text, 0, caps, heads)]
            assert fast == [m.span() for m in pattern.finditer(text)]
            govs = [m.span() for m in org_mod.find_govs(text, 0)]
            assert govs == [m.span() for m in org_mod._GOV_RE.finditer(text)]
    text = SNIPPETS[2]
    toks = tokenize(text)
    heads = [
        (toks.starts[i], toks.ends[i]) for i in wi.where(wi.classify(toks.words, False), wi.ORGHEAD)
    ]
    assert [m.group() for m in org_mod.find_orgs(text, 0, False, heads)][
        0
    ] == "Ministry of Health Joint Statement"


def test_zone_blanks_ref_blocks_and_page_lines() -> None:
    text = (
        "VZCZC\nSUBJECT: TALKS\n\nREF: A. MOSCOW 1\n     B. STATE 2\n\n"
        "1. (C) FM Lavrov said.\nSECTION 2 OF 3\nSIPDIS\nEnd."
    )
    z = annotated_zone(text)
    assert z.start == text.index("SUBJECT")
    assert len(z.text) == len(text)
    assert "REF" not in z.text and "STATE 2" not in z.text
    assert "SECTION" not in z.text and "SIPDIS" not in z.text
    assert "FM Lavrov said." in z.text and z.text.endswith("End.")
    assert z.text[:6] == "     \n"


# texts where a known name starts inside a token, after an apostrophe or a dot, or after
# a possessive: the token-driven search must still find what the whole-text scan finds
KNOWN_SNIPPETS = [
    "d'Hamas and U.S.Hamas, Hamas's S/CT; X'S/CT and G/TIP. al-Qaida/al Qaeda, the UN's WFP",
    "Total's Totalitarian Total.Shell_Hamas -Hamas /Hamas é'Hamas 'Hamas' FSB'sFSB KGB-GRU",
    "THE MFA OF RUSSIA; the MFA, State-MFA and State. Al Jazeera's Al-Jazeera ITAR-TASS",
]


def test_known_names_from_tokens_match_the_whole_text_scan() -> None:
    for text in [*KNOWN_SNIPPETS, *SNIPPETS]:
        toks = tokenize(text)
        for caps in (False, True):
            at = wi.where(wi.classify(toks.words, caps), wi.KNOWN)
            for pos in (0, 1, 5):
                fast = [
                    m.span() for m in org_mod.find_known(text, pos, toks.starts, toks.words, at)
                ]
                assert fast == [m.span() for m in org_mod.known_re().finditer(text, pos)]
    toks = tokenize(KNOWN_SNIPPETS[0])
    at = wi.where(wi.classify(toks.words, False), wi.KNOWN)
    found = [
        m.group(1) for m in org_mod.find_known(KNOWN_SNIPPETS[0], 0, toks.starts, toks.words, at)
    ]
    assert found[:3] == ["Hamas", "Hamas", "Hamas"] and "S/CT" in found and "G/TIP" in found


def test_where_many_is_where_per_bit() -> None:
    toks = tokenize(" ".join([*SNIPPETS, *KNOWN_SNIPPETS]))
    for caps in (False, True):
        info = wi.classify(toks.words, caps)
        bits = (wi.KNOWN, wi.ORGHEAD, wi.SCAN, wi.PLACE, wi.ACR | wi.ACRDEF)
        assert wi.where_many(info, bits) == [wi.where(info, b) for b in bits]
        assert wi.where_many(info, bits)[1]  # "Ministry", "Council" ...


def test_quotes_from_find_match_the_regex_scan() -> None:
    from cablekit.extract import quotes

    texts = [
        'He said "no" and "" then "yes\nplease" and an open " quote',
        '"a""b" "' + "x" * 700 + '" "c"',
        'curly \u201cquote\u201d and "plain"',
        "none at all",
    ]
    for text in texts:
        fast = [m.span() for m in quotes._quote_matches(text)]
        assert fast == [m.span() for m in quotes._QUOTE.finditer(text)]
    assert [m.group(1) for m in quotes._quote_matches(texts[0])] == [
        "no",
        " then ",
        " and an open ",
    ]


def test_place_lookups_skipped_by_the_run_bound_find_nothing() -> None:
    from cablekit.extract import places

    class NoBound(dict):  # type: ignore[type-arg]
        def get(self, key: object, default: object = None) -> int:
            return 99

    text = (
        "Talks in New York City, New Delhi and New-York; in SAN JOSE and San Jose, Costa Rica;"
        " the Golan Heights and St. Petersburg, U.S. and Rio de Janeiro; New \u212aork City."
    )
    for caps, t in ((False, text), (True, text.upper())):
        toks = tokenize(t)
        info = wi.classify(toks.words, caps)
        fast = places.find_places(t, toks, caps, [False] * len(toks.words), info)
        orig = places._max_runs
        try:
            places._max_runs = lambda: NoBound()  # type: ignore[assignment]
            slow = places.find_places(t, toks, caps, [False] * len(toks.words), info)
        finally:
            places._max_runs = orig  # type: ignore[assignment]
        assert [(s, e, g.name) for s, e, g, _ in fast] == [(s, e, g.name) for s, e, g, _ in slow]
        assert "New York City" in [g.name for _, _, g, _ in fast] or caps
