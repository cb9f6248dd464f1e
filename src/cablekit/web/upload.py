"""A page to identify, sent by a browser or a program: a form field, a file or JSON.

The body is read with a hard size limit (checked against Content-Length first,
then while streaming), so an oversized upload costs nothing. Multipart forms go
through python-multipart's streaming parser (the one Starlette uses), fed chunk by
chunk from that limited stream, so nothing past the limit is ever parsed or kept.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from cablekit.errors import ReadError
from cablekit.read.sources import read_documents_from_text
from cablekit.read.text import decode_bytes, normalize_newlines
from cablekit.read.web import looks_like_html

MAX_UPLOAD = 2 * 1024 * 1024  # bytes of the page (a long web page is ~200 kB)
DRAIN_FACTOR = 4  # an oversized body up to this many times the limit is read, then dropped
FORM_OVERHEAD = 64 * 1024  # the body may exceed the page by this much: boundaries, other fields
MAX_PARTS = 16  # the form has two fields; more parts than this is not our form
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")


class UploadError(Exception):
    """What is wrong with the request, for the user; ``status`` is the HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Page:
    """The text to identify and where it came from."""

    text: str  # main text (HTML already reduced to it), newlines normalised
    source: str | None  # the uploaded file's name, if any
    pasted: str  # what was typed into the form, to show it again


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


async def limited_stream(
    request: Request, limit: int = MAX_UPLOAD, *, stated: int | None = None
) -> AsyncIterator[bytes]:
    """The request body's chunks, ending in ``UploadError(413)`` when it exceeds ``limit``.

    Nothing past ``limit`` is yielded. A body somewhat over the limit is still read to
    its end and dropped, so the browser, still sending, receives the 413 page rather
    than a reset connection; a body far over it (``DRAIN_FACTOR`` times, declared or
    received) is refused at once. ``stated`` is the limit the message names (the
    page's, when ``limit`` allows for a form's own bytes).
    """
    stated = stated or limit
    declared = request.headers.get("content-length")
    size = int(declared) if declared and declared.isdigit() else None
    if size is not None and size > limit * DRAIN_FACTOR:
        raise UploadError(413, _too_large(size, stated))
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > limit * DRAIN_FACTOR:
            break
        if received <= limit:
            yield chunk
    if received > limit:
        raise UploadError(413, _too_large(size or received, stated))


async def read_body(
    request: Request, limit: int = MAX_UPLOAD, *, stated: int | None = None
) -> bytes:
    """The whole request body, or ``UploadError(413)`` when it exceeds ``limit``."""
    return b"".join([chunk async for chunk in limited_stream(request, limit, stated=stated)])


def _too_large(size: int | None, limit: int) -> str:
    what = f"The upload is {size / (1024 * 1024):.2f} MB" if size else "The upload is too large"
    return f"{what}; the limit is {megabytes(limit)}. Send a smaller page or only its cables."


async def read_page(request: Request, limit: int = MAX_UPLOAD) -> Page:
    """The page a request carries: JSON ``{"text"}``, a form's ``text`` field or ``file``,
    or a text body.

    Two limits: the body (``limit`` plus a little for the form's own bytes) while it
    arrives, then the page itself, as uploaded or typed. The body is read here, on the
    event loop; decoding it and reducing HTML to its main text (CPU work, up to a second
    for a big page) run in the thread pool.
    """
    body_limit = limit + FORM_OVERHEAD
    content_type = request.headers.get("content-type", "")
    kind = content_type.split(";")[0].strip().lower()
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, bytes]] = {}
    plain: bytes | None = None
    if kind == "multipart/form-data":
        form = _Form(content_type)
        async for chunk in limited_stream(request, body_limit, stated=limit):
            form.write(chunk)
        fields, files = form.finish()
    else:
        body = await read_body(request, body_limit, stated=limit)
        if kind == "application/json":
            try:
                data = json.loads(body or b"null")
            except ValueError:
                raise UploadError(400, "The body is not valid JSON.") from None
            if not isinstance(data, dict) or not isinstance(data.get("text"), str):
                raise UploadError(400, 'Send JSON of the form {"text": "..."}.')
            fields["text"] = data["text"]
        elif kind == "application/x-www-form-urlencoded":
            parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            fields = {k: v[0] for k, v in parsed.items() if v}
        elif kind.startswith("text/") or not kind:
            plain = body
        else:
            raise UploadError(415, f"Cannot read a body of type {kind}; send text, a form or JSON.")
    return await run_in_threadpool(_page, fields, files, plain, limit)


