"""The E.O. / DECL field: ``E.O. 12958: DECL: 06/05/2019``."""

from __future__ import annotations

import re

from cablekit.parse.preamble.lines import _lines

_EO_RE = re.compile(
    r"E(?<![A-Za-z]E)\.?\s?O\.?\s*:?\s*(?P<eo>1\d{3,4})?\s*[:.;,]?\s*"
    r"(?:(?P<decl>DECL(?:ASSIFY)?(?:\s+ON)?)\s*[:.]?)?\s*(?P<value>[^\n]{0,80})",
    re.IGNORECASE,
)
# Case-sensitive, so much cheaper than _EO_RE: a line without it holds no E.O. field.
_EO_HINT_RE = re.compile(r"[Ee]\.?\s?[Oo]")
_DECL_WORD_RE = re.compile(r"DECL(?:ASSIFY)?\s*:?\s*", re.IGNORECASE)
_DATE_MDY_RE = re.compile(r"^(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{2,4})(?!\d)")
_DATE_YMD_RE = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?!\d)")
_VALUE_END_RE = re.compile(r"\s(?:TAGS?|TAGES|TABS|TGS|TAS|AGS)\b|\s{3,}|\s+SUBJ", re.IGNORECASE)


def _year(raw: str) -> int:
    y = int(raw)
    if len(raw) <= 2:
        y += 2000 if y < 70 else 1900
    return y


def _declassify_value(value: str) -> str | None:
    value = value.strip()
    m = _DATE_YMD_RE.match(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DATE_MDY_RE.match(value)
        if m:
            mo, d, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
    if m:
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
        return m.group(0)
    end = _VALUE_END_RE.search(value)
    if end:
        value = value[: end.start()]
    value = value.strip(" .,;:\\")
    if not value:
        return None
    if value.upper().replace(" ", "") in ("N/A", "NA", "N\\A"):
        return "N/A"
    return value


def parse_declassification(text: object) -> tuple[str | None, str | None]:
    """``(eo, declassify_on)``: ``E.O. 12958: DECL: 06/05/2019`` -> ``("12958", "2019-06-05")``.

    ``declassify_on`` is an ISO date, or the instruction as written (``1.6X1``, ``OADR``,
    ``N/A``).
    """
    if not isinstance(text, str):
        return None, None
    try:
        for line in _lines(text):
            hint = _EO_HINT_RE.search(line)  # where the first match can begin
            m = _EO_RE.search(line, hint.start()) if hint else None
            if not m or not (m.group("eo") or m.group("decl")):
                continue
            eo = m.group("eo")
            value = m.group("value") or ""
            if not m.group("decl"):
                value = value.lstrip(":. ")
                dm = _DECL_WORD_RE.match(value)
                if dm:
                    value = value[dm.end() :]
            return eo, _declassify_value(value)
        return None, None
    except Exception:  # noqa: BLE001
        return None, None
