"""The cable body: page breaks, paragraphs, headings, summary, comment, signature."""

# The fixtures are real cable text, trailing spaces included (the parser must strip them).
# ruff: noqa: W291, W293

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest

from cablekit.parse import body

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "cables-dev.jsonl.gz"
VECTORS = SHARED / "conformance" / "cablemap-vectors.json"
SEED = SHARED / "seed" / "republished-page.txt"

# 09MOSCOW1488, abridged from the corpus (page break between paragraphs 6's halves).
MOSCOW = """C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488 
 
SIPDIS 
 
E.O. 12958: DECL: 06/05/2019 
TAGS: PGOV PREL IR IS SY GG RS
SUBJECT: ISRAELI FM LIEBERMAN IN MOSCOW 
 
Classified By: Political M/C Alice G. Wells for reasons 1.4 (b/d). 
 
1. (C) Summary: Israeli FM Lieberman's June 2-3 visit to 
Russia appears not to have broken new ground diplomatically. 
 End summary. 
 
Behaved Like an Old Friend 
-------------------------- 
 
2. (C) Israeli DCM Yuval Fuchs told us that FM Lieberman's 
June 2-3 visit to Russia ran the gamut of international and 
bilateral issues. 
 
6. (C) Fuchs said that Lavrov criticized the U.S. on several 
fronts.  Furthermore, the U.S. failure to "listen" to Russia, which 
 
MOSCOW 00001488  002 OF 002 
 
 
advised against Palestinian elections, had allowed Hamas to 
come to power. 
 
Syria 
----- 
 
7. (C) Lavrov thought that the Turkish-led negotiations 
between Israel and Syria had been positive. 
 
8. (C) Comment: Lieberman was at home in Moscow. End comment. 
BEYRLE
"""


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, Any]]:
    if not CORPUS.exists():
        pytest.skip("shared corpus absent")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _vectors(function: str) -> list[dict[str, Any]]:
    if not VECTORS.exists():
        return []
    return [v for v in json.loads(VECTORS.read_text()) if v["function"] == function]


def _ws(s: str | None) -> str | None:
    return " ".join(s.split()) if s is not None else None


# ----------------------------------------------------------------------------- page breaks


def test_page_break_found_and_rejoined() -> None:
    lines = MOSCOW.split("\n")
    pb = body.page_break_lines(lines)
    assert [lines[i].strip() for i in pb] == ["MOSCOW 00001488  002 OF 002"]
    clean = body.clean_body(lines)
    assert "002 OF 002" not in clean
    assert "Russia, which\nadvised against Palestinian elections" in clean
    assert clean.startswith("C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488\n")
    assert all(line == line.rstrip() for line in clean.split("\n"))


def test_page_break_between_paragraphs_keeps_one_blank() -> None:
    lines = [
        "1. (C) First paragraph ends here.",
        "",
        "PARIS 00001236  002 OF 004",
        "",
        "",
        "2. (C) Second paragraph.",
    ]
    assert body.clean_body(lines) == "1. (C) First paragraph ends here.\n\n2. (C) Second paragraph."


def test_page_break_variants() -> None:
    lines = [
        "text one",
        "DUBLIN 00000623 001.2 OF 003",
        "THE HAGUE 00001695  002 OF 002 ",
        "BERN 00001280  002 OF 002 \\",
        "TEGUCIGALP 00000526 002.2 OF 007",
        "1. (C) THE 2 OF 3 PARTIES AGREED",
        "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488",
    ]
    assert body.page_break_lines(lines) == {1, 2, 3, 4}


