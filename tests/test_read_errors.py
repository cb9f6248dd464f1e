"""Every bad input is one clear ReadError line; a directory walk never stops at a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablekit.errors import CablekitError, ReadError
from cablekit.read.sources import read_documents, read_documents_from_text


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    with pytest.raises(ReadError) as info:
        list(read_documents(path))
    assert str(info.value) == f"{path}: no such file"
    assert isinstance(info.value, CablekitError)
    assert info.value.path == str(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ReadError) as info:
        list(read_documents(path))
    assert str(info.value) == f"{path}: binary file, not text"


def test_random_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.dat"
    path.write_bytes(bytes((i * 7 + 3) % 255 + 1 for i in range(4000)))
    with pytest.raises(ReadError, match="binary file, not text"):
        list(read_documents(path))


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "c.txt.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate")
    with pytest.raises(ReadError, match=r"c.txt.gz: cannot read"):
        list(read_documents(path))


def test_csv_not_in_layout(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("name,age\nann,3\n", encoding="utf-8")
    with pytest.raises(ReadError, match="not in the cables.csv layout"):
        list(read_documents(path))


def test_walk_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("C O N F I D E N T I A L MOSCOW 001488\n", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("third\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("skipped too\n", encoding="utf-8")
    errors: list[ReadError] = []
    docs = list(read_documents(tmp_path, on_error=errors.append))
    assert [Path(d.path).name for d in docs] == ["a.txt", "c.txt"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'b.bin'}: binary file, not text"]


def test_walk_without_handler_reads_all_then_raises(tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x00")
    (tmp_path / "b.txt").write_text("text\n", encoding="utf-8")
    docs = []
    with pytest.raises(ReadError, match=r"1 of 2 files could not be read: .*a.bin: binary"):
        docs.extend(read_documents(tmp_path))
    assert [Path(d.path).name for d in docs] == ["b.txt"]


def test_directory_with_no_readable_files(tmp_path: Path) -> None:
    (tmp_path / ".only-hidden").write_text("x", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        list(read_documents(tmp_path))
    assert str(info.value) == f"{tmp_path}: directory has no readable files"
    errors: list[ReadError] = []
    assert list(read_documents(tmp_path, on_error=errors.append)) == []
    assert len(errors) == 1


def test_error_message_is_one_line() -> None:
    error = ReadError("cables.csv", "unterminated\nquoted field", line=14)
    assert str(error) == "cables.csv: line 14: unterminated quoted field"
    assert "\n" not in str(ReadError(None, "a\nb"))


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01", "{", "{not json}\n", "<html", '1,1/1/2001 1:01,"', "\ufeff", "<" * 5000],
)
def test_odd_in_memory_text_never_crashes(text: str) -> None:
    try:
        docs = list(read_documents_from_text(text))
    except ReadError:
        return  # a clear error is fine; anything else is a bug
    assert all(isinstance(d.text, str) for d in docs)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    fake = io.TextIOWrapper(io.BytesIO(b"UNCLAS STATE 000123\n\n1. text\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    (doc,) = read_documents("-")
    assert doc.path == "-"
    assert doc.text.startswith("UNCLAS STATE 000123")
