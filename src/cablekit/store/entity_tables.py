"""The store's entity tables: what each cable names, and the entities across the library.

A mixin of ``SqliteStore`` (it uses its connection and meta table). An entity that
``resolve_aliases`` joined to a fuller one (``alias_of``) is shown as part of it: its
cables count for it, its page lists them, it is named with it in networks.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from cablekit.store.entities import FORMAT, EntityRow, key_words, resolve_aliases

if TYPE_CHECKING:
    from cablekit.store.ingest import Prepared

_COMPLETE_KEY = "entities_complete"  # meta: the FORMAT every newest version was found to have
# meta: "1" while committed changes to entities' mentions are held in memory, not yet in
# ``entities_dirty``; found set when this process holds none (another was killed, or a
# rollback dropped them), the next count counts everything
_PENDING_KEY = "entity_counts_pending"
_PENDING_MAX = 200_000  # entities with changes held in memory at most (then written out)
_REBUILD_FROM = 100_000  # new mentions from which the index by cable may be built again
_decode = msgspec.json.Decoder().decode
_encode = msgspec.json.Encoder().encode
_COLUMNS = "e.id, e.kind, e.name, e.detail, e.cables, e.first_seen, e.last_seen"
# the ids an entity stands for: itself and what was joined to it
_MEMBERS = "SELECT id FROM entities WHERE id = :id OR alias_of = :id"
_GROUP = "coalesce(e.alias_of, e.id)"
_MAX_ID = "SELECT coalesce(max(id), 0) FROM entities"
# each changed entity's own count and dates moved by its change (``entities_dirty``, not
# to be counted from scratch): ``n`` cables, from ``lo`` to ``hi``; ``scan``: its mentions
# must be read again, as it lost cables and may have lost the one with its first or last
# date (when it keeps none, n <= 0, it has none to read)
_MOVED = (
    "SELECT id, n, lo, hi, n > 0 AND removed != 0 AND rlo IS NOT NULL"
    " AND coalesce(lo IS NULL OR rlo <= lo OR rhi >= hi, 1) AS scan FROM"
    " (SELECT d.id, e.own_cables + d.added - d.removed AS n, d.removed,"
    " d.removed_lo AS rlo, d.removed_hi AS rhi,"
    " min(coalesce(e.own_first, d.added_lo), coalesce(d.added_lo, e.own_first)) AS lo,"
    " max(coalesce(e.own_last, d.added_hi), coalesce(d.added_hi, e.own_last)) AS hi"
    " FROM entities_dirty d JOIN entities e ON e.id = d.id WHERE d.added IS NOT NULL)"
)
_CANDIDATES = 3_000  # most-named stored entities of a sample gathered under their entity
# a row of ``mentions`` from an entry ``j`` of a ``mentions_new`` row ``n``'s JSON object:
# entity_id, reference_id, count, titles, affiliation, role
_WAITING = (
    "CAST(j.key AS INTEGER), n.reference_id,"
    " CASE j.type WHEN 'integer' THEN j.value ELSE json_extract(j.value, '$[0]') END,"
    + ",".join(
        f" CASE j.type WHEN 'array' THEN json_extract(j.value, '$[{i}]') END" for i in (1, 2, 3)
    )
)


# the earlier / later of two dates, either of which may be NULL (in SQL)
_LEAST = "min(coalesce({0}, excluded.{0}), coalesce(excluded.{0}, {0}))"
_MOST = "max(coalesce({0}, excluded.{0}), coalesce(excluded.{0}, {0}))"


def _count(dirty: dict[int, list[Any]], ident: int, date: str | None, *, removed: bool) -> None:
    """Add one cable gained or lost to an entity's pending change: [added, removed,
    added_lo, added_hi, removed_lo, removed_hi]."""
    # called once per mention row deleted (``_add_entities`` has it written out for the
    # rows it stores): the earlier / later of two dates written out, not called
    at = 1 if removed else 0
    delta = dirty.get(ident)
    if delta is None:
        delta = dirty[ident] = [0, 0, None, None, None, None]
        delta[2 + 2 * at] = delta[3 + 2 * at] = date
    elif date is not None:
        lo, hi = delta[2 + 2 * at], delta[3 + 2 * at]
        if lo is None or date < lo:
            delta[2 + 2 * at] = date
        if hi is None or date > hi:
            delta[3 + 2 * at] = date
    delta[at] += 1


def _entity(row: Sequence[Any]) -> dict[str, Any]:
    out = {
        "id": row[0],
        "kind": row[1],
        "name": row[2],
        "cables": row[4],
        "first_seen": row[5],
        "last_seen": row[6],
    }
    if row[3]:  # a place: its gazetteer kind (city, country...), country and coordinates
        detail = _decode(row[3])
        out["place_kind"] = detail.get("kind")
        out.update({k: detail.get(k) for k in ("country", "lat", "lon")})
    return out


def _by_count(counts: Counter[str]) -> list[dict[str, Any]]:
    return [{"value": k, "cables": n} for k, n in counts.most_common()]


def _like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class EntityTables:
    """Writing and reading ``entities``, ``mentions`` and ``version_entities``."""

    db: sqlite3.Connection
    _entity_ids: dict[tuple[str, str], tuple[int, str]]  # (kind, key) -> (id, name)
    # how the batches since the last count changed each entity's mentions: held in memory
    # and written to ``entities_dirty`` when counting (an upsert per entity and batch took
    # about a tenth of the store's time at 251k cables)
    _dirty_entities: dict[int, list[Any]]
    _pending_flagged: bool  # this process set _PENDING_KEY and holds what it stands for

    readonly: bool

    def _meta(self, key: str) -> str | None:  # pragma: no cover - SqliteStore's
        raise NotImplementedError

    def _set_meta(self, key: str, value: str) -> None:  # pragma: no cover - SqliteStore's
        raise NotImplementedError

    # -- writing -------------------------------------------------------------------------

    def _add_entities(
        self, reference_id: str, version_id: int, item: Prepared, *, new: bool = False
    ) -> dict[str, list[str]]:
        """A new newest version: its extraction kept, the cable's mentions replaced (``new``:
        the library had no version of it, so no mentions). Returns the names (as the library
        names each entity) it mentions, by kind, for the index."""
        db = self.db
        dirty = self._dirty_entities
        if not new:
            for ident, date in db.execute(
                "DELETE FROM mentions WHERE reference_id = ? RETURNING entity_id, created",
                (reference_id,),
            ):
                _count(dirty, ident, date, removed=True)
            for date, waiting in db.execute(
                "DELETE FROM mentions_new WHERE version_id IN"
                " (SELECT id FROM versions WHERE reference_id = ?) RETURNING created, entities",
                (reference_id,),
            ):
                for ident in _decode(waiting):
                    _count(dirty, int(ident), date, removed=True)
        names: dict[str, list[str]] = {}
        if not item.entities:  # ingested with entities=False: extracted later
            self._set_meta(_COMPLETE_KEY, "0")
            return names
        db.execute(
            "INSERT INTO version_entities VALUES (?,?,?)", (version_id, FORMAT, item.entities)
        )
        created = item.cable.created
        # as mentions_new keeps them (see the schema); the int keys are JSON strings
        mentioned: dict[int, Any] = {}
        # Why the loop is written out (no calls to _entity_id and _count, the ids as keys,
        # not str(ident)): it runs once per entity row, 25 a cable, and was the writer's
        # largest Python cost with entities.
        known = self._entity_ids
        for row in item.entity_rows:
            kind = row.kind
            found = known.get((kind, row.key))  # _resolve_entities made the batch's
            ident, name = found if found is not None else self._entity_id(row)
            names.setdefault(kind, []).append(name)
            if row.titles or row.affiliation or row.role:
                titles = _encode(row.titles).decode() if row.titles else None
                mentioned[ident] = (row.mentions, titles, row.affiliation, row.role)
            else:
                mentioned[ident] = row.mentions
            # _count(dirty, ident, created, removed=False), inline
            delta = dirty.get(ident)
            if delta is None:
                dirty[ident] = [1, 0, created, created, None, None]
            else:
                delta[0] += 1
                if created is not None:
                    if delta[2] is None or created < delta[2]:
                        delta[2] = created
                    if delta[3] is None or created > delta[3]:
                        delta[3] = created
        if mentioned:
            db.execute(
                "INSERT INTO mentions_new VALUES (?,?,?,?,?)",
                (version_id, reference_id, created, len(mentioned), _encode(mentioned).decode()),
            )
        return names

    def _mark_dirty(self) -> None:
        """At the end of a batch, in its transaction: note that changes are held in memory
        (written out when too many)."""
        if len(self._dirty_entities) > _PENDING_MAX:
            self._flush_dirty()
        elif self._dirty_entities and not self._pending_flagged:
            self._set_meta(_PENDING_KEY, "1")
            self._pending_flagged = True

    def _flush_dirty(self) -> None:
        """Write the changes held in memory to ``entities_dirty``, in the open transaction."""
        if self._dirty_entities:
            self.db.executemany(
                "INSERT INTO entities_dirty VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                " added = added + excluded.added, removed = removed + excluded.removed,"
                f" added_lo = {_LEAST.format('added_lo')}, added_hi = {_MOST.format('added_hi')},"
                f" removed_lo = {_LEAST.format('removed_lo')},"
                f" removed_hi = {_MOST.format('removed_hi')}",
                [(i, *delta) for i, delta in self._dirty_entities.items()],
            )
            self._dirty_entities.clear()
        if self._pending_flagged:
            self._set_meta(_PENDING_KEY, "0")
            self._pending_flagged = False

    def _move_new_mentions(self) -> None:
        """Move ``mentions_new`` into ``mentions``, in the open transaction, sorted by entity
        (the order of ``mentions``). When they are many beside what is there, the index by
        cable is built again after rather than kept up row by row."""
        db = self.db
        if db.execute("SELECT 1 FROM mentions_new LIMIT 1").fetchone() is None:
            return
        new = db.execute("SELECT sum(mentions) FROM mentions_new").fetchone()[0]
        rebuild = (
            new >= _REBUILD_FROM
            and new * 4 >= db.execute("SELECT count(*) FROM mentions").fetchone()[0]
        )
        if rebuild:
            db.execute("DROP INDEX mentions_by_cable")
        db.execute(
            "INSERT INTO mentions (entity_id, reference_id, count, titles, affiliation, role,"
            f" created) SELECT {_WAITING}, n.created FROM mentions_new n,"
            " json_each(n.entities) j ORDER BY 1, n.reference_id"
        )
        if rebuild:
            db.execute("CREATE INDEX mentions_by_cable ON mentions(reference_id)")
        db.execute("DELETE FROM mentions_new")

    def _forget_batch(self) -> None:
        """After a rollback: the ids handed out in the batch are gone, and the changes held
        in memory include some of it. They are dropped; the mark a committed batch left
        then makes the next count count everything."""
        self._entity_ids.clear()
        self._dirty_entities.clear()
        self._pending_flagged = False

    def _resolve_entities(self, items: Sequence[Prepared]) -> None:
        """Make the new entities of a batch in two statements rather than one each, and
        remember their ids and names (``_entity_id`` then finds them). Inside the batch's
        transaction: a rollback takes them back (and ``add_batch`` forgets the ids)."""
        known = self._entity_ids
        new: dict[tuple[str, str], EntityRow] = {}
        for item in items:
            for row in getattr(item, "entity_rows", ()):
                key = (row.kind, row.key)
                if key not in known and key not in new:
                    new[key] = row  # the first to name it names it, as one by one
        if not new:
            return
        if len(known) + len(new) > 500_000:  # bounded: memory must not grow with the input
            known.clear()
        # the rows made here are those after the highest id (the batch's transaction holds
        # the write lock): read back by a range of ids, not found key by key
        last = self.db.execute(_MAX_ID).fetchone()[0]
        before = self.db.total_changes
        self.db.executemany(
            "INSERT INTO entities (kind, key, name, detail) VALUES (?,?,?,?)"
            " ON CONFLICT(kind, key) DO NOTHING",
            [
                (r.kind, r.key, r.name, _encode(r.detail).decode() if r.detail else None)
                for r in new.values()
            ],
        )
        made = self.db.total_changes - before
        if made == len(new) and self.db.execute(_MAX_ID).fetchone()[0] == last + made:
            # every one was made (none was in the library): their ids are the next ones, in
            # order (SQLite's rowids), and reading them back is not needed
            for ident, (key, row) in enumerate(new.items(), last + 1):
                known[key] = (ident, row.name)
        else:
            for ident, kind, key, name in self.db.execute(
                "SELECT id, kind, key, name FROM entities WHERE id > ?", (last,)
            ):
                known[(kind, key)] = (ident, name)
        # and those the library had (this process had not seen them)
        keys = [key for key in new if key not in known]
        for at in range(0, len(keys), 4_000):  # 8,000 parameters a query
            chunk = keys[at : at + 4_000]
            rows = self.db.execute(
                "SELECT id, kind, key, name FROM entities WHERE (kind, key) IN"
                f" (VALUES {','.join(['(?,?)'] * len(chunk))})",
                [part for key in chunk for part in key],
            )
            for ident, kind, key, name in rows:
                known[(kind, key)] = (ident, name)

    def _entity_id(self, row: EntityRow) -> tuple[int, str]:
        """The library's id and name of the entity of ``row``, made when new."""
        known = self._entity_ids.get((row.kind, row.key))
        if known is None:
            detail = _encode(row.detail).decode() if row.detail else None
            known = self.db.execute(
                "INSERT INTO entities (kind, key, name, detail) VALUES (?,?,?,?)"
                " ON CONFLICT(kind, key) DO UPDATE SET kind = kind RETURNING id, name",
                (row.kind, row.key, row.name, detail),
            ).fetchone()
            if len(self._entity_ids) > 500_000:  # bounded: memory must not grow with the input
                self._entity_ids.clear()
            self._entity_ids[(row.kind, row.key)] = known
        return known

    def replace_entities(self, items: Sequence[Prepared]) -> None:
        """Store the extraction of cables already stored (a library from before entities)."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                ref = item.cable.reference_id
                row = db.execute(
                    "SELECT latest_version FROM cables WHERE reference_id = ?", (ref,)
                ).fetchone()
                if row is None or ref is None:
                    continue
                db.execute("DELETE FROM version_entities WHERE version_id = ?", (row[0],))
                self._add_entities(ref, row[0], item)
            self._mark_dirty()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            self._forget_batch()
            raise

    def refresh_entity_stats(self, *, force: bool = False) -> bool:
        """Bring the counts of the entities an ingest changed up to date (an ingest ends with
        this; ``force``: count every entity from scratch), and join aliases again. True when
        there was something to do.

        Each changed entity's own count and dates are moved by what was added and removed
        (``entities_dirty``); only an entity that lost the cable holding its first or last
        date, or one marked to count from scratch, reads its mentions again. Aliases are
        resolved over all people from the stored columns. An entity with aliases counts
        their cables too: those groups are counted from their mentions.
        """
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            # changes held in memory by a process that was killed, or dropped after a
            # rollback: count everything
            stale = self._meta(_PENDING_KEY) == "1" and not self._pending_flagged
            force = force or stale
            self._flush_dirty()
            if stale:
                self._set_meta(_PENDING_KEY, "0")
            self._move_new_mentions()
            if force:
                db.execute(
                    "INSERT INTO entities_dirty (id) SELECT id FROM entities WHERE true"
                    " ON CONFLICT(id) DO UPDATE SET added = NULL"
                )
            if not db.execute(
                "SELECT 1 FROM entities_dirty d JOIN entities e ON e.id = d.id LIMIT 1"
            ).fetchone():
                db.execute("COMMIT")
                return False
            self._count_own()
            db.execute(
                "UPDATE entities SET affiliation = NULL WHERE id IN (SELECT id FROM entities_dirty)"
            )
            db.executemany(
                "UPDATE entities SET affiliation = ? WHERE id = ?", self._top_affiliations()
            )
            changed = self._rejoin_aliases()
            self._count_groups(changed)
            db.execute("DELETE FROM entities_dirty")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")  # what was held in memory went with it: the mark stays
            raise
        return True

    def _count_own(self) -> None:
        """Each changed entity's own count, first and last date (``entities_dirty``)."""
        # In SQL, not row by row in Python: an ingest of new cables changes most entities,
        # and reading each change out and writing each count back took 0.3 s of the
        # writer's CPU on the dev corpus (37,000 entities), more than the rest of it.
        db = self.db
        scan = db.execute(  # before the counts move: they are what it is read from
            f"SELECT id FROM entities_dirty WHERE added IS NULL UNION ALL"
            f" SELECT id FROM ({_MOVED}) WHERE scan"
        ).fetchall()
        db.execute(
            "UPDATE entities SET own_cables = max(c.n, 0),"
            " own_first = CASE WHEN c.n > 0 THEN c.lo END,"
            " own_last = CASE WHEN c.n > 0 THEN c.hi END"
            f" FROM ({_MOVED}) AS c WHERE entities.id = c.id AND NOT c.scan"
        )
        if scan:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS entities_scan (id INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM temp.entities_scan")
            db.executemany("INSERT INTO temp.entities_scan VALUES (?)", scan)
            db.execute(
                "UPDATE entities SET own_cables = 0, own_first = NULL, own_last = NULL"
                " WHERE id IN (SELECT id FROM temp.entities_scan)"
            )
            db.execute(
                "UPDATE entities SET own_cables = s.n, own_first = s.lo, own_last = s.hi FROM"
                " (SELECT m.entity_id AS id, count(*) AS n, min(m.created) AS lo,"
                " max(m.created) AS hi FROM temp.entities_scan t"
                " JOIN mentions m ON m.entity_id = t.id GROUP BY m.entity_id) AS s"
                " WHERE entities.id = s.id"
            )
            db.execute("DELETE FROM temp.entities_scan")

    def _count_groups(self, changed: set[int]) -> None:
        """``cables``, ``first_seen``, ``last_seen`` of the changed entities, and of those they
        are or were joined to: their own figures, or their group's when others joined them."""
        db = self.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS entities_recount (id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM temp.entities_recount")
        db.executemany(
            "INSERT OR IGNORE INTO temp.entities_recount VALUES (?)", [(i,) for i in changed]
        )
        db.execute(
            "INSERT OR IGNORE INTO temp.entities_recount SELECT coalesce(e.alias_of, e.id)"
            " FROM entities_dirty d JOIN entities e ON e.id = d.id"
            " UNION SELECT id FROM entities_dirty"
        )
        db.execute(
            "UPDATE entities SET cables = own_cables, first_seen = own_first,"
            " last_seen = own_last WHERE id IN (SELECT id FROM temp.entities_recount)"
        )
        db.execute(
            "UPDATE entities SET cables = s.n, first_seen = s.lo, last_seen = s.hi FROM"
            " (SELECT g.head AS id, count(DISTINCT m.reference_id) AS n,"
            " min(m.created) AS lo, max(m.created) AS hi FROM"
            " (SELECT r.id AS head, r.id AS member FROM temp.entities_recount r"
            " WHERE EXISTS (SELECT 1 FROM entities a WHERE a.alias_of = r.id) UNION ALL"
            " SELECT r.id, e.id FROM temp.entities_recount r"
            " JOIN entities e ON e.alias_of = r.id) AS g"
            " JOIN mentions m ON m.entity_id = g.member GROUP BY g.head) AS s"
            " WHERE entities.id = s.id"
        )
        db.execute("DELETE FROM temp.entities_recount")

    def _top_affiliations(self) -> list[tuple[str, int]]:
        """(most frequent affiliation, id) of each changed person that some cable gives one
        (a tie goes to the first in alphabetical order)."""
        best: dict[int, tuple[int, str]] = {}
        for ident, aff, n in self.db.execute(
            "SELECT m.entity_id, m.affiliation, count(*) FROM entities_dirty d"
            " JOIN entities e ON e.id = d.id AND e.kind = 'person'"
            " JOIN mentions m ON m.entity_id = d.id"
            " WHERE m.affiliation IS NOT NULL GROUP BY m.entity_id, m.affiliation"
        ):
            if n > best.get(ident, (0, ""))[0]:
                best[ident] = (n, aff)
        return [(aff, ident) for ident, (_, aff) in best.items()]

    def _rejoin_aliases(self) -> set[int]:
        """Resolve aliases over every person again; store what changed and return the ids
        whose group changed (the alias, and the entities it left and joined)."""
        db = self.db
        people = db.execute(
            "SELECT id, key, affiliation FROM entities WHERE kind = 'person' AND own_cables > 0"
        ).fetchall()
        now = resolve_aliases(people)
        before = dict(db.execute("SELECT id, alias_of FROM entities WHERE alias_of IS NOT NULL"))
        changed: set[int] = set()
        updates: list[tuple[int | None, int]] = []
        for ident in before.keys() | now.keys():
            old, new = before.get(ident), now.get(ident)
            if old != new:
                updates.append((new, ident))
                changed.update(i for i in (ident, old, new) if i is not None)
        db.executemany("UPDATE entities SET alias_of = ? WHERE id = ?", updates)
        return changed

    # -- reading -------------------------------------------------------------------------

    def version_entities(self, reference_id: str, number: int | None = None) -> bytes | None:
        """A version's stored extraction, packed (the newest version when ``number`` is None)."""
        if number is None:
            sql = (
                "SELECT e.data FROM cables c JOIN version_entities e"
                " ON e.version_id = c.latest_version WHERE c.reference_id = ?"
            )
            row = self.db.execute(sql, (reference_id,)).fetchone()
        else:
            sql = (
                "SELECT e.data FROM versions v JOIN version_entities e ON e.version_id = v.id"
                " WHERE v.reference_id = ? AND v.number = ?"
            )
            row = self.db.execute(sql, (reference_id, number)).fetchone()
        return row[0] if row else None

    def without_entities(self) -> list[str]:
        """Cables whose newest version has no extraction of the current format.

        Answered from the meta table when the last check found none and no cable was
        stored without entities since (the scan reads every cable: seconds at 250k)."""
        if self._meta(_COMPLETE_KEY) == str(FORMAT):
            return []
        rows = self.db.execute(
            "SELECT c.reference_id FROM cables c LEFT JOIN version_entities e"
            " ON e.version_id = c.latest_version WHERE e.format IS NOT ?",
            (FORMAT,),
        )
        missing = [r[0] for r in rows]
        if not missing and not self.readonly:  # autocommit: a statement of its own
            self._set_meta(_COMPLETE_KEY, str(FORMAT))
        return missing

    def entity_ids(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """The library entity each (kind, key) belongs to (the one it was joined to, if so)."""
        out: dict[tuple[str, str], int] = {}
        for kind, key in set(keys):
            row = self.db.execute(
                f"SELECT {_GROUP} FROM entities e WHERE e.kind = ? AND e.key = ?", (kind, key)
            ).fetchone()
            if row is not None:
                out[(kind, key)] = row[0]
        return out

    def entity_names(self, reference_ids: Sequence[str]) -> dict[str, dict[str, list[str]]]:
        """The names of the entities each cable mentions, by kind (for the search index)."""
        out: dict[str, dict[str, list[str]]] = {}
        for start in range(0, len(reference_ids), 500):
            chunk = list(reference_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(  # mentions not yet counted too (a killed ingest's)
                "SELECT m.reference_id, e.kind, e.name FROM (SELECT reference_id, entity_id"
                f" FROM mentions WHERE reference_id IN ({marks}) UNION ALL SELECT"
                " n.reference_id, CAST(j.key AS INTEGER) FROM cables c JOIN mentions_new n"
                " ON n.version_id = c.latest_version, json_each(n.entities) j"
                f" WHERE c.reference_id IN ({marks})) m JOIN entities e ON e.id = m.entity_id",
                chunk + chunk,
            )
            for ref, kind, name in rows:
                out.setdefault(ref, {}).setdefault(kind, []).append(name)
        return out

    def entity_list(
        self, kind: str | None, query: str | None, *, limit: int, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        """Entities by how many cables name them, optionally of a kind and matching ``query``
        (words that begin words of the name, in any order); returns (total, page)."""
        where = ["e.cables > 0", "e.alias_of IS NULL"]
        args: list[Any] = []
        if kind:
            where.append("e.kind = ?")
            args.append(kind)
        for word in key_words(query or ""):
            where.append("(' ' || e.key) LIKE ? ESCAPE '\\'")
            args.append(f"% {_like(word)}%")
        clause = " AND ".join(where)
        total = self.db.execute(f"SELECT count(*) FROM entities e WHERE {clause}", args)
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM entities e WHERE {clause}"
            " ORDER BY e.cables DESC, e.name LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return total.fetchone()[0], [_entity(r) for r in rows]

    def entity(self, entity_id: int) -> dict[str, Any] | None:
        """One entity, with its other names and its titles, affiliations and roles across
        cables (most frequent first). An alias gives the entity it was joined to."""
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM entities e WHERE e.id = coalesce("
            "(SELECT alias_of FROM entities WHERE id = :id), :id)",
            {"id": entity_id},
        ).fetchone()
        if row is None:
            return None
        out = _entity(row)
        ident = {"id": out["id"]}
        out["aliases"] = [
            {"id": r[0], "name": r[1], "cables": r[2]}
            for r in self.db.execute(
                "SELECT id, name, cables FROM entities WHERE alias_of = :id ORDER BY cables DESC",
                ident,
            )
        ]
        titles: Counter[str] = Counter()
        affiliations: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        for t, a, r in self.db.execute(
            f"SELECT titles, affiliation, role FROM mentions WHERE entity_id IN ({_MEMBERS})",
            ident,
        ):
            titles.update(_decode(t) if t else [])
            if a:
                affiliations[a] += 1
            roles.update(part for part in (r or "").split("+") if part)
        out["titles"] = _by_count(titles)
        out["affiliations"] = _by_count(affiliations)
        out["roles"] = _by_count(roles)
        return out

    def entity_cable_ids(self, entity_id: int) -> list[tuple[str, str | None]]:
        """``(reference_id, created)`` of every cable naming the entity (or an alias of it),
        newest first: one indexed read, about a microsecond a cable."""
        rows = self.db.execute(
            "SELECT c.reference_id, c.created FROM cables c WHERE c.reference_id IN"
            f" (SELECT m.reference_id FROM mentions m WHERE m.entity_id IN ({_MEMBERS}))"
            " ORDER BY c.created DESC, c.reference_id",
            {"id": entity_id},
        )
        return [(r[0], r[1]) for r in rows]

    def entity_cable_rows(self, entity_id: int, reference_ids: list[str]) -> list[dict[str, Any]]:
        """Cable-list rows for these cables, in this order: subject, origin, how often the
        cable names the entity and with which titles."""
        if not reference_ids:
            return []
        rows = self.db.execute(
            "SELECT c.reference_id, c.created, c.origin, c.classification, v.subject,"
            " sum(m.count), group_concat(m.titles, char(31)) FROM cables c"
            " JOIN versions v ON v.id = c.latest_version"
            " JOIN mentions m ON m.reference_id = c.reference_id"
            f" AND m.entity_id IN ({_MEMBERS})"
            " WHERE c.reference_id IN (SELECT value FROM json_each(:refs))"
            " GROUP BY c.reference_id",
            {"id": entity_id, "refs": json.dumps(reference_ids)},
        )
        found = {}
        for r in rows:
            titles: list[str] = []
            for part in (r[6] or "").split("\x1f"):
                titles.extend(t for t in (_decode(part) if part else []) if t not in titles)
            found[r[0]] = {
                "reference_id": r[0],
                "created": r[1],
                "origin": r[2],
                "classification": r[3],
                "subject": r[4],
                "mentions": r[5],
                "titles": titles,
            }
        return [found[ref] for ref in reference_ids if ref in found]

    def related(
        self, entity_id: int, reference_ids: list[str], *, limit: int = 25
    ) -> dict[str, list[dict[str, Any]]]:
        """The entities named in these cables (the entity's own, or a sample of them), by
        how many of the cables name them, per kind, best first (ties by name), ``limit``
        each (a tie at the cut may add a few): ``{kind: [entity + "shared"]}``.

        SQLite counts the mentions per stored entity (no join: a join with ``entities``
        per mention costs three times as much); only the most-named few thousand are then
        looked up and gathered under the entity they were joined to. A cable naming two
        forms of one entity (a signer "POLASCHIK" and "Joan A. Polaschik" in the text)
        counts once: those few are counted again, exactly."""
        refs = json.dumps(reference_ids)
        raw = self.db.execute(
            "SELECT m.entity_id, count(*) AS n FROM mentions m"
            " WHERE m.reference_id IN (SELECT value FROM json_each(:refs))"
            " GROUP BY m.entity_id ORDER BY n DESC LIMIT :cap",
            {"refs": refs, "cap": _CANDIDATES},
        ).fetchall()
        groups: dict[int, tuple[int, str]] = {}
        for ident, kind, alias_of in self.db.execute(
            "SELECT id, kind, alias_of FROM entities WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([r[0] for r in raw]),),
        ):
            groups[ident] = (alias_of or ident, kind)
        counts: Counter[int] = Counter()
        kinds: dict[int, str] = {}
        members: dict[int, list[int]] = {}
        for ident, n in raw:
            group, kind = groups.get(ident, (ident, ""))
            if group != entity_id and kind:
                counts[group] += n
                kinds[group] = kind
                members.setdefault(group, []).append(ident)
        shown = {g for g, _ in counts.most_common(3 * limit + 100) if len(members[g]) > 1}
        if shown:
            for group, n in self._distinct_counts({g: members[g] for g in shown}, refs).items():
                counts[group] = n
        top: dict[str, list[int]] = {}
        floor: dict[str, int] = {}
        for ident, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            bucket = top.setdefault(kinds[ident], [])
            # past the cut only the rest of a tie, which the names order below
            if len(bucket) < limit or (n == floor.get(kinds[ident]) and len(bucket) < limit + 500):
                bucket.append(ident)
                if len(bucket) == limit:
                    floor[kinds[ident]] = n
        found = self._entities_by_id([i for ids in top.values() for i in ids])
        out: dict[str, list[dict[str, Any]]] = {}
        for kind, ids in top.items():
            rows = [{**found[i], "shared": counts[i]} for i in ids if i in found]
            rows.sort(key=lambda r: (-r["shared"], r["name"]))
            out[kind] = rows[:limit]
        return out

    def _distinct_counts(self, members: dict[int, list[int]], refs: str) -> dict[int, int]:
        """How many of the cables (``refs``, JSON) name each entity, counting its members
        (itself and its aliases) once per cable."""
        group = {m: g for g, ms in members.items() for m in ms}
        rows = self.db.execute(
            "SELECT m.entity_id, m.reference_id FROM mentions m"
            " WHERE +m.entity_id IN (SELECT value FROM json_each(:ids))"
            " AND m.reference_id IN (SELECT value FROM json_each(:refs))",
            {"ids": json.dumps(list(group)), "refs": refs},
        )
        seen: dict[int, set[str]] = {}
        for ident, ref in rows:
            seen.setdefault(group[ident], set()).add(ref)
        out = {g: 0 for g in members}
        out.update({g: len(cables) for g, cables in seen.items()})
        return out

    def pair_counts(
        self, entity_ids: list[int], reference_ids: list[str]
    ) -> dict[tuple[int, int], int]:
        """How many of these cables name both of two of these entities (``a < b``)."""
        if len(entity_ids) < 2:
            return {}
        ids = json.dumps(entity_ids)
        members = dict(
            self.db.execute(
                "SELECT id, coalesce(alias_of, id) FROM entities"
                " WHERE id IN (SELECT value FROM json_each(:ids))"
                " OR alias_of IN (SELECT value FROM json_each(:ids))",
                {"ids": ids},
            ).fetchall()
        )
        by_cable: dict[str, set[int]] = {}
        for ref, ident in self.db.execute(
            "SELECT m.reference_id, m.entity_id FROM mentions m"
            " WHERE +m.entity_id IN (SELECT value FROM json_each(:ids))"
            " AND m.reference_id IN (SELECT value FROM json_each(:refs))",
            {"ids": json.dumps(list(members)), "refs": json.dumps(reference_ids)},
        ):
            by_cable.setdefault(ref, set()).add(members.get(ident, ident))
        pairs: Counter[tuple[int, int]] = Counter()
        for named in by_cable.values():
            inside = sorted(named)
            for i, a in enumerate(inside):
                for b in inside[i + 1 :]:
                    pairs[(a, b)] += 1
        return dict(pairs)

    def _entities_by_id(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        if not ids:
            return {}
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM entities e WHERE e.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return {r[0]: _entity(r) for r in rows}

    def co_mentioned(
        self, entity_id: int, *, kind: str | None = None, limit: int = 25
    ) -> list[dict[str, Any]]:
        """What is named with this entity most (of one kind, or any), counted in all its
        cables, by shared cables."""
        refs = [ref for ref, _ in self.entity_cable_ids(entity_id)]
        by_kind = self.related(entity_id, refs, limit=limit)
        found = [e for k, es in by_kind.items() if kind is None or k == kind for e in es]
        return sorted(found, key=lambda e: (-e["shared"], e["name"]))[:limit]

    def shared_cables(self, a: int, b: int) -> int:
        """How many cables name both entities (each with its aliases)."""
        return self.db.execute(
            "SELECT count(DISTINCT m1.reference_id) FROM mentions m1 JOIN mentions m2"
            " USING (reference_id)"
            " WHERE m1.entity_id IN (SELECT id FROM entities WHERE id = :a OR alias_of = :a)"
            " AND m2.entity_id IN (SELECT id FROM entities WHERE id = :b OR alias_of = :b)",
            {"a": a, "b": b},
        ).fetchone()[0]
