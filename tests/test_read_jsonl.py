"""JSON Lines corpus records: metadata from the fields, text = header lines + body lines."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import cablekit
from cablekit.errors import ReadError
from cablekit.read.jsonl import iso_created
from cablekit.read.sources import read_documents, read_documents_from_text

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_fixture_records() -> None:
    records = [
        json.loads(line)
        for line in (FIXTURES / "cables-sample.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    docs = list(read_documents(FIXTURES / "cables-sample.jsonl"))
    assert len(docs) == len(records) == 3
    for number, (doc, record) in enumerate(zip(docs, records, strict=True), 1):
        assert doc.format == "jsonl"
        assert doc.start_line == number
        assert doc.metadata["reference_id"] == record["id"]
        assert doc.metadata["created"] == record["created"].replace(" ", "T")
        assert doc.metadata["origin"] == record["origin"]
        assert doc.metadata["classification"] == record["classification"]
        n = int(doc.metadata["header_lines"])
        lines = doc.text.split("\n")
        assert "\n".join(lines[:n]) == record["header"].strip("\n")
        assert "\n".join(lines[n:]) == record["body"]
        assert lines[0].startswith("VZCZC")


def test_malformed_line_is_skipped_with_warning(tmp_path: Path) -> None:
    good = (FIXTURES / "cables-sample.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([good[0], '{"id": "broken', good[1]]) + "\n", encoding="utf-8")
    warnings: list[str] = []
    docs = list(read_documents(path, on_warning=warnings.append))
    assert len(docs) == 2
    assert docs[1].start_line == 3
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}: line 2: malformed JSON")
    assert warnings[0].endswith("record skipped")


def test_wholly_broken_file_raises(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1\n{nope\n', encoding="utf-8")
    with pytest.raises(ReadError, match=r"bad.jsonl: line 1: not JSON Lines"):
        list(read_documents(path, on_warning=lambda _: None))


def test_text_that_merely_opens_with_a_brace_is_read_as_text() -> None:
    """Regression (found by hypothesis): ``cablekit.read("{")`` raised ReadError. Text with
    no path that is not JSON Lines is somebody's text: it is read as such."""
    record = json.loads((FIXTURES / "cables-sample.jsonl").read_text("utf-8").splitlines()[0])
    assert [d.format for d in read_documents_from_text("{")] == ["text"]
    assert list(cablekit.read("\n{\n")) == []  # no cable in it, and no error
    documents = list(read_documents_from_text("{a note}\n" + record["body"]))
    assert len(documents) == 1 and documents[0].format == "text"
    assert record["body"].strip() in documents[0].text
    with pytest.raises(ReadError, match="not JSON Lines"):  # a named file stays an error
        list(read_documents_from_text("{nope", "bad.jsonl"))


def test_in_memory_jsonl() -> None:
    line = json.dumps(
        {"id": "09MOSCOW1488", "created": "2009-06-05 13:01", "header": "", "body": "X"}
    )
    (doc,) = read_documents_from_text(line)
    assert doc.metadata["reference_id"] == "09MOSCOW1488"
    assert doc.metadata["header_lines"] == "0"
    assert doc.text == "X"


def test_iso_created() -> None:
    assert iso_created("2009-06-05 13:01") == "2009-06-05T13:01"
    assert iso_created("12/28/1966 18:48") == "1966-12-28T18:48"
    assert iso_created("2/3/2004 5:06") == "2004-02-03T05:06"
    assert iso_created("2009-06-05") == "2009-06-05"
    assert iso_created("soon") is None
    assert iso_created(None) is None


def test_corpus_streams_every_record() -> None:
    corpus = SHARED / "corpus" / "cables-dev.jsonl.gz"
    if not corpus.exists():
        pytest.skip("shared data absent")
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        expected = sum(1 for line in handle if line.strip())
    count = 0
    for doc in read_documents(corpus):
        count += 1
        assert doc.metadata["reference_id"]
    assert count == expected == 5408
