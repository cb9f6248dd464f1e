"""Full-text search over cables: the query language and the Tantivy index.

>>> from cablekit.search import SearchIndex, parse_query
>>> index = SearchIndex("cables.db-search")
>>> index.search('Lavrov origin:"Embassy Moscow" from:2009').total
"""

from cablekit.search.index import Hit, IndexDoc, SearchIndex, SearchResult
from cablekit.search.query import (
    And,
    DateRange,
    Filter,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    QuerySyntaxError,
    Word,
    parse_query,
)

__all__ = [
    "And",
    "DateRange",
    "Filter",
    "Hit",
    "IndexDoc",
    "MatchAll",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "QuerySyntaxError",
    "SearchIndex",
    "SearchResult",
    "Word",
    "parse_query",
]
