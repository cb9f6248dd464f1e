"""Identify copies: which stored cables a page reproduces, and what the copy lost.

>>> from cablekit.identify import identify
>>> result = identify(library, page_text)
>>> [m.reference_id for m in result.matches]
"""

from cablekit.identify.match import Identification, Match, identify

__all__ = ["Identification", "Match", "identify"]
