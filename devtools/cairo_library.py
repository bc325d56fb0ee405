"""``python -m devtools.cairo_library [--install]``: the Cairo library the social cards need.

``make setup`` runs it with ``--install``; how it finds and installs Cairo is said in
:mod:`devtools._cairo`.
"""

from __future__ import annotations

import argparse
import sys

from devtools import _cairo


def main(argv: list[str] | None = None) -> None:
    """Command line: report Cairo, installing it with ``--install``."""
    parser = argparse.ArgumentParser(
        description=_cairo.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--install", action="store_true", help="install libcairo2 if it is missing")
    args = parser.parse_args(argv)
    status = _cairo.install() if args.install else ("found" if _cairo.cairo_loads() else "missing")
    print(f"Cairo for the social cards: {status}")  # noqa: T201
    if status == "missing":
        sys.exit(1)


if __name__ == "__main__":
    main()
