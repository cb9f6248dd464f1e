"""Export records as JSON Lines, CSV or Parquet, streamed: memory does not grow with them.

JSON Lines carries the whole record. CSV and Parquet carry one flat row per
cable (lists joined with spaces, paragraphs left out; the body is there), the
shape spreadsheets, pandas and DuckDB want.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, TextIO

# The flat columns of CSV and Parquet, in order.
COLUMNS = [
    "reference_id",
    "version",
    "created",
    "origin",
    "classification",
    "handling",
    "precedence",
    "tags",
    "subject",
    "references",
    "classified_by",
    "reasons",
    "declassify_on",
    "eo",
    "summary",
    "comment",
    "signature",
    "body",
]


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    """One record as a flat row of strings (or None)."""
    classified_by = record.get("classified_by") or {}
    references = [r.get("reference_id") or r.get("text", "") for r in record.get("references", [])]
    return {
        "reference_id": record.get("reference_id"),
        "version": record.get("version"),
        "created": record.get("created"),
        "origin": record.get("origin"),
        "classification": record.get("classification"),
        "handling": " ".join(record.get("handling") or []),
        "precedence": record.get("precedence"),
        "tags": " ".join(record.get("tags") or []),
        "subject": record.get("subject"),
        "references": " ".join(references),
        "classified_by": "; ".join(classified_by.get("names") or []) or None,
        "reasons": " ".join(classified_by.get("reasons") or []) or None,
        "declassify_on": record.get("declassify_on"),
        "eo": record.get("eo"),
        "summary": record.get("summary"),
        "comment": record.get("comment"),
        "signature": record.get("signature"),
        "body": record.get("body"),
    }


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(flat_row(record))
        n += 1
    return n


def write_parquet(records: Iterable[dict[str, Any]], out: BinaryIO, *, batch: int = 5000) -> int:
    """Parquet in row groups of ``batch`` cables (pyarrow is imported only here)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {name: pa.string() for name in COLUMNS}
    types["version"] = pa.int32()
    schema = pa.schema([(name, types[name]) for name in COLUMNS])
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rows in _chunks((flat_row(r) for r in records), batch):
            table = pa.Table.from_pylist(rows, schema=schema)
            writer.write_table(table)
            n += len(rows)
    return n


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
