"""The fields at the top of a cable text: classification line, handling, E.O./DECL, TAGS,
SUBJECT, REF, Classified By.

Every function takes a whole cable or any snippet of one and never raises. The fields
come in a fixed order (classification line, handling caveats, passing instructions,
``E.O.``, ``TAGS``, ``SUBJECT``, ``REF``, ``Classified By``, paragraph 1), but in the
site's early "press" format they are reflowed into one line and in old cables they run
into each other, so each field is found by its marker and ended by the next marker.
Scanning is line based and limited to the preamble, so the cost does not grow with
the length of the cable.

The package re-exports what the rest of cablekit and the tests use; the code lives in:
``lines`` (the preamble lines of a text, cut at paragraph 1 and cached, and the search
for the lines that may hold a marker), ``classification`` (the classification line),
``handling`` (handling caveats and the classification as the site lists it),
``declassification`` (E.O. / DECL), ``tags_field`` (the TAGS field), ``subject``,
``references`` (REF) and ``classified_by``.
"""

from cablekit.parse.preamble.classification import HANDLING_WORDS as HANDLING_WORDS
from cablekit.parse.preamble.classification import LEVELS as LEVELS
from cablekit.parse.preamble.classification import (
    ClassificationLine,
    parse_classification_line,
)
from cablekit.parse.preamble.classified_by import parse_classified_by
from cablekit.parse.preamble.declassification import parse_declassification
from cablekit.parse.preamble.handling import parse_handling, site_classification
from cablekit.parse.preamble.references import parse_references
from cablekit.parse.preamble.subject import parse_subject
from cablekit.parse.preamble.tags_field import parse_tags

__all__ = [
    "ClassificationLine",
    "parse_classification_line",
    "site_classification",
    "parse_handling",
    "parse_declassification",
    "parse_tags",
    "parse_subject",
    "parse_references",
    "parse_classified_by",
]
