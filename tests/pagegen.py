"""Test pages: real cables copied the way the web copies them, with ground truth.

A blog or news site that republishes a cable loses its routing header, SIPDIS,
TAGS and SUBJECT, headings, one-word lines (signatures, the last word of a
paragraph), dash underlines and page-break lines, and now and then a random
line; it takes excerpts, reflows paragraphs and re-wraps them, curls quotes,
puts several cables on one page between its own commentary, wraps it all in
HTML with navigation and a comment form. Some pages hold no cable at all, and
some are fakes stitched from paragraphs of several cables.

Ground truth is kept at the level of the original cable's lines (1-based lines
of the text the library stores: routing header + body, or the body alone): the
generator only ever drops whole lines, so each content line of a cable is either
*kept* (all its words are on the page, in order, at that place, however re-wrapped)
or *dropped* (none of them is). A cable's span is its first to its last kept line,
or to the end of the cable when a copy that ran to the end lost only the sign-off
(see ``signoff_end``); ``dropped`` lists the content lines inside the span that did
not make it. Blank
lines, page-break lines (``MOSCOW 00001488  002 OF 002``) and dash underlines are
never content, so never dropped.

Deterministic: everything is drawn from one seeded ``random.Random`` over lists
sorted by reference id.
"""

from __future__ import annotations

import functools
import gzip
import html
import json
import random
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PARTIAL_EXTRACT = "This record is a partial extract of the original cable"

# -- text normalisation (independent of cablekit's own) ------------------------------------

_WORD = re.compile(r"[a-z0-9]+")
# Bytes to the characters of ``norm_key`` (fast path for the whole corpus).
_KEY_BYTES = bytes(
    c if chr(c) in "0123456789abcdefghijklmnopqrstuvwxyz\n" else (c + 32 if 65 <= c <= 90 else 32)
    for c in range(256)
)


def _fold(text: str) -> str:
    """Straight quotes, lower case (``str.translate`` is slow on long texts)."""
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return text.lower()


def norm_words(text: str) -> list[str]:
    """Lower-case alphanumeric words: what survives curling, re-wrapping and spacing.

    ``Aliyev,s`` (the cable system's apostrophe) and ``Aliyev’s`` both give
    ``aliyev s``.
    """
    return _WORD.findall(_fold(text))


def norm_key(line: str) -> str:
    return " ".join(norm_words(line))


# -- the cable text and its lines ---------------------------------------------------------

_PAGE_BREAK = re.compile(r"^\s*[A-Z][A-Z .'/-]{1,40}?\s+\d{5,9}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$")
_UNDERLINE = re.compile(r"^\s*[-=_~ ]*[-=_~]{3}[-=_~ ]*$")
_FIELD = re.compile(
    r"^\s*(?:TAGS|SUBJECT|SUBJ|REF|REFS|Ref|CLASSIFIED|Classified|E\.\s?O\.|EO\b|\d+\.|\(|"
    r"SUMMARY|Summary|[A-Z]\.\s)"
)
_TAGS_OR_SUBJECT = re.compile(r"^\s*(?:TAGS|SUBJECT|SUBJ)\b")
_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s")

BLANK, PAGE_BREAK, UNDERLINE, HEADER, CONTENT = (
    "blank",
    "page_break",
    "underline",
    "header",
    "content",
)


def cable_text(record: dict) -> str:
    """The text the library stores for a corpus record: header + "\\n" + body, or the body.

    The site's "partial extract" sentence is not a line of the cable (see
    ``cablekit.read.jsonl.cable_document``).
    """
    header, body = _header_and_body(record)
    return f"{header}\n{body}" if header else body


