"""Segmentation: where each cable in a document starts and ends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cablekit.segment import Segment, segment

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "republished-page.txt"

NEWS = """Russia and Israel deepen ties as Lieberman visits Moscow

MOSCOW (Reuters) - Israeli Foreign Minister Avigdor Lieberman met Russian
President Dmitry Medvedev on Tuesday, the first stop of a two-day visit.

"We discussed the peace process and Iran," Lieberman told reporters. He said
1. the talks were friendly and 2. no new agreements were signed.

Secret talks on arms sales were not on the agenda, officials said in 2009.
Posted by admin. Leave a Reply
"""


def _records() -> list[dict]:
    lines = (FIXTURES / "cables-sample.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _cable_text(record: dict) -> str:
    return record["header"].strip("\n") + "\n" + record["body"].rstrip()


def _last_nonblank(text: str) -> int:
    lines = text.split("\n")
    return max(i for i, line in enumerate(lines) if line.strip()) + 1


def test_seed_page_gives_the_four_cables() -> None:
    if not SEED.exists():
        pytest.skip("shared data absent")
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    segs = segment(text)
    assert [s.reference_hint for s in segs] == [
        "MOSCOW 1488",
        "MOSCOW 392",
        "BAKU 134",
        "MOSCOW 2529",
    ]
    assert (
        segs[0]
        .text.split("\n")[0]
        .startswith("C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488")
    )
    assert segs[0].start_line == 3  # not the blog title on line 1
    assert segs[-1].text.split("\n")[-1].strip() == "34.  (U) ASD Vershbow has cleared this cable."
    # Every non-blank line from the first cable line to the last is covered ...
    covered = {i for s in segs for i in range(s.start_line, s.end_line + 1)}
    last_cable_line = segs[-1].end_line
    missing = [
        n for n in range(3, last_cable_line + 1) if lines[n - 1].strip() and n not in covered
    ]
    assert missing == []
    # ... and none of the page chrome after it is.
    assert "commenting" not in segs[-1].text
    assert all("Please log in" not in s.text for s in segs)
    for s in segs:
        assert s.text == "\n".join(lines[s.start_line - 1 : s.end_line])


def test_one_corpus_cable_is_one_segment_covering_it() -> None:
    for record in _records():
        text = _cable_text(record)
        (seg,) = segment(text)
        assert seg.start_line == 1
        assert seg.end_line == _last_nonblank(text)
        assert seg.text.startswith("VZCZC")


def test_two_cables_with_prose_between() -> None:
    a, b = (_cable_text(r) for r in _records()[:2])
    prose = "\nHere is the second cable, which the paper also obtained.\nIt follows below.\n\n"
    text = "My notes on two cables\n\n" + a + "\n\n" + prose + b + "\n\nComments are closed.\n"
    segs = segment(text)
    assert len(segs) == 2
    assert segs[0].text == a
    assert segs[1].text == b
    assert segs[0].start_line == 3


def test_three_cables_pasted_without_blank_lines() -> None:
    cables = [_cable_text(r) for r in _records()]
    text = "\n".join(cables)
    segs = segment(text)
    assert [s.text for s in segs] == cables
    hints = [s.reference_hint for s in segs]
    assert hints == ["SANTIAGO 2572", "BOGOTA 11293", "NEW DELHI 4826"]


def test_news_article_has_no_cable() -> None:
    assert segment(NEWS) == []
    assert segment("") == []
    assert segment("\n\n\n") == []


def test_cable_without_classification_line() -> None:
    text = (
        "Here is what the embassy wrote:\n\n"
        "E.O. 12958: DECL: 06/05/2019 \n"
        "TAGS: PGOV PREL IR IS SY GG RS\n"
        "SUBJECT: ISRAELI FM LIEBERMAN IN MOSCOW \n"
        "\n"
        "1. (C) Summary: Israeli FM Lieberman's June 2-3 visit to \n"
        "Russia appears not to have broken new ground diplomatically. \n"
        "\n"
        "2. (C) Israeli DCM Yuval Fuchs told us that FM Lieberman's \n"
        "June 2-3 visit to Russia ran the gamut of international issues. \n"
        "\n"
        "Share this:\n"
        "Twitter\n"
    )
    (seg,) = segment(text)
    assert seg.start_line == 3
    assert seg.text.split("\n")[-1].startswith("June 2-3 visit to Russia ran the gamut")
    assert seg.reference_hint is None


def test_page_break_of_another_cable_starts_a_new_one() -> None:
    text = (
        "C O N F I D E N T I A L MOSCOW 001488\n\n"
        "1. (C) First paragraph.\n\n"
        "2. (C) Second paragraph.\n\n"
        "BAKU 00000134  002 OF 004\n\n"
        "7. (C) In response to U/S Burns' question.\n"
    )
    segs = segment(text)
    assert [s.reference_hint for s in segs] == ["MOSCOW 1488", "BAKU 134"]
    assert segs[1].start_line == 7


def test_signature_closes_the_cable() -> None:
    text = (
        "UNCLAS STATE 000123\n\nSUBJECT: TEST\n\n1. (U) Text of the cable.\n\n"
        "2. (U) More text.\n\nCLINTON\n\nLeave a Reply\nYour email address will not be published.\n"
    )
    (seg,) = segment(text)
    assert seg.text.endswith("CLINTON")
    assert seg.reference_hint == "STATE 123"


def test_odd_inputs_never_raise() -> None:
    for text in ["\x00\x01", "1. (C)", "C O N F I D E N T I A L", "¶" * 10, "x" * 100_000]:
        assert isinstance(segment(text), list)
    assert all(isinstance(s, Segment) for s in segment("1. (C) a\n\n2. (C) b\n"))


# --- The corpus: one record is one cable, every line of it inside. ---------------------

WORDPRESS_FORM = """

