"""The library: a store of cables and their versions, and a search index over them.

``Library`` is what the CLI, the API and the web app use. It joins the
SQLite store (the source of truth) and the search index (derived data, kept
in the directory ``<db>-search`` beside the file) and runs the ingest
pipeline over them.
"""

from __future__ import annotations

import difflib
import logging
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import msgspec

from cablekit.errors import CablekitError, ReadError
from cablekit.extract import extract_entities
from cablekit.identify.fingerprint import index_terms
from cablekit.model import Cable
from cablekit.search.index import IndexDoc, IndexFormatError, SearchIndex
from cablekit.search.query import parse_query
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
    ) -> IngestSummary:
        """Read, parse and store every cable of ``sources``; index them for search.

        Idempotent: a text already stored adds nothing; a new text of a known
        reference id adds a version. Unreadable files go to ``on_error`` and
        skipped records to ``on_warning``; neither stops the ingest. ``workers``:
        processes that parse (default: one per core for inputs of a few MB or more).
        """
        sources = list(sources)
        summary = IngestSummary()
        size = input_size(sources)  # walks directories and reads gzip trailers: once
        workers = worker_count(size, workers)
        index = self._writer_rebuilt_if_old()
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
                if batch:
                    self._store_batch(batch, index, summary)
                self._commit_index(index)
                rate = summary.cables / max(time.monotonic() - started, 1e-6)
                bar.update(task, completed=total or 0, cables=summary.cables, rate=rate)
        finally:
            index.close()
        return summary

    def _store_batch(
        self, batch: list[Prepared], index: SearchIndex, summary: IngestSummary
    ) -> int:
        outcome = self.store.add_batch(batch)
        summary.new_cables += outcome.new_cables
        summary.new_versions += outcome.new_versions
        summary.unchanged += outcome.unchanged
        newest = {item.cable.reference_id: item for item in outcome.added}  # the last text wins
        index.replace(_index_doc(item.cable, item.fingerprints) for item in newest.values())
        return len(newest)

    def _commit_index(self, index: SearchIndex) -> None:
        """Commit the index, then record how far it goes (in that order: a crash between
        the two only makes the next run index a few cables again)."""
        newest = self.store.max_version()
        index.commit()
        self.store.set_indexed_version(newest)

    def _catch_up(self, index: SearchIndex) -> None:
        """Index what an interrupted run stored but did not index."""
        done = self.store.indexed_version()
        if done >= self.store.max_version():
            return
        ids = self.store.ids_changed_since(done)
        index.replace(_index_doc_from_record(r) for r in self.store.latest_records(ids))
        self._commit_index(index)

    def reindex(self) -> int:
        """Build the search index again from the store; returns the cables indexed."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        shutil.rmtree(self.search_path, ignore_errors=True)
        self.store.set_indexed_version(0)
        index = self._writer()
        try:
            n = 0
            for record in self.store.iter_latest():
                index.replace([_index_doc_from_record(record)])
                n += 1
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
        """The people, organisations, places, acronyms and quotes of a stored cable
        (extracted now, from its stored record), or None when it is not in the library."""
        record = self.store.version_record(reference_id, version)
        if record is None:
            return None
        return extract_entities(msgspec.convert(record, Cable)).to_dict()

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


def _index_doc(cable: Cable, fingerprints: list[str]) -> IndexDoc:
    return IndexDoc(
        reference_id=cable.reference_id or "",
        created=cable.created,
        origin=cable.origin,
        classification=cable.classification,
        tags=list(cable.tags),
        subject=cable.subject,
        body=cable.body,
        fingerprints=fingerprints,
    )


def _index_doc_from_record(record: dict[str, Any]) -> IndexDoc:
    return IndexDoc(
        reference_id=record["reference_id"],
        created=record.get("created"),
        origin=record.get("origin"),
        classification=record.get("classification"),
        tags=list(record.get("tags") or []),
        subject=record.get("subject"),
        body=record.get("body") or "",
        fingerprints=index_terms(record.get("body") or ""),
    )
