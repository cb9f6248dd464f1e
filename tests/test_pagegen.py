"""The generator of test pages: deterministic, and its ground truth holds."""

from __future__ import annotations

import re
from pathlib import Path

import pagegen
import pytest

from cablekit.read.jsonl import record_document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "cables-dev.jsonl.gz"
_NUMBER = re.compile(r"^\d{1,2}$")


@pytest.fixture(scope="module")
def pool() -> pagegen.Pool:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is not here")
    return pagegen.load_pool(CORPUS)


@pytest.fixture(scope="module")
def pages(pool: pagegen.Pool) -> list[pagegen.Page]:
    return pagegen.generate_pages(pool, 120, seed=11)


def test_deterministic(pool: pagegen.Pool, pages: list[pagegen.Page]) -> None:
    again = pagegen.generate_pages(pool, 120, seed=11)
    assert [(p.name, p.text, p.truth) for p in again] == [(p.name, p.text, p.truth) for p in pages]
    other = pagegen.generate_pages(pool, 120, seed=12)
    assert [p.text for p in other] != [p.text for p in pages]


def test_mix_of_pages(pages: list[pagegen.Page]) -> None:
    kinds = {p.kind for p in pages}
    assert {"whole", "excerpt3", "excerpt", "multi", "stitched", "nocable"} <= kinds
    assert {"whole-html", "multi-html", "nocable-html"} <= kinds
    for page in pages:
        assert len(set(page.ids)) == len(page.ids)
        if page.kind.startswith("nocable"):
            assert page.truth == []
        elif page.kind.startswith(("multi", "stitched")):
            assert len(page.truth) >= 2
        else:
            assert len(page.truth) == 1
        if page.kind == "excerpt3":
            assert len(page.truth[0].kept) == 3 and page.truth[0].dropped == ()
        if page.html:
            assert page.text.startswith("<!DOCTYPE html>") and "commentform" in page.text
            assert all(t.input_span is None for t in page.truth)


def test_cable_text_is_the_librarys(pool: pagegen.Pool) -> None:
    """Truth line numbers are lines of the text the library stores."""
    records = pagegen.load_records(CORPUS)
    partial = [r for r in records if r["header"].startswith(pagegen.PARTIAL_EXTRACT)][:20]
    for record in records[:200:7] + partial:
        document = record_document(record, None, 1)
        assert document is not None
        assert pagegen.cable_text(record) == document.text
        header_lines = int(document.metadata["header_lines"])
        assert pagegen.header_line_count(record) == header_lines


def _expected_words(cable: pagegen.Cable, lines: tuple[int, ...]) -> list[str | None]:
    """The words the page must hold for these cable lines; None where a forger may renumber."""
    out: list[str | None] = []
    for n in lines:
        words = pagegen.norm_words(cable.lines[n - 1])
        if words and _NUMBER.match(words[0]) and pagegen._NUMBERED.match(cable.lines[n - 1]):
            words[0] = None  # type: ignore[call-overload]
        out.extend(words)
    return out


def _find(stream: list[str], expected: list[str | None]) -> int:
    """Where ``expected`` runs contiguously in ``stream`` (None matches any word); -1 if nowhere."""
    for start in range(len(stream) - len(expected) + 1):
        if all(e is None or stream[start + k] == e for k, e in enumerate(expected)):
            return start
    return -1


def test_truth_is_consistent(pool: pagegen.Pool, pages: list[pagegen.Page]) -> None:
    """Kept lines are on the page, in order, with nothing between them: so every dropped
    line inside the span is absent at its place; kept + dropped = the span's content lines."""
    by_id = {c.reference_id: c for c in pool.cables}
    checked = 0
    for page in pages:
        visible = pagegen.visible_text(page)
        page_lines = visible.split("\n")
        stream = pagegen.norm_words(
            "\n".join(x for x in page_lines if not pagegen._PAGE_BREAK.match(x))
        )
        kept_words = [
            w
            for t in page.truth
            for n in t.kept
            for w in pagegen.norm_words(by_id[t.reference_id].lines[n - 1])
        ]
        for truth in page.truth:
            cable = by_id[truth.reference_id]
            first, last = truth.cable_span
            assert first == truth.kept[0] and last >= truth.kept[-1]
            if last > truth.kept[-1]:  # a lost sign-off: nothing but short lines after the copy
                tail = range(truth.kept[-1] + 1, len(cable.lines) + 1)
                assert all(
                    len(cable.lines[n - 1].split()) <= 2
                    for n in tail
                    if cable.kinds[n - 1] == pagegen.CONTENT
                )
            content = {
                n
                for n in range(first, last + 1)
                if cable.kinds[n - 1] == pagegen.CONTENT and pagegen.is_content(cable.lines[n - 1])
            }
            assert set(truth.kept) | set(truth.dropped) == content, page.name
            assert not set(truth.kept) & set(truth.dropped)
            expected = _expected_words(cable, truth.kept)
            assert _find(stream, expected) >= 0, (page.name, truth.reference_id)
            for n in truth.dropped:  # a dropped line is on the page only as another line
                words = pagegen.norm_words(cable.lines[n - 1])
                if len(words) >= 6 and _find(stream, words) >= 0:
                    assert _find(kept_words, words) >= 0, (page.name, n, cable.lines[n - 1])
            if truth.input_span is not None:
                a, b = truth.input_span
                span = [x for x in page_lines[a - 1 : b] if not pagegen._PAGE_BREAK.match(x)]
                assert _find(pagegen.norm_words("\n".join(span)), expected) == 0
                assert len(pagegen.norm_words("\n".join(span))) == len(expected)
            checked += 1
    assert checked > 150


def test_pages_without_cables_hold_no_cable_line(
    pool: pagegen.Pool, pages: list[pagegen.Page]
) -> None:
    nocable = [p for p in pages if p.kind.startswith("nocable")]
    assert len(nocable) >= 12
    for page in nocable:
        for line in pagegen.visible_text(page).split("\n"):
            key = pagegen.norm_key(line)
            assert not key or key not in pool.lines, (page.name, line)


def test_web_copy_rules(pool: pagegen.Pool) -> None:
    """The seed page's rules: SIPDIS, TAGS, SUBJECT, one-word lines and underlines go."""
    import random

    cable = next(c for c in pool.cables if c.reference_id == "09MOSCOW1488")
    style = pagegen.Style(1.0, 1.0, 0.0, 0.0, 0.0, "lines", 70, False, False)
    made = pagegen.copy_cable(
        random.Random(1), cable, cable.body_start, len(cable.lines) - 1, style
    )
    assert made is not None
    text = "\n".join(made.render())
    assert "SIPDIS" not in text and "TAGS:" not in text and "SUBJECT:" not in text
    assert "-----" not in text and "MOSCOW 00001488  002 OF 002" not in text
    assert "Behaved Like an Old Friend" in text
    dropped = [cable.lines[n - 1].strip() for n in made.dropped]
    assert "communities." in dropped and "SIPDIS" in dropped
    assert "TAGS: PGOV PREL IR IS SY GG RS" in dropped
    assert "Syria" in dropped
    assert made.kept[0] == cable.body_start + 1  # the classification line