def _header_and_body(record: dict) -> tuple[str, str]:
    header = (record.get("header") or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if header.lstrip().startswith(PARTIAL_EXTRACT):
        header = header.lstrip().partition("\n")[2].strip("\n")
    body = (record.get("body") or "").replace("\r\n", "\n").replace("\r", "\n")
    return (header if header.strip() else ""), body


def header_line_count(record: dict) -> int:
    header, _ = _header_and_body(record)
    return header.count("\n") + 1 if header else 0


def line_kinds(lines: Sequence[str], header_lines: int) -> list[str]:
    """blank / page_break / underline / header / content for each line."""
    kinds = []
    for i, line in enumerate(lines):
        if i < header_lines:
            kinds.append(HEADER)
        elif not line.strip():
            kinds.append(BLANK)
        elif _PAGE_BREAK.match(line):
            kinds.append(PAGE_BREAK)
        elif _UNDERLINE.match(line):
            kinds.append(UNDERLINE)
        else:
            kinds.append(CONTENT)
    return kinds


def is_content(line: str) -> bool:
    """Whether a cable line counts for lost-line truth (not blank, page break or underline)."""
    return bool(line.strip()) and not _PAGE_BREAK.match(line) and not _UNDERLINE.match(line)


@dataclass
class Cable:
    """A corpus cable ready to copy."""

    reference_id: str
    origin: str
    lines: list[str]
    kinds: list[str]
    unique: list[bool]  # content line (and its paragraph) found in no other cable

    @functools.cached_property
    def roles(self) -> list[str]:
        """ "", "field" (in a TAGS or SUBJECT block), "heading" or "one_word" for each line."""
        return _roles(self.lines, self.kinds)

    @property
    def body_start(self) -> int:
        return next((i for i, k in enumerate(self.kinds) if k != HEADER), len(self.kinds))


def _roles(lines: Sequence[str], kinds: Sequence[str]) -> list[str]:
    roles = [""] * len(lines)
    first_numbered = next(
        (
            i
            for i, (line, k) in enumerate(zip(lines, kinds, strict=True))
            if k == CONTENT and _NUMBERED.match(line)
        ),
        None,
    )
    i = 0
    while i < len(lines):
        line, kind = lines[i], kinds[i]
        if kind != CONTENT:
            i += 1
            continue
        if _TAGS_OR_SUBJECT.match(line) and (first_numbered is None or i < first_numbered):
            roles[i] = "field"
            j = i + 1
            while (
                j < len(lines)
                and j <= i + 3
                and kinds[j] == CONTENT
                and not _FIELD.match(lines[j])
                and not _TAGS_OR_SUBJECT.match(lines[j])
            ):
                roles[j] = "field"
                j += 1
            i = j
            continue
        words = line.split()
        if len(words) == 1:
            roles[i] = "one_word"
        elif first_numbered is not None and i > first_numbered and len(words) <= 8:
            underlined = i + 1 < len(lines) and kinds[i + 1] == UNDERLINE
            capitals = line == line.upper() and any(c.isalpha() for c in line)
            if not _NUMBERED.match(line) and (underlined or capitals):
                roles[i] = "heading"
        i += 1
    return roles


def load_records(path: str | Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


_ODD_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


_MARKER = re.compile(r"^(?:\d{1,2}|[a-z]|u|c|s|sbu|nf|noforn)$")


def _paragraph_keys(keys: list[str], kinds: list[str]) -> list[str]:
    """For each line, the normalised text of its paragraph ("" if short or not content).

    The paragraph number and portion marking are left out, and a paragraph is
    its words, not its lines: boilerplate re-wrapped differently in two cables
    (travel warnings, "Visit our classified website") is still the same paragraph.
    """
    out = [""] * len(keys)
    i = 0
    while i < len(keys):
        if kinds[i] != CONTENT:
            i += 1
            continue
        j = i
        while j < len(keys) and kinds[j] in (CONTENT, PAGE_BREAK, UNDERLINE):
            j += 1
        words = " ".join(keys[i:j]).split()
        while words[:1] and _MARKER.match(words[0]) and len(words) > 1:
            words = words[1:]
        if len(words) >= 8:
            key = "\u00b6 " + " ".join(words)
            for k in range(i, j):
                if kinds[k] == CONTENT:
                    out[k] = key
        i = j
    return out


class Pool:
    """The cables a generator may copy, and every content line of the corpus.

    Left out: ids with two versions (which text the library shows is not this
    module's business), texts with exotic line separators, cables with little prose,
    and near-duplicates (a quarter of their longer lines found in another cable, as
    a line or as part of the same paragraph), since a copy of those cannot name one
    cable.
    """

    def __init__(self, records: Iterable[dict]) -> None:
        by_id: dict[str, list[dict]] = {}
        for record in records:
            by_id.setdefault(record["id"], []).append(record)
        # normalised line or paragraph -> the one id holding it, "" if several
        owners: dict[str, str] = {}
        parsed: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {}
        for rid in sorted(by_id):
            for record in by_id[rid]:
                text = cable_text(record)
                lines = text.split("\n")
                kinds = line_kinds(lines, header_line_count(record))
                folded = text.encode("ascii", "replace").translate(_KEY_BYTES).split(b"\n")
                keys = [
                    " ".join(f.decode().split()) if k == CONTENT else ""
                    for f, k in zip(folded, kinds, strict=True)
                ]
                paragraphs = _paragraph_keys(keys, kinds)
                if len(by_id[rid]) == 1:
                    parsed[rid] = (lines, kinds, keys, paragraphs)
                for key in keys + paragraphs:
                    if key:
                        seen = owners.get(key)
                        if seen != rid:
                            owners[key] = rid if seen is None else ""
        self.lines: frozenset[str] = frozenset(owners)
        self.cables: list[Cable] = []
        for rid in sorted(parsed):
            lines, kinds, keys, paragraphs = parsed[rid]
            record = by_id[rid][0]
            if _ODD_BREAKS.search(record.get("body") or ""):
                continue
            unique = [
                bool(key) and owners[key] == rid and (not para or owners[para] == rid)
                for key, para in zip(keys, paragraphs, strict=True)
            ]
            long_lines = [
                u
                for x, k, u in zip(lines, kinds, unique, strict=True)
                if k == CONTENT and x.count(" ") >= 4
            ]
            if len(long_lines) < 8 or long_lines.count(False) > len(long_lines) / 4:
                continue
            self.cables.append(Cable(rid, record.get("origin") or "", lines, kinds, unique))
        self.by_origin: dict[str, list[Cable]] = {}
        for cable in self.cables:
            self.by_origin.setdefault(cable.origin, []).append(cable)


# -- copying ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How one page copies its cables."""

    drop_fields: float  # TAGS / SUBJECT blocks
    drop_one_word: float
    drop_headings: float
    drop_random: float
    keep_page_breaks: float
    layout: str  # "lines" (original breaks), "reflow" (one line a paragraph), "rewrap"
    width: int
    curl: bool
    strip_trailing: bool


def random_style(rng: random.Random) -> Style:
    kind = rng.choice(["seedlike", "seedlike", "light", "heavy"])
    if kind == "seedlike":
        drops = (1.0, 1.0, 0.7, 0.02)
    elif kind == "light":
        drops = (rng.choice([0.0, 1.0]), rng.choice([0.0, 0.5]), 0.0, rng.choice([0.0, 0.03]))
    else:
        drops = (1.0, 1.0, 1.0, 0.08)
    layout = rng.choices(["lines", "reflow", "rewrap"], weights=[45, 30, 25])[0]
    return Style(
        *drops,
        keep_page_breaks=0.15 if layout == "lines" else 0.0,
        layout=layout,
        width=rng.choice([48, 60, 72, 80, 95]),
        curl=rng.random() < 0.5,
        strip_trailing=rng.random() < 0.5,
    )


@dataclass(frozen=True)
class CableTruth:
    """What a page holds of one cable (lines are 1-based lines of the cable's stored text)."""

    reference_id: str
    cable_span: tuple[int, int]  # first kept line, last kept line (or lost sign-off line)
    kept: tuple[int, ...]
    dropped: tuple[int, ...]  # content lines inside the span that the page lacks
    input_span: tuple[int, int] | None = None  # 1-based lines of the page text (text pages)


@dataclass
class Copy:
    """One cable's copy before it goes on a page."""

    reference_id: str
    paragraphs: list[list[str]]  # kept lines (as copied), grouped into paragraphs
    kept: list[int]
    dropped: list[int]
    layout: str
    width: int
    span_end: int  # last line of the span: the last kept line, or the lost sign-off's

    def render(self) -> list[str]:
        out: list[str] = []
        for paragraph in self.paragraphs:
            if out:
                out.append("")
            if self.layout == "lines":
                out.extend(paragraph)
                continue
            joined = " ".join(" ".join(line.split()) for line in paragraph)
            if self.layout == "reflow":
                out.append(joined)
            else:
                out.extend(
                    textwrap.wrap(
                        joined, self.width, break_long_words=False, break_on_hyphens=False
                    )
                )
        return out


def copy_cable(
    rng: random.Random,
    cable: Cable,
    first: int,
    last: int,
    style: Style,
    *,
    protect_ends: bool = False,
) -> Copy | None:
    """Copy lines ``first..last`` (0-based, inclusive) of a cable; None if under 3 lines kept.

    ``protect_ends`` keeps the first and last content line (an excerpt's own ends).
    """
    paragraphs: list[list[str]] = [[]]
    kept: list[int] = []
    content = [i for i in range(first, last + 1) if cable.kinds[i] == CONTENT]
    if not content:
        return None
    ends = {content[0], content[-1]} if protect_ends else set()
    for i in range(first, last + 1):
        kind, line = cable.kinds[i], cable.lines[i]
        if kind == HEADER or kind == UNDERLINE:
            continue
        if kind == BLANK:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if kind == PAGE_BREAK:
            if rng.random() < style.keep_page_breaks:
                if paragraphs[-1]:
                    paragraphs.append([])
                paragraphs[-1].append(line)
                paragraphs.append([])
            continue
        if i not in ends and _drops(rng, cable.roles[i], style):
            continue
        kept.append(i)
        paragraphs[-1].append(_copy_line(rng, line, style))
    paragraphs = [p for p in paragraphs if p]
    if len(kept) < 3:
        return None
    end = signoff_end(cable.lines, cable.kinds, kept[-1]) if last == len(cable.lines) - 1 else None
    span = range(kept[0], (kept[-1] if end is None else end) + 1)
    kept_set = set(kept)
    dropped = [i for i in span if cable.kinds[i] == CONTENT and i not in kept_set]
    return Copy(
        cable.reference_id,
        paragraphs,
        [i + 1 for i in kept],
        [i + 1 for i in dropped],
        style.layout,
        style.width,
        span[-1] + 1,
    )


def signoff_end(lines: Sequence[str], kinds: Sequence[str], last_kept: int) -> int | None:
    """The last line of the sign-off a copy that ran to the cable's end lost, if any.

    When every content line after the copy's last one has at most two words (the
    signature: ``BEYRLE``, ``CLINTON``, ``LU``), the copy reached the end of the text
    and dropped the sign-off: those lines count as lost (the issue counts the seed
    page's signatures among its 51 lost lines). Anything longer after the copy's
    end means the copy stopped early, and nothing after it is lost. 0-based.
    """
    after = [i for i in range(last_kept + 1, len(lines)) if kinds[i] == CONTENT]
    if not after or any(len(lines[i].split()) > 2 for i in after):
        return None
    return after[-1]


def _drops(rng: random.Random, role: str, style: Style) -> bool:
    if role == "field":
        return rng.random() < style.drop_fields
    if role == "one_word":
        return rng.random() < style.drop_one_word
    if role == "heading":
        return rng.random() < style.drop_headings
    return rng.random() < style.drop_random


_DQUOTE = re.compile(r'"')
_APOS = re.compile(r"(?<=\w)'(?=\w)|(?<=\w),(?=s\b)")


def _copy_line(rng: random.Random, line: str, style: Style) -> str:
    if style.curl:
        line = _APOS.sub("\u2019", line)
        opened = [False]

        def quote(_: re.Match) -> str:
            opened[0] = not opened[0]
            return "\u201c" if opened[0] else "\u201d"

        line = _DQUOTE.sub(quote, line)
        line = re.sub(r"(?<![\w\u2019])'", "\u2018", line).replace("'", "\u2019")
    if style.strip_trailing:
        line = line.rstrip()
    return line


# -- invented prose and page chrome -------------------------------------------------------

_PEOPLE = [
    "Mr Lavrov",
    "the ambassador",
    "the foreign minister",
    "Ms Clinton",
    "the envoy",
    "the president",
    "a senior official",
    "the prime minister",
    "our correspondent",
]
_PLACES = [
    "Moscow",
    "Baku",
    "Tbilisi",
    "Ankara",
    "Caracas",
    "Brasilia",
    "Cairo",
    "Kabul",
    "Islamabad",
    "Beijing",
    "Paris",
    "Madrid",
    "Mexico City",
    "Tehran",
    "Riyadh",
]
_TOPICS = [
    "the gas deal",
    "arms sales",
    "the peace talks",
    "the election",
    "energy policy",
    "the nuclear file",
    "human rights",
    "the border dispute",
    "trade ties",
    "the missile shield",
    "corruption",
    "the budget crisis",
    "press freedom",
]
_TEMPLATES = [
    "The document, one of thousands released by WikiLeaks, shows how {p} viewed {t}.",
    "Readers will remember that {t} dominated the headlines in {c} that spring.",
    "It is worth reading slowly, because the tone says as much as the facts.",
    "According to the leaked memo, {p} was far less confident in private than in public.",
    "We reproduce the text below exactly as it was published, minus a few lines.",
    "Nothing in it will surprise anyone who has followed {t} closely.",
    "Still, the candour of {p} about {c} is striking.",
    "Officials in {c} declined to comment on the leak when we called on {d}.",
    "The next cable, sent a few months later, picks up the same thread.",
    "Our translation team is working on a version in three more languages.",
    "Some commentators in {c} called the revelations embarrassing; others shrugged.",
    "What follows is the full text, with our notes at the end.",
    "Analysts we spoke to on {d} said the assessment has aged remarkably well.",
    "There is a lesson here about {t} that policy makers in {c} keep forgetting.",
    "The embassy's reading of {t} differs sharply from the official line.",
    "Opposition figures seized on the memo as proof of a secret understanding.",
    "In an interview last week, {p} dismissed the whole affair as gossip.",
    "The story broke on a quiet {d} and spread across social networks within hours.",
    "Markets in {c} barely moved, though the currency dipped briefly.",
    "Police said two people were detained after a protest outside the embassy on {d}.",
    "The ministry promised a full statement, which never came.",
    "Share your thoughts on {t} in the comments below, but please keep it civil.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TITLES = [
    "Wikileaks: {c} Appreciates \u2018Limited Cooperation\u2019 on {T}",
    "Leaked cables: what {c} really thought about {t}",
    "{c} and {t}: the cables in full",
    "New WikiLeaks documents on {t}",
    "Inside the embassy: {c}, {t} and the view from the ground",
]
NAV = [
    "Home page",
    "About this blog",
    "Archives by month",
    "Contact the editors",
    "Search this site",
]
CHROME_TAIL = [
    "Share this post: Twitter Facebook Email",
    "Posted in Politics, World news | 14 Responses",
    "\u10d9\u10dd\u10db\u10d4\u10dc\u10e2\u10d0\u10e0\u10d8\u10e1"  # Georgian, as on the seed page
    " \u10d3\u10d0\u10e2\u10dd\u10d5\u10d4\u10d1\u10d0",
    "Leave a Reply. Your email address will not be published.",
    "Please log in using one of these methods to post your comment:",
    "You are commenting using your Twitter account. Log Out / Change",
    "Notify me of new posts via email.",
    "Copyright 2011 The Reader's Desk, all rights reserved.",
]


def prose(rng: random.Random, sentences: int) -> str:
    out = []
    for template in rng.sample(_TEMPLATES, sentences):
        out.append(
            template.format(
                p=rng.choice(_PEOPLE),
                t=rng.choice(_TOPICS),
                c=rng.choice(_PLACES),
                d=rng.choice(_DAYS),
            )
        )
    text = " ".join(out)
    return text[0].upper() + text[1:]


def title(rng: random.Random) -> str:
    topic = rng.choice(_TOPICS)
    return rng.choice(_TITLES).format(c=rng.choice(_PLACES), t=topic, T=topic.title())


# -- pages --------------------------------------------------------------------------------


@dataclass
class Block:
    kind: str  # "title", "prose", "cable", "chrome"
    lines: list[str]
    copy: Copy | None = None
    layout: str = "lines"


@dataclass
class Page:
    """A test page: ``text`` is what identify gets (HTML pages: pass them through the reader)."""

    name: str
    kind: str  # whole, excerpt, multi, stitched, nocable (+ "-html" when wrapped)
    text: str
    truth: list[CableTruth] = field(default_factory=list)
    html: bool = False

    @property
    def ids(self) -> list[str]:
        return [t.reference_id for t in self.truth]


def _whole(rng: random.Random, cable: Cable, style: Style) -> Copy | None:
    return copy_cable(rng, cable, cable.body_start, len(cable.lines) - 1, style)


def _excerpt(rng: random.Random, cable: Cable, style: Style, size: int) -> Copy | None:
    """``size`` consecutive content lines of prose, each found in no other cable.

    Lines of over 100 characters (the reflowed paragraphs of the site's press
    format) are left out: a three-line excerpt should be three printed lines.
    """
    content = [i for i, k in enumerate(cable.kinds) if k == CONTENT]
    starts = list(range(len(content) - size + 1))
    rng.shuffle(starts)
    for s in starts[:40]:
        run = content[s : s + size]
        if any(
            not cable.unique[i] or len(cable.lines[i].split()) < 4 or len(cable.lines[i]) > 100
            for i in run
        ):
            continue
        if sum(len(norm_words(cable.lines[i])) for i in run) < 8 * size:
            continue
        excerpt_style = style if size >= 6 else _no_random(style)
        made = copy_cable(rng, cable, run[0], run[-1], excerpt_style, protect_ends=True)
        if made is not None:
            return made
    return None


def _no_random(style: Style) -> Style:
    return Style(**{**style.__dict__, "drop_random": 0.0})


def _paragraph_chunk(rng: random.Random, cable: Cable, style: Style) -> Copy | None:
    """One or two numbered paragraphs of a cable (for stitched fakes)."""
    starts = [
        i
        for i, line in enumerate(cable.lines)
        if cable.kinds[i] == CONTENT and _NUMBERED.match(line)
    ]
    if len(starts) < 2:
        return None
    bounds = starts + [len(cable.lines)]
    pick = rng.randrange(len(starts))
    take = 2 if rng.random() < 0.3 and pick + 2 < len(bounds) else 1
    last = bounds[pick + take] - 1
    while last > starts[pick] and cable.kinds[last] != CONTENT:
        last -= 1
    made = copy_cable(rng, cable, starts[pick], last, _no_random(style), protect_ends=True)
    if made is None or sum(len(norm_words(p)) for para in made.paragraphs for p in para) < 30:
        return None
    return made


def _cable_block(copy: Copy) -> Block:
    return Block("cable", copy.render(), copy, copy.layout)


def _assemble(name: str, kind: str, blocks: list[Block], rng: random.Random, as_html: bool) -> Page:
    lines: list[str] = []
    truth: list[CableTruth] = []
    for block in blocks:
        if lines:
            lines.extend([""] * rng.choice([1, 1, 2]))
        start = len(lines) + 1
        lines.extend(block.lines)
        if block.copy is not None:
            c = block.copy
            truth.append(
                CableTruth(
                    c.reference_id,
                    (c.kept[0], c.span_end),
                    tuple(c.kept),
                    tuple(c.dropped),
                    None if as_html else (start, len(lines)),
                )
            )
    text = "\n".join(lines) + "\n"
    if as_html:
        text = to_html(blocks, rng)
    return Page(name, kind + ("-html" if as_html else ""), text, truth, as_html)


def to_html(blocks: list[Block], rng: random.Random) -> str:
    """A blog page: navigation, the article, a sidebar, a comment form, a footer."""
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(blocks[0].lines[0] if blocks[0].kind == 'title' else 'Blog')}</title>",
        "<style>body{font-family:serif}</style>",
        "<script>var _gaq=_gaq||[];_gaq.push(['_trackPageview']);</script></head><body>",
        '<div id="header"><nav><ul>'
        + "".join(f'<li><a href="/{i}">{esc(n)}</a></li>' for i, n in enumerate(NAV))
        + "</ul></nav></div>",
        '<div id="content"><article class="post">',
    ]
    pre = rng.random() < 0.4
    for block in blocks:
        if block.kind == "title":
            out.append(f'<h1 class="entry-title">{esc(block.lines[0])}</h1>')
        elif block.kind == "prose":
            out.extend(f"<p>{esc(line)}</p>" for line in block.lines if line)
        elif block.kind == "chrome":
            out.append(
                '<div class="sharedaddy">' + "<br>".join(esc(x) for x in block.lines) + "</div>"
            )
        elif block.layout == "lines" and pre:
            out.append("<pre>" + esc("\n".join(block.lines)) + "</pre>")
        elif block.layout == "lines":
            out.append("<blockquote>")
            para: list[str] = []
            for line in block.lines + [""]:
                if line:
                    para.append(esc(line))
                elif para:
                    out.append("<p>" + "<br>\n".join(para) + "</p>")
                    para = []
            out.append("</blockquote>")
        else:
            joined = [" ".join(p.split("\n")) for p in "\n".join(block.lines).split("\n\n")]
            out.append(
                "<blockquote>" + "".join(f"<p>{esc(p)}</p>" for p in joined if p) + "</blockquote>"
            )
    out += [
        "</article>",
        '<aside id="sidebar"><h3>Recent posts</h3><ul>'
        + "".join(f"<li><a href='/p/{i}'>{esc(title(rng))}</a></li>" for i in range(4))
        + "</ul></aside></div>",
        '<div id="comments"><h3>Leave a Reply</h3><form id="commentform" method="post">',
        '<label for="author">Name</label><input id="author" name="author">',
        '<label for="email">Email</label><input id="email" name="email">',
        '<textarea name="comment" rows="8"></textarea><button type="submit">Post Comment</button>',
        "</form></div>",
        "<footer><p>" + esc(CHROME_TAIL[-1]) + "</p></footer></body></html>",
    ]
    return "\n".join(out) + "\n"


