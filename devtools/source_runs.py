"""Reduce a source text to fingerprints of its runs of words.

``python -m devtools.source_runs SOURCE.txt > tests/unit/data/seed-runs.txt`` writes the
file the seed-overlap test compares every page with, so the test needs no copy of the
source's text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from devtools._overlap import fingerprints


def main(argv: list[str] | None = None) -> int:
    """Print the source's fingerprints, one a line, sorted."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)  # noqa: T201
        return 2
    text = Path(args[0]).read_text(encoding="utf-8", errors="replace")
    print("\n".join(sorted(fingerprints(text))))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
