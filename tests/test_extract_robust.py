"""Extraction never raises and stays fast on hostile input."""

from __future__ import annotations

import time

import pytest

from cablekit import parse_cable
from cablekit.extract import extract_entities
from cablekit.model import Cable

INPUTS = [
    "",
    "\x00\x01\xff" * 50,
    "SUBJECT:",
    "SUBJECT: X\n" + "FM " * 2000,
    "SUBJECT: X\n" + "A" * 20000,
    "SUBJECT: X\n" + ("Ministry " * 300) + "\n" + "  \n" * 300,
    "SUBJECT: X\n" + ("THE MINISTRY OF    FOREIGN   AFFAIRS    " * 200),
    "SUBJECT: X\n" + ('"' * 500) + "(ABC) (" * 200,
]


@pytest.mark.parametrize("text", INPUTS)
def test_never_raises_and_is_bounded(text: str) -> None:
    t = time.perf_counter()
    ents = extract_entities(parse_cable(text))
    assert time.perf_counter() - t < 0.5
    assert isinstance(ents.to_dict()["people"], list)


def test_empty_cable() -> None:
    assert extract_entities(Cable()).to_dict()["people"] == []
