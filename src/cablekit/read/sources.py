"""Any source -> ``Document``s: a file, a directory, ``-`` (standard input) or a string.

The format is sniffed from the content, the extension only breaking ties:
gzip (by its magic bytes) is opened transparently; then JSON Lines (a line that
starts with ``{``), the ``cables.csv`` layout (a record that starts
``<row id>,<M/D/YYYY H:MM>,``), a Cablegate site page (its cable table), any
other HTML page (main text via trafilatura), else plain text. JSON Lines and CSV
are streamed record by record; the others are read whole.

Errors: every problem with a source is a ``ReadError`` whose ``str()`` is one
line (``"notes.bin: binary file, not text"``). With ``on_error`` given, each
error is passed to it and reading goes on with the next file; without it, the
error is raised, except in a directory walk, which always reads every file and
raises one ``ReadError`` listing the bad files at the end. Record-level problems
(a malformed JSON line, a CSV record with the wrong number of fields) skip the
record and are reported through ``on_warning`` (default: the ``cablekit.read``
logger) as ``"path: line N: ..."``.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from cablekit.errors import ReadError
from cablekit.model import Document
from cablekit.read.cablegate_html import cablegate_document, looks_like_cablegate_html
from cablekit.read.csv_release import looks_like_csv_release, read_csv_release
from cablekit.read.jsonl import read_jsonl
from cablekit.read.text import decode_bytes, normalize_newlines, read_text, sniff_encoding
from cablekit.read.web import looks_like_html, read_web

log = logging.getLogger("cablekit.read")

ErrorHandler = Callable[[ReadError], None]
WarningHandler = Callable[[str], None]

_HEAD_BYTES = 65536
_GZIP_MAGIC = b"\x1f\x8b"


def read_documents(
    source: str | os.PathLike[str],
    *,
    on_error: ErrorHandler | None = None,
    on_warning: WarningHandler | None = None,
) -> Iterator[Document]:
    """The documents of a file, a directory (walked recursively, sorted, hidden
    entries skipped) or ``"-"`` for standard input.

    ``on_error(error)`` receives each file that cannot be read (missing, binary,
    a broken CSV quote, a file with no valid JSON line); reading goes on. Without
    it the error is raised; a directory walk still reads every file first, then
    raises one ``ReadError`` naming the bad ones. ``on_warning(message)`` receives
    each skipped record.
    """
    warn = on_warning if on_warning is not None else log.warning
    name = os.fspath(source)
    if name == "-":
        yield from _guarded(lambda: _read_stream(sys.stdin.buffer, "-", "", warn), on_error)
        return
    path = Path(name)
    if path.is_dir():
        yield from _walk(path, name, on_error, warn)
        return
    yield from _guarded(lambda: _read_file(path, name, warn), on_error)


def read_documents_from_text(text: str, path: str | None = None) -> Iterator[Document]:
    """The documents of in-memory text, sniffed like a file's content.

    Malformed records are skipped with a log warning; a wholly broken JSON Lines
    or CSV text raises ``ReadError`` when it comes with a ``path``. Without one it is
    somebody's text that merely opens with ``{``: it is read as plain text.
    """
    if not isinstance(text, str):
        return
    extension = _extension(path or "")
    if path is None and text.lstrip().startswith("{"):
        try:
            documents = list(_read_decoded(text, path, extension, log.warning))
        except ReadError:  # no line of it is a JSON record: nothing was read
            documents = list(read_text(text, path))
        yield from documents
        return
    yield from _read_decoded(text, path, extension, log.warning)


def _guarded(
    make: Callable[[], Iterator[Document]], on_error: ErrorHandler | None
) -> Iterator[Document]:
    try:
        yield from make()
    except ReadError as error:
        if on_error is None:
            raise
        on_error(error)


def _walk(
    root: Path, name: str, on_error: ErrorHandler | None, warn: WarningHandler
) -> Iterator[Document]:
    files = list(_files_under(root))
    if not files:
        error = ReadError(name, "directory has no readable files")
        if on_error is None:
            raise error
        on_error(error)
        return
    errors: list[ReadError] = []
    for file in files:
        try:
            yield from _read_file(file, str(file), warn)
        except ReadError as error:
            if on_error is not None:
                on_error(error)
            else:
                errors.append(error)
    if errors:
        if len(errors) == len(files):
            message = "directory has no readable files"
        else:
            message = f"{len(errors)} of {len(files)} files could not be read"
        raise ReadError(name, f"{message}: " + "; ".join(str(e) for e in errors[:5]))


def _files_under(root: Path) -> Iterator[Path]:
    """Regular files under ``root``, sorted, hidden files and folders skipped."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.startswith("."):
                continue
            candidate = Path(dirpath) / filename
            if candidate.is_file():
                yield candidate


