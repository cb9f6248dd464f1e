"""The fast paths of the extractor give what the plain, slow formulations give."""

from __future__ import annotations

import re

from interpreted import interpreted

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


def test_q_for_an_apostrophe_is_a_possessive() -> None:
    """Regression: "ObamaQs" (Q for an apostrophe, as some cables of the release have it)
    was a person of its own at 251k cables, "ObamaQs (Brazil)" and a dozen more. Q also
    stands for a letter ("CortQs" for Cortes): only a word the text has alone is cut."""
    text = "President ObamaQs visit; Obama in Costa Rica. Costa RicaQs FAQS, Marco CortQs and Qs"
    toks = tokenize(text)
    words = ["President", "Obama", "visit", "Obama", "in", "Costa", "Rica", "Costa", "Rica"]
    assert toks.words == [*words, "FAQS", "Marco", "CortQs", "and", "Qs"]
    for i in (1, 8):  # ObamaQs, RicaQs
        assert text[toks.starts[i] : toks.ends[i]] == toks.words[i] and toks.gaps[i] == "Qs "


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


def test_classify_where_is_classify_and_where() -> None:
    toks = tokenize(" ".join([*SNIPPETS, *KNOWN_SNIPPETS]))
    bits = [wi.KNOWN, wi.ORGHEAD, wi.SCAN, wi.PLACE, wi.ACR | wi.ACRDEF, wi.UP0]
    for caps in (False, True):
        info, at = wi.classify_where(toks.words, caps, bits)
        assert info == wi.classify(toks.words, caps)
        assert info == [wi._compute(w, caps) for w in toks.words]
        assert at == [wi.where(info, b) for b in bits]
        assert at[1]  # "Ministry", "Council" ...
        assert toks.words.index("Lavrov") in at[5]
    assert wi.classify_where([], False, bits) == ([], [[], [], [], [], [], []])


def test_classify_where_indices_past_the_shared_int_table() -> None:
    """The indices are shared int objects up to ``zone.OFFSETS``; past it, made anew."""
    from cablekit.extract import zone

    words = ["met"] * (len(zone.OFFSETS) + 5) + ["Lavrov", "and", "Burns"]
    info, at = wi.classify_where(words, False, [wi.UP0])
    assert at == [wi.where(info, wi.UP0)] == [[len(words) - 3, len(words) - 1]]


def test_acronym_bit_needs_two_capitals_a_slash_or_jargon() -> None:
    """extract_entities reads an ACR token with fewer than two capitals and no slash as
    "Amb." only: wordinfo gives ACR to no other such token but a long jargon entry."""
    from cablekit.extract.lexicon import lexicon

    acronyms = lexicon().acronyms
    words = [*tokenize(" ".join([*SNIPPETS, *KNOWN_SNIPPETS])).words, "Amb", "Mfa", "Gor"]
    words += [w for w in list(acronyms)[:3000] if w.isalpha()]
    for caps in (False, True):
        for w, f in zip(words, wi.classify(words, caps), strict=True):
            if f & wi.ACR and sum(c.isupper() for c in w) < 2 and "/" not in w:
                jargon = acronyms.get(w.upper(), ("", ""))[1] == "jargon" and len(w) > 4
                assert w == "Amb" or jargon, w
    assert wi.classify(["Amb"], False)[0] & wi.ACR


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


def _places_with_and_without(text: str, name: str, plain: object, monkeypatch) -> list:
    """Place names found in ``text`` (mixed case, then capitals) by ``find_places`` as it is
    and with ``places.<name>`` replaced by ``plain`` (what turns its fast path off), in
    an interpreted copy of the module (a compiled one does not see the swap)."""
    places = interpreted("cablekit.extract.places")

    def found(t: str, caps: bool) -> list[tuple[int, int, str]]:
        toks = tokenize(t)
        info = wi.classify(toks.words, caps)
        hits = places.find_places(t, toks, caps, [False] * len(toks.words), info)
        return [(s, e, g.name) for s, e, g, _ in hits]

    out = []
    for caps, t in ((False, text), (True, text.upper())):
        fast = found(t, caps)
        with monkeypatch.context() as m:
            m.setattr(places, name, lambda: plain)
            assert found(t, caps) == fast
        out.append(fast)
    return out


