"""Paragraphs: the numbered (or blank-line separated) paragraphs of the body, with headings.

Where the body starts (``_body_start``, after the preamble) and where the signature starts
(``_signature_cut``), and the scan between them that assigns lines to paragraphs and picks
up headings (``_parse_paragraphs``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cablekit.model import Paragraph
from cablekit.parse.body.lines import (
    _heading_text,
    _is_class_line,
    _is_preamble_line,
    _lines_containing,
    _looks_heading,
    _norm_mark,
    _para_match,
)
from cablekit.parse.body.patterns import (
    _DASHES,
    _HEADING_INLINE,
    _HEADING_TRAIL,
    _LEADING_MARK,
    _LETTERED,
    _PB_NEW,
    _PREAMBLE_KEY,
    _SIG_TAIL,
    _TERMINAL,
    _is_trailer,
    _tail_search,
)
from cablekit.parse.body.signature import _sig_from_line
from cablekit.parse.normalise import normalise_text

if TYPE_CHECKING:
    from cablekit.parse.body.prepared import _Prepared


def _body_start(
    lines: list[str],
    para_matches: list[tuple[int, str, str | None, str] | None],
) -> int:
    """Position in ``lines`` (the cleaned lines) where the body starts (after the preamble)."""
    items = lines
    limit = min(len(items), 120)
    first_para = -1
    for k in range(limit):
        s = items[k]
        pm = para_matches[k]
        if pm and (pm[0] <= 3 or pm[2] is not None) and not _PREAMBLE_KEY.match(s):
            first_para = k
            break
    # the end of the last preamble block before the first paragraph
    stop = first_para if first_para >= 0 else min(limit, 80)
    last_key = -1
    for k in range(stop - 1, -1, -1):  # the last one: search from the end
        if _is_preamble_line(items[k]):
            last_key = k
            break
    if last_key < 0:
        if first_para >= 0:
            # nothing recognisable above: body starts at the first non-blank line
            k = 0
            while k < first_para and not items[k].strip():
                k += 1
            return k if first_para - k < 40 else first_para
        return 0
    k = last_key + 1
    # continuation lines of the block (wrapped SUBJECT, Classified By, REF items, which
    # may be spaced out by blank lines: ``REF: A. STATE 1`` / `` `` / ``¶B. SAN JOSE 2``)
    while True:
        while k < stop and items[k].strip():
            k += 1
        while k < stop and not items[k].strip():
            k += 1
        if k < stop and _LETTERED.match(items[k]) and len(items[k].strip()) < 60:
            continue
        break
    return k if first_para < 0 or k <= first_para else first_para


class _Acc:
    """Accumulates paragraphs while scanning."""

    def __init__(self, offset: int) -> None:
        # (number, marking, heading, raw text, start) of each paragraph flushed
        self.pending: list[tuple[str | None, str | None, str | None, str, int]] = []
        self.offset = offset
        self.parts: list[str] = []
        self.number: str | None = None
        self.mark: str | None = None
        self.heading: str | None = None
        self.start = 0
        self.open = False

    def begin(self, idx: int, number: str | None, mark: str | None, heading: str | None) -> None:
        # ``flush`` inlined: one call less per paragraph
        if self.open and (self.parts or self.number is not None):
            self.pending.append(
                (self.number, self.mark, self.heading, " ".join(self.parts), self.start)
            )
        self.open = True
        self.number, self.mark, self.heading, self.start = number, mark, heading, idx
        self.parts = []

    def add(self, text: str) -> None:
        t = text.strip()
        if t:
            self.parts.append(t)

    def flush(self) -> None:
        if self.open and (self.parts or self.number is not None):
            self.pending.append(
                (self.number, self.mark, self.heading, " ".join(self.parts), self.start)
            )
        self.open = False
        self.parts = []

    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs flushed so far, their texts in reading form (normalised at once)."""
        texts = [normalise_text(p[3]) for p in self.pending]
        offset = self.offset - 1
        return [
            Paragraph(
                number=number, marking=mark, heading=heading, text=text, start_line=start + offset
            )
            for (number, mark, heading, _, start), text in zip(self.pending, texts, strict=True)
        ]


def _signature_cut(lines: list[str]) -> int:
    """Position in ``lines`` (the cleaned lines) where the signature / trailer starts."""
    k = len(lines) - 1
    steps = 0
    while k >= 0 and steps < 25:
        s = lines[k].strip()
        if not s or _is_class_line(s) or _is_trailer(s) or ("OF" in s and _PB_NEW.match(s)):
            k -= 1
            steps += 1
            continue
        if _sig_from_line(s) is not None and not _tail_search(_SIG_TAIL, s):
            return k
        return k + 1
    return k + 1


def parse_paragraphs(lines: list[str], first_line: int = 1) -> list[Paragraph]:
    """Numbered paragraphs of the body (preamble skipped), with headings and clean text."""
    from cablekit.parse.body.prepared import _prepared_lines  # lazy: prepared imports this module

    try:
        return _parse_paragraphs(_prepared_lines(lines), int(first_line))
    except Exception:  # pragma: no cover
        return []


