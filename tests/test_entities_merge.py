"""Entities across cables: what makes two mentions one entity, and the stored tables.

The rules (``cablekit.store.entities``): full names are keyed by their folded spelling;
a bare surname keeps its affiliation; a shorter form joins a fuller one only when the
library offers exactly one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cablekit.store import Library
from cablekit.store.entities import person_key, resolve_aliases

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "cables-sample.jsonl"


@pytest.mark.parametrize(
    ("name", "affiliation", "key", "shown"),
    [
        ("Sergey Lavrov", "Russia", "sergei lavrov", "Sergey Lavrov"),
        ("SERGEI LAVROV", None, "sergei lavrov", "SERGEI LAVROV"),
        ("Gene A. Cretz", None, "gene a cretz", "Gene A. Cretz"),
        ("Lavrov", "Russia", "lavrov|russia", "Lavrov (Russia)"),
        ("Lavrov", None, "lavrov|", "Lavrov"),
        ("al-Maliki", "Iraq", "al maliki|iraq", "al-Maliki (Iraq)"),
        ("Van Voorst", None, "van voorst|", "Van Voorst"),
        ("Nouri al-Maliki", None, "nouri al maliki", "Nouri al-Maliki"),
        ("José Martí", None, "jose marti", "José Martí"),
    ],
)
def test_person_keys(name, affiliation, key, shown):
    assert person_key(name, affiliation) == (key, shown)


def test_aliases_join_only_when_the_library_leaves_no_doubt():
    people = [
        (1, "gene a cretz", "United States"),
        (2, "gene cretz", None),
        (3, "cretz|", None),
        (4, "george w bush", "United States"),
        (5, "george h w bush", "United States"),
        (6, "george bush", None),  # which one? stays apart
        (7, "bush|united states", None),  # idem
        (8, "nouri al maliki", "Iraq"),
        (9, "al maliki|iraq", None),
        (10, "maliki|iraq", None),
        (11, "maliki|syria", None),  # another affiliation than the one Maliki's
        (12, "sergei ivanov", "Russia"),
        (13, "igor ivanov", "Russia"),
        (14, "ivanov|russia", None),  # two Ivanovs of Russia: stays apart
        (15, "mark langdale", None),
        (16, "langdale|united states", None),  # his affiliation is not known: joined
    ]
    assert resolve_aliases(people) == {2: 1, 3: 1, 9: 8, 10: 8, 16: 15}


def test_no_chains_and_no_self_joins():
    people = [(1, "a b c", None), (2, "a c", None), (3, "c|", None), (4, "c|x", "X")]
    aliases = resolve_aliases(people)
    assert all(target not in aliases for target in aliases.values())
    assert all(alias != target for alias, target in aliases.items())


@pytest.fixture()
def sample_library(tmp_path: Path):
    with Library.open(tmp_path / "s.db", create=True) as library:
        library.ingest([str(SAMPLE)])
    return tmp_path / "s.db"


def _mentions(path: Path) -> list[tuple]:
    with Library.open(path) as library:
        return library.store.db.execute(
            "SELECT e.kind, e.key, m.reference_id, m.count FROM mentions m"
            " JOIN entities e ON e.id = m.entity_id ORDER BY 1, 2, 3"
        ).fetchall()


def test_a_library_stored_without_entities_gets_them_at_the_next_ingest(sample_library):
    before = _mentions(sample_library)
    assert before
    with Library.open(sample_library) as library:
        db = library.store.db
        for table in ("mentions", "version_entities", "entities"):
            db.execute(f"DELETE FROM {table}")
        db.execute("DELETE FROM meta WHERE key = 'entities_complete'")  # as before entities
        assert library.search("person:Lavrov", limit=0)["total"] > 0  # the index still has them
        assert library.store.without_entities()
        library.ingest([str(SAMPLE)])  # nothing new to store: the entities come back
        assert not library.store.without_entities()
        assert library.people("lavrov")["total"] > 0
        assert library.search("person:Lavrov", limit=0)["total"] > 0
    assert _mentions(sample_library) == before


def test_a_new_version_replaces_the_cable_mentions(sample_library, tmp_path: Path):
    with Library.open(sample_library) as library:
        record = library.cable("09MOSCOW1488")
        assert record is not None
        lines = [line for line in record["text"].splitlines() if "Fuchs" not in line]
        changed = tmp_path / "09MOSCOW1488.txt"
        changed.write_text("\n".join(lines), encoding="utf-8")
        before = library.people("fuchs")["results"]
        assert before and before[0]["cables"] >= 1
        summary = library.ingest([str(changed)])
        assert summary.new_versions == 1
        assert library.people("fuchs")["total"] == 0  # counted on newest versions only
        # the old version's extraction is kept with it
        old = library.entities("09MOSCOW1488", version=1)
        assert any("Fuchs" in p["name"] for p in old["people"])
        assert not any("Fuchs" in p["name"] for p in library.entities("09MOSCOW1488")["people"])


def test_an_ingest_without_entities_is_caught_up_by_the_next(sample_library, tmp_path: Path):
    """``--no-entities`` marks the library incomplete; the next ingest extracts what it lacks
    (the check is a meta flag, not a scan of every cable, once nothing is missing)."""
    with Library.open(sample_library) as library:
        assert library.store.without_entities() == []
        assert library.store._meta("entities_complete") is not None
    extra = tmp_path / "extra.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["body"] += "\nAn added line, so this is a new version."
    extra.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Library.open(sample_library) as library:
        library.ingest([str(extra)], entities=False)
        assert library.store.without_entities() == [record["id"]]
        library.ingest([str(extra)])  # nothing new to store: the entities are extracted
        assert library.store.without_entities() == []