Leave a Reply

Please log in using one of these methods to post your comment:

You are commenting using your WordPress.com account. Log Out /  Change )

Twitter picture

Connecting to %s

Share this:
Twitter
Facebook
Like this:
Like Loading...
Related
"""


def _doc(record: dict) -> str:
    return record["header"] + "\n" + record["body"]


def _by_id(corpus: list[dict], rid: str) -> dict:
    return next(r for r in corpus if r["id"] == rid)


def test_corpus_records_are_one_segment_each(corpus: list[dict]) -> None:
    one = lines_total = lines_in = 0
    for record in corpus:
        doc = _doc(record)
        segs = segment(doc)
        one += len(segs) == 1
        inside = set()
        for s in segs:
            inside.update(range(s.start_line - 1, s.end_line))
        for i, line in enumerate(doc.split("\n")):
            if line.strip():
                lines_total += 1
                lines_in += i in inside
    share_one, share_lines = one / len(corpus), lines_in / lines_total
    print(
        f"\nsegment corpus: {one}/{len(corpus)} one segment ({share_one:.2%}), "
        f"{lines_in}/{lines_total} non-blank lines inside ({share_lines:.3%})"
    )
    assert share_one >= 0.996  # measured 99.80 %
    assert share_lines >= 0.999  # measured 99.95 %


def test_page_breaks_of_the_same_cable_never_split_it(corpus: list[dict]) -> None:
    doc = _doc(_by_id(corpus, "10SANAA295"))
    (seg,) = segment(doc)
    assert seg.reference_hint == "SANAA 295"
    assert seg.start_line == 1 and seg.end_line == _last_nonblank(doc)
    assert "There is a serious deficit in reliable statistical data" in seg.text


def test_repeated_routing_header_of_the_same_cable(corpus: list[dict]) -> None:
    # An extract sentence, then later the routing header "P 231625Z JUL 02" and the
    # section's classification line of the same ROME 3639.
    doc = _doc(_by_id(corpus, "02ROME3639"))
    (seg,) = segment(doc)
    assert seg.reference_hint == "ROME 3639"
    assert "P 231625Z JUL 02" in seg.text


def test_trailing_signature_and_annex_lines_are_kept(corpus: list[dict]) -> None:
    for rid, last in [
        ("03RANGOON1452", "Martinez"),
        ("03THEHAGUE2480", "SOBEL"),
        ("03BRASILIA3122", "VIRDEN"),
    ]:
        doc = _doc(_by_id(corpus, rid))
        (seg,) = segment(doc)
        assert seg.text.rstrip().endswith(last), rid


# --- Documents of several cables, and pages around them. --------------------------------


def test_corpus_cables_joined_by_blog_prose(corpus: list[dict]) -> None:
    picks = [_by_id(corpus, rid) for rid in ("09MOSCOW1488", "03THEHAGUE2480", "10SANAA295")]
    cables = [_doc(r).strip("\n") for r in picks]
    prose = (
        "\n\nThe next cable, which we publish in full below, was sent a few months later "
        "and shows how the embassy's view changed over the year.\n\n"
    )
    text = "Three cables from our archive\n\n" + prose.join(cables) + "\n" + WORDPRESS_FORM
    segs = segment(text)
    assert len(segs) == 3
    for seg, cable in zip(segs, cables, strict=True):
        assert seg.text == cable.rstrip()
    assert all("we publish in full" not in s.text for s in segs)
    assert "Leave a Reply" not in segs[-1].text
    two = segment(prose.join(cables[:2]))
    assert [s.text for s in two] == [c.rstrip() for c in cables[:2]]


def test_news_article_alone_is_no_cable() -> None:
    article = NEWS.replace("Posted by admin. Leave a Reply\n", "") * 3
    assert segment(article) == []


def test_one_cable_and_a_wordpress_comment_form() -> None:
    cable = _cable_text(_records()[0])
    text = "A cable on Fujimori\n\n" + cable + "\n" + WORDPRESS_FORM
    (seg,) = segment(text)
    assert seg.text == cable
    assert seg.start_line == 3


def test_cable_without_signature_ends_at_chrome() -> None:
    text = (
        "C O N F I D E N T I A L MOSCOW 002529\n\n"
        "1. (C) Summary: text of the first paragraph.\n\n"
        "2. (C) The last paragraph runs on\n"
        "over a second line.\n\n"
        "Unnumbered closing text stays in the cable.\n\n"
        "\u10d9\u10dd\u10db\u10d4\u10dc\u10e2\u10d0\u10e0\u10d8\u10e1 "
        "\u10d3\u10d0\u10e2\u10dd\u10d5\u10d4\u10d1\u10d0\n\n"
        "Any text after the chrome is the page's.\n"
    )
    (seg,) = segment(text)
    assert seg.text.endswith("Unnumbered closing text stays in the cable.")


def test_heading_after_a_paragraph_keeps_the_wrapped_text_below_it() -> None:
    # "TRANSPORTATION" looks like a signature; the hard-wrapped text under it is the cable's.
    text = (
        "UNCLAS BUENOS AIRES 000109\n\nSUBJECT: SECURITY\n\n"
        "1. (U) Use credit cards only at the hotel and major stores.\n\n"
        "TRANSPORTATION\n\n"
        "Remises (hired car and driver) are the best public \n"
        "transportation.  They charge by the kilometer. \n"
    )
    (seg,) = segment(text)
    assert seg.text.endswith("transportation.  They charge by the kilometer. ")


def test_blog_prose_after_a_signature_is_left_out() -> None:
    text = (
        "UNCLAS STATE 000123\n\nSUBJECT: TEST\n\n1. (U) Text of the cable.\n\nCLINTON\n\n"
        "What this tells us about the Department is that it wanted the talks to go on, "
        "whatever the cost.\n"
    )
    (seg,) = segment(text)
    assert seg.text.endswith("CLINTON")


def test_routing_header_of_another_cable_starts_a_new_one() -> None:
    text = (
        "C O N F I D E N T I A L ROME 003639\n\n1. (C) First.\n\n2. (C) Second.\n"
        "P 241200Z JUL 02\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC PRIORITY 5041\n"
        "C O N F I D E N T I A L ROME 003650\n\n1. (C) Other cable.\n"
    )
    segs = segment(text)
    assert [s.reference_hint for s in segs] == ["ROME 3639", "ROME 3650"]
    assert segs[1].text.startswith("P 241200Z JUL 02")
