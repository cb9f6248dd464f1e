"""The SQLite store: versions, idempotency, schema, consistency."""

from __future__ import annotations

import sqlite3

import pytest

from cablekit import CablekitError, parse_cable
from cablekit.store import SqliteStore, text_hash
from cablekit.store.schema import MIGRATIONS, SCHEMA_VERSION

CABLE = """C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488

SIPDIS

E.O. 12958: DECL: 06/05/2019
TAGS: PREL PGOV RS
SUBJECT: RUSSIA: LAVROV ON THE GEORGIA TALKS

Classified By: Ambassador John R. Beyrle for reasons 1.4 (b) and (d).

1. (C) Summary: Foreign Minister Lavrov told the Ambassador that talks would go on.
End summary.

2. (C) Lavrov said more.
"""


def _store(tmp_path) -> SqliteStore:
    return SqliteStore(tmp_path / "lib.db", create=True)


def test_same_text_twice_adds_one_version(tmp_path):
    store = _store(tmp_path)
    first = store.add_batch([parse_cable(CABLE)])
    again = store.add_batch([parse_cable(CABLE), parse_cable(CABLE)])
    assert (first.new_cables, first.new_versions, first.unchanged) == (1, 0, 0)
    assert (again.new_cables, again.new_versions, again.unchanged) == (0, 0, 2)
    assert store.stats()["versions"] == 1


def test_whitespace_is_not_a_new_version(tmp_path):
    store = _store(tmp_path)
    store.add_batch([parse_cable(CABLE)])
    outcome = store.add_batch([parse_cable(CABLE.replace("\n", "  \r\n"))])
    assert outcome.unchanged == 1
    assert text_hash("a  b\n c") == text_hash("a b c")


def test_changed_text_adds_a_version_and_becomes_newest(tmp_path):
    store = _store(tmp_path)
    store.add_batch([parse_cable(CABLE)])
    changed = CABLE.replace("Lavrov said more.", "Lavrov said much more.")
    outcome = store.add_batch([parse_cable(changed)])
    assert (outcome.new_cables, outcome.new_versions) == (0, 1)
    assert [v["number"] for v in store.versions("09MOSCOW1488")] == [1, 2]
    newest = store.version_record("09MOSCOW1488")
    assert newest["version"] == 2 and "much more" in newest["text"]
    assert "much more" not in store.version_record("09MOSCOW1488", 1)["text"]
    assert store.stats()["cables"] == 1 and store.stats()["versions"] == 2
    assert store.integrity_problems() == []


def test_record_round_trip_is_the_parse_record(tmp_path):
    store = _store(tmp_path)
    cable = parse_cable(CABLE)
    store.add_batch([cable])
    record = store.version_record("09MOSCOW1488")
    record.pop("version")
    assert record == cable.to_dict()


def test_parts_are_in_their_tables(tmp_path):
    store = _store(tmp_path)
    store.add_batch([parse_cable(CABLE)])
    db = store.db
    assert [r[0] for r in db.execute("SELECT tag FROM tags ORDER BY position")] == [
        "PREL",
        "PGOV",
        "RS",
    ]
    rows = db.execute("SELECT number, start_line, chars FROM paragraphs ORDER BY position")
    assert [r[0] for r in rows] == ["1", "2"]
    first = db.execute("SELECT start_line, chars FROM paragraphs WHERE position = 0").fetchone()
    assert CABLE.split("\n")[first[0] - 1].startswith("1. (C) Summary")
    assert first[1] > 60
    row = db.execute("SELECT origin, classification, subject FROM versions").fetchone()
    assert row == ("Embassy Moscow", "CONFIDENTIAL", "RUSSIA: LAVROV ON THE GEORGIA TALKS")


def test_a_failed_batch_leaves_nothing(tmp_path):
    store = _store(tmp_path)
    good = parse_cable(CABLE)
    broken = parse_cable(CABLE.replace("001488", "001489"))
    broken.paragraphs = None  # type: ignore[assignment]  # makes the insert fail mid-batch
    with pytest.raises(TypeError):
        store.add_batch([good, broken])
    assert store.stats()["versions"] == 0
    assert store.integrity_problems() == []


