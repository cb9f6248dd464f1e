"""Reading form of cable text.

The cable system mangled some characters on the way to Cablegate: an apostrophe
became ``,`` (``Aliyev,s``), a dash became ``)`` (``a coordinating body ) it does``),
quotes were doubled (``""consult""``) and the site's HTML left entities behind.
``normalise_text`` undoes these for the *reading* fields (summary, comment, paragraph
text); the verbatim text is never touched.
"""

from __future__ import annotations

import html
import re

__all__ = ["normalise_text"]

# ``Aliyev,s`` -> ``Aliyev's``: a comma glued to a word and followed by a lone ``s``. Only
# the comma is matched (the ``s`` in a look-ahead), so that ``sub`` takes a plain string,
# which it inserts in C; a template (``'\1``) costs a call into Python on every ``sub``.
# The look-behind comes after the comma so that the pattern starts with a literal, which
# the regex engine can skip to quickly (a leading look-behind is tried at every position).
_COMMA_S = re.compile(r",(?<=[A-Za-z],)(?=[sS]\b)")
# A ``)`` standing alone between words is the system's dash when no ``(`` is open. The
# look-behind comes after the `` )`` it checks (as in ``_COMMA_S``): a pattern that begins
# with a literal is tried only where the literal occurs.
_PAREN_DASH = re.compile(r" \)(?<=[\w.,;\"'] \))(?= [\w\"'])")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
# Two or more spaces, the common case: written as two spaces and then ``" *"`` so that
# the pattern starts with a two-space literal, which the regex engine skips ahead to.
_DOUBLE_SPACES = re.compile(r"   *")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_LINEBREAK_ENTITY = re.compile(r"&#x0*[aA];|&#0*10;")


def _fix_paren_dashes(s: str) -> str:
    """Replace `` ) `` by `` -- `` unless a ``(`` is still open before it."""
    out: list[str] = []
    last = 0
    for m in _PAREN_DASH.finditer(s):
        window = s[max(0, m.start() - 300) : m.start()]
        if window.count("(") > window.count(")"):
            continue  # a real closing parenthesis
        out.append(s[last : m.start()])
        out.append(" --")
        last = m.end()
    if not out:
        return s
    out.append(s[last:])
    return "".join(out)


def _has_spaced_paren(s: str) -> bool:
    """``" )" in s``, from each ``)``: a one-character ``find`` runs at memchr speed, and a
    text has few of them, where blanks (the first character of ``" )"``) are everywhere."""
    pos = s.find(")", 1)
    while pos > 0:
        if s[pos - 1] == " ":
            return True
        pos = s.find(")", pos + 1)
    return False


def _collapse_blanks(s: str) -> str:
    """Runs of two or more spaces, tabs or no-break spaces become one space."""
    if "\t" in s or (not s.isascii() and "\u00a0" in s):
        return _SPACES.sub(" ", s)
    return _DOUBLE_SPACES.sub(" ", s)


def normalise_text(s: object) -> str:
    """Return ``s`` in reading form; never raises, returns ``""`` for non-strings."""
    if not isinstance(s, str) or not s:
        return ""
    try:
        if "&" in s:
            s = _LINEBREAK_ENTITY.sub("\n", s)
            if _ENTITY.search(s):
                s = html.unescape(s)
        # Each test below scans the text: one-character tests (``")" in s``) are much
        # cheaper than two-character ones, so they go first.
        if "," in s and _COMMA_S.search(s):  # searching first spares ``sub``'s set-up
            s = _COMMA_S.sub("'", s)
        if ")" in s and _has_spaced_paren(s):
            s = _fix_paren_dashes(s)
        if '"' in s and '""' in s:
            s = s.replace('""', '"')
        if "  " in s or "\t" in s or (not s.isascii() and "\u00a0" in s):
            s = _collapse_blanks(s)
        return s.strip()
    except Exception:  # pragma: no cover - defensive: never raise on input
        return s
