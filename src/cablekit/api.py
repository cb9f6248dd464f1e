"""The Python API: read anything, get cables.

``read`` chains the pipeline's first three stages: read (any source into
documents) -> segment (documents into cable-sized spans) -> parse.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from cablekit.errors import ReadError
from cablekit.model import Cable, Document, Source
from cablekit.parse.cable import parse_cable
from cablekit.read.sources import read_documents, read_documents_from_text
from cablekit.segment import segment


def read(
    path_or_text: str | os.PathLike[str],
    *,
    on_error: Callable[[ReadError], None] | None = None,
) -> Iterator[Cable]:
    """Read, segment and parse: every cable found in a file, directory, ``-`` or a string.

    A string that names an existing path (or ``-``) is read as a path; any
    other string is taken as the text itself. Errors of single files in a
    directory go to ``on_error`` (default: raise).
    """
    if isinstance(path_or_text, os.PathLike) or _looks_like_path(path_or_text):
        documents = read_documents(path_or_text, on_error=on_error)
    else:
        documents = read_documents_from_text(path_or_text)
    for document in documents:
        yield from cables_in(document)


def cables_in(document: Document) -> Iterator[Cable]:
    """The cables of one document: one when the source states its metadata, else segmented."""
    if document.metadata.get("reference_id"):
        yield parse_cable(
            document.text,
            metadata=document.metadata,
            source=Source(
                path=document.path,
                start_line=document.start_line,
                end_line=document.start_line + document.text.count("\n"),
                format=document.format,
            ),
        )
        return
    for seg in segment(document.text):
        offset = document.start_line - 1
        yield parse_cable(
            seg.text,
            source=Source(
                path=document.path,
                start_line=seg.start_line + offset,
                end_line=seg.end_line + offset,
                format=document.format,
            ),
        )


def _looks_like_path(value: str) -> bool:
    if value == "-":
        return True
    if "\n" in value or len(value) > 4096:
        return False
    return os.path.exists(value)
