"""Ingest: sources -> read -> segment -> parse -> store (SQLite) -> search index.

Cables are written in batches, each one SQLite transaction: a process killed
at any moment leaves every batch committed before it, and nothing of the batch
it was in. The search index is derived data: it is committed less often, and a
watermark in the store (the last version id indexed) tells the next run what to
index again, so a rerun after a crash completes both.
"""

from __future__ import annotations

import gc
import gzip
import multiprocessing
import os
import struct
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from cablekit.api import cables_in
from cablekit.errors import ReadError
from cablekit.extract import extract_entities
from cablekit.identify.fingerprint import index_terms
from cablekit.model import Cable, Document
from cablekit.read.sources import read_documents
from cablekit.store.entities import EntityRow, entity_rows, pack
from cablekit.store.sqlite import text_hash

BATCH_SIZE = 500  # cables per SQLite transaction
INDEX_COMMIT_EVERY = 20_000  # changed cables between search-index commits
PARALLEL_FROM_BYTES = 4_000_000  # inputs smaller than this are parsed in-process
# Documents per task of a worker. Why 32, not 8: ``prepare_cables`` takes a task's cables
# a step at a time, and its extraction step keeps the extractor's tables in the processor's
# caches over more cables (a worker's CPU with entities: 3-5 % less, without: the same).
TASK_DOCUMENTS = 32
TASKS_AHEAD = 16  # tasks in flight per worker: 512 documents, as many as before
_encode = msgspec.json.Encoder().encode


@dataclass
class IngestSummary:
    """What an ingest did, for the closing line and for tests."""

    files: int = 0  # files read (a directory counts its files)
    cables: int = 0  # cables found in them
    new_cables: int = 0  # reference ids the library did not have
    new_versions: int = 0  # new texts of reference ids it had
    unchanged: int = 0  # texts it already had
    skipped: int = 0  # cables without a reference id, records that could not be read
    warnings: int = 0  # parser warnings on the cables stored
    errors: int = 0  # files that could not be read

    def as_line(self) -> str:
        return (
            f"{self.files:,} files, {self.cables:,} cables: {self.new_cables:,} new, "
            f"{self.new_versions:,} new versions, {self.unchanged:,} unchanged, "
            f"{self.skipped:,} skipped, {self.warnings:,} warnings, "
            f"{self.errors:,} unreadable files"
        )


def input_size(sources: Iterable[str]) -> int:
    """Bytes of text the sources hold, for the progress bar (gzip: its stated size)."""
    total = 0
    for source in sources:
        path = Path(source)
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            total += _text_size(file)
    return total


def _text_size(path: Path) -> int:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            if handle.read(2) != b"\x1f\x8b" or size < 18:
                return size
            handle.seek(-4, os.SEEK_END)  # ISIZE: the uncompressed size modulo 2**32
            stated = struct.unpack("<I", handle.read(4))[0]
            # a file over 4 GiB wraps; a gzip rarely compresses text less than 2x
            while stated < size * 2:
                stated += 2**32
            return stated
    except (OSError, struct.error, gzip.BadGzipFile):
        return 0


