"""The 2011 cables.csv layout: eight columns, quoted multi-line fields, \\" escapes, streamed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cablekit.errors import ReadError
from cablekit.read.csv_release import iter_records, read_csv_release, write_record
from cablekit.read.sources import read_documents, read_documents_from_text

FIXTURES = Path(__file__).parent / "fixtures"


def _jsonl_records() -> list[dict]:
    lines = (FIXTURES / "cables-sample.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_fixture_records_match_their_source() -> None:
    docs = list(read_documents(FIXTURES / "cables-sample.csv"))
    records = _jsonl_records()
    assert [d.metadata["reference_id"] for d in docs] == [r["id"] for r in records]
    for doc, record in zip(docs, records, strict=True):
        assert doc.format == "csv"
        assert doc.metadata["created"] == record["created"].replace(" ", "T")
        assert doc.metadata["origin"] == record["origin"]
        assert doc.metadata["classification"] == record["classification"]
        header = record["header"].strip("\n")
        assert doc.metadata["header"] == header
        assert doc.metadata["header_lines"] == str(header.count("\n") + 1)
        assert doc.text == header + "\n" + record["body"]
    # the record line numbers: the first at line 1, each next after the previous one's lines
    assert docs[0].start_line == 1
    raw_lines = (FIXTURES / "cables-sample.csv").read_text(encoding="utf-8").split("\n")
    starts = [i + 1 for i, line in enumerate(raw_lines) if line.startswith("10000")]
    assert [d.start_line for d in docs] == starts
    assert starts[1] > 20


def test_escaped_quotes_and_backslashes() -> None:
    body = 'He said \\"no\\" and C:\\path "quoted"\nline two\n'
    raw = write_record(["7", "12/28/1966 18:48", "66ROME1", "Embassy Rome", "SECRET", "", "", body])
    assert '\\"quoted\\"' in raw
    (doc,) = read_csv_release(raw.splitlines(keepends=True), "x.csv")
    assert doc.text == body
    assert doc.metadata["created"] == "1966-12-28T18:48"
    assert doc.metadata["header_lines"] == "0"


def test_the_release_row_style() -> None:
    # As the release wrote it: origin quoted, classification and references bare.
    raw = (
        '12055,11/12/2003 16:26,03THEHAGUE2835,"Embassy The Hague",SECRET//NOFORN,'
        '03THEHAGUE2568|03THEHAGUE2000,"HEADER LINE\n\n","S E C R E T THE HAGUE 002835 \n'
        'SUBJECT: \\"MILOSEVIC\\"\n",\n'
    )
    (doc,) = read_documents_from_text(raw, "cables.csv")
    assert doc.metadata["reference_id"] == "03THEHAGUE2835"
    assert doc.metadata["classification"] == "SECRET//NOFORN"
    assert doc.metadata["references"] == "03THEHAGUE2568|03THEHAGUE2000"
    assert doc.metadata["header_lines"] == "1"
    assert doc.text.split("\n")[2] == 'SUBJECT: "MILOSEVIC"'


def test_unterminated_quote_names_the_line(tmp_path: Path) -> None:
    good = (FIXTURES / "cables-sample.csv").read_text(encoding="utf-8")
    broken = good + '999,1/2/2009 3:04,09X1,"Embassy X",SECRET,,"","never closed\nmore\n'
    path = tmp_path / "cables.csv"
    path.write_text(broken, encoding="utf-8")
    docs = []
    with pytest.raises(ReadError) as info:
        docs.extend(read_documents(path))
    assert len(docs) == 3  # what came before the break was read
    line = good.count("\n") + 1
    assert str(info.value) == f"{path}: line {line}: unterminated quoted field"


def test_wrong_field_count_is_skipped_with_a_warning() -> None:
    lines = ['1,1/1/2001 1:01,01ROME1,"Embassy Rome",SECRET,,"h"\n']
    warnings: list[str] = []
    assert list(read_csv_release(lines, "c.csv", warnings.append)) == []
    assert warnings == ["c.csv: line 1: expected 8 fields, found 7, record skipped"]


def test_streams_gzip(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv.gz"
    path.write_bytes(gzip.compress((FIXTURES / "cables-sample.csv").read_bytes()))
    docs = read_documents(path)
    first = next(docs)  # a generator: records come one at a time
    assert first.metadata["reference_id"] == _jsonl_records()[0]["id"]
    assert len(list(docs)) == 2


def test_iter_records_handles_blank_lines_and_crlf() -> None:
    raw = ['1,2/3/2004 5:06,a,"b",c,,"x\r\n', 'y",z\r\n', "\r\n", "2,1/1/2001 0:00,q,r,s,t,u,v"]
    records = list(iter_records(raw))
    assert records[0] == (1, ["1", "2/3/2004 5:06", "a", "b", "c", "", "x\r\ny", "z"])
    assert records[1][0] == 4
    assert records[1][1][-1] == "v"
