"""Suggested TAGS (cablekit.extract.suggest): a quality gate on cables held out from the library.

The dev corpus is split by a hash of the reference id (~80 % train, ~20 % held out); only
the train part is ingested. Each held-out cable is given as a copy that lost its TAGS and
SUBJECT lines (and its routing header), and its suggested TAGS are scored against the
TAGS of its real text: micro-F1 over all tags, pinned as a floor in floors.json.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from cablekit import parse_cable
from cablekit.extract.suggest import (
    CACHE_SUFFIX,
    copy_text,
    evaluate,
    place_countries,
    suggest_tags,
    suggester,
)
from cablekit.parse.tags import GEO_CODES
from cablekit.store.library import Library


def held_out(reference_id: str) -> bool:
    """One cable in five, by a hash of its id (both versions of a cable fall together)."""
    digest = hashlib.blake2b(reference_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % 5 == 0


@pytest.fixture(scope="module")
def split(corpus: list[dict]) -> tuple[list[dict], list[dict]]:
    train = [r for r in corpus if not held_out(r["id"])]
    test = [r for r in corpus if held_out(r["id"])]
    return train, test


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, split: tuple[list[dict], list[dict]]):
    """A library of the train part only."""
    train, _ = split
    root = tmp_path_factory.mktemp("suggest")
    source = root / "train.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as f:
        for record in train:
            f.write(json.dumps(record) + "\n")
    lib = Library.open(root / "train.db", create=True)
    lib.ingest([str(source)], entities=False)  # the suggester reads the text index only
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def pages(split: tuple[list[dict], list[dict]]) -> list[tuple[str, list[str], str]]:
    """(copy text, gold TAGS, id) of every held-out cable that has TAGS."""
    _, test = split
    out = []
    for record in test:
        tags = list(dict.fromkeys(parse_cable(record["header"] + "\n" + record["body"]).tags))
        if tags:
            out.append((copy_text(record["body"]), tags, record["id"]))
    return out


def test_split_is_about_four_to_one(split: tuple[list[dict], list[dict]]) -> None:
    train, test = split
    assert 0.15 < len(test) / (len(train) + len(test)) < 0.25
    assert not {r["id"] for r in train} & {r["id"] for r in test}


def test_held_out_micro_f1_floor(library: Library, pages: list, floors: dict) -> None:
    model = suggester(library)
    assert model.calibration.sample >= 500  # calibrated on the library, not the defaults
    # the copies really lost their TAGS and SUBJECT fields
    assert not any("\nTAGS:" in text or "\nSUBJECT:" in text for text, _, _ in pages)
    figures = evaluate(model, [(text, tags) for text, tags, _ in pages])
    floor = floors["suggest_tags"]["micro_f1"]
    assert len(pages) > 900
    assert figures["all"]["f1"] >= floor, figures
    assert figures["geo"]["f1"] >= 0.78, figures  # place names help the countries
    assert figures["other"]["f1"] >= 0.62, figures
    assert figures["all"]["precision"] >= 0.6 and figures["all"]["recall"] >= 0.6, figures


def test_calibration_is_cached_beside_the_db(library: Library) -> None:
    model = suggester(library)
    cache = Path(f"{library.store.path}{CACHE_SUFFIX}")
    saved = json.loads(cache.read_text(encoding="utf-8"))
    assert saved["geo_threshold"] == model.calibration.geo_threshold
    assert saved["cables"] == model.calibration.cables > 4000
    assert suggester(library) is model  # the same library, unchanged: no new calibration


def test_suggestions_for_a_known_held_out_cable(library: Library, pages: list) -> None:
    """A real held-out page (Madrid on Spanish trade with Cuba): both countries and the
    trade and export-control codes come out; scores are in [0, 1] and sorted."""
    by_id = {ref: (text, tags) for text, tags, ref in pages}
    text, gold = by_id["05MADRID2131"]
    assert gold == ["ETRD", "ETTC", "PREL", "CU", "SP"]
    got = suggest_tags(library, text)
    tags = [t for t, _ in got]
    assert {"CU", "SP", "PREL", "ETTC"} <= set(tags), got
    scores = [s for _, s in got]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert len(suggest_tags(library, text, limit=2)) == 2


def test_never_raises(library: Library, tmp_path: Path) -> None:
    for text in ("", "   \n\t", "\x00\x01\xff" * 50, "a" * 5000, "TAGS: PGOV", "§" * 100):
        got = suggest_tags(library, text)
        assert isinstance(got, list)
    assert suggest_tags(library, None) == []  # type: ignore[arg-type]
    assert suggest_tags(library, "Iran nuclear talks in Vienna", limit=0) == []
    empty = Library.open(tmp_path / "empty.db", create=True)  # no search index at all
    try:
        assert suggest_tags(empty, "The Ambassador met the Foreign Minister in Tehran.") == []
    finally:
        empty.close()


# --- the parts, on real snippets ------------------------------------------------------------

COLOMBO = """C O N F I D E N T I A L SECTION 01 OF 03 COLOMBO 001857

SIPDIS

E.O. 12958: DECL: 11/17/2014
TAGS: PREL PGOV PTER IN CE LTTE

SUBJECT: SRI LANKAN PRESIDENT'S VISIT TO INDIA YIELDS SOFT LOANS, STRONGER
LANGUAGE ON PEACE PROCESS

Classified By: AMB. JEFFREY J. LUNSTEAD.  REASON:  1.4 (B,D).

1.  (C) President Chandrika Kumaratunga's November 3-7 working visit to India
yielded USD 250 million in concessional loans"""

STOCKHOLM = """C O N F I D E N T I A L SECTION 01 OF 02 STOCKHOLM 000571 SIPDIS E.O. 12958: \
DECL: 08/15/2018 TAGS: PGOV PREL GG RU SW
1. (C) Summary: Sweden"""


def test_copy_text_drops_tags_and_wrapped_subject() -> None:
    out = copy_text(COLOMBO)
    assert "TAGS" not in out and "SUBJECT" not in out
    assert "LANGUAGE ON PEACE PROCESS" not in out  # the subject's second line
    assert "Classified By: AMB. JEFFREY J. LUNSTEAD." in out
    assert out.startswith("C O N F I D E N T I A L SECTION 01 OF 03 COLOMBO 001857")
    assert out.endswith("yielded USD 250 million in concessional loans")


def test_copy_text_drops_a_tags_field_run_into_a_line() -> None:
    out = copy_text(STOCKHOLM)
    assert "PGOV" not in out and "DECL: 08/15/2018" in out
    assert out.endswith("1. (C) Summary: Sweden")
    assert copy_text("") == ""


def test_copy_text_keeps_prose_that_starts_like_a_field() -> None:
    prose = "1. (C) The minister said the deal was\nsubject to approval by parliament,\nand to"
    assert copy_text(prose) == prose
    assert copy_text("Tags: PREL IR\nSubject: Iran\n\n1. Text") == "\n1. Text"


def test_place_countries_reads_names_cities_and_demonyms() -> None:
    counts = place_countries(
        "The Iranian delegation left Tehran for Sri Lanka; Kumaratunga went to New Delhi."
    )
    assert counts["IR"] == 2 and counts["CE"] == 1 and counts["IN"] == 1
    assert set(counts) <= GEO_CODES
    # mixed case: a lower-case word is never a place; all capitals: every word may be
    assert place_countries("we ate turkey in the chad of the jordan") == {}
    assert place_countries("TURKEY AND GEORGIA SIGNED IN ANKARA")["TU"] == 2
    assert place_countries("") == {} and place_countries("\x00\xff") == {}
