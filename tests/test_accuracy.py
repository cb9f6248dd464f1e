"""The parsing quality gate: every cable of the dev corpus against the site's metadata.

The figures are pinned in ``tests/floors.json`` ("parse"). A figure that falls
below its floor fails the suite; a figure that rises should have its floor
raised in the same commit, so accuracy can only go up.
"""

from __future__ import annotations

import pytest

from cablekit import canonical_reference_id, parse_cable

NO_HEADER = "This record is a partial extract"


def _has_routing_header(record: dict) -> bool:
    return bool(record["header"].strip()) and not record["header"].startswith(NO_HEADER)


# What is compared: the record's field, and how cablekit's value is read for it.
_FIELDS = {
    "id": ("id", lambda c: c.reference_id),
    "classification": ("classification", lambda c: c.classification),
    "origin": ("origin", lambda c: c.origin),
    "created": ("created", lambda c: (c.created or "")[:10]),
}
# Each group: the text parsed, which records count, and the fields scored.
_GROUPS = {
    "": ("header+body", lambda r: r["header"].startswith("VZCZC"), _FIELDS),
    "press_": (
        "header+body",  # the site's early press format: a short routing block, reflowed text
        lambda r: _has_routing_header(r) and not r["header"].startswith("VZCZC"),
        {k: _FIELDS[k] for k in ("id", "classification", "created")},
    ),
    "body_": (
        "body",  # the body alone, as a copy without its routing header
        lambda r: True,
        {k: _FIELDS[k] for k in ("id", "classification", "origin")},
    ),
}
FIELDS = [prefix + name for prefix, (_, _, fields) in _GROUPS.items() for name in fields]


@pytest.fixture(scope="session")
def measured(corpus: list[dict]) -> dict[str, float]:
    """Parse header + body, and body alone, of every record; score against the site."""
    hits = dict.fromkeys(FIELDS, 0)
    totals = dict.fromkeys(_GROUPS, 0)
    misses: dict[str, list[str]] = {k: [] for k in FIELDS}
    for record in corpus:
        # The site kept some malformed ids (08SCTION02OF02SAOPAULO335, 09EFTOLONDON2187):
        # a parser is right when it names the same cable, in canonical form.
        want = {
            **record,
            "id": canonical_reference_id(record["id"]),
            "created": record["created"][:10],
        }
        for prefix, (what, counts, fields) in _GROUPS.items():
            if not counts(record):
                continue
            totals[prefix] += 1
            text = record["body"] if what == "body" else record["header"] + "\n" + record["body"]
            cable = parse_cable(text)
            for name, (key, read) in fields.items():
                got = read(cable)
                if got == want[key]:
                    hits[prefix + name] += 1
                elif len(misses[prefix + name]) < 5:
                    misses[prefix + name].append(f"{record['id']}: {got!r}")
    figures = {
        prefix + name: round(hits[prefix + name] / totals[prefix], 4)
        for prefix, (_, _, fields) in _GROUPS.items()
        for name in fields
    }
    print(f"\nparse accuracy on {len(corpus)} records ({totals}): {figures}")
    for key, examples in misses.items():
        if examples:
            print(f"  {key} misses, e.g.: {examples}")
    return figures


@pytest.mark.parametrize("field", FIELDS)
def test_accuracy_is_not_below_its_floor(measured: dict, floors: dict, field: str) -> None:
    assert measured[field] >= floors["parse"][field], (
        f"{field}: {measured[field]:.4f} fell below its floor {floors['parse'][field]}"
    )


def test_issue_targets_are_met(measured: dict) -> None:
    """The bar of the parse issue, for cables that carry a routing header.

    Classification is held to its floor only (99.1 % measured): in the remaining
    0.9 % the site's metadata contradicts the cable's own classification line and
    caveats (CONFIDENTIAL cables with SENSITIVE listed as CONFIDENTIAL//NOFORN in
    some years but not others; NOFORN on the line but not in the listing), and
    fitting those would be fitting this corpus, not the grammar of cables.
    """
    for field in ("id", "created"):
        assert measured[field] >= 0.995, (field, measured[field])
    assert measured["origin"] >= 0.95, measured["origin"]


def test_tags_match_the_site_pages(cablegate_pages: list[tuple[dict, str]]) -> None:
    """TAGS as the Cablegate site linked them, for every page of the HTML sample.

    The site linked the tags of the TAGS line's first line only; where the field runs
    on to a second line (09CARACAS26: ``... PARM`` / ``EMIN, EINV, VE``) cablekit also
    reads the rest, so the site's list must be where cablekit's begins.
    """
    from cablekit.parse.preamble import parse_tags

    checked = exact = 0
    differ = []
    for meta, text in cablegate_pages:
        if not meta["tags"]:
            continue
        checked += 1
        ours = parse_tags(text)
        exact += ours == meta["tags"]
        if ours[: len(meta["tags"])] != meta["tags"]:
            differ.append((meta["reference_id"], ours, meta["tags"]))
    print(f"\nTAGS: {exact}/{checked} exactly as the site, {len(differ)} differ: {differ}")
    assert checked >= 100
    # Known difference: cablekit keeps keyword phrases whole ("GOI EXTERNAL"), as
    # cablemap's tests expect, where the site linked each word.
    assert len(differ) <= 0.02 * checked
    assert exact >= 0.95 * checked


def test_subjects_match_the_hand_checked_set(corpus: list[dict], floors: dict) -> None:
    """SUBJECT of 30 random cables, each checked by eye against the text."""
    import json
    from pathlib import Path

    gold = json.loads(
        (Path(__file__).parent / "fixtures" / "subjects-gold.json").read_text(encoding="utf-8")
    )["subjects"]
    by_id = {r["id"]: r for r in corpus}
    right = 0
    for ref, subject in gold.items():
        record = by_id[ref]
        got = parse_cable(record["header"] + "\n" + record["body"]).subject
        right += got == subject
    share = right / len(gold)
    print(f"\nsubject: {right}/{len(gold)} as read by eye")
    assert share >= floors["parse"]["subject_gold"]