def test_old_telegram_section_repeat_removed() -> None:
    # 02ROME3639: page header and a new section repeating routing and preamble
    lines = [
        "C O N F I D E N T I A L SECTION 01 OF 03 ROME 003639 ",
        "SIPDIS ",
        "E.O. 12958: DECL: 07/19/2012 ",
        "TAGS: PGOV ECON PINR ELAB IT EUN",
        "SUBJECT: BOSSI ON ITALIAN POLITICS, DEVOLUTION, IMMIGRATION ",
        "AND THE EU ",
        " ",
        "14. (C) BOSSI WOULD LIKE TO SEE THE EU BECOME A ",
        "                       CONFIDENTIAL ",
        " ",
        "                           CONFIDENTIAL     PTQ4582 ",
        " ",
        "PAGE 01        ROME  03639  03 OF 03  231627Z ",
        "ACTION EUR-00 ",
        " ",
        "INFO  LOG-00   NP-00    AGRE-00  AID-00   ACQ-00   CA-01    CEA-01 ",
        "AMCONSUL FLORENCE ",
        " ",
        "C O N F I D E N T I A L SECTION 03 OF 03 ROME 003639 ",
        " ",
        "SIPDIS ",
        " ",
        "E.O. 12958: DECL: 07/19/2012 ",
        "TAGS: PGOV ECON PINR ELAB IT EUN",
        "SUBJECT: BOSSI ON ITALIAN POLITICS, DEVOLUTION, IMMIGRATION ",
        "AND THE EU ",
        " ",
        '""LOOSE CONFEDERATION.""',
    ]
    pb = body.page_break_lines(lines)
    assert {8, 10, 12, 13, 15, 16, 18, 20, 22, 23, 24, 25} <= pb
    assert not pb & {0, 1, 2, 3, 4, 5, 7, 27}
    paras = body.parse_paragraphs(lines)
    assert [p.number for p in paras] == ["14"]
    assert paras[0].text == 'BOSSI WOULD LIKE TO SEE THE EU BECOME A "LOOSE CONFEDERATION."'


# ----------------------------------------------------------------------------- paragraphs


def test_paragraphs_moscow() -> None:
    paras = body.parse_paragraphs(MOSCOW.split("\n"), first_line=101)
    assert [p.number for p in paras] == ["1", "2", "6", "7", "8"]
    assert [p.marking for p in paras] == ["C"] * 5
    assert [p.heading for p in paras] == [
        None,
        "Behaved Like an Old Friend",
        "Behaved Like an Old Friend",
        "Syria",
        "Syria",
    ]
    assert paras[0].start_line == 111  # line 11 of the text, offset by first_line - 1
    assert paras[2].text.endswith(
        "Russia, which advised against Palestinian elections, had allowed Hamas to come to power."
    )
    assert paras[-1].text == "Comment: Lieberman was at home in Moscow. End comment."


@pytest.mark.parametrize(
    ("line", "number", "marking", "text"),
    [
        ("1. (C) Text here", "1", "C", "Text here"),
        ("1.  (SBU) Text here", "1", "SBU", "Text here"),
        ("1.(S/NF) Text", "1", "S/NF", "Text"),
        ("\u00b61. (C) Text", "1", "C", "Text"),
        ("(C) 1. Text", "1", "C", "Text"),
        ("1. (S//Rel NATO, ISAF) Begin Summary.", "1", "S//REL NATO, ISAF", "Begin Summary."),
        ("1. (U.S.) Issue of Race", "1", None, "(U.S.) Issue of Race"),
        ("1. SUMMARY: SINCE THE FALL", "1", None, "SUMMARY: SINCE THE FALL"),
        ("3.. (SBU) All elections", "3", "SBU", "All elections"),
    ],
)
def test_paragraph_start_variants(line: str, number: str, marking: str | None, text: str) -> None:
    paras = body.parse_paragraphs([line])
    assert [(p.number, p.marking, p.text) for p in paras] == [(number, marking, text)]


def test_wrapped_numbers_are_not_paragraphs() -> None:
    lines = [
        "1. (C) The elections of",
        "2006. were close and the party got",
        "20. percent, said the source.",
        "",
        "2. (C) Next.",
    ]
    assert [p.number for p in body.parse_paragraphs(lines)] == ["1", "2"]


def test_lettered_and_bullets_stay_in_parent() -> None:
    lines = ["1. (C) We asked:", "", "A. whether it works;", "", "-- and when.", "", "2. (C) Done."]
    paras = body.parse_paragraphs(lines)
    assert [p.number for p in paras] == ["1", "2"]
    assert paras[0].text == "We asked: A. whether it works; -- and when."


def test_unnumbered_cable_blocks() -> None:
    lines = [
        "UNCLAS STATE 012345",
        "E.O. 12958: N/A",
        "TAGS: PREL",
        "SUBJECT: TEST",
        "",
        "THE FIRST BLOCK OF TEXT",
        "CONTINUES HERE.",
        "",
        "THE SECOND BLOCK.",
        "",
        "RICE",
    ]
    paras = body.parse_paragraphs(lines)
    assert [(p.number, p.text, p.start_line) for p in paras] == [
        (None, "THE FIRST BLOCK OF TEXT CONTINUES HERE.", 6),
        (None, "THE SECOND BLOCK.", 9),
    ]