def test_schema_is_at_the_current_version(tmp_path):
    store = _store(tmp_path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_missing_library_is_a_clear_error(tmp_path):
    with pytest.raises(CablekitError, match="no such library"):
        SqliteStore(tmp_path / "nope.db")


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(CablekitError, match="not a cablekit library"):
        SqliteStore(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(CablekitError, match="newer than this cablekit"):
        SqliteStore(path)


def test_migration_from_schema_1_keeps_paragraph_rows(tmp_path):
    """A library made by schema 1 (paragraph texts in the table) is migrated in place."""
    from cablekit.store.schema import MIGRATIONS, _statements

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO paragraphs VALUES (1, 0, '1', 'C', NULL, 'some text')")
    db.close()
    store = SqliteStore(path)
    row = store.db.execute("SELECT number, marking, chars FROM paragraphs").fetchone()
    assert row == ("1", "C", 9)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_ingest_in_worker_processes_stores_what_one_process_stores(tmp_path):
    """The parse workers (used for inputs of a few MB) change nothing in what is stored."""
    from conftest import ROOT

    from cablekit.store import Library

    sample = str(ROOT / "samples" / "cables-sample.jsonl")
    stored = []
    for workers in (1, 2):
        with Library.open(tmp_path / f"w{workers}.db", create=True) as library:
            summary = library.ingest([sample], workers=workers)
            assert summary.new_cables == 25
            records = list(library.store.iter_latest())
            assert library.search("Lavrov", limit=0)["total"] == 4
        stored.append(records)
    assert stored[0] == stored[1]


def _schema_of_version(path, version: int) -> None:
    """An empty library as the cablekit of schema ``version`` made it."""
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:version]:
        db.executescript(step)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()


def _one_cable_of_schema(path, version: int, *, version_id: int) -> sqlite3.Connection:
    """A library of schema ``version`` holding one cable (09MOSCOW1 of 2009-01-02), open."""
    _schema_of_version(path, version)
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO versions (id, reference_id, number, text_hash, first_seen, record)"
        " VALUES (?, '09MOSCOW1', 1, 'h', 'now', x'00')",
        (version_id,),
    )
    db.execute(
        "INSERT INTO cables VALUES ('09MOSCOW1', ?, 1, '2009-01-02T10:00', 'o', 'c')",
        (version_id,),
    )
    return db


def test_a_library_of_an_older_cablekit_is_refused_read_only_and_upgraded_writable(tmp_path):
    path = tmp_path / "old.db"
    _schema_of_version(path, 2)  # as a cablekit before entities left it
    with pytest.raises(CablekitError, match=r"older cablekit \(schema 2.*--reindex"):
        SqliteStore(path, readonly=True)
    SqliteStore(path).close()  # writable: migrated
    store = SqliteStore(path, readonly=True)
    assert store.without_entities() == []
    store.close()


def test_a_library_with_entities_of_schema_3_is_counted_again_after_the_upgrade(tmp_path):
    """Schema 4 keeps each mention's date and which entities need counting again; the
    upgrade fills both from what schema 3 stored, so the next count is right."""
    path = tmp_path / "v3.db"
    db = _one_cable_of_schema(path, 3, version_id=1)
    db.execute("INSERT INTO entities (id, kind, key, name) VALUES (7, 'person', 'k', 'K')")
    db.execute("INSERT INTO mentions VALUES (7, '09MOSCOW1', 2, NULL, 'Russia', NULL)")
    db.commit()
    db.close()
    store = SqliteStore(path)
    row = store.db.execute("SELECT created FROM mentions").fetchone()
    assert row == ("2009-01-02T10:00",)
    assert store.db.execute("SELECT id FROM entities_dirty").fetchall() == [(7,)]
    assert store.refresh_entity_stats() is True
    assert store.db.execute(
        "SELECT cables, own_cables, first_seen, last_seen, affiliation FROM entities"
    ).fetchone() == (1, 1, "2009-01-02T10:00", "2009-01-02T10:00", "Russia")
    assert store.refresh_entity_stats() is False  # nothing changed since
    store.close()


def test_mentions_waiting_in_a_library_of_schema_5_are_kept_by_the_upgrade(tmp_path):
    """Schema 6 keeps a cable's waiting mentions as one row; the upgrade turns the rows a
    killed ingest of schema 5 left into it, and the next count moves them unchanged."""
    path = tmp_path / "v5.db"
    db = _one_cable_of_schema(path, 5, version_id=3)
    db.executemany(
        "INSERT INTO entities (id, kind, key, name) VALUES (?, ?, ?, ?)",
        [(7, "person", "sergei lavrov", "Sergey Lavrov"), (8, "place", "moscow|russia", "Moscow")],
    )
    waiting = [
        ("09MOSCOW1", 7, 3, '["Foreign Minister"]', "Russia", None, "2009-01-02T10:00"),
        ("09MOSCOW1", 8, 5, None, None, None, "2009-01-02T10:00"),
    ]
    db.executemany("INSERT INTO mentions_new VALUES (?,?,?,?,?,?,?)", waiting)
    db.execute("INSERT INTO meta VALUES ('entity_counts_pending', '1')")  # killed
    db.commit()
    db.close()
    store = SqliteStore(path)
    assert store.db.execute("SELECT version_id, mentions FROM mentions_new").fetchall() == [(3, 2)]
    assert store.entity_names(["09MOSCOW1"]) == {
        "09MOSCOW1": {"person": ["Sergey Lavrov"], "place": ["Moscow"]}
    }
    assert store.refresh_entity_stats() is True
    moved = store.db.execute(
        "SELECT reference_id, entity_id, count, titles, affiliation, role, created"
        " FROM mentions ORDER BY entity_id"
    ).fetchall()
    assert moved == waiting
    assert store.db.execute("SELECT id, cables, affiliation FROM entities").fetchall() == [
        (7, 1, "Russia"),
        (8, 1, None),
    ]
    store.close()
