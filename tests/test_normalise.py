"""normalise_text: the reading form of cable quirks, without damaging real text."""

from __future__ import annotations

import pytest

from cablekit.parse.normalise import normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the system's ``,s`` apostrophe (real corpus spellings)
        ("President Aliyev,s advisers", "President Aliyev's advisers"),
        ("Visit Canada,s Economy and Energy blog", "Visit Canada's Economy and Energy blog"),
        ("NEA - Lebanon - Al-Qa,ida affiliate", "NEA - Lebanon - Al-Qa,ida affiliate"),
        ("cars,ships and planes", "cars,ships and planes"),
        # ``)`` used as a dash (09 corpus: ``coordinating body ) it does``)
        (
            "MC is a coordinating body ) it does not have the",
            "MC is a coordinating body -- it does not have the",
        ),
        ("Patents ) No Recovery Expected", "Patents -- No Recovery Expected"),
        # real parentheses survive
        ("2. (C) The (b) option ) as noted", "2. (C) The (b) option -- as noted"),
        ("(the FLNC ) Union", "(the FLNC ) Union"),
        ("over 5000 active members) told poloff", "over 5000 active members) told poloff"),
        # doubled quotes
        ('""THIS WILL BE A HISTORIC STEP,"" HE ADDED', '"THIS WILL BE A HISTORIC STEP," HE ADDED'),
        # entities and spaces
        ("AT&amp;T and&#x000A;more", "AT&T and\nmore"),
        ("two  spaces   here", "two spaces here"),
        ("reasons 1.4 (b) and (d)", "reasons 1.4 (b) and (d)"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize("bad", ["", "\x00\x01", ")))", " ) ) ) ", "&#99999999;", ",s,s,s"])
def test_never_raises(bad: str) -> None:
    assert isinstance(normalise_text(bad), str)


def test_non_string_gives_empty() -> None:
    assert normalise_text(None) == ""  # type: ignore[arg-type]


def test_long_input() -> None:
    s = "word ) word (x " * 20000
    normalise_text(s)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tab\t\tand  spaces", "tab and spaces"),
        ("single\ttab stays", "single\ttab stays"),
        ("no-break\u00a0 space", "no-break space"),
        ("caf\u00e9  au lait", "caf\u00e9 au lait"),
        ("Canada,s,s", "Canada's's"),
    ],
)
def test_blanks_and_apostrophes(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected
