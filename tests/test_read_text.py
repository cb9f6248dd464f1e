"""Plain text input: one document, sniffed by content, decoded whatever the encoding."""

from __future__ import annotations

from pathlib import Path

from cablekit.read.sources import read_documents, read_documents_from_text
from cablekit.read.text import decode_bytes, sniff_encoding

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CABLE = (
    "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488 \n"
    "\n"
    "E.O. 12958: DECL: 06/05/2019 \n"
    "\n"
    "1. (C) Summary: Israeli FM Lieberman's June 2-3 visit to \n"
    "Russia appears not to have broken new ground diplomatically.\n"
)


def test_text_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "cable.txt"
    path.write_text("A blog title\n\n" + CABLE, encoding="utf-8")
    docs = list(read_documents(path))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.format == "text"
    assert doc.path == str(path)
    assert doc.start_line == 1
    assert doc.metadata == {}
    assert doc.text.splitlines()[2].startswith("C O N F I D E N T I A L")


def test_crlf_and_bom_are_normalized(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(b"\xef\xbb\xbf" + CABLE.replace("\n", "\r\n").encode())
    (doc,) = read_documents(path)
    assert "\r" not in doc.text
    assert doc.text.startswith("C O N F I D E N T I A L")


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(CABLE.replace("Lieberman's", "Lieberman\x92s").encode("latin-1"))
    (doc,) = read_documents(path)
    assert "Lieberman\u2019s" in doc.text


def test_sniff_encoding_tolerates_a_cut_utf8_character() -> None:
    data = "Tbilisi — Georgia".encode()
    assert sniff_encoding(data[: data.index(b"\x94")]) == "utf-8"
    assert sniff_encoding(b"\x00\x01\x02binary") is None
    assert decode_bytes("ok ✓".encode()) == "ok ✓"


def test_in_memory_text() -> None:
    (doc,) = read_documents_from_text(CABLE, path="pasted")
    assert doc.format == "text"
    assert doc.path == "pasted"
    assert doc.text == CABLE


def test_seed_page_reads_as_text() -> None:
    seed = SHARED / "seed" / "republished-page.txt"
    if not seed.exists():
        import pytest

        pytest.skip("shared data absent")
    (doc,) = read_documents(seed)
    assert doc.format == "text"
    assert doc.text.count("C O N F I D E N T I A L") == 4
