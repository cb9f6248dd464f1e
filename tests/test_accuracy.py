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


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 1.0


@pytest.fixture(scope="session")
def measured(corpus: list[dict]) -> dict[str, float]:
    """Parse header + body, and body alone, of every record; score against the site."""
    hits = dict.fromkeys(
        [
            "id",
            "classification",
            "created",
            "origin",
            "body_id",
            "body_classification",
            "body_origin",
            "press_id",
            "press_classification",
            "press_created",
        ],
        0,
    )
    with_header = press = 0
    misses: dict[str, list[str]] = {k: [] for k in hits}

    def score(key: str, ok: bool, record: dict, got: object) -> None:
        if ok:
            hits[key] += 1
        elif len(misses[key]) < 5:
            misses[key].append(f"{record['id']}: {got!r}")

    for record in corpus:
        # The site kept some malformed ids (08SCTION02OF02SAOPAULO335, 09EFTOLONDON2187):
        # a parser is right when it names the same cable, in canonical form.
        record = {**record, "id": canonical_reference_id(record["id"])}
        body_only = parse_cable(record["body"])
        score("body_id", body_only.reference_id == record["id"], record, body_only.reference_id)
        score(
            "body_classification",
            body_only.classification == record["classification"],
            record,
            body_only.classification,
        )
        score("body_origin", body_only.origin == record["origin"], record, body_only.origin)
        if not _has_routing_header(record):
            continue
        cable = parse_cable(record["header"] + "\n" + record["body"])
        created_ok = (cable.created or "")[:10] == record["created"][:10]
        if record["header"].startswith("VZCZC"):
            with_header += 1
            score("id", cable.reference_id == record["id"], record, cable.reference_id)
            score(
                "classification",
                cable.classification == record["classification"],
                record,
                cable.classification,
            )
            score("created", created_ok, record, cable.created)
            score("origin", cable.origin == record["origin"], record, cable.origin)
        else:  # the site's early press format: a short routing block, reflowed text
            press += 1
            score("press_id", cable.reference_id == record["id"], record, cable.reference_id)
            score(
                "press_classification",
                cable.classification == record["classification"],
                record,
                cable.classification,
            )
            score("press_created", created_ok, record, cable.created)

    n = len(corpus)
    figures = {
        "id": _share(hits["id"], with_header),
        "classification": _share(hits["classification"], with_header),
        "created": _share(hits["created"], with_header),
        "origin": _share(hits["origin"], with_header),
        "press_id": _share(hits["press_id"], press),
        "press_classification": _share(hits["press_classification"], press),
        "press_created": _share(hits["press_created"], press),
        "body_id": _share(hits["body_id"], n),
        "body_classification": _share(hits["body_classification"], n),
        "body_origin": _share(hits["body_origin"], n),
    }
    print("\nparse accuracy on", n, "records,", with_header, "with a routing header:", figures)
    for key, examples in misses.items():
        if examples:
            print(f"  {key} misses, e.g.: {examples}")
    return figures


@pytest.mark.parametrize(
    "field",
    [
        "id",
        "classification",
        "created",
        "origin",
        "press_id",
        "press_classification",
        "press_created",
        "body_id",
        "body_classification",
        "body_origin",
    ],
)
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
