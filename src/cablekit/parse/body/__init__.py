"""The cable body: page breaks, paragraphs, headings, summary, comment, signature.

Everything here is line based: a cable is a few hundred short lines, and scanning
them once with anchored, precompiled patterns is both fast and immune to the
catastrophic backtracking a whole-text ``.*`` regex invites.

The package re-exports what the rest of cablekit and the tests use; the code lives in:
``patterns`` (the precompiled regexes), ``lines`` (line classifiers and line search),
``page_breaks``, ``cleaning`` (``clean_body``), ``paragraphs``, ``sections`` (summary and
comment), ``signature``, ``truncation`` (truncation warnings) and ``prepared`` (the
per-text preparation that ``parse_cable`` shares between fields).

Conventions
-----------
* Lettered sub-paragraphs (``A.``, ``¶B.``) and ``--`` bullets stay inside the text of
  the numbered paragraph they belong to; only top-level numbers become ``Paragraph``.
* Unnumbered cables yield one ``Paragraph`` (``number=None``) per blank-line separated
  block (or per line, for reflowed press-format lines).
* ``Paragraph.text``, ``summary`` and ``comment`` are in reading form
  (:func:`cablekit.parse.normalise.normalise_text`): lines joined by single spaces,
  portion marking and number removed.
"""

from cablekit.parse.body.cleaning import clean_body
from cablekit.parse.body.lines import _is_preamble_line as _is_preamble_line
from cablekit.parse.body.lines import _lines_containing as _lines_containing
from cablekit.parse.body.page_breaks import page_break_lines
from cablekit.parse.body.paragraphs import parse_paragraphs
from cablekit.parse.body.patterns import _COMMENT_END as _COMMENT_END
from cablekit.parse.body.patterns import _SUMMARY_END as _SUMMARY_END
from cablekit.parse.body.prepared import _prepared as _prepared
from cablekit.parse.body.prepared import clean_body_of as clean_body_of
from cablekit.parse.body.prepared import comment_of as comment_of
from cablekit.parse.body.prepared import paragraphs_of as paragraphs_of
from cablekit.parse.body.prepared import prepare as prepare
from cablekit.parse.body.prepared import signature_of as signature_of
from cablekit.parse.body.prepared import summary_of as summary_of
from cablekit.parse.body.sections import _comment_end as _comment_end
from cablekit.parse.body.sections import _summary_end as _summary_end
from cablekit.parse.body.sections import parse_comment, parse_summary
from cablekit.parse.body.signature import parse_signature, parse_signers
from cablekit.parse.body.truncation import truncation_warnings

__all__ = [
    "page_break_lines",
    "clean_body",
    "parse_paragraphs",
    "parse_summary",
    "parse_comment",
    "parse_signature",
    "parse_signers",
    "truncation_warnings",
]
