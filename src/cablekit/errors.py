"""The errors cablekit raises on purpose.

Every error a user can cause (a missing file, a binary file, a broken CSV) is a
``CablekitError`` whose ``str()`` is one line fit to print after ``cablekit: error:``.
Anything else escaping the library is a bug.
"""

from __future__ import annotations

import os


class CablekitError(Exception):
    """Base of cablekit's own errors; ``str()`` is one clear line for the user."""


class ReadError(CablekitError):
    """A source could not be read: ``"cables.csv: line 14: unterminated quoted field"``.

    ``path`` names the file (``"-"`` for standard input, ``None`` for in-memory
    text), ``line`` the 1-based line of the input the problem was found at, when
    there is one, and ``message`` says what is wrong without the path.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        message: str,
        *,
        line: int | None = None,
    ) -> None:
        self.path: str | None = os.fspath(path) if path is not None else None
        self.message = " ".join(str(message).split())  # one line, always
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = []
        if self.path is not None:
            parts.append(self.path)
        if self.line is not None:
            parts.append(f"line {self.line}")
        parts.append(self.message)
        return ": ".join(parts)

    def __reduce__(self):  # keep pickling (multiprocessing) working with the keyword arg
        return (_rebuild_read_error, (self.path, self.message, self.line))


def _rebuild_read_error(path: str | None, message: str, line: int | None) -> ReadError:
    return ReadError(path, message, line=line)
