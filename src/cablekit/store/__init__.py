"""The library of cables: store (SQLite, the source of truth) and search index.

>>> from cablekit.store import Library
>>> with Library.open("cables.db", create=True) as library:
...     summary = library.ingest(["cables.csv"])
...     library.search('Lavrov tag:PREL from:2009', limit=10)

The storage layer is ``SqliteStore``; a server database would be another class
with its public methods (``add_batch``, ``version_record``, ``versions``,
``summaries``, ``latest_records``, ``iter_latest``, ``stats``, and the index
watermark), so that ``Library`` and its callers need not change.
"""

from cablekit.store.ingest import IngestSummary
from cablekit.store.library import Library, index_path
from cablekit.store.sqlite import SqliteStore, text_hash

__all__ = ["IngestSummary", "Library", "SqliteStore", "index_path", "text_hash"]
