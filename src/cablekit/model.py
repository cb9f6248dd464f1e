"""The cable record, stated once.

Every reader, the parser, the store and the CLI speak these types. They are
``msgspec.Struct`` classes: typed, cheap to build, and encoded to JSON (with
snake_case field names, ``None`` kept as ``null``) without a detour through dicts.
"""

from __future__ import annotations

from typing import Any

import msgspec


class Recipient(msgspec.Struct, kw_only=True):
    """One addressee of a TO or INFO routing line, e.g. ``RUEHC/SECSTATE WASHDC IMMEDIATE 2484``."""

    route: str | None = None  # routing indicator before the slash: RUEHC
    name: str = ""  # SECSTATE WASHDC
    precedence: str | None = None  # IMMEDIATE, PRIORITY, ROUTINE, NIACT IMMEDIATE, FLASH
    mcn: str | None = None  # message sequence number the recipient gave it: 2484


class Routing(msgspec.Struct, kw_only=True):
    """The transmission header above the cable text."""

    de: str | None = None  # the DE line: "RUEHMO #1488/01 1561306"
    station: str | None = None  # sending station of the DE line: RUEHMO
    message_number: str | None = None  # "1488"
    dtg: str | None = None  # date-time group as written: "051306Z JUN 09"
    fm: str | None = None  # FM line: "AMEMBASSY MOSCOW"
    to: list[Recipient] = msgspec.field(default_factory=list)
    info: list[Recipient] = msgspec.field(default_factory=list)


class Reference(msgspec.Struct, kw_only=True):
    """One REF entry: ``A. 09 MOSCOW 1488`` -> letter A, id 09MOSCOW1488."""

    letter: str | None = None
    reference_id: str | None = None  # canonical id, None when the entry is not a cable
    text: str = ""  # the entry as written


class ClassifiedBy(msgspec.Struct, kw_only=True):
    """``Classified By: Political M/C Alice G. Wells for reasons 1.4 (b/d).``"""

    names: list[str] = msgspec.field(default_factory=list)  # ["Alice G. Wells"]
    title: str | None = None  # "Political M/C"
    reasons: list[str] = msgspec.field(default_factory=list)  # ["1.4(b)", "1.4(d)"]
    text: str = ""  # the line(s) as written


class Paragraph(msgspec.Struct, kw_only=True):
    """A numbered (or leading unnumbered) paragraph of the cable body."""

    number: str | None = None  # "1", "2", "A" for lettered sub-paragraphs
    marking: str | None = None  # portion marking: C, S, U, SBU, S/NF, C/NF ...
    heading: str | None = None  # the section heading it sits under
    text: str = ""  # clean text: lines joined, page-break lines removed
    start_line: int = 0  # 1-based line of ``Cable.text`` where it starts


class Source(msgspec.Struct, kw_only=True):
    """Where in the input the cable was found (1-based, inclusive)."""

    path: str | None = None
    start_line: int | None = None
    end_line: int | None = None
    format: str | None = None  # text, cablegate-html, csv, jsonl, web


class Cable(msgspec.Struct, kw_only=True):
    """One parsed cable. ``to_dict()`` is exactly the JSON record the CLI prints."""

    reference_id: str | None = None
    created: str | None = None  # ISO 8601
    origin: str | None = None  # as the Cablegate site names it: "Embassy Moscow"
    classification: str | None = None  # "CONFIDENTIAL", "SECRET//NOFORN"
    handling: list[str] = msgspec.field(default_factory=list)  # SIPDIS, NOFORN ...
    precedence: str | None = None  # PRIORITY, IMMEDIATE, ROUTINE, FLASH ...
    routing: Routing = msgspec.field(default_factory=Routing)
    section_count: int | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    subject: str | None = None
    references: list[Reference] = msgspec.field(default_factory=list)
    classified_by: ClassifiedBy | None = None
    declassify_on: str | None = None  # YYYY-MM-DD or an instruction: "1.6X1", "N/A"
    eo: str | None = None  # "12958", "13526"
    paragraphs: list[Paragraph] = msgspec.field(default_factory=list)
    summary: str | None = None
    comment: str | None = None
    signature: str | None = None
    body: str = ""  # clean text: page breaks removed, split sentences rejoined
    text: str = ""  # the original, verbatim
    source: Source = msgspec.field(default_factory=Source)
    warnings: list[str] = msgspec.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)

    def to_json(self) -> bytes:
        return _encoder.encode(self)


_encoder = msgspec.json.Encoder()


class Document(msgspec.Struct, kw_only=True):
    """What a reader yields: text that may hold zero, one or several cables.

    ``metadata`` carries what the source states outside the text (the Cablegate
    site's table, the CSV columns, the JSON Lines fields): keys ``reference_id``,
    ``created``, ``origin``, ``classification`` and ``header`` (routing lines kept
    apart from the body). When a source gives metadata it describes exactly one
    cable and segmentation is skipped.
    """

    text: str
    path: str | None = None
    format: str = "text"
    start_line: int = 1  # line of the input where ``text`` begins
    metadata: dict[str, str] = msgspec.field(default_factory=dict)