def _commentary(rng: random.Random) -> Block:
    return Block("prose", [prose(rng, rng.randint(1, 3))])


def _chrome(rng: random.Random) -> Block:
    return Block("chrome", rng.sample(CHROME_TAIL, rng.randint(2, 5)))


def _pick(rng: random.Random, pool: Pool, n: int, same_origin: bool) -> list[Cable]:
    first = rng.choice(pool.cables)
    group = pool.by_origin.get(first.origin, []) if same_origin else pool.cables
    others = [c for c in group if c.reference_id != first.reference_id]
    if len(others) < n - 1:
        others = [c for c in pool.cables if c.reference_id != first.reference_id]
    return [first] + rng.sample(others, n - 1)


def make_page(rng: random.Random, pool: Pool, kind: str, name: str, as_html: bool = False) -> Page:
    """One page of ``kind``: whole, excerpt, excerpt3, multi, stitched or nocable."""
    for _ in range(50):
        page = _try_page(rng, pool, kind, name, as_html)
        if page is not None:
            return page
    raise RuntimeError(f"could not make a {kind} page")  # pragma: no cover


def _try_page(rng: random.Random, pool: Pool, kind: str, name: str, as_html: bool) -> Page | None:
    style = random_style(rng)
    blocks: list[Block] = []
    if rng.random() < 0.8 or as_html:
        blocks.append(Block("title", [title(rng)]))
    if kind == "nocable":
        blocks += [_commentary(rng) for _ in range(rng.randint(2, 5))]
        blocks.append(_chrome(rng))
        return _assemble(name, kind, blocks, rng, as_html)
    if kind in ("whole", "excerpt", "excerpt3"):
        cable = rng.choice(pool.cables)
        if kind == "whole":
            made = _whole(rng, cable, style)
        else:
            made = _excerpt(rng, cable, style, 3 if kind == "excerpt3" else rng.randint(4, 10))
        if made is None:
            return None
        if rng.random() < 0.6:
            blocks.append(_commentary(rng))
        blocks.append(_cable_block(made))
    elif kind == "multi":
        cables = _pick(rng, pool, rng.randint(2, 4), same_origin=rng.random() < 0.5)
        for cable in cables:
            if rng.random() < 0.5:
                made = _whole(rng, cable, style)
            else:
                made = _excerpt(rng, cable, style, rng.randint(3, 10))
            if made is None:
                return None
            blocks += [_commentary(rng), _cable_block(made)]
    elif kind == "stitched":
        cables = _pick(rng, pool, rng.randint(2, 4), same_origin=rng.random() < 0.7)
        chunks = [_paragraph_chunk(rng, cable, style) for cable in cables]
        if any(c is None for c in chunks):
            return None
        if rng.random() < 0.5:  # a forger makes the numbering run on
            for n, chunk in enumerate(chunks, 1):
                first = chunk.paragraphs[0][0]
                chunk.paragraphs[0][0] = _NUMBERED.sub(f"{n}. ", first, count=1)
        blocks += [_cable_block(c) for c in chunks]
    else:
        raise ValueError(kind)
    if rng.random() < 0.7:
        blocks.append(_chrome(rng))
    return _assemble(name, kind, blocks, rng, as_html)


