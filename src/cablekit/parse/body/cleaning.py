"""The clean body: the cable's lines with page breaks removed (``clean_body``).

A break that split a paragraph is dropped with its blank lines so the paragraph is
rejoined; one that fell between paragraphs leaves one blank line. Also drops the spacer
blanks of double-spaced copies, the `` \\`` continuation artefact and the classification
press copies glue to the last line of a page.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from cablekit.parse.body.lines import _is_para_start, _lines_containing
from cablekit.parse.body.page_breaks import _has_break_word, _page_breaks
from cablekit.parse.body.patterns import _DASHES, _LETTERED, _PB_PAGE, _TERMINAL, _TRAILING_CLASS


def _clean_items(
    raw_lines: list[str], text: str, break_candidates: list[int], has_page: bool | None = None
) -> list[tuple[int, str]] | _Items:
    """Lines of the cable with page breaks removed: ``(original index, text)`` pairs.

    Blank lines around a break are dropped when the break split a paragraph and reduced
    to one when it fell between paragraphs. ``raw_lines`` are the lines of ``text``, and
    ``break_candidates`` the indices of those that have a break word in them;
    ``has_page`` is ``"PAGE" in text`` when the caller knows it.
    """
    lines = list(map(str.rstrip, raw_lines))
    if "\\" in text:
        lines = [_unslash(x) if x.endswith("\\") else x for x in lines]
    # a cleaned line is the start of its raw line, so it can only lose a break word
    pb = _page_breaks(lines, [i for i in break_candidates if _has_break_word(lines[i])])
    spacers = _spacer_blanks(lines)
    if has_page is None:
        has_page = "PAGE" in text
    if not pb and not has_page:
        # most cables: nothing to remove but the spacer blanks
        if not spacers:
            return _Items(lines)
        return [(i, line) for i, line in enumerate(lines) if i not in spacers]
    page_lines = _lines_containing(text, ("PAGE",)) if has_page else []
    return _items_around_breaks(lines, pb, spacers, page_lines)


class _Items:
    """``_clean_items`` of a cable with nothing removed: all its lines, in order."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def __iter__(self) -> Iterator[tuple[int, str]]:
        return enumerate(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def _items_around_breaks(
    lines: list[str], pb: set[int], spacers: set[int], page_lines: list[int]
) -> list[tuple[int, str]]:
    """``_clean_items`` of a cable with page breaks (or ``PAGE`` headers) in it.

    Each *break region* (a block of blank and break lines with at least one break) is
    dropped, or kept as one blank line where it fell between paragraphs; the lines in
    between are kept as they are. ``page_lines`` are the (sorted) indices of the lines
    that may hold a ``PAGE`` header.
    """
    items: list[tuple[int, str]] = []
    n = len(lines)
    i = 0
    for start, end in _break_regions(lines, pb):
        _add_plain_items(items, lines, i, start, spacers, page_lines)
        # spacer blanks at the start of a region are skipped like any spacer
        run = start
        while run in spacers:
            run += 1
        _add_break_run(items, lines, run, end, pb)
        i = end
    _add_plain_items(items, lines, i, n, spacers, page_lines)
    return items


def _break_regions(lines: list[str], pb: set[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of each maximal block of blank and break lines holding a break."""
    regions: list[tuple[int, int]] = []
    n = len(lines)
    for p in sorted(pb):
        if regions and p < regions[-1][1]:
            continue
        start = p
        while start > 0 and (start - 1 in pb or not lines[start - 1]):
            start -= 1
        end = p + 1
        while end < n and (end in pb or not lines[end]):
            end += 1
        regions.append((start, end))
    return regions


def _add_plain_items(
    items: list[tuple[int, str]],
    lines: list[str],
    start: int,
    end: int,
    spacers: set[int],
    page_lines: list[int],
) -> None:
    """Append lines ``start``..``end`` (no break among them), without ``PAGE`` headers."""
    if bisect.bisect_left(page_lines, start) == bisect.bisect_left(page_lines, end):
        items.extend([(i, lines[i]) for i in range(start, end) if i not in spacers])
        return
    for i in range(start, end):
        if i in spacers:
            continue
        line = lines[i]
        m = _PB_PAGE.match(line) if "PAGE" in line else None
        if m and m.group(2).strip():
            # press copy: text run into the PAGE header; keep the text
            line = m.group(2).rstrip()
            _strip_trailing_class(items)
        elif m:
            continue
        items.append((i, line))


def _add_break_run(
    items: list[tuple[int, str]], lines: list[str], i: int, j: int, pb: set[int]
) -> None:
    """Drop the blank and break lines ``i``..``j``; keep one blank if a paragraph ended."""
    first_blank = -1
    nb_before = 0
    seen_pb = False
    nb_after = 0
    for k in range(i, j):
        if k in pb:
            seen_pb = True
        elif not seen_pb:
            nb_before += 1
        else:
            nb_after += 1
        if first_blank < 0 and k not in pb:
            first_blank = k
    if items and j < len(lines):
        _strip_trailing_class(items)
        prev = items[-1][1].strip()
        nxt = lines[j].strip()
        if _keeps_paragraph_break(prev, nxt, lines, j, nb_before, nb_after) and first_blank >= 0:
            items.append((first_blank, ""))


def _spacer_blanks(lines: list[str]) -> set[int]:
    """Single blank lines of a double-spaced copy (a blank after every line).

    In such copies only runs of two or more blanks separate paragraphs, so the single
    blanks between two text lines are layout, not structure.
    """
    nonblank = len(lines) - lines.count("")
    if nonblank < 12:
        return set()
    # more than a tenth of the text lines right after another: an ordinary copy
    allowed = nonblank // 10
    adjacent = 0
    for prev, cur in zip(lines, lines[1:], strict=False):
        if prev and cur:
            adjacent += 1
            if adjacent > allowed:
                return set()
    return {i for i in range(1, len(lines) - 1) if not lines[i] and lines[i - 1] and lines[i + 1]}


def _unslash(line: str) -> str:
    """Strip trailing spaces and the `` \\`` line-continuation artefact of some copies."""
    line = line.rstrip()
    if line.endswith("\\") and (len(line) == 1 or line[-2] == " "):
        line = line[:-1].rstrip()
    return line


def _strip_trailing_class(items: list[tuple[int, str]]) -> None:
    """Press copies glue the page's classification to the last line: drop it."""
    if items and "  " in items[-1][1]:
        idx, text = items[-1]
        new = _TRAILING_CLASS.sub("", text)
        if new != text:
            items[-1] = (idx, new.rstrip())


def _keeps_paragraph_break(
    prev: str, nxt: str, lines: list[str], j: int, nb_before: int, nb_after: int
) -> bool:
    if not prev or not nxt:
        return True
    if _DASHES.match(nxt):
        return False  # the break fell between a heading and its underline
    if _DASHES.match(prev) or _is_para_start(nxt) or nxt.startswith(("-", "\u00b6", "*", "o ")):
        return True
    if _LETTERED.match(nxt):
        return True
    if j + 1 < len(lines) and _DASHES.match(lines[j + 1]):
        return True  # next line is a heading
    if nxt[0].islower() or prev[-1] not in _TERMINAL:
        return False
    return nb_before >= 2 or nb_after >= 3


def clean_body(lines: list[str]) -> str:
    """Cable text without page-break lines, split paragraphs rejoined, trailing spaces cut."""
    from cablekit.parse.body.prepared import _prepared_lines  # lazy: prepared imports this module

    try:
        return _prepared_lines(lines).clean_text
    except Exception:  # pragma: no cover
        return "\n".join(str(x).rstrip() for x in lines) if isinstance(lines, list) else ""
