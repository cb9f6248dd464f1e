"""Export the library's entities: FollowTheMoney JSON Lines for Aleph, the people network
as GEXF for Gephi. Both streamed: memory does not grow with the library.

FollowTheMoney (plain JSON here; the ``followthemoney`` package is not needed at run time):

- a ``Document`` per cable (``cablekit-cable-<reference id>``): ``title`` the subject,
  ``date``/``authoredAt`` the creation time, ``author`` the sending post, ``messageId`` the
  reference id, ``summary``, ``bodyText`` (cut at FtM's 65,000-character text limit),
  ``keywords`` the TAGS and the classification; ``fileName`` (which the schema requires)
  is ``<reference id>.txt``, with ``mimeType`` text/plain;
- a ``Person`` or ``Organization`` per canonical library entity (``cablekit-person-<id>``,
  ``cablekit-organization-<id>``): its other names as ``alias`` (full names) or
  ``weakAlias`` (a surname with its context: too broad to match on), a person's most
  frequent titles as ``position`` and the country most of its cables give as ``country``
  (a person known only by surname and context, "Ivanov (Russia)", is named "Ivanov");
- a place as an ``Address`` (``cablekit-place-<id>``): FtM has no Place, and Address is the
  one Thing with structured geography (``city``, ``country``, ``latitude``/``longitude``),
  which a ``country``-typed property on the documents could not carry;
- a ``Mention`` (document, ``resolved`` entity, ``name`` as the cable writes it,
  ``detectedSchema``, ``contextCountry``) for each person and organisation a cable names:
  what Aleph itself emits for names it finds in documents. ``Mention.resolved`` only takes
  a LegalEntity, so a place is linked by a ``Documentation`` (document, entity, ``role``,
  ``date``) instead.

Entities come first (each once: those the selected cables name), then each document with
its links. GEXF: nodes are canonical people, edges two people named in the same cable,
weighted by the cables they share (pairs aggregated by SQLite, not in Python).

The selection is kept in temporary tables of the store's connection, dropped at the end:
one export at a time per ``Library``. A query that does not parse raises
``QuerySyntaxError`` as ``Library.search`` does.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO
from xml.sax.saxutils import quoteattr

from cablekit.extract.lexicon import country_iso

if TYPE_CHECKING:
    from cablekit.store.library import Library

PREFIX = "cablekit"
TEXT_MAX = 65_000  # FtM's text type: longer values fail validation
STRING_MAX = 1_024  # FtM's string type
NAME_MAX = 384  # FtM's name type
POSITIONS = 5  # a person's most frequent titles kept
CHUNK = 500

_SEL = "temp.cablekit_export_selected"  # the selected reference ids, in order
_PEOPLE = "temp.cablekit_export_people"  # (cable, person) pairs of the selection
_NODES = "temp.cablekit_export_nodes"
# what JSON and XML 1.0 cannot carry: C0 controls (but tab and newlines), lone surrogates
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_ID_CHARS = re.compile(r"[^0-9A-Za-z.\-]+")  # FtM ids: letters, digits, dots and hyphens
_CONTEXT = re.compile(r" \([^()]*\)$")  # "Cretz (United States)": the context of a surname
_SCHEMA = {"person": "Person", "organization": "Organization", "place": "Address"}
_GROUP = "coalesce(e.alias_of, e.id)"
_TITLES = "json_each(CASE WHEN json_valid(m.titles) THEN m.titles ELSE '[]' END)"


def _clean(value: Any, limit: int = STRING_MAX) -> str:
    """A value as JSON and XML can carry it, cut to ``limit`` characters (at a space when
    one is near: a cut body should not end mid-word)."""
    text = _BAD_CHARS.sub("", str(value)) if value is not None else ""
    if len(text) > limit:
        cut = text.rfind(" ", limit - 200, limit)
        text = text[: cut if cut > 0 else limit].rstrip()
    return text.strip()  # as FtM cleans every value


def _slug(value: str) -> str:
    return _ID_CHARS.sub("-", value).strip(".-") or "x"


def document_id(reference_id: str) -> str:
    """The FtM id of a cable's Document."""
    return f"{PREFIX}-cable-{_slug(reference_id)}"


def entity_id(kind: str, ident: int) -> str:
    """The FtM id of a library entity: stable as long as the library is."""
    return f"{PREFIX}-{kind}-{ident}"


