"""``python -m devtools.serve SITE``: serve a built site as GitHub Pages serves a project site.

Under a sub-path (``--prefix``, ``/second-date/`` by default), folders answering with their
``index.html`` and missing paths with the site's ``404.html``; ``--delay`` slows every answer
as a slow network would. ``make preview`` runs it.
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import threading
from pathlib import Path

from devtools._server import PagesServer


def main(argv: list[str] | None = None) -> None:
    """Command line: serve a built site folder under a sub-path until Ctrl+C."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", type=Path, help="the built site (the folder mkdocs build wrote)")
    parser.add_argument("--prefix", default="/second-date/", help="the sub-path to serve it under")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds each answer waits: a slow network")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    with tempfile.TemporaryDirectory(prefix="second-date-serve-") as scratch:
        server = PagesServer(Path(scratch), args.prefix, host=args.host, port=args.port, delay=args.delay)
        server.site_dir.symlink_to(site, target_is_directory=True)
        try:
            with server.serving() as url:
                print(f"Serving {site} at {url} (Ctrl+C stops)")  # noqa: T201
                with contextlib.suppress(KeyboardInterrupt):
                    threading.Event().wait()
        finally:
            server.close()


if __name__ == "__main__":
    main()
