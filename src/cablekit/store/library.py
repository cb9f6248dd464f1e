"""The library: a store of cables and their versions, and a search index over them.

``Library`` is what the CLI, the API and the web app use. It joins the
SQLite store (the source of truth) and the search index (derived data, kept
in the directory ``<db>-search`` beside the file) and runs the ingest
pipeline over them.
"""

from __future__ import annotations

import difflib
import gc
import logging
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal

import msgspec

from cablekit.errors import CablekitError, ReadError
from cablekit.extract import extract_entities
from cablekit.identify.fingerprint import index_terms
from cablekit.model import Cable
from cablekit.search.index import IndexDoc, IndexFormatError, SearchIndex
from cablekit.search.query import parse_query
from cablekit.store.entities import KINDS, entity_rows, keys_of, pack, unpack
from cablekit.store.ingest import (
    BATCH_SIZE,
    INDEX_COMMIT_EVERY,
    IngestSummary,
    Prepared,
    input_size,
    progress_bar,
    stored_cables,
    worker_count,
)
from cablekit.store.sqlite import SqliteStore

Sort = Literal["relevance", "date"]
RELATED_SAMPLE = 2_000  # an entity's cables that what is named with it is counted in
_MONTH = re.compile(r"\d{4}-\d{2}")
log = logging.getLogger("cablekit.store")


def index_path(db_path: str | Path) -> Path:
    """Where the search index of the library ``db_path`` lives."""
    return Path(f"{db_path}-search")


