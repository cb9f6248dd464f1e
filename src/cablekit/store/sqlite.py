"""The embedded store: one SQLite file (WAL), the source of truth of a library.

Everything here speaks in reference ids, versions and records; it knows
nothing of reading files or of the search index. A server database would be
another class with the same public methods (see ``store/__init__.py``).
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from cablekit.errors import CablekitError
from cablekit.model import Cable
from cablekit.store.entity_tables import EntityTables
from cablekit.store.schema import SCHEMA_VERSION, SchemaTooNew, migrate

if TYPE_CHECKING:
    from cablekit.store.ingest import Prepared

_INDEXED_KEY = "indexed_version"  # meta: every version with id <= this is in the search index
_decode = msgspec.json.Decoder().decode
_encode = msgspec.json.Encoder().encode


def text_hash(text: str) -> str:
    """What makes two texts the same version: their words, whitespace aside.

    The same cable read from the CSV release and from the site's page differs
    in trailing blanks and line ends; that is not a new version.
    """
    return hashlib.blake2b(" ".join(text.split()).encode(), digest_size=16).hexdigest()


@dataclass
class BatchOutcome:
    """What one batch did: new cables, new versions of known ones, unchanged texts."""

    new_cables: int = 0
    new_versions: int = 0  # versions added to cables already in the library
    unchanged: int = 0
    added: list[Any] = field(default_factory=list)  # what was stored as new versions, as given
    # the entity names each added cable's newest version mentions, by kind (for the index)
    names: dict[str, dict[str, list[str]]] = field(default_factory=dict)


class SqliteStore(EntityTables):
    """Cables and their versions in one SQLite file, and the entities they name."""

    def __init__(self, path: str | Path, *, create: bool = False, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._entity_ids: dict[tuple[str, str], tuple[int, str]] = {}  # (kind, key) -> (id, name)
        self._dirty_entities: dict[int, list[Any]] = {}
        self._pending_flagged = False
        if not create and not self.path.exists():
            raise CablekitError(f"{path}: no such library (create it with cablekit ingest)")
        if self.path.exists() and self.path.is_dir():
            raise CablekitError(f"{path}: is a directory, not a library file")
        if create and not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if readonly:
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.db = sqlite3.connect(
                    uri, uri=True, isolation_level=None, check_same_thread=False
                )
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA busy_timeout = 10000")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                # 128 MiB of pages (the default is 2 MiB): a batch's writes to the entity
                # tables touch thousands of pages; at 251k cables the store took 10 % less time
                self.db.execute("PRAGMA cache_size = -131072")
                # big sorts (the count at the end of an ingest moves every new mention,
                # sorted, and builds an index) take a helper thread: the workers are done
                # by then and a core is free; at 251k cables the move took 17 s, not 21 s
                self.db.execute("PRAGMA threads = 2")
                migrate(self.db)
            else:
                self._check_schema()
        except SchemaTooNew as error:
            raise CablekitError(f"{path}: {error}") from None
        except sqlite3.DatabaseError as error:
            raise CablekitError(f"{path}: not a cablekit library ({error})") from None

    def _check_schema(self) -> None:
        """Read-only: nothing can be migrated here, so an older library is an error."""
        found = self.db.execute("PRAGMA user_version").fetchone()[0]
        if found == 0:
            raise CablekitError(f"{self.path}: not a cablekit library")
        if found < SCHEMA_VERSION:
            raise CablekitError(
                f"{self.path}: a library of an older cablekit (schema {found}, now"
                f" {SCHEMA_VERSION}); bring it up to date with: cablekit ingest --db"
                f" {self.path} --reindex"
            )
        if found > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"database schema version {found} is newer than this cablekit's ({SCHEMA_VERSION})"
            )

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------

    def add_batch(self, cables: Sequence[Cable | Prepared]) -> BatchOutcome:
        """Add cables in one transaction: a text already stored adds nothing.

        Every cable must have a reference id. Killing the process mid-batch
        leaves the database as it was before the batch (SQLite's atomic commit).
        A ``Prepared`` cable brings its digest and compressed record along.
        """
        from cablekit.store.ingest import prepared  # ingest builds on this module

        outcome = BatchOutcome()
        now = datetime.now(UTC).isoformat(timespec="seconds")
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._resolve_entities(cables)  # type: ignore[arg-type] - a Cable has no rows
            for item in cables:
                if isinstance(item, Cable):
                    item = prepared(item)
                if self._add(item, now, outcome):
                    outcome.added.append(item)
            self._mark_dirty()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            self._forget_batch()
            raise
        return outcome

    def _add(self, item: Prepared, now: str, outcome: BatchOutcome) -> bool:
        """Store one cable; False when its text was already there."""
        db = self.db
        cable, digest, record = item.cable, item.digest, item.record
        ref = cable.reference_id
        if db.execute(
            "SELECT 1 FROM versions WHERE reference_id = ? AND text_hash = ?", (ref, digest)
        ).fetchone():
            outcome.unchanged += 1
            return False
        row = db.execute(
            "SELECT version_count FROM cables WHERE reference_id = ?", (ref,)
        ).fetchone()
        number = (row[0] if row else 0) + 1
        source = cable.source
        cur = db.execute(
            "INSERT INTO versions (reference_id, number, text_hash, created, origin,"
            " classification, subject, first_seen, source_path, source_start_line,"
            " source_end_line, source_format, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                ref,
                number,
                digest,
                cable.created,
                cable.origin,
                cable.classification,
                cable.subject,
                now,
                source.path,
                source.start_line,
                source.end_line,
                source.format,
                record,
            ),
        )
        version_id = cur.lastrowid
        outcome.names[ref] = self._add_entities(ref, version_id, item, new=number == 1)
        db.executemany(
            "INSERT INTO paragraphs VALUES (?,?,?,?,?,?,?)",
            [
                (version_id, i, p.number, p.marking, p.heading, p.start_line or None, len(p.text))
                for i, p in enumerate(cable.paragraphs)
            ],
        )
        db.executemany(
            "INSERT INTO tags VALUES (?,?,?)",
            [(version_id, i, tag) for i, tag in enumerate(cable.tags)],
        )
        db.executemany(
            "INSERT INTO refs VALUES (?,?,?,?,?)",
            [
                (version_id, i, r.letter, r.reference_id, r.text)
                for i, r in enumerate(cable.references)
            ],
        )
        db.execute(
            "INSERT INTO cables VALUES (?,?,?,?,?,?) ON CONFLICT(reference_id) DO UPDATE SET"
            " latest_version = excluded.latest_version, version_count = excluded.version_count,"
            " created = excluded.created, origin = excluded.origin,"
            " classification = excluded.classification",
            (ref, version_id, number, cable.created, cable.origin, cable.classification),
        )
        if number == 1:
            outcome.new_cables += 1
        else:
            outcome.new_versions += 1
        return True

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- the search index's watermark ------------------------------------------------------

    def indexed_version(self) -> int:
        value = self._meta(_INDEXED_KEY)
        return int(value) if value else 0

    def max_version(self) -> int:
        return self.db.execute("SELECT coalesce(max(id), 0) FROM versions").fetchone()[0]

    def set_indexed_version(self, version_id: int) -> None:
        self._set_meta(_INDEXED_KEY, str(version_id))

    def ids_changed_since(self, version_id: int) -> list[str]:
        """Reference ids with a version newer than ``version_id`` (for index catch-up)."""
        rows = self.db.execute(
            "SELECT DISTINCT reference_id FROM versions WHERE id > ?", (version_id,)
        )
        return [r[0] for r in rows]

    # -- reading ---------------------------------------------------------------------

    def latest_records(self, reference_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
        """The newest record of each id (ids not in the library are skipped)."""
        ids = list(reference_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "SELECT v.record, v.number FROM cables c JOIN versions v"
                f" ON v.id = c.latest_version WHERE c.reference_id IN ({marks})",
                chunk,
            )
            for blob, number in rows:
                record = _decode(zlib.decompress(blob))
                record["version"] = number
                yield record

    def iter_latest(self, reference_ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every cable's newest record in reference-id order, or those of ``reference_ids``."""
        if reference_ids is not None:
            yield from self.latest_records(reference_ids)
            return
        rows = self.db.execute(
            "SELECT v.record, v.number FROM cables c JOIN versions v"
            " ON v.id = c.latest_version ORDER BY c.reference_id"
        )
        for blob, number in rows:
            record = _decode(zlib.decompress(blob))
            record["version"] = number
            yield record

    def summaries(self, reference_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The fields a result list shows, for each id."""
        if not reference_ids:
            return {}
        marks = ",".join("?" * len(reference_ids))
        rows = self.db.execute(
            "SELECT c.reference_id, c.created, c.origin, c.classification, v.subject,"
            " c.version_count FROM cables c JOIN versions v ON v.id = c.latest_version"
            f" WHERE c.reference_id IN ({marks})",
            list(reference_ids),
        )
        return {
            r[0]: {
                "reference_id": r[0],
                "created": r[1],
                "origin": r[2],
                "classification": r[3],
                "subject": r[4],
                "version_count": r[5],
            }
            for r in rows
        }

    def version_record(self, reference_id: str, number: int | None = None) -> dict | None:
        """One version's record (the newest when ``number`` is None), or None."""
        if number is None:
            row = self.db.execute(
                "SELECT v.record, v.number FROM cables c JOIN versions v"
                " ON v.id = c.latest_version WHERE c.reference_id = ?",
                (reference_id,),
            ).fetchone()
        else:
            row = self.db.execute(
                "SELECT record, number FROM versions WHERE reference_id = ? AND number = ?",
                (reference_id, number),
            ).fetchone()
        if row is None:
            return None
        record = _decode(zlib.decompress(row[0]))
        record["version"] = row[1]
        return record

    def versions(self, reference_id: str) -> list[dict[str, Any]]:
        """Every version of a cable, oldest first: number, first seen, source, hash."""
        rows = self.db.execute(
            "SELECT number, first_seen, text_hash, source_path, source_start_line,"
            " source_end_line, source_format FROM versions WHERE reference_id = ?"
            " ORDER BY number",
            (reference_id,),
        )
        return [
            {
                "number": r[0],
                "first_seen": r[1],
                "text_hash": r[2],
                "source": {"path": r[3], "start_line": r[4], "end_line": r[5], "format": r[6]},
            }
            for r in rows
        ]

    def stats(self) -> dict[str, Any]:
        """Counts of cables and versions, and of cables per origin, year and classification."""
        db = self.db
        cables = db.execute("SELECT count(*) FROM cables").fetchone()[0]
        versions = db.execute("SELECT count(*) FROM versions").fetchone()[0]

        def counts(expression: str) -> dict[str, int]:
            rows = db.execute(
                f"SELECT {expression} AS k, count(*) AS n FROM cables WHERE k IS NOT NULL"
                " GROUP BY k ORDER BY n DESC, k"
            )
            return {str(k): n for k, n in rows}

        return {
            "cables": cables,
            "versions": versions,
            "origin": counts("origin"),
            "year": dict(sorted(counts("substr(created, 1, 4)").items())),
            "classification": counts("classification"),
        }

    def integrity_problems(self) -> list[str]:
        """What is inconsistent in the database (empty when all is well): for tests and `check`."""
        db = self.db
        problems = [r[0] for r in db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        checks = {
            "cables pointing at a missing version": "SELECT count(*) FROM cables c"
            " LEFT JOIN versions v ON v.id = c.latest_version WHERE v.id IS NULL",
            "cables whose latest version is not their newest": "SELECT count(*) FROM cables c"
            " JOIN versions v ON v.id = c.latest_version WHERE v.number != c.version_count",
            "versions without a cable": "SELECT count(*) FROM versions v"
            " LEFT JOIN cables c ON c.reference_id = v.reference_id WHERE c.reference_id IS NULL",
            "cables whose version count is wrong": "SELECT count(*) FROM cables c WHERE"
            " version_count != (SELECT count(*) FROM versions v"
            " WHERE v.reference_id = c.reference_id)",
        }
        for name, sql in checks.items():
            n = db.execute(sql).fetchone()[0]
            if n:
                problems.append(f"{n} {name}")
        return problems
