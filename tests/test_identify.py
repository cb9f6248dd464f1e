"""cablekit identify: which stored cables a page reproduces, and what the copy lost.

A library of the 25 bundled cables (the seed page's four among them); the
generator-based quality gate on the whole corpus is tests/test_identify_quality.py.
"""

from __future__ import annotations

import difflib
import json
import re

import pytest
from conftest import ROOT
from conftest import run_cablekit as run

from cablekit.identify import identify
from cablekit.identify.fingerprint import index_terms, run_hashes, winnow, words_in
from cablekit.read.sources import read_documents_from_text
from cablekit.store import Library

SAMPLE = ROOT / "samples" / "cables-sample.jsonl"
SEED = ROOT / "samples" / "republished-page.txt"
SEED_IDS = ["09MOSCOW1488", "10MOSCOW392", "10BAKU134", "09MOSCOW2529"]
_WORD = re.compile(r"[^\W_]+")
PAGE_BREAK = re.compile(r"^\s*[A-Z ]+ \d{8}\s+\d{3} OF \d{3}\s*$")


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    path = tmp_path_factory.mktemp("identify") / "cables.db"
    with Library.open(path, create=True) as lib:
        lib.ingest([str(SAMPLE)])
    lib = Library.open(path)
    yield lib
    lib.close()


def _text(library, ref: str) -> str:
    return library.cable(ref)["text"]


def _body_lines(library, ref: str) -> list[str]:
    """The cable's text after its routing header, without page-break lines."""
    lines = _text(library, ref).split("\n")
    start = next(i for i, line in enumerate(lines) if "C O N F I D E N T I A L" in line)
    return [line for line in lines[start:] if not PAGE_BREAK.match(line)]


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def test_seed_page_gives_its_four_cables_in_order(library):
    result = identify(library, SEED.read_text(encoding="utf-8"))
    assert [m.reference_id for m in result.matches] == SEED_IDS
    spans = [m.input_span for m in result.matches]
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))  # no overlap
    assert all(m.coverage > 0.9 for m in result.matches)
    assert result.matches[0].metadata["tags"] == ["PGOV", "PREL", "IR", "IS", "SY", "GG", "RS"]
    # the title above the cables and the comment form below them match nothing
    unmatched = [u["input_span"] for u in result.unmatched]
    assert unmatched[0] == [1, 1] and "Please log in" in result.unmatched[-1]["text"]


def test_seed_page_lost_lines_are_reported(library):
    """Oracle, independent of the word alignment: the page kept the original line
    breaks, so a line diff (difflib) of each original against the page says which
    content lines it lost."""
    page = SEED.read_text(encoding="utf-8")
    page_lines = [_norm(line) for line in page.split("\n")]
    page_lines = [line for line in page_lines if line]
    result = identify(library, page)
    truth: set[tuple[str, str]] = set()
    reported: set[tuple[str, str]] = set()
    for m in result.matches:
        original = _text(library, m.reference_id).split("\n")
        first, last = m.cable_span
        span = [
            line.strip()
            for line in original[first - 1 : last]
            if _norm(line) and not PAGE_BREAK.match(line)
        ]
        matcher = difflib.SequenceMatcher(
            None, [_norm(line) for line in span], page_lines, autojunk=False
        )
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            if tag in ("delete", "replace"):
                truth.update((m.reference_id, line) for line in span[i1:i2])
        for entry in m.missing:
            for line in entry["text"].split("\n"):
                reported.add((m.reference_id, line.strip()))
    found = truth & reported
    assert len(truth) >= 45  # the page lost 51 content lines
    assert len(found) / len(truth) >= 0.9, sorted(truth - reported)
    assert len(found) / len(reported) >= 0.9, sorted(reported - truth)


def test_a_three_line_excerpt_is_found(library):
    lines = _body_lines(library, "10BAKU134")
    start = next(i for i, line in enumerate(lines) if line.startswith("3."))
    excerpt = "Look at what the cable said:\n\n" + "\n".join(lines[start : start + 3])
    result = identify(library, excerpt)
    assert [m.reference_id for m in result.matches] == ["10BAKU134"]
    assert result.matches[0].input_span == [3, 5]
    assert result.unmatched[0]["input_span"] == [1, 1]


def test_reflowed_and_curled_copy_is_found(library):
    body = "\n".join(_body_lines(library, "10MOSCOW392"))
    paragraphs = [" ".join(p.split()) for p in body.split("\n \n")]
    page = "\n\n".join(paragraphs).replace('"', "\u201c").replace("'", "\u2019")
    result = identify(library, page)
    assert [m.reference_id for m in result.matches] == ["10MOSCOW392"]
    assert result.matches[0].coverage > 0.95


