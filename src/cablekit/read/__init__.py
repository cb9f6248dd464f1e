"""Readers: every input shape -> ``cablekit.model.Document``.

Start at ``cablekit.read.sources.read_documents`` (files, directories, ``-``) or
``read_documents_from_text`` (a string); they sniff the format and hand over to
``text``, ``cablegate_html``, ``csv_release``, ``jsonl`` or ``web``.
"""
