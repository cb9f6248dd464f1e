"""The Cablegate site's own pages: metadata from the table, header and body from <pre>."""

from __future__ import annotations

import gzip
import json
import tarfile
from pathlib import Path

import pytest

from cablekit.read.cablegate_html import cablegate_document
from cablekit.read.sources import read_documents, read_documents_from_text

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_page_metadata_and_text() -> None:
    (doc,) = read_documents(FIXTURES / "09MOSCOW1488.html")
    assert doc.format == "cablegate-html"
    meta = doc.metadata
    assert meta["reference_id"] == "09MOSCOW1488"
    assert meta["created"] == "2009-06-05T13:01"
    assert meta["released"] == "2010-11-28T18:06"
    assert meta["classification"] == "CONFIDENTIAL"
    assert meta["origin"] == "Embassy Moscow"
    assert meta["header_lines"] == "12"
    lines = doc.text.split("\n")
    assert lines[0] == "VZCZCXRO1697"
    assert lines[2] == "DE RUEHMO #1488/01 1561306"
    assert lines[11] == "RUEHZG/NATO EU COLLECTIVE"
    assert meta["header"] == "\n".join(lines[:12])
    assert lines[12] == "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488 "
    # TAGS links become plain text; the paragraph anchors are gone.
    assert "TAGS: PGOV PREL IR IS SY GG RS" in lines
    assert "¶" not in doc.text
    assert any(line.startswith("1. (C) Summary: Israeli FM Lieberman") for line in lines)
    assert lines[-1] == "BEYRLE"
    assert doc.start_line > 1  # the line of the page where the header <pre> is


def test_partial_extract_note_is_dropped_and_its_date_kept() -> None:
    (doc,) = read_documents(FIXTURES / "04THEHAGUE2415.html")
    assert doc.metadata["reference_id"] == "04THEHAGUE2415"
    assert doc.metadata["header_lines"] == "1"
    assert doc.metadata["partial_extract"] == "true"
    lines = doc.text.split("\n")
    assert "partial extract" not in doc.text
    assert lines[0] == "221547Z Sep 04"
    assert lines[1].startswith("C O N F I D E N T I A L SECTION 01 OF 02 THE HAGUE 002415")
    assert "B. USEU BRUSSELS 4009 " in lines


def test_same_page_from_memory() -> None:
    html = (FIXTURES / "09MOSCOW1488.html").read_text(encoding="utf-8")
    (doc,) = read_documents_from_text(html)
    assert doc.format == "cablegate-html"
    assert doc.metadata["reference_id"] == "09MOSCOW1488"


def test_not_a_cablegate_page() -> None:
    assert cablegate_document("<html><body><p>hello</p></body></html>") is None
    assert cablegate_document("") is None
    assert cablegate_document("<table class='cable'><tr><td>x</td></tr></table>") is None


def test_all_sample_pages_round_trip_against_corpus(tmp_path: Path) -> None:
    tar = SHARED / "corpus" / "cablegate-html-sample.tar.gz"
    corpus = SHARED / "corpus" / "cables-dev.jsonl.gz"
    if not tar.exists() or not corpus.exists():
        pytest.skip("shared data absent")
    with tarfile.open(tar) as archive:
        archive.extractall(tmp_path, filter="data")
    records: dict[str, list[dict]] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records.setdefault(record["id"], []).append(record)
    errors: list[str] = []
    docs = list(read_documents(tmp_path, on_error=lambda e: errors.append(str(e))))
    assert errors == []
    assert len(docs) == 124
    for doc in docs:
        assert doc.format == "cablegate-html", doc.path
        meta = doc.metadata
        candidates = records[meta["reference_id"]]
        assert Path(doc.path).stem == meta["reference_id"]
        assert any(
            meta["created"][:10] == r["created"][:10]
            and meta["origin"] == r["origin"]
            and meta["classification"] == r["classification"]
            for r in candidates
        ), meta["reference_id"]