# ISO codes withdrawn since the cables, as FtM's country type writes them
_FTM_CODE = {"an": "nl", "cs": "csxx"}  # Netherlands Antilles; Serbia and Montenegro


def country_code(name: str | None) -> str | None:
    """ISO code of a country named as cables and the gazetteer name it, in FtM's
    spelling (lower case; withdrawn codes as FtM writes them), or None."""
    iso = country_iso(name)
    return _FTM_CODE.get(iso.lower(), iso.lower()) if iso else None


def _props(**values: str | list[str] | None) -> dict[str, list[str]]:
    """FtM properties: lists of distinct non-empty strings, empty properties left out."""
    out: dict[str, list[str]] = {}
    for prop, value in values.items():
        if isinstance(value, list):
            kept = [v for v in dict.fromkeys(value) if v]
            if kept:
                out[prop] = kept
        elif value:
            out[prop] = [value]
    return out


def _line(out: TextIO, ident: str, schema: str, props: dict[str, list[str]]) -> None:
    out.write(json.dumps({"id": ident, "schema": schema, "properties": props}) + "\n")


def _date(created: Any) -> str | None:
    """``2009-06-05 13:06`` as FtM dates are written: ``2009-06-05T13:06``."""
    if not isinstance(created, str) or not re.match(r"\d{4}-\d\d-\d\d", created):
        return None
    return created[:16].replace(" ", "T")


# -- the selection, as temporary tables of the store's connection ------------------------


def _select(db: sqlite3.Connection, library: Library, query: str | None) -> None:
    """Put the reference ids a query selects into a temporary table, in its order."""
    db.execute(f"DROP TABLE IF EXISTS {_SEL}")
    db.execute(f"CREATE TABLE {_SEL} (n INTEGER PRIMARY KEY, ref TEXT NOT NULL)")
    batch: list[tuple[str]] = []
    for ref in library.matching_ids(query):
        batch.append((ref,))
        if len(batch) >= 5_000:
            db.executemany(f"INSERT INTO {_SEL} (ref) VALUES (?)", batch)
            batch = []
    if batch:
        db.executemany(f"INSERT INTO {_SEL} (ref) VALUES (?)", batch)
    db.execute(f"CREATE INDEX {_SEL}_ref ON cablekit_export_selected(ref)")


def _drop(db: sqlite3.Connection, *tables: str) -> None:
    for table in tables:
        try:
            db.execute(f"DROP TABLE IF EXISTS {table}")
        except sqlite3.Error:
            pass


