"""A page to identify, sent by a browser or a program: a form field, a file or JSON.

The body is read with a hard size limit (checked against Content-Length first,
then while streaming), so an oversized upload costs nothing. Forms are parsed
here with the standard library (``email`` for multipart) rather than through
python-multipart, which the app does not depend on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from urllib.parse import parse_qs

from fastapi import Request

from cablekit.errors import ReadError
from cablekit.read.sources import read_documents_from_text
from cablekit.read.text import decode_bytes, normalize_newlines
from cablekit.read.web import looks_like_html

MAX_UPLOAD = 2 * 1024 * 1024  # bytes of the page (a long web page is ~200 kB)
DRAIN_FACTOR = 4  # an oversized body up to this many times the limit is read, then dropped
FORM_OVERHEAD = 64 * 1024  # the body may exceed the page by this much: boundaries, other fields
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


async def read_body(
    request: Request, limit: int = MAX_UPLOAD, *, stated: int | None = None
) -> bytes:
    """The request body, or ``UploadError(413)`` when it exceeds ``limit``.

    A body somewhat over the limit is read to its end and dropped, so the browser,
    still sending, receives the 413 page rather than a reset connection; a body far
    over it (``DRAIN_FACTOR`` times) is refused at once. ``stated`` is the limit the
    message names (the page's, when ``limit`` allows for a form's own bytes).
    """
    stated = stated or limit
    declared = request.headers.get("content-length")
    size = int(declared) if declared and declared.isdigit() else None
    if size is not None and size > limit * DRAIN_FACTOR:
        raise UploadError(413, _too_large(size, stated))
    chunks: list[bytes] = []
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > limit * DRAIN_FACTOR:
            break
        if received <= limit:
            chunks.append(chunk)
    if received > limit:
        raise UploadError(413, _too_large(size or received, stated))
    return b"".join(chunks)


def _too_large(size: int | None, limit: int) -> str:
    what = f"The upload is {size / (1024 * 1024):.2f} MB" if size else "The upload is too large"
    return f"{what}; the limit is {megabytes(limit)}. Send a smaller page or only its cables."


async def read_page(request: Request, limit: int = MAX_UPLOAD) -> Page:
    """The page a request carries: JSON ``{"text"}``, a form's ``text`` field or ``file``.

    Two limits: the body (``limit`` plus a little for the form's own bytes) while it
    arrives, then the page itself, as uploaded or typed.
    """
    body = await read_body(request, limit + FORM_OVERHEAD, stated=limit)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, bytes]] = {}
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
    elif kind == "multipart/form-data":
        fields, files = _multipart(request.headers.get("content-type", ""), body)
    elif kind.startswith("text/") or not kind:
        fields["text"] = _decode(body, None)
    else:
        raise UploadError(415, f"Cannot read a body of type {kind}; send text, a form or JSON.")

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


def _multipart(
    content_type: str, body: bytes
) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
    """Fields and files of a multipart/form-data body (RFC 7578)."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    try:
        message = BytesParser(policy=HTTP).parsebytes(head + body)
    except Exception:  # the email parser is lenient; this is a safety net
        raise UploadError(400, "The form could not be read.") from None
    if not message.is_multipart():
        raise UploadError(400, "The form could not be read.")
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is not None:
            files[name] = (filename.replace("\\", "/").rsplit("/", 1)[-1], data)
        else:
            fields[name] = data.decode(part.get_content_charset() or "utf-8", "replace")
    return fields, files
