"""The TAGS field (found here; its codes are split and corrected by ``cablekit.parse.tags``)."""

from __future__ import annotations

from cablekit.parse import tags as _tags
from cablekit.parse.preamble.lines import _iter_lines_with, _lines

_TAGS_NEEDLES = ("ta", "tg", "ag")  # TAGS, TAGES, TABS, TAG, TGS, TAS, AGS


def parse_tags(text: object) -> list[str]:
    """TAGS in order, upper-cased, run-together codes split and typos corrected."""
    if not isinstance(text, str):
        return []
    try:
        raw = _tags.find_tags_text(_lines(text), candidates=_iter_lines_with(text, _TAGS_NEEDLES))
        return _tags.parse_tags_text(raw) if raw else []
    except Exception:  # noqa: BLE001
        return []