class Prepared(msgspec.Struct, array_like=True):
    """A parsed cable with what storing and indexing it need, computed where it was parsed."""

    cable: Cable
    digest: str  # text_hash(cable.text)
    record: bytes  # the record, zlib-compressed JSON
    fingerprints: list[str]  # its text-reuse index terms
    entities: bytes  # its extraction (people, places, ...), packed
    entity_rows: list[EntityRow]  # the same, one row per library entity

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (from a worker to the writer) with its entity rows as one msgpack string.
        Why: pickle rebuilds each struct with a call to Python (about 40 rows a cable);
        msgpack encodes and decodes them in C. With entities, pickling and unpickling a
        cable took 0.38 ms of CPU, now 0.21 ms."""
        rows = _encode_rows(self.entity_rows)
        return (
            _unpickled,
            (self.cable, self.digest, self.record, self.fingerprints, self.entities, rows),
        )


_encode_rows = msgspec.msgpack.Encoder().encode
_decode_rows = msgspec.msgpack.Decoder(list[EntityRow]).decode


def _unpickled(
    cable: Cable, digest: str, record: bytes, fingerprints: list[str], entities: bytes, rows: bytes
) -> Prepared:
    return Prepared(cable, digest, record, fingerprints, entities, _decode_rows(rows))


def prepared(cable: Cable, entities: bool = True) -> Prepared:
    """A parsed cable with its digest, record, fingerprints and (unless ``entities`` is
    False) its entities."""
    if not cable.reference_id:  # it will not be stored
        return Prepared(cable, "", b"", [], b"", [])
    found = extract_entities(cable) if entities else None
    return Prepared(
        cable,
        text_hash(cable.text),
        zlib.compress(_encode(cable), 3),  # half the time of level 6, 10 % bigger
        index_terms(cable.body),
        pack(found) if found is not None else b"",
        entity_rows(found) if found is not None else [],
    )


def prepare(document: Document, entities: bool = True) -> list[Prepared]:
    """Parse a document's cables and compute what storing and indexing them needs.

    This is the CPU-heavy half of an ingest; it runs in worker processes.
    """
    return prepare_cables(list(cables_in(document)), entities)


def prepare_cables(cables: list[Cable], entities: bool = True) -> list[Prepared]:
    """``[prepared(cable, entities) for cable in cables]``, a step at a time: every
    cable's record and fingerprints, then every cable's entities. Why: each step's tables
    (the parser's, the extractor's word cache and lexicon) stay in the processor's caches
    over several cables; cable by cable, the dev corpus takes 10-15 % more CPU."""
    out = [prepared(cable, False) for cable in cables]
    if entities:
        found = [extract_entities(c) if c.reference_id else None for c in cables]
        for item, extraction in zip(out, found, strict=True):
            if extraction is not None:
                item.entities = pack(extraction)
                item.entity_rows = entity_rows(extraction)
    return out


def stored_cables(
    sources: Iterable[str],
    summary: IngestSummary,
    *,
    on_error: Callable[[ReadError], None],
    on_warning: Callable[[str], None],
    on_document: Callable[[int], None] = lambda size: None,
    workers: int = 1,
    entities: bool = True,
) -> Iterator[Prepared]:
    """The prepared cables of every source that can be stored (with a reference id), counted.

    With ``workers`` > 1 the documents are parsed by that many processes, at most a few
    documents ahead of the caller, so memory does not grow with the input.
    """
    seen_paths: set[str] = set()

    def error(problem: ReadError) -> None:
        summary.errors += 1
        on_error(problem)

    def warning(message: str) -> None:
        summary.skipped += 1
        on_warning(message)

    def documents() -> Iterator[Document]:
        for source in sources:
            try:
                for document in read_documents(source, on_error=error, on_warning=warning):
                    seen_paths.add(document.path or source)
                    on_document(len(document.text))
                    yield document
            except ReadError as problem:  # a directory walk reports its bad files at the end
                error(problem)

    if workers > 1:
        batches = _in_workers(documents(), workers, entities)
    else:
        batches = (prepare(document, entities) for document in documents())
    for prepared in batches:
        for item in prepared:
            cable = item.cable
            summary.cables += 1
            if not cable.reference_id:
                summary.skipped += 1
                where = cable.source.path or "?"
                on_warning(f"{where}: line {cable.source.start_line}: no reference id")
                continue
            summary.warnings += len(cable.warnings)
            yield item
    summary.files = len(seen_paths)


def _in_workers(
    documents: Iterator[Document], workers: int, entities: bool
) -> Iterator[list[Prepared]]:
    """``map(prepare, documents)`` in worker processes, in order, a bounded window ahead.

    (``Executor.map`` would submit the whole input at once.) Workers start from a
    clean process (forkserver): the parent holds a database and an index writer.
    """
    context = multiprocessing.get_context("forkserver")
    window = workers * TASKS_AHEAD
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        pending: deque = deque()
        for chunk in _chunks(documents, TASK_DOCUMENTS):
            pending.append(pool.submit(_prepare_all, chunk, entities))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


# Garbage collections in a worker: once per this many new container objects, not the
# default 700. Extraction makes and drops many short-lived ones per cable; collected every
# 700, some were always alive, went to the older generations and set off full collections,
# which walk the lexicon and the caches: 6 % of a worker's CPU with entities (20,000
# cables: 2.2 s of 36 s; 0.1 s at 10,000). A task's cables stay alive together until it
# returns: with TASK_DOCUMENTS at 32, 10,000 took 0.55 s again, 40,000 takes 0.06 s.
WORKER_GC_THRESHOLD = 40_000


def _start_worker(parent: int) -> None:
    """A worker's initializer: fewer garbage collections, and an end with its parent."""
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    _watch_parent(parent)


def _watch_parent(pid: int) -> None:
    """In a worker: exit when the ingest that started it is gone (killed with -9, say),
    rather than linger."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # pragma: no cover - a pid reused by another user
                os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _prepare_all(documents: list[Document], entities: bool) -> list[list[Prepared]]:
    """``prepare`` of each document, with the cables of all of them prepared together."""
    cables = [list(cables_in(document)) for document in documents]
    flat = prepare_cables([c for found in cables for c in found], entities)
    out: list[list[Prepared]] = []
    at = 0
    for found in cables:
        out.append(flat[at : at + len(found)])
        at += len(found)
    return out


def _chunks(items: Iterator[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def worker_count(size: int, requested: int | None = None) -> int:
    """Processes to parse with: one per core for inputs big enough to repay starting
    them (``size``: bytes of text, at least a few MB), else none besides this one."""
    if requested is not None:
        return max(1, requested)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if (cores or 1) < 2 or size < PARALLEL_FROM_BYTES:
        return 1
    return cores or 1


def progress_bar(*, enabled: bool) -> Progress:
    """A bar with rate and ETA on a terminal (stderr); silent when stderr is piped."""
    return Progress(
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[cables]:,} cables"),
        TextColumn("{task.fields[rate]:,.0f}/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not enabled,
        transient=False,
        redirect_stderr=False,
        redirect_stdout=False,
    )