def test_double_spaced_copy() -> None:
    # 07BUENOSAIRES403 puts a blank line after every line
    lines = [
        "1. (C) Summary. U/S Burns",
        "",
        "and A/S Shannon",
        "",
        "met De Vido.",
        "",
        "",
        "",
        "2. (U) U.S. Participants:",
        "",
        "Under Secretary Burns",
        "",
        "Ambassador Wayne",
        "",
        "",
        "",
        "3. (C) Text",
        "",
        "more text",
        "",
        "and more",
        "",
        "and yet",
        "",
        "more",
        "",
        "end.",
    ]
    paras = body.parse_paragraphs(lines)
    assert [p.number for p in paras] == ["1", "2", "3"]
    assert paras[1].heading is None
    assert paras[1].text == "U.S. Participants: Under Secretary Burns Ambassador Wayne"


# ----------------------------------------------------------------------------- summary / comment


@pytest.mark.parametrize("case", _vectors("summary"), ids=lambda c: c["source"].split("[")[-1])
def test_summary_vectors(case: dict[str, Any]) -> None:
    assert _ws(body.parse_summary(case["input"])) == _ws(case["expected"])


def test_summary_moscow() -> None:
    got = body.parse_summary(MOSCOW)
    assert got == (
        "Israeli FM Lieberman's June 2-3 visit to Russia appears not to have broken new "
        "ground diplomatically."
    )


def test_no_summary() -> None:
    assert body.parse_summary("1. (C) Nothing to sum up here.\n\n2. (C) Summary execution.") is None


def test_comment_inline_and_heading() -> None:
    assert body.parse_comment(MOSCOW) == "Lieberman was at home in Moscow."
    text = (
        "3. (C) BOSSI EXPECTED A STRONG LEFT. (COMMENT:  MAYBE.  WE WOULD\n"
        "AGREE. END COMMENT.) THE MEETING ENDED.\n\n"
        "Comment\n-------\n\n4. (C) Continuing unrest is\nlikely.\n\n"
        "5. (C) We will watch.\n\nLEVINE\n"
    )
    assert (
        body.parse_comment(text)
        == "MAYBE. WE WOULD AGREE.\n\nContinuing unrest is likely. We will watch."
    )


def test_comment_not_summary_and_comment() -> None:
    text = "1. (C) Summary and Comment: Unrest continues. End Summary and Comment.\n"
    assert body.parse_comment(text) is None
    assert body.parse_summary(text) == "Unrest continues."


# ----------------------------------------------------------------------------- signature


@pytest.mark.parametrize("case", _vectors("signers"), ids=lambda c: c["source"].split("[")[-1])
def test_signers_vectors(case: dict[str, Any]) -> None:
    assert body.parse_signers(case["input"].split("\n")) == case["expected"]


@pytest.mark.parametrize(
    ("tail", "sig", "signers"),
    [
        ("end.\nBEYRLE\n", "BEYRLE", ["BEYRLE"]),
        ("end.\n\nKEEGAN/WALLACE\n\nCONFIDENTIAL\n", "KEEGAN/WALLACE", ["KEEGAN", "WALLACE"]),
        (
            "matter.\nVisit London's Classified Website:\n"
            "http://www.state.sgov.gov/p/eur/london/index. cfm\nTuttle",
            "Tuttle",
            ["Tuttle"],
        ),
        ("This cable was cleared by Embassy Brasilia. McMullen", "McMullen", ["McMullen"]),
        ("the talks went on\nand on", None, []),
        # regression: press copies end on a redaction or a row of asterisks, then the signer
        # (08LONDON2112, 08MANAMA61); the redaction alone is no signature (06NEWDELHI3611)
        ("Visit London's Classified Website: XXXXXXXXXXXX TUTTLE", "TUTTLE", ["TUTTLE"]),
        ("Website: XXXXXXXXXXXX********** ******** HENZEL", "HENZEL", ["HENZEL"]),
        ("Visit New Delhi's Classified Website: XXXXXXXXXXXX", None, []),
        # regression (10BRASILIA43, the thirteenth blind set): a handling note before him
        ("cooperation.\n\nMINIMIZE CONSIDERED SHANNON", "SHANNON", ["SHANNON"]),
        # regression (08TRIPOLI126, the fifteenth blind set): a printout's date stamp after him
        ("End comment. \nSTEVENS 0 02/18/2008", "STEVENS", ["STEVENS"]),
        # (06BOGOTA7731, 08LONDON1814, the sixteenth): a closing line of the copy after him,
        # a mixed-case signer after the site's note at the end of a sentence
        ("the wells. \nWOOD \n\n=========CABLE ENDS=========", "WOOD", ["WOOD"]),
        (
            "at www.bpi.co.uk.  Visit London's Classified Website: XXXXXXXXXXXX \nLeBaron",
            "LeBaron",
            ["LeBaron"],
        ),
        # (08BERLIN643, the seventeenth): a suffix in lower case after a mixed-case signer
        ("the German nonpaper.\nTimken jr", "Timken", ["Timken"]),
        # (set 43's 07TRIPOLI983 and set 49's 09TRIPOLI953, read: 19 dev cables): the stamp
        # with a copy of the cable's record run on after it, on the signer's line or the next
        (
            "to Oxy. STEVENS 0 11/21/2007 2983 ECON,EINV,EPET,ENRG,LY OXY EXTENDS FOR 25 YEARS"
            " IN LIBYA 1. U.S. energy company Occidental is set to announce it.",
            "STEVENS",
            ["STEVENS"],
        ),
        (
            "guidance request. POLASCHIK\n0 12/09/2009 2787 UNGA,PREL,PHUM,LY LIBYA REQUESTS US"
            " SUPPORT\nThe GOL asked for it.",
            "POLASCHIK",
            ["POLASCHIK"],
        ),
        (
            "its veracity. Beyrle\n\n0 12/04/2009 2675 ASEC,KCRM,RS ALLEGED SMUGGLING",
            "Beyrle",
            ["Beyrle"],
        ),
    ],
)
def test_signature_variants(tail: str, sig: str | None, signers: list[str]) -> None:
    lines = ("1. (C) Text.\n\n2. (C) " + tail).split("\n")
    assert body.parse_signature(lines) == sig
    assert body.parse_signers(lines) == signers


