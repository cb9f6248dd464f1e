"""The library on the real corpus: ingest all of it, then check search against a scan.

Every total and facet count is compared with a brute-force scan of the stored
records, tokenised as the index defines a word (alphanumeric runs, lowercased,
at most 40 bytes).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import CORPUS, _need

from cablekit import canonical_reference_id
from cablekit.search.query import QuerySyntaxError
from cablekit.store import Library, text_hash

_WORD = re.compile(r"[^\W_]+")


def _tokens(text: str) -> set[str]:
    return {t for t in _WORD.findall(text.lower()) if len(t.encode()) <= 40}


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    path = tmp_path_factory.mktemp("library") / "cables.db"
    with Library.open(path, create=True) as lib:
        summary = lib.ingest([str(_need(CORPUS))])
    assert summary.errors == 0
    lib = Library.open(path)
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def scan(library: Library) -> list[dict]:
    """Every cable's newest record, with its word set: the ground truth of search."""
    records = list(library.store.iter_latest())
    for r in records:
        r["_words"] = _tokens((r.get("subject") or "") + "\n" + r["body"])
        r["_subject"] = _tokens(r.get("subject") or "")
    return records


def test_every_cable_and_version_is_stored(library: Library, corpus: list[dict]):
    ids = {canonical_reference_id(r["id"]) for r in corpus}
    versions = {
        (canonical_reference_id(r["id"]), text_hash(r["header"] + "\n" + r["body"])) for r in corpus
    }
    stats = library.stats()
    assert stats["cables"] == len(ids)
    assert stats["versions"] == len(versions)
    assert stats["versions"] > stats["cables"]  # the corpus holds cables published twice
    assert stats["unindexed_versions"] == 0
    assert library.store.integrity_problems() == []


def test_reingest_adds_nothing(tmp_path, corpus: list[dict]):
    path = tmp_path / "again.db"
    source = str(_need(CORPUS))
    with Library.open(path, create=True) as lib:
        first = lib.ingest([source])
        before = lib.stats()
        again = lib.ingest([source])
        assert (again.new_cables, again.new_versions) == (0, 0)
        assert again.unchanged == first.cables
        assert lib.stats() == before


def _count(scan: list[dict], predicate) -> int:
    return sum(1 for r in scan if predicate(r))


WORDS = ["Lavrov", "Medvedev", "nuclear", "Gazprom", "sanctions", "the", "xyzzyqq"]


@pytest.mark.parametrize("word", WORDS)
def test_word_totals_equal_a_scan(library, scan, word):
    want = _count(scan, lambda r: word.lower() in r["_words"])
    assert library.search(word, limit=0)["total"] == want


def test_and_or_not_parentheses_equal_a_scan(library, scan):
    cases = {
        "Lavrov Medvedev": lambda w: {"lavrov", "medvedev"} <= w,
        "Lavrov OR Medvedev": lambda w: "lavrov" in w or "medvedev" in w,
        "Lavrov -Medvedev": lambda w: "lavrov" in w and "medvedev" not in w,
        "Lavrov NOT Medvedev": lambda w: "lavrov" in w and "medvedev" not in w,
        "(Iran OR Syria) sanctions": lambda w: ("iran" in w or "syria" in w) and "sanctions" in w,
    }
    for query, predicate in cases.items():
        want = _count(scan, lambda r, p=predicate: p(r["_words"]))
        assert library.search(query, limit=0)["total"] == want, query


def test_phrase_totals_equal_a_scan(library, scan):
    for phrase in ["missile defense", "prime minister putin", "human rights"]:
        words = phrase.split()
        pattern = re.compile(r"(?<![^\W_])" + r"[\W_]+".join(words) + r"(?![^\W_])")

        def has(r, pattern=pattern):
            return bool(pattern.search(((r.get("subject") or "") + "\n" + r["body"]).lower()))

        assert library.search(f'"{phrase}"', limit=0)["total"] == _count(scan, has), phrase


def test_prefix_total_equals_a_scan(library, scan):
    want = _count(scan, lambda r: any(w.startswith("privati") for w in r["_words"]))
    assert want > 0
    assert library.search("privati*", limit=0)["total"] == want