def test_place_lookups_skipped_by_the_run_bound_find_nothing(monkeypatch) -> None:
    class NoBound(dict):  # type: ignore[type-arg]
        def get(self, key: object, default: object = None) -> int:
            return 99

    text = (
        "Talks in New York City, New Delhi and New-York; in SAN JOSE and San Jose, Costa Rica;"
        " the Golan Heights and St. Petersburg, U.S. and Rio de Janeiro; New \u212aork City."
    )
    mixed, _ = _places_with_and_without(text, "_max_runs", NoBound(), monkeypatch)
    assert "New York City" in [name for _, _, name in mixed]


def test_org_pattern_matches_the_plain_formulation() -> None:
    # ORG_RE before the capital-first rewrite and the head-noun prefix tree
    ws = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
    tail = (
        r"(?:[ \t]+(?:of|for|on)(?:[ \t]+the)?(?:[ \t]+[A-Z][A-Za-z'\-]*){1,4})"
        r"(?:[ \t]+and(?:[ \t]+[A-Z][A-Za-z'\-]*){1,3})?"
    )
    plain = (
        r"\b((?:[A-Z][A-Za-z'&.\-]*" + ws + r"){1,5})(?:" + org_mod.HEADS + r")\b(?:" + tail + ")?"
        r"|\b(?:Ministry|Department|Office|Bureau|Directorate|Secretariat|Council|Commission)"
        + tail
    )
    texts = [
        *SNIPPETS,
        "The Prosecutor's Office, Armed Forces and Security Services; US Embassy Office of the",
        "xMinistry of Foreign Affairs, -Council for Trade, Coalition Corporation Corp Cortes Co",
        "National Security Council on Defense and Energy Reform; Department of State Council",
        "Iraqi Army Brigade\nCommand, Office of the Prime Minister; \u212aelvin Party, TV Times",
    ]
    for flags, fast in ((0, org_mod.ORG_RE), (re.I, org_mod.ORG_RE_CAPS)):
        slow = re.compile(plain, flags)
        for text in texts:
            for t in (text, text.upper(), text.lower()):
                assert [m.span() for m in fast.finditer(t)] == [m.span() for m in slow.finditer(t)]
    spans = [m.group() for m in org_mod.ORG_RE.finditer(texts[7])]
    assert spans[0] == "National Security Council on Defense and Energy Reform"


def test_section_lines_match_the_line_pattern() -> None:
    from cablekit.extract import zone

    text = (
        "SUBJECT: X\nSECTION 01 OF 03\nsome section of text\n  Pol Section 2 of 4\n"
        "UNCLAS SECTION 1 OF 2 STATE\nsection 3 of 4 ends\nSeCtIoN 9 OF 9\n\u017fection 1 of 2"
    )
    for t in (text, text.replace("\u017f", "s")):
        slow = zone._line_starts(zone._SECTION_M, zone._SECTION_NL, t, 0)
        assert zone._section_lines(t, 0) == slow
        assert zone._section_lines(t, 11) == [a for a in slow if a >= 11]
    assert len(zone._section_lines(text.replace("\u017f", "s"), 0)) == 6


def test_people_scan_skips_change_nothing() -> None:
    people = interpreted("cablekit.extract.people")  # its _STEP_SELF is swapped below

    texts = [
        "Russian FM Lavrov told the Ambassador. Medvedev said the new Peruvian President "
        "Fujimori met former Peru President Garcia; EU Council Director Jose Smith and "
        "FMLN General Coordinator Medardo Gonzalez. Political Counselors Mr. Pang and Mr. Xin.",
        "Opposition MP, Jasim Husain (from Wefaq), and the then Minister of Defense, Carme "
        "Chacon, met Kaidanow, NSC Director Bridget Brink. Smith Jones said; Costa Rica.",
    ]
    for text in texts:
        for caps, t in ((False, text), (True, text.upper())):
            toks = tokenize(t)
            found = []
            for skip_none in (False, True):
                orig = people._STEP_SELF
                if skip_none:
                    people._STEP_SELF = -1  # every candidate goes through _step
                try:
                    pf = people.PeopleFinder(t, toks, caps, [False] * len(toks.words), "Peru")
                    pf.scan()
                finally:
                    people._STEP_SELF = orig
                found.append([(c.tokens, c.titles, c.mentions) for c in pf.cands])
            assert found[0] == found[1]
    toks = tokenize(texts[0])
    pf = people.PeopleFinder(texts[0], toks, False, [False] * len(toks.words), "Peru")
    pf.scan()
    assert ["Medvedev"] in [c.tokens for c in pf.cands]