# ----------------------------------------------------------------------------- warnings


def test_truncation_warning_on_republished_copy() -> None:
    if not SEED.exists():
        pytest.skip("seed page absent")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    end = next(i for i, line in enumerate(lines) if line.startswith("BEYRLE") or "genocide" in line)
    paras = body.parse_paragraphs(lines[: end + 1])
    assert "paragraph 5 ends mid-sentence" in body.truncation_warnings(paras)
    five = next(p for p in paras if p.number == "5")
    assert five.text.endswith("necessary to accommodate growing")


def test_no_truncation_warning_on_intact_cable() -> None:
    assert body.truncation_warnings(body.parse_paragraphs(MOSCOW.split("\n"))) == []


# ----------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "garbage",
    [
        [],
        [""],
        ["\x00\xff\ufffd"],
        ["1."],
        ["(C)"],
        ["-" * 500],
        ["1. (" + "C/" * 200],
        ["SUMMARY"] * 300,
        ["END SUMMARY"],
        ["\\"] * 50,
        [" \\", "PAGE 01 X 1234 01 OF 02 121212Z"],
    ],
)
def test_never_raises(garbage: list[str]) -> None:
    text = "\n".join(garbage)
    body.page_break_lines(garbage)
    body.clean_body(garbage)
    paras = body.parse_paragraphs(garbage)
    body.truncation_warnings(paras)
    body.parse_summary(text)
    body.parse_comment(text)
    body.parse_signature(garbage)
    body.parse_signers(garbage)


def test_pathological_input_does_not_raise() -> None:
    lines = ["1. (C) Comment: " + "word ( " * 3000] + ["(Comment: x" for _ in range(2000)]
    lines += ["Summary: a", "x " * 5000] + ["-- " * 30] * 500
    text = "\n".join(lines)
    body.parse_paragraphs(lines)
    body.parse_summary(text)
    body.parse_comment(text)
    body.parse_signature(lines)


# ----------------------------------------------------------------------------- corpus floors


def test_corpus_floors(corpus: list[dict[str, Any]]) -> None:
    """Measured on the 5,408 dev records; floors a little under the measured values."""
    pb_line = re.compile(r"^\s*[A-Z][A-Z .'-]{1,24}? 0\d{7}\s+\d{3}(?:\.\d)? OF \d{3}\s*\\?\s*$")
    has_summary = re.compile(r"(?im)\bend\s+summary\b|^\W*(?:\d+\.\s*(?:\(\S+\)\s*)?)?summary\b")
    numbered = sig = summ = summ_have = pb_ref = pb_found = warned = 0
    for r in corpus:
        text = r["body"]
        lines = text.split("\n")
        paras = body.parse_paragraphs(lines)
        if any(p.number for p in paras):
            numbered += 1
        if body.parse_signature(lines):
            sig += 1
        if has_summary.search(text):
            summ_have += 1
            summ += body.parse_summary(text) is not None
        pb = body.page_break_lines(lines)
        refs = {i for i, line in enumerate(lines) if pb_line.match(line)}
        pb_ref += len(refs)
        pb_found += len(refs & pb)
        warned += bool(body.truncation_warnings(paras))
    n = len(corpus)
    assert numbered / n >= 0.93  # measured 94.2%
    assert summ / summ_have >= 0.97  # measured 98.5%
    assert sig / n >= 0.83  # measured 84.7%
    assert pb_found == pb_ref  # measured 3,319 / 3,319
    assert warned / n <= 0.05  # measured 4.3% (mostly copies with genuinely cut lines)