class Library:
    """A library of cables on disk: ``Library.open("cables.db", create=True)``."""

    def __init__(self, store: SqliteStore, search_path: Path) -> None:
        self.store = store
        self.search_path = search_path
        self._reader: SearchIndex | None = None

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False) -> Library:
        """Open the library at ``path``; ``create`` makes it when missing."""
        return cls(SqliteStore(path, create=create), index_path(path))

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def _writer_rebuilt_if_old(self) -> SearchIndex:
        """The index writer; an index of an older format is derived data: rebuilt."""
        try:
            return self._writer()
        except IndexFormatError:
            log.warning("%s: search index of an older format: rebuilding it", self.search_path)
            self.reindex()
            return self._writer()

    def ingest(
        self,
        sources: Iterable[str],
        *,
        progress: bool | None = False,
        on_error: Callable[[ReadError], None] | None = None,
        on_warning: Callable[[str], None] | None = None,
        batch_size: int = BATCH_SIZE,
        workers: int | None = None,
        entities: bool = True,
    ) -> IngestSummary:
        """Read, parse and store every cable of ``sources``; index them for search.

        Idempotent: a text already stored adds nothing; a new text of a known
        reference id adds a version. Unreadable files go to ``on_error`` and
        skipped records to ``on_warning``; neither stops the ingest. ``workers``:
        processes that parse (default: one per core for inputs of a few MB or more).
        ``entities=False`` stores no people, places...: faster; the next ingest with
        entities extracts them for every cable that lacks them.
        """
        sources = list(sources)
        summary = IngestSummary()
        size = input_size(sources)  # walks directories and reads gzip trailers: once
        workers = worker_count(size, workers)
        if entities and self._extract_missing():  # from before entities, or an older format
            self.reindex()
        index = self._writer_rebuilt_if_old()
        # The garbage collector is paused while cables stream through (it walked every
        # cable in flight, again and again: 12 % of the writer's CPU at 251k cables) and
        # run at each index commit, so cyclic garbage still goes every 20,000 cables.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._catch_up(index)
            enabled = sys.stderr.isatty() if progress is None else progress
            bar = progress_bar(enabled=enabled)
            started = time.monotonic()
            with bar:
                total = size if enabled else None
                task = bar.add_task("ingest", total=total or None, cables=0, rate=0.0)

                def advance(size: int) -> None:
                    bar.update(task, advance=size)

                batch: list[Prepared] = []
                unindexed = 0
                for prepared in stored_cables(
                    sources,
                    summary,
                    on_error=on_error or (lambda error: None),
                    on_warning=on_warning or (lambda message: None),
                    on_document=advance,
                    workers=workers,
                    entities=entities,
                ):
                    batch.append(prepared)
                    if len(batch) >= batch_size:
                        unindexed += self._store_batch(batch, index, summary)
                        batch = []
                        rate = summary.cables / max(time.monotonic() - started, 1e-6)
                        bar.update(task, cables=summary.cables, rate=rate)
                        if unindexed >= INDEX_COMMIT_EVERY:
                            self._commit_index(index)
                            unindexed = 0
                            gc.collect()
                if batch:
                    self._store_batch(batch, index, summary)
                self._commit_index_and_count(index)
                rate = summary.cables / max(time.monotonic() - started, 1e-6)
                bar.update(task, completed=total or 0, cables=summary.cables, rate=rate)
        finally:
            index.close()
            if collecting:
                gc.enable()
        return summary

    def _store_batch(
        self, batch: list[Prepared], index: SearchIndex, summary: IngestSummary
    ) -> int:
        outcome = self.store.add_batch(batch)
        summary.new_cables += outcome.new_cables
        summary.new_versions += outcome.new_versions
        summary.unchanged += outcome.unchanged
        newest = {item.cable.reference_id: item for item in outcome.added}  # the last text wins
        index.replace(
            _index_doc(item.cable, item.fingerprints, outcome.names[ref])
            for ref, item in newest.items()
        )
        return len(newest)

    def _commit_index(self, index: SearchIndex) -> None:
        """Commit the index, then record how far it goes (in that order: a crash between
        the two only makes the next run index a few cables again)."""
        newest = self.store.max_version()
        index.commit()
        self.store.set_indexed_version(newest)

    def _commit_index_and_count(self, index: SearchIndex) -> None:
        """``_commit_index``, and the entity counts brought up to date at the same time.

        Why side by side: the index commits in Tantivy's threads and the counts are SQL,
        and neither holds the GIL. One after the other, the end of an ingest left a core
        idle (20,000 cables: a commit of 1.3 s, then counts of 7 s on one core).
        """
        newest = self.store.max_version()
        with ThreadPoolExecutor(1, thread_name_prefix="cablekit-commit") as pool:
            committed = pool.submit(index.commit)
            self.store.refresh_entity_stats()
            committed.result()  # its error, if any, is raised here
        self.store.set_indexed_version(newest)

    def _catch_up(self, index: SearchIndex) -> None:
        """Index what an interrupted run stored but did not index."""
        done = self.store.indexed_version()
        if done >= self.store.max_version():
            return
        ids = self.store.ids_changed_since(done)
        self._index_records(index, self.store.latest_records(ids))
        self._commit_index_and_count(index)

    def _index_records(self, index: SearchIndex, records: Iterable[dict[str, Any]]) -> int:
        """Index stored records (with their entities' names), in chunks; returns how many."""
        n = 0
        chunk: list[dict[str, Any]] = []

        def flush() -> None:
            names = self.store.entity_names([r["reference_id"] for r in chunk])
            index.replace(
                _index_doc_from_record(r, names.get(r["reference_id"], {})) for r in chunk
            )
            chunk.clear()

        for record in records:
            chunk.append(record)
            n += 1
            if len(chunk) >= 500:
                flush()
        if chunk:
            flush()
        return n

    def _extract_missing(self) -> int:
        """Extract and store the entities of cables stored without them (by an older
        cablekit, or in an older format); returns how many."""
        missing = self.store.without_entities()
        if not missing:
            return 0
        log.warning("%s: extracting the entities of %d cables", self.store.path, len(missing))
        for start in range(0, len(missing), BATCH_SIZE):
            items = []
            for record in self.store.latest_records(missing[start : start + BATCH_SIZE]):
                cable = msgspec.convert({k: v for k, v in record.items() if k != "version"}, Cable)
                entities = extract_entities(cable)
                items.append(Prepared(cable, "", b"", [], pack(entities), entity_rows(entities)))
            self.store.replace_entities(items)
        self.store.refresh_entity_stats()
        return len(missing)

    def reindex(self) -> int:
        """Build the search index again from the store; returns the cables indexed."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self._extract_missing()
        shutil.rmtree(self.search_path, ignore_errors=True)
        self.store.set_indexed_version(0)
        index = self._writer()
        try:
            n = self._index_records(index, self.store.iter_latest())
            self._commit_index(index)
            return n
        finally:
            index.close()

    def _writer(self) -> SearchIndex:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        try:
            return SearchIndex(self.search_path, writable=True)
        except CablekitError:
            raise
        except Exception as error:  # tantivy's lock: another ingest is writing
            raise CablekitError(
                f"{self.search_path}: cannot write the search index ({error})"
            ) from None

    # -- reading ------------------------------------------------------------------------

    def search_index(self) -> SearchIndex:
        """The search index, opened for reading (once)."""
        return self._index()

    def _index(self) -> SearchIndex:
        if self._reader is None:
            if not self.search_path.exists():
                raise CablekitError(
                    f"{self.search_path}: the search index is missing;"
                    " run cablekit ingest --db PATH to build it"
                )
            self._reader = SearchIndex(self.search_path, text_of=self._indexed_texts)
        return self._reader

    def _indexed_texts(self, reference_ids: list[str]) -> dict[str, str]:
        """The text the index holds for each cable (subject and body), for snippets."""
        out = {}
        for record in self.store.latest_records(reference_ids):
            subject = record.get("subject") or ""
            body = record.get("body") or ""
            out[record["reference_id"]] = f"{subject}\n{body}" if subject else body
        return out

    def unindexed(self) -> int:
        """Versions stored but not yet searchable (an ingest running, or interrupted)."""
        return max(0, self.store.max_version() - self.store.indexed_version())

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        offset: int = 0,
        sort: Sort = "relevance",
        facets: bool = True,
        snippets: bool = True,
    ) -> dict[str, Any]:
        """Search the newest version of every cable; raises ``QuerySyntaxError``.

        Returns ``{"total", "results": [...], "facets": {...}}``: ``total`` and
        the facet counts are exact, over all matches, not just this page.
        """
        if limit < 0 or offset < 0:
            raise CablekitError("limit and offset must not be negative")
        node = parse_query(query)
        found = self._index().search(
            node, limit=limit, offset=offset, sort=sort, facets=facets, snippets=snippets
        )
        rows = self.store.summaries([hit.reference_id for hit in found.hits])
        results = []
        for hit in found.hits:
            row = rows.get(hit.reference_id)
            if row is None:  # indexed but removed from the store: never shown
                continue
            results.append({**row, "score": round(hit.score, 4), "snippet": hit.snippet})
        return {"total": found.total, "results": results, "facets": found.facets}

    def matching_ids(self, query: str | None, *, sort: Sort = "date") -> Iterator[str]:
        """Every reference id a query selects (all cables when ``query`` is empty)."""
        if not query or not query.strip():
            yield from (
                r[0]
                for r in self.store.db.execute(
                    "SELECT reference_id FROM cables ORDER BY created DESC, reference_id"
                )
            )
            return
        node = parse_query(query)
        page = 10_000
        offset = 0
        while True:
            found = self._index().search(
                node, limit=page, offset=offset, sort=sort, facets=False, snippets=False
            )
            for hit in found.hits:
                yield hit.reference_id
            offset += len(found.hits)
            if not found.hits or offset >= found.total:
                return

    def records(self, query: str | None = None) -> Iterator[dict[str, Any]]:
        """The newest record of each cable a query selects, streamed in pages."""
        chunk: list[str] = []
        for reference_id in self.matching_ids(query):
            chunk.append(reference_id)
            if len(chunk) >= 500:
                yield from self._in_order(chunk)
                chunk = []
        if chunk:
            yield from self._in_order(chunk)

    def _in_order(self, ids: list[str]) -> Iterator[dict[str, Any]]:
        by_id = {r["reference_id"]: r for r in self.store.latest_records(ids)}
        for reference_id in ids:
            if reference_id in by_id:
                yield by_id[reference_id]

    def cable(self, reference_id: str, version: int | None = None) -> dict[str, Any] | None:
        """A cable's record (the newest version unless ``version``), with its versions listed."""
        record = self.store.version_record(reference_id, version)
        if record is None:
            return None
        record["versions"] = self.store.versions(reference_id)
        return record

    def entities(self, reference_id: str, version: int | None = None) -> dict[str, Any] | None:
        """The people, organisations, places, acronyms and quotes of a stored cable, as
        extracted at ingest, or None when it is not in the library. Each person,
        organisation and place has the ``entity_id`` of the library entity it belongs to."""
        record = self.store.version_record(reference_id, version)
        if record is None:
            return None
        blob = self.store.version_entities(reference_id, version)
        if blob is not None:
            out = unpack(blob).to_dict()
        else:  # stored by a cablekit without entities, not yet brought up to date
            record.pop("version", None)
            out = extract_entities(msgspec.convert(record, Cable)).to_dict()
        keys = keys_of(out)
        ids = self.store.entity_ids(list(keys.values()))
        for (section, i), key in keys.items():
            out[section][i]["entity_id"] = ids.get(key)
        return out

    # -- entities across the library ------------------------------------------------------

    def people(self, query: str | None = None, *, limit: int = 50, offset: int = 0) -> dict:
        """People across the library, most-mentioned first: ``{"total", "results"}``."""
        return self.entity_list("person", query, limit=limit, offset=offset)

    def entity_list(
        self, kind: str | None = None, query: str | None = None, *, limit: int = 50, offset: int = 0
    ) -> dict[str, Any]:
        """Entities (of one kind, or all) whose name holds the words of ``query``."""
        if kind is not None and kind not in KINDS:
            raise CablekitError(f"unknown entity kind {kind!r} (one of: {', '.join(KINDS)})")
        if limit < 0 or offset < 0:
            raise CablekitError("limit and offset must not be negative")
        total, rows = self.store.entity_list(kind, query, limit=limit, offset=offset)
        return {"total": total, "results": rows}

    def entity(
        self,
        entity_id: int,
        *,
        cables: int = 50,
        offset: int = 0,
        related: int = 25,
        network: int = 20,
    ) -> dict[str, Any] | None:
        """One entity, or None: its names, titles, affiliations and roles (``store.entity``),
        ``total_cables``, the ``timeline`` (cables per month), a page of its cables
        (``cable_list``, newest first, ``cables`` from ``offset``), the people,
        organisations and places named with it most (``related``, with the cables they
        ``shared``) and the ``network`` among the first ``network`` of those people
        (``{"a", "b", "shared"}``: how many of its cables name both).

        What is named with it is counted in at most ``RELATED_SAMPLE`` of its cables,
        spread evenly over its dates (``related_basis`` says how many): the cost is the
        same for an entity named in 2,000 cables or in 200,000. An id that was joined to
        another entity gives that one."""
        if not 0 < entity_id < 2**63:  # SQLite's integers: a bigger one would raise
            return None
        out = self.store.entity(entity_id)
        if out is None:
            return None
        ident = out["id"]
        listed = self.store.entity_cable_ids(ident)
        sample = [ref for ref, _ in spread(listed, RELATED_SAMPLE)]
        near = self.store.related(ident, sample, limit=related)
        people = [p["id"] for p in near.get("person", [])[:network]]
        out["total_cables"] = len(listed)
        out["timeline"] = dict(
            sorted(Counter(c[:7] for _, c in listed if c and _MONTH.match(c)).items())
        )
        page = [ref for ref, _ in listed[offset : offset + cables]]
        out["cable_list"] = self.store.entity_cable_rows(ident, page)
        out["related"] = {kind: near.get(kind, []) for kind in KINDS}
        out["related_basis"] = len(sample)
        out["network"] = [
            {"a": a, "b": b, "shared": n}
            for (a, b), n in sorted(
                self.store.pair_counts(people, sample).items(), key=lambda kv: -kv[1]
            )
        ]
        return out

    def versions(self, reference_id: str) -> list[dict[str, Any]]:
        return self.store.versions(reference_id)

    def diff(self, reference_id: str, old: int | None = None, new: int | None = None) -> str:
        """A unified diff of two versions' texts (default: the two newest)."""
        numbers = [v["number"] for v in self.store.versions(reference_id)]
        if not numbers:
            raise CablekitError(f"{reference_id}: no such cable in the library")
        new = new if new is not None else numbers[-1]
        old = old if old is not None else (new - 1 if new > 1 else new)
        texts = []
        for number in (old, new):
            record = self.store.version_record(reference_id, number)
            if record is None:
                raise CablekitError(
                    f"{reference_id}: no version {number} (versions: "
                    f"{', '.join(map(str, numbers))})"
                )
            texts.append(record["text"])
        return "".join(
            difflib.unified_diff(
                texts[0].splitlines(keepends=True),
                texts[1].splitlines(keepends=True),
                fromfile=f"{reference_id} version {old}",
                tofile=f"{reference_id} version {new}",
            )
        )

    def stats(self) -> dict[str, Any]:
        figures = self.store.stats()
        figures["unindexed_versions"] = self.unindexed()
        return figures


def spread(items: list[Any], count: int) -> list[Any]:
    """At most ``count`` of ``items``, evenly spaced (all of them when there are fewer)."""
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def _index_doc(cable: Cable, fingerprints: list[str], names: dict[str, list[str]]) -> IndexDoc:
    return IndexDoc(
        reference_id=cable.reference_id or "",
        created=cable.created,
        origin=cable.origin,
        classification=cable.classification,
        tags=list(cable.tags),
        subject=cable.subject,
        body=cable.body,
        fingerprints=fingerprints,
        people=names.get("person", []),
        organizations=names.get("organization", []),
        places=names.get("place", []),
    )


def _index_doc_from_record(record: dict[str, Any], names: dict[str, list[str]]) -> IndexDoc:
    return IndexDoc(
        reference_id=record["reference_id"],
        created=record.get("created"),
        origin=record.get("origin"),
        classification=record.get("classification"),
        tags=list(record.get("tags") or []),
        subject=record.get("subject"),
        body=record.get("body") or "",
        fingerprints=index_terms(record.get("body") or ""),
        people=names.get("person", []),
        organizations=names.get("organization", []),
        places=names.get("place", []),
    )
