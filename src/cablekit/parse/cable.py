"""Parse the text of one cable into a :class:`~cablekit.model.Cable`.

The work is split by the parts of a cable, each in its own module:

* ``routing``   – the transmission header (VZCZC, DE, DTG, FM, TO, INFO);
* ``preamble``  – classification line, handling, E.O./DECL, TAGS, SUBJECT, REF, Classified By;
* ``body``      – page breaks, paragraphs, summary, comment, signature;
* ``reference_id`` / ``posts`` – canonical ids and the site's names of posts.

This module only decides what comes from where, and fills the gaps between
them (the year of a cable without a routing header, say) with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from cablekit.model import Cable, Routing, Source
from cablekit.parse import body as body_mod
from cablekit.parse import preamble, routing
from cablekit.parse.posts import origin_for_post
from cablekit.parse.reference_id import canonical_reference_id, make_reference_id

# E.O. 13526 replaced E.O. 12958 at the end of 2009; the two bound the year of a cable.
_EO_YEARS = {"12958": (1995, 2010), "13526": (2009, 2011)}
_LAST_YEAR = 2011  # the newest cables of the release are from early 2010
_CLASSIFICATION_WINDOW = 60  # non-blank lines searched for the classification line
_CABLE_DATED = re.compile(
    r"^((?:ID:\s?\d+\s+)?Cable dated:\s?\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(\S.*)$"
)
_ID_YEAR = re.compile(r"^(\d\d)[A-Z]")
_ID_STATION = re.compile(r"^\d\d([A-Z]+?)\d+$")


def parse_cable(
    text: str,
    reference_id: str | None = None,
    *,
    metadata: Mapping[str, str] | None = None,
    source: Source | None = None,
) -> Cable:
    """Parse the text of one cable (routing header optional; no segmentation).

    A ``reference_id`` known from the source (or ``metadata`` from a source that
    states it, such as the Cablegate site's table) gives the year and post that
    bare references like ``REF: TBILISI 1605`` need, and takes precedence over
    what the text implies.
    """
    meta = dict(metadata or {})
    if reference_id is None:
        reference_id = meta.get("reference_id")
    warnings: list[str] = []
    lines = text.splitlines()
    if "Cable dated:" in text:  # what ``_unglue_caption`` looks for, in one C-level scan
        lines = _unglue_caption(lines)

    start = routing.split_header(lines)
    info = routing.parse_header(lines[:start]) if start else None
    body_lines = lines[start:]
    body_text = "\n".join(body_lines)

    # Re-keyed copies put dump metadata or a second routing block above the text.
    cline = preamble.parse_classification_line(body_lines, window=_CLASSIFICATION_WINDOW)
    if cline is not None and cline.serial is None:
        # A bare "CONFIDENTIAL" (a caption, a dump's column) may stand above the real line.
        fuller = preamble.parse_classification_line(
            body_lines, start=cline.index + 1, window=_CLASSIFICATION_WINDOW
        )
        if fuller is not None and fuller.serial is not None:
            fuller.handling = fuller.handling + [
                h for h in cline.handling if h not in fuller.handling
            ]
            cline = fuller
    eo, declassify_on = preamble.parse_declassification(body_text)
    classified_by = preamble.parse_classified_by(body_text)

    # -- reference id and year ------------------------------------------------
    year: int | None = None
    if reference_id:
        reference_id = canonical_reference_id(reference_id)
        m = _ID_YEAR.match(reference_id)
        if m:
            year = _four_digit_year(int(m.group(1)))
    if year is None and info is not None and info.year:
        year = info.year
    year_inferred = False
    if year is None:
        year = _infer_year(
            body_text, eo, declassify_on, classified_by.reasons if classified_by else []
        )
        if year is not None:
            year_inferred = True
            warnings.append(
                f"year {year} inferred from the declassification date "
                f"{declassify_on} (no routing header)"
            )
    if not reference_id and year is not None:
        if cline and cline.post and cline.serial:
            reference_id = _canonical(make_reference_id(year, cline.post, cline.serial))
        elif info and info.station and info.serial:
            # The DE line's message number has four digits only: right below 10000.
            reference_id = _canonical(make_reference_id(year, info.station, info.serial))
            if reference_id:
                warnings.append(
                    "reference id taken from the routing header (no classification line)"
                )

    # -- created, origin, classification --------------------------------------
    created = meta.get("created") or (info.created if info else None)
    if created is None and year is not None:
        created = str(year)
        if not year_inferred:
            warnings.append("creation date unknown: only the year is given")
    origin = meta.get("origin") or (info.origin if info else None)
    if origin is None:
        if cline and cline.post:
            origin = origin_for_post(cline.post)
        if origin is None and reference_id:
            m = _ID_STATION.match(reference_id)
            if m:
                origin = origin_for_post(m.group(1))
    classification = meta.get("classification") or _with_routing_level(
        preamble.site_classification(body_text, cline), lines[:start]
    )

    # -- preamble fields ------------------------------------------------------
    references = preamble.parse_references(body_text, year=year, reference_id=reference_id)
    prep = body_mod.prepare(body_text, body_lines)  # body_lines has no "\n" (splitlines)
    paragraphs = body_mod.paragraphs_of(prep, first_line=start + 1)
    warnings.extend(body_mod.truncation_warnings(paragraphs))

    return Cable(
        reference_id=reference_id,
        created=created,
        origin=origin,
        classification=classification,
        handling=preamble.parse_handling(body_text, cline),
        precedence=info.precedence if info else None,
        routing=info.routing if info else Routing(),
        section_count=cline.section_count if cline else None,
        tags=preamble.parse_tags(body_text),
        subject=preamble.parse_subject(body_text),
        references=references,
        classified_by=classified_by,
        declassify_on=declassify_on,
        eo=eo,
        paragraphs=paragraphs,
        summary=body_mod.summary_of(prep),
        comment=body_mod.comment_of(prep),
        signature=body_mod.signature_of(prep),
        body=body_mod.clean_body_of(prep),
        text=text,
        source=source or Source(),
        warnings=warnings,
    )


def _unglue_caption(lines: list[str]) -> list[str]:
    """Split ``Cable dated:2006-06-08T06:52:00S E C R E T ...`` (re-keyed copies) in two."""
    for i, line in enumerate(lines[:_CLASSIFICATION_WINDOW]):
        m = _CABLE_DATED.match(line) if line.startswith(("Cable", "ID:")) else None
        if m:
            return lines[:i] + [m.group(1), m.group(2)] + lines[i + 1 :]
    return lines


_ZNY = re.compile(r"^ZN[YR] ([CSU])\1{4}\b")
_ZNY_LEVELS = {"C": "CONFIDENTIAL", "S": "SECRET", "U": "UNCLASSIFIED"}


def _with_routing_level(classification: str | None, header: list[str]) -> str | None:
    """The level of the routing header's ``ZNY CCCCC`` line wins over a misread text.

    The transmission system set that line from the message's own classification,
    so it survives typos in the text's classification line (``CC O N F I D ...``).
    """
    level = None
    for line in header:
        m = _ZNY.match(line)
        if m:
            level = _ZNY_LEVELS[m.group(1)]
            break
    if level is None or (classification or "").startswith(level):
        return classification
    caveat = classification.partition("//")[2] if classification else ""
    if level == "UNCLASSIFIED":
        return level + "//FOR OFFICIAL USE ONLY" if caveat == "FOR OFFICIAL USE ONLY" else level
    return level + "//NOFORN" if caveat == "NOFORN" else level


def _four_digit_year(yy: int) -> int:
    return 1900 + yy if yy >= 66 else 2000 + yy


_REF_FIELD = re.compile(r"^\s*REF(?:S|TELS?)?\b", re.MULTILINE | re.IGNORECASE)
_REF_YEAR = re.compile(r"\b(\d\d) ?[A-Z][A-Z ]{1,20}? \d{1,6}\b")


def _infer_year(
    body_text: str, eo: str | None, declassify_on: str | None, reasons: list[str]
) -> int | None:
    """The likeliest year of a cable that names none, from its declassification date.

    Most cables are declassified after 10 years, some after 20, 25 or 5. The order
    cited bounds the year: E.O. 13526 replaced E.O. 12958 at the end of 2009, and the
    2003 amendment of E.O. 12958 renumbered the reasons from 1.5 to 1.4. No cable
    cites a reference younger than itself.
    """
    if not declassify_on or not declassify_on[:4].isdigit():
        return None
    decl = int(declassify_on[:4])
    lo, hi = _EO_YEARS.get(eo or "", (1966, _LAST_YEAR))
    if eo == "12958" and reasons and all(r.startswith("1.4") for r in reasons):
        lo = max(lo, 2003)  # the 1.4 numbering exists from 2003 on (1.5 lingered after)
    floor = lo
    ref = _REF_FIELD.search(body_text, 0, 3000)
    for m in _REF_YEAR.finditer(body_text, ref.end() if ref else 0, ref.end() + 600 if ref else 0):
        ref_year = _four_digit_year(int(m.group(1)))
        if lo <= ref_year <= hi:
            floor = max(floor, ref_year)
    for offset in (10, 20, 25, 5, 15, 30):
        candidate = decl - offset
        if floor <= candidate <= hi:
            # The DECL date is most often the day of writing, moved on by whole years.
            # A past event dated after that day means the cable is a year younger.
            written = (candidate, int(declassify_on[5:7]) if declassify_on[5:7].isdigit() else 12)
            if candidate + 1 <= hi and _latest_past_event(body_text) > written:
                return candidate + 1
            return candidate
    return None


_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "January February March April May June July August September October November December"
        ).split(),
        1,
    )
}
# "met in November 2009", "was signed on March 3, 2010": a date, after a verb in the past.
_DATE_MENTION = re.compile(
    r"\b(?:in|on|since)\s+(" + "|".join(_MONTHS) + r")\s+(?:\d{1,2},\s+)?(\d{4})\b"
)
_PAST_VERB_BEFORE = re.compile(
    r"(?<!be )(?<!been )\b(?:met|held|took place|visited|signed|began|ended|occurred|"
    r"announced|travell?ed|returned|arrived|launched|opened|adopted|elected|passed|released)"
    r"\b[^.;]{0,30}$"
)


def _date_mentions(text: str) -> Iterator[re.Match[str]]:
    """``_DATE_MENTION.finditer(text)``, tried only where a match can begin.

    The pattern begins with ``\\b`` and three words, so ``finditer`` would try it at
    every position of the text. A match is ``in``/``on``/``since``, blanks and a month
    name: the starts are found from the month names (a fast ``find`` each), and tried
    in order as ``finditer`` would, the next one after the end of the last match.
    """
    starts: set[int] = set()
    for month in _MONTHS:
        p = text.find(month)
        while p >= 0:
            w = p
            while w > 0 and text[w - 1].isspace():
                w -= 1
            if w < p:
                for word in ("in", "on", "since"):
                    begin = w - len(word)
                    if begin >= 0 and text.startswith(word, begin):
                        starts.add(begin)
            p = text.find(month, p + 1)
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        m = _DATE_MENTION.match(text, start)
        if m:
            yield m
            end = m.end()


def _latest_past_event(body_text: str) -> tuple[int, int]:
    latest = (0, 0)
    for m in _date_mentions(body_text):
        before = body_text[max(0, m.start() - 50) : m.start()].replace("\n", " ")
        if _PAST_VERB_BEFORE.search(before):
            latest = max(latest, (int(m.group(2)), _MONTHS[m.group(1)]))
    return latest


def _canonical(reference_id: str | None) -> str | None:
    return canonical_reference_id(reference_id) if reference_id else None
