"""Any other web page: a blog post, a news site, a forum that pasted a cable.

trafilatura is good at finding a page's main text and dropping its chrome
(navigation, sidebars, comment forms), but with ``favor_precision`` it also drops
short lines it takes for boilerplate, and a cable is full of them: page-break lines
(``MOSCOW 00001488  002 OF 002``), headings, ``SIPDIS``. So trafilatura only decides
*where* the main text starts and ends; the lines in between are taken from a plain,
line-preserving rendering of the whole page, so that no cable line is lost.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from lxml import etree

from cablekit.model import Document
from cablekit.read.cablegate_html import parse_html

# Elements whose content is never text a reader sees.
_SKIP = frozenset(
    "script style noscript template head title iframe svg canvas select option button "
    "input textarea object embed map audio video".split()
)
# Elements that break the line before and after them.
_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre "
    "section summary table tbody thead tfoot tr td th ul caption legend label".split()
)
_INLINE_SPACE = re.compile(r"[ \t\f\v]*\n[ \t\f\v]*")
_BLANKS = re.compile(r"\n{3,}")
_WS = re.compile(r"\s+")
_SNIPPET = 80  # characters of trafilatura's first/last text used to find its span


def looks_like_html(head: str, extension: str = "") -> bool:
    """Whether text is an HTML page (content first, the extension only as a hint)."""
    start = head.lstrip()[:4096].lower()
    if not start.startswith("<"):
        return False
    if start.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in start:
        return True
    if any(tag in start for tag in ("<html", "<head", "<body")):
        return True
    return extension in {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"} and bool(
        re.search(r"<(p|div|br|pre|table|span|a)\b", start)
    )


def html_lines(html: str) -> list[str]:
    """The page as a person reads it, one text line per line.

    Block elements and ``<br>`` break lines, ``<pre>`` keeps its own text verbatim,
    scripts and styles vanish. A line break in the source text is kept too (cables
    pasted into a ``<p>`` often rely on it) unless markup already breaks the line there.
    """
    root = parse_html(html)
    if root is None:
        return []
    out: list[str] = []
    pres: list[str] = []  # <pre> texts, kept apart from whitespace clean-up
    pre_depth = 0
    skip_depth = 0

    def add(text: str | None) -> None:
        if not text:
            return
        if pre_depth:
            pres[-1] += text
        else:
            out.append(text.replace("\x01", "").replace("\x02", "").replace("\x03", ""))

    for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event in ("comment", "pi"):
            if not skip_depth:
                add(el.tail)
            continue
        if event == "start":
            if skip_depth or tag in _SKIP:
                skip_depth += 1
                continue
            if tag == "br":
                add("\n") if pre_depth else out.append(_BR)
            elif tag in _BLOCK:
                out.append(_BLOCK_MARK)
            if tag == "pre":
                if pre_depth == 0:
                    out.append(f"\x03{len(pres)}\x03")
                    pres.append("")
                pre_depth += 1
            add(el.text)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0:
                    add(el.tail)
                continue
            if tag == "pre":
                pre_depth -= 1
            if tag in _BLOCK:
                out.append(_BLOCK_MARK)
            add(el.tail)
    text = "".join(out).replace("\xa0", " ").replace("\r", "")
    text = _AROUND_MARK.sub(r"\1", text)  # source whitespace next to a markup break
    text = _MARK_RUN.sub(_mark_run, text)
    text = _INLINE_SPACE.sub("\n", text)
    if pres:
        text = _PRE_SLOT.sub(lambda m: _pre_clean(pres[int(m.group(1))]), text)
    text = _BLANKS.sub("\n\n", text)
    return [line.rstrip() for line in text.strip("\n").split("\n")]


_BR = "\x01"
_BLOCK_MARK = "\x02"
_AROUND_MARK = re.compile(r"[ \t\n\f\v]*([\x01\x02])[ \t\n\f\v]*")
_MARK_RUN = re.compile(r"[\x01\x02]+")
_PRE_SLOT = re.compile(r"\x03(\d+)\x03")


def _mark_run(m: re.Match[str]) -> str:
    run = m.group(0)
    return "\n\n" if _BLOCK_MARK in run else "\n" * len(run)


def _pre_clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").strip("\n")


def _main_text(html: str) -> str | None:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        return trafilatura.extract(
            html,
            include_comments=False,
            favor_precision=True,
            include_tables=True,
            include_formatting=False,
            deduplicate=False,
        )
    except Exception:  # trafilatura must never take the reader down with it
        return None


def main_span(lines: list[str], main: str | None) -> tuple[int, int]:
    """The range ``[start, end)`` of ``lines`` that trafilatura's main text covers.

    Both are compared with all whitespace squeezed to one space, since trafilatura
    rewraps and squeezes; the whole page when the main text cannot be located.
    """
    if not main or not main.strip() or not lines:
        return 0, len(lines)
    flat_parts: list[str] = []
    offsets: list[int] = []  # offset in the flat string of each non-blank line
    indexes: list[int] = []  # and its index in ``lines``
    pos = 0
    for index, line in enumerate(lines):
        squeezed = " ".join(line.split())
        if not squeezed:
            continue
        offsets.append(pos)
        indexes.append(index)
        flat_parts.append(squeezed)
        pos += len(squeezed) + 1
    flat = " ".join(flat_parts)
    target = " ".join(main.split())
    head = target[:_SNIPPET]
    tail = target[-_SNIPPET:]
    first = flat.find(head)
    if first < 0 or not indexes:
        return 0, len(lines)
    last = flat.rfind(tail)
    if last < first:
        return 0, len(lines)
    start = indexes[bisect.bisect_right(offsets, first) - 1]
    end = indexes[bisect.bisect_right(offsets, last + len(tail) - 1) - 1] + 1
    return max(start, 0), max(end, start + 1)


def web_text(html: str) -> str:
    """The main text of a page, every line of it kept."""
    lines = html_lines(html)
    start, end = main_span(lines, _main_text(html))
    return "\n".join(lines[start:end])


def read_web(html: str, path: str | None = None) -> Iterator[Document]:
    """One document: the page's main text, lines kept; segmentation finds the cables."""
    yield Document(text=web_text(html), path=path, format="web", start_line=1)
