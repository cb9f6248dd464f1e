"""JSON Lines: one cable per line, as in cablekit's corpus (``cables-dev.jsonl.gz``).

Each line is an object with ``id``, ``created`` (``YYYY-MM-DD HH:MM``), ``origin``,
``classification``, ``header`` (routing lines) and ``body``. The fields come from the
Cablegate site's table, so they travel as the document's metadata; the text is the
header lines followed by the body lines, and ``metadata["header_lines"]`` says where
one ends. A bad line is skipped with a warning; a file with no good line at all is
not JSON Lines and raises ``ReadError``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import msgspec

from cablekit.errors import ReadError
from cablekit.model import Document

_decoder = msgspec.json.Decoder()

_DATE = re.compile(
    r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*\Z"
)
_US_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?)?\s*\Z")


def iso_created(value: object) -> str | None:
    """``2009-06-05 13:01`` or ``6/5/2009 13:01`` -> ``2009-06-05T13:01``; ``None`` if neither."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    m = _DATE.match(value)
    if m:
        year, month, day, hour, minute = m.groups()
    else:
        m = _US_DATE.match(value)
        if not m:
            return None
        month, day, year, hour, minute = m.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is None:
        return date
    if int(hour) > 23:
        return date
    return f"{date}T{int(hour):02d}:{minute}"


# What the Cablegate site put in place of the routing header when it had none.
PARTIAL_EXTRACT = "This record is a partial extract of the original cable"


def cable_document(
    *,
    header: str,
    body: str,
    path: str | None,
    fmt: str,
    start_line: int,
    fields: dict[str, str | None],
) -> Document:
    """The document of one cable whose metadata a source states (JSONL, CSV, Cablegate HTML).

    ``text`` is header lines + body lines; ``metadata["header_lines"]`` (a string,
    since metadata values are strings) is the number of header lines, ``"0"`` when
    the source had no header.
    """
    header = header.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    partial = header.lstrip().startswith(PARTIAL_EXTRACT)
    if partial:  # the site's note that it has no header is not a line of the cable; a DTG is
        header = header.lstrip().partition("\n")[2].strip("\n")
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    header_lines = header.count("\n") + 1 if header.strip() else 0
    text = f"{header}\n{body}" if header_lines else body
    metadata = {k: v for k, v in fields.items() if v}
    metadata["header"] = header if header_lines else ""
    metadata["header_lines"] = str(header_lines)
    if partial:
        metadata["partial_extract"] = "true"
    return Document(text=text, path=path, format=fmt, start_line=start_line, metadata=metadata)


def _str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def record_document(record: dict, path: str | None, line: int) -> Document | None:
    """The document of one decoded record; ``None`` when it holds no cable text."""
    body = record.get("body")
    if not isinstance(body, str):
        body = record.get("text") if isinstance(record.get("text"), str) else None
    header = record.get("header")
    if not isinstance(header, str):
        header = ""
    if body is None and not header:
        return None
    created_raw = record.get("created")
    created = iso_created(created_raw) or _str(created_raw)
    released = record.get("released")
    fields: dict[str, str | None] = {
        "reference_id": _str(record.get("id")) or _str(record.get("reference_id")),
        "created": created,
        "origin": _str(record.get("origin")),
        "classification": _str(record.get("classification")),
        "released": iso_created(released) or _str(released),
    }
    return cable_document(
        header=header, body=body or "", path=path, fmt="jsonl", start_line=line, fields=fields
    )


def read_jsonl(
    lines: Iterable[str],
    path: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Stream the documents of a JSON Lines file, one record per line.

    Bad lines (not JSON, not an object, no body) are skipped with a warning passed
    to ``warn`` as ``"path: line N: ..."``. If no line of the file is good, the
    file is not JSON Lines at all and ``ReadError`` is raised instead.
    """
    good = 0
    first_problem: tuple[int, str] | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        problem = None
        try:
            record = _decoder.decode(line)
        except (msgspec.DecodeError, UnicodeError, ValueError) as error:
            problem = f"malformed JSON ({_short(error)})"
        else:
            if not isinstance(record, dict):
                problem = "not a JSON object"
            else:
                document = record_document(record, path, number)
                if document is None:
                    problem = "record has no header, body or text field"
                else:
                    good += 1
                    yield document
                    continue
        if first_problem is None:
            first_problem = (number, problem)
        if warn is not None:
            warn(str(ReadError(path, f"{problem}, record skipped", line=number)))
    if good == 0 and first_problem is not None:
        number, problem = first_problem
        raise ReadError(path, f"not JSON Lines: {problem}", line=number)


def _short(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:80]
