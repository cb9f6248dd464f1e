"""One read-only library per worker thread, so requests run side by side.

The pages and the API are plain ``def`` endpoints: FastAPI runs them in its thread
pool, so a slow identify (seconds) does not hold up a search (milliseconds). SQLite
connections and search readers are not shared between threads: each thread opens
its own read-only ``Library`` the first time it serves a request and keeps it.

Identifying is the one request that can take long (a 2 MB page of hundreds of cables:
a minute or more), so at most ``IDENTIFY_SLOTS`` run at once; the others wait on the
event loop, holding no thread, and the pool always has threads left for searches.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import anyio
from fastapi import Request

from cablekit.store import Library, SqliteStore, index_path

IDENTIFY_SLOTS = max(2, min(8, os.cpu_count() or 2))  # the thread pool has 40 threads


def open_readonly(path: str | Path) -> Library:
    """A library opened for reading only: no migration, no journal-mode change."""
    return Library(SqliteStore(path, readonly=True), index_path(path))


class LibraryPool:
    """The libraries of the threads that served requests, opened lazily, closed together."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Library] = []
        self._generation = 0  # bumped by close(): a thread's older library is closed

    def get(self) -> Library:
        """This thread's library (opened on its first request, or first since close())."""
        library: Library | None = getattr(self._local, "library", None)
        if library is None or self._local.generation != self._generation:
            library = open_readonly(self.path)
            with self._lock:
                self._open.append(library)
                self._local.generation = self._generation
            self._local.library = library
        return library

    @contextmanager
    def private(self) -> Iterator[Library]:
        """A library of its own for a long stream (an export): its generator is stepped
        from whichever pool thread is free, so it must not borrow one thread's library."""
        library = open_readonly(self.path)
        try:
            yield library
        finally:
            library.close()

    def close(self) -> None:
        """Close every thread's library (at shutdown, when no request runs)."""
        with self._lock:
            self._generation += 1
            libraries, self._open = self._open, []
        for library in libraries:
            library.close()

    def __len__(self) -> int:
        return len(self._open)


def library(request: Request) -> Library:
    """The calling thread's library for the app serving ``request``."""
    return request.app.state.libraries.get()


def identify_slots(count: int = IDENTIFY_SLOTS) -> anyio.Semaphore:
    return anyio.Semaphore(count)


async def identify_slot(request: Request) -> AsyncIterator[None]:
    """A dependency: wait (on the event loop) for one of the app's identify slots, and
    hold it while the endpoint runs in its thread."""
    async with request.app.state.identify_slots:
        yield