# ----------------------------------------------------------------------------- fast paths


@pytest.mark.parametrize(
    "s",
    [
        "the weekend began. (END SUMMARY)",
        "spent the weekend. End  summary.",
        "( end of summary",
        "ENDEND SUMMARY",
        "no marker at all",
        "Summary ends here. END SUMMARY",
        "caf\u00e9 END SUMMARY",  # non-ASCII: the plain search
        "END COMMENT. End comment",
    ],
)
def test_end_marker_search_is_the_regex_search(s: str) -> None:
    """The END-anchored search finds exactly what the regex's own search finds."""
    for pos in range(len(s) + 1):
        for fast, pattern in (
            (body._summary_end, body._SUMMARY_END),
            (body._comment_end, body._COMMENT_END),
        ):
            want = pattern.search(s, pos)
            got = fast(s, pos)
            assert (got and got.span()) == (want and want.span()), (s, pos)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("E.O. 12958: DECL: 06/05/2019", True),
        ("tags: PGOV PREL", True),
        ("C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488", True),
        ("SECRET//NOFORN", True),
        ("Confidential sources told us", False),
        ("1. (C) Summary: the visit", False),
        ("", False),
    ],
)
def test_is_preamble_line(line: str, expected: bool) -> None:
    assert body._is_preamble_line(line) is expected


def test_shared_preparation_gives_the_same_fields() -> None:
    """Fields asked for in any order, or for a new list of the same lines, agree."""
    lines = MOSCOW.split("\n")
    text = "\n".join(lines)
    summary = body.parse_summary(text)
    paras = body.parse_paragraphs(lines)
    body._prepared.cache_clear()
    assert body.parse_paragraphs(list(lines)) == paras
    assert body.parse_summary(text) == summary
    assert summary is not None and summary.startswith("Israeli FM Lieberman's June 2-3 visit")


@pytest.mark.parametrize(
    ("text", "needles", "expected"),
    [
        ("a -------- b\nplain\n====\n", ("---", "==="), [0, 2]),
        ("--- x ---\n---\n", ("---",), [0, 1]),
        ("no rule\n", ("---", "***"), []),
        ("x\n\n***\ny\n***", ("***",), [2, 4]),
        ("", ("---",), []),
    ],
)
def test_lines_containing(text: str, needles: tuple[str, ...], expected: list[int]) -> None:
    """One index per line holding a needle, however often it repeats along the line."""
    assert body._lines_containing(text, needles) == expected


# Wrapped numbered paragraphs with a heading in between (lines are taken in one go up to
# the heading, which needs a short line after a finished sentence).
HEADED = """1. (C) The first paragraph runs on for a while and then
wraps onto a second line and a third one that ends the
sentence.
Security Situation
2. (SBU) The second paragraph: a short line follows a
finished one.
A Short Title Here
3. (U) Third, with a rule below its heading.
"""


def test_paragraphs_break_at_headings_after_wrapped_lines() -> None:
    paras = body.parse_paragraphs(HEADED.split("\n"))
    assert [(p.number, p.marking, p.heading) for p in paras] == [
        ("1", "C", None),
        ("2", "SBU", "Security Situation"),
        ("3", "U", "A Short Title Here"),
    ]
    assert paras[0].text == (
        "The first paragraph runs on for a while and then wraps onto a second line "
        "and a third one that ends the sentence."
    )
    assert paras[1].text == "The second paragraph: a short line follows a finished one."


def test_summary_end_marker_on_a_later_line() -> None:
    text = (
        "1. (C) Summary: the minister agreed to the plan, but he asked\n"
        "for time.  Parliament votes next week.  End\n"
        "Summary.\n"
        "\n"
        "2. (C) Details follow.\n"
    )
    assert body.parse_summary(text) == (
        "the minister agreed to the plan, but he asked for time. Parliament votes next week."
    )
