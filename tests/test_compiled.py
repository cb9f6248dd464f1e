"""The modules compiled with mypyc (setup.py) are current, and do what their source does."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest
from interpreted import interpreted, is_compiled, source_of

import cablekit
from cablekit import parse_cable
from cablekit.extract import extract_entities
from cablekit.store.entities import pack

SRC = Path(cablekit.__file__).resolve().parents[1]
CORPUS = SRC.parents[1] / "shared" / "corpus" / "cables-dev.jsonl.gz"
COMPILED = is_compiled("cablekit.parse.cable")


def _modules() -> list[str]:
    names = []
    for path in sorted((SRC / "cablekit").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_no_compiled_module_is_older_than_its_source() -> None:
    """An edited ``.py`` beside an old ``.so`` would be silently ignored: ``make venv``
    (which ``make test`` runs) rebuilds them."""
    stale = []
    for name in _modules():
        if is_compiled(name):
            built = Path(str(importlib.util.find_spec(name).origin))  # type: ignore[union-attr]
            if source_of(name).stat().st_mtime > built.stat().st_mtime + 1:
                stale.append(name)
    assert not stale, f"compiled before their last edit (run `make venv`): {stale}"


def test_the_build_compiles_the_parser_and_the_extractor() -> None:
    if os.environ.get("CABLEKIT_PURE_PYTHON") or not COMPILED:
        pytest.skip("built without mypyc (CABLEKIT_PURE_PYTHON, or no C compiler)")
    for name in ("cablekit.segment", "cablekit.parse.body.paragraphs", "cablekit.extract.people"):
        assert is_compiled(name), name
    # left interpreted on purpose (setup.py says why)
    assert not is_compiled("cablekit.extract.model")
    assert not is_compiled("cablekit.parse.body.prepared")


def test_an_interpreted_copy_is_the_source() -> None:
    copy = interpreted("cablekit.parse.reference_id")
    assert type(copy.canonical_reference_id).__name__ == "function"
    assert copy.canonical_reference_id("08SECTON01OF02BEIRUT896") == "08BEIRUT896"


_RUN = """
import hashlib, json, sys
import msgspec
from cablekit import parse_cable
from cablekit.extract import extract_entities
from cablekit.store.entities import pack
print(type(parse_cable).__name__)
for text in json.load(sys.stdin):
    cable = parse_cable(text)
    print(hashlib.sha1(msgspec.json.encode(cable) + pack(extract_entities(cable))).hexdigest())
"""


def _digest(text: str) -> str:
    cable = parse_cable(text)
    return hashlib.sha1(msgspec.json.encode(cable) + pack(extract_entities(cable))).hexdigest()


def test_compiled_and_interpreted_give_the_same_records(tmp_path: Path) -> None:
    """Every 25th dev cable, with and without its header, parsed and its entities
    extracted by the compiled package here and by its pure-Python source in another
    process: the same bytes."""
    if not COMPILED:
        pytest.skip("nothing is compiled: there is only one version")
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not found")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f][::25]
    texts = [t for r in records for t in (r["header"] + "\n" + r["body"], r["body"])]
    shutil.copytree(
        SRC / "cablekit",
        tmp_path / "cablekit",
        ignore=shutil.ignore_patterns("*.so", "__pycache__"),
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    kind, *pure = done.stdout.split()
    assert kind == "function"  # the other process ran the source, not the extensions
    assert len(pure) == len(texts) > 400
    differ = [i for i, text in enumerate(texts) if _digest(text) != pure[i]]
    assert not differ, f"{len(differ)} of {len(texts)} differ, first: text {differ[0]}"
