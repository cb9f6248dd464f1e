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


# -- entities across the library (issue 6) ---------------------------------------------------


@pytest.fixture(scope="module")
def names(library: Library, scan: list[dict]) -> dict[str, dict[str, list[str]]]:
    """Each cable's entity names by kind, as the store holds them: the ground truth of
    the person:/org:/place: filters."""
    return library.store.entity_names([r["reference_id"] for r in scan])


def _named(names, kind: str, words: list[str]):
    """A predicate: the cable names an entity of ``kind`` holding ``words`` in a row."""
    phrase = " " + " ".join(words) + " "

    def has(r) -> bool:
        return any(
            phrase in " " + " ".join(_WORD.findall(n.lower())) + " "
            for n in names.get(r["reference_id"], {}).get(kind, [])
        )

    return has


def test_entity_filters_equal_a_scan(library, scan, names):
    cases = {
        "person:Lavrov": _named(names, "person", ["lavrov"]),
        'person:"Sergey Lavrov"': _named(names, "person", ["sergey", "lavrov"]),
        "org:Gazprom": _named(names, "organization", ["gazprom"]),
        'org:"European Union"': _named(names, "organization", ["european", "union"]),
        "place:Tbilisi": _named(names, "place", ["tbilisi"]),
        "place:Moscow -person:Putin": lambda r: (
            _named(names, "place", ["moscow"])(r) and not _named(names, "person", ["putin"])(r)
        ),
    }
    for query, predicate in cases.items():
        want = _count(scan, predicate)
        assert want > 0, query
        assert library.search(query, limit=0)["total"] == want, query


def test_entity_facets_equal_a_scan(library, scan, names):
    hits = [r for r in scan if "georgia" in r["_words"]]
    facets = library.search("Georgia", limit=0)["facets"]
    for facet, kind in (("person", "person"), ("org", "organization"), ("place", "place")):
        counter = Counter(
            n for r in hits for n in set(names.get(r["reference_id"], {}).get(kind, []))
        )
        got = facets[facet]
        assert got, facet
        assert all(counter[k] == v for k, v in got.items()), facet
        assert sorted(got.values(), reverse=True) == [n for _, n in counter.most_common(len(got))]


def test_the_stored_extraction_is_what_extract_gives(library):
    import msgspec

    from cablekit.extract import extract_entities
    from cablekit.model import Cable

    for ref in ("09MOSCOW1488", "10BAKU134", "10MOSCOW392"):
        record = library.cable(ref)
        assert record is not None
        record.pop("version"), record.pop("versions")
        fresh = extract_entities(msgspec.convert(record, Cable)).to_dict()
        stored = library.entities(ref)
        assert [p["name"] for p in stored["people"]] == [p["name"] for p in fresh["people"]]
        assert stored["acronyms"] == fresh["acronyms"]
        assert all(p["entity_id"] for p in stored["people"])


def test_an_entity_counts_what_its_cables_say(library):
    lavrov = library.people("sergey lavrov")["results"][0]
    entity = library.entity(lavrov["id"], cables=10_000)
    cables = entity["cable_list"]
    assert entity["cables"] == entity["total_cables"] == len(cables) == lavrov["cables"] > 10
    dates = sorted(c["created"] for c in cables)
    assert (entity["first_seen"], entity["last_seen"]) == (dates[0], dates[-1])
    assert sum(entity["timeline"].values()) == len(cables)
    assert any(t["value"] == "Foreign Minister" for t in entity["titles"])
    assert entity["related_basis"] == len(cables)  # under 2,000: every cable counted
    # each of its cables names it (or a form joined to it)
    for c in cables[:30]:
        ids = {p["entity_id"] for p in library.entities(c["reference_id"])["people"]}
        assert entity["id"] in ids, c["reference_id"]
    assert entity["aliases"]  # "Lavrov" alone, somewhere, was joined to him
    for other in entity["related"]["person"][:5]:
        assert other["shared"] == library.store.shared_cables(entity["id"], other["id"])
    pairs = {(e["a"], e["b"]): e["shared"] for e in entity["network"]}
    (a, b), n = next(iter(pairs.items()))
    assert n == len(
        {
            c["reference_id"]
            for c in cables
            if {a, b} <= {p["entity_id"] for p in library.entities(c["reference_id"])["people"]}
        }
    )


def test_what_is_named_with_a_famous_entity_is_counted_in_a_sample(library):
    biggest = library.entity_list("place", limit=1)["results"][0]
    assert biggest["cables"] > 2_000
    entity = library.entity(biggest["id"], cables=3)
    assert entity["related_basis"] == 2_000 and len(entity["cable_list"]) == 3
    assert entity["total_cables"] == biggest["cables"]
    top = entity["related"]["place"][0]
    assert 0 < top["shared"] <= library.store.shared_cables(biggest["id"], top["id"])


def test_different_people_are_never_one_entity(library):
    """Full names that differ (first names, not spelling) stay apart; a bare surname is
    joined only to the one full name of the library that carries it."""
    rows = library.store.db.execute(
        "SELECT e.key, a.key FROM entities a JOIN entities e ON e.id = a.alias_of"
        " WHERE a.kind = 'person'"
    ).fetchall()
    assert rows
    for target, alias in rows:
        assert "|" not in target  # joined to a full name
        last = target.split()[-1]
        alias_words = alias.split("|")[0].split()
        assert alias_words[-1] == last, (alias, target)
        if "|" not in alias:  # a full name joined to a fuller one: same first name
            assert alias_words[0] == target.split()[0], (alias, target)
    ivanovs = library.people("ivanov")["results"]
    full = {e["name"] for e in ivanovs if "(" not in e["name"] and " " in e["name"]}
    assert {"Sergey Ivanov", "Igor Ivanov"} <= full
    assert len({e["id"] for e in ivanovs}) == len(ivanovs)