def _parse_paragraphs(prep: _Prepared, first_line: int) -> list[Paragraph]:
    lines = prep.lines
    if not lines:
        return []
    start = prep.body_start
    end = prep.signature_cut
    stop = end if end > start else len(lines)
    body = lines[start:stop]
    index = prep.index[start:stop]  # index of the raw line of each line of ``body``
    matches = prep.para_matches[start : start + len(body)]
    acc = _Acc(first_line)
    numbered = _has_numbering(matches)
    heading: str | None = None
    last_num: int | None = None
    style: str | None = None
    prev_blank = True
    prev_text = ""
    n = len(body)
    # each line stripped once, and the lines that may be rules or ruled headings found
    # with ``str.find`` over the whole text rather than five tests on every line
    stripped = list(map(str.strip, body))  # the body's lines only: not the preamble's
    ruled = {i - start for i in _lines_containing(prep.clean_text, _RULE_NEEDLES)}
    k = 0
    while k < n:
        idx = index[k]
        s = stripped[k]
        if not s:
            prev_blank = True
            if not numbered or last_num is None:
                acc.flush()
            k += 1
            continue
        # headings (cheap guards first: most lines are plain wrapped text)
        if k in ruled:
            hm = _HEADING_INLINE.match(s)
            if hm and len(hm.group(1)) <= 80:
                heading = _heading_text(hm.group(1))
                if not numbered or last_num is None:
                    acc.flush()
                k += 1
                prev_blank = True
                continue
            if _DASHES.match(s):
                k += 1
                continue
            tm = _HEADING_TRAIL.match(s)
            if tm:
                heading = _heading_text(tm.group(1))
                k += 1
                prev_blank = True
                continue
        if (
            len(s) <= 80
            and s[-1] not in ".,;"
            and (prev_blank or prev_text[-1:] in _TERMINAL)
            # a numbered line is no heading: ``_looks_heading`` would find the number again
            and not (matches[k] is not None and s[0].isdigit())
            and _looks_heading(s)
        ):
            nxt_s = stripped[k + 1] if k + 1 < n else ""
            nxt2 = body[k + 2] if k + 2 < n else ""
            two = (
                nxt_s
                and len(s) + len(nxt_s) <= 90
                and _looks_heading(nxt_s)
                and _DASHES.match(nxt2)
            )
            if (
                two
                or _DASHES.match(nxt_s)
                or ((not nxt_s or _para_match(nxt_s)) and (numbered or s.isupper() or len(s) < 50))
            ):
                heading = _heading_text(s + " " + nxt_s if two else s)
                if not numbered or last_num is None:
                    acc.flush()
                k += 2 if two else 1
                prev_blank = True
                continue
        pm = matches[k] if numbered else None
        if pm is not None:
            num, st, mark, rest = pm
            ok = False
            if last_num is None:
                ok = num <= 3 or mark is not None
            elif style is not None and st != style:
                ok = False
            elif num == last_num + 1:
                ok = True
            elif last_num < num <= last_num + 6 and (
                mark is not None or prev_blank or prev_text[-1:] in _TERMINAL
            ):
                ok = True
            if ok:
                style = style or st
                last_num = num
                acc.begin(idx + 1, str(num), mark, heading)
                rest = rest.strip()  # ``acc.add(rest)``, inlined
                if rest:
                    acc.parts.append(rest)
                k = _absorb(acc.parts, stripped, ruled, matches, k)
                prev_blank = False
                prev_text = stripped[k]
                k += 1
                continue
        # plain text line
        if not acc.open or (
            (not numbered or last_num is None) and (prev_blank or len(prev_text) > 150)
        ):
            acc.begin(idx + 1, None, None, heading)
            lm = _LEADING_MARK.match(s)
            if lm:
                acc.mark = _norm_mark(lm.group(1))
                s = s[lm.end() :]
            acc.add(s)
        else:
            acc.parts.append(s)  # the common case: ``s`` is stripped and not empty
            if numbered and last_num is not None:
                k = _absorb(acc.parts, stripped, ruled, matches, k)
                s = stripped[k]
        prev_blank = False
        prev_text = s
        k += 1
    acc.flush()
    out = acc.paragraphs()
    if out and out[-1].text:
        sig = prep.signature
        if sig and out[-1].text.endswith(" " + sig):
            out[-1].text = out[-1].text[: -len(sig) - 1].rstrip()
    return out


# Every line ``_parse_paragraphs`` may take for a rule or a ruled heading has one of these.
_RULE_NEEDLES = ("---", "===", "\u2010\u2010", "___", "***")


def _absorb(
    parts: list[str],
    stripped: list[str],
    ruled: set[int],
    matches: list[tuple[int, str, str | None, str] | None],
    k: int,
) -> int:
    """Append to ``parts`` the lines after line ``k`` that can only continue its paragraph.

    Within a numbered cable, the lines of a paragraph after its first are taken in one go:
    not blank, no rule, no paragraph number, and no chance of a heading (which needs a
    short line after a finished one). Returns the index of the last line taken (or ``k``).
    ``stripped[k]`` must not be empty.
    """
    n = len(stripped)
    prev = stripped[k]
    j = k + 1
    while j < n:
        t = stripped[j]
        if (
            not t
            or j in ruled
            or matches[j] is not None
            or (len(t) <= 80 and t[-1] not in ".,;" and prev[-1] in _TERMINAL)
        ):
            break
        parts.append(t)
        prev = t
        j += 1
    return j - 1


def _has_numbering(para_matches: list[tuple[int, str, str | None, str] | None]) -> bool:
    """A cable counts as numbered when it has a ``1.``/``2.`` paragraph start."""
    seen = 0
    for pm in para_matches:
        if pm and (pm[0] <= 3 or pm[2] is not None):
            seen += 1
            if seen >= 2 or pm[2] is not None:
                return True
    return seen >= 1
