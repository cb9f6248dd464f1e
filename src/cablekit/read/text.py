"""Plain text, and the byte-level work every reader shares: decoding and the binary test.

Cables turn up as UTF-8 mostly, but older dumps and pasted pages come as
Windows-1252 or Latin-1; a file is only decoded with those when it still looks
like text, so that images, archives and other binaries are refused with one clear
line instead of being parsed as mojibake.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from cablekit.errors import ReadError
from cablekit.model import Document

# Control characters that never occur in text (tab, LF, VT, FF, CR and ESC excepted).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}
_MAX_CONTROL_RATIO = 0.01  # more than 1% control bytes: not text


def sniff_encoding(head: bytes) -> str | None:
    """The encoding to decode a file that starts with ``head``; ``None`` when it is binary.

    ``head`` may end mid-character (it is the first chunk of a stream), so a
    truncated UTF-8 sequence at its very end is not held against it.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        return None
    if head:
        controls = sum(1 for b in head if b in _CONTROL)
        if controls / len(head) > _MAX_CONTROL_RATIO:
            return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8 but free of NULs and control bytes: an 8-bit text encoding.
    try:
        head.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"  # decodes anything; the control-byte test above vouched for it


def decode_bytes(data: bytes, path: str | None = None) -> str:
    """Decode a whole file's bytes, or raise ``ReadError`` when they are not text."""
    encoding = sniff_encoding(data[:65536])
    if encoding is None:
        raise ReadError(path, "binary file, not text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        # The head was UTF-8 but a later byte is not: the file is 8-bit text after all.
        if b"\x00" in data:
            raise ReadError(path, "binary file, not text") from None
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` to ``\\n``: line numbers then agree with every editor."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_text(text: str, path: str | None = None) -> Iterator[Document]:
    """One ``Document`` holding the whole text; segmentation finds the cables in it."""
    yield Document(text=normalize_newlines(text), path=path, format="text", start_line=1)
