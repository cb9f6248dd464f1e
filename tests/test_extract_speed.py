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