def _page(
    fields: dict[str, str], files: dict[str, tuple[str, bytes]], plain: bytes | None, limit: int
) -> Page:
    """The page from what the request held: decoded, checked, HTML reduced to its text."""
    if plain is not None:
        fields = {"text": _decode(plain, None)}
    pasted = normalize_newlines(fields.get("text", ""))
    name, data = files.get("file", ("", b""))
    size = len(data) or len(pasted.encode("utf-8"))
    if size > limit:
        raise UploadError(413, _too_large(size, limit))
    if data:
        text = _decode(data, name)
        source: str | None = name or "upload"
        html = name.lower().endswith(_HTML_EXTENSIONS) or looks_like_html(text[:4096])
    else:
        text, source = pasted, None
        html = looks_like_html(text[:4096])
    if html:
        text = _main_text(text)
    text = normalize_newlines(text)
    if not text.strip():
        raise UploadError(400, "There is no text to identify: paste a page or choose a file.")
    return Page(text=text, source=source, pasted=pasted)


async def page_or_error(request: Request) -> Page | UploadError:
    """The page the request carries, read on the event loop (``request.stream()`` is
    async); an error is returned, not raised, so each endpoint answers in its own way."""
    try:
        return await read_page(request)
    except UploadError as error:
        return error


def _decode(data: bytes, name: str | None) -> str:
    try:
        return decode_bytes(data, name)
    except ReadError:
        raise UploadError(
            400, f"{name or 'The body'} is a binary file, not text or HTML."
        ) from None


def _main_text(html: str) -> str:
    """The main text of an HTML page, as ``cablekit identify page.html`` takes it."""
    try:
        documents = list(read_documents_from_text(html, "upload.html"))
    except ReadError as error:
        raise UploadError(400, f"Cannot read the page: {error}") from None
    return "\n\n".join(d.text for d in documents)


def _charset(value: bytes | None, default: str = "utf-8") -> str:
    """A codec name for a charset parameter; an unknown one falls back to ``default``."""
    try:
        return codecs.lookup(value.decode("latin-1")).name if value else default
    except LookupError:
        return default


@dataclass
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    data: bytearray = field(default_factory=bytearray)


class _Form:
    """A multipart/form-data body (RFC 7578) parsed as it arrives, by python-multipart.

    Only what the form needs is kept: each part's name, filename, charset and bytes.
    The caller bounds the bytes fed in; a malformed or truncated body is a 400.
    """

    def __init__(self, content_type: str) -> None:
        _, params = parse_options_header(content_type)
        boundary = params.get(b"boundary")
        if not boundary:
            raise UploadError(400, "The form could not be read (no multipart boundary).")
        self.charset = _charset(params.get(b"charset"))
        self.fields: dict[str, str] = {}
        self.files: dict[str, tuple[str, bytes]] = {}
        self.parts = 0
        self.ended = False
        self._part = _Part()
        self._name = bytearray()
        self._value = bytearray()
        self._parser = MultipartParser(
            boundary,
            {
                "on_part_begin": self._begin,
                "on_header_field": lambda d, s, e: self._name.extend(d[s:e]),
                "on_header_value": lambda d, s, e: self._value.extend(d[s:e]),
                "on_header_end": self._header_end,
                "on_part_data": lambda d, s, e: self._part.data.extend(d[s:e]),
                "on_part_end": self._part_end,
                "on_end": self._end,
            },
        )

    def write(self, chunk: bytes) -> None:
        try:
            self._parser.write(chunk)
        except FormParserError:
            raise UploadError(400, "The form could not be read.") from None

    def finish(self) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
        """The fields (text) and files (name, bytes) by name; 400 when the body ended early."""
        try:
            self._parser.finalize()
        except FormParserError:
            raise UploadError(400, "The form could not be read.") from None
        if not self.ended:
            raise UploadError(400, "The form could not be read (it ends before its last part).")
        return self.fields, self.files

    def _begin(self) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise UploadError(400, f"The form has more than {MAX_PARTS} parts.")
        self._part = _Part()

    def _header_end(self) -> None:
        self._part.headers[bytes(self._name).strip().lower()] = bytes(self._value).strip()
        self._name.clear()
        self._value.clear()

    def _part_end(self) -> None:
        part = self._part
        _, disposition = parse_options_header(part.headers.get(b"content-disposition"))
        raw_name = disposition.get(b"name")
        if raw_name is None:
            return
        name = raw_name.decode(self.charset, "replace")
        data = bytes(part.data)
        if b"filename" in disposition:
            filename = disposition[b"filename"].decode("utf-8", "replace")
            self.files[name] = (filename.replace("\\", "/").rsplit("/", 1)[-1], data)
        else:
            _, params = parse_options_header(part.headers.get(b"content-type"))
            self.fields[name] = data.decode(
                _charset(params.get(b"charset"), self.charset), "replace"
            )

    def _end(self) -> None:
        self.ended = True
