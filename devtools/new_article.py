"""Scaffold the next part of the series: ``python -m devtools.new_article "Title"``.

``make new-article TITLE="..."`` runs this. The new file gets the next ``part``
number, today's date and a slug made from the title; then write it and run
``make serve`` to see it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from build_tools import BuildError
from build_tools._paths import PROJECT_ROOT
from devtools._scaffold import new_article


def main(argv: list[str] | None = None) -> int:
    """Command line: create the file and print its path."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("title", help="the article's title, as readers will see it")
    parser.add_argument("--docs-dir", type=Path, default=PROJECT_ROOT / "docs")
    parser.add_argument("--date", type=date.fromisoformat, default=None, help="default: today")
    args = parser.parse_args(argv)
    try:
        path = new_article(args.title, args.docs_dir, args.date or date.today())  # noqa: DTZ011
    except BuildError as error:
        print(f"new-article: {error}", file=sys.stderr)  # noqa: T201
        return 1
    print(f"Created {path}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