def _read_file(path: Path, name: str, warn: WarningHandler) -> Iterator[Document]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except IsADirectoryError:
        raise ReadError(name, "is a directory") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except OSError as error:
        raise ReadError(name, error.strerror or "cannot open") from None
    try:
        yield from _read_stream(handle, name, _extension(name), warn)
    finally:
        handle.close()


def _extension(name: str) -> str:
    """The telling extension: ``cables.csv.gz`` -> ``.csv``."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return os.path.splitext(lower)[1]


class _Prefixed(io.RawIOBase):
    """A stream that first returns bytes already read from it: sniffing without seeking,
    so standard input and gzip members work the same as files."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


def _read_head(stream: BinaryIO, size: int) -> bytes:
    chunks = []
    got = 0
    while got < size:
        data = stream.read(size - got)
        if not data:
            break
        chunks.append(data)
        got += len(data)
    return b"".join(chunks)


def _read_stream(
    raw: BinaryIO, name: str, extension: str, warn: WarningHandler
) -> Iterator[Document]:
    path = name
    try:
        magic = _read_head(raw, 2)
        stream: BinaryIO = io.BufferedReader(_Prefixed(magic, raw))
        if magic == _GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        head = _read_head(stream, _HEAD_BYTES)
    except (OSError, EOFError, zlib.error) as error:
        raise ReadError(path, f"cannot read: {_reason(error)}") from None
    encoding = sniff_encoding(head)
    if encoding is None:
        raise ReadError(path, "binary file, not text")
    body: BinaryIO = io.BufferedReader(_Prefixed(head, stream))
    start = head.lstrip()[:1]
    head_text = head.decode(encoding, errors="ignore")
    if start == b"{" or (extension in (".jsonl", ".ndjson") and not head.strip()):
        yield from _stream_lines(body, encoding, path, lambda lines: read_jsonl(lines, path, warn))
        return
    if looks_like_csv_release(head_text.lstrip("\ufeff")):
        yield from _stream_lines(
            body, encoding, path, lambda lines: read_csv_release(lines, path, warn)
        )
        return
    if extension == ".csv" and head.strip():
        raise ReadError(
            path,
            "not in the cables.csv layout (row id, M/D/YYYY H:MM date, reference id, origin, "
            "classification, references, header, body)",
        )
    try:
        data = body.read()
    except (OSError, EOFError, zlib.error) as error:
        raise ReadError(path, f"cannot read: {_reason(error)}") from None
    text = decode_bytes(data, path)
    yield from _read_decoded(text, path, extension, warn)


def _stream_lines(
    body: BinaryIO,
    encoding: str,
    path: str,
    reader: Callable[[Iterable[str]], Iterator[Document]],
) -> Iterator[Document]:
    """Feed a line reader with decoded lines; a corrupt gzip tail becomes a ReadError."""
    text = io.TextIOWrapper(body, encoding=encoding, errors="replace", newline=None)
    try:
        yield from reader(text)
    except (OSError, EOFError, zlib.error) as error:
        raise ReadError(path, f"cannot read: {_reason(error)}") from None


def _read_decoded(
    text: str, path: str | None, extension: str, warn: WarningHandler
) -> Iterator[Document]:
    """Sniff decoded text and hand it to the reader of its format."""
    if text.startswith("\ufeff"):
        text = text[1:]
    stripped = text.lstrip()
    if stripped.startswith("{"):
        yield from read_jsonl(io.StringIO(normalize_newlines(text)), path, warn)
        return
    if looks_like_csv_release(text):
        yield from read_csv_release(io.StringIO(normalize_newlines(text)), path, warn)
        return
    if looks_like_html(stripped, extension):
        if looks_like_cablegate_html(text):
            document = cablegate_document(text, path)
            if document is not None:
                yield document
                return
        yield from read_web(text, path)
        return
    yield from read_text(text, path)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return " ".join(str(error).split()) or type(error).__name__
