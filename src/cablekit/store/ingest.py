"""Ingest: sources -> read -> segment -> parse -> store (SQLite) -> search index.

Cables are written in batches, each one SQLite transaction: a process killed
at any moment leaves every batch committed before it, and nothing of the batch
it was in. The search index is derived data: it is committed less often, and a
watermark in the store (the last version id indexed) tells the next run what to
index again, so a rerun after a crash completes both.
"""

from __future__ import annotations

import gzip
import os
import struct
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

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
from cablekit.model import Cable
from cablekit.read.sources import read_documents

BATCH_SIZE = 500  # cables per SQLite transaction
INDEX_COMMIT_EVERY = 20_000  # changed cables between search-index commits


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


def stored_cables(
    sources: Iterable[str],
    summary: IngestSummary,
    *,
    on_error: Callable[[ReadError], None],
    on_warning: Callable[[str], None],
    on_document: Callable[[int], None] = lambda size: None,
) -> Iterator[Cable]:
    """The cables of every source that can be stored (with a reference id), counted."""
    seen_paths: set[str] = set()

    def error(problem: ReadError) -> None:
        summary.errors += 1
        on_error(problem)

    def warning(message: str) -> None:
        summary.skipped += 1
        on_warning(message)

    for source in sources:
        try:
            for document in read_documents(source, on_error=error, on_warning=warning):
                seen_paths.add(document.path or source)
                on_document(len(document.text))
                for cable in cables_in(document):
                    summary.cables += 1
                    if not cable.reference_id:
                        summary.skipped += 1
                        where = cable.source.path or source
                        on_warning(f"{where}: line {cable.source.start_line}: no reference id")
                        continue
                    summary.warnings += len(cable.warnings)
                    yield cable
        except ReadError as problem:  # a directory walk reports its bad files at the end
            error(problem)
    summary.files = len(seen_paths)


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
