"""Build ``src/cablekit/extract/data/known_people.txt``: surnames a cable may give alone.

A bare surname ("Musharraf said", "talks with Sarkozy") is a person's name only with
evidence; this list is that evidence for people the cables of the era name again and
again. A surname is listed when the extractor finds it, as the last word of a full name
given with a title ("President Pervez Musharraf"), in at least ``--min-cables`` cables of
the corpus. Left out: the hand-annotated cables of ``tests/fixtures/entities-gold`` and
``entities-unseen`` (so their figures still measure cables the list never saw), words
that are also common English words, places or demonyms (or whose full name is a place),
words the corpus also writes in lower case ("Green", "Rice": 5 % of the time or more),
given names as often as surnames ("Mohammed"), words the extractor finds in people's names
less than half the times they are written ("Ford", "Bell": firms), and anything not
written as a capitalised word.

    .venv/bin/python tools/build_known_people.py ../shared/corpus/cables-dev.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "cablekit" / "extract" / "data" / "known_people.txt"
_WORD = re.compile(r"[A-Za-z]+")
# the share of a word's occurrences that must be in people's names: "Ford" and "Bell" are
# written far more often as firms ("a Ford van", "Bell helicopters") than as people
MIN_IN_PEOPLE = 0.5
GOLD_DIRS = (
    ROOT / "tests" / "fixtures" / "entities-gold",
    ROOT / "tests" / "fixtures" / "entities-unseen",
)


def annotated_ids() -> set[str]:
    """The reference ids of the hand-annotated cables (never read by the build)."""
    return {p.stem for d in GOLD_DIRS for p in d.glob("*.json")}


def known_surnames(
    records: Iterable[dict[str, str]], *, min_cables: int = 3, exclude: set[str] = frozenset()
) -> list[tuple[str, str, int]]:
    """(surname, its most frequent full name, cables) for the surnames that qualify,
    most cables first. ``records``: corpus records (``id``, ``header``, ``body``)."""
    from cablekit import parse_cable
    from cablekit.extract import extract_entities
    from cablekit.extract.lexicon import lexicon

    cables: dict[str, set[str]] = defaultdict(set)
    full: dict[str, Counter[str]] = defaultdict(Counter)
    written: Counter[str] = Counter()  # how often each word is written, as written
    first: Counter[str] = Counter()  # how often a word begins a full name
    in_people: Counter[str] = Counter()  # how often a word is written in a person's mention
    for record in records:
        ref = record["id"]
        if ref in exclude:
            continue
        written.update(_WORD.findall(record["body"]))
        cable = parse_cable(f"{record.get('header', '')}\n{record['body']}", ref)
        for person in extract_entities(cable).people:
            words = person.name.split()
            if len(words) > 1 or person.titles:  # not a bare name this very list found
                for mention in person.mentions:
                    in_people.update(set(_WORD.findall(mention.text)))
            if len(words) < 2 or not person.titles:
                continue
            cables[words[-1]].add(ref)
            full[words[-1]][person.name] += 1
            first[words[0]] += 1
    lex = lexicon()
    out = []
    for surname, refs in cables.items():
        low = surname.casefold()
        if (
            len(refs) < min_cables
            or len(surname) < 4
            or not (surname[0].isupper() and surname[1:].islower() and surname.isalpha())
            or low in lex.common
            or low in lex.places
            or f"the {low}" in lex.places  # "Hague": The Hague
            or surname in lex.demonyms
            or written[surname.lower()] >= max(3, 0.05 * written[surname])
            or first[surname] * 2 >= sum(full[surname].values())
            or in_people[surname] < MIN_IN_PEOPLE * written[surname]
        ):
            continue  # "Green", "Rice", "Discusses": written in lower case too
        name = full[surname].most_common(1)[0][0]
        if name.casefold() in lex.places:
            continue  # "Buenos Aires" read as a name
        out.append((surname, name, len(refs)))
    out.sort(key=lambda s: (-s[2], s[0]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path, help="JSON Lines (.gz) of corpus records")
    ap.add_argument("--min-cables", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    opener = gzip.open if args.corpus.suffix == ".gz" else open
    with opener(args.corpus, "rt", encoding="utf-8") as fh:
        records = (json.loads(line) for line in fh)
        rows = known_surnames(records, min_cables=args.min_cables, exclude=annotated_ids())
    lines = [
        "# Surnames a cable may give alone: built by tools/build_known_people.py from",
        f"# {args.corpus.name} (the hand-annotated cables left out), surnames named in full",
        f"# with a title in at least {args.min_cables} cables. surname|full name|cables",
        *(f"{s}|{name}|{n}" for s, name, n in rows),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows):,} surnames -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