def _selected_chunks(db: sqlite3.Connection) -> Iterator[list[str]]:
    last = 0
    while True:
        rows = db.execute(
            f"SELECT n, ref FROM {_SEL} WHERE n > ? ORDER BY n LIMIT ?", (last, CHUNK)
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield [r[1] for r in rows]


# -- FollowTheMoney ---------------------------------------------------------------------


def write_ftm(library: Library, out: TextIO, query: str | None = None) -> int:
    """Write the cables a query selects (all when None) and the entities they name as
    FollowTheMoney entities, one JSON object a line; returns the lines written."""
    db: sqlite3.Connection = library.store.db
    try:
        _select(db, library, query)
        n = _write_entities(db, out)
        for refs in _selected_chunks(db):
            n += _write_documents(library, db, out, refs)
        return n
    finally:
        _drop(db, _SEL)


def _grouped(cursor: sqlite3.Cursor) -> Iterator[tuple[int, list[tuple[Any, ...]]]]:
    """Rows ordered by their first column, grouped by it."""
    current: int | None = None
    rows: list[tuple[Any, ...]] = []
    for row in cursor:
        if row[0] != current:
            if current is not None:
                yield current, rows
            current, rows = row[0], []
        rows.append(row[1:])
    if current is not None:
        yield current, rows


class _Merge:
    """Look up, in ascending ids, the rows of a cursor grouped by ascending id."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self.cursor = cursor
        self._groups = _grouped(cursor)
        self._next: tuple[int, list[tuple[Any, ...]]] | None = next(self._groups, None)

    def get(self, ident: int) -> list[tuple[Any, ...]]:
        while self._next is not None and self._next[0] < ident:
            self._next = next(self._groups, None)
        if self._next is not None and self._next[0] == ident:
            return self._next[1]
        return []

    def close(self) -> None:
        """End the statement (an unfinished one would hold its read snapshot)."""
        self.cursor.close()


def _write_entities(db: sqlite3.Connection, out: TextIO) -> int:
    """One line per canonical entity the selection names, in id order; its aliases,
    titles and affiliations come from sorted cursors walked beside it (no per-entity
    queries, nothing held but the entity at hand)."""
    named = (
        f"SELECT DISTINCT {_GROUP} FROM {_SEL} s JOIN mentions m ON m.reference_id = s.ref"
        " JOIN entities e ON e.id = m.entity_id"
    )
    entities = db.execute(
        "SELECT e.id, e.kind, e.name, e.key, e.detail FROM entities e"
        f" WHERE e.alias_of IS NULL AND e.id IN ({named}) ORDER BY e.id"
    )
    aliases = _Merge(
        db.execute(
            "SELECT alias_of, name, key FROM entities WHERE alias_of IS NOT NULL"
            " ORDER BY alias_of, cables DESC, name"
        )
    )
    titles = _Merge(
        db.execute(
            f"SELECT {_GROUP} AS g, j.value, count(*) AS k FROM mentions m"
            f" JOIN entities e ON e.id = m.entity_id, {_TITLES} j"
            " WHERE e.kind = 'person' AND m.titles IS NOT NULL"
            " GROUP BY g, j.value ORDER BY g, k DESC, j.value"
        )
    )
    affiliations = _Merge(
        db.execute(
            f"SELECT {_GROUP} AS g, m.affiliation, count(*) AS k FROM mentions m"
            " JOIN entities e ON e.id = m.entity_id"
            " WHERE e.kind = 'person' AND m.affiliation IS NOT NULL"
            " GROUP BY g, m.affiliation ORDER BY g, k DESC, m.affiliation"
        )
    )
    n = 0
    for ident, kind, name, key, detail in entities:
        schema = _SCHEMA.get(kind)
        if kind == "person" and "|" in (key or ""):  # "Ivanov (Russia)": the name is Ivanov
            name = _CONTEXT.sub("", name or "")
        shown = _clean(name, NAME_MAX)
        if schema is None or not shown:
            continue
        if kind == "place":
            props = _place(shown, detail)
        else:
            full: list[str] = []
            weak: list[str] = []
            for alias, alias_key in aliases.get(ident):
                if "|" in (alias_key or ""):  # a surname: its context is not part of the name
                    weak.append(_clean(_CONTEXT.sub("", alias or ""), NAME_MAX))
                else:
                    full.append(_clean(alias, NAME_MAX))
            props = _props(name=shown, alias=[a for a in full if a != shown])
            props.update(_props(weakAlias=[a for a in weak if a and a != shown]))
            if kind == "person":
                positions = [_clean(t) for (t, _k) in titles.get(ident)[:POSITIONS]]
                codes = [country_code(a) for (a, _k) in affiliations.get(ident)]
                props.update(_props(position=positions, country=[c for c in codes if c][:1]))
        _line(out, entity_id(kind, ident), schema, props)
        n += 1
    for merge in (aliases, titles, affiliations):
        merge.close()
    return n


def _place(name: str, detail: str | None) -> dict[str, list[str]]:
    try:
        info = json.loads(detail) if detail else {}
    except ValueError:
        info = {}
    if not isinstance(info, dict):
        info = {}
    country = info.get("country") if isinstance(info.get("country"), str) else None
    place_kind = info.get("kind") if isinstance(info.get("kind"), str) else None
    full = name if not country or country == name else f"{name}, {country}"
    lat, lon = info.get("lat"), info.get("lon")
    return _props(
        name=name,
        full=_clean(full, 250),
        city=name if place_kind == "city" else None,
        country=country_code(country) or (country_code(name) if place_kind == "country" else None),
        latitude=str(lat) if isinstance(lat, int | float) else None,
        longitude=str(lon) if isinstance(lon, int | float) else None,
        keywords=place_kind,
    )


def _write_documents(library: Library, db: sqlite3.Connection, out: TextIO, refs: list[str]) -> int:
    """The Documents of a chunk of cables, each followed by its links."""
    links: dict[str, dict[int, dict[str, Any]]] = {}
    marks = ",".join("?" * len(refs))
    for ref, group, kind, name, key, detail in db.execute(
        f"SELECT m.reference_id, {_GROUP}, e.kind, e.name, e.key, e.detail FROM mentions m"
        f" JOIN entities e ON e.id = m.entity_id WHERE m.reference_id IN ({marks})"
        " ORDER BY m.reference_id, m.count DESC, e.id",
        refs,
    ):
        link = links.setdefault(ref, {}).setdefault(group, {"kind": kind, "names": []})
        written = _CONTEXT.sub("", name) if "|" in (key or "") and kind == "person" else name
        link["names"].append(_clean(written, NAME_MAX))
        if kind == "place":
            link["country"] = _place_country(detail)
    records = {r["reference_id"]: r for r in library.store.latest_records(refs)}
    n = 0
    for ref in refs:
        record = records.get(ref)
        if record is None:
            continue
        doc = document_id(ref)
        slug = _slug(ref)
        date = _date(record.get("created"))
        keywords = [*(record.get("tags") or []), record.get("classification")]
        _line(
            out,
            doc,
            "Document",
            _props(
                title=_clean(record.get("subject")),
                fileName=f"{_clean(ref, 200)}.txt",
                mimeType="text/plain",
                messageId=_clean(ref),
                date=date,
                authoredAt=date,
                author=_clean(record.get("origin")),
                language="eng",
                keywords=[_clean(k) for k in keywords if k],
                summary=_clean(record.get("summary"), TEXT_MAX),
                bodyText=_clean(record.get("body"), TEXT_MAX),
            ),
        )
        n += 1
        named = links.get(ref, {})
        countries = sorted({v["country"] for v in named.values() if v.get("country")})
        for group, link in named.items():
            target = entity_id(link["kind"], group)
            names = [x for x in link["names"] if x]
            if link["kind"] == "place":
                props = {"document": [doc], "entity": [target], "role": ["place named"]}
                if date:
                    props["date"] = [date]
                _line(out, f"{PREFIX}-documentation-{slug}-{group}", "Documentation", props)
            elif names:
                props = {
                    "document": [doc],
                    "resolved": [target],
                    "name": list(dict.fromkeys(names)),
                    "detectedSchema": [_SCHEMA[link["kind"]]],
                }
                if countries:
                    props["contextCountry"] = countries
                _line(out, f"{PREFIX}-mention-{slug}-{group}", "Mention", props)
            else:
                continue
            n += 1
    return n


@lru_cache(maxsize=8192)
def _place_country(detail: str | None) -> str | None:
    try:
        info = json.loads(detail) if detail else {}
    except ValueError:
        return None
    if not isinstance(info, dict):
        return None
    country = info.get("country")
    return country_code(country) if isinstance(country, str) else None


# -- GEXF -------------------------------------------------------------------------------

GEXF_NS = "http://gexf.net/1.3"
_NODE_ATTRIBUTES = (
    ("cables", "integer"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("title", "string"),
)


def write_gexf(
    library: Library,
    out: BinaryIO | TextIO,
    query: str | None = None,
    *,
    min_shared: int = 1,
    max_nodes: int | None = None,
) -> tuple[int, int]:
    """Write the people network of the cables a query selects (all when None) as GEXF 1.3
    (UTF-8; a text ``out`` should be UTF-8 too): a node per canonical person (``cables``,
    ``first_seen``, ``last_seen`` within the selection, and the person's most frequent
    ``title``), an undirected edge between two people named in ``min_shared`` cables or
    more, weighted by those cables. ``max_nodes`` keeps the people named in most cables.
    Returns (nodes, edges)."""
    db: sqlite3.Connection = library.store.db
    try:
        _select(db, library, query)
        db.execute(f"DROP TABLE IF EXISTS {_PEOPLE}")
        db.execute(
            f"CREATE TABLE {_PEOPLE} AS SELECT DISTINCT s.ref AS ref, {_GROUP} AS pid"
            f" FROM {_SEL} s JOIN mentions m ON m.reference_id = s.ref"
            " JOIN entities e ON e.id = m.entity_id WHERE e.kind = 'person'"
        )
        db.execute(f"CREATE INDEX {_PEOPLE}_ref ON cablekit_export_people(ref, pid)")
        db.execute(f"DROP TABLE IF EXISTS {_NODES}")
        db.execute(f"CREATE TABLE {_NODES} (pid INTEGER PRIMARY KEY, n INTEGER, lo TEXT, hi TEXT)")
        limit = -1 if max_nodes is None else max(0, max_nodes)
        db.execute(
            f"INSERT INTO {_NODES} SELECT p.pid, count(*) AS k, min(c.created), max(c.created)"
            f" FROM {_PEOPLE} p JOIN cables c ON c.reference_id = p.ref"
            " GROUP BY p.pid ORDER BY k DESC, p.pid LIMIT ?",
            (limit,),
        )
        return _write_graph(db, _writer(out), max(1, min_shared))
    finally:
        _drop(db, _NODES, _PEOPLE, _SEL)


def _writer(out: BinaryIO | TextIO) -> Callable[[list[str]], None]:
    """Writes lists of strings to a text or a binary stream (as UTF-8)."""
    stream: Any = out  # which of the two is only known by trying
    try:
        stream.write("")
    except TypeError:

        def write_bytes(parts: list[str]) -> None:
            stream.write("".join(parts).encode("utf-8"))

        return write_bytes

    def write_text(parts: list[str]) -> None:
        stream.write("".join(parts))

    return write_text


def _write_graph(
    db: sqlite3.Connection, write: Callable[[list[str]], None], min_shared: int
) -> tuple[int, int]:
    """The document, streamed: every string from the library goes through ``quoteattr``
    (numbers and ids are ours); a part list is written every few thousand elements."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<gexf xmlns="{GEXF_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">\n',
        "  <meta>\n    <creator>cablekit</creator>\n",
        "    <description>People named in the same cables</description>\n  </meta>\n",
        '  <graph defaultedgetype="undirected" mode="static">\n',
        '    <attributes class="node" mode="static">\n',
        *(
            f'      <attribute id="{name}" title="{name}" type="{kind}"/>\n'
            for name, kind in _NODE_ATTRIBUTES
        ),
        "    </attributes>\n    <nodes>\n",
    ]
    titles = _Merge(
        db.execute(
            f"SELECT {_GROUP} AS g, j.value, count(*) AS k FROM mentions m"
            f" JOIN entities e ON e.id = m.entity_id, {_TITLES} j"
            f" WHERE {_GROUP} IN (SELECT pid FROM {_NODES}) AND m.titles IS NOT NULL"
            " GROUP BY g, j.value ORDER BY g, k DESC, j.value"
        )
    )
    nodes = 0
    for pid, name, cables, first, last in db.execute(
        f"SELECT n.pid, e.name, n.n, n.lo, n.hi FROM {_NODES} n JOIN entities e ON e.id = n.pid"
        " ORDER BY n.pid"
    ):
        top = titles.get(pid)
        values = (cables, first, last, top[0][0] if top else None)
        parts.append(f'      <node id="{pid}" label={quoteattr(_clean(name, NAME_MAX))}>')
        parts.append("<attvalues>")
        for (attr, _kind), value in zip(_NODE_ATTRIBUTES, values, strict=True):
            if value is not None:
                parts.append(f'<attvalue for="{attr}" value={quoteattr(_clean(value))}/>')
        parts.append("</attvalues></node>\n")
        nodes += 1
        if len(parts) > 20_000:
            write(parts)
            parts = []
    titles.close()
    parts.append("    </nodes>\n    <edges>\n")
    edges = 0
    for a, b, shared in db.execute(
        f"SELECT p1.pid, p2.pid, count(*) FROM {_PEOPLE} p1 JOIN {_PEOPLE} p2"
        " ON p2.ref = p1.ref AND p2.pid > p1.pid"
        f" WHERE p1.pid IN (SELECT pid FROM {_NODES}) AND p2.pid IN (SELECT pid FROM {_NODES})"
        " GROUP BY p1.pid, p2.pid HAVING count(*) >= ? ORDER BY p1.pid, p2.pid",
        (min_shared,),
    ):
        parts.append(f'      <edge id="{edges}" source="{a}" target="{b}" weight="{shared}"/>\n')
        edges += 1
        if len(parts) > 20_000:
            write(parts)
            parts = []
    parts.append("    </edges>\n  </graph>\n</gexf>\n")
    write(parts)
    return nodes, edges