# The default mix of ``generate_pages``: (kind, html, share of the pages).
MIX = [
    ("whole", False, 0.17),
    ("excerpt3", False, 0.08),
    ("excerpt", False, 0.13),
    ("multi", False, 0.15),
    ("whole", True, 0.07),
    ("excerpt", True, 0.04),
    ("multi", True, 0.06),
    ("nocable", False, 0.08),
    ("nocable", True, 0.0533),
    ("stitched", False, 0.1),
]


def generate_pages(pool: Pool, count: int = 300, seed: int = 4) -> list[Page]:
    """``count`` pages in the proportions of ``MIX`` (the rest are whole cables)."""
    rng = random.Random(seed)
    plan: list[tuple[str, bool]] = []
    for kind, as_html, share in MIX:
        plan += [(kind, as_html)] * round(share * count)
    plan = plan[:count] + [("whole", False)] * max(0, count - len(plan))
    return [
        make_page(rng, pool, kind, f"{n:03d}-{kind}{'-html' if as_html else ''}", as_html)
        for n, (kind, as_html) in enumerate(plan)
    ]


@functools.lru_cache(maxsize=2)
def load_pool(path: str | Path) -> Pool:
    """The pool of a corpus file, built once per process (a few seconds)."""
    return Pool(load_records(path))


_TAG = re.compile(r"<[^>]*>")
_INVISIBLE = re.compile(r"<(script|style|title)\b.*?</\1>", re.S | re.I)


def visible_text(page: Page) -> str:
    """A page's text as a reader sees it (crude for HTML: tags out, entities decoded)."""
    if not page.html:
        return page.text
    text = _INVISIBLE.sub(" ", page.text)
    return html.unescape(_TAG.sub("\n", text))
