"""The ``cablekit parse`` command, run as a user runs it: a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED
from conftest import run_cablekit as run

SEED_IDS = ["09MOSCOW1488", "10MOSCOW392", "10BAKU134", "09MOSCOW2529"]


def test_parse_jsonl_gives_one_record_per_cable_with_its_source() -> None:
    result = run("parse", "--format", "jsonl", str(SEED))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["reference_id"] for r in records] == SEED_IDS
    assert all(r["source"]["path"] == str(SEED) for r in records)
    first = records[0]
    assert first["classification"] == "CONFIDENTIAL"
    assert first["origin"] == "Embassy Moscow"
    assert first["classified_by"]["names"] == ["Alice G. Wells"]
    assert first["paragraphs"][0]["number"] == "1"
    assert first["paragraphs"][0]["marking"] == "C"


def test_parse_json_is_one_array_equal_to_the_jsonl_records() -> None:
    as_json = json.loads(run("parse", "--format", "json", str(SEED)).stdout)
    as_jsonl = [
        json.loads(x) for x in run("parse", "--format", "jsonl", str(SEED)).stdout.split("\n") if x
    ]
    assert as_json == as_jsonl


def test_parse_reads_standard_input() -> None:
    result = run("parse", "--format", "jsonl", "-", stdin=SEED.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert [json.loads(x)["reference_id"] for x in result.stdout.splitlines()] == SEED_IDS


def test_parse_text_is_a_summary_for_people() -> None:
    result = run("parse", "--format", "text", str(SEED))
    assert result.returncode == 0, result.stderr
    for ref in SEED_IDS:
        assert ref in result.stdout
    assert "Classified by:" in result.stdout


def test_a_file_without_cables_warns_and_succeeds(tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_text("The minister met his counterpart on Tuesday.\nNo cable here.\n")
    result = run("parse", "--format", "jsonl", str(news))
    assert result.returncode == 0
    assert result.stdout == ""
    assert "no cable found" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_files_give_one_line_each_and_the_others_are_still_read(tmp_path: Path) -> None:
    binary = tmp_path / "photo.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    result = run("parse", "--format", "jsonl", str(binary), str(missing), str(SEED))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 2, result.stderr
    assert "photo.bin" in errors[0] and "missing.txt" in errors[1]
    assert [json.loads(x)["reference_id"] for x in result.stdout.splitlines()] == SEED_IDS


def test_a_corrupt_gzip_and_an_empty_directory_give_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "empty").mkdir()
    result = run("parse", str(tmp_path / "bad.txt.gz"), str(tmp_path / "empty"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("cablekit: error: ") for line in lines)
