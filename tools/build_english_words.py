"""Build ``src/cablekit/extract/data/english_words.txt.gz``: words English writes only in
lower case.

Two or more capitalised words with no title are taken for a name by the people scan;
when every one of them is a word a dictionary writes only in lower case ("Plastic
Sheeting", "Animal Husbandry", "Blue Lantern", "Occupational Safety"), they are a thing's,
a programme's or a headline's words in Title Case. A word the dictionary also lists
capitalised (a given name or surname: "Bill", "Rice", "Burns", "Gates") is not listed.

The source is SCOWL's American English list as Debian ships it (package ``wamerican``,
``/usr/share/dict/american-english``; ``apt-get download wamerican`` and ``dpkg-deb -x``
give the file without installing it). Words with an apostrophe and words of one or two
letters are left out. SCOWL's notice is kept at the head of the output.

    python tools/build_english_words.py /usr/share/dict/american-english
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "cablekit" / "extract" / "data" / "english_words.txt.gz"

NOTICE = """\
# Words English writes only in lower case, from SCOWL (Spell Checker Oriented Word Lists)
# as Debian's wamerican package ships it; built by tools/build_english_words.py.
# Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and
# sell these word lists, the associated scripts, the output created from the scripts, and
# its documentation for any purpose is hereby granted without fee, provided that the above
# copyright notice appears in all copies and that both that copyright notice and this
# permission notice appear in supporting documentation. Kevin Atkinson makes no
# representations about the suitability of this array for any purpose. It is provided
# "as is" without express or implied warranty.
"""


def lower_only(words: list[str]) -> list[str]:
    """The words listed only in lower case, sorted."""
    lower = {w for w in words if w.islower()}
    capitalised = {w.lower() for w in words if w and not w.islower()}
    return sorted(w for w in lower - capitalised if "'" not in w and len(w) > 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a SCOWL word list, one word a line")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    words = args.source.read_text(encoding="utf-8").splitlines()
    out = lower_only(words)
    # mtime=0: the same list gives the same bytes
    data = gzip.compress((NOTICE + "\n".join(out) + "\n").encode("utf-8"), mtime=0)
    args.out.write_bytes(data)
    print(f"{len(out):,} words -> {args.out}")


if __name__ == "__main__":
    main()
