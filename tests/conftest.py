"""Shared fixtures: the real data in ../shared/ and the pinned quality floors."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "cables-dev.jsonl.gz"
VECTORS = SHARED / "conformance" / "cablemap-vectors.json"
SEED = ROOT / "samples" / "republished-page.txt"
FLOORS = Path(__file__).with_name("floors.json")


def run_cablekit(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``cablekit ARGS...`` run as a user runs it: a real subprocess, from the repository."""
    return subprocess.run(
        [sys.executable, "-m", "cablekit", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=ROOT,
        timeout=120,
    )


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared data sits beside the repository)")
    return path


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    """The 5,408 records of the dev corpus, with the site's metadata as ground truth."""
    with gzip.open(_need(CORPUS), "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def vectors() -> list[dict]:
    return json.loads(_need(VECTORS).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def floors() -> dict:
    """Accuracy floors measured on real data: they may only go up."""
    return json.loads(FLOORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def cablegate_pages(corpus: list[dict]) -> list[tuple[dict, str]]:
    """(the site's own metadata, the record's header + body) for each page of the HTML sample.

    The metadata comes straight from the page (reference id, and TAGS as the site
    linked them), the text from the JSON Lines record of the same cable.
    """
    import re
    import tarfile

    archive = _need(SHARED / "corpus" / "cablegate-html-sample.tar.gz")
    by_id = {r["id"]: r for r in corpus}
    tag_link = re.compile(r"<a href='/tag/[^']*'>([^<]+)</a>")
    pages = []
    with tarfile.open(archive) as tar:
        for member in tar:
            if not member.name.endswith(".html"):
                continue
            html = tar.extractfile(member).read().decode("utf-8")
            ref = Path(member.name).stem
            record = by_id.get(ref)
            if record is None:
                continue
            body = html[html.rfind("<code><pre>") :]  # the cable text, after the sidebar
            tags_line = body[body.find("TAGS") :]  # the first TAGS line (copies may repeat it)
            line_end = tags_line.find("&#x000A;", tags_line.find("</a>"))
            tags_line = tags_line[:line_end] if line_end > 0 else tags_line[:600]
            meta = {"reference_id": ref, "tags": tag_link.findall(tags_line)}
            pages.append((meta, record["header"] + "\n" + record["body"]))
    return pages
