"""cablekit: read US diplomatic cables from any source into complete, structured records.

>>> import cablekit
>>> cable = cablekit.parse_cable(text)            # the text of one cable
>>> for cable in cablekit.read("page.html"): ...   # any file, directory, "-" or text
>>> cablekit.canonical_reference_id("08SECTON01OF02BEIRUT896")
'08BEIRUT896'
"""

from cablekit.api import cables_in, read
from cablekit.errors import CablekitError, ReadError
from cablekit.model import Cable, Document
from cablekit.parse.cable import parse_cable
from cablekit.parse.reference_id import canonical_reference_id

__all__ = [
    "Cable",
    "CablekitError",
    "Document",
    "ReadError",
    "cables_in",
    "canonical_reference_id",
    "parse_cable",
    "read",
]
__version__ = "0.1.0"