def test_a_stitched_page_gives_several_partial_matches(library):
    a = _body_lines(library, "09MOSCOW1488")
    b = _body_lines(library, "10BAKU134")
    pa = next(i for i, line in enumerate(a) if line.startswith("2."))
    pb = next(i for i, line in enumerate(b) if line.startswith("4."))
    page = "\n".join(a[pa : pa + 10] + [""] + b[pb : pb + 10])
    result = identify(library, page)
    assert [m.reference_id for m in result.matches] == ["09MOSCOW1488", "10BAKU134"]
    assert all(m.coverage < 0.2 for m in result.matches)


def test_a_page_without_a_cable_matches_nothing(library):
    page = (
        "Opinion: what the leaked cables tell us about diplomacy\n\n"
        "Ten years on, the publication of the State Department cables still shapes how\n"
        "reporters think about sources. Readers wrote in to ask how the documents were\n"
        "verified, and our editors explain the process step by step in this column.\n"
        "Leave a comment. Please log in using one of these methods to post your comment.\n"
    )
    result = identify(library, page)
    assert result.matches == []
    assert result.unmatched[0]["input_span"] == [1, 6]


def test_an_html_page_is_read_as_the_cli_reads_it(library):
    body = "\n".join(_body_lines(library, "09MOSCOW1488")[:40])
    html = (
        "<html><head><title>Leak</title></head><body><nav><a href='/'>Home</a> | "
        "<a href='/about'>About</a></nav><article><h1>The cable</h1><pre>"
        + body
        + "</pre></article><form><textarea>Leave a reply</textarea></form></body></html>"
    )
    (document,) = read_documents_from_text(html, "page.html")
    result = identify(library, document.text)
    assert [m.reference_id for m in result.matches] == ["09MOSCOW1488"]


def test_empty_and_odd_input(library):
    assert identify(library, "").matches == []
    assert identify(library, "\n\n   \n").unmatched == []
    assert identify(library, "SECRET").matches == []


def test_fingerprints_are_stable():
    """The index stores these terms: a change of hashing needs a new index schema."""
    text = "Lavrov said that nothing new could happen on Iran until the U.S. opened talks."
    assert words_in(text)[:3] == ["lavrov", "said", "that"]
    assert len(run_hashes(words_in(text))) == len(words_in(text)) - 4
    assert index_terms(text) == sorted(index_terms(text.upper()))  # case does not matter
    assert index_terms(text) == index_terms(" \n ".join(text.split()))  # nor wrapping
    assert index_terms(text) == ["0x32dc82"]
    assert len(winnow(run_hashes(words_in(text * 20)))) < len(words_in(text * 20)) / 3


def test_cli_formats(library):
    db = str(library.store.path)
    as_json = json.loads(run("identify", "--db", db, "--format", "json", str(SEED)).stdout)
    assert [m["reference_id"] for m in as_json[0]["matches"]] == SEED_IDS
    first = as_json[0]["matches"][0]
    assert {"score", "coverage", "input_span", "cable_span", "missing", "added", "changed"} <= set(
        first
    )
    assert first["metadata"]["subject"] == "ISRAELI FM LIEBERMAN IN MOSCOW"
    jsonl = run("identify", "--db", db, "--format", "jsonl", str(SEED), str(SEED)).stdout
    assert len(jsonl.splitlines()) == 2
    text = run("identify", "--db", db, str(SEED)).stdout
    assert "4 cables found" in text and "- SIPDIS" in text
    html = run("identify", "--db", db, "--format", "html", str(SEED)).stdout
    assert html.startswith("<!doctype html>") and 'class="lost"' in html
    restored = run("identify", "--db", db, "--restore", str(SEED)).stdout
    assert "=== 09MOSCOW1488" in restored and "\n- SIPDIS" in restored


def test_cli_bad_file_is_one_line(library, tmp_path):
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"\x00\xff" * 500)
    result = run("identify", "--db", str(library.store.path), str(bad), str(SEED))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "4 cables found" in result.stdout


def test_a_page_of_no_cable_gets_suggested_tags(library):
    page = (
        "The Ambassador met Foreign Minister Lavrov in Moscow on Tuesday to discuss the"
        " situation in Georgia, South Ossetia and Abkhazia, NATO enlargement and missile"
        " defense in Europe. Lavrov said Russia would respond to any deployment of"
        " interceptors in Poland and the Czech Republic, and warned that Tbilisi should"
        " not try to retake the breakaway regions by force. The Ambassador urged restraint."
    )
    result = identify(library, page)
    assert not result.matches
    tags = [t["tag"] for t in result.suggested_tags]
    assert tags and all(0 < t["score"] <= 1 for t in result.suggested_tags)
    assert "RS" in tags or "GG" in tags  # the page is about Russia and Georgia
    assert result.to_dict()["suggested_tags"] == result.suggested_tags
    copy = identify(library, (ROOT / "samples" / "republished-page.txt").read_text())
    assert copy.matches and copy.suggested_tags == []  # a page that is a cable: its own TAGS
