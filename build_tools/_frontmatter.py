"""Front matter: the YAML block between ``---`` lines at the top of a Markdown page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

#: libyaml's safe loader where PyYAML has it (eight times faster), else the pure-Python one.
_SAFE_LOADER: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BLOCK = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Source:
    """One Markdown page split into its front matter and its body.

    ``body_line`` is the file's line number (1-based) of the body's first line, so a
    problem found on body line ``n`` (0-based) is on file line ``body_line + n``.
    """

    meta: dict[str, Any]
    body: str
    body_line: int
    error: str | None = None
    error_line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        """The file line of a top-level front matter key, or 1 when it is absent."""
        return self.key_lines.get(key, 1)


def _line_after(text: str, block: re.Match[str]) -> int:
    """The file line (1-based) just after the front matter ``block`` of ``text``."""
    return text.count("\n", 0, block.end()) + 1


def body_line(text: str) -> int:
    """The file line (1-based) where the body of page ``text`` starts, without reading the YAML."""
    match = _BLOCK.match(text)
    return 1 if match is None else _line_after(text, match)


def read_source(text: str) -> Source:
    """Split ``text``; a YAML error is reported in ``error`` rather than raised."""
    match = _BLOCK.match(text)
    if match is None:
        return Source(meta={}, body=text, body_line=1)
    raw = match["yaml"] or ""
    first = _line_after(text, match)
    key_lines = {
        m["key"]: number
        for number, line in enumerate(raw.splitlines(), start=2)
        if (m := re.match(r"(?P<key>[A-Za-z_][\w-]*)\s*:", line))
    }
    body = text[match.end() :]
    try:
        loaded = yaml.load(raw, Loader=_SAFE_LOADER) if raw.strip() else {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        message = f"front matter is not valid YAML: {getattr(error, 'problem', None) or error}"
        return Source(meta={}, body=body, body_line=first, error=message, error_line=line)
    if not isinstance(loaded, dict):
        return Source(meta={}, body=body, body_line=first, error="front matter must be a YAML mapping")
    return Source(meta=loaded, body=body, body_line=first, key_lines=key_lines)
