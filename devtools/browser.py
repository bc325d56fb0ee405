"""``python -m devtools.browser [--install]``: the browsers the tests drive, installed if missing.

``make browser`` (and so ``make test``) runs it with ``--install``; what it finds, and how it
installs, is said in :mod:`devtools._browsers`.
"""

from __future__ import annotations

import argparse

from devtools import _browsers
from devtools._browsers import (
    find_chromium,
    find_firefox,
    find_webkit_driver,
    install_chromium,
    install_engines,
    missing_engines,
)


def main(argv: list[str] | None = None) -> None:
    """Command line: say which browsers the tests use, installing missing ones with ``--install``."""
    parser = argparse.ArgumentParser(
        description=_browsers.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--install", action="store_true", help="install the browsers that are missing")
    args = parser.parse_args(argv)
    chromium = install_chromium() if args.install else (find_chromium() or "Playwright's Chromium")
    missing = install_engines() if args.install else missing_engines()
    print(f"Chromium for the browser tests: {chromium}")  # noqa: T201
    for engine, label, find in (
        ("firefox", "Firefox", find_firefox),
        ("webkit", "WebKit", find_webkit_driver),
    ):
        print(f"{label} for the engine tests: {missing.get(engine) or find()}")  # noqa: T201


if __name__ == "__main__":
    main()
