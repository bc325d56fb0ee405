"""One thing wrong with one line of one file, as every content check reports it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with one line of one file.

    ``path`` is relative to ``docs/`` for a page (``articles/posts/x.md``), and relative to
    the repository for any other file (``research/sources.yml``).
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