def test_place_prefix_skip_finds_what_the_full_lookup_finds(monkeypatch) -> None:
    class All(frozenset):  # type: ignore[type-arg]
        def __contains__(self, key: object) -> bool:
            return True

    text = (
        "The Hague, the Gambia and The Embassy; Costa Rica, Costa Ricans, St. Petersburg, "
        "Golan \nHeights, Guinea-Bissau and New York City; Rio de Janeiro, La Paz, New Delhi."
    )
    mixed, _ = _places_with_and_without(text, "_prefixes", All(), monkeypatch)
    assert "Saint Petersburg" in [name for _, _, name in mixed]


def test_acronym_definitions_keep_their_long_form() -> None:
    from cablekit.extract import acronyms

    text = (
        "1. (SBU) The Poppy Eradication Force (PEF) and the Nagorno-Karabakh (NK) peace talks "
        "met the Ministry of Foreign Affairs (MFA).\n\n2. (S/NF) Nothing (ABC) here."
    )
    defs = acronyms.definitions(text)
    assert defs["PEF"] == "Poppy Eradication Force"
    assert defs["MFA"] == "Ministry of Foreign Affairs"
    assert "SBU" not in defs and "ABC" not in defs


def test_runs_around_spans_match_the_whole_text_split() -> None:
    from bisect import bisect_right

    text = "Ministry of X, the 3rd Party-led (Council) ab/Office\n\nO'Neil & Co. Bank9Bank x"
    spans = [(0, 8), (5, 9), (19, 28), (29, 32), (34, 41), (45, 51), (50, 52), (74, 78)]
    starts, ends = org_mod._runs(text)
    ref: list[int] = []
    for s, e in spans:
        r = max(bisect_right(starts, s) - 1, 0)
        while r < len(starts) and starts[r] < e:
            if ends[r] > s and (not ref or ref[-1] < r):
                ref.append(r)
            r += 1
    found = org_mod._overlapping_runs(text, spans)
    assert found == [(starts[r], ends[r]) for r in ref]
    assert found[0] == (0, 13)  # "Ministry of X"


def test_tokenize_offsets_past_the_shared_int_table() -> None:
    from cablekit.extract import zone

    top = len(zone.OFFSETS)
    text = "Lavrov met Burns. " * (top // 18 + 50) + "FM Lavrov's aide, U/S Burns."
    assert len(text) > top + 500
    toks = tokenize(text)
    assert toks.triples() == _reference_tokens(text)
    assert toks.starts[-1] == len(text) - len("Burns.") and toks.ends[-1] == len(text) - 1
    assert toks.words[-4:] == ["Lavrov", "aide", "U/S", "Burns"]


def test_section_lines_in_non_ascii_text() -> None:
    from cablekit.extract import zone

    base = (
        "SUBJECT: Caf\u00e9\nSECTION 01 OF 03\nthe \u201csection\u201d of text\n"
        "Pol Secti\u00f3n 2 of 4\n\u0420\u0423\u0421 SECTION 2 OF 4\nsection 3 of 4 \u2019\n"
    )
    for odd in ("", "\u0130", "\u0131", "\u017f", "\u212a"):
        t = base + f"sect{odd}on 5 of 6\n"
        assert zone.has_case_odd(t) == bool(odd)
        slow = zone._line_starts(zone._SECTION_M, zone._SECTION_NL, t, 0)
        assert zone._section_lines(t, 0) == slow
        assert zone._section_lines(t, 20) == [a for a in slow if a >= 20]
    # U+0131 matches "I" under IGNORECASE: the line counts as a SECTION line
    assert zone._section_lines(base, 0) == [14, 91]
    assert zone._section_lines(base + "sect\u0131on 5 of 6\n", 0) == [14, 91, 108]
