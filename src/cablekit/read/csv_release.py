"""The 2011 ``cables.csv`` release: eight columns, one cable per record, 1.7 GB in full.

A record looks like::

    12055,11/12/2003 16:26,03THEHAGUE2835,"Embassy The Hague",SECRET//NOFORN,03THEHAGUE2568,"HEADER
    ...","BODY
    ...
    "

row id, creation date (``M/D/YYYY H:MM``), reference id, origin, classification,
references (``|``-separated), header and body. Fields are comma-separated and
optionally double-quoted; inside quotes a quote is written ``\\"`` (a backslash is
``\\\\``) and line breaks are literal, so one record spans many lines.

Python's ``csv`` module would drop every backslash and cannot say where an
unterminated field began, so this is a small line-based scanner of its own: it
streams record by record (never the whole file), tells the line each record starts
on, and stops with ``ReadError("...: line N: unterminated quoted field")`` instead of
swallowing the rest of a 1.7 GB file into one field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from cablekit.errors import ReadError
from cablekit.model import Document
from cablekit.read.jsonl import cable_document, iso_created

N_FIELDS = 8
# No cable comes near this (the longest known is well under 1 MB): a record that
# grows past it is an unterminated quote eating the file.
MAX_RECORD_CHARS = 8 * 1024 * 1024

# The start of a record of this layout: row id, then a date ``M/D/YYYY H:MM``.
RECORD_START = re.compile(r"\s*\d+,\s*\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}(?::\d{2})?,")
_SPECIAL = re.compile(r'["\\]')


def looks_like_csv_release(head: str) -> bool:
    """Whether the text starts like a ``cables.csv`` record."""
    return RECORD_START.match(head) is not None


def iter_records(lines: Iterable[str], path: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """``(line where the record starts, its fields)`` for each record of the stream.

    ``lines`` keep their line ends (as a text file iterates). Raises ``ReadError``
    for a quoted field that never closes.
    """
    fields: list[str] = []
    buf: list[str] = []  # pieces of the field being read
    size = 0
    in_quotes = False
    record_line = 0
    field_line = 0
    number = 0
    for number, line in enumerate(lines, 1):
        if not in_quotes and not fields:
            if not line.strip():
                continue  # blank lines between records
            record_line = number
        pos = 0
        end = len(line)
        if line.endswith("\n"):
            end -= 1
            if end and line[end - 1] == "\r":
                end -= 1
        while True:
            if in_quotes:
                m = _SPECIAL.search(line, pos)
                if m is None:  # the field goes on past this line: the common case
                    buf.append(line[pos:])
                    size += len(line) - pos
                    if size > MAX_RECORD_CHARS:
                        raise ReadError(
                            path,
                            "unterminated quoted field (record runs past 8 MB)",
                            line=field_line,
                        )
                    break
                i = m.start()
                buf.append(line[pos:i])
                nxt = line[i + 1] if i + 1 < len(line) else ""
                if line[i] == "\\":
                    if nxt in ('"', "\\"):
                        buf.append(nxt)
                        pos = i + 2
                    else:  # a lone backslash is text
                        buf.append("\\")
                        pos = i + 1
                    continue
                # a quote
                if nxt == ",":
                    fields.append("".join(buf))
                    buf, in_quotes = [], False
                    pos = i + 2
                    if pos >= end:  # "...", then end of line: an empty last field
                        fields.append("")
                        yield record_line, fields
                        fields, size = [], 0
                        break
                    continue
                if i + 1 >= end:  # closing quote at the end of the line: record done
                    fields.append("".join(buf))
                    buf, in_quotes = [], False
                    yield record_line, fields
                    fields, size = [], 0
                    break
                if nxt == '"':  # a doubled quote, as standard CSV writes it
                    buf.append('"')
                    pos = i + 2
                    continue
                buf.append('"')  # a stray quote: keep it as text
                pos = i + 1
                continue
            # outside quotes, at the start of a field
            if pos < end and line[pos] == '"':
                in_quotes = True
                field_line = number
                pos += 1
                continue
            comma = line.find(",", pos, end)
            if comma < 0:
                fields.append(line[pos:end])
                yield record_line, fields
                fields, size = [], 0
                break
            fields.append(line[pos:comma])
            pos = comma + 1
            if pos >= end:
                fields.append("")
                yield record_line, fields
                fields, size = [], 0
                break
    if in_quotes:
        raise ReadError(path, "unterminated quoted field", line=field_line)
    if fields:  # a last record without a line end
        yield record_line, fields


def read_csv_release(
    lines: Iterable[str],
    path: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Stream the documents of a ``cables.csv`` file, one per record.

    A record with the wrong number of fields is skipped with a warning passed to
    ``warn``; an unterminated quote raises ``ReadError`` (what came before it has
    been yielded).
    """
    for line, fields in iter_records(lines, path):
        if len(fields) == N_FIELDS + 1 and not fields[-1]:
            fields.pop()  # the release ends each record with a comma: ``...BODY",``
        if len(fields) != N_FIELDS or not fields[0].strip().isdigit():
            if warn is not None:
                what = (
                    f"expected {N_FIELDS} fields, found {len(fields)}"
                    if len(fields) != N_FIELDS
                    else "row id is not a number"
                )
                warn(str(ReadError(path, f"{what}, record skipped", line=line)))
            continue
        _row, created, reference_id, origin, classification, references, header, body = fields
        yield cable_document(
            header=header,
            body=body,
            path=path,
            fmt="csv",
            start_line=line,
            fields={
                "reference_id": _clean(reference_id),
                "created": iso_created(created) or _clean(created),
                "origin": _clean(origin),
                "classification": _clean(classification),
                "references": _clean(references),
            },
        )


def _clean(value: str) -> str | None:
    value = value.strip().strip('"').strip()
    return value or None


def write_record(fields: list[str]) -> str:
    """One record in the release's own style (the inverse of ``iter_records``).

    Used to build fixtures: numbers, dates, ids and classifications bare, the
    rest quoted with ``\\"`` and ``\\\\`` escapes, line breaks kept, and a comma
    after the last field, as the release has it.
    """

    def quote(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    out = []
    for i, value in enumerate(fields):
        bare = i in (0, 1, 2, 4, 5) and not any(c in value for c in ',"\n\\')
        out.append(value if bare else quote(value))
    return ",".join(out) + ",\n"
