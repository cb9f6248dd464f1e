"""The library's SQLite schema, versioned with ``PRAGMA user_version``.

Each entry of ``MIGRATIONS`` takes a database from version ``i`` to ``i + 1``
and runs in the same transaction as the bump, so a database is always at one
known version. Add a migration to change the schema; never edit a shipped one.

Tables:

- ``versions``: one row per distinct text of a reference id (a cable published
  twice with different text has two rows, numbered 1, 2, ...). The parsed
  record is kept whole as zlib-compressed JSON in ``record`` (so ``show`` and
  ``export`` give exactly what ``cablekit parse`` gave at ingest); the columns
  beside it are copies of its fields for SQL queries and facets.
- ``cables``: one row per reference id, pointing at its newest version.
- ``paragraphs``, ``tags``, ``refs``: the parts of each version, for SQL users.
  A paragraph row says where it is (``start_line`` in the version's text), its
  number, marking and heading, and its length; its text is in the record.
- ``entities``: one row per person, organisation or place across the library (see
  ``store/entities.py`` for what makes two mentions one entity), with how many cables
  name it and the first and last date among them (an entity with aliases counts theirs
  too), its own count and dates (``own_cables``, ``own_first``, ``own_last``) and a
  person's most frequent affiliation.
- ``mentions``: which entities the newest version of each cable names, how often, and
  with which titles and affiliation, and the cable's date; ``version_entities`` keeps
  each version's whole extraction (zlib JSON), as ``cablekit entities`` prints it.
- ``mentions_new``: mentions stored since the last count, one row per cable (its newest
  version) as they come, the cable's mentions in one JSON object: ``{"entity id": count}``,
  or ``{"entity id": [count, titles, affiliation, role]}`` when it has any of those.
  Written straight into ``mentions`` (ordered by entity) each touched a page of its own,
  and at 251k cables the store wrote twice as much; one row per mention, keyed by cable,
  each was a B-tree insert at a random place (a third of the writer's SQL time with entities).
  The count at the end of each ingest moves them into ``mentions``, sorted; until then
  they are in no entity's page or count (the search index has their names). The pages
  they took are free for the next ingest.
- ``entities_dirty``: the entities whose mentions changed since they were last counted,
  with how (cables added and removed, and their first and last dates; ``added`` NULL:
  count from scratch). The end of each ingest applies it and empties it.
- ``meta``: key/value state, e.g. how far the search index has caught up.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        reference_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        text_hash TEXT NOT NULL,
        created TEXT,
        origin TEXT,
        classification TEXT,
        subject TEXT,
        first_seen TEXT NOT NULL,
        source_path TEXT,
        source_start_line INTEGER,
        source_end_line INTEGER,
        source_format TEXT,
        record BLOB NOT NULL,
        UNIQUE (reference_id, text_hash),
        UNIQUE (reference_id, number)
    );
    CREATE TABLE cables (
        reference_id TEXT PRIMARY KEY,
        latest_version INTEGER NOT NULL REFERENCES versions(id),
        version_count INTEGER NOT NULL,
        created TEXT,
        origin TEXT,
        classification TEXT
    ) WITHOUT ROWID;
    CREATE INDEX cables_created ON cables(created);
    CREATE TABLE paragraphs (
        version_id INTEGER NOT NULL REFERENCES versions(id),
        position INTEGER NOT NULL,
        number TEXT,
        marking TEXT,
        heading TEXT,
        text TEXT NOT NULL
    );
    CREATE UNIQUE INDEX paragraphs_version ON paragraphs(version_id, position);
    CREATE TABLE tags (
        version_id INTEGER NOT NULL REFERENCES versions(id),
        position INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (version_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX tags_tag ON tags(tag);
    CREATE TABLE refs (
        version_id INTEGER NOT NULL REFERENCES versions(id),
        position INTEGER NOT NULL,
        letter TEXT,
        reference_id TEXT,
        text TEXT NOT NULL,
        PRIMARY KEY (version_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX refs_reference_id ON refs(reference_id);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    """,
    # 2: paragraphs keep their place, not a second copy of their text (it is in the
    # record): the library must stay within 3x the raw text at 251k cables
    """
    CREATE TABLE paragraphs_2 (
        version_id INTEGER NOT NULL REFERENCES versions(id),
        position INTEGER NOT NULL,
        number TEXT,
        marking TEXT,
        heading TEXT,
        start_line INTEGER,
        chars INTEGER NOT NULL,
        PRIMARY KEY (version_id, position)
    ) WITHOUT ROWID;
    INSERT INTO paragraphs_2 SELECT version_id, position, number, marking, heading, NULL,
        length(text) FROM paragraphs;
    DROP TABLE paragraphs;
    ALTER TABLE paragraphs_2 RENAME TO paragraphs;
    """,
    # 3: entities, extracted at ingest (issue 6)
    """
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        detail TEXT,
        cables INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT,
        last_seen TEXT,
        alias_of INTEGER REFERENCES entities(id),
        UNIQUE (kind, key)
    );
    CREATE INDEX entities_by_count ON entities(kind, cables DESC);
    CREATE INDEX entities_alias ON entities(alias_of) WHERE alias_of IS NOT NULL;
    CREATE TABLE mentions (
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        reference_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        titles TEXT,
        affiliation TEXT,
        role TEXT,
        PRIMARY KEY (entity_id, reference_id)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_by_cable ON mentions(reference_id);
    CREATE TABLE version_entities (
        version_id INTEGER PRIMARY KEY REFERENCES versions(id),
        format INTEGER NOT NULL,
        data BLOB NOT NULL
    );
    """,
    # 4: entity counts kept up to date by recounting only what an ingest touched
    """
    ALTER TABLE mentions ADD COLUMN created TEXT;
    UPDATE mentions SET created =
        (SELECT c.created FROM cables c WHERE c.reference_id = mentions.reference_id);
    ALTER TABLE entities ADD COLUMN own_cables INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entities ADD COLUMN own_first TEXT;
    ALTER TABLE entities ADD COLUMN own_last TEXT;
    ALTER TABLE entities ADD COLUMN affiliation TEXT;
    CREATE TABLE entities_dirty (
        id INTEGER PRIMARY KEY,
        added INTEGER,
        removed INTEGER,
        added_lo TEXT,
        added_hi TEXT,
        removed_lo TEXT,
        removed_hi TEXT
    );
    INSERT INTO entities_dirty (id) SELECT id FROM entities;
    """,
    # 5: new mentions are written beside ``mentions`` and moved in, sorted, by the count
    """
    CREATE TABLE mentions_new (
        reference_id TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        count INTEGER NOT NULL,
        titles TEXT,
        affiliation TEXT,
        role TEXT,
        created TEXT,
        PRIMARY KEY (reference_id, entity_id)
    ) WITHOUT ROWID;
    """,
    # 6: a cable's new mentions wait as one row (see ``mentions_new`` above)
    """
    CREATE TABLE mentions_new_2 (
        version_id INTEGER PRIMARY KEY REFERENCES versions(id),
        reference_id TEXT NOT NULL,
        created TEXT,
        mentions INTEGER NOT NULL,
        entities TEXT NOT NULL
    );
    INSERT INTO mentions_new_2 SELECT c.latest_version, m.reference_id, min(m.created),
        count(*), json_group_object(CAST(m.entity_id AS TEXT),
            CASE WHEN m.titles IS NULL AND m.affiliation IS NULL AND m.role IS NULL
            THEN m.count ELSE json_array(m.count, m.titles, m.affiliation, m.role) END)
        FROM mentions_new m JOIN cables c ON c.reference_id = m.reference_id
        GROUP BY m.reference_id;
    DROP TABLE mentions_new;
    ALTER TABLE mentions_new_2 RENAME TO mentions_new;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The database was written by a newer cablekit."""


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the database to ``SCHEMA_VERSION``; returns the version it was at."""
    found = connection.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"database schema version {found} is newer than this cablekit's ({SCHEMA_VERSION})"
        )
    for version in range(found, SCHEMA_VERSION):
        with connection:  # one transaction per step: the DDL and the version bump together
            connection.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[version]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version + 1}")
    return found


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