def test_filters_equal_a_scan(library, scan):
    cases = {
        'origin:"Embassy Moscow"': lambda r: r.get("origin") == "Embassy Moscow",
        "tag:PREL": lambda r: "PREL" in r["tags"],
        "classification:SECRET": lambda r: (
            (r.get("classification") or "").split("//")[0] == "SECRET"
        ),
        'classification:"SECRET//NOFORN"': lambda r: r.get("classification") == "SECRET//NOFORN",
        "from:2009-01-01 to:2009-12-31": lambda r: (
            "2009-01-01" <= (r.get("created") or "")[:10] <= "2009-12-31"
        ),
        "id:09MOSCOW1488": lambda r: r["reference_id"] == "09MOSCOW1488",
        "subject:Iran": lambda r: "iran" in r["_subject"],
        "Lavrov tag:PREL -tag:PGOV": lambda r: (
            "lavrov" in r["_words"] and "PREL" in r["tags"] and "PGOV" not in r["tags"]
        ),
    }
    for query, predicate in cases.items():
        want = _count(scan, predicate)
        assert want > 0 or query.startswith("id:"), query
        assert library.search(query, limit=0)["total"] == want, query


def test_facets_equal_a_scan(library, scan):
    for query, predicate in {
        "nuclear": lambda r: "nuclear" in r["_words"],
        "tag:PREL": lambda r: "PREL" in r["tags"],
    }.items():
        hits = [r for r in scan if predicate(r)]
        facets = library.search(query, limit=0)["facets"]
        origin = Counter(r["origin"] for r in hits if r.get("origin"))
        year = Counter(r["created"][:4] for r in hits if r.get("created"))
        classification = Counter(r["classification"] for r in hits if r.get("classification"))
        tag = Counter(t for r in hits for t in set(r["tags"]))
        for name, counter in [
            ("origin", origin),
            ("year", year),
            ("classification", classification),
            ("tag", tag),
        ]:
            got = facets[name]
            assert all(counter[k] == v for k, v in got.items()), (query, name)
            top = dict(counter.most_common(len(got)))
            assert sorted(got.values(), reverse=True) == sorted(top.values(), reverse=True)


def test_results_carry_the_fields_and_a_highlighted_snippet(library):
    found = library.search("Lavrov", limit=5)
    assert len(found["results"]) == 5
    first = found["results"][0]
    for key in ("reference_id", "created", "origin", "classification", "subject", "snippet"):
        assert key in first
    assert "<b>" in first["snippet"].lower()


def test_paging_and_date_sort(library):
    all_ids = [r["reference_id"] for r in library.search("Lavrov", limit=40)["results"]]
    page = [r["reference_id"] for r in library.search("Lavrov", limit=10, offset=10)["results"]]
    assert page == all_ids[10:20]
    dated = library.search("Lavrov", limit=50, sort="date")["results"]
    created = [r["created"] for r in dated]
    assert created == sorted(created, reverse=True)


def test_a_bad_query_says_where(library):
    with pytest.raises(QuerySyntaxError) as error:
        library.search('"unclosed phrase')
    assert "position" in str(error.value) and "\n" not in str(error.value)


def test_show_lists_versions_and_diff_shows_the_change(library, corpus):
    counts = Counter(canonical_reference_id(r["id"]) for r in corpus)
    ref = next(ref for ref, n in counts.items() if n > 1)
    record = library.cable(ref)
    assert len(record["versions"]) >= 2 and record["version"] == len(record["versions"])
    old = library.cable(ref, 1)
    assert old["version"] == 1 and old["text"] != record["text"]
    diff = library.diff(ref)
    assert diff.startswith(f"--- {ref} version") and "\n+" in diff


def test_stats_equal_a_scan(library, scan):
    stats = library.stats()
    assert stats["origin"] == dict(Counter(r["origin"] for r in scan if r.get("origin")))
    assert sum(stats["year"].values()) == sum(1 for r in scan if r.get("created"))


def test_export_records_equal_the_query(library, scan):
    records = list(library.records("tag:PREL"))
    assert len(records) == _count(scan, lambda r: "PREL" in r["tags"])
    assert all("PREL" in r["tags"] for r in records)
    assert len(list(library.records(None))) == len(scan)
